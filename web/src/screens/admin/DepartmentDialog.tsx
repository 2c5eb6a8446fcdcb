// A department's settings and agents: POST livechat/department to create one (with its agents), PUT to
// save one and POST livechat/department/:_id/agents for the agents added and removed.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import * as admin from '../../api/admin';
import type { DepartmentData, DepartmentMember } from '../../api/admin';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { CheckList, DialogButtons } from './parts';

const EMPTY: DepartmentData = {
  name: '',
  description: '',
  email: '',
  enabled: true,
  showOnRegistration: true,
  showOnOfflineForm: true,
  requestTagBeforeClosingChat: false,
  chatClosingTags: [],
  maxNumberSimultaneousChat: '',
};

function Toggle({ label, checked, onChange }: { label: string; checked: boolean; onChange: (next: boolean) => void }) {
  return (
    <label className="admin-toggle">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

export function DepartmentDialog({ id, onClose }: { id: string | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const agents = useQuery({ queryKey: ['livechat/users', 'agent', ''], queryFn: () => admin.livechatUsers('agent', '') });
  const existing = useQuery({ queryKey: ['livechat/department', id], queryFn: () => admin.departmentWithAgents(id ?? ''), enabled: !!id });
  const [data, setData] = useState<DepartmentData | null>(id ? null : EMPTY);
  const [members, setMembers] = useState<string[]>([]);
  useEffect(() => {
    if (existing.data && data === null) {
      const saved = existing.data.department as unknown as Record<string, unknown>;
      // only the fields this form edits go back to the server (not _updatedAt, numAgents ...)
      setData(Object.fromEntries(Object.entries(EMPTY).map(([k, v]) => [k, saved[k] ?? v])) as unknown as DepartmentData);
      setMembers(existing.data.agents.map((a) => a.agentId));
    }
  }, [existing.data, data]);
  const set = (patch: Partial<DepartmentData>) => setData((d) => ({ ...(d ?? EMPTY), ...patch }));
  const save = useMutation({
    mutationFn: async () => {
      const body = { ...(data ?? EMPTY) };
      body.chatClosingTags = (body.chatClosingTags ?? []).map((t) => t.trim()).filter(Boolean);
      const max = String(body.maxNumberSimultaneousChat ?? '').trim();
      body.maxNumberSimultaneousChat = max === '' ? '' : Number(max);
      if (!id) return admin.createDepartment(body, members);
      await admin.updateDepartment(id, body);
      const byId = new Map((agents.data?.users ?? []).map((a) => [a._id, a]));
      const before = existing.data?.agents.map((a) => a.agentId) ?? [];
      const member = (agentId: string): DepartmentMember => ({ agentId, username: byId.get(agentId)?.username ?? agentId });
      const upsert = members.filter((m) => !before.includes(m)).map(member);
      const remove = (existing.data?.agents ?? []).filter((a) => !members.includes(a.agentId)).map((a) => ({ agentId: a.agentId, username: a.username }));
      if (upsert.length || remove.length) await admin.saveDepartmentAgents(id, upsert, remove);
      return null;
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['livechat/department'] });
      void queryClient.invalidateQueries({ queryKey: ['livechat/agents/departments'] });
      onClose();
    },
  });
  const d = data ?? EMPTY;
  return (
    <Dialog
      title={id ? `Edit department ${d.name}` : 'New department'}
      onClose={onClose}
      onSubmit={() => save.mutate()}
      error={save.error?.message ?? existing.error?.message ?? agents.error?.message}
      actions={<DialogButtons onCancel={onClose} pending={save.isPending || data === null} />}
    >
      <Field label="Name">
        <input required value={d.name} onChange={(e) => set({ name: e.target.value })} />
      </Field>
      <Field label="Description">
        <input value={d.description ?? ''} onChange={(e) => set({ description: e.target.value })} />
      </Field>
      <Field label="Email">
        <input type="email" value={d.email ?? ''} onChange={(e) => set({ email: e.target.value })} />
      </Field>
      <Field label="Max simultaneous chats per agent">
        <input type="number" min={0} value={String(d.maxNumberSimultaneousChat ?? '')} onChange={(e) => set({ maxNumberSimultaneousChat: e.target.value })} placeholder="The routing default" />
      </Field>
      <Toggle label="Enabled" checked={!!d.enabled} onChange={(enabled) => set({ enabled })} />
      <Toggle label="Shown on the registration form" checked={!!d.showOnRegistration} onChange={(v) => set({ showOnRegistration: v })} />
      <Toggle label="Shown on the offline form" checked={!!d.showOnOfflineForm} onChange={(v) => set({ showOnOfflineForm: v })} />
      <Toggle label="A tag is required to close a chat" checked={!!d.requestTagBeforeClosingChat} onChange={(v) => set({ requestTagBeforeClosingChat: v })} />
      {d.requestTagBeforeClosingChat ? (
        <Field label="Closing tags (comma-separated)">
          <input
            value={(d.chatClosingTags ?? []).join(',')}
            onChange={(e) => set({ chatClosingTags: e.target.value.split(',').map((t) => t.trimStart()) })}
            onBlur={() => set({ chatClosingTags: (d.chatClosingTags ?? []).map((t) => t.trim()).filter(Boolean) })}
          />
        </Field>
      ) : null}
      <CheckList
        legend="Agents"
        options={(agents.data?.users ?? []).map((a) => ({ id: a._id, label: a.name ? `${a.name} (${a.username})` : a.username }))}
        value={members}
        onChange={setMembers}
      />
    </Dialog>
  );
}
