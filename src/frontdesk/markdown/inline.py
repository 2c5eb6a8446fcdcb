"""Inline rules: the item dispatcher (InlineItemPattern), spoilers, KaTeX, colours and the line loop."""

from __future__ import annotations

import re

from frontdesk.markdown import nodes
from frontdesk.markdown.base import MISS, Res
from frontdesk.markdown.emoji import EMOTICONS
from frontdesk.markdown.emphasis import EmphasisRules
from frontdesk.markdown.nodes import Node

_PLAIN_RUN = re.compile(r"[^*_~`:\n<\[\]! \t()\\|]*")
_ESCAPABLE = "*_~`#."
_COLOR = re.compile(r"color:#((?:[0-9A-Fa-f]{2}){3,4}+|[0-9A-Fa-f]{3,4}+)")
_ANY_TEXT = re.compile(r"[ -'+-Za-z\x80-\uffff]")

# A run of words that can only ever be plain text, so the whole run is one item. Each word starts with a
# letter or digit and, up to the next space or line end, holds no character any rule looks at: no `@`
# (e-mail), `.`/`:` (links), `#` (channels), `_` (italic), `-` (emoticons such as `B-D`), no emoji and no
# markup. JavaScript whitespace such as U+00A0 is left out too: the emoji rule asks whether a neighbour is
# blank. A word ends before a space, tab or `\n` only: the plain-text rule runs on over a lone `\r`.
_LETTER = "0-9A-Za-z\u00c0-\u02ff\u0370-\u167f\u1681-\u1fff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3"
_WORD = f"[{_LETTER}][{_LETTER},;'\"?&%=+^{{}}$>/]*+(?=[ \t\n]|\\Z)"
WORDS = re.compile(f"{_WORD}(?:[ \t]++{_WORD})*+")

# Characters no link can start with (neither a scheme, a host nor an IP address).
_NO_LINK_START = frozenset(".,!%~*\"':;()=$@&_#?\r\n \t\\/|><`[]")
_ASCII_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# First characters of unicode emoji below U+2000 (keycaps, (c), (R)); everything from U+2000 is tried.
_EMOJI_FIRST = frozenset("0123456789#*\xa9\xae")

_ITEM = 30
_SPOILER_ITEM = 31
_SPOILER_END = 32


