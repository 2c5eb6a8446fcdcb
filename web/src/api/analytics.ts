// The livechat/analytics/* endpoints, typed as Rocket.Chat's REST typings declare them
// (packages/rest-typings/src/v1/omnichannel.ts; ReportResult in core-typings/src/omnichannel/reports.ts).
import { get } from './rest';

/** A dashboard's filter: ISO instants and, where the route takes it, one department. */
export interface DashboardQuery {
  start: string;
  end: string;
  departmentId?: string;
}

/** One counter of a totalizer: Rocket.Chat sends numbers, or text it formatted itself ("00:01:05", "12%"). */
export interface Totalizer {
  title: string;
  value: number | string;
}

export interface ChatsByStatus {
  open: number;
  closed: number;
  queued: number;
  onhold: number;
}

/** Keyed by the agent's username. */
export type ChatsPerAgent = Record<string, { open: number; closed: number; onhold?: number }>;
/** Keyed by the department's name. */
export type ChatsPerDepartment = Record<string, { open: number; closed: number }>;

export interface Timing {
  avg: number;
  longest: number;
}

export interface Timings {
  response: Timing;
  reaction: Timing;
  chatDuration: Timing;
}

export interface AgentsStatus {
  offline: number;
  away: number;
  busy: number;
  available: number;
}

/** conversations-by-*: counts per label; `unspecified` counts rooms with none (no department, tag, agent). */
export interface Report {
  total: number;
  data: { label: string; value: number }[];
  unspecified?: number;
}

export interface OverviewItem {
  title: string;
  value: number | string;
}

export interface AgentOverview {
  head: { name: string }[];
  data: { name: string; value: number | string }[];
}

export type TotalizerKind =
  | 'conversation-totalizers'
  | 'agents-productivity-totalizers'
  | 'chats-totalizers'
  | 'productivity-totalizers';

export type ReportKind =
  | 'conversations-by-source'
  | 'conversations-by-status'
  | 'conversations-by-department'
  | 'conversations-by-tags'
  | 'conversations-by-agent';

/** Every REST answer carries `success: true` beside its fields; a map keyed by name must not count it. */
export function withoutSuccess<T>(body: Record<string, unknown>): Record<string, T> {
  const { success: _ignored, ...rest } = body;
  return rest as Record<string, T>;
}

/** A JSON array answer; were it spread into an object beside `success`, its items are read back in order. */
export function asArray<T>(body: unknown): T[] {
  if (Array.isArray(body)) return body as T[];
  if (body && typeof body === 'object') {
    return Object.entries(body)
      .filter(([key]) => /^\d+$/.test(key))
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, value]) => value as T);
  }
  return [];
}

const DASH = 'livechat/analytics/dashboards';

export const totalizers = (kind: TotalizerKind, query: DashboardQuery) =>
  get<{ totalizers: Totalizer[] }>(`${DASH}/${kind}`, { ...query }).then((r) => r.totalizers);

export const chatsByStatus = (query: DashboardQuery) =>
  get<ChatsByStatus & { success?: boolean }>(`${DASH}/charts/chats`, { ...query }).then(
    ({ open, closed, queued, onhold }) => ({ open, closed, queued, onhold }),
  );

export const chatsPerAgent = (query: DashboardQuery) =>
  get<Record<string, unknown>>(`${DASH}/charts/chats-per-agent`, { ...query }).then((r) =>
    withoutSuccess<ChatsPerAgent[string]>(r),
  );

export const chatsPerDepartment = (query: DashboardQuery) =>
  get<Record<string, unknown>>(`${DASH}/charts/chats-per-department`, { ...query }).then((r) =>
    withoutSuccess<ChatsPerDepartment[string]>(r),
  );

export const timings = (query: DashboardQuery) =>
  get<Timings>(`${DASH}/charts/timings`, { ...query }).then(({ response, reaction, chatDuration }) => ({
    response,
    reaction,
    chatDuration,
  }));

export const agentsStatus = (departmentId?: string) =>
  get<AgentsStatus>(`${DASH}/charts/agents-status`, departmentId ? { departmentId } : {}).then(
    ({ offline, away, busy, available }) => ({ offline, away, busy, available }),
  );

/** Rocket.Chat's breakdowns take a period only; Frontdesk's also take the department the rest of the screen
 * shows, so the whole Analytics screen answers for one department. */
export const report = (kind: ReportKind, query: DashboardQuery) =>
  get<Report>(`${DASH}/${kind}`, { ...query }).then(({ total, data, unspecified }) => ({
    total,
    data,
    ...(unspecified === undefined ? {} : { unspecified }),
  }));

/** `from`/`to` are days (YYYY-MM-DD), as Rocket.Chat's analytics page sends them. */
export interface OverviewQuery {
  name: string;
  from: string;
  to: string;
  departmentId?: string;
}

export const overview = (query: OverviewQuery) =>
  get<unknown>('livechat/analytics/overview', { ...query }).then((r) => asArray<OverviewItem>(r));

export const agentOverview = (query: OverviewQuery) =>
  get<AgentOverview>('livechat/analytics/agent-overview', { ...query }).then(({ head, data }) => ({
    head: head ?? [],
    data: data ?? [],
  }));
