// `!shortcut` in the composer, as Rocket.Chat's canned-responses popup works: a `!` at the start or after a
// space, then the letters typed so far up to the caret; choosing a response puts its text in their place.
import type { CannedResponse } from '../../../api/types';

export const SHOWN = 12;

export interface Trigger {
  start: number; // where the `!` is
  query: string; // what follows it, up to the caret
}

/** The `!word` the caret is in, or null. */
export function cannedTrigger(text: string, caret: number): Trigger | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)!([^\s!]*)$/.exec(before);
  if (!match) return null;
  const query = match[2];
  return { start: caret - query.length - 1, query };
}

/** Responses whose shortcut contains the query (case-insensitive), those starting with it first. */
export function matchCanned(responses: CannedResponse[], query: string): CannedResponse[] {
  const wanted = query.toLowerCase();
  const hits = responses.filter((r) => r.shortcut.toLowerCase().includes(wanted));
  const rank = (r: CannedResponse) => (r.shortcut.toLowerCase().startsWith(wanted) ? 0 : 1);
  return hits
    .sort((a, b) => rank(a) - rank(b) || a.shortcut.localeCompare(b.shortcut))
    .slice(0, SHOWN);
}

/** The text with `!query` replaced by the response and a space, and where the caret goes after it. */
export function insertCanned(text: string, caret: number, trigger: Trigger, response: CannedResponse): { text: string; caret: number } {
  const head = text.slice(0, trigger.start) + response.text;
  const tail = text.slice(caret);
  const spaced = tail.startsWith(' ') || tail.startsWith('\n') ? head : `${head} `;
  return { text: spaced + tail, caret: spaced.length };
}
