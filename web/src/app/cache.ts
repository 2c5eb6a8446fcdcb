// Pure updates of cached API answers from stream events: the screens re-render from the cache alone.
import type { InfiniteData } from '@tanstack/react-query';
import type { QueueChange } from '../api/streams';
import type { Inquiry, Message, Paged, Room, Subscription } from '../api/types';

/** The server sends whole documents (rooms-changed, subscriptions-changed): the new one replaces the old, so a
 * field the server removed (a room's `waitingResponse` after the agent's answer) is gone here too. */
export function upsertById<T extends { _id: string }>(list: T[] | undefined, doc: T): T[] {
  const items = list ?? [];
  const index = items.findIndex((item) => item._id === doc._id);
  if (index < 0) return [...items, doc];
  const copy = items.slice();
  copy[index] = doc;
  return copy;
}

export function removeWhere<T>(list: T[] | undefined, drop: (item: T) => boolean): T[] {
  return (list ?? []).filter((item) => !drop(item));
}

/** History pages are newest first; page 0 holds the newest messages. A live message lands in page 0. */
export function addMessage(data: InfiniteData<Message[]> | undefined, message: Message): InfiniteData<Message[]> | undefined {
  if (!data) return data;
  let replaced = false;
  const pages = data.pages.map((page) =>
    page.map((item) => {
      if (item._id !== message._id) return item;
      replaced = true;
      return message;
    }),
  );
  if (!replaced) {
    const first = pages[0] ?? [];
    const at = first.findIndex((item) => item.ts <= message.ts);
    pages[0] = at < 0 ? [...first, message] : [...first.slice(0, at), message, ...first.slice(at)];
  }
  return { ...data, pages };
}

export function deleteMessage(data: InfiniteData<Message[]> | undefined, messageId: string): InfiniteData<Message[]> | undefined {
  if (!data) return data;
  return { ...data, pages: data.pages.map((page) => page.filter((item) => item._id !== messageId)) };
}

/** The loaded history, oldest first, for display. */
export function chronological(data: InfiniteData<Message[]> | undefined): Message[] {
  if (!data) return [];
  const out: Message[] = [];
  for (let p = data.pages.length - 1; p >= 0; p -= 1) {
    const page = data.pages[p];
    for (let i = page.length - 1; i >= 0; i -= 1) out.push(page[i]);
  }
  return out;
}

export type QueuePage = Paged & { inquiries: Inquiry[] };

/** A queue event applied to the loaded pages: removals vanish, additions join the end once it is loaded. */
export function applyQueueChange(data: InfiniteData<QueuePage, number> | undefined, change: QueueChange): InfiniteData<QueuePage, number> | undefined {
  if (!data || data.pages.length === 0) return data;
  const { type, ...inquiry } = change;
  const present = data.pages.some((page) => page.inquiries.some((item) => item._id === inquiry._id));
  const last = data.pages[data.pages.length - 1];
  const total = last.total + (type === 'removed' ? (present ? -1 : 0) : type === 'added' && !present ? 1 : 0);
  const allLoaded = data.pages.reduce((n, page) => n + page.inquiries.length, 0) >= last.total;
  const pages = data.pages.map((page, index) => {
    let inquiries = page.inquiries;
    if (type === 'removed' || (type === 'changed' && inquiry.status !== 'queued')) {
      inquiries = inquiries.filter((item) => item._id !== inquiry._id);
    } else if (present) {
      inquiries = inquiries.map((item) => (item._id === inquiry._id ? { ...item, ...inquiry } : item));
    } else if (type === 'added' && allLoaded && index === data.pages.length - 1) {
      inquiries = [...inquiries, inquiry as Inquiry];
    }
    return { ...page, inquiries, total: Math.max(0, total) };
  });
  return { ...data, pages };
}

export interface ChatItem {
  rid: string;
  room: Room | undefined;
  sub: Subscription;
  name: string;
  unread: number;
  lastActivity: string;
  waitingResponse: boolean;
  onHold: boolean;
}

/** The agent's open chats: newest activity first, split into active and on hold, with the unread total. */
export function myChats(subs: Subscription[] | undefined, rooms: Room[] | undefined) {
  const byId = new Map((rooms ?? []).map((room) => [room._id, room]));
  const items: ChatItem[] = [];
  for (const sub of subs ?? []) {
    if (sub.t !== 'l' || sub.open === false) continue;
    const room = byId.get(sub.rid);
    if (room && room.open === false) continue;
    items.push({
      rid: sub.rid,
      room,
      sub,
      name: room?.fname || sub.fname || sub.name,
      unread: sub.unread ?? 0,
      lastActivity: room?.lm || room?.ts || sub._updatedAt || '',
      waitingResponse: room?.waitingResponse === true,
      onHold: room?.onHold === true || sub.onHold === true,
    });
  }
  items.sort((a, b) => (a.lastActivity < b.lastActivity ? 1 : a.lastActivity > b.lastActivity ? -1 : 0));
  const active = items.filter((item) => !item.onHold);
  const onHold = items.filter((item) => item.onHold);
  const unreadTotal = items.reduce((sum, item) => sum + item.unread, 0);
  return { active, onHold, unreadTotal };
}
