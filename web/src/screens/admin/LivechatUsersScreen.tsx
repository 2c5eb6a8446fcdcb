// Agents or managers as a table: search, add by username, remove; agents also get an edit dialog.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import * as admin from '../../api/admin';
import type { LivechatUser } from '../../api/admin';
import { AgentDialog } from './AgentDialog';
import { AdminPage, RemoveButton } from './parts';

const TEXT = {
  agent: { title: 'Agents', one: 'agent', intro: 'People who take chats: their departments and how many chats they hold at once.' },
  manager: { title: 'Managers', one: 'manager', intro: 'People who run the desk: they see every chat and keep its settings.' },
};

export function LivechatUsersScreen({ kind }: { kind: 'agent' | 'manager' }) {
  const text = TEXT[kind];
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [username, setUsername] = useState('');
  const [editing, setEditing] = useState<LivechatUser | null>(null);
  const key = ['livechat/users', kind];
  const list = useQuery({ queryKey: [...key, search], queryFn: () => admin.livechatUsers(kind, search) });
  const add = useMutation({
    mutationFn: () => admin.addLivechatUser(kind, username.trim()),
    onSuccess: () => {
      setUsername('');
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  return (
    <AdminPage title={text.title} intro={text.intro}>
      <form
        className="admin-toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          if (username.trim()) add.mutate();
        }}
      >
        <label className="admin-inline">
          Username to add
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" />
        </label>
        <button type="submit" className="button button-primary button-small" disabled={add.isPending}>
          Add {text.one}
        </button>
        <label className="admin-inline admin-search">
          Search {text.title.toLowerCase()}
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
      </form>
      {add.error ? <p className="form-error" role="alert">{add.error.message}</p> : null}
      {list.isError ? <p className="form-error" role="alert">{list.error.message}</p> : null}
      <table className="table admin-table" aria-label={text.title}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Username</th>
            <th scope="col">Email</th>
            {kind === 'agent' ? <th scope="col">Max chats</th> : null}
            {kind === 'agent' ? <th scope="col">Availability</th> : null}
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {(list.data?.users ?? []).map((u) => (
            <tr key={u._id}>
              <td>{u.name || u.username}</td>
              <td>{u.username}</td>
              <td>{u.emails?.[0]?.address ?? ''}</td>
              {kind === 'agent' ? <td>{u.livechat?.maxNumberSimultaneousChat || 'Default'}</td> : null}
              {kind === 'agent' ? <td>{u.statusLivechat === 'available' ? 'Available' : 'Not available'}</td> : null}
              <td>
                <div className="admin-row-actions">
                  {kind === 'agent' ? (
                    <button type="button" className="button button-quiet button-small" aria-label={`Edit ${u.username}`} onClick={() => setEditing(u)}>
                      Edit
                    </button>
                  ) : null}
                  <RemoveButton what={u.username} label="Remove" invalidate={key} remove={() => admin.removeLivechatUser(kind, u._id)} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data && list.data.users.length === 0 ? <p className="empty">No {text.title.toLowerCase()} yet.</p> : null}
      {editing ? <AgentDialog agent={editing} onClose={() => setEditing(null)} /> : null}
    </AdminPage>
  );
}
