// What the agent must know at a glance: the connection is down, or why no chats arrive.
import { useConnection, useLive } from '../../app/live';
import { Icon } from '../../components/Icon';
import { useNow } from '../../components/useNow';
import { useAvailability } from './useAvailability';

function ConnectionBanner() {
  const status = useConnection();
  const { ddp } = useLive();
  const now = useNow(1000);
  if (status.state === 'connected' || (status.state === 'connecting' && status.attempt === 0)) return null;
  const seconds = status.retryAt ? Math.max(0, Math.ceil((status.retryAt - now) / 1000)) : 0;
  return (
    <div className="banner banner-danger" role="status">
      <Icon name="wifiOff" />
      <span>
        Connection lost. {status.state === 'connecting' ? 'Reconnecting…' : `Reconnecting in ${seconds}s.`} Messages you send
        wait and go out when it is back.
      </span>
      {status.state === 'disconnected' ? (
        <button type="button" className="button button-small" onClick={() => ddp.reconnectNow()}>
          Reconnect now
        </button>
      ) : null}
    </div>
  );
}

function AvailabilityBanner() {
  const { availability, set, pending } = useAvailability();
  if (availability === 'available') return null;
  const text =
    availability === 'not-agent'
      ? 'You are not a livechat agent, so no chats are routed to you.'
      : availability === 'offline'
        ? 'Your status is offline: no new chats are routed to you.'
        : 'You are not available: no new chats are routed to you.';
  return (
    <div className="banner banner-warning" role="status">
      <span>{text}</span>
      {availability !== 'not-agent' ? (
        <button type="button" className="button button-small" disabled={pending} onClick={() => set(true)}>
          Go available
        </button>
      ) : null}
    </div>
  );
}

export function Banners() {
  return (
    <div className="banners">
      <ConnectionBanner />
      <AvailabilityBanner />
    </div>
  );
}
