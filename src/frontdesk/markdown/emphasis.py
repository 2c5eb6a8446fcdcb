"""Bold, italic and strike rules with their content items, guarded against re-entry as the grammar is."""

from __future__ import annotations

import re
from collections.abc import Callable

from frontdesk.markdown import nodes
from frontdesk.markdown.base import BOLD, ITALIC, MISS, STRIKE, Res
from frontdesk.markdown.emoji import EmojiRules
from frontdesk.markdown.links import LinkRules
from frontdesk.markdown.timestamps import TimestampRules

_RUNS = {"*": re.compile(r"\**"), "_": re.compile(r"_*"), "~": re.compile(r"~*")}
_SPACES = re.compile(r"[ \t]*")
_BOLD_RUN = re.compile(r"[^\n* _~]*")
_BOLD_ONE = re.compile(r"[^\n* ]")
_ITALIC_RUN = re.compile(r"[^\n_ *~]*")
_ITALIC_ONE = re.compile(r"[^\n_ ]")
_STRIKE_RUN = re.compile("[^\n~ *_:`@#\\[\\]\\\\<!|\ud83c\ud83d\ud83e\u2300-\u27bf\u2600-\u26ff]*")
_STRIKE_ONE = re.compile(r"[^\n~ ]")
_ALNUM_UNDERSCORE = re.compile(r"[a-zA-Z0-9]++__?")
_ALNUM_RUN = re.compile(r"[a-zA-Z0-9]+")
_ALPHA_RUN = re.compile(r"[a-zA-Z]+")

(
    _BOLD,
    _ITALIC,
    _STRIKE,
    _BOLD_ITEM,
    _BOLD_PREF,
    _ITALIC_ITEM,
    _ITALIC_PREF,
    _STRIKE_ITEM,
    _BOLD_END,
    _ITALIC_END,
    _STRIKE_END,
) = range(10, 21)


def _run(pattern: re.Pattern[str], s: str, p: int) -> Res:
    m = pattern.match(s, p)
    return (m.end(), nodes.plain(m.group(0))) if m else None