class InlineRules(EmphasisRules):
    def item(self, p: int) -> Res:
        """InlineItemPattern at p (memoised; `memo` written out, as this is the hottest rule)."""
        key = (((p << 4) | self.flags) << 6) | _ITEM
        memo = self._memo
        result = memo.get(key, MISS)
        if result is MISS:
            result = memo[key] = self._item(p)
        return result

    def _item(self, p: int) -> Res:
        if p >= self.n:
            return None
        ch = self.s[p]
        found: Res = None
        if ch in " \t":
            found = self.whitespace(p)
        elif ch == "\\":
            found = self.escaped_timestamp(p) or self.inline_katex(p) or self._escape(p)
        elif ch == "[":
            found = self.maybe_refs(p)
        elif ch == "<":
            found = self.timestamp(p) or self.maybe_refs(p) or self.emoticon_followed(p, _ITEM, self.item)
        elif ch == "!":
            found = self.image(p)
        elif ch == "|":
            found = self.spoiler(p)
        elif ch == "@":
            found = self.mention_at(p)
        elif ch == "`":
            found = self.inline_code(p)
        elif ch == "+":
            found = self.autolinked_phone(p)
        elif ch == "$":
            found = self.inline_katex(p)
        elif ch == ":":
            found = self.emoji(p) or self.emoticon_followed(p, _ITEM, self.item)
        elif ch == "*":
            found = (
                self.emphasis_with_whitespace(p)
                or self.emphasis(p)
                or self.emoticon_followed(p, _ITEM, self.item)
            )
        elif ch == "~":
            found = self.emphasis_with_whitespace(p) or self.emphasis(p)
        elif ch == "-":
            found = self._dash(p) or self.emoticon_followed(p, _ITEM, self.item)
        else:
            words = WORDS.match(self.s, p)
            if words is not None:
                return words.end(), nodes.plain(words.group(0))
        return found or self._fallback(p)

    def _fallback(self, p: int) -> Res:
        """The rules any character may start, each tried only where its first character can begin it."""
        s = self.s
        ch = s[p]
        found: Res = None
        if p <= self.last_at:
            found = self.email(p)
        if found is None and ch == "_":
            found = self.underscore_domain(p)
        if found is None and p <= self.last_link_mark and ch not in _NO_LINK_START:
            found = self.autolink(p)
        if found is None and ch in "*_~":
            found = self.emphasis_with_whitespace(p) or self.emphasis(p)
        if found is None and ch in _ASCII_ALNUM and p < self.last_underscore:
            found = self.maybe_italic(p)  # `word_` is text, so `word_x_` is not italic
        if found is None and (ch == "#" or s.startswith("#", p + 1)):
            found = self.channel(p)
        if found is None and (ch == ":" or ch >= "\u2000" or ch in _EMOJI_FIRST):
            found = self.emoji(p)
        if found is None and ch == "-":
            found = self._dash(p)
        if found is None and ch in EMOTICONS:
            found = self.emoticon_followed(p, _ITEM, self.item)
        if found is None and ch == "c":
            found = self._color(p)
        return found or self._plain_run(p)

    def _escape(self, p: int) -> Res:
        s = self.s
        if s.startswith("\\", p) and p + 1 < self.n and s[p + 1] in _ESCAPABLE:
            return p + 2, nodes.plain(s[p + 1])
        return None

    def _dash(self, p: int) -> Res:
        """A `-` before `_-x` stays text, so `-_-italic_` is not read as an emoticon."""
        if self.s.startswith("-_-", p) and p + 3 < self.n:
            return p + 1, nodes.plain("-")
        return None

    def _plain_run(self, p: int) -> Res:
        return self.run(_PLAIN_RUN, p)

    def _color(self, p: int) -> Res:
        if not self.options.colors:
            return None
        m = _COLOR.match(self.s, p)
        if m is None or _ANY_TEXT.match(self.s, m.end()):
            return None
        digits = m.group(1)
        if len(digits) in (6, 8):
            values = [int(digits[i : i + 2], 16) for i in range(0, len(digits), 2)]
        else:
            values = [int(d * 2, 16) for d in digits]
        return m.end(), nodes.color(*values)

    def _katex_end(self, p: int, paren: str) -> int:
        """Index of the first closing delimiter at or after p, or -1."""
        ends = []
        if self.katex_paren:
            ends.append(self.s.find(paren, p))
        if self.katex_dollar:
            ends.append(self.s.find("$" if paren == "\\)" else "$$", p))
        found = [e for e in ends if e != -1]
        return min(found) if found else -1

    def inline_katex(self, p: int) -> Res:
        s = self.s
        if self.katex_paren and s.startswith("\\(", p):
            start = p + 2
        elif self.katex_dollar and s.startswith("$", p):
            start = p + 1
        else:
            return None
        end = self._katex_end(start, "\\)")
        if end == -1:
            return None
        close = 2 if self.katex_paren and s.startswith("\\)", end) else 1
        return end + close, nodes.wrap("INLINE_KATEX", s[start:end])

    def _spoiler_item(self, p: int) -> Res:
        return self.memo(_SPOILER_ITEM, self._spoiler_item_raw, p)

    def _spoiler_item_raw(self, p: int) -> Res:
        if self.s.startswith("||", p):
            return None
        return self.item(p) or self.any_char(p)

    def spoiler(self, p: int) -> Res:
        s = self.s
        if not s.startswith("||", p):
            return None
        end = self.star_end(_SPOILER_END, self._spoiler_item, p + 2)
        if end == p + 2 or not s.startswith("||", end):
            return None
        values = nodes.reduce_plain_texts(self.collect(self._spoiler_item, p + 2, end))
        return end + 2, nodes.wrap("SPOILER", values)

    def inline(self, p: int) -> tuple[int, list[Node]] | None:
        """Inline: items up to the end of the line, plus the line ending if any."""
        values = []
        while True:
            found = self.item(p) or self.any_char(p)
            if found is None:
                break
            p, value = found
            values.append(value)
        if not values:
            return None
        end = self.eol(p)
        return (end if end != -1 else p), nodes.reduce_plain_texts(values)
