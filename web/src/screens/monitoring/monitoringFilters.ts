// Realtime monitoring's filters (department, period, refresh rate), kept in the URL.
import { instants, presetPeriod } from '../../components/period';
import type { DashboardQuery } from '../../api/analytics';

export type MonitoringPeriod = 'today' | 'last7' | 'last30';

export const PERIODS: [MonitoringPeriod, string][] = [
  ['today', 'Today'],
  ['last7', 'Last 7 days'],
  ['last30', 'Last 30 days'],
];

export const EVERY: [number, string][] = [
  [5, '5 seconds'],
  [10, '10 seconds'],
  [30, '30 seconds'],
  [60, '1 minute'],
];

export interface MonitoringFilters {
  department: string;
  period: MonitoringPeriod;
  every: number; // seconds between refreshes
}

export const DEFAULTS: MonitoringFilters = { department: '', period: 'today', every: 10 };

export function parseMonitoring(search: string): MonitoringFilters {
  const params = new URLSearchParams(search);
  const period = params.get('period') ?? '';
  const every = Number(params.get('every'));
  return {
    department: params.get('department') ?? '',
    period: PERIODS.some(([p]) => p === period) ? (period as MonitoringPeriod) : DEFAULTS.period,
    every: EVERY.some(([s]) => s === every) ? every : DEFAULTS.every,
  };
}

export function monitoringSearch(f: MonitoringFilters): string {
  const params = new URLSearchParams();
  if (f.department) params.set('department', f.department);
  if (f.period !== DEFAULTS.period) params.set('period', f.period);
  if (f.every !== DEFAULTS.every) params.set('every', String(f.every));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** What every realtime dashboard is asked: the period's instants and the department, if one is chosen. */
export function dashboardQuery(f: MonitoringFilters, now: Date = new Date()): DashboardQuery {
  return { ...instants(presetPeriod(f.period, now)), ...(f.department ? { departmentId: f.department } : {}) };
}
