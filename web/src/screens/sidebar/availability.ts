// The agent's availability as one state: the livechat status and the presence together.
import type { Me } from '../../api/types';

export type Availability = 'available' | 'not-available' | 'offline' | 'not-agent';

export function availabilityOf(me: Me | undefined): Availability {
  if (!me || !me.roles.includes('livechat-agent')) return 'not-agent';
  if (me.statusLivechat !== 'available') return 'not-available';
  if (me.status === 'offline') return 'offline';
  return 'available';
}
