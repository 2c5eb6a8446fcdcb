// A reporting period as whole UTC days (as Current Chats' date filters are), its presets, the instants the
// dashboards take, and the buckets a chart over time splits it into.

export interface Period {
  from: string; // YYYY-MM-DD, first day included
  to: string; // YYYY-MM-DD, last day included
}

export type Preset = 'today' | 'yesterday' | 'last7' | 'previousWeek' | 'thisMonth' | 'previousMonth' | 'last30' | 'custom';

export const PRESETS: [Exclude<Preset, 'custom'>, string][] = [
  ['today', 'Today'],
  ['yesterday', 'Yesterday'],
  ['last7', 'Last 7 days'],
  ['previousWeek', 'Previous 7 days'],
  ['last30', 'Last 30 days'],
  ['thisMonth', 'This month'],
  ['previousMonth', 'Previous month'],
];

const DAY = 86_400_000;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(text: string, n: number): string {
  return day(new Date(Date.parse(`${text}T00:00:00Z`) + n * DAY));
}

export function presetPeriod(preset: Exclude<Preset, 'custom'>, now: Date = new Date()): Period {
  const today = day(now);
  const month = today.slice(0, 8); // YYYY-MM-
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday':
      return { from: addDays(today, -1), to: addDays(today, -1) };
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'previousWeek':
      return { from: addDays(today, -13), to: addDays(today, -7) };
    case 'last30':
      return { from: addDays(today, -29), to: today };
    case 'thisMonth':
      return { from: `${month}01`, to: today };
    case 'previousMonth': {
      const last = addDays(`${month}01`, -1);
      return { from: `${last.slice(0, 8)}01`, to: last };
    }
  }
}

/** Why a period cannot be asked for, in words for the form; null when it can. */
export function periodError(p: Period): string | null {
  if (!DAY_RE.test(p.from) || !DAY_RE.test(p.to) || Number.isNaN(Date.parse(p.from)) || Number.isNaN(Date.parse(p.to))) {
    return 'Choose a start and an end date.';
  }
  if (p.from > p.to) return 'The start date is after the end date.';
  return null;
}

/** The dashboards' `start`/`end`: the first and the last millisecond of the period. */
export function instants(p: Period): { start: string; end: string } {
  return { start: `${p.from}T00:00:00.000Z`, end: `${p.to}T23:59:59.999Z` };
}

/** One bar of a chart over time: its label and the instants it covers. */
export interface Bucket {
  label: string;
  start: string;
  end: string;
}

const MAX_BUCKETS = 31;
const HOUR = 3_600_000;

function dayLabel(text: string, withYear = false): string {
  return new Date(`${text}T00:00:00Z`).toLocaleDateString('en', {
    month: 'short',
    day: withYear ? undefined : 'numeric',
    year: withYear ? 'numeric' : undefined,
    timeZone: 'UTC',
  });
}

function span(from: string, to: string, label: string): Bucket {
  return { label, ...instants({ from, to }) };
}

/** Hours for one day; days for a month or less, weeks up to 31 weeks, calendar months beyond (≤ 31 bars). */
export function buckets(p: Period): Bucket[] {
  if (periodError(p)) return [];
  const days = Math.round((Date.parse(p.to) - Date.parse(p.from)) / DAY) + 1;
  const out: Bucket[] = [];
  if (days === 1) {
    const midnight = Date.parse(`${p.from}T00:00:00Z`);
    for (let h = 0; h < 24; h += 1) {
      const start = midnight + h * HOUR;
      out.push({ label: `${String(h).padStart(2, '0')}:00`, start: new Date(start).toISOString(), end: new Date(start + HOUR - 1).toISOString() });
    }
    return out;
  }
  if (days <= MAX_BUCKETS) {
    for (let d = p.from; d <= p.to; d = addDays(d, 1)) out.push(span(d, d, dayLabel(d)));
    return out;
  }
  if (days <= MAX_BUCKETS * 7) {
    for (let d = p.from; d <= p.to; d = addDays(d, 7)) {
      const end = addDays(d, 6) < p.to ? addDays(d, 6) : p.to;
      out.push(span(d, end, `${dayLabel(d)}–${dayLabel(end)}`));
    }
    return out;
  }
  for (let d = p.from; d <= p.to && out.length < MAX_BUCKETS * 4; ) {
    const next = new Date(`${d.slice(0, 8)}01T00:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const end = addDays(day(next), -1) < p.to ? addDays(day(next), -1) : p.to;
    out.push(span(d, end, dayLabel(d, true)));
    d = day(next);
  }
  return out;
}
