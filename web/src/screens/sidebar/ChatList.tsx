// The agent's open chats, newest activity first, with unread counts and who waits for an answer; chats on
// hold in their own section. Virtualised: a contact centre agent may hold hundreds.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { ChatItem } from '../../app/cache';
import { chatPath, Link, useRoute } from '../../app/router';
import { useMyChats } from '../../app/Shell';
import { SourceIcon } from '../../components/SourceIcon';
import { shortWhen } from '../../components/time';

type Row = { kind: 'header'; label: string; count: number } | { kind: 'chat'; item: ChatItem };

function preview(item: ChatItem): string {
  const last = item.room?.lastMessage;
  if (!last) return 'No messages yet';
  if (last.t === 'livechat-started') return 'Chat started';
  if (last.t === 'livechat_transfer_history') return 'Chat forwarded';
  if (last.t === 'omnichannel_placed_chat_on_hold') return 'Placed on hold';
  if (last.t === 'omnichannel_on_hold_chat_resumed') return 'Chat resumed';
  if (last.t) return 'System message';
  const file = last.attachments?.[0]?.title ?? last.file?.name;
  return `${last.token ? '' : 'You: '}${last.msg || (file ? `File: ${file}` : '')}`;
}

function ChatRow({ item, current }: { item: ChatItem; current: boolean }) {
  const unread = item.unread > 0;
  const description = [
    item.waitingResponse ? 'waiting for your response' : null,
    unread ? `${item.unread} unread` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <Link
      to={chatPath(item.rid)}
      className={`chat-row ${current ? 'chat-row-current' : ''} ${unread ? 'chat-row-unread' : ''}`}
      aria-current={current ? 'page' : undefined}
      aria-label={`${item.name}${description ? `, ${description}` : ''}`}
    >
      <SourceIcon source={item.room?.source} />
      <span className="chat-row-main">
        <span className="chat-row-top">
          <span className="chat-row-name">{item.name}</span>
          <span className="chat-row-time">{shortWhen(item.lastActivity)}</span>
        </span>
        <span className="chat-row-bottom">
          <span className="chat-row-preview">{preview(item)}</span>
          {item.waitingResponse ? <span className="dot-waiting" title="Waiting for your response" aria-hidden="true" /> : null}
          {unread ? (
            <span className="badge" aria-hidden="true">
              {item.unread}
            </span>
          ) : null}
        </span>
      </span>
    </Link>
  );
}

export function ChatList() {
  const { active, onHold, isPending, error } = useMyChats();
  const route = useRoute();
  const scroller = useRef<HTMLDivElement>(null);
  const rows: Row[] = [{ kind: 'header', label: 'My chats', count: active.length }, ...active.map((item) => ({ kind: 'chat' as const, item }))];
  if (onHold.length) {
    rows.push({ kind: 'header', label: 'On hold', count: onHold.length }, ...onHold.map((item) => ({ kind: 'chat' as const, item })));
  }
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (rows[index].kind === 'header' ? 36 : 64),
    overscan: 8,
    getItemKey: (index) => {
      const row = rows[index];
      return row.kind === 'header' ? `h-${row.label}` : row.item.rid;
    },
  });
  const currentRid = route.name === 'chat' ? route.rid : null;
  return (
    <div className="chat-list" ref={scroller}>
      {error ? (
        <p className="form-error small" role="alert">
          {error.message}
        </p>
      ) : null}
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((virtual) => {
          const row = rows[virtual.index];
          return (
            <div
              key={virtual.key}
              className="virtual-row"
              style={{ transform: `translateY(${virtual.start}px)`, height: virtual.size }}
            >
              {row.kind === 'header' ? (
                <h2 className="section-title">
                  {row.label} <span className="muted">({row.count})</span>
                </h2>
              ) : (
                <ChatRow item={row.item} current={row.item.rid === currentRid} />
              )}
            </div>
          );
        })}
      </div>
      {!isPending && active.length === 0 && onHold.length === 0 ? <p className="muted small pad">No open chats.</p> : null}
    </div>
  );
}
