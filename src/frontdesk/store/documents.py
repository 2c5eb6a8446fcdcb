"""Reading the Rocket.Chat JSON documents that several tables keep in their `doc` column."""

from __future__ import annotations

from typing import Any, cast

import orjson
from sqlalchemy import Table

from frontdesk.clock import parse_iso


def dumps(doc: dict[str, Any]) -> str:
    return orjson.dumps(doc).decode()


def loads(text: str | bytes) -> dict[str, Any]:
    value = orjson.loads(text)
    assert isinstance(value, dict)
    return value


def ms(value: Any) -> int | None:
    """An ISO date string from a document as epoch milliseconds (None when absent)."""
    if not isinstance(value, str):
        return None
    return parse_iso(value)


def dig(doc: dict[str, Any], *path: str) -> Any:
    """doc[a][b]... or None when any step is missing."""
    cur: Any = doc
    for key in path:
        if not isinstance(cur, dict):
            return None
        cur = cur.get(key)
    return cur


def table(model: type[Any]) -> Table:
    """A mapped class's Core table: bulk inserts through it skip the ORM's per-row bookkeeping."""
    return cast(Table, model.__table__)
