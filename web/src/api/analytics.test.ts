import { afterEach, describe, expect, it, vi } from 'vitest';
import * as analytics from './analytics';

// Bodies as Rocket.Chat's REST API writes them: each object answer carries `success: true`.
function serve(bodies: Record<string, unknown>) {
  const fetch = vi.fn(async (url: string) => {
    const path = new URL(url, 'http://desk').pathname.replace('/api/v1/', '');
    return new Response(JSON.stringify(bodies[path]), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

const D = 'livechat/analytics/dashboards';
const query = { start: '2026-11-01T00:00:00.000Z', end: '2026-11-01T23:59:59.999Z', departmentId: 'd1' };

describe('analytics client', () => {
  it('asks each dashboard for the period and department and reads its shape', async () => {
    const fetch = serve({
      [`${D}/conversation-totalizers`]: {
        totalizers: [
          { title: 'Total_conversations', value: 12 },
          { title: 'Total_visitors', value: 7 },
        ],
        success: true,
      },
      [`${D}/charts/chats`]: { open: 3, closed: 5, queued: 1, onhold: 2, success: true },
      [`${D}/charts/chats-per-agent`]: { ana: { open: 2, closed: 1, onhold: 0 }, bo: { open: 1, closed: 4 }, success: true },
      [`${D}/charts/chats-per-department`]: { Sales: { open: 1, closed: 2 }, success: true },
      [`${D}/charts/timings`]: {
        response: { avg: 12.5, longest: 40 },
        reaction: { avg: 3, longest: 9 },
        chatDuration: { avg: 300, longest: 900 },
        success: true,
      },
      [`${D}/charts/agents-status`]: { offline: 1, away: 0, busy: 2, available: 3, success: true },
    });
    expect(await analytics.totalizers('conversation-totalizers', query)).toEqual([
      { title: 'Total_conversations', value: 12 },
      { title: 'Total_visitors', value: 7 },
    ]);
    expect(await analytics.chatsByStatus(query)).toEqual({ open: 3, closed: 5, queued: 1, onhold: 2 });
    expect(await analytics.chatsPerAgent(query)).toEqual({ ana: { open: 2, closed: 1, onhold: 0 }, bo: { open: 1, closed: 4 } });
    expect(await analytics.chatsPerDepartment(query)).toEqual({ Sales: { open: 1, closed: 2 } });
    expect((await analytics.timings(query)).chatDuration).toEqual({ avg: 300, longest: 900 });
    expect(await analytics.agentsStatus('d1')).toEqual({ offline: 1, away: 0, busy: 2, available: 3 });
    const first = new URL(fetch.mock.calls[0][0], 'http://desk');
    expect(Object.fromEntries(first.searchParams)).toEqual(query);
  });

  it('reads the overview as an array and the breakdowns with their unspecified count', async () => {
    const fetch = serve({
      'livechat/analytics/overview': [
        { title: 'Total_conversations', value: 4 },
        { title: 'Busiest_day', value: 'Monday' },
      ],
      'livechat/analytics/agent-overview': {
        head: [{ name: 'Agent' }, { name: 'Total_conversations' }],
        data: [{ name: 'ana', value: 3 }],
        success: true,
      },
      [`${D}/conversations-by-department`]: { total: 5, data: [{ label: 'Sales', value: 3 }], unspecified: 2, success: true },
      [`${D}/conversations-by-source`]: { total: 5, data: [{ label: 'widget', value: 5 }], success: true },
    });
    const day = { name: 'Conversations', from: '2026-11-01', to: '2026-11-07' };
    expect(await analytics.overview(day)).toEqual([
      { title: 'Total_conversations', value: 4 },
      { title: 'Busiest_day', value: 'Monday' },
    ]);
    expect((await analytics.agentOverview({ ...day, name: 'Total_conversations' })).data).toEqual([{ name: 'ana', value: 3 }]);
    expect(await analytics.report('conversations-by-department', query)).toEqual({
      total: 5,
      data: [{ label: 'Sales', value: 3 }],
      unspecified: 2,
    });
    expect(await analytics.report('conversations-by-source', query)).toEqual({ total: 5, data: [{ label: 'widget', value: 5 }] });
    const asked = new URL(fetch.mock.calls[3][0], 'http://desk');
    expect([...asked.searchParams.keys()].sort()).toEqual(['departmentId', 'end', 'start']);
  });

  it('reads an array that was spread into an object beside success', () => {
    expect(analytics.asArray({ 1: 'b', 0: 'a', success: true })).toEqual(['a', 'b']);
    expect(analytics.asArray(null)).toEqual([]);
  });
});
