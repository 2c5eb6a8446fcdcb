import { describe, expect, it } from 'vitest';
import { buckets, instants, periodError, presetPeriod } from './period';

const NOW = new Date('2026-03-10T15:00:00Z');

describe('periods', () => {
  it('turns presets into whole UTC days', () => {
    expect(presetPeriod('today', NOW)).toEqual({ from: '2026-03-10', to: '2026-03-10' });
    expect(presetPeriod('yesterday', NOW)).toEqual({ from: '2026-03-09', to: '2026-03-09' });
    expect(presetPeriod('last7', NOW)).toEqual({ from: '2026-03-04', to: '2026-03-10' });
    expect(presetPeriod('previousWeek', NOW)).toEqual({ from: '2026-02-25', to: '2026-03-03' });
    expect(presetPeriod('last30', NOW)).toEqual({ from: '2026-02-09', to: '2026-03-10' });
    expect(presetPeriod('thisMonth', NOW)).toEqual({ from: '2026-03-01', to: '2026-03-10' });
    expect(presetPeriod('previousMonth', NOW)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetPeriod('previousMonth', new Date('2026-01-05T00:00:00Z'))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('gives the dashboards the first and last millisecond', () => {
    expect(instants({ from: '2026-03-01', to: '2026-03-02' })).toEqual({
      start: '2026-03-01T00:00:00.000Z',
      end: '2026-03-02T23:59:59.999Z',
    });
  });

  it('refuses an empty or reversed range', () => {
    expect(periodError({ from: '', to: '2026-03-02' })).toMatch(/start and an end/);
    expect(periodError({ from: '2026-03-03', to: '2026-03-02' })).toMatch(/after the end/);
    expect(periodError({ from: '2026-03-02', to: '2026-03-02' })).toBeNull();
  });

  it('splits a period into hours, days, weeks or months that cover it exactly', () => {
    const hours = buckets({ from: '2026-03-02', to: '2026-03-02' });
    expect(hours).toHaveLength(24);
    expect(hours[0]).toEqual({ label: '00:00', start: '2026-03-02T00:00:00.000Z', end: '2026-03-02T00:59:59.999Z' });
    expect(hours[23].end).toBe('2026-03-02T23:59:59.999Z');

    const days = buckets({ from: '2026-02-26', to: '2026-03-02' });
    expect(days.map((b) => b.start.slice(0, 10))).toEqual(['2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(days[0]).toEqual({ label: 'Feb 26', start: '2026-02-26T00:00:00.000Z', end: '2026-02-26T23:59:59.999Z' });

    const weeks = buckets({ from: '2026-01-01', to: '2026-03-10' }); // 69 days
    expect(weeks).toHaveLength(10);
    expect(weeks[0]).toMatchObject({ start: '2026-01-01T00:00:00.000Z', end: '2026-01-07T23:59:59.999Z' });
    expect(weeks.at(-1)).toMatchObject({ start: '2026-03-05T00:00:00.000Z', end: '2026-03-10T23:59:59.999Z' });

    const months = buckets({ from: '2025-01-15', to: '2026-03-10' });
    expect(months[0]).toMatchObject({ label: 'Jan 2025', start: '2025-01-15T00:00:00.000Z', end: '2025-01-31T23:59:59.999Z' });
    expect(months.at(-1)).toMatchObject({ start: '2026-03-01T00:00:00.000Z', end: '2026-03-10T23:59:59.999Z' });
    expect(months).toHaveLength(15);
    for (let i = 1; i < months.length; i += 1) expect(Date.parse(months[i].start) - Date.parse(months[i - 1].end)).toBe(1);
    expect(buckets({ from: '2026-03-02', to: '2026-03-01' })).toEqual([]);
  });
});
