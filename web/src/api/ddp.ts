// A small typed DDP client (Meteor's protocol over a raw websocket at /websocket): resume login, methods,
// stream subscriptions that survive reconnects, heartbeats, and a status the desk shows as a banner.
import { fromEjson, toEjson } from './ejson';

export type DdpState = 'connecting' | 'connected' | 'disconnected';

export interface DdpStatus {
  state: DdpState;
  /** Reconnect attempts since the last good connection. */
  attempt: number;
  /** When the next attempt starts (ms since epoch), while disconnected. */
  retryAt?: number;
}

export class DdpError extends Error {
  constructor(
    message: string,
    readonly code?: string | number,
  ) {
    super(message);
    this.name = 'DdpError';
  }
}

type Frame = Record<string, unknown> & { msg?: string };
type Listener = (args: unknown[], eventName: string) => void;

interface Sub {
  id: string;
  name: string;
  params: unknown[];
  listener: Listener;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export interface DdpOptions {
  url: string;
  /** The resume token to log in with after every (re)connect; null: stay anonymous. */
  resumeToken: () => string | null;
  /** The server said the token is no longer valid. */
  onLoginRefused?: () => void;
  /** Called after each successful connect + login, before subscriptions are restored. */
  onReady?: (reconnected: boolean) => void;
  WebSocketImpl?: typeof WebSocket;
  heartbeatMs?: number;
  backoffMs?: number[];
  now?: () => number;
}

export class DdpClient {
  private socket: WebSocket | null = null;
  private nextId = 0;
  private pending = new Map<string, Pending>();
  private subs = new Map<string, Sub>();
  private listeners = new Set<(status: DdpStatus) => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private lastFrameAt = 0;
  private pinged = false;
  private everConnected = false;
  private stopped = true;
  private current: DdpStatus = { state: 'disconnected', attempt: 0 };
  private readonly opts: Required<Omit<DdpOptions, 'onLoginRefused' | 'onReady'>> &
    Pick<DdpOptions, 'onLoginRefused' | 'onReady'>;

  constructor(options: DdpOptions) {
    this.opts = {
      WebSocketImpl: globalThis.WebSocket,
      heartbeatMs: 20_000,
      backoffMs: [500, 1_000, 2_000, 5_000, 10_000],
      now: () => Date.now(),
      ...options,
    };
  }

  get status(): DdpStatus {
    return this.current;
  }

