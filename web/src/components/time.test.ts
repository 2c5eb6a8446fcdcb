import { describe, expect, it } from 'vitest';
import { waited } from './time';

describe('waited', () => {
  const now = Date.parse('2024-01-01T12:00:00.000Z');
  it('counts up in readable units', () => {
    expect(waited('2024-01-01T11:59:15.000Z', now)).toBe('45s');
    expect(waited('2024-01-01T11:57:00.000Z', now)).toBe('3 min');
    expect(waited('2024-01-01T09:55:00.000Z', now)).toBe('2 h 05 min');
    expect(waited('2023-12-29T12:00:00.000Z', now)).toBe('3 d');
    expect(waited('2024-01-01T12:00:05.000Z', now)).toBe('0s');
  });
});
