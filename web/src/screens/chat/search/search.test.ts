import { describe, expect, it } from 'vitest';
import { excerpt, highlight } from './search';

describe('highlight', () => {
  it('marks every case-insensitive occurrence and keeps the text as written', () => {
    expect(highlight('Refund the refund, REFUND!', 'refund')).toEqual([
      { text: 'Refund', match: true },
      { text: ' the ', match: false },
      { text: 'refund', match: true },
      { text: ', ', match: false },
      { text: 'REFUND', match: true },
      { text: '!', match: false },
    ]);
  });

  it('leaves the text whole without a term or a match', () => {
    expect(highlight('hello', '  ')).toEqual([{ text: 'hello', match: false }]);
    expect(highlight('hello', 'xyz')).toEqual([{ text: 'hello', match: false }]);
    expect(highlight('', 'x')).toEqual([]);
  });
});

describe('excerpt', () => {
  it('cuts a long text around its first match', () => {
    const text = `${'a'.repeat(300)} needle ${'b'.repeat(300)}`;
    const cut = excerpt(text, 'NEEDLE', 10);
    expect(cut).toBe(`…${'a'.repeat(9)} needle ${'b'.repeat(9)}…`);
    expect(excerpt('short needle text', 'needle', 10)).toBe('short needle text');
  });
});
