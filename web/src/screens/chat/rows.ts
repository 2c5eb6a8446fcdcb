// A chat's timeline as rows for the virtual list: day separators, messages (grouped when the same author
// writes again within minutes), and the unsent messages at the end. Hidden system messages take no row; an
// unsent message the room's stream already delivered (its answer not back yet) takes none either.
import type { Message } from '../../api/types';
import type { Pending } from '../../app/outbox';
import { dayLabel } from '../../components/time';
import { systemText } from './systemMessages';

export type Row =
  | { kind: 'day'; key: string; label: string }
  | { kind: 'message'; key: string; message: Message; grouped: boolean; fromVisitor: boolean }
  | { kind: 'pending'; key: string; item: Pending };

const GROUP_MS = 5 * 60_000;

function sameGroup(a: Message | undefined, b: Message): boolean {
  return !!a && !a.t && !b.t && a.u._id === b.u._id && new Date(b.ts).getTime() - new Date(a.ts).getTime() < GROUP_MS;
}

export function timelineRows(messages: Message[], pending: Pending[], now: number = Date.now()): Row[] {
  const rows: Row[] = [];
  let lastDay = '';
  let previous: Message | undefined;
  for (const message of messages) {
    if (message.t && systemText(message) === null) continue;
    const day = dayLabel(message.ts, now);
    const newDay = day !== lastDay;
    if (newDay) rows.push({ kind: 'day', key: `day-${day}`, label: day }); // stable when older pages arrive
    lastDay = day;
    rows.push({
      kind: 'message',
      key: message._id,
      message,
      grouped: !newDay && sameGroup(previous, message),
      fromVisitor: 'token' in message,
    });
    previous = message;
  }
  const delivered = new Set(messages.map((message) => message._id));
  for (const item of pending) {
    if (!delivered.has(item._id)) rows.push({ kind: 'pending', key: `pending-${item._id}`, item });
  }
  return rows;
}
