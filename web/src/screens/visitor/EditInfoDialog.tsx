// Edit the room's topic, tags and room custom fields (and the visitor's name, email, phone) via room.saveInfo.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { keys } from '../../api/keys';
import * as rest from '../../api/rest';
import type { Room, Visitor } from '../../api/types';
import { Field } from '../../components/Field';
import { Dialog } from '../../components/Dialog';
import { TagPicker } from '../chat/actions/TagPicker';

export function EditInfoDialog({ room, visitor, onClose }: { room: Room; visitor: Visitor; onClose: () => void }) {
  const queryClient = useQueryClient();
  const fields = useQuery({ queryKey: keys.customFields, queryFn: rest.customFields, staleTime: 5 * 60_000 });
  const roomFields = (fields.data ?? []).filter((f) => f.scope === 'room');
  const [name, setName] = useState(visitor.name ?? '');
  const [email, setEmail] = useState(visitor.visitorEmails?.[0]?.address ?? '');
  const [phone, setPhone] = useState(visitor.phone?.[0]?.phoneNumber ?? '');
  const [topic, setTopic] = useState(room.topic ?? '');
  const [tags, setTags] = useState<string[]>(room.tags ?? []);
  const [data, setData] = useState<Record<string, string>>({ ...(room.livechatData ?? {}) });
  const save = useMutation({
    mutationFn: () =>
      rest.saveRoomInfo(
        { _id: visitor._id, name, email, phone },
        { _id: room._id, topic, tags, livechatData: Object.fromEntries(roomFields.map((f) => [f._id, data[f._id] ?? ''])) },
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.room(room._id) });
      void queryClient.invalidateQueries({ queryKey: keys.visitor(visitor._id) });
      void queryClient.invalidateQueries({ queryKey: keys.rooms });
      onClose();
    },
  });
  return (
    <Dialog
      title="Edit room info"
      onClose={onClose}
      onSubmit={() => save.mutate()}
      error={save.error?.message}
      actions={
        <>
          <button type="button" className="button button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save'}
          </button>
        </>
      }
    >
      <Field label="Visitor name">
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label="Email">
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      </Field>
      <Field label="Phone">
        <input value={phone} onChange={(e) => setPhone(e.target.value)} />
      </Field>
      <Field label="Topic">
        <input value={topic} onChange={(e) => setTopic(e.target.value)} />
      </Field>
      <TagPicker value={tags} onChange={setTags} />
      {roomFields.map((field) => (
        <Field key={field._id} label={`${field.label}${field.required ? ' (required)' : ''}`}>
          {field.type === 'select' && field.options ? (
            <select value={data[field._id] ?? ''} onChange={(e) => setData({ ...data, [field._id]: e.target.value })}>
              <option value="">—</option>
              {field.options.split(',').map((option) => (
                <option key={option.trim()} value={option.trim()}>
                  {option.trim()}
                </option>
              ))}
            </select>
          ) : (
            <input value={data[field._id] ?? ''} onChange={(e) => setData({ ...data, [field._id]: e.target.value })} />
          )}
        </Field>
      ))}
    </Dialog>
  );
}
