"""Parser state shared by every rule: input, options, re-entrancy flags, memo tables and leaf rules."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from frontdesk.markdown import nodes
from frontdesk.markdown.nodes import Node
from frontdesk.markdown.unicode_classes import ALNUM_CHAR, NAME_CHAR

# (end position, value) on success, None on failure: the shape of every rule's result.
Res = tuple[int, Any] | None

# A memo table's "not computed yet" (None is a result: the rule failed).
MISS: Any = object()

# Runs of one character class at least this long have their end cached for every position inside them.
_SHORT_RUN = 16

# Re-entrancy guards, as in the grammar's skipBold/skipItalic/skipStrikethrough/skipReferences.
BOLD, ITALIC, STRIKE, REFS = 1, 2, 4, 8

WS = re.compile(r"[ \t]+")
WS_OPT = re.compile(r"[ \t]*")
DIGITS = re.compile(r"[0-9]+")
ANY_TEXT = re.compile(r"[ -'+-Za-z\x80-\uffff]")
_LINE = re.compile(r"[ \t]*+[ -'+-Za-z\x80-\uffff]++[ \t]*+")
_INLINE_CODE = re.compile(r"`([^`\n]+)`")
_NAMES = re.compile(NAME_CHAR + "+")
_ALNUM = re.compile(ALNUM_CHAR)
_USER = re.compile(f"@+({NAME_CHAR}+(?:[:@]{NAME_CHAR}+)?)")


@dataclass(frozen=True)
class KatexOptions:
    dollar_syntax: bool = False
    parenthesis_syntax: bool = True


@dataclass(frozen=True)
class ParserOptions:
    """message-parser's Options; the defaults are those of a default Rocket.Chat server."""

    colors: bool = True
    emoticons: bool = True
    katex: KatexOptions | None = field(default_factory=KatexOptions)
    custom_domains: tuple[str, ...] = ()

    @classmethod
    def from_js(cls, options: dict[str, Any]) -> ParserOptions:
        """Build from message-parser's camelCase Options object; absent keys are falsy there too."""
        katex = options.get("katex")
        return cls(
            colors=bool(options.get("colors")),
            emoticons=bool(options.get("emoticons")),
            katex=KatexOptions(
                dollar_syntax=bool(katex.get("dollarSyntax")),
                parenthesis_syntax=bool(katex.get("parenthesisSyntax")),
            )
            if isinstance(katex, dict)
            else None,
            custom_domains=tuple(options.get("customDomains") or ()),
        )


