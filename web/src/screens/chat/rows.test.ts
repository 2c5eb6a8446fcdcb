import { describe, expect, it } from 'vitest';
import type { Message } from '../../api/types';
import { timelineRows } from './rows';

const now = Date.parse('2024-01-02T12:00:00.000Z');
const m = (id: string, ts: string, user = 'v', extra: Partial<Message> = {}): Message => ({
  _id: id, rid: 'r', msg: id, ts, u: { _id: user, username: user }, ...extra,
});

describe('timelineRows', () => {
  it('adds day separators, groups one author within minutes, hides connection chatter, ends with unsent', () => {
    const rows = timelineRows(
      [
        m('a', '2024-01-01T10:00:00.000Z', 'v', { token: 't' }),
        m('b', '2024-01-01T10:01:00.000Z', 'v', { token: 't' }),
        m('c', '2024-01-01T10:30:00.000Z', 'v', { token: 't' }),
        m('sys', '2024-01-02T09:00:00.000Z', 'agent', { t: 'command' }),
        m('d', '2024-01-02T09:00:00.000Z', 'agent'),
      ],
      [{ _id: 'p', rid: 'r', msg: 'late', ts: 'x', state: 'waiting' }],
      now,
    );
    expect(rows.map((r) => (r.kind === 'day' ? 'day' : r.key))).toEqual(['day', 'a', 'b', 'c', 'day', 'd', 'pending-p']);
    expect(rows[4].key).toBe('day-Today'); // keyed by day, so older pages do not rename it
    const grouped = rows.filter((r) => r.kind === 'message').map((r) => (r.kind === 'message' ? [r.key, r.grouped, r.fromVisitor] : []));
    expect(grouped).toEqual([['a', false, true], ['b', true, true], ['c', false, true], ['d', false, false]]);
    expect(rows[4]).toMatchObject({ kind: 'day', label: 'Today' });
  });

  it('shows a message once when the stream delivered it before the send answered', () => {
    const sent = m('p', '2024-01-02T11:00:00.000Z', 'agent');
    const rows = timelineRows([sent], [{ _id: 'p', rid: 'r', msg: 'p', ts: 'x', state: 'sending' }], now);
    expect(rows.map((r) => r.key)).toEqual(['day-Today', 'p']);
  });
});
