// Users and roles: everyone who logs in (users.list), created, edited, deactivated or deleted, and the
// roles each holds (roles.list; saved with users.update).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import * as admin from '../../api/admin';
import type { AdminUser } from '../../api/admin';
import { AdminPage, RemoveButton } from './parts';
import { UserDialog } from './UserDialog';

const KEY = ['users.list'];
const PAGE = 25;

export function UsersScreen() {
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  const [editing, setEditing] = useState<AdminUser | null | undefined>(undefined);
  const list = useQuery({
    queryKey: [...KEY, search, page],
    queryFn: () => admin.users(search, page * PAGE, PAGE),
    placeholderData: keepPreviousData,
  });
  const total = list.data?.total ?? 0;
  const last = Math.min(total, (page + 1) * PAGE);
  return (
    <AdminPage
      title="Users"
      intro="Everyone who logs in, and their roles: agents, managers, monitors, administrators."
      actions={
        <button type="button" className="button button-primary button-small" onClick={() => setEditing(null)}>
          New user
        </button>
      }
    >
      <div className="admin-toolbar">
        <label className="admin-inline admin-search">
          Search users
          <input
            type="search"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setPage(0);
            }}
          />
        </label>
      </div>
      {list.isError ? <p className="form-error" role="alert">{list.error.message}</p> : null}
      <table className="table admin-table" aria-label="Users">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Username</th>
            <th scope="col">Email</th>
            <th scope="col">Roles</th>
            <th scope="col">Status</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {(list.data?.users ?? []).map((u) => (
            <tr key={u._id}>
              <td>{u.name || u.username}</td>
              <td>{u.username}</td>
              <td>{u.emails?.[0]?.address ?? ''}</td>
              <td>{u.roles.join(', ')}</td>
              <td>{u.active ? (u.status ?? 'offline') : 'Deactivated'}</td>
              <td>
                <div className="admin-row-actions">
                  <button type="button" className="button button-quiet button-small" aria-label={`Edit ${u.username}`} onClick={() => setEditing(u)}>
                    Edit
                  </button>
                  <RemoveButton what={u.username} label="Delete" invalidate={KEY} remove={() => admin.deleteUser(u._id)} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="cc-paging admin-paging" aria-label="Pages">
        <span role="status">{list.isPending ? 'Loading…' : `${total ? page * PAGE + 1 : 0}–${last} of ${total}`}</span>
        <button type="button" className="button button-quiet button-small" disabled={page === 0} onClick={() => setPage(page - 1)}>
          Previous page
        </button>
        <button type="button" className="button button-quiet button-small" disabled={last >= total} onClick={() => setPage(page + 1)}>
          Next page
        </button>
      </nav>
      {editing !== undefined ? <UserDialog user={editing} onClose={() => setEditing(undefined)} /> : null}
    </AdminPage>
  );
}
