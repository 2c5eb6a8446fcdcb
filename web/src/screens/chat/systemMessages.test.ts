import { describe, expect, it } from 'vitest';
import type { Message } from '../../api/types';
import { systemText } from './systemMessages';

const sys = (t: string, extra: Partial<Message> = {}): Message => ({ _id: 'm', rid: 'r', msg: '', ts: 't', t, u: { _id: 'u', username: 'ana', name: 'Ana' }, ...extra });

describe('systemText', () => {
  it('reads Rocket.Chat system messages as sentences', () => {
    expect(systemText(sys('livechat-started'))).toBe('Chat started');
    expect(systemText(sys('uj'))).toBe('Ana joined the chat');
    expect(systemText(sys('livechat-close', { msg: 'Solved' }))).toBe('Chat closed by Ana: Solved');
    expect(systemText(sys('omnichannel_placed_chat_on_hold'))).toBe('Chat placed on hold');
    expect(systemText(sys('omnichannel_on_hold_chat_resumed'))).toBe('Chat resumed');
    expect(
      systemText(sys('livechat_transfer_history', { transferData: { scope: 'agent', transferredBy: { _id: 'a', username: 'ana', name: 'Ana' }, transferredTo: { _id: 'b', username: 'bo' }, comment: 'billing' } })),
    ).toBe('Ana forwarded the chat to bo — “billing”');
    expect(systemText(sys('livechat_transfer_history', { transferData: { scope: 'department', transferredBy: { _id: 'a', username: 'ana' }, nextDepartment: { _id: 'd', name: 'Sales' } } }))).toBe(
      'ana forwarded the chat to the department Sales',
    );
    expect(systemText(sys('livechat_transfer_history', { transferData: { scope: 'queue', transferredBy: { _id: 'a', username: 'ana' } } }))).toBe('ana returned the chat to the queue');
  });
  it('hides connection chatter and leaves chat messages alone', () => {
    expect(systemText(sys('command', { msg: 'connected' }))).toBeNull();
    expect(systemText(sys('livechat_navigation_history'))).toBeNull();
    expect(systemText({ ...sys(''), t: undefined })).toBeNull();
  });
});
