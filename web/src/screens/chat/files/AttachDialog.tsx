// Sending a file: the chosen file, an optional description, then the upload with its progress; the server's
// refusal (too large, a type it does not take) is shown in its own words.
import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { confirmMedia, uploadMedia, type UploadProgress } from '../../../api/files';
import { keys } from '../../../api/keys';
import type { Message } from '../../../api/types';
import { addMessage } from '../../../app/cache';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { fileSize } from './files';

export function AttachDialog({ rid, file, onDone }: { rid: string; file: File; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [description, setDescription] = useState('');
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const abort = useRef<AbortController | null>(null);
  const send = useMutation({
    mutationFn: async () => {
      abort.current = new AbortController();
      const fileId = await uploadMedia(rid, file, setProgress, abort.current.signal);
      return confirmMedia(rid, fileId, description.trim());
    },
    onSuccess: (message) => {
      queryClient.setQueryData<InfiniteData<Message[]>>(keys.history(rid), (data) => addMessage(data, message));
      onDone();
    },
  });
  const cancel = () => {
    abort.current?.abort();
    onDone();
  };
  const percent = progress && progress.total ? Math.round((progress.loaded / progress.total) * 100) : 0;
  return (
    <Dialog
      title="Send a file"
      onClose={cancel}
      onSubmit={() => send.mutate()}
      error={send.error?.message}
      actions={
        <>
          <button type="button" className="button button-quiet" onClick={cancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={send.isPending}>
            {send.isPending ? 'Sending…' : 'Send'}
          </button>
        </>
      }
    >
      <p className="attach-file">
        <strong>{file.name}</strong> <span className="muted small">{fileSize(file.size)}</span>
      </p>
      <Field label="Description (optional)">
        <textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} autoFocus />
      </Field>
      {send.isPending ? (
        <div className="field">
          <label htmlFor={`upload-progress-${rid}`}>Uploading… {percent}%</label>
          <progress id={`upload-progress-${rid}`} max={100} value={percent} />
        </div>
      ) : null}
    </Dialog>
  );
}
