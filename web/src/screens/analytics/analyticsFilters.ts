// Analytics' filters — a period (preset or custom days), a department, the agents table's metric — kept in
// the URL, and what each endpoint is asked for them.
import type { DashboardQuery, OverviewQuery, Report } from '../../api/analytics';
import type { ChartData } from '../../components/chartConfig';
import { buckets, periodError, PRESETS, presetPeriod, type Period, type Preset } from '../../components/period';
import { titleOf } from '../monitoring/monitoringData';

export interface AnalyticsFilters extends Period {
  preset: Preset;
  department: string;
  metric: string; // agent-overview's `name`
}

// The agents table's metrics, as Rocket.Chat's analytics page offers them (agent-overview `name`).
export const METRICS = [
  'Total_conversations',
  'Avg_chat_duration',
  'Total_messages',
  'Avg_first_response_time',
  'Best_first_response_time',
  'Avg_response_time',
  'Avg_reaction_time',
];

export const DEFAULT_PRESET: Preset = 'last7';

export function parseAnalytics(search: string, now: Date = new Date()): AnalyticsFilters {
  const params = new URLSearchParams(search);
  const asked = params.get('period') ?? DEFAULT_PRESET;
  const metric = params.get('metric') ?? '';
  const base = {
    department: params.get('department') ?? '',
    metric: METRICS.includes(metric) ? metric : METRICS[0],
  };
  if (asked === 'custom') {
    return { ...base, preset: 'custom', from: params.get('from') ?? '', to: params.get('to') ?? '' };
  }
  const preset = PRESETS.some(([p]) => p === asked) ? (asked as Exclude<Preset, 'custom'>) : 'last7';
  return { ...base, preset, ...presetPeriod(preset, now) };
}

export function analyticsSearch(f: AnalyticsFilters): string {
  const params = new URLSearchParams();
  if (f.preset !== DEFAULT_PRESET) params.set('period', f.preset);
  if (f.preset === 'custom') {
    params.set('from', f.from);
    params.set('to', f.to);
  }
  if (f.department) params.set('department', f.department);
  if (f.metric !== METRICS[0]) params.set('metric', f.metric);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function overviewQuery(f: AnalyticsFilters, name: string): OverviewQuery {
  return { name, from: f.from, to: f.to, ...(f.department ? { departmentId: f.department } : {}) };
}

/** charts/chats once per bucket of the period: the chart over time. */
export function bucketQueries(f: AnalyticsFilters): { label: string; query: DashboardQuery }[] {
  if (periodError(f)) return [];
  return buckets(f).map((b) => ({
    label: b.label,
    query: { start: b.start, end: b.end, ...(f.department ? { departmentId: f.department } : {}) },
  }));
}

export function overTimeChart(labels: string[], counts: ({ open: number; queued: number; onhold: number; closed: number } | undefined)[]): ChartData {
  const pick = (key: 'open' | 'queued' | 'onhold' | 'closed') => counts.map((c) => c?.[key] ?? 0);
  return {
    labels,
    series: [
      { label: 'Open', values: pick('open'), color: '#1f57c9' },
      { label: 'Queued', values: pick('queued'), color: '#a33c00' },
      { label: 'On hold', values: pick('onhold'), color: '#6b3fa0' },
      { label: 'Closed', values: pick('closed'), color: '#576173' },
    ],
  };
}

/** A breakdown as one series; rooms without the attribute (no department, tag, agent) as "Unspecified". */
export function reportChart(report: Report | undefined, label: (raw: string) => string = titleOf): ChartData {
  const rows = [...(report?.data ?? [])].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  const labels = rows.map((r) => label(r.label));
  const values = rows.map((r) => r.value);
  if (report?.unspecified) {
    labels.push('Unspecified');
    values.push(report.unspecified);
  }
  return { labels, series: [{ label: 'Conversations', values }] };
}
