"""Every room of a livechat/rooms filter in listing order, a bounded batch at a time by keyset (for the CSV
export): each batch is a short read of its own, starting after the sort keys of the last row sent, so an
export of a million rooms holds neither a long transaction nor more than one batch in memory."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Select, String, and_, false, or_, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from frontdesk.models.departments import Department
from frontdesk.models.rooms import Room
from frontdesk.models.visitors import Visitor
from frontdesk.store import room_conditions, room_counts, room_query
from frontdesk.store.room_filter import RoomFilter

Cursor = tuple[Any, ...]  # the sort keys of the last row read


@dataclass(frozen=True)
class ExportRow:
    doc: str  # the room as stored
    department_name: str | None
    visitor_doc: str | None  # the visitor as stored (email, phone, visitor custom fields)


def _keys(sort: list[tuple[str, int]], dialect_name: str) -> list[tuple[ColumnElement[Any], bool]]:
    """The listing's ORDER BY keys (room_query.order_by) with their directions, `_id` last."""
    keys = [(k, d < 0) for p, d in sort for k in room_query.sort_keys(p, dialect_name)]
    if not any(p == "_id" for p, _ in sort):
        keys.append((Room.id, bool(sort) and sort[-1][1] < 0))
    if dialect_name != "sqlite":  # compared as room_query sorts them: bytewise
        keys = [(k.collate("C") if isinstance(k.type, String) else k, desc) for k, desc in keys]
    return keys


def _not_null(key: ColumnElement[Any]) -> bool:
    expression = getattr(key, "expression", key)
    return isinstance(expression, Column) and not expression.nullable


def _after(keys: list[tuple[ColumnElement[Any], bool]], cursor: Cursor) -> ColumnElement[bool]:
    """The rows after `cursor` in the keys' order, where NULL sorts first ascending and last descending
    (dialect.order_nulls: it is the smallest value either way)."""
    if len({desc for _, desc in keys}) == 1 and all(_not_null(k) for k, _ in keys):
        # one direction, no NULLs: a row-value comparison, which both engines read off the index
        left, right = tuple_(*(k for k, _ in keys)), tuple_(*cursor)
        return left < right if keys[0][1] else left > right
    branches = []
    for i, (key, desc) in enumerate(keys):
        same = [k.is_(None) if v is None else k == v for (k, _), v in zip(keys[:i], cursor[:i], strict=True)]
        value = cursor[i]
        if desc:
            beyond = false() if value is None else or_(key < value, key.is_(None))
        else:
            beyond = key.is_not(None) if value is None else key > value
        branches.append(and_(*same, beyond))
    return or_(*branches)


def batch_query(
    f: RoomFilter, sort: list[tuple[str, int]], cursor: Cursor | None, limit: int, dialect_name: str
) -> Select[Any, Any]:
    """The next `limit` matches after `cursor` (None: from the first), with their sort keys last."""
    keys = _keys(sort, dialect_name)
    where = room_conditions.conditions(f, dialect_name)
    if cursor is not None:
        where.append(_after(keys, cursor))
    stmt = select(Room.doc, Department.name, Visitor.doc, *(k for k, _ in keys))
    stmt = stmt.outerjoin(Department, Department.id == Room.department_id)
    stmt = stmt.outerjoin(Visitor, Visitor.id == Room.visitor_id)
    return stmt.where(*where).order_by(*room_query.order_by(sort, dialect_name)).limit(limit)


async def read_batch(
    db: AsyncSession, f: RoomFilter, sort: list[tuple[str, int]], cursor: Cursor | None, limit: int
) -> tuple[list[ExportRow], Cursor | None]:
    """One batch and the cursor after it (None: that was the last)."""
    await room_counts.write_pending(db)
    rows: Sequence[Any] = (
        await db.execute(batch_query(f, sort, cursor, limit, db.get_bind().dialect.name))
    ).all()
    found = [ExportRow(r[0], r[1], r[2]) for r in rows]
    return found, (tuple(rows[-1][3:]) if len(rows) == limit else None)
