// A labelled form control: the label names the control alone (a wrapping label would also read out the
// chosen option of a select as part of its name).
import { cloneElement, useId, type ReactElement } from 'react';

export function Field({ label, children }: { label: string; children: ReactElement<{ id?: string }> }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id })}
    </div>
  );
}
