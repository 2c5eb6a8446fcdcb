// The realtime side: one DDP connection per logged-in desk, its status for the banner, and the stream events
// that keep the query cache (subscriptions, rooms, queue, the user) current without reloading.
import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { DdpClient, websocketUrl, type DdpStatus } from '../api/ddp';
import { keys } from '../api/keys';
import * as rest from '../api/rest';
import { watchQueue, watchUser } from '../api/streams';
import type { Me, Message, Room, Subscription } from '../api/types';
import { useAuth } from './auth';
import { addMessage, applyQueueChange, removeWhere, upsertById, type QueuePage } from './cache';
import { alertAgent } from './notifications';
import { Outbox } from './outbox';
import { chatPath, navigate } from './router';

interface Live {
  ddp: DdpClient;
  outbox: Outbox;
}

const LiveContext = createContext<Live | null>(null);

export function LiveProvider({ userId, token, children }: { userId: string; token: string; children: ReactNode }) {
  const queryClient = useQueryClient();
  const { expire } = useAuth();
  const expireRef = useRef(expire);
  expireRef.current = expire;

  const live = useMemo(() => {
    const outbox = new Outbox(rest.sendMessage, (message) =>
      queryClient.setQueryData<InfiniteData<Message[]>>(keys.history(message.rid), (data) => addMessage(data, message)),
    );
    const ddp = new DdpClient({
      url: websocketUrl(),
      resumeToken: () => token,
      onLoginRefused: () => expireRef.current(),
      onReady: (reconnected) => {
        if (reconnected) {
          // events sent while we were away are lost: read everything again, then send what waited
          void queryClient.invalidateQueries();
        }
        void outbox.flush();
      },
    });
    return { ddp, outbox };
  }, [queryClient, token]);

  useEffect(() => {
    const { ddp } = live;
    ddp.start();
    const online = () => ddp.reconnectNow();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      ddp.stop();
    };
  }, [live]);

  useEffect(() => watchUserStreams(live.ddp, userId, queryClient), [live, userId, queryClient]);

  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

function visitorName(room: Room): string {
  return room.fname || room.v?.username || 'A visitor';
}

function watchUserStreams(ddp: DdpClient, userId: string, queryClient: ReturnType<typeof useQueryClient>) {
  const stopUser = watchUser(ddp, userId, {
    subscription: (kind, sub) => {
      queryClient.setQueryData<Subscription[]>(keys.subscriptions, (subs) =>
        kind === 'removed' ? removeWhere(subs, (s) => s.rid === sub.rid) : upsertById(subs, sub),
      );
      if (kind === 'inserted') {
        // the room itself arrives as rooms-changed (refetching here would race the events that follow)
        alertAgent({
          title: 'New chat',
          body: `${sub.fname || sub.name} is waiting for you`,
          tag: `chat-${sub.rid}`,
          onClick: () => navigate(chatPath(sub.rid)),
        });
      }
    },
    room: (kind, room) => {
      if (kind === 'removed') {
        queryClient.setQueryData<Room[]>(keys.rooms, (rooms) => removeWhere(rooms, (r) => r._id === room._id));
        return;
      }
      const before = queryClient.getQueryData<Room[]>(keys.rooms)?.find((r) => r._id === room._id);
      queryClient.setQueryData<Room[]>(keys.rooms, (rooms) => upsertById(rooms, room));
      queryClient.setQueryData<Room>(keys.room(room._id), (old) => (old ? room : old)); // whole, as upsertById
      const last = room.lastMessage;
      if (last && last.token && !last.t && last._id !== before?.lastMessage?._id) {
        alertAgent({
          title: visitorName(room),
          body: last.msg.slice(0, 140),
          tag: `msg-${room._id}`,
          onClick: () => navigate(chatPath(room._id)),
        });
      }
    },
    notification: (notification) => {
      const rid = notification.payload?.rid;
      alertAgent({
        title: notification.title,
        body: notification.text,
        tag: `queue-${rid ?? ''}`,
        onClick: () => navigate(rid ? chatPath(rid) : '/queue'),
      });
    },
    userData: (data) => {
      if (data.type !== 'updated' || !data.diff) return;
      queryClient.setQueryData<Me>(keys.me, (me) => (me ? { ...me, ...data.diff } : me));
    },
  });
  const stopQueue = watchQueue(ddp, (change) => {
    queryClient.setQueryData<InfiniteData<QueuePage, number>>(keys.queue, (data) => applyQueueChange(data, change));
    void queryClient.invalidateQueries({ queryKey: [...keys.queue, 'count'], exact: true }); // the sidebar's total
    if (change.type !== 'added') void queryClient.invalidateQueries({ queryKey: keys.inquiry(change.rid) });
  });
  return () => {
    stopUser();
    stopQueue();
  };
}

export function useLive(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useLive outside LiveProvider');
  return live;
}

export function useConnection(): DdpStatus {
  const { ddp } = useLive();
  return useSyncExternalStore(
    (listener) => ddp.onStatus(listener),
    () => ddp.status,
  );
}
