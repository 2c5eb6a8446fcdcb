// One chat: its header and actions, the history, the composer (or why there is none), the visitor panel.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { keys } from '../../api/keys';
import * as rest from '../../api/rest';
import type { Room, Subscription } from '../../api/types';
import { useLive } from '../../app/live';
import { usePending } from '../../app/outbox';
import { useMe } from '../../app/permissions';
import { SourceIcon, sourceLabel } from '../../components/SourceIcon';
import { VisitorPanel } from '../visitor/VisitorPanel';
import { RoomActions, type Panel } from './actions/RoomActions';
import { Composer } from './Composer';
import { SearchPanel } from './search/SearchPanel';
import { historyQuery, MessageList, type Focus } from './MessageList';
import { useRoomLive } from './useRoomLive';

function stateOf(room: Room, mine: boolean): { label: string; tone: string } {
  if (room.open === false || room.open === undefined) return { label: 'Closed', tone: 'muted' };
  if (room.onHold) return { label: 'On hold', tone: 'warning' };
  if (!room.servedBy) return { label: 'In queue', tone: 'info' };
  if (!mine) return { label: `Served by ${room.servedBy.username}`, tone: 'muted' };
  return room.waitingResponse ? { label: 'Waiting for your response', tone: 'attention' } : { label: 'Open', tone: 'success' };
}

function useMarkRead(rid: string, sub: Subscription | undefined) {
  const queryClient = useQueryClient();
  const unread = (sub?.unread ?? 0) > 0 || sub?.alert === true;
  useEffect(() => {
    if (!unread) return;
    const read = () => {
      if (document.hidden) return;
      queryClient.setQueryData<Subscription[]>(keys.subscriptions, (subs) =>
        subs?.map((s) => (s.rid === rid ? { ...s, unread: 0, alert: false } : s)),
      );
      rest.markRead(rid).catch(() => undefined);
    };
    const timer = setTimeout(read, 300);
    document.addEventListener('visibilitychange', read);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', read);
    };
  }, [rid, unread, queryClient]);
}

export function ChatScreen({ rid }: { rid: string }) {
  const me = useMe().data;
  const { outbox } = useLive();
  const [panel, setPanel] = useState<Panel>('info');
  const [focus, setFocus] = useState<Focus | null>(null);
  const queryClient = useQueryClient();
  // An own chat is already in the sidebar's rooms.get answer: show it at once, refresh it behind.
  const room = useQuery({
    queryKey: keys.room(rid),
    queryFn: () => rest.roomInfo(rid),
    initialData: () => queryClient.getQueryData<Room[]>(keys.rooms)?.find((r) => r._id === rid),
    initialDataUpdatedAt: 0,
  });
  const subs = useQuery({ queryKey: keys.subscriptions, queryFn: rest.subscriptions });
  const sub = subs.data?.find((s) => s.rid === rid);
  useEffect(() => {
    void queryClient.prefetchInfiniteQuery(historyQuery(rid)); // alongside the room, not after it
  }, [rid, queryClient]);
  const typing = useRoomLive(rid, me?.username);
  const pending = usePending(outbox, rid);
  useMarkRead(rid, sub);

  if (room.isPending) return <p className="muted pad" role="status">Loading the chat…</p>;
  if (room.isError) {
    return (
      <div className="empty">
        <h1>This chat cannot be opened</h1>
        <p role="alert">{room.error.message}</p>
      </div>
    );
  }
  const data = room.data;
  const mine = data.servedBy?._id === me?._id;
  const state = stateOf(data, mine);
  const open = data.open === true;
  const name = data.fname || data.v.username;
  const typingNames = typing.map((username) => (username === data.v.username ? name : username));

  return (
    <div className={`chat-layout ${panel ? 'with-panel' : ''}`}>
      <section className="chat" aria-labelledby="chat-title">
        <header className="chat-head">
          <SourceIcon source={data.source} />
          <div className="chat-head-title">
            <h1 id="chat-title">{name}</h1>
            <p className="muted small chat-head-sub">
              <span>{sourceLabel(data.source)}</span>
              <span className={`pill pill-${state.tone}`}>{state.label}</span>
            </p>
          </div>
          <RoomActions room={data} mine={mine} panel={panel} onPanel={setPanel} />
        </header>
        <MessageList
          rid={rid}
          pending={pending}
          onRetry={(id) => outbox.retry(id)}
          onDiscard={(id) => outbox.discard(id)}
          focus={focus}
        />
        <div className="typing" aria-live="polite">
          {typingNames.length ? `${typingNames.join(', ')} ${typingNames.length > 1 ? 'are' : 'is'} typing…` : ''}
        </div>
        {open && mine && !data.onHold ? (
          <Composer rid={rid} username={me?.username ?? ''} onSend={(text) => outbox.submit(rid, text)} />
        ) : (
          <p className="composer-note">
            {!open
              ? 'This chat is closed.'
              : data.onHold
                ? 'This chat is on hold. Resume it to write to the visitor.'
                : !data.servedBy
                  ? 'This visitor is waiting in the queue. Take the chat to answer.'
                  : `${data.servedBy.username} is serving this chat.`}
          </p>
        )}
      </section>
      {panel === 'info' ? <VisitorPanel room={data} /> : null}
      {panel === 'search' ? <SearchPanel rid={rid} onClose={() => setPanel(null)} onShow={(id) => setFocus({ id, at: Date.now() })} /> : null}
    </div>
  );
}