  onStatus(listener: (status: DdpStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    socket?.close();
    this.failPending('Disconnected');
    this.setStatus({ state: 'disconnected', attempt: 0 });
  }

  /** Try again now (the browser came back online, or the user asked). */
  reconnectNow(): void {
    if (this.stopped || this.current.state !== 'disconnected') return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.open();
  }

  /** A method call; refused at once while not connected, so callers can fall back or show it. */
  call<T = unknown>(method: string, ...params: unknown[]): Promise<T> {
    if (this.current.state !== 'connected' || !this.socket) {
      return Promise.reject(new DdpError('Not connected', 'disconnected'));
    }
    return this.rawCall(method, params) as Promise<T>;
  }

  /** Listen to a stream event; the subscription is sent again after every reconnect until stopped. */
  subscribe(name: string, eventName: string, listener: Listener, extra: unknown = false): () => void {
    this.nextId += 1;
    const sub: Sub = { id: `s${this.nextId}`, name, params: [eventName, extra], listener };
    this.subs.set(sub.id, sub);
    if (this.current.state === 'connected') this.sendSub(sub);
    return () => {
      if (!this.subs.delete(sub.id)) return;
      if (this.current.state === 'connected') this.send({ msg: 'unsub', id: sub.id });
    };
  }

  // -- internals ------------------------------------------------------------------------------------
  private setStatus(status: DdpStatus): void {
    this.current = status;
    for (const listener of this.listeners) listener(status);
  }

  private open(): void {
    this.setStatus({ state: 'connecting', attempt: this.current.attempt });
    let socket: WebSocket;
    try {
      socket = new this.opts.WebSocketImpl(this.opts.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.lastFrameAt = this.opts.now();
      this.send({ msg: 'connect', version: '1', support: ['1'] });
    };
    socket.onmessage = (event: MessageEvent) => {
      if (socket !== this.socket) return;
      this.lastFrameAt = this.opts.now();
      this.pinged = false;
      let frame: Frame;
      try {
        frame = fromEjson(JSON.parse(String(event.data))) as Frame;
      } catch {
        return;
      }
      void this.handle(frame);
    };
    socket.onclose = () => {
      if (socket !== this.socket) return;
      this.socket = null;
      this.clearTimers();
      this.failPending('Connection lost');
      if (!this.stopped) this.scheduleReconnect();
    };
    socket.onerror = () => socket.close();
  }

  private async handle(frame: Frame): Promise<void> {
    switch (frame.msg) {
      case 'connected':
        await this.afterConnect();
        return;
      case 'ping':
        this.send(frame.id ? { msg: 'pong', id: frame.id } : { msg: 'pong' });
        return;
      case 'result': {
        const pending = this.pending.get(String(frame.id));
        if (!pending) return;
        this.pending.delete(String(frame.id));
        const error = frame.error as { reason?: string; message?: string; error?: string | number } | undefined;
        if (error) pending.reject(new DdpError(error.reason || error.message || 'Method failed', error.error));
        else pending.resolve(frame.result);
        return;
      }
      case 'changed': {
        const fields = (frame.fields ?? {}) as { eventName?: string; args?: unknown[] };
        for (const sub of this.subs.values()) {
          if (sub.name === frame.collection && sub.params[0] === fields.eventName) {
            sub.listener(fields.args ?? [], String(fields.eventName));
          }
        }
        return;
      }
      default:
        return;
    }
  }

  private async afterConnect(): Promise<void> {
    const token = this.opts.resumeToken();
    if (token) {
      try {
        await this.rawCall('login', [{ resume: token }]);
      } catch (error) {
        if (error instanceof DdpError && String(error.code) === '403') {
          this.opts.onLoginRefused?.();
          this.stop();
          return;
        }
        this.socket?.close();
        return;
      }
    }
    const reconnected = this.everConnected;
    this.everConnected = true;
    this.setStatus({ state: 'connected', attempt: 0 });
    this.startHeartbeat();
    for (const sub of this.subs.values()) this.sendSub(sub);
    this.opts.onReady?.(reconnected);
  }

  private rawCall(method: string, params: unknown[]): Promise<unknown> {
    this.nextId += 1;
    const id = `m${this.nextId}`;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ msg: 'method', id, method, params: toEjson(params) });
    });
  }

  private sendSub(sub: Sub): void {
    this.send({ msg: 'sub', id: sub.id, name: sub.name, params: sub.params });
  }

  private send(frame: Frame): void {
    if (this.socket && this.socket.readyState === 1) this.socket.send(JSON.stringify(frame));
  }

  private startHeartbeat(): void {
    const every = this.opts.heartbeatMs;
    this.heartbeat = setInterval(() => {
      const idle = this.opts.now() - this.lastFrameAt;
      if (idle >= every * 2 && this.pinged) {
        this.socket?.close(); // nothing came back from our ping: the link is dead even if the socket isn't told
      } else if (idle >= every && !this.pinged) {
        this.pinged = true;
        this.send({ msg: 'ping' });
      }
    }, Math.max(250, every / 4));
  }

  private scheduleReconnect(): void {
    const attempt = this.current.attempt + 1;
    const steps = this.opts.backoffMs;
    const delay = steps[Math.min(attempt - 1, steps.length - 1)];
    this.setStatus({ state: 'disconnected', attempt, retryAt: this.opts.now() + delay });
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped) this.open();
    }, delay);
  }

  private clearTimers(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.timer = null;
    this.heartbeat = null;
  }

  private failPending(reason: string): void {
    for (const pending of this.pending.values()) pending.reject(new DdpError(reason, 'disconnected'));
    this.pending.clear();
  }
}

export function websocketUrl(location: Location = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/websocket`;
}
