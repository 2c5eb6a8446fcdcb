// Create a user (users.create) or change one (users.update): name, username, email, password, roles and
// whether they may log in.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import * as admin from '../../api/admin';
import type { AdminUser } from '../../api/admin';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { CheckList, DialogButtons } from './parts';

export function UserDialog({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const roles = useQuery({ queryKey: ['roles.list'], queryFn: admin.roles, staleTime: 5 * 60_000 });
  const [name, setName] = useState(user?.name ?? '');
  const [username, setUsername] = useState(user?.username ?? '');
  const [email, setEmail] = useState(user?.emails?.[0]?.address ?? '');
  const [password, setPassword] = useState('');
  const [active, setActive] = useState(user?.active ?? true);
  const [chosen, setChosen] = useState<string[]>(user?.roles ?? ['user']);
  const save = useMutation({
    mutationFn: () =>
      user
        ? admin.updateUser(user._id, { name, username, email, active, roles: chosen, ...(password ? { password } : {}) })
        : admin.createUser({ name, username, email, password, roles: chosen }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users.list'] });
      void queryClient.invalidateQueries({ queryKey: ['livechat/users'] });
      onClose();
    },
  });
  return (
    <Dialog
      title={user ? `Edit user ${user.username}` : 'New user'}
      onClose={onClose}
      onSubmit={() => save.mutate()}
      error={save.error?.message ?? roles.error?.message}
      actions={<DialogButtons onCancel={onClose} pending={save.isPending} />}
    >
      <Field label="Name">
        <input required value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label="Username">
        <input required value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" />
      </Field>
      <Field label="Email">
        <input required type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
      </Field>
      <Field label={user ? 'New password (leave empty to keep it)' : 'Password'}>
        <input type="password" required={!user} value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
      </Field>
      {user ? (
        <label className="admin-toggle">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          Active (may log in)
        </label>
      ) : null}
      <CheckList
        legend="Roles"
        options={(roles.data ?? []).filter((r) => r._id !== 'livechat-guest').map((r) => ({ id: r._id, label: r.description ? `${r.description} (${r._id})` : r._id }))}
        value={chosen}
        onChange={setChosen}
      />
    </Dialog>
  );
}
