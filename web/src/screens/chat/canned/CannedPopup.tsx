// The list `!shortcut` opens above the composer: the agent's canned responses whose shortcut matches,
// chosen with the arrow keys and Enter or Tab, or with the mouse. The composer keeps the focus throughout.
import { useQuery } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { keys } from '../../../api/keys';
import * as rest from '../../../api/rest';
import type { CannedResponse } from '../../../api/types';
import { usePermission } from '../../../app/permissions';
import { cannedTrigger, insertCanned, matchCanned, type Trigger } from './canned';

export interface Canned {
  /** Props for the textarea: the ARIA links to the open list. */
  inputProps: { 'aria-autocomplete': 'list'; 'aria-controls'?: string; 'aria-activedescendant'?: string };
  /** Handles the list's keys; true when the key was the list's (the composer must not send). */
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
  popup: React.ReactNode;
}

export function useCanned(
  rid: string,
  enabled: boolean,
  text: string,
  caret: number,
  apply: (text: string, caret: number) => void,
): Canned {
  const allowed = usePermission('view-canned-responses') && enabled;
  const responses = useQuery({ queryKey: keys.canned, queryFn: rest.cannedResponses, enabled: allowed, staleTime: 60_000 });
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const trigger: Trigger | null = allowed ? cannedTrigger(text, caret) : null;
  const signature = trigger ? `${trigger.start}:${trigger.query}` : null;
  const matches = trigger && responses.data ? matchCanned(responses.data, trigger.query) : [];
  const open = !!trigger && signature !== dismissed && (matches.length > 0 || responses.isPending);
  const listId = `canned-${rid}`;
  const index = Math.min(active, Math.max(0, matches.length - 1));

  const choose = (response: CannedResponse) => {
    if (!trigger) return;
    const next = insertCanned(text, caret, trigger, response);
    setActive(0);
    apply(next.text, next.caret);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || !matches.length) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index + step + matches.length) % matches.length);
    } else if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      choose(matches[index]);
    } else if (event.key === 'Escape') {
      setDismissed(signature);
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  };

  const popup = open ? (
    <div className="canned-popup">
      <p className="canned-popup-title" id={`${listId}-title`}>
        Canned responses
      </p>
      {matches.length === 0 ? (
        <p className="muted small pad-s" role="status">
          Loading…
        </p>
      ) : (
        <ul role="listbox" id={listId} aria-labelledby={`${listId}-title`} className="canned-list">
          {matches.map((response, i) => (
            <li
              key={response._id}
              id={`${listId}-${response._id}`}
              role="option"
              aria-selected={i === index}
              className={`canned-option ${i === index ? 'canned-option-active' : ''}`}
              onMouseDown={(event) => {
                event.preventDefault(); // the composer keeps the focus
                choose(response);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <strong>!{response.shortcut}</strong>
              <span className="canned-text">{response.text}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  ) : null;

  return {
    inputProps: {
      'aria-autocomplete': 'list',
      ...(open && matches.length
        ? { 'aria-controls': listId, 'aria-activedescendant': `${listId}-${matches[index]._id}` }
        : {}),
    },
    onKeyDown,
    popup,
  };
}
