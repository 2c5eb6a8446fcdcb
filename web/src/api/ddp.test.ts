import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DdpClient, DdpError, type DdpStatus } from './ddp';

class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  send(text: string) {
    this.sent.push(JSON.parse(text));
  }
  receive(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  close() {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.();
  }
  last(msg: string) {
    return [...this.sent].reverse().find((f) => f.msg === msg)!;
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function connect(socket: FakeSocket, token = true) {
  socket.open();
  socket.receive({ msg: 'connected', session: 's' });
  await flush();
  if (token) {
    socket.receive({ msg: 'result', id: socket.last('method').id, result: { id: 'u1' } });
    await flush();
  }
}

let statuses: DdpStatus[];
let client: DdpClient;

beforeEach(() => {
  FakeSocket.all = [];
  statuses = [];
  client = new DdpClient({
    url: 'ws://x/websocket',
    resumeToken: () => 'tok',
    WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
    backoffMs: [10],
    heartbeatMs: 1000,
  });
  client.onStatus((s) => statuses.push(s));
});

afterEach(() => client.stop());

describe('DdpClient', () => {
  it('connects, resumes the login, then reports connected', async () => {
    client.start();
    const socket = FakeSocket.all[0];
    socket.open();
    expect(socket.sent[0]).toEqual({ msg: 'connect', version: '1', support: ['1'] });
    socket.receive({ msg: 'connected', session: 's' });
    await flush();
    expect(socket.last('method')).toMatchObject({ method: 'login', params: [{ resume: 'tok' }] });
    expect(client.status.state).toBe('connecting');
    socket.receive({ msg: 'result', id: socket.last('method').id, result: { id: 'u1' } });
    await flush();
    expect(client.status.state).toBe('connected');
  });

  it('delivers stream events to their subscriber only, and resubscribes after a reconnect', async () => {
    const onRoom = vi.fn();
    const onOther = vi.fn();
    client.subscribe('stream-room-messages', 'r1', onRoom);
    client.subscribe('stream-room-messages', 'r2', onOther);
    client.start();
    await connect(FakeSocket.all[0]);
    expect(FakeSocket.all[0].sent.filter((f) => f.msg === 'sub')).toHaveLength(2);
    FakeSocket.all[0].receive({
      msg: 'changed',
      collection: 'stream-room-messages',
      id: 'id',
      fields: { eventName: 'r1', args: [{ _id: 'm', ts: { $date: 0 } }] },
    });
    expect(onRoom).toHaveBeenCalledWith([{ _id: 'm', ts: '1970-01-01T00:00:00.000Z' }], 'r1');
    expect(onOther).not.toHaveBeenCalled();

    FakeSocket.all[0].close();
    expect(client.status.state).toBe('disconnected');
    await new Promise((resolve) => setTimeout(resolve, 30));
    await connect(FakeSocket.all[1]);
    expect(FakeSocket.all[1].sent.filter((f) => f.msg === 'sub').map((f) => (f.params as unknown[])[0])).toEqual(['r1', 'r2']);
  });

  it('refuses calls while disconnected and fails pending ones when the socket drops', async () => {
    await expect(client.call('x')).rejects.toBeInstanceOf(DdpError);
    client.start();
    await connect(FakeSocket.all[0]);
    const pending = client.call('slow');
    FakeSocket.all[0].close();
    await expect(pending).rejects.toMatchObject({ code: 'disconnected' });
  });

  it('answers pings and stops on a refused resume token', async () => {
    const refused = vi.fn();
    client.stop();
    client = new DdpClient({
      url: 'ws://x',
      resumeToken: () => 'old',
      onLoginRefused: refused,
      WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
    });
    client.start();
    const socket = FakeSocket.all[FakeSocket.all.length - 1];
    socket.open();
    socket.receive({ msg: 'ping', id: 'p' });
    expect(socket.last('pong')).toEqual({ msg: 'pong', id: 'p' });
    socket.receive({ msg: 'connected', session: 's' });
    await flush();
    socket.receive({ msg: 'result', id: socket.last('method').id, error: { error: 403, reason: 'logged out' } });
    await flush();
    expect(refused).toHaveBeenCalledOnce();
    expect(client.status.state).toBe('disconnected');
  });

  it('pings a silent server and drops a link that stays silent', async () => {
    vi.useFakeTimers();
    let now = 0;
    client.stop();
    client = new DdpClient({
      url: 'ws://x',
      resumeToken: () => null,
      WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
      heartbeatMs: 1000,
      backoffMs: [60_000],
      now: () => now,
    });
    client.start();
    const socket = FakeSocket.all[FakeSocket.all.length - 1];
    socket.open();
    socket.receive({ msg: 'connected', session: 's' });
    await vi.advanceTimersByTimeAsync(0);
    expect(client.status.state).toBe('connected');
    now = 1100;
    await vi.advanceTimersByTimeAsync(300);
    expect(socket.last('ping')).toEqual({ msg: 'ping' });
    now = 2200;
    await vi.advanceTimersByTimeAsync(300);
    expect(client.status.state).toBe('disconnected');
    vi.useRealTimers();
  });
});