class EmphasisRules(LinkRules, TimestampRules, EmojiRules):
    def emphasis_with_whitespace(self, p: int) -> Res:
        """`** **`, `_ _`, `~~ ~~`...: markers around only whitespace stay text."""
        runs = _RUNS.get(self.s[p]) if p < self.n else None
        if runs is None:
            return None
        first = self.run_end(runs, p)
        gap = self.run_end(_SPACES, first)
        if gap == first:
            return None
        end = self.run_end(runs, gap)
        return (end, nodes.plain(self.s[p:end])) if end > gap else None

    def emphasis(self, p: int) -> Res:
        return self.maybe_bold(p) or self.maybe_italic(p) or self.maybe_strike(p)

    def _guarded(self, flag: int, rule: int, fn: Callable[[int], Res], p: int) -> Res:
        """Run `fn` with `flag` set (the grammar's skip flags), memoised by position and flags."""
        flags = self.flags
        if flags & flag:
            return None
        key = (((p << 4) | flags) << 6) | rule
        memo = self._memo
        result = memo.get(key, MISS)
        if result is MISS:
            self.flags = flags | flag
            result = memo[key] = fn(p)
            self.flags = flags
        return result

    def maybe_bold(self, p: int) -> Res:
        return self._guarded(BOLD, _BOLD, self._bold, p)

    def maybe_italic(self, p: int) -> Res:
        return self._guarded(ITALIC, _ITALIC, self._italic, p)

    def maybe_strike(self, p: int) -> Res:
        return self._guarded(STRIKE, _STRIKE, self._strike, p)

    def _delimited(self, p: int, delimiter: str, end_rule: int, item: Callable[[int], Res], kind: str) -> Res:
        """`dd content dd` or `d content d` for a one-character delimiter d."""
        s = self.s
        for marker in (delimiter * 2, delimiter):
            # Content is never empty, so a closing marker must appear after start + 1.
            if s.startswith(marker, p) and s.find(marker, p + len(marker) + 1) != -1:
                start = p + len(marker)
                end = self.star_end(end_rule, item, start)
                if end > start and s.startswith(marker, end):
                    values = nodes.reduce_plain_texts(self.collect(item, start, end))
                    return end + len(marker), nodes.wrap(kind, values)
        return None

    def _bold(self, p: int) -> Res:
        return self._delimited(p, "*", _BOLD_END, self._bold_item, "BOLD")

    def _strike(self, p: int) -> Res:
        return self._delimited(p, "~", _STRIKE_END, self._strike_item, "STRIKE")

    def _italic(self, p: int) -> Res:
        s = self.s
        m = _ALNUM_UNDERSCORE.match(s, p)
        if m:
            return m.end(), nodes.plain(m.group(0))
        # Every form opens with `_` at p and closes with `_` after non-empty content.
        if not s.startswith("_", p) or s.find("_", p + 2) == -1:
            return None
        # `__x__word` and `_x_word` stay text; then `__x__` and `_x_` are italic, in that order.
        double = s.startswith("__", p)
        end2 = self._italic_end(p + 2) if double else p + 2
        closed2 = end2 > p + 2 and s.startswith("__", end2)
        if closed2 and (tail := _ALNUM_RUN.match(s, end2 + 2)):
            return tail.end(), self._italic_as_text("__", p + 2, end2, tail.group(0))
        end1 = self._italic_end(p + 1)
        closed1 = end1 > p + 1 and s.startswith("_", end1)
        if closed1 and (tail := _ALPHA_RUN.match(s, end1 + 1)):
            return tail.end(), self._italic_as_text("_", p + 1, end1, tail.group(0))
        if closed2:
            return end2 + 2, nodes.wrap("ITALIC", self._italic_values(p + 2, end2))
        if closed1:
            return end1 + 1, nodes.wrap("ITALIC", self._italic_values(p + 1, end1))
        return None

    def _italic_end(self, start: int) -> int:
        return self.star_end(_ITALIC_END, self._italic_item, start)

    def _italic_values(self, start: int, end: int) -> list[nodes.Node]:
        return nodes.reduce_plain_texts(self.collect(self._italic_item, start, end))

    def _italic_as_text(self, marker: str, start: int, end: int, tail: str) -> list[nodes.Node]:
        inner = self._italic_values(start, end)
        return nodes.reduce_plain_texts([nodes.plain(marker), *inner, nodes.plain(marker), nodes.plain(tail)])

    # -- content items -------------------------------------------------------------------------------------

    def _common(self, p: int) -> Res:
        return (
            self.whitespace(p)
            or self.inline_code(p)
            or self.timestamp(p)
            or self.maybe_refs(p)
            or self.user_mention(p)
            or self.channel(p)
        )

    def _bold_item(self, p: int) -> Res:
        return self.memo(_BOLD_ITEM, self._bold_item_raw, p)

    def _bold_item_raw(self, p: int) -> Res:
        s = self.s
        return self._bold_pref(p) or self.run(_BOLD_RUN, p) or _run(_BOLD_ONE, s, p) or self.line(p)

    def _bold_pref(self, p: int) -> Res:
        return self.memo(_BOLD_PREF, self._bold_pref_raw, p)

    def _bold_pref_raw(self, p: int) -> Res:
        return (
            self._common(p)
            or self.maybe_italic(p)
            or self.maybe_strike(p)
            or self.emoji(p)
            or self.emoticon_followed(p, _BOLD_PREF, self._bold_pref)
        )

    def _italic_item(self, p: int) -> Res:
        return self.memo(_ITALIC_ITEM, self._italic_item_raw, p)

    def _italic_item_raw(self, p: int) -> Res:
        s = self.s
        return self._italic_pref(p) or self.run(_ITALIC_RUN, p) or _run(_ITALIC_ONE, s, p) or self.line(p)

    def _italic_pref(self, p: int) -> Res:
        return self.memo(_ITALIC_PREF, self._italic_pref_raw, p)

    def _italic_pref_raw(self, p: int) -> Res:
        return (
            self._common(p)
            or self.maybe_bold(p)
            or self.maybe_strike(p)
            or self.emoji(p)
            or self.emoticon_followed(p, _ITALIC_PREF, self._italic_pref, "_")
        )

    def _strike_item(self, p: int) -> Res:
        return self.memo(_STRIKE_ITEM, self._strike_item_raw, p)

    def _strike_item_raw(self, p: int) -> Res:
        s = self.s
        return (
            self.run(_STRIKE_RUN, p)
            or self.escaped_timestamp(p)
            or self.timestamp(p)
            or self.whitespace(p)
            or self.inline_code(p)
            or self.maybe_refs(p)
            or self.user_mention(p)
            or self.channel(p)
            or self.maybe_italic(p)
            or self.maybe_bold(p)
            or self.emoji(p)
            or self.emoticon(p)
            or _run(_STRIKE_ONE, s, p)
            or self.line(p)
        )
