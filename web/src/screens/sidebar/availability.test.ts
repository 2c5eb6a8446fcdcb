import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import { availabilityOf } from './availability';

const me = (extra: Partial<Me>): Me => ({ _id: 'u', username: 'u', roles: ['livechat-agent'], status: 'online', ...extra });

describe('availabilityOf', () => {
  it('needs both the livechat status and the presence', () => {
    expect(availabilityOf(me({ statusLivechat: 'available' }))).toBe('available');
    expect(availabilityOf(me({ statusLivechat: 'available', status: 'offline' }))).toBe('offline');
    expect(availabilityOf(me({ statusLivechat: 'not-available' }))).toBe('not-available');
    expect(availabilityOf(me({ roles: ['livechat-manager'] }))).toBe('not-agent');
  });
});
