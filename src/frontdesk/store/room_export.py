"""Every room of a livechat/rooms filter in listing order, a bounded batch at a time by keyset (for the CSV
export): each batch is a short read of its own, starting after the sort keys of the last row sent, so an
export of a million rooms holds neither a long transaction nor more than one batch in memory.

Of each room and its visitor only the values at a few paths are read, picked out of the stored JSON by the
database (SQLite's json_extract with several paths, PostgreSQL's jsonb over one cast per row) and returned
as one small JSON array: parsing every whole room document in Python was most of the export's time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    Select,
    String,
    Text,
    and_,
    case,
    cast,
    false,
    func,
    literal,
    or_,
    select,
    true,
    tuple_,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from frontdesk.models.departments import Department
from frontdesk.models.rooms import Room
from frontdesk.models.visitors import Visitor
from frontdesk.store import room_conditions, room_counts, room_query
from frontdesk.store.room_filter import RoomFilter

Cursor = tuple[Any, ...]  # the sort keys of the last row read
# A path into a stored document: keys, and list positions as ints ("visitorEmails", 0, "address").
Path = tuple[str | int, ...]


# One room: (id, state, departmentId, the department's name, the room's values at the room paths as a JSON
# array, the visitor's at the visitor paths (None: no visitor), then the sort keys). Plain rows, as the
# database answers them: a million rooms leave no time for an object per row.
ExportRow = Sequence[Any]


def _sqlite_path(path: Path) -> str:
    """A JSON path for SQLite, every key quoted (the paths are the export's own: no key holds a quote)."""
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f'."{p}"' for p in path)


def _values(doc: ColumnElement[Any], paths: Sequence[Path], dialect_name: str) -> ColumnElement[Any]:
    """The document's values at `paths` (two or more) as one JSON array (text), null where absent."""
    if dialect_name == "sqlite":  # one parse of the document for all the paths
        return func.json_extract(doc, *(literal(_sqlite_path(p)) for p in paths), type_=Text)
    # PostgreSQL: `doc` is a jsonb column of a lateral select (one cast per row, not one per path)
    items = [doc.op("#>")(literal([str(p) for p in path], ARRAY(Text))) for path in paths]
    return cast(func.jsonb_build_array(*items), Text)


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


@dataclass(frozen=True)
class Batch:
    """What to read of each matching room: the listing's filter and sort, and the paths to pick."""

    filter: RoomFilter
    sort: list[tuple[str, int]]
    room_paths: tuple[Path, ...]  # two or more each: SQLite's json_extract answers an array only then
    visitor_paths: tuple[Path, ...]


def batch_query(b: Batch, cursor: Cursor | None, limit: int, dialect_name: str) -> Select[Any, Any]:
    """The next `limit` matches after `cursor` (None: from the first), with their sort keys last."""
    keys = _keys(b.sort, dialect_name)
    where = room_conditions.conditions(b.filter, dialect_name)
    if cursor is not None:
        where.append(_after(keys, cursor))
    if dialect_name == "sqlite":
        room_doc: ColumnElement[Any] = Room.__table__.c.doc
        visitor_values = _values(Visitor.__table__.c.doc, b.visitor_paths, dialect_name)
    else:
        room_json = select(cast(Room.doc, JSONB).label("j")).correlate(Room).lateral("room_json")
        visitor_json = select(cast(Visitor.doc, JSONB).label("j")).correlate(Visitor).lateral("visitor_json")
        room_doc, visitor_doc = room_json.c.j, visitor_json.c.j
        visitor_values = case(
            (visitor_doc.is_(None), None), else_=_values(visitor_doc, b.visitor_paths, "postgresql")
        )
    room_values = _values(room_doc, b.room_paths, dialect_name)
    stmt = select(Room.id, Room.state, Room.department_id, Department.name, room_values, visitor_values)
    stmt = stmt.add_columns(*(k for k, _ in keys)).select_from(Room)
    stmt = stmt.outerjoin(Department, Department.id == Room.department_id)
    stmt = stmt.outerjoin(Visitor, Visitor.id == Room.visitor_id)
    if dialect_name != "sqlite":
        stmt = stmt.join(room_json, true()).join(visitor_json, true())
    return stmt.where(*where).order_by(*room_query.order_by(b.sort, dialect_name)).limit(limit)


async def read_batch(
    db: AsyncSession, b: Batch, cursor: Cursor | None, limit: int
) -> tuple[list[ExportRow], Cursor | None]:
    """One batch and the cursor after it (None: that was the last)."""
    await room_counts.write_pending(db)
    connection = await db.connection()  # Core rows: the ORM's result handling cost ~5 us a row
    rows = (await connection.execute(batch_query(b, cursor, limit, connection.dialect.name))).all()
    return list(rows), (tuple(rows[-1][6:]) if len(rows) == limit else None)
