// Custom fields: the extra data kept on visitors and rooms (the widget asks for visitor ones).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import * as admin from '../../api/admin';
import type { CustomFieldData } from '../../api/admin';
import * as rest from '../../api/rest';
import type { CustomField } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { AdminPage, DialogButtons, RemoveButton } from './parts';

const KEY = ['livechat/custom-fields'];

function FieldDialog({ field, onClose }: { field: CustomField | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [data, setData] = useState<CustomFieldData>({
    field: field?._id ?? '',
    label: field?.label ?? '',
    scope: field?.scope ?? 'visitor',
    visibility: field?.visibility ?? 'visible',
    type: field?.type ?? 'input',
    options: field?.options ?? '',
    required: field?.required ?? false,
  });
  const set = (patch: Partial<CustomFieldData>) => setData((d) => ({ ...d, ...patch }));
  const save = useMutation({
    mutationFn: () => admin.saveCustomField(field?._id ?? null, data),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: KEY });
      onClose();
    },
  });
  return (
    <Dialog
      title={field ? `Edit custom field ${field.label}` : 'New custom field'}
      onClose={onClose}
      onSubmit={() => save.mutate()}
      error={save.error?.message}
      actions={<DialogButtons onCancel={onClose} pending={save.isPending} />}
    >
      <Field label="Field name">
        <input required value={data.field} disabled={!!field} onChange={(e) => set({ field: e.target.value })} />
      </Field>
      <Field label="Label">
        <input required value={data.label} onChange={(e) => set({ label: e.target.value })} />
      </Field>
      <Field label="Scope">
        <select value={data.scope} onChange={(e) => set({ scope: e.target.value as CustomFieldData['scope'] })}>
          <option value="visitor">Visitor</option>
          <option value="room">Room</option>
        </select>
      </Field>
      <Field label="Visibility">
        <select value={data.visibility} onChange={(e) => set({ visibility: e.target.value })}>
          <option value="visible">Visible</option>
          <option value="hidden">Hidden</option>
        </select>
      </Field>
      <Field label="Type">
        <select value={data.type} onChange={(e) => set({ type: e.target.value })}>
          <option value="input">Text</option>
          <option value="select">Choice</option>
        </select>
      </Field>
      {data.type === 'select' ? (
        <Field label="Options (comma-separated)">
          <input value={data.options ?? ''} onChange={(e) => set({ options: e.target.value })} />
        </Field>
      ) : null}
      <label className="admin-toggle">
        <input type="checkbox" checked={!!data.required} onChange={(e) => set({ required: e.target.checked })} />
        Required
      </label>
    </Dialog>
  );
}

export function CustomFieldsScreen() {
  const list = useQuery({ queryKey: KEY, queryFn: rest.customFields });
  const [editing, setEditing] = useState<CustomField | null | undefined>(undefined);
  return (
    <AdminPage
      title="Custom fields"
      intro="Extra data on visitors and rooms: agents fill them in, Current Chats filters by them."
      actions={
        <button type="button" className="button button-primary button-small" onClick={() => setEditing(null)}>
          New custom field
        </button>
      }
    >
      {list.isError ? <p className="form-error" role="alert">{list.error.message}</p> : null}
      <table className="table admin-table" aria-label="Custom fields">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Label</th>
            <th scope="col">Scope</th>
            <th scope="col">Type</th>
            <th scope="col">Visibility</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {(list.data ?? []).map((f) => (
            <tr key={f._id}>
              <td>{f._id}</td>
              <td>{f.label}</td>
              <td>{f.scope === 'room' ? 'Room' : 'Visitor'}</td>
              <td>{f.type === 'select' ? `Choice: ${f.options ?? ''}` : 'Text'}</td>
              <td>{f.visibility === 'hidden' ? 'Hidden' : 'Visible'}</td>
              <td>
                <div className="admin-row-actions">
                  <button type="button" className="button button-quiet button-small" aria-label={`Edit ${f.label}`} onClick={() => setEditing(f)}>
                    Edit
                  </button>
                  <RemoveButton what={f.label} label="Remove" invalidate={KEY} remove={() => admin.removeCustomField(f._id)} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data && list.data.length === 0 ? <p className="empty">No custom fields yet.</p> : null}
      {editing !== undefined ? <FieldDialog field={editing} onClose={() => setEditing(undefined)} /> : null}
    </AdminPage>
  );
}
