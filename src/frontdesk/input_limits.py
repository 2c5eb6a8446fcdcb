"""Bounds on what one request may hand the server: JSON size and nesting, key counts, key text
(docs/limits.md lists them all).

Rocket.Chat sets none of these (MongoDB and V8 absorb what they can); each is far above what its own
clients send, and low enough that checking and using the input stays well under a millisecond or so.
"""

from __future__ import annotations

from typing import Any

# A JSON-valued query parameter (sort, fields, createdAt, closedAt, customFields): its text and nesting.
MAX_JSON_PARAM_CHARS = 8192
MAX_JSON_PARAM_DEPTH = 8
# A JSON request body: nesting (orjson itself refuses more than 1024 levels, and cannot write back
# documents nested past 255, so a stored document must stay far below that).
MAX_BODY_DEPTH = 32
# Objects and arrays in one body (Rocket.Chat's clients send tens): walking the parsed body stays cheap.
MAX_BODY_CONTAINERS = 10_000
# Keys in the listing's JSON parameters.
MAX_SORT_KEYS = 16
MAX_FIELDS_KEYS = 64
MAX_CUSTOM_FIELD_FILTERS = 16
MAX_KEY_CHARS = 256
# Custom fields set by one call (livechat/custom.fields, livechat/visitor's customFields). Rocket.Chat's
# schemas set no bound; a key must name a defined field, and a workspace defines a few dozen at most.
MAX_CUSTOM_FIELDS = 100


class InputTooLarge(ValueError):
    """Input past one of these bounds; `message` says which, for the 400 the caller renders (a ValueError,
    so a caller that only knows "not valid JSON" still refuses it)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def depth_exceeds(value: Any, limit: int) -> bool:
    """Whether objects/arrays nest more than `limit` levels (a top-level object is level 1).

    Visits containers only, iteratively, so a long flat array costs one pass in C-level iteration."""
    stack: list[tuple[Any, int]] = [(value, 1)] if isinstance(value, dict | list) else []
    while stack:
        node, level = stack.pop()
        if level > limit:
            return True
        children = node.values() if isinstance(node, dict) else node
        stack.extend((c, level + 1) for c in children if isinstance(c, dict | list))
    return False


def too_many_containers(raw: bytes) -> bool:
    """Whether JSON text may hold more than MAX_BODY_CONTAINERS objects and arrays: a C-speed count of
    the opening brackets (those inside strings too, so it errs on the side of refusing), which bounds
    every later walk of the parsed body (depth check, schema validation) to milliseconds."""
    return raw.count(b"{") + raw.count(b"[") > MAX_BODY_CONTAINERS


def has_nul(value: Any) -> bool:
    """Whether any string (key or value) in a JSON value contains NUL, which PostgreSQL's text and jsonb
    cannot hold: stored, it would make every later jsonb read of that row fail."""
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            if "\x00" in node:
                return True
        elif isinstance(node, dict):
            if any("\x00" in k for k in node):
                return True
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False


def bad_key(key: str) -> bool:
    """A sort / fields / customFields key that must not reach SQL: empty, NUL, or absurdly long."""
    return not key or "\x00" in key or len(key) > MAX_KEY_CHARS
