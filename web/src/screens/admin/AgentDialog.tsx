// An agent's departments and how many chats they hold at once (livechat:saveAgentInfo, as Rocket.Chat's
// own agent form saves them).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import * as admin from '../../api/admin';
import type { LivechatUser } from '../../api/admin';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { CheckList, DialogButtons } from './parts';

export function AgentDialog({ agent, onClose }: { agent: LivechatUser; onClose: () => void }) {
  const queryClient = useQueryClient();
  const departments = useQuery({ queryKey: ['livechat/department', 'admin'], queryFn: admin.allDepartments });
  const current = useQuery({ queryKey: ['livechat/agents/departments', agent._id], queryFn: () => admin.agentDepartments(agent._id) });
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [maxChats, setMaxChats] = useState(String(agent.livechat?.maxNumberSimultaneousChat ?? ''));
  useEffect(() => {
    if (current.data && chosen === null) setChosen(current.data);
  }, [current.data, chosen]);
  const save = useMutation({
    mutationFn: () => admin.saveAgentInfo(agent._id, maxChats.trim() === '' ? null : Number(maxChats), chosen ?? []),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['livechat/users'] });
      void queryClient.invalidateQueries({ queryKey: ['livechat/agents/departments', agent._id] });
      void queryClient.invalidateQueries({ queryKey: ['livechat/department'] });
      onClose();
    },
  });
  return (
    <Dialog
      title={`Edit agent ${agent.username}`}
      onClose={onClose}
      onSubmit={() => save.mutate()}
      error={save.error?.message ?? current.error?.message ?? departments.error?.message}
      actions={<DialogButtons onCancel={onClose} pending={save.isPending || chosen === null} />}
    >
      <Field label="Max simultaneous chats">
        <input type="number" min={0} value={maxChats} onChange={(e) => setMaxChats(e.target.value)} placeholder="The routing default" />
      </Field>
      <CheckList
        legend="Departments"
        options={(departments.data ?? []).map((d) => ({ id: d._id, label: d.name }))}
        value={chosen ?? []}
        onChange={setChosen}
      />
    </Dialog>
  );
}
