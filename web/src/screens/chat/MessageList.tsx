// A chat's history: the newest page first, older pages as the agent scrolls up (the position stays put),
// new messages live (following them while the agent reads the bottom), and unsent messages at the end.
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { keys } from '../../api/keys';
import * as rest from '../../api/rest';
import type { Message } from '../../api/types';
import { chronological } from '../../app/cache';
import type { Pending } from '../../app/outbox';
import { Avatar } from '../../components/Avatar';
import { Icon } from '../../components/Icon';
import { Markdown } from '../../components/Markdown';
import { clockTime, longWhen } from '../../components/time';
import { Attachments } from './files/Attachments';
import { timelineRows, type Row } from './rows';
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

function MessageItem({ message, grouped, fromVisitor }: { message: Message; grouped: boolean; fromVisitor: boolean }) {
  const system = message.t ? systemText(message) : null;
  if (message.t) {
    if (system === null) return null;
    return (
      <div className="msg-system">
        <span>{system}</span> <time dateTime={message.ts}>{clockTime(message.ts)}</time>
      </div>
    );
  }
  const author = message.alias || message.u.name || message.u.username;
  return (
    <div className={`msg ${fromVisitor ? 'msg-in' : 'msg-out'} ${grouped ? 'msg-grouped' : ''}`}>
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
        {message.msg || !message.attachments?.length ? <Markdown md={message.md} fallback={message.msg} /> : null}
        {message.editedAt ? <span className="muted small"> (edited)</span> : null}
        <Attachments message={message} />
      </div>
    </div>
  );
}

function PendingItem({ item, onRetry, onDiscard }: { item: Pending; onRetry: () => void; onDiscard: () => void }) {
  return (
    <div className={`msg msg-out msg-pending msg-${item.state}`}>
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
    </div>
  );
}

/** A message to bring into view (a search result the agent chose); `at` tells one request from the next. */
export interface Focus {
  id: string;
  at: number;
}

interface Props {
  rid: string;
  pending: Pending[];
  onRetry: (id: string) => void;
  onDiscard: (id: string) => void;
  focus?: Focus | null;
}

const FOUND_MS = 3_000;

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

const ESTIMATE = { day: 40, message: 72, pending: 88 };
const NEAR_BOTTOM = 48;
const NEAR_TOP = 400;
const USER_SCROLL_MS = 1_000;

function RowView({ row, onRetry, onDiscard }: { row: Row; onRetry: (id: string) => void; onDiscard: (id: string) => void }) {
  if (row.kind === 'day') {
    return (
      <div className="day-separator" aria-hidden="true">
        <span>{row.label}</span>
      </div>
    );
  }
  if (row.kind === 'pending') {
    return <PendingItem item={row.item} onRetry={() => onRetry(row.item._id)} onDiscard={() => onDiscard(row.item._id)} />;
  }
  return <MessageItem message={row.message} grouped={row.grouped} fromVisitor={row.fromVisitor} />;
}

/** The timeline, virtualised: only the rows near the viewport are in the page, whatever the chat's length. */
export function MessageList({ rid, pending, onRetry, onDiscard, focus }: Props) {
  const history = useInfiniteQuery(historyQuery(rid));
  const rows = timelineRows(dedupe(chronological(history.data)), pending);
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true); // following the newest message
  const anchor = useRef<{ key: string; offset: number } | null>(null);
  const userScrolledAt = useRef(-Infinity);
  const userScrolls = () => {
    userScrolledAt.current = performance.now();
  };
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => ESTIMATE[rows[index].kind],
    getItemKey: (index) => rows[index].key,
    overscan: 8,
  });
  // Rows above the view that turn out taller or shorter than estimated move the view, unless the
  // timeline follows its bottom: then the bottom is all that matters (see the ResizeObserver below).
  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = (item, _delta, instance) =>
    !stick.current && item.start < (instance.scrollOffset ?? 0);
  const list = useRef<HTMLOListElement>(null);

  // Rows measured taller or shorter than estimated change the list's height, and the header or composer
  // growing changes the view's: either way, keep following the bottom.
  useEffect(() => {
    const el = scroller.current;
    if (!list.current || !el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (stick.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(list.current);
    observer.observe(el); // the view itself shrinks when the header or composer grows
    return () => observer.disconnect();
  }, []);

  const firstKey = rows[0]?.key;
  const lastKey = rows[rows.length - 1]?.key;
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !rows.length) return;
    if (stick.current) {
      el.scrollTop = el.scrollHeight;
      return;
    }
    // older pages came in above: put the row that was at the top back where it was
    const kept = anchor.current;
    const index = kept ? rows.findIndex((row) => row.key === kept.key) : -1;
    const start = index >= 0 ? virtualizer.measurementsCache[index]?.start : undefined;
    if (kept && start !== undefined) el.scrollTop = start - kept.offset;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [firstKey, lastKey, rows.length]);

  // A chosen search result: load older pages until it is in the timeline, then scroll to it and mark it.
  const [found, setFound] = useState<string | null>(null);
  const focusIndex = focus ? rows.findIndex((row) => row.key === focus.id) : -1;
  useEffect(() => {
    if (!focus) return undefined;
    if (focusIndex >= 0) {
      stick.current = false;
      virtualizer.scrollToIndex(focusIndex, { align: 'center' });
      setFound(focus.id);
      const timer = setTimeout(() => setFound(null), FOUND_MS);
      return () => clearTimeout(timer);
    }
    if (history.hasNextPage && !history.isFetchingNextPage) void history.fetchNextPage();
    return undefined;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus, focusIndex, history.hasNextPage, history.isFetchingNextPage]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    // Only the agent's own scrolling decides whether to follow the bottom: the list's adjustments and our
    // own jumps to the bottom arrive as scroll events too, often after the content has grown again.
    if (performance.now() - userScrolledAt.current < USER_SCROLL_MS) {
      stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM;
    }
    const top = virtualizer
      .getVirtualItems()
      .find((item) => item.end > el.scrollTop && rows[item.index]?.kind !== 'day');
    anchor.current = top ? { key: String(top.key), offset: top.start - el.scrollTop } : null;
    if (el.scrollTop < NEAR_TOP && history.hasNextPage && !history.isFetchingNextPage) void history.fetchNextPage();
  };

  return (
    <div
      className="messages"
      ref={scroller}
      onScroll={onScroll}
      onWheel={userScrolls}
      onTouchMove={userScrolls}
      onKeyDown={userScrolls}
      onPointerDown={userScrolls}
      tabIndex={0}
      role="region"
      aria-label="Messages"
    >
      <p className="muted small center history-edge">
        {history.isFetchingNextPage
          ? 'Loading older messages…'
          : !history.hasNextPage && history.data
            ? 'Beginning of the conversation'
            : ''}
      </p>
      {history.error ? (
        <p className="form-error pad" role="alert">
          {history.error.message}
        </p>
      ) : null}
      <ol ref={list} className="message-list" aria-live="polite" aria-relevant="additions" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => (
          <li
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            className={`timeline-row timeline-${rows[item.index].kind} ${item.key === found ? 'timeline-found' : ''}`}
            style={{ transform: `translateY(${item.start}px)` }}
          >
            <RowView row={rows[item.index]} onRetry={onRetry} onDiscard={onDiscard} />
          </li>
        ))}
      </ol>
    </div>
  );
}
