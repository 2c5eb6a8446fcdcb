// A chat's history: the newest page first, older pages as the agent scrolls up (the position stays put),
// new messages live (following them while the agent reads the bottom), and unsent messages at the end.
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { useLayoutEffect, useRef } from 'react';
import { keys } from '../../api/keys';
import * as rest from '../../api/rest';
import type { Message } from '../../api/types';
import { chronological } from '../../app/cache';
import type { Pending } from '../../app/outbox';
import { Avatar } from '../../components/Avatar';
import { Icon } from '../../components/Icon';
import { Markdown } from '../../components/Markdown';
import { clockTime, dayLabel, longWhen } from '../../components/time';
import { systemText } from './systemMessages';

export const PAGE = 50;

/** The next (older) page starts 1 ms after the oldest loaded message, so none sharing its time is lost. */
export function olderThan(page: Message[]): string | undefined {
  if (page.length < PAGE) return undefined;
  const oldest = page[page.length - 1];
  return new Date(new Date(oldest.ts).getTime() + 1).toISOString();
}

export function dedupe(messages: Message[]): Message[] {
  const seen = new Set<string>();
  return messages.filter((m) => (seen.has(m._id) ? false : (seen.add(m._id), true)));
}

function sameGroup(a: Message | undefined, b: Message): boolean {
  return !!a && !a.t && !b.t && a.u._id === b.u._id && new Date(b.ts).getTime() - new Date(a.ts).getTime() < 5 * 60_000;
}

function MessageItem({ message, grouped, fromVisitor }: { message: Message; grouped: boolean; fromVisitor: boolean }) {
  const system = message.t ? systemText(message) : null;
  if (message.t) {
    if (system === null) return null;
    return (
      <li className="msg-system">
        <span>{system}</span> <time dateTime={message.ts}>{clockTime(message.ts)}</time>
      </li>
    );
  }
  const author = message.alias || message.u.name || message.u.username;
  return (
    <li className={`msg ${fromVisitor ? 'msg-in' : 'msg-out'} ${grouped ? 'msg-grouped' : ''}`}>
      {!grouped ? (
        <div className="msg-head">
          <Avatar username={message.u.username} size={24} />
          <span className="msg-author">{author}</span>
          <time dateTime={message.ts} title={longWhen(message.ts)}>
            {clockTime(message.ts)}
          </time>
        </div>
      ) : (
        <span className="visually-hidden">{author}, {clockTime(message.ts)}</span>
      )}
      <div className="msg-body">
        <Markdown md={message.md} fallback={message.msg} />
        {message.editedAt ? <span className="muted small"> (edited)</span> : null}
      </div>
    </li>
  );
}

function PendingItem({ item, onRetry, onDiscard }: { item: Pending; onRetry: () => void; onDiscard: () => void }) {
  return (
    <li className={`msg msg-out msg-pending msg-${item.state}`}>
      <div className="msg-body">
        <p className="msg-text">{item.msg}</p>
      </div>
      <div className="msg-state" role={item.state === 'failed' ? 'alert' : 'status'}>
        {item.state === 'sending' && 'Sending…'}
        {item.state === 'waiting' && 'Waiting for the connection — it will be sent when it is back.'}
        {item.state === 'failed' && (
          <>
            <span>Not sent: {item.error}</span>
            <button type="button" className="button button-small" onClick={onRetry}>
              <Icon name="retry" /> Retry
            </button>
            <button type="button" className="button button-small button-quiet" onClick={onDiscard}>
              Discard
            </button>
          </>
        )}
      </div>
    </li>
  );
}

interface Props {
  rid: string;
  pending: Pending[];
  onRetry: (id: string) => void;
  onDiscard: (id: string) => void;
}

/** A room's history as the cache holds it: pages newest first, live messages added by stream events. */
export function historyQuery(rid: string) {
  return infiniteQueryOptions({
    queryKey: keys.history(rid),
    queryFn: ({ pageParam }) => rest.loadHistory(rid, pageParam, PAGE),
    initialPageParam: null as string | null,
    getNextPageParam: (last: Message[]) => olderThan(last),
    staleTime: Infinity,
  });
}

export function MessageList({ rid, pending, onRetry, onDiscard }: Props) {
  const history = useInfiniteQuery(historyQuery(rid));
  const messages = dedupe(chronological(history.data));
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const fromBottom = useRef(0);
  const oldestId = messages[0]?._id;
  const newestId = messages[messages.length - 1]?._id;

  // Keep the view where it was when older messages come in above; follow new ones at the bottom.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (atBottom.current) el.scrollTop = el.scrollHeight;
    else el.scrollTop = el.scrollHeight - fromBottom.current;
  }, [oldestId, newestId, pending.length]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    fromBottom.current = el.scrollHeight - el.scrollTop;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
    if (el.scrollTop < 200 && history.hasNextPage && !history.isFetchingNextPage) void history.fetchNextPage();
  };

  let lastDay = '';
  return (
    <div className="messages" ref={scroller} onScroll={onScroll} tabIndex={0} role="region" aria-label="Messages">
      {history.isFetchingNextPage ? <p className="muted small center">Loading older messages…</p> : null}
      {!history.hasNextPage && history.data ? <p className="muted small center">Beginning of the conversation</p> : null}
      {history.error ? (
        <p className="form-error pad" role="alert">
          {history.error.message}
        </p>
      ) : null}
      <ol className="message-list" aria-live="polite" aria-relevant="additions">
        {messages.map((message, index) => {
          const day = dayLabel(message.ts);
          const separator = day !== lastDay;
          lastDay = day;
          return [
            separator ? (
              <li key={`day-${message._id}`} className="day-separator" aria-hidden="true">
                <span>{day}</span>
              </li>
            ) : null,
            <MessageItem
              key={message._id}
              message={message}
              grouped={!separator && sameGroup(messages[index - 1], message)}
              fromVisitor={'token' in message}
            />,
          ];
        })}
        {pending.map((item) => (
          <PendingItem key={item._id} item={item} onRetry={() => onRetry(item._id)} onDiscard={() => onDiscard(item._id)} />
        ))}
      </ol>
    </div>
  );
}
