"""The Start rule and the public entry point: text in, `md` tree out."""

from __future__ import annotations

import re
from typing import Any

from frontdesk.markdown import nodes
from frontdesk.markdown.base import ParserOptions
from frontdesk.markdown.blocks import BlockParser
from frontdesk.markdown.inline import WORDS
from frontdesk.markdown.nodes import Node
from frontdesk.markdown.text import from_units, to_units

_SPACES_AND_LINES = re.compile(r"[ \t\r\n]*")
_DEFAULT_OPTIONS = ParserOptions()
# One line of words that no rule but plain text can take (see inline.WORDS): the common chat message.
_PLAIN_LINE = re.compile(f"[ \t]*+(?:{WORDS.pattern})[ \t]*+")


class Parser(BlockParser):
    def big_emoji(self) -> list[Node] | None:
        """One to three emoji (with only whitespace around) make the whole message a BIG_EMOJI."""
        s = self.s
        p = _SPACES_AND_LINES.match(s, 0).end()  # type: ignore[union-attr]
        found: list[Node] = []
        while len(found) < 3:
            hit = self.emoji(p) or self.emoticon(p)
            if hit is None:
                break
            found.append(hit[1])
            p = _SPACES_AND_LINES.match(s, hit[0]).end()  # type: ignore[union-attr]
        if found and p == self.n:
            return [nodes.wrap("BIG_EMOJI", found)]
        return None

    def start(self) -> list[Node]:
        big = self.big_emoji()
        if big is not None:
            return big
        blocks: list[Node] = []
        p = 0
        while p < self.n:
            found = self.block(p) or self.paragraph(p)
            if found is None:
                end = self.eol(p)
                if end == -1:  # unreachable: a paragraph takes any character but a line ending
                    raise AssertionError(f"no rule matches at {p}")
                found = end, nodes.paragraph([nodes.plain("")])
            p, node = found
            blocks.append(node)
        return blocks


def _restore(value: Any) -> Any:
    if isinstance(value, str):
        return from_units(value)
    if isinstance(value, list):
        return [_restore(v) for v in value]
    if isinstance(value, dict):
        return {k: _restore(v) for k, v in value.items()}
    return value


def parse(text: str, options: ParserOptions | None = None) -> list[Node]:
    """Parse a message into message-parser's `md` tree (an empty text gives an empty list)."""
    if _PLAIN_LINE.fullmatch(text):
        return [nodes.paragraph([nodes.plain(text)])]
    units = to_units(text)
    tree = Parser(units, options or _DEFAULT_OPTIONS).start()
    return _restore(tree) if len(units) != len(text) else tree
