// A form over some of Rocket.Chat's settings (settings/:_id): read each, save the ones changed.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import * as admin from '../../api/admin';
import type { SettingValue } from '../../api/admin';
import { Field } from '../../components/Field';

export interface SettingField {
  id: string;
  label: string;
  kind: 'boolean' | 'int' | 'string' | 'text' | 'color' | 'select';
  choices?: { value: string; label: string }[];
  hint?: string;
}

export function SettingsForm({ name, fields }: { name: string; fields: SettingField[] }) {
  const ids = fields.map((f) => f.id);
  const queryKey = ['settings', ...ids];
  const queryClient = useQueryClient();
  const stored = useQuery({ queryKey, queryFn: () => admin.settingsOf(ids) });
  const [values, setValues] = useState<Record<string, SettingValue> | null>(null);
  useEffect(() => {
    if (stored.data && values === null) setValues(stored.data);
  }, [stored.data, values]);
  const save = useMutation({
    mutationFn: async () => {
      for (const field of fields) {
        const value = values?.[field.id];
        if (value === undefined || value === stored.data?.[field.id]) continue;
        await admin.saveSetting(field.id, field.kind === 'int' ? Number(value) : value);
      }
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['livechat/config/routing'] }),
  });
  if (stored.isError) return <p className="form-error" role="alert">{stored.error.message}</p>;
  if (!values) return <p role="status">Loading…</p>;
  const set = (id: string, value: SettingValue) => {
    save.reset();
    setValues({ ...values, [id]: value });
  };
  return (
    <form
      className="admin-form"
      aria-label={name}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      {fields.map((f) => {
        const value = values[f.id];
        if (f.kind === 'boolean') {
          return (
            <label key={f.id} className="admin-toggle">
              <input type="checkbox" checked={value === true} onChange={(e) => set(f.id, e.target.checked)} />
              {f.label}
              {f.hint ? <span className="muted small"> — {f.hint}</span> : null}
            </label>
          );
        }
        return (
          <Field key={f.id} label={f.label}>
            {f.kind === 'select' ? (
              <select value={String(value)} onChange={(e) => set(f.id, e.target.value)}>
                {f.choices?.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            ) : f.kind === 'text' ? (
              <textarea rows={3} value={String(value)} onChange={(e) => set(f.id, e.target.value)} />
            ) : (
              <input
                type={f.kind === 'int' ? 'number' : f.kind === 'color' ? 'color' : 'text'}
                min={f.kind === 'int' ? 0 : undefined}
                value={String(value)}
                onChange={(e) => set(f.id, e.target.value)}
              />
            )}
          </Field>
        );
      })}
      {save.error ? <p className="form-error" role="alert">{save.error.message}</p> : null}
      <div className="admin-form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save changes'}
        </button>
        {save.isSuccess ? <span role="status">Saved</span> : null}
      </div>
    </form>
  );
}
