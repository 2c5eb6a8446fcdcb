// Messages the agent sent that the server has not confirmed yet: shown in the chat as sending, waiting for
// the connection, or failed with the server's reason and a retry — never silently dropped.
import { useSyncExternalStore } from 'react';
import { ApiError } from '../api/rest';
import type { Message } from '../api/types';

export type Pending = {
  _id: string;
  rid: string;
  msg: string;
  ts: string;
  state: 'sending' | 'waiting' | 'failed';
  error?: string;
};

type Send = (rid: string, msg: string, id: string) => Promise<Message>;

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz';

/** A message id as Rocket.Chat's Random.id() makes them: the server keeps it, so a resend cannot double. */
export function randomId(length = 17): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

export class Outbox {
  private items: Pending[] = [];
  private listeners = new Set<() => void>();

  constructor(
    private send: Send,
    private delivered: (message: Message) => void,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): Pending[] => this.items;

  forRoom(rid: string): Pending[] {
    return this.items.filter((item) => item.rid === rid);
  }

  submit(rid: string, msg: string): Pending {
    const item: Pending = { _id: randomId(), rid, msg, ts: new Date().toISOString(), state: 'sending' };
    this.update([...this.items, item]);
    void this.attempt(item._id);
    return item;
  }

  retry(id: string): void {
    void this.attempt(id);
  }

  discard(id: string): void {
    this.update(this.items.filter((item) => item._id !== id));
  }

  /** The connection is back: send what waited, oldest first. */
  async flush(): Promise<void> {
    for (const item of this.items.filter((i) => i.state === 'waiting')) await this.attempt(item._id);
  }

  private async attempt(id: string): Promise<void> {
    const item = this.items.find((i) => i._id === id);
    if (!item) return;
    this.patch(id, { state: 'sending', error: undefined });
    try {
      const message = await this.send(item.rid, item.msg, item._id);
      this.delivered(message);
      this.discard(id);
    } catch (error) {
      if (error instanceof ApiError && error.errorType === 'error-duplicate-message') {
        this.discard(id); // an earlier try reached the server; its answer was what got lost
      } else if (error instanceof ApiError && error.offline) {
        this.patch(id, { state: 'waiting', error: undefined });
      } else {
        this.patch(id, { state: 'failed', error: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  private patch(id: string, change: Partial<Pending>): void {
    this.update(this.items.map((item) => (item._id === id ? { ...item, ...change } : item)));
  }

  private update(items: Pending[]): void {
    this.items = items;
    this.listeners.forEach((listener) => listener());
  }
}

export function usePending(outbox: Outbox, rid: string): Pending[] {
  const all = useSyncExternalStore(outbox.subscribe, outbox.snapshot);
  return all.filter((item) => item.rid === rid);
}
