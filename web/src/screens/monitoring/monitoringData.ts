// The realtime dashboards' answers (Rocket.Chat's shapes) as counters and chart data for the screen.
import type { AgentsStatus, ChatsByStatus, ChatsPerAgent, ChatsPerDepartment, Timings, Totalizer } from '../../api/analytics';
import type { ChartData } from '../../components/chartConfig';
import { seconds } from '../currentChats/RoomPanel';

export const STATUS_COLORS = { open: '#1f57c9', queued: '#a33c00', onhold: '#6b3fa0', closed: '#576173' };

// Rocket.Chat's totalizer and overview titles are translation keys; these are their English texts.
const TITLES: Record<string, string> = {
  Total_conversations: 'Total conversations',
  Open_conversations: 'Open conversations',
  On_Hold_conversations: 'On hold conversations',
  Total_messages: 'Total messages',
  Total_visitors: 'Total visitors',
  Busiest_day: 'Busiest day',
  Busiest_time: 'Busiest time',
  Conversations_per_day: 'Conversations per day',
  Avg_of_available_service_time: 'Avg. available service time',
  Avg_of_service_time: 'Avg. service time',
  Total_abandoned_chats: 'Abandoned chats',
  Avg_of_abandoned_chats: 'Avg. abandoned chats',
  Avg_of_chat_duration_time: 'Avg. chat duration',
  Avg_response_time: 'Avg. response time',
  Avg_first_response_time: 'Avg. first response time',
  Best_first_response_time: 'Best first response time',
  Avg_reaction_time: 'Avg. reaction time',
  Avg_of_waiting_time: 'Avg. waiting time',
  Avg_chat_duration: 'Avg. chat duration',
  Agent: 'Agent',
  On_Hold: 'On hold',
};

export function titleOf(key: string): string {
  return TITLES[key] ?? key.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** A counter's value as shown: numbers grouped, Rocket.Chat's preformatted text as sent. */
export function valueOf(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'number' ? value.toLocaleString('en') : value;
}

export function counters(items: Totalizer[] | undefined): { title: string; value: string }[] {
  return (items ?? []).map((t) => ({ title: titleOf(t.title), value: valueOf(t.value) }));
}

export function statusChart(c: ChatsByStatus | undefined): ChartData {
  return {
    labels: ['Open', 'Queued', 'On hold', 'Closed'],
    series: [
      {
        label: 'Chats',
        values: c ? [c.open, c.queued, c.onhold, c.closed] : [],
        colors: [STATUS_COLORS.open, STATUS_COLORS.queued, STATUS_COLORS.onhold, STATUS_COLORS.closed],
      },
    ],
  };
}

function byTotal<T extends Record<string, number | undefined>>(map: Record<string, T>): [string, T][] {
  const sum = (v: T) => Object.values(v).reduce<number>((n, x) => n + (x ?? 0), 0);
  return Object.entries(map).sort(([a, x], [b, y]) => sum(y) - sum(x) || a.localeCompare(b));
}

export function agentChart(map: ChatsPerAgent | undefined): ChartData {
  const rows = byTotal(map ?? {});
  return {
    labels: rows.map(([name]) => name),
    series: [
      { label: 'Open', values: rows.map(([, v]) => v.open ?? 0), color: STATUS_COLORS.open },
      { label: 'On hold', values: rows.map(([, v]) => v.onhold ?? 0), color: STATUS_COLORS.onhold },
      { label: 'Closed', values: rows.map(([, v]) => v.closed ?? 0), color: STATUS_COLORS.closed },
    ],
  };
}

export function departmentChart(map: ChatsPerDepartment | undefined): ChartData {
  const rows = byTotal(map ?? {});
  return {
    labels: rows.map(([name]) => name),
    series: [
      { label: 'Open', values: rows.map(([, v]) => v.open ?? 0), color: STATUS_COLORS.open },
      { label: 'Closed', values: rows.map(([, v]) => v.closed ?? 0), color: STATUS_COLORS.closed },
    ],
  };
}

export function timingsChart(t: Timings | undefined): ChartData {
  const rows: [string, keyof Timings][] = [
    ['Reaction', 'reaction'],
    ['Response', 'response'],
    ['Chat duration', 'chatDuration'],
  ];
  return {
    labels: rows.map(([label]) => label),
    series: t
      ? [
          { label: 'Average', values: rows.map(([, k]) => t[k]?.avg ?? 0), color: '#1f57c9' },
          { label: 'Longest', values: rows.map(([, k]) => t[k]?.longest ?? 0), color: '#a33c00' },
        ]
      : [],
  };
}

export function agentStatusChart(s: AgentsStatus | undefined): ChartData {
  return {
    labels: ['Available', 'Away', 'Busy', 'Offline'],
    series: [{ label: 'Agents', values: s ? [s.available, s.away, s.busy, s.offline] : [], colors: ['#1b6e35', '#8a5a00', '#b3261e', '#576173'] }],
  };
}

/** Durations in seconds, as the timings chart's axis, tooltips and table show them. */
export const duration = (value: number) => seconds(value);
