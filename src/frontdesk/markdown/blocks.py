"""Block rules (quotes, code, lists, tasks, headings, tables, KaTeX, rules) and the Start rule."""

from __future__ import annotations

import re
from decimal import Decimal

from frontdesk.markdown import nodes
from frontdesk.markdown.base import WS, Res
from frontdesk.markdown.inline import InlineRules
from frontdesk.markdown.nodes import Node

_CODE_LANGUAGE = re.compile(r"[a-zA-Z0-9 _\-.]+")
_CODE_CHUNK = re.compile(r"(?:[^\r\n`]|`[^`\r\n]|``[^`\r\n]|``(?=[\n\r]|\Z)|`(?=[\n\r]|\Z))+")
_HEADING = re.compile(r"#{1,4}+[ \t]+")
_RULE = re.compile(r"[ \t]*+(-{3,}+)[ \t]*+")
_ALIGN = re.compile(r"[ \t]*+(:?)-++(:?)[ \t]*+")
_ORDERED = re.compile(r"([0-9]+)\.[ \t]+")
_BULLET = re.compile(r"[-*][ \t]+")
_TASK = re.compile(r"- \[([x ])\][ \t]+")
_BLANK_UNTIL_EOL = re.compile(r"[ \t]*+(?:\r\n|[\r\n])")
_CODE_LINES = 40
# The characters a block can start with (quote, spoiler, code, rule, table, heading, lists, KaTeX, blank).
_BLOCK_FIRST = frozenset(">|` \t-#0123456789*\\$\r\n")


def _list_number(digits: str) -> int | float | None:
    """parseInt(digits, 10) as JSON.stringify prints it (beyond 2**53 JavaScript keeps a double)."""
    value = int(digits)
    if value <= 2**53:
        return value
    as_float = float(value)
    if as_float == float("inf"):
        return None
    return int(Decimal(repr(as_float))) if as_float < 1e21 else as_float


