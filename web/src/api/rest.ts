// The REST client: every HTTP call of the desk goes through here (screens never build a URL).
import { fromEjson, toEjson } from './ejson';
import type {
  Agent,
  CannedResponse,
  CustomField,
  Department,
  Facets,
  Inquiry,
  ListedRoom,
  Me,
  Message,
  OfflineMessage,
  Paged,
  Permission,
  Room,
  RoutingConfig,
  Subscription,
  Tag,
  Visitor,
} from './types';

export interface Credentials {
  userId: string;
  authToken: string;
}

/** A refused or failed call; `message` is the server's own error text, ready to show. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errorType?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The server was not reached at all (no answer, not a refusal). */
  get offline(): boolean {
    return this.status === 0;
  }
}

let credentials: Credentials | null = null;

/** The logged-in user's headers, for the few calls made outside `request` (files: api/files.ts). */
export function authHeaders(): Record<string, string> {
  return credentials ? { 'X-User-Id': credentials.userId, 'X-Auth-Token': credentials.authToken } : {};
}

/** A non-2xx or `success: false` answer as the ApiError the screens show (the server's own words). */
export function refusal(status: number, statusText: string, data: Record<string, unknown> | null): ApiError {
  if (status === 401 && credentials) unauthorized();
  return new ApiError(
    errorText(data?.error ?? data?.message ?? data?.reason, `${status} ${statusText || 'error'}`),
    status,
    typeof data?.errorType === 'string' ? data.errorType : undefined,
  );
}
let unauthorized: () => void = () => {};

export function setCredentials(next: Credentials | null): void {
  credentials = next;
}

export function onUnauthorized(handler: () => void): void {
  unauthorized = handler;
}

export type Query = Record<string, string | number | boolean | string[] | object | undefined | null>;

/** Query strings as Rocket.Chat's `qs` parser reads them: arrays as `k[]=v`, objects as JSON. */
export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) parts.push(`${encodeURIComponent(key)}[]=${encodeURIComponent(item)}`);
    } else {
      const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
    }
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** `"Sorry, no online agents [no-agent-online]"` reads better without its code; a bare code stays. */
export function errorText(raw: unknown, fallback: string): string {
  if (typeof raw !== 'string' || !raw.trim()) return fallback;
  const stripped = raw.replace(/\s*\[[\w.:-]+\]\s*$/, '').trim();
  return stripped || raw.trim();
}

export async function request<T>(method: string, path: string, options: { query?: Query; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...authHeaders() };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api/v1/${path}${queryString(options.query)}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError('Cannot reach the server. Check your connection.', 0);
  }
  let data: Record<string, unknown> | null = null;
  try {
    data = (await response.json()) as Record<string, unknown>;
  } catch {
    data = null;
  }
  if (!response.ok || data?.success === false || data?.status === 'error') {
    throw refusal(response.status, response.statusText, data);
  }
  return data as T;
}

let methodId = 0;

/** A DDP method over REST (`method.call/:name`), as Rocket.Chat's own web client calls them. */
export async function callMethod<T>(name: string, ...params: unknown[]): Promise<T> {
  methodId += 1;
  const message = JSON.stringify({ msg: 'method', id: String(methodId), method: name, params: toEjson(params) });
  const data = await request<{ message: string }>('POST', `method.call/${encodeURIComponent(name)}`, {
    body: { message },
  });
  const reply = JSON.parse(data.message) as { result?: unknown; error?: { reason?: string; message?: string; error?: unknown } };
  if (reply.error) {
    const code = typeof reply.error.error === 'string' ? reply.error.error : undefined;
    throw new ApiError(errorText(reply.error.reason || reply.error.message, 'The server refused this action'), 400, code);
  }
  return fromEjson(reply.result) as T;
}

export const get = <T>(path: string, query?: Query) => request<T>('GET', path, { query });
export const post = <T>(path: string, body: unknown = {}) => request<T>('POST', path, { body });

// -- session --------------------------------------------------------------------------------------
export const login = (user: string, password: string) =>
  post<{ data: { userId: string; authToken: string; me: Me } }>('login', { user, password }).then((r) => r.data);
export const resumeLogin = (resume: string) =>
  post<{ data: { userId: string; authToken: string; me: Me } }>('login', { resume }).then((r) => r.data);
export const logout = () => post<unknown>('logout');
export const me = () => get<Me>('me');
export const permissions = () =>
  get<{ update: Permission[] } | Permission[]>('permissions.listAll').then((r) => (Array.isArray(r) ? r : r.update));
export const publicSettings = (ids: string[]) =>
  get<{ settings: { _id: string; value: unknown }[] }>('settings.public', { _id: ids.join(',') }).then((r) =>
    Object.fromEntries(r.settings.map((s) => [s._id, s.value])),
  );
export const routingConfig = () =>
  get<{ config: RoutingConfig }>('livechat/config/routing').then((r) => r.config);

// -- availability ---------------------------------------------------------------------------------
export const setLivechatStatus = (status: 'available' | 'not-available') =>
  post<{ status: string }>('livechat/agent.status', { status });
export const setPresence = (status: 'online' | 'away' | 'busy' | 'offline') =>
  post<unknown>('users.setStatus', { status, message: '' });
export const makeAgent = (username: string) => post<unknown>('livechat/users/agent', { username });

// -- rooms and subscriptions ----------------------------------------------------------------------
export const subscriptions = () =>
  get<{ update: Subscription[]; remove: unknown[] }>('subscriptions.get').then((r) => r.update);
