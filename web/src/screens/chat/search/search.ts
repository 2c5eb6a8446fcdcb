// Showing where a search term is in a message: the text cut into plain and matching parts, matched as the
// server matches (GET livechat/:rid/messages: case-insensitive, anywhere in the text).

export interface Part {
  text: string;
  match: boolean;
}

export function highlight(text: string, term: string): Part[] {
  const needle = term.trim().toLowerCase();
  if (!needle) return text ? [{ text, match: false }] : [];
  const haystack = text.toLowerCase();
  const parts: Part[] = [];
  let from = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}

/** The part of a long message around its first match, so the match is in view. */
export function excerpt(text: string, term: string, around = 80): string {
  const at = text.toLowerCase().indexOf(term.trim().toLowerCase());
  if (at < 0 || text.length <= around * 2) return text;
  const start = Math.max(0, at - around);
  const end = Math.min(text.length, at + term.trim().length + around);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