class BlockParser(InlineRules):
    def paragraph(self, p: int) -> Res:
        found = self.inline(p)
        return (found[0], nodes.paragraph(found[1])) if found else None

    def _blockquote(self, p: int) -> Res:
        s = self.s
        lines = []
        while s.startswith(">", p):
            q = self.skip_spaces(p + 1)
            end = self.eol(q)
            if end != -1:
                p = end
                lines.append(nodes.paragraph([nodes.plain("")]))
                continue
            found = self.paragraph(q)
            if found is None:
                break
            p = found[0]
            lines.append(found[1])
        return (p, nodes.wrap("QUOTE", lines)) if lines else None

    def _block_spoiler(self, p: int) -> Res:
        s = self.s
        if not s.startswith("||", p):
            return None
        q = self.eol(p + 2)
        if q == -1:
            return None
        paragraphs = []
        while not s.startswith("||", q):
            found = self.paragraph(q)
            if found is None:
                break
            q, node = found
            paragraphs.append(node)
        if not paragraphs:
            return None
        end = self.eol(q)
        q = q if end == -1 else end
        if not s.startswith("||", q):
            return None
        return q + 2, nodes.wrap("SPOILER_BLOCK", paragraphs)

    def _code_line(self, p: int) -> tuple[int, Node] | None:
        s = self.s
        m = _CODE_CHUNK.match(s, p)
        if m:
            return m.end(), nodes.wrap("CODE_LINE", nodes.plain(m.group(0)))
        if s.startswith("\n", p):
            m = _CODE_CHUNK.match(s, p + 1)
            if m:
                return m.end(), nodes.wrap("CODE_LINE", nodes.plain(m.group(0)))
            if not s.startswith("```", p + 1):
                return p + 1, nodes.wrap("CODE_LINE", nodes.plain(""))
        return None

    def _code_end(self, p: int) -> int:
        """End of CodeLine+ from p, shared by every fence that reaches the same lines."""
        return self.star_end(_CODE_LINES, self._code_line, p)

    def _code(self, p: int) -> Res:
        s = self.s
        if not s.startswith("```", p):
            return None
        lang = _CODE_LANGUAGE.match(s, p + 3)
        q = self.eol(lang.end() if lang else p + 3)
        if q == -1:
            return None
        end = self._code_end(q)
        if end == q:
            return None
        close = self.eol(end)
        if close == -1 or not s.startswith("```", close):
            return None
        lines = self.collect(self._code_line, q, end)
        return close + 3, nodes.code(lines, lang.group(0) if lang else None)

    def _horizontal_rule(self, p: int) -> Res:
        m = _RULE.match(self.s, p)
        if m is None:
            return None
        end = self.eol(m.end())
        if end == -1 and m.end() < self.n:
            return None
        return (m.end() if end == -1 else end), nodes.horizontal_rule(m.start(1), m.end(1))

    def _table_row(self, p: int) -> tuple[int, list[list[Node]]] | None:
        s = self.s
        if not s.startswith("|", p):
            return None
        q = p + 1
        cells = []
        while True:
            values: list[nodes.Item] = []
            r = q
            while True:
                if s.startswith("\\|", r):
                    values.append(nodes.plain("|"))
                    r += 2
                    continue
                if r >= self.n or s[r] in "|\r\n":
                    break
                found = self.item(r) or self.any_char(r)
                if found is None:
                    break
                r, value = found
                values.append(value)
            if not s.startswith("|", r):
                break
            cells.append(nodes.reduce_plain_texts(values))
            q = r + 1
        if not cells:
            return None
        end = self.eol(q)
        return (q if end == -1 else end), cells

    def _table(self, p: int) -> Res:
        s = self.s
        header = self._table_row(p)
        if header is None or not s.startswith("|", header[0]):
            return None
        q = header[0] + 1
        aligns: list[str | None] = []
        while True:
            m = _ALIGN.match(s, q)
            if m is None or not s.startswith("|", m.end()):
                break
            left, right = bool(m.group(1)), bool(m.group(2))
            aligns.append("center" if left and right else "right" if right else "left" if left else None)
            q = m.end() + 1
        if not aligns:
            return None
        end = self.eol(q)
        q = q if end == -1 else end
        rows = []
        while (row := self._table_row(q)) is not None:
            q, cells = row
            rows.append(cells)
        return q, nodes.table(header[1], aligns, rows, p, q)

    def _heading(self, p: int) -> Res:
        s = self.s
        m = _HEADING.match(s, p)
        if m is None:
            return None
        level = len(m.group(0).rstrip(" \t"))
        q = m.end()
        values = []
        while (found := self.item(q) or self.any_char(q)) is not None:
            q, value = found
            values.append(value)
        if not values:
            return None
        end = self.eol(q)
        return (q if end == -1 else end), nodes.heading(nodes.reduce_plain_texts(values), level)

    def _items(self, p: int, pattern: re.Pattern[str]) -> tuple[int, list[tuple[re.Match[str], list[Node]]]]:
        """Consecutive `marker inline-line` items, as (end, [(marker match, inline values)])."""
        found = []
        while (m := pattern.match(self.s, p)) is not None:
            line = self.inline(m.end())
            if line is None:
                break
            found.append((m, line[1]))
            p = line[0]
        return p, found

    def _tasks(self, p: int) -> Res:
        end, found = self._items(p, _TASK)
        tasks = [nodes.task(values, m.group(1) == "x") for m, values in found]
        return (end, nodes.wrap("TASKS", tasks)) if tasks else None

    def _ordered_list(self, p: int) -> Res:
        end, found = self._items(p, _ORDERED)
        items = [nodes.list_item(values, _list_number(m.group(1))) for m, values in found]
        return (end, nodes.wrap("ORDERED_LIST", items)) if items else None

    def _hyphen_list(self, p: int) -> Res:
        s = self.s
        items = []
        while s.startswith("-", p) and (m := WS.match(s, p + 1)) is not None:
            line = self.inline(m.end())
            if line is None:
                break
            p = line[0]
            items.append(nodes.list_item(line[1]))
        return (p, nodes.wrap("UNORDERED_LIST", items)) if items else None

    def _asterisk_item(self, p: int) -> tuple[int, Node] | None:
        s = self.s
        if not s.startswith("*", p):
            return None
        m = WS.match(s, p + 1)
        if m is None:
            return None
        q = m.end()
        values = []
        while (found := self.item(q) or (None if s.startswith("*", q) else self.any_char(q))) is not None:
            q, value = found
            values.append(value)
        if not values or s.startswith("*", q):
            return None
        end = self.eol(q)
        return (q if end == -1 else end), nodes.list_item(nodes.reduce_plain_texts(values))

    def _asterisk_list(self, p: int) -> Res:
        items = []
        while (found := self._asterisk_item(p)) is not None:
            p, item = found
            items.append(item)
        return (p, nodes.wrap("UNORDERED_LIST", items)) if items else None

    def _katex(self, p: int) -> Res:
        s = self.s
        if (self.katex_paren and s.startswith("\\[", p)) or (self.katex_dollar and s.startswith("$$", p)):
            start = p + 2
        else:
            return None
        ends = []
        if self.katex_paren:
            ends.append(s.find("\\]", start))
        if self.katex_dollar:
            ends.append(s.find("$$", start))
        found = [e for e in ends if e != -1]
        if not found:
            return None
        end = min(found)
        return end + 2, nodes.wrap("KATEX", s[start:end])

    def _line_break(self, p: int) -> Res:
        m = _BLANK_UNTIL_EOL.match(self.s, p)
        return (m.end(), nodes.line_break()) if m else None

    def block(self, p: int) -> Res:
        if p >= self.n or self.s[p] not in _BLOCK_FIRST:  # most lines start with a word: a paragraph
            return None
        return (
            self._blockquote(p)
            or self._block_spoiler(p)
            or self._code(p)
            or self._horizontal_rule(p)
            or self._table(p)
            or self._heading(p)
            or self._tasks(p)
            or self._ordered_list(p)
            or self._hyphen_list(p)
            or self._asterisk_list(p)
            or self._katex(p)
            or self._line_break(p)
        )
