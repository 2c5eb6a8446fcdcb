"""Node constructors for the `md` tree, shaped exactly as message-parser serialises them to JSON."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

# A node is a JSON-ready dict; keys whose JS value is `undefined` are simply absent.
Node = dict[str, Any]
# Rule results may be a node or, for a few italic fallbacks, a list of nodes that the parent flattens.
Item = Node | list[Node]

PLAIN = "PLAIN_TEXT"
EMOJI = "EMOJI"

# JavaScript's \s (used by String.prototype.trim and the table-cell trimming regexes).
_JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
_JS_SPACE += "\u2028\u2029\u202f\u205f\u3000\ufeff"
_LEADING_SPACE = re.compile(f"^[{_JS_SPACE}]+")
_TRAILING_SPACE = re.compile(f"[{_JS_SPACE}]+$")


def js_blank(value: str) -> bool:
    """True when JavaScript's `value.trim()` would be empty."""
    return not value.strip(_JS_SPACE)


def plain(value: str) -> Node:
    return {"type": PLAIN, "value": value}


def wrap(kind: str, value: Any) -> Node:
    return {"type": kind, "value": value}


def paragraph(value: list[Node]) -> Node:
    return {"type": "PARAGRAPH", "value": value}


def heading(value: list[Node], level: int) -> Node:
    return {"type": "HEADING", "level": level, "value": value}


def code(lines: list[Node], language: str | None) -> Node:
    return {"type": "CODE", "language": language or "none", "value": lines}


def task(value: list[Node], status: bool) -> Node:
    return {"type": "TASK", "status": status, "value": value}


def list_item(value: list[Node], number: int | float | None = None) -> Node:
    node: Node = {"type": "LIST_ITEM", "value": value}
    if number is not None:
        node["number"] = number
    return node


def link(src: str, label: list[Node] | None = None) -> Node:
    return {
        "type": "LINK",
        "value": {"src": plain(src), "label": label if label is not None else [plain(src)]},
    }


def image(src: str, label: Node | None = None) -> Node:
    return {"type": "IMAGE", "value": {"src": plain(src), "label": label if label else plain(src)}}


def color(r: int, g: int, b: int, a: int = 255) -> Node:
    return {"type": "COLOR", "value": {"r": r, "g": g, "b": b, "a": a}}


def emoji(short_code: str) -> Node:
    return {"type": EMOJI, "value": plain(short_code), "shortCode": short_code}


def emoji_unicode(unicode: str) -> Node:
    return {"type": EMOJI, "unicode": unicode}


def emoticon(text: str, short_code: str) -> Node:
    return {"type": EMOJI, "value": plain(text), "shortCode": short_code}


def line_break() -> Node:
    return {"type": "LINE_BREAK"}


def horizontal_rule(start: int, end: int) -> Node:
    return {"type": "HORIZONTAL_RULE", "fallback": [start, end]}


def timestamp(value: str, fmt: str | None, start: int, end: int) -> Node:
    return {
        "type": "TIMESTAMP",
        "value": {"timestamp": value, "format": fmt or "t"},
        "fallback": [start, end],
    }


def _trim_cell(values: list[Node]) -> list[Node]:
    cells = list(values)
    if cells and cells[0]["type"] == PLAIN:
        text = _LEADING_SPACE.sub("", cells[0]["value"])
        if text:
            cells[0] = plain(text)
        else:
            cells.pop(0)
    if cells and cells[-1]["type"] == PLAIN:
        text = _TRAILING_SPACE.sub("", cells[-1]["value"])
        if text:
            cells[-1] = plain(text)
        else:
            cells.pop()
    return cells


def table_cell(values: list[Node], align: str | None) -> Node:
    node: Node = {"type": "TABLE_CELL", "value": _trim_cell(values)}
    if align is not None:
        node["align"] = align
    return node


def table(
    header: list[list[Node]], aligns: list[str | None], rows: list[list[list[Node]]], start: int, end: int
) -> Node:
    def align_at(index: int) -> str | None:
        return aligns[index] if index < len(aligns) else None

    return {
        "type": "TABLE",
        "value": {
            "header": [table_cell(cell, align_at(i)) for i, cell in enumerate(header)],
            "rows": [
                wrap(
                    "TABLE_ROW",
                    [table_cell(row[i] if i < len(row) else [], align_at(i)) for i in range(len(header))],
                )
                for row in rows
            ],
        },
        "fallback": [start, end],
    }


def _emoji_as_text(node: Node, before: Node | None, after: Node | None) -> Node:
    """A shortcode or emoticon touching another emoji or non-blank text is rendered as its source text."""
    label = node.get("value")
    if node["type"] != EMOJI or not label or (before is None and after is None):
        return node
    near_emoji = (before is not None and before["type"] == EMOJI) or (
        after is not None and after["type"] == EMOJI
    )
    near_text = (before is not None and before["type"] == PLAIN and not js_blank(before["value"])) or (
        after is not None and after["type"] == PLAIN and not js_blank(after["value"])
    )
    if not (near_emoji or near_text):
        return node
    if node["shortCode"] != label["value"]:
        return label
    return plain(f":{label['value']}:")


def _append(out: list[Node], node: Node) -> None:
    if out and node["type"] == PLAIN and out[-1]["type"] == PLAIN:
        out[-1] = plain(out[-1]["value"] + node["value"])
    else:
        out.append(node)


def reduce_plain_texts(values: Sequence[Item]) -> list[Node]:
    """utils.reducePlainTexts: merge adjacent plain texts, flatten lists, demote emojis glued to text."""
    flat: list[Node] = []
    simple = True
    for v in values:
        if isinstance(v, list):
            flat.extend(v)
            simple = False
        else:
            flat.append(v)
            simple = simple and v["type"] != EMOJI
    if simple:
        out: list[Node] = []
        for v in flat:
            _append(out, v)
        return out
    merged: list[Node] = []
    last = len(flat) - 1
    for i, node in enumerate(flat):
        before = flat[i - 1] if i else None
        after = flat[i + 1] if i < last else None
        _append(merged, _emoji_as_text(node, before, after))
    return merged
