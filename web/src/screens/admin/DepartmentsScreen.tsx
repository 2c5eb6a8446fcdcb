// Departments: every department (enabled or not) with its agents; create, edit, remove.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import * as admin from '../../api/admin';
import { DepartmentDialog } from './DepartmentDialog';
import { AdminPage, RemoveButton } from './parts';

const KEY = ['livechat/department'];

export function DepartmentsScreen() {
  const list = useQuery({ queryKey: [...KEY, 'admin'], queryFn: admin.allDepartments });
  const [editing, setEditing] = useState<string | null | undefined>(undefined); // null: a new one
  return (
    <AdminPage
      title="Departments"
      intro="Where chats are routed: each department's agents, and what the widget offers."
      actions={
        <button type="button" className="button button-primary button-small" onClick={() => setEditing(null)}>
          New department
        </button>
      }
    >
      {list.isError ? <p className="form-error" role="alert">{list.error.message}</p> : null}
      <table className="table admin-table" aria-label="Departments">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Agents</th>
            <th scope="col">Enabled</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {(list.data ?? []).map((d) => (
            <tr key={d._id}>
              <td>{d.name}</td>
              <td>{d.email ?? ''}</td>
              <td>{d.numAgents ?? 0}</td>
              <td>{d.enabled ? 'Yes' : 'No'}</td>
              <td>
                <div className="admin-row-actions">
                  <button type="button" className="button button-quiet button-small" aria-label={`Edit ${d.name}`} onClick={() => setEditing(d._id)}>
                    Edit
                  </button>
                  <RemoveButton what={d.name} label="Remove" invalidate={KEY} remove={() => admin.removeDepartment(d._id)} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data && list.data.length === 0 ? <p className="empty">No departments yet.</p> : null}
      {editing !== undefined ? <DepartmentDialog id={editing} onClose={() => setEditing(undefined)} /> : null}
    </AdminPage>
  );
}
