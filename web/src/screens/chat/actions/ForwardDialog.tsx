// Forward a chat to another available agent or to a department, with a comment for whoever gets it.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { keys } from '../../../api/keys';
import * as rest from '../../../api/rest';
import type { Room } from '../../../api/types';
import { useMe } from '../../../app/permissions';
import { Field } from '../../../components/Field';
import { Dialog } from '../../../components/Dialog';

export function ForwardDialog({ room, onDone, onCancel }: { room: Room; onDone: () => void; onCancel: () => void }) {
  const me = useMe().data;
  const [target, setTarget] = useState<'agent' | 'department'>('agent');
  const [agentId, setAgentId] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [comment, setComment] = useState('');
  const agents = useQuery({ queryKey: keys.agents(''), queryFn: () => rest.agents(''), enabled: target === 'agent' });
  const departments = useQuery({ queryKey: keys.departments, queryFn: rest.departments, enabled: target === 'department' });
  const others = (agents.data ?? []).filter((a) => a._id !== me?._id && a._id !== room.servedBy?._id);
  const forward = useMutation({
    mutationFn: () =>
      rest.forwardRoom({
        roomId: room._id,
        ...(target === 'agent' ? { userId: agentId } : { departmentId }),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),
    onSuccess: onDone,
  });
  const ready = target === 'agent' ? !!agentId : !!departmentId;
  return (
    <Dialog
      title="Forward this chat"
      onClose={onCancel}
      onSubmit={() => forward.mutate()}
      error={forward.error?.message}
      actions={
        <>
          <button type="button" className="button button-quiet" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!ready || forward.isPending}>
            {forward.isPending ? 'Forwarding…' : 'Forward'}
          </button>
        </>
      }
    >
      <fieldset className="segmented">
        <legend>Forward to</legend>
        <label>
          <input type="radio" name="target" checked={target === 'agent'} onChange={() => setTarget('agent')} /> An agent
        </label>
        <label>
          <input type="radio" name="target" checked={target === 'department'} onChange={() => setTarget('department')} /> A department
        </label>
      </fieldset>
      {target === 'agent' ? (
        <Field label="Agent">
          <select value={agentId} onChange={(e) => setAgentId(e.target.value)} required>
            <option value="">{agents.isPending ? 'Loading agents…' : others.length ? 'Choose an available agent' : 'No other agent is available'}</option>
            {others.map((agent) => (
              <option key={agent._id} value={agent._id}>
                {agent.name && agent.name !== agent.username ? `${agent.name} (${agent.username})` : agent.username}
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <Field label="Department">
          <select value={departmentId} onChange={(e) => setDepartmentId(e.target.value)} required>
            <option value="">{departments.isPending ? 'Loading departments…' : 'Choose a department'}</option>
            {(departments.data ?? [])
              .filter((d) => d._id !== room.departmentId)
              .map((department) => (
                <option key={department._id} value={department._id}>
                  {department.name}
                </option>
              ))}
          </select>
        </Field>
      )}
      <Field label="Comment (optional)">
        <textarea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
      </Field>
      {agents.error || departments.error ? (
        <p className="form-error small" role="alert">
          {(agents.error ?? departments.error)?.message}
        </p>
      ) : null}
    </Dialog>
  );
}
