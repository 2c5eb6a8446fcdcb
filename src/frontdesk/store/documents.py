"""Reading the Rocket.Chat JSON documents that several tables keep in their `doc` column."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias, cast

import orjson
from sqlalchemy import Table
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.clock import parse_iso
from frontdesk.db import dialect
from frontdesk.documents import JsonObject

# A row's column values, as an INSERT or UPDATE takes them (not a document: see frontdesk/documents.py).
ColumnValues: TypeAlias = dict[str, Any]


def dumps(doc: Mapping[str, object]) -> str:
    return orjson.dumps(doc).decode()


def loads(text: str | bytes) -> JsonObject:
    """A stored document's JSON; callers say which document it is (a cast: the JSON is ours)."""
    value = orjson.loads(text)
    assert isinstance(value, dict)
    return value


def ms(value: Any) -> int | None:
    """An ISO date string from a document as epoch milliseconds (None when absent)."""
    if not isinstance(value, str):
        return None
    return parse_iso(value)


def dig(doc: Mapping[str, object], *path: str) -> Any:
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


@dataclass(frozen=True)
class Rows:
    """Rows of one table as tuples in `columns` order: one executemany, and cheap to pickle."""

    columns: tuple[str, ...]
    values: list[tuple[Any, ...]]


def as_rows(rows: Sequence[ColumnValues]) -> Rows:
    """Dicts with the same keys in the same order (as one *_columns function builds them) as Rows."""
    if not rows:
        return Rows((), [])
    return Rows(tuple(rows[0]), [tuple(r.values()) for r in rows])


async def insert_rows(db: AsyncSession, model: type[Any], rows: Rows) -> None:
    await dialect.insert_many(db, table(model), rows.columns, rows.values)
