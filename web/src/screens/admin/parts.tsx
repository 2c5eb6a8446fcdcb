// Pieces the administration screens share: the page frame, a confirmed removal, a list of checkboxes.
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Dialog } from '../../components/Dialog';

export function AdminPage({ title, intro, actions, children }: { title: string; intro?: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <div className="screen admin">
      <div className="screen-head admin-head">
        <div>
          <h1>{title}</h1>
          {intro ? <p className="muted">{intro}</p> : null}
        </div>
        {actions ? <div className="admin-actions">{actions}</div> : null}
      </div>
      <div className="screen-body admin-body">{children}</div>
    </div>
  );
}

/** A "Remove" button that asks first; the server's refusal is shown in the dialog. */
export function RemoveButton({ what, label, invalidate, remove }: { what: string; label: string; invalidate: QueryKey; remove: () => Promise<unknown> }) {
  const [asking, setAsking] = useState(false);
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: remove,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: invalidate });
      setAsking(false);
    },
  });
  return (
    <>
      <button type="button" className="button button-quiet button-small" aria-label={`${label} ${what}`} onClick={() => setAsking(true)}>
        {label}
      </button>
      {asking && (
        <Dialog
          title={`${label} ${what}?`}
          onClose={() => setAsking(false)}
          onSubmit={() => mutation.mutate()}
          error={mutation.error?.message}
          actions={
            <>
              <button type="button" className="button button-quiet" onClick={() => setAsking(false)}>
                Cancel
              </button>
              <button type="submit" className="button button-danger" disabled={mutation.isPending}>
                {label}
              </button>
            </>
          }
        >
          <p>This cannot be undone.</p>
        </Dialog>
      )}
    </>
  );
}

/** Checkboxes over a list of options (departments, agents, roles), as a named group. */
export function CheckList({ legend, options, value, onChange }: { legend: string; options: { id: string; label: string }[]; value: string[]; onChange: (next: string[]) => void }) {
  return (
    <fieldset className="admin-checks">
      <legend>{legend}</legend>
      {options.length === 0 ? <p className="muted">None yet.</p> : null}
      {options.map((o) => (
        <label key={o.id}>
          <input
            type="checkbox"
            checked={value.includes(o.id)}
            onChange={(e) => onChange(e.target.checked ? [...value, o.id] : value.filter((v) => v !== o.id))}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The footer of an edit dialog: cancel and a submit that says when it is busy. */
export function DialogButtons({ onCancel, pending, label = 'Save' }: { onCancel: () => void; pending: boolean; label?: string }) {
  return (
    <>
      <button type="button" className="button button-quiet" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? 'Saving…' : label}
      </button>
    </>
  );
}
