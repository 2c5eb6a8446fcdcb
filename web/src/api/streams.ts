// The Rocket.Chat streams the desk listens to, typed: what each event carries and how to subscribe.
import type { DdpClient } from './ddp';
import type { Inquiry, Message, Room, Subscription } from './types';

export type ChangeKind = 'inserted' | 'updated' | 'removed';

export interface Notification {
  title: string;
  text: string;
  payload?: { _id?: string; rid?: string; type?: string };
}

export interface UserEvents {
  subscription?: (kind: ChangeKind, sub: Subscription) => void;
  room?: (kind: ChangeKind, room: Room) => void;
  notification?: (notification: Notification) => void;
  userData?: (data: { type: string; diff?: Record<string, unknown>; unset?: Record<string, unknown> }) => void;
}

export function watchUser(ddp: DdpClient, userId: string, handlers: UserEvents): () => void {
  const stops = [
    ddp.subscribe('stream-notify-user', `${userId}/subscriptions-changed`, ([kind, sub]) =>
      handlers.subscription?.(kind as ChangeKind, sub as Subscription),
    ),
    ddp.subscribe('stream-notify-user', `${userId}/rooms-changed`, ([kind, room]) =>
      handlers.room?.(kind as ChangeKind, room as Room),
    ),
    ddp.subscribe('stream-notify-user', `${userId}/notification`, ([notification]) =>
      handlers.notification?.(notification as Notification),
    ),
    ddp.subscribe('stream-notify-user', `${userId}/userData`, ([data]) =>
      handlers.userData?.(data as { type: string; diff?: Record<string, unknown> }),
    ),
  ];
  return () => stops.forEach((stop) => stop());
}

export type QueueChange = Inquiry & { type: 'added' | 'changed' | 'removed' };

export function watchQueue(ddp: DdpClient, onChange: (change: QueueChange) => void): () => void {
  return ddp.subscribe('stream-livechat-inquiry-queue-observer', 'public', ([change]) =>
    onChange(change as QueueChange),
  );
}

export interface RoomEvents {
  message?: (message: Message) => void;
  deleted?: (messageId: string) => void;
  activity?: (username: string, activities: string[]) => void;
}

export function watchRoom(ddp: DdpClient, rid: string, handlers: RoomEvents): () => void {
  const stops = [
    ddp.subscribe('stream-room-messages', rid, ([message]) => handlers.message?.(message as Message)),
    ddp.subscribe('stream-notify-room', `${rid}/deleteMessage`, ([payload]) =>
      handlers.deleted?.((payload as { _id: string })._id),
    ),
    ddp.subscribe('stream-notify-room', `${rid}/user-activity`, ([username, activities]) =>
      handlers.activity?.(String(username), Array.isArray(activities) ? (activities as string[]) : []),
    ),
  ];
  return () => stops.forEach((stop) => stop());
}

/** Tell the room the agent is typing (or stopped); lost silently when disconnected, as typing is. */
export function sendTyping(ddp: DdpClient, rid: string, username: string, typing: boolean): void {
  ddp
    .call('stream-notify-room', `${rid}/user-activity`, username, typing ? ['user-typing'] : [], {})
    .catch(() => undefined);
}

/** The desk is open: the agent's presence is online (Rocket.Chat's clients say so the same way). */
export function announcePresence(ddp: DdpClient): Promise<unknown> {
  return ddp.call('UserPresence:online');
}
