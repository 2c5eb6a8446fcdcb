import type { InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Inquiry, Message, Room, Subscription } from '../api/types';
import { addMessage, applyQueueChange, chronological, deleteMessage, myChats, upsertById, type QueuePage } from './cache';

const msg = (id: string, ts: string): Message => ({ _id: id, rid: 'r', msg: id, ts, u: { _id: 'u', username: 'u' } });

describe('history cache', () => {
  const data: InfiniteData<Message[]> = {
    pages: [[msg('c', '2024-01-01T00:00:03.000Z'), msg('b', '2024-01-01T00:00:02.000Z')], [msg('a', '2024-01-01T00:00:01.000Z')]],
    pageParams: [null, 'x'],
  };
  it('shows pages oldest first', () => {
    expect(chronological(data).map((m) => m._id)).toEqual(['a', 'b', 'c']);
  });
  it('adds a live message to the newest page, in time order, once', () => {
    const next = addMessage(data, msg('d', '2024-01-01T00:00:04.000Z'));
    expect(chronological(next).map((m) => m._id)).toEqual(['a', 'b', 'c', 'd']);
    const again = addMessage(next, { ...msg('d', '2024-01-01T00:00:04.000Z'), msg: 'edited' });
    expect(chronological(again).filter((m) => m._id === 'd')).toHaveLength(1);
    expect(chronological(again).at(-1)?.msg).toBe('edited');
  });
  it('removes a deleted message and ignores events before the first load', () => {
    expect(chronological(deleteMessage(data, 'b')).map((m) => m._id)).toEqual(['a', 'c']);
    expect(addMessage(undefined, msg('x', 't'))).toBeUndefined();
  });
});

describe('queue cache', () => {
  const inquiry = (id: string): Inquiry => ({ _id: id, rid: `r${id}`, name: id, ts: '2024', status: 'queued', v: { _id: 'v', username: 'g', token: 't' } });
  const page = (ids: string[], total: number): QueuePage => ({ inquiries: ids.map(inquiry), count: ids.length, offset: 0, total });
  it('drops a taken inquiry and counts it out', () => {
    const data = { pages: [page(['1', '2'], 2)], pageParams: [0] };
    const next = applyQueueChange(data, { ...inquiry('1'), type: 'removed' })!;
    expect(next.pages[0].inquiries.map((i) => i._id)).toEqual(['2']);
    expect(next.pages[0].total).toBe(1);
  });
  it('appends a new one when the whole queue is loaded, else only counts it', () => {
    const all = applyQueueChange({ pages: [page(['1'], 1)], pageParams: [0] }, { ...inquiry('2'), type: 'added' })!;
    expect(all.pages[0].inquiries.map((i) => i._id)).toEqual(['1', '2']);
    const partial = applyQueueChange({ pages: [page(['1'], 10)], pageParams: [0] }, { ...inquiry('9'), type: 'added' })!;
    expect(partial.pages[0].inquiries.map((i) => i._id)).toEqual(['1']);
    expect(partial.pages[0].total).toBe(11);
  });
  it('updates a changed one in place (its first message)', () => {
    const next = applyQueueChange({ pages: [page(['1'], 1)], pageParams: [0] }, { ...inquiry('1'), message: 'hi', type: 'changed' })!;
    expect(next.pages[0].inquiries[0].message).toBe('hi');
  });
});

describe('myChats', () => {
  const sub = (rid: string, unread = 0, extra: Partial<Subscription> = {}): Subscription => ({ _id: `s${rid}`, rid, name: rid, t: 'l', open: true, unread, u: { _id: 'me', username: 'me' }, ...extra });
  const room = (id: string, lm: string, extra: Partial<Room> = {}): Room => ({ _id: id, t: 'l', ts: lm, lm, v: { _id: 'v', username: 'g', token: 't' }, open: true, ...extra });
  it('orders by latest activity, splits on hold, totals unread', () => {
    const result = myChats(
      [sub('a', 2), sub('b', 1), sub('c', 0), sub('x', 0, { t: 'c' })],
      [room('a', '2024-01-01T10:00:00.000Z'), room('b', '2024-01-01T11:00:00.000Z', { waitingResponse: true }), room('c', '2024-01-01T12:00:00.000Z', { onHold: true })],
    );
    expect(result.active.map((i) => i.rid)).toEqual(['b', 'a']);
    expect(result.active[0].waitingResponse).toBe(true);
    expect(result.onHold.map((i) => i.rid)).toEqual(['c']);
    expect(result.unreadTotal).toBe(3);
  });
});

describe('upsertById', () => {
  it('replaces the whole document, so a field the server dropped is gone', () => {
    const waiting = { _id: 'r1', t: 'l', waitingResponse: true } as unknown as Room;
    const answered = { _id: 'r1', t: 'l' } as unknown as Room;
    const other = { _id: 'r2', t: 'l' } as unknown as Room;
    const after = upsertById([waiting, other], answered);
    expect(after[0]).toEqual(answered);
    expect('waitingResponse' in after[0]).toBe(false);
    expect(after[1]).toBe(other);
    expect(upsertById(undefined, other)).toEqual([other]);
  });
});
