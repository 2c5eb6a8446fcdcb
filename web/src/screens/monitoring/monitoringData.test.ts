import { describe, expect, it } from 'vitest';
import { agentChart, agentStatusChart, counters, departmentChart, statusChart, timingsChart, titleOf } from './monitoringData';
import { dashboardQuery, monitoringSearch, parseMonitoring } from './monitoringFilters';

describe('realtime monitoring data', () => {
  it('names the counters and keeps the values the server formatted', () => {
    expect(
      counters([
        { title: 'Total_conversations', value: 1234 },
        { title: 'Avg_of_waiting_time', value: '00:01:05' },
        { title: 'Some_new_counter', value: 0 },
      ]),
    ).toEqual([
      { title: 'Total conversations', value: '1,234' },
      { title: 'Avg. waiting time', value: '00:01:05' },
      { title: 'Some new counter', value: '0' },
    ]);
    expect(titleOf('On_Hold_conversations')).toBe('On hold conversations');
  });

  it('charts chats by status, per agent and per department (busiest first)', () => {
    expect(statusChart({ open: 3, closed: 5, queued: 1, onhold: 2 }).series[0].values).toEqual([3, 1, 2, 5]);
    const agents = agentChart({ ana: { open: 2, closed: 1, onhold: 0 }, bo: { open: 1, closed: 4 } });
    expect(agents.labels).toEqual(['bo', 'ana']);
    expect(agents.series.map((s) => [s.label, s.values])).toEqual([
      ['Open', [1, 2]],
      ['On hold', [0, 0]],
      ['Closed', [4, 1]],
    ]);
    const departments = departmentChart({ Sales: { open: 1, closed: 2 }, Support: { open: 5, closed: 0 } });
    expect(departments.labels).toEqual(['Support', 'Sales']);
    expect(agentChart(undefined).labels).toEqual([]);
  });

  it('charts timings in seconds and agents by status', () => {
    const t = timingsChart({
      response: { avg: 12.5, longest: 40 },
      reaction: { avg: 3, longest: 9 },
      chatDuration: { avg: 300, longest: 900 },
    });
    expect(t.labels).toEqual(['Reaction', 'Response', 'Chat duration']);
    expect(t.series[0].values).toEqual([3, 12.5, 300]);
    expect(t.series[1].values).toEqual([9, 40, 900]);
    expect(agentStatusChart({ offline: 1, away: 0, busy: 2, available: 3 }).series[0].values).toEqual([3, 0, 2, 1]);
  });

  it('keeps its filters in the URL and asks the dashboards for them', () => {
    const f = { department: 'd1', period: 'last7' as const, every: 30 };
    expect(parseMonitoring(monitoringSearch(f))).toEqual(f);
    expect(monitoringSearch(parseMonitoring('?period=bogus&every=7'))).toBe('');
    expect(dashboardQuery(f, new Date('2026-03-10T15:00:00Z'))).toEqual({
      start: '2026-03-04T00:00:00.000Z',
      end: '2026-03-10T23:59:59.999Z',
      departmentId: 'd1',
    });
    expect(dashboardQuery({ ...f, department: '' }, new Date('2026-03-10T15:00:00Z'))).not.toHaveProperty('departmentId');
  });
});
