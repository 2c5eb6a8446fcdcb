// The desk's frame: the sidebar (availability, queue, my chats), banners, and the screen of the route.
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { keys } from '../api/keys';
import * as rest from '../api/rest';
import { AdminScreen } from '../screens/admin/AdminScreen';
import { ChatScreen } from '../screens/chat/ChatScreen';
import { CurrentChatsScreen } from '../screens/currentChats/CurrentChatsScreen';
import { HomeScreen } from '../screens/home/HomeScreen';
import { OfflineMessagesScreen } from '../screens/offline/OfflineMessagesScreen';
import { QueueScreen } from '../screens/queue/QueueScreen';
import { Sidebar } from '../screens/sidebar/Sidebar';
import { Banners } from '../screens/sidebar/Banners';
import { myChats } from './cache';

// The managers' dashboards carry the chart library: loaded only when opened, so agents never download it.
const MonitoringScreen = lazy(() => import('../screens/monitoring/MonitoringScreen').then((m) => ({ default: m.MonitoringScreen })));
const AnalyticsScreen = lazy(() => import('../screens/analytics/AnalyticsScreen').then((m) => ({ default: m.AnalyticsScreen })));
import { Link, useRoute } from './router';

export function useMyChats() {
  const subs = useQuery({ queryKey: keys.subscriptions, queryFn: rest.subscriptions });
  const rooms = useQuery({ queryKey: keys.rooms, queryFn: rest.rooms });
  return { ...myChats(subs.data, rooms.data), isPending: subs.isPending || rooms.isPending, error: subs.error ?? rooms.error };
}

export function Shell() {
  const route = useRoute();
  const { unreadTotal } = useMyChats();

  useEffect(() => {
    document.title = unreadTotal > 0 ? `(${unreadTotal}) Frontdesk` : 'Frontdesk';
  }, [unreadTotal]);

  return (
    <div className="desk">
      <a className="skip-link" href="#main">
        Skip to the chat
      </a>
      <Sidebar />
      <main id="main" className="main" tabIndex={-1}>
        <Banners />
        {route.name === 'home' && <HomeScreen />}
        {route.name === 'queue' && <QueueScreen />}
        {route.name === 'current-chats' && <CurrentChatsScreen />}
        {route.name === 'chat' && <ChatScreen key={route.rid} rid={route.rid} />}
        {route.name === 'offline-messages' && <OfflineMessagesScreen />}
        {(route.name === 'monitoring' || route.name === 'analytics') && (
          <Suspense fallback={<div className="splash" role="status">Loading…</div>}>
            {route.name === 'monitoring' ? <MonitoringScreen /> : <AnalyticsScreen />}
          </Suspense>
        )}
        {route.name === 'admin' && <AdminScreen key={route.section} section={route.section} />}
        {route.name === 'not-found' && (
          <div className="empty">
            <h1>Nothing here</h1>
            <p>
              This address is not part of the desk. <Link to="/">Back to your chats</Link>
            </p>
          </div>
        )}
      </main>
    </div>
  );
}
