import { describe, expect, it } from 'vitest';
import { queryString } from '../../api/rest';
import { EMPTY, facetQuery, pageQuery, parseSearch, toSearch } from './filters';

describe('current chats filters', () => {
  it('round-trips through the URL', () => {
    const f = { ...EMPTY, guest: 'Ana', status: 'onhold' as const, tags: ['vip', 'bug'], createdFrom: '2026-11-01', sort: 'messages', dir: 1 as const, page: 2, columns: ['guest', 'tags'], room: 'r1' };
    expect(parseSearch(toSearch(f))).toEqual(f);
    expect(toSearch(EMPTY)).toBe('');
    expect(parseSearch('?status=bogus&sort=nope&page=-3')).toEqual(EMPTY);
  });

  it('asks the listing for the filter, the page and the columns, and the facets apart', () => {
    const f = { ...EMPTY, agent: 'a1', status: 'closed' as const, department: 'd1', createdFrom: '2026-11-01', createdTo: '2026-11-02', page: 1, columns: ['messages'] };
    const query = pageQuery(f);
    expect(query).toMatchObject({
      agents: ['a1'],
      open: 'false',
      departmentId: 'd1',
      createdAt: { start: '2026-11-01T00:00:00.000Z', end: '2026-11-02T23:59:59.999Z' },
      sort: { ts: -1 },
      offset: 25,
      count: 25,
      fields: { _id: 1, msgs: 1 },
    });
    expect(query).not.toHaveProperty('facets');
    expect(queryString(query)).toContain('agents[]=a1');
    expect(queryString(query)).not.toContain('closedAt');
    // the facets: the same filter, no sort nor page (so paging and sorting do not ask them again)
    const counts = facetQuery(f);
    expect(counts).toMatchObject({ agents: ['a1'], open: 'false', departmentId: 'd1', count: 1, facets: 'status,department,agent,tag' });
    expect(counts).not.toHaveProperty('sort');
    expect(counts).not.toHaveProperty('offset');
    expect(facetQuery({ ...f, page: 3, sort: 'messages', dir: 1 })).toEqual(counts);
  });
});
