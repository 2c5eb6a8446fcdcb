// The left column: who is logged in, the availability switch, the queue link and the agent's chats.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { keys } from '../../api/keys';
import * as rest from '../../api/rest';
import { useAuth } from '../../app/auth';
import { askNotificationPermission, notificationPermission } from '../../app/notifications';
import { useMe, usePermission } from '../../app/permissions';
import { Link, useRoute } from '../../app/router';
import { AdminLinks } from '../admin/AdminLinks';
import { CurrentChatsLink } from '../currentChats/CurrentChatsLink';
import { DashboardLinks } from '../monitoring/DashboardLinks';
import { Avatar } from '../../components/Avatar';
import { Icon } from '../../components/Icon';
import { ChatList } from './ChatList';
import { useAvailability } from './useAvailability';

function AvailabilitySwitch() {
  const { availability, set, pending, error } = useAvailability();
  if (availability === 'not-agent') return null;
  const on = availability === 'available';
  const label = on ? 'Available' : availability === 'offline' ? 'Offline' : 'Not available';
  return (
    <div className="availability">
      <button
        type="button"
        role="switch"
        aria-checked={on}
        className={`switch ${on ? 'switch-on' : ''}`}
        disabled={pending}
        onClick={() => set(!on)}
      >
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        <span className="switch-label">
          <span className="visually-hidden">Availability: </span>
          {label}
        </span>
      </button>
      {error ? (
        <p className="form-error small" role="alert">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}

function NotificationButton() {
  const [permission, setPermission] = useState(notificationPermission);
  if (permission !== 'default') return null;
  return (
    <button
      type="button"
      className="icon-button"
      title="Turn on notifications"
      aria-label="Turn on notifications"
      onClick={() => void askNotificationPermission().then(setPermission)}
    >
      <Icon name="bell" />
    </button>
  );
}

function QueueLink() {
  const route = useRoute();
  const routing = useQuery({ queryKey: keys.routing, queryFn: rest.routingConfig, staleTime: 5 * 60_000 });
  const queue = useQuery({ queryKey: [...keys.queue, 'count'], queryFn: () => rest.queue(0, 1), refetchInterval: 30_000 });
  if (routing.data && !routing.data.showQueue) return null;
  const total = queue.data?.total ?? 0;
  return (
    <Link to="/queue" className={`nav-link ${route.name === 'queue' ? 'nav-link-current' : ''}`} aria-current={route.name === 'queue' ? 'page' : undefined}>
      <Icon name="queue" />
      <span>Queue</span>
      {total > 0 ? (
        <span className="badge badge-quiet">
          {total}
          <span className="visually-hidden"> waiting</span>
        </span>
      ) : null}
    </Link>
  );
}

/** Managers' screen: offered to those the server lets read offline messages (view-livechat-manager). */
function OfflineMessagesLink() {
  const route = useRoute();
  const allowed = usePermission('view-livechat-manager');
  if (!allowed) return null;
  const current = route.name === 'offline-messages';
  return (
    <Link to="/offline-messages" className={`nav-link ${current ? 'nav-link-current' : ''}`} aria-current={current ? 'page' : undefined}>
      <Icon name="inbox" />
      <span>Offline messages</span>
    </Link>
  );
}

export function Sidebar() {
  const me = useMe().data;
  const { logout } = useAuth();
  return (
    <nav className="sidebar" aria-label="Desk">
      <div className="sidebar-head">
        <Link to="/" className="brand" aria-label="Frontdesk home">
          <span className="brand-mark" aria-hidden="true" />
          Frontdesk
        </Link>
        <div className="sidebar-tools">
          <NotificationButton />
          <button type="button" className="icon-button" aria-label="Log out" title="Log out" onClick={() => void logout()}>
            <Icon name="logout" />
          </button>
        </div>
      </div>
      {me ? (
        <div className="me">
          <Avatar username={me.username} size={28} />
          <span className="me-name">{me.name || me.username}</span>
        </div>
      ) : null}
      <AvailabilitySwitch />
      <QueueLink />
      <CurrentChatsLink />
      <OfflineMessagesLink />
      <DashboardLinks />
      <AdminLinks />
      <ChatList />
    </nav>
  );
}
