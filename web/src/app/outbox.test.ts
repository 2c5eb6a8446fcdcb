import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/rest';
import type { Message } from '../api/types';
import { Outbox, randomId } from './outbox';

const sent = (rid: string, msg: string, id: string): Message => ({ _id: id, rid, msg, ts: 'now', u: { _id: 'u', username: 'u' } });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Outbox', () => {
  it('ids look like Random.id()', () => {
    expect(randomId()).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz]{17}$/);
  });

  it('hands a confirmed message to the history and forgets it', async () => {
    const delivered = vi.fn();
    const box = new Outbox(async (rid, msg, id) => sent(rid, msg, id), delivered);
    box.submit('r', 'hello');
    expect(box.forRoom('r')[0].state).toBe('sending');
    await settle();
    expect(box.forRoom('r')).toEqual([]);
    expect(delivered).toHaveBeenCalledWith(expect.objectContaining({ msg: 'hello' }));
  });

  it('keeps a message typed while offline and sends it, with the same id, when the link is back', async () => {
    let online = false;
    const send = vi.fn(async (rid: string, msg: string, id: string) => {
      if (!online) throw new ApiError('Cannot reach the server.', 0);
      return sent(rid, msg, id);
    });
    const box = new Outbox(send, () => undefined);
    const item = box.submit('r', 'are you there?');
    await settle();
    expect(box.forRoom('r')[0].state).toBe('waiting');
    online = true;
    await box.flush();
    expect(box.forRoom('r')).toEqual([]);
    expect(send.mock.calls.map((c) => c[2])).toEqual([item._id, item._id]);
  });

  it('shows a refusal with the server text, retries and discards on demand', async () => {
    let refuse = true;
    const box = new Outbox(async (rid, msg, id) => {
      if (refuse) throw new ApiError('Room is closed', 400, 'error-room-closed');
      return sent(rid, msg, id);
    }, () => undefined);
    const item = box.submit('r', 'late');
    await settle();
    expect(box.forRoom('r')[0]).toMatchObject({ state: 'failed', error: 'Room is closed' });
    refuse = false;
    box.retry(item._id);
    await settle();
    expect(box.forRoom('r')).toEqual([]);
    box.submit('r', 'x');
    box.discard(box.forRoom('r')[0]._id);
    expect(box.forRoom('r')).toEqual([]);
  });

  it('takes a duplicate-id answer as proof an earlier try arrived', async () => {
    const box = new Outbox(async () => {
      throw new ApiError('A message with this _id already exists', 400, 'error-duplicate-message');
    }, () => undefined);
    box.submit('r', 'once');
    await settle();
    expect(box.forRoom('r')).toEqual([]);
  });
});
