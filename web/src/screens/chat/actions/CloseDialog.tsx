// Close a chat with a comment and tags; the comment is required when the server's setting says so.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { keys } from '../../../api/keys';
import * as rest from '../../../api/rest';
import type { Room } from '../../../api/types';
import { Field } from '../../../components/Field';
import { Dialog } from '../../../components/Dialog';
import { TagPicker } from './TagPicker';

const COMMENT_SETTING = 'Livechat_request_comment_when_closing_conversation';

export function CloseDialog({ room, onDone, onCancel }: { room: Room; onDone: () => void; onCancel: () => void }) {
  const settings = useQuery({
    queryKey: keys.settings,
    queryFn: () => rest.publicSettings([COMMENT_SETTING]),
    staleTime: 60_000,
  });
  const required = settings.data?.[COMMENT_SETTING] === true;
  const [comment, setComment] = useState('');
  const [tags, setTags] = useState<string[]>(room.tags ?? []);
  const close = useMutation({ mutationFn: () => rest.closeRoom(room._id, comment.trim(), tags), onSuccess: onDone });
  return (
    <Dialog
      title="Close this chat"
      onClose={onCancel}
      onSubmit={() => close.mutate()}
      error={close.error?.message}
      actions={
        <>
          <button type="button" className="button button-quiet" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-danger" disabled={close.isPending || (required && !comment.trim())}>
            {close.isPending ? 'Closing…' : 'Close chat'}
          </button>
        </>
      }
    >
      <Field label={required ? 'Comment (required)' : 'Comment (optional)'}>
        <textarea rows={3} value={comment} required={required} onChange={(e) => setComment(e.target.value)} autoFocus />
      </Field>
      <TagPicker value={tags} onChange={setTags} />
    </Dialog>
  );
}
