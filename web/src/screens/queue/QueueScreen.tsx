// The inquiries this agent may take (Manual_Selection), live, oldest first; paged from the API and
// virtualised, so five thousand waiting visitors cost no more than fifty.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { keys } from '../../api/keys';
import * as rest from '../../api/rest';
import type { Inquiry } from '../../api/types';
import type { QueuePage } from '../../app/cache';
import { chatPath, Link, navigate } from '../../app/router';
import { SourceIcon } from '../../components/SourceIcon';
import { waited } from '../../components/time';
import { useNow } from '../../components/useNow';

const PAGE = 50;

export function useDepartmentNames(): Map<string, string> {
  const departments = useQuery({ queryKey: keys.departments, queryFn: rest.departments, staleTime: 5 * 60_000 });
  return new Map((departments.data ?? []).map((d) => [d._id, d.name]));
}

export function useTake() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (inquiry: Inquiry) => rest.takeInquiry(inquiry._id),
    onSuccess: (_, inquiry) => {
      void queryClient.invalidateQueries({ queryKey: keys.subscriptions });
      void queryClient.invalidateQueries({ queryKey: keys.rooms });
      void queryClient.invalidateQueries({ queryKey: keys.room(inquiry.rid) });
      void queryClient.invalidateQueries({ queryKey: keys.queue });
      navigate(chatPath(inquiry.rid));
    },
  });
}

function QueueRow({ inquiry, department, now, take }: { inquiry: Inquiry; department?: string; now: number; take: ReturnType<typeof useTake> }) {
  const first = inquiry.message || inquiry.lastMessage?.msg || '';
  const busy = take.isPending && take.variables?._id === inquiry._id;
  return (
    <div className="queue-row" role="listitem">
      <SourceIcon source={inquiry.source} />
      <div className="queue-row-main">
        <Link to={chatPath(inquiry.rid)} className="queue-row-name">
          {inquiry.name}
        </Link>
        <span className="queue-row-first">{first || <span className="muted">No message yet</span>}</span>
      </div>
      <span className="queue-row-dept">{department ?? (inquiry.department ? '—' : 'No department')}</span>
      <span className="queue-row-wait" title="Waiting time">
        <span className="visually-hidden">waiting </span>
        {waited(inquiry.queuedAt || inquiry.ts, now)}
      </span>
      <button type="button" className="button button-primary button-small" disabled={busy} onClick={() => take.mutate(inquiry)} aria-label={`Take the chat with ${inquiry.name}`}>
        {busy ? 'Taking…' : 'Take'}
      </button>
    </div>
  );
}

export function QueueScreen() {
  const now = useNow(1000);
  const names = useDepartmentNames();
  const take = useTake();
  const routing = useQuery({ queryKey: keys.routing, queryFn: rest.routingConfig, staleTime: 5 * 60_000 });
  const queue = useInfiniteQuery({
    queryKey: keys.queue,
    queryFn: ({ pageParam }) => rest.queue(pageParam, PAGE),
    initialPageParam: 0,
    getNextPageParam: (last: QueuePage, pages) => {
      const loaded = pages.reduce((n, page) => n + page.inquiries.length, 0);
      return loaded < last.total && last.inquiries.length > 0 ? last.offset + last.inquiries.length : undefined;
    },
  });
  const inquiries = queue.data?.pages.flatMap((page) => page.inquiries) ?? [];
  const total = queue.data?.pages[queue.data.pages.length - 1]?.total ?? 0;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: inquiries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 64,
    overscan: 10,
    getItemKey: (index) => inquiries[index]._id,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : -1;
  useEffect(() => {
    if (lastIndex >= inquiries.length - 10 && queue.hasNextPage && !queue.isFetchingNextPage) void queue.fetchNextPage();
  }, [lastIndex, inquiries.length, queue]);

  return (
    <section className="screen" aria-labelledby="queue-title">
      <header className="screen-head">
        <h1 id="queue-title">
          Queue <span className="muted">({total})</span>
        </h1>
        <p className="muted small">
          {routing.data?.autoAssignAgent
            ? 'Chats are assigned automatically; this list shows chats waiting to be taken by hand.'
            : 'Visitors waiting for an agent, longest wait first. Open one to read it before taking it.'}
        </p>
      </header>
      {take.error ? (
        <p className="form-error pad" role="alert">
          {take.error.message}
        </p>
      ) : null}
      {queue.error ? (
        <p className="form-error pad" role="alert">
          {queue.error.message}
        </p>
      ) : null}
      <div className="queue-head" aria-hidden="true">
        <span />
        <span>Visitor and first message</span>
        <span>Department</span>
        <span>Waiting</span>
        <span />
      </div>
      <div className="queue-list" ref={scroller}>
        {queue.isPending ? <p className="muted pad">Loading the queue…</p> : null}
        {!queue.isPending && inquiries.length === 0 ? <p className="muted pad">Nobody is waiting. New chats show up here as they arrive.</p> : null}
        <div role="list" aria-label="Waiting visitors" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((virtual) => {
            const inquiry = inquiries[virtual.index];
            return (
              <div key={virtual.key} className="virtual-row" style={{ transform: `translateY(${virtual.start}px)`, height: virtual.size }}>
                <QueueRow inquiry={inquiry} department={inquiry.department ? names.get(inquiry.department) : undefined} now={now} take={take} />
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
