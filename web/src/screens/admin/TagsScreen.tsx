// Tags: the names agents give chats when they close or edit them, global or limited to departments.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import * as admin from '../../api/admin';
import type { Tag } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { AdminPage, CheckList, DialogButtons, RemoveButton } from './parts';

const KEY = ['livechat/tags'];
type EditedTag = Tag & { departments?: string[] };

function TagDialog({ tag, onClose }: { tag: EditedTag | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const departments = useQuery({ queryKey: ['livechat/department', 'admin'], queryFn: admin.allDepartments });
  const [name, setName] = useState(tag?.name ?? '');
  const [description, setDescription] = useState(tag?.description ?? '');
  const [chosen, setChosen] = useState<string[]>(tag?.departments ?? []);
  const save = useMutation({
    mutationFn: () => admin.saveTag(tag?._id ?? null, name, description, chosen),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: KEY });
      onClose();
    },
  });
  return (
    <Dialog
      title={tag ? `Edit tag ${tag.name}` : 'New tag'}
      onClose={onClose}
      onSubmit={() => save.mutate()}
      error={save.error?.message}
      actions={<DialogButtons onCancel={onClose} pending={save.isPending} />}
    >
      <Field label="Name">
        <input required value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label="Description">
        <input value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
      <CheckList
        legend="Departments (none: every department)"
        options={(departments.data ?? []).map((d) => ({ id: d._id, label: d.name }))}
        value={chosen}
        onChange={setChosen}
      />
    </Dialog>
  );
}

export function TagsScreen() {
  const list = useQuery({ queryKey: [...KEY, 'admin'], queryFn: admin.allTags });
  const departments = useQuery({ queryKey: ['livechat/department', 'admin'], queryFn: admin.allDepartments });
  const names = new Map((departments.data ?? []).map((d) => [d._id, d.name]));
  const [editing, setEditing] = useState<EditedTag | null | undefined>(undefined);
  return (
    <AdminPage
      title="Tags"
      intro="What agents can tag chats with; Current Chats filters and counts by them."
      actions={
        <button type="button" className="button button-primary button-small" onClick={() => setEditing(null)}>
          New tag
        </button>
      }
    >
      {list.isError ? <p className="form-error" role="alert">{list.error.message}</p> : null}
      <table className="table admin-table" aria-label="Tags">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Description</th>
            <th scope="col">Departments</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {(list.data ?? []).map((t) => (
            <tr key={t._id}>
              <td>{t.name}</td>
              <td>{t.description ?? ''}</td>
              <td>{t.departments?.length ? t.departments.map((id) => names.get(id) ?? id).join(', ') : 'All'}</td>
              <td>
                <div className="admin-row-actions">
                  <button type="button" className="button button-quiet button-small" aria-label={`Edit ${t.name}`} onClick={() => setEditing(t)}>
                    Edit
                  </button>
                  <RemoveButton what={t.name} label="Remove" invalidate={KEY} remove={() => admin.removeTag(t._id)} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data && list.data.length === 0 ? <p className="empty">No tags yet.</p> : null}
      {editing !== undefined ? <TagDialog tag={editing} onClose={() => setEditing(undefined)} /> : null}
    </AdminPage>
  );
}
