import { describe, expect, it } from 'vitest';
import { analyticsSearch, bucketQueries, overTimeChart, overviewQuery, parseAnalytics, reportChart } from './analyticsFilters';

const NOW = new Date('2026-03-10T15:00:00Z');

describe('analytics filters', () => {
  it('keeps a preset or a custom range in the URL', () => {
    expect(parseAnalytics('', NOW)).toMatchObject({ preset: 'last7', from: '2026-03-04', to: '2026-03-10', metric: 'Total_conversations' });
    const custom = parseAnalytics('?period=custom&from=2026-01-01&to=2026-01-31&department=d1&metric=Avg_response_time', NOW);
    expect(custom).toEqual({ preset: 'custom', from: '2026-01-01', to: '2026-01-31', department: 'd1', metric: 'Avg_response_time' });
    expect(parseAnalytics(analyticsSearch(custom), NOW)).toEqual(custom);
    expect(analyticsSearch(parseAnalytics('?period=nope&metric=nope', NOW))).toBe('');
    expect(parseAnalytics('?period=yesterday', NOW)).toMatchObject({ from: '2026-03-09', to: '2026-03-09' });
  });

  it('asks the overview for days and charts/chats once per bucket', () => {
    const f = parseAnalytics('?period=custom&from=2026-03-01&to=2026-03-03&department=d1', NOW);
    expect(overviewQuery(f, 'Productivity')).toEqual({ name: 'Productivity', from: '2026-03-01', to: '2026-03-03', departmentId: 'd1' });
    const slices = bucketQueries(f);
    expect(slices.map((s) => s.label)).toEqual(['Mar 1', 'Mar 2', 'Mar 3']);
    expect(slices[1].query).toEqual({ start: '2026-03-02T00:00:00.000Z', end: '2026-03-02T23:59:59.999Z', departmentId: 'd1' });
    expect(bucketQueries({ ...f, from: '2026-03-04' })).toEqual([]);
  });

  it('stacks each bucket by status and charts a breakdown with its unspecified rooms', () => {
    const chart = overTimeChart(['a', 'b'], [{ open: 1, queued: 0, onhold: 2, closed: 3 }, undefined]);
    expect(chart.series.map((s) => s.values)).toEqual([
      [1, 0],
      [0, 0],
      [2, 0],
      [3, 0],
    ]);
    const report = reportChart({ total: 6, data: [{ label: 'Sales', value: 1 }, { label: 'Support', value: 3 }], unspecified: 2 }, (x) => x);
    expect(report.labels).toEqual(['Support', 'Sales', 'Unspecified']);
    expect(report.series[0].values).toEqual([3, 1, 2]);
    expect(reportChart({ total: 1, data: [{ label: 'widget', value: 1 }] }).labels).toEqual(['Widget']);
  });
});
