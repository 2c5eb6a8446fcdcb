"""Bold, italic and strike rules with their content items, guarded against re-entry as the grammar is."""

from __future__ import annotations

import re
from collections.abc import Callable

from frontdesk.markdown import nodes
from frontdesk.markdown.base import BOLD, ITALIC, STRIKE, Res
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
        if self.flags & flag:
            return None

        def run(q: int) -> Res:
            self.flags |= flag
            try:
                return fn(q)
            finally:
                self.flags &= ~flag

        return self.memo(rule, run, p)

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
            if s.startswith(marker, p):
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
        contents: dict[int, tuple[int, list[nodes.Node]] | None] = {}

        def content(start: int) -> tuple[int, list[nodes.Node]] | None:
            if start not in contents:
                end = self.star_end(_ITALIC_END, self._italic_item, start)
                items = self.collect(self._italic_item, start, end) if end > start else None
                contents[start] = (end, nodes.reduce_plain_texts(items)) if items else None
            return contents[start]

        for marker, word in (("__", _ALNUM_RUN), ("_", _ALPHA_RUN)):
            if s.startswith(marker, p):
                found = content(p + len(marker))
                if found and s.startswith(marker, found[0]):
                    tail = word.match(s, found[0] + len(marker))
                    if tail:
                        text = [
                            nodes.plain(marker),
                            *found[1],
                            nodes.plain(marker),
                            nodes.plain(tail.group(0)),
                        ]
                        return tail.end(), nodes.reduce_plain_texts(text)
        for marker in ("__", "_"):
            if s.startswith(marker, p):
                found = content(p + len(marker))
                if found and s.startswith(marker, found[0]):
                    return found[0] + len(marker), nodes.wrap("ITALIC", found[1])
        return None

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