export const rooms = () => get<{ update: Room[]; remove: unknown[] }>('rooms.get').then((r) => r.update);
export const roomInfo = (roomId: string) => get<{ room: Room }>('rooms.info', { roomId }).then((r) => r.room);
export const markRead = (rid: string) => post<unknown>('subscriptions.read', { rid });

export const queue = (offset: number, count: number) =>
  get<Paged & { inquiries: Inquiry[] }>('livechat/inquiries.queuedForUser', {
    offset,
    count,
    sort: { ts: 1 },
  });
export const inquiryOfRoom = (roomId: string) =>
  get<{ inquiry: Inquiry | null }>('livechat/inquiries.getOne', { roomId }).then((r) => r.inquiry);
export const takeInquiry = (inquiryId: string) => post<{ inquiry: Inquiry }>('livechat/inquiries.take', { inquiryId });

// -- messages ---------------------------------------------------------------------------------------
export const loadHistory = (rid: string, before: string | null, limit: number) =>
  callMethod<{ messages: Message[] }>('loadHistory', rid, before ? new Date(before) : null, limit, null).then(
    (r) => r.messages,
  );
export const sendMessage = (rid: string, msg: string, _id: string) =>
  post<{ message: Message }>('chat.sendMessage', { message: { _id, rid, msg } }).then((r) => r.message);

/** GET livechat/:rid/messages: the chat's messages containing `searchTerm`, newest first. */
export const searchMessages = (rid: string, searchTerm: string, offset: number, count: number) =>
  get<Paged & { messages: Message[] }>(`livechat/${encodeURIComponent(rid)}/messages`, {
    searchTerm,
    offset,
    count,
    sort: { ts: -1 },
  });
export const cannedResponses = () =>
  get<{ responses: CannedResponse[] }>('canned-responses.get').then((r) => r.responses);

// -- room actions -------------------------------------------------------------------------------------
export const closeRoom = (rid: string, comment: string, tags: string[]) =>
  post<unknown>('livechat/room.closeByUser', { rid, ...(comment ? { comment } : {}), ...(tags.length ? { tags } : {}) });
export const forwardRoom = (body: { roomId: string; userId?: string; departmentId?: string; comment?: string }) =>
  post<unknown>('livechat/room.forward', body);
export const placeOnHold = (roomId: string) => post<unknown>('livechat/room.onHold', { roomId });
export const resumeOnHold = (roomId: string) => post<unknown>('livechat/room.resumeOnHold', { roomId });
export const returnToQueue = (roomId: string) => post<unknown>('livechat/inquiries.returnAsInquiry', { roomId });
export const saveRoomInfo = (
  guestData: { _id: string; name?: string; email?: string; phone?: string },
  roomData: { _id: string; topic?: string; tags?: string[]; livechatData?: Record<string, string> },
) => post<unknown>('livechat/room.saveInfo', { guestData, roomData });
export const transferHistory = (rid: string) =>
  get<Paged & { history: Message['transferData'][] }>(`livechat/transfer.history/${encodeURIComponent(rid)}`, {
    count: 50,
  }).then((r) => r.history);

// -- visitor --------------------------------------------------------------------------------------------
export const visitorInfo = (visitorId: string) =>
  get<{ visitor: Visitor }>('livechat/visitors.info', { visitorId }).then((r) => r.visitor);
export const pagesVisited = (roomId: string) =>
  get<Paged & { pages: Message[] }>(`livechat/visitors.pagesVisited/${encodeURIComponent(roomId)}`, { count: 20 }).then(
    (r) => r.pages,
  );
export const chatHistory = (roomId: string, visitorId: string) =>
  get<Paged & { history: Room[] }>(
    `livechat/visitors.chatHistory/room/${encodeURIComponent(roomId)}/visitor/${encodeURIComponent(visitorId)}`,
    { count: 20 },
  ).then((r) => r.history);

// -- catalogues -------------------------------------------------------------------------------------------
export const departments = () =>
  get<Paged & { departments: Department[] }>('livechat/department', { count: 100, enabled: 'true' }).then(
    (r) => r.departments,
  );
export const tags = () => get<Paged & { tags: Tag[] }>('livechat/tags', { text: '', count: 100 }).then((r) => r.tags);
export const customFields = () =>
  get<Paged & { customFields: CustomField[] }>('livechat/custom-fields', { count: 100 }).then((r) => r.customFields);
export const allAgents = () =>
  get<Paged & { users: Agent[] }>('livechat/users/agent', { count: 100 }).then((r) => r.users);
export const offlineMessages = (offset: number, count: number) =>
  get<Paged & { messages: OfflineMessage[] }>('livechat/offline.messages', { offset, count, sort: { ts: -1 } });
export const agents = (text: string) =>
  get<Paged & { users: Agent[] }>('livechat/users/agent', { text, onlyAvailable: 'true', count: 50 }).then((r) => r.users);

// -- current chats (the manager's listing) -------------------------------------------------------------
export type RoomsQuery = Query;
export const livechatRooms = (query: Query) => get<Paged & { rooms: ListedRoom[]; facets?: Facets }>('livechat/rooms', query);

/** The CSV of every room a listing query matches (same query, same permission), as a file to save. */
export async function exportRooms(query: Query): Promise<{ blob: Blob; filename: string }> {
  const headers: Record<string, string> = {};
  if (credentials) {
    headers['X-User-Id'] = credentials.userId;
    headers['X-Auth-Token'] = credentials.authToken;
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1/livechat/rooms.export${queryString(query)}`, { headers });
  } catch {
    throw new ApiError('Cannot reach the server. Check your connection.', 0);
  }
  if (!response.ok) {
    const data = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new ApiError(errorText(data?.error, `${response.status} error`), response.status);
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'rooms.csv';
  return { blob: await response.blob(), filename };
}
