import { describe, expect, it } from 'vitest';
import { fromEjson, toEjson } from './ejson';

describe('ejson', () => {
  it('turns $date into ISO strings, deeply', () => {
    expect(fromEjson({ ts: { $date: 0 }, list: [{ at: { $date: 1700000000000 } }] })).toEqual({
      ts: '1970-01-01T00:00:00.000Z',
      list: [{ at: '2023-11-14T22:13:20.000Z' }],
    });
  });
  it('leaves objects that merely contain $date alone', () => {
    expect(fromEjson({ $date: 'x' })).toEqual({ $date: 'x' });
    expect(fromEjson({ $date: 1, other: 2 })).toEqual({ $date: 1, other: 2 });
  });
  it('writes Dates as $date', () => {
    expect(toEjson(['r', new Date(5), { a: new Date(6) }, null])).toEqual(['r', { $date: 5 }, { a: { $date: 6 } }, null]);
  });
});
