import { describe, expect, it } from 'vitest';
import type { CannedResponse } from '../../../api/types';
import { cannedTrigger, insertCanned, matchCanned, SHOWN } from './canned';

const canned = (shortcut: string, text = `${shortcut} text`): CannedResponse => ({ _id: shortcut, shortcut, text, scope: 'global' });

describe('cannedTrigger', () => {
  it('finds `!word` at the start or after whitespace, up to the caret', () => {
    expect(cannedTrigger('!gre', 4)).toEqual({ start: 0, query: 'gre' });
    expect(cannedTrigger('Hello !thx', 10)).toEqual({ start: 6, query: 'thx' });
    expect(cannedTrigger('line\n!', 6)).toEqual({ start: 5, query: '' });
    expect(cannedTrigger('Hello !thx there', 10)).toEqual({ start: 6, query: 'thx' });
  });

  it('ignores an exclamation inside a word or a finished word', () => {
    expect(cannedTrigger('wow!gre', 7)).toBeNull();
    expect(cannedTrigger('!greet ', 7)).toBeNull();
    expect(cannedTrigger('no trigger', 10)).toBeNull();
    expect(cannedTrigger('!!', 2)).toBeNull();
  });
});

describe('matchCanned', () => {
  it('keeps shortcuts containing the query, prefix matches first, at most a screenful', () => {
    const all = [canned('thanks'), canned('greet'), canned('regreet'), canned('bye')];
    expect(matchCanned(all, 'GRE').map((r) => r.shortcut)).toEqual(['greet', 'regreet']);
    expect(matchCanned(all, '').map((r) => r.shortcut)).toEqual(['bye', 'greet', 'regreet', 'thanks']);
    const many = Array.from({ length: 30 }, (_, i) => canned(`s${String(i).padStart(2, '0')}`));
    expect(matchCanned(many, 's')).toHaveLength(SHOWN);
  });
});

describe('insertCanned', () => {
  it('replaces the trigger with the text and a space, keeping what surrounds it', () => {
    const response = canned('greet', 'Hello! How can I help?');
    expect(insertCanned('!gr', 3, { start: 0, query: 'gr' }, response)).toEqual({ text: 'Hello! How can I help? ', caret: 23 });
    expect(insertCanned('Hi. !gr and more', 7, { start: 4, query: 'gr' }, response)).toEqual({
      text: 'Hi. Hello! How can I help? and more',
      caret: 26,
    });
  });
});