class ParserBase:
    def __init__(self, text: str, options: ParserOptions) -> None:
        self.s = text
        self.n = len(text)
        self.options = options
        self.flags = 0
        self._memo: dict[int, Res] = {}
        self._ends: dict[int, int] = {}
        self._runs: dict[re.Pattern[str], dict[int, int]] = {}
        # Last index of characters some rules need ahead of them (-1: none), to skip those rules early.
        self.last_at = text.rfind("@")
        self.last_underscore = text.rfind("_")
        self.last_link_mark = max(text.rfind("."), text.rfind(":"))
        katex = options.katex
        self.katex_paren = bool(katex and katex.parenthesis_syntax)
        self.katex_dollar = bool(katex and katex.dollar_syntax)

    # -- memoisation -------------------------------------------------------------------------------------

    def memo(self, rule: int, fn: Callable[[int], Res], p: int) -> Res:
        """Packrat cache: a rule's result depends only on the position and the re-entrancy flags."""
        key = (((p << 4) | self.flags) << 6) | rule
        memo = self._memo
        result = memo.get(key, MISS)
        if result is MISS:
            result = memo[key] = fn(p)
        return result

    def star_end(self, rule: int, item: Callable[[int], Res], p: int) -> int:
        """End of `item*` from p; runs that merge share their tail, so repeated starts stay linear."""
        flags = self.flags
        ends = self._ends
        path: list[int] = []
        q = p
        while True:
            key = (((q << 4) | flags) << 6) | rule
            end = ends.get(key)
            if end is not None:
                break
            result = item(q)
            path.append(key)
            if result is None or result[0] <= q:
                end = q
                break
            q = result[0]
        for key in path:
            ends[key] = end
        return end

    def is_memoized(self, rule: int, p: int) -> bool:
        return ((((p << 4) | self.flags) << 6) | rule) in self._memo

    def run_end(self, pattern: re.Pattern[str], p: int) -> int:
        """End of a `[class]*` run from p; every position inside a long run shares its end, so cache it.

        Runs shorter than _SHORT_RUN are matched again when asked again: that costs at most _SHORT_RUN
        characters per position, less than filling the cache for the short runs of ordinary text.
        """
        cache = self._runs.get(pattern)
        if cache is not None:
            end = cache.get(p)
            if end is not None:
                return end
        m = pattern.match(self.s, p)
        assert m is not None
        end = m.end()
        if end - p >= _SHORT_RUN:
            if cache is None:
                cache = self._runs[pattern] = {}
            cache.update(dict.fromkeys(range(p, end), end))
        return end

    def run(self, pattern: re.Pattern[str], p: int) -> Res:
        """A non-empty `[class]+` run as plain text (pattern is the `[class]*` form)."""
        end = self.run_end(pattern, p)
        return (end, nodes.plain(self.s[p:end])) if end > p else None

    def collect(self, item: Callable[[int], Res], p: int, end: int) -> list[Any]:
        values: list[Any] = []
        while p < end:
            result = item(p)
            assert result is not None
            p, value = result
            values.append(value)
        return values

    # -- overridden by the emphasis rules (links need emphasis inside titles) ------------------------------

    def emphasis(self, p: int) -> Res:
        raise NotImplementedError

    # -- leaf rules --------------------------------------------------------------------------------------

    def eol(self, p: int) -> int:
        """End of a line ending at p, or -1."""
        s = self.s
        if p < self.n:
            ch = s[p]
            if ch == "\n":
                return p + 1
            if ch == "\r":
                return p + 2 if s.startswith("\n", p + 1) else p + 1
        return -1

    def skip_spaces(self, p: int) -> int:
        s, n = self.s, self.n
        while p < n and s[p] in " \t":
            p += 1
        return p

    def whitespace(self, p: int) -> Res:
        return self.run(WS_OPT, p)

    def line(self, p: int) -> Res:
        m = _LINE.match(self.s, p)
        return (m.end(), nodes.plain(m.group(0))) if m else None

    def any_char(self, p: int) -> Res:
        if p < self.n and self.s[p] not in "\r\n":
            return p + 1, nodes.plain(self.s[p])
        return None

    def inline_code(self, p: int) -> Res:
        m = _INLINE_CODE.match(self.s, p)
        return (m.end(), nodes.wrap("INLINE_CODE", nodes.plain(m.group(1)))) if m else None

    def user_mention(self, p: int) -> Res:
        """`a@b` stays text; `@name` (optionally `@name:server`) is a mention."""
        s = self.s
        if ANY_TEXT.match(s, p):
            q = p + 1
            while s.startswith("@", q):
                q += 1
            if q > p + 1 and _ALNUM.match(s, q):
                return q + 1, nodes.plain(s[p] + "@" + s[q])
        return self.mention_at(p)

    def mention_at(self, p: int) -> Res:
        m = _USER.match(self.s, p)
        if m is None or m.group(1).endswith("__"):
            return None
        return m.end(), nodes.wrap("MENTION_USER", nodes.plain(m.group(1)))

    def channel(self, p: int) -> Res:
        s = self.s
        if ANY_TEXT.match(s, p) and s.startswith("#", p + 1) and _ALNUM.match(s, p + 2):
            return p + 3, nodes.plain(s[p] + "#" + s[p + 2])
        if s.startswith("#", p):
            m = _NAMES.match(s, p + 1)
            if m:
                return m.end(), nodes.wrap("MENTION_CHANNEL", nodes.plain(m.group(0)))
        return None

    def neighbor(self, p: int) -> bool:
        """EmoticonNeighbor: line end, whitespace, `*` or end of input."""
        return p >= self.n or self.s[p] in "\r\n \t*"


def node_list(values: list[Any]) -> list[Node]:
    return nodes.reduce_plain_texts(values)
