"""Translating a livechat/rooms filter and sort into one SQL query over indexed columns, with its total
(store/room_totals.py) riding along. Filters that search values (ByValues: roomName, customFields) are
resolved first, in the same transaction, and alone read their page by value (store/room_value_pages.py).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import Row, Select, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import QueryableAttribute

from frontdesk.db import dialect
from frontdesk.errors import MeteorError
from frontdesk.models.departments import Department
from frontdesk.models.rooms import Room, RoomTag
from frontdesk.store import room_counts, room_value_pages, room_values
from frontdesk.store.room_conditions import active, conditions, lone_values, one_tag
from frontdesk.store.room_filter import RoomFilter
from frontdesk.store.room_totals import total_column, total_query

# Room document paths that have their own column; any other path is read out of the JSON document.
SORT_COLUMNS: dict[str, QueryableAttribute[Any]] = {
    "_id": Room.id,
    "ts": Room.ts,
    "lm": Room.lm,
    "_updatedAt": Room.updated_at,
    "fname": Room.fname,
    "open": Room.open,
    "onHold": Room.on_hold,
    "msgs": Room.msgs,
    "closedAt": Room.closed_at,
    "servedBy._id": Room.served_by_id,
    "departmentId": Room.department_id,
    "v._id": Room.visitor_id,
    "v.token": Room.visitor_token,
    "source.type": Room.source_type,
    "waitingResponse": Room.waiting_response,
    "metrics.chatDuration": Room.chat_duration,
    "metrics.serviceTimeDuration": Room.service_time_duration,
}


MAX_OFFSET = 2**62
# PostgreSQL cancels a listing statement that runs longer (every indexed filter takes milliseconds; what
# is left is a count over many matches of an unindexed combination): the client gets a 400 to narrow
# its filter, and the connection is free again.
STATEMENT_TIMEOUT_MS = 10_000


def sort_keys(path: str, dialect_name: str) -> list[Any]:
    column = SORT_COLUMNS.get(path)
    if column is not None:
        return [column]
    return dialect.json_sort_keys(Room.doc, path.split("."), dialect_name)


def order_by(sort: list[tuple[str, int]], dialect_name: str) -> list[Any]:
    """ORDER BY for a Rocket.Chat sort; `_id` breaks ties so pages never overlap."""
    clauses = [
        dialect.order_nulls(key, d < 0, dialect_name) for p, d in sort for key in sort_keys(p, dialect_name)
    ]
    if not any(p == "_id" for p, _ in sort):
        last_desc = bool(sort) and sort[-1][1] < 0
        clauses.append(Room.id.desc() if last_desc else Room.id.asc())
    return clauses


def _matching(f: RoomFilter, sort: list[tuple[str, int]], dialect_name: str, page: bool) -> Any:
    """The matches in listing order: the page's columns if `page`, else only the room ids."""
    stmt: Any
    tagged = one_tag(f)
    if tagged is not None and len(sort) == 1 and sort[0][0] == "ts":
        # room_tags keeps a copy of ts: newest-first rooms with tag X are one index range, where
        # `id IN (rooms with X)` would read and sort every match (hundreds of ms for a common tag)
        name, tag = tagged
        others = conditions(f.replace(**{name: None}), dialect_name)
        order = (
            (RoomTag.ts.desc(), RoomTag.room_id.desc()) if sort[0][1] < 0 else (RoomTag.ts, RoomTag.room_id)
        )
        if page:
            stmt = select(Room.doc, Room.department_id, Department.name).select_from(RoomTag)
            stmt = stmt.join(Room, Room.id == RoomTag.room_id)
            stmt = stmt.outerjoin(Department, Department.id == Room.department_id)
        else:
            stmt = select(RoomTag.room_id.label("id"))
            stmt = stmt.join(Room, Room.id == RoomTag.room_id) if others else stmt
        return stmt.where(RoomTag.tag == tag, *others).order_by(*order)
    if page:
        stmt = select(Room.doc, Room.department_id, Department.name)
        stmt = stmt.outerjoin(Department, Department.id == Room.department_id)
    else:
        stmt = select(Room.id)
    return stmt.where(*conditions(f, dialect_name)).order_by(*order_by(sort, dialect_name))


def page_query(
    f: RoomFilter, sort: list[tuple[str, int]], offset: int, limit: int | None, dialect_name: str
) -> Select[str, str | None, str]:
    """The page: each room's stored document with its department's name."""
    # an offset past any possible table size reads nothing; SQLite refuses integers past 2**63
    offset = min(offset, MAX_OFFSET)
    if not offset or limit is None:
        stmt: Select[str, str | None, str] = _matching(f, sort, dialect_name, page=True)
        return stmt.offset(offset or None).limit(limit)
    # A deep page skips its offset on ids alone (from the index), then reads just its own rooms:
    # skipping whole rooms read and joined every skipped document (7 ms at offset 10,000 of 1M).
    ids = _matching(f, sort, dialect_name, page=False).offset(offset).limit(limit).subquery()
    return (
        select(Room.doc, Room.department_id, Department.name)
        .join(ids, Room.id == ids.c.id)
        .outerjoin(Department, Department.id == Room.department_id)
        .order_by(*order_by(sort, dialect_name))
    )


# Built page-and-total statements by their inputs. Building one costs more Python time than its SQL
# takes (~0.5 ms for a filter on department, status and dates), and a console polls the same few
# listings again and again. A statement is a pure function of its inputs, so a kept one never goes stale.
_BUILT: OrderedDict[str, Select[Any]] = OrderedDict()
_BUILT_MAX = 128


def page_with_total(
    f: RoomFilter, sort: list[tuple[str, int]], offset: int, limit: int, dialect_name: str
) -> Select[Any]:
    """page_query with total_column as a last column, built once per distinct input (LRU); a filter
    holding matched values is built afresh (its values may be many, and change with every commit)."""
    if any(definition.resolve is not None for definition, _ in active(f)):
        return page_query(f, sort, offset, limit, dialect_name).add_columns(total_column(f, dialect_name))
    key = repr((f, sort, offset, limit, dialect_name))
    stmt = _BUILT.get(key)
    if stmt is not None:
        _BUILT.move_to_end(key)
        return stmt
    stmt = page_query(f, sort, offset, limit, dialect_name).add_columns(total_column(f, dialect_name))
    _BUILT[key] = stmt
    if len(_BUILT) > _BUILT_MAX:
        _BUILT.popitem(last=False)
    return stmt


async def resolve(db: AsyncSession, f: RoomFilter) -> RoomFilter:
    """_resolve, under the statement timeout (count=0 resolves once, before its total and its rooms)."""
    async with bounded(db):
        return await _resolve(db, f)


async def _resolve(db: AsyncSession, f: RoomFilter) -> RoomFilter:
    """The filter with every value its definition looks up first (FilterDef.resolve) looked up."""
    changes = {d.name: await d.resolve(db, value) for d, value in active(f) if d.resolve is not None}
    return f.replace(**changes) if changes else f


async def _value_page(
    db: AsyncSession, f: RoomFilter, sort: list[tuple[str, int]], offset: int, limit: int
) -> Select[str, str | None, str] | None:
    """A lone ByValues filter's page in ts order, read by value; None for any other filter or sort."""
    found = lone_values(f)
    if found is None or not found.vkeys or len(sort) != 1 or sort[0][0] != "ts":
        return None
    rooms = await room_values.kind_size(db, found.kind)
    offset = min(offset, MAX_OFFSET)
    return room_value_pages.page(found, sort[0][1] < 0, offset, limit, rooms, db.get_bind().dialect.name)


@asynccontextmanager
async def bounded(db: AsyncSession) -> AsyncIterator[None]:
    """Statements past STATEMENT_TIMEOUT_MS are cancelled (PostgreSQL) and answered with a 400."""
    await dialect.bound_statement_time(db, STATEMENT_TIMEOUT_MS)
    try:
        yield
    except DBAPIError as exc:
        if dialect.is_statement_timeout(exc):
            raise MeteorError(
                "error-query-timeout", "The listing took too long; narrow its filters"
            ) from None
        raise


async def read_page(
    db: AsyncSession, f: RoomFilter, sort: list[tuple[str, int]], offset: int, limit: int
) -> tuple[list[tuple[str, str | None, str | None]], int]:
    """One page of page_query's rows and the exact total of the filter, mostly in one statement.

    The total rides along as an uncorrelated scalar subquery (both engines evaluate it once); only an
    empty page past the first one needs a second statement to learn it.
    """
    async with bounded(db):
        return await _read_page(db, f, sort, offset, limit)


async def _read_page(
    db: AsyncSession, f: RoomFilter, sort: list[tuple[str, int]], offset: int, limit: int
) -> tuple[list[tuple[str, str | None, str | None]], int]:
    await room_counts.write_pending(db)
    await room_values.write_pending(db)
    f = await _resolve(db, f)
    by_value = await _value_page(db, f, sort, offset, limit)
    if by_value is not None:
        found = lone_values(f)
        assert found is not None
        return [(r[0], r[1], r[2]) for r in (await db.execute(by_value)).all()], found.rooms
    dialect_name = db.get_bind().dialect.name
    rows = (await db.execute(page_with_total(f, sort, offset, limit, dialect_name))).all()
    if rows:
        return [(r[0], r[1], r[2]) for r in rows], int(rows[0][3])
    return [], (await count_rooms(db, f) if offset else 0)


async def count_rooms(db: AsyncSession, f: RoomFilter) -> int:
    """The exact number of rooms matching a filter, from the counters where they answer (total_query)."""
    async with bounded(db):
        await room_counts.write_pending(db)
        await room_values.write_pending(db)
        stmt = total_query(await _resolve(db, f), db.get_bind().dialect.name)
        if stmt is None:
            return 0
        return int((await db.execute(stmt)).scalar_one())


async def stream_rooms(
    db: AsyncSession, f: RoomFilter, sort: list[tuple[str, int]], offset: int, batch: int
) -> AsyncIterator[Sequence[Row[str, str | None, str]]]:
    """Every match from `offset` on, in batches read as they are sent (memory stays bounded)."""
    stmt = page_query(await _resolve(db, f), sort, offset, None, db.get_bind().dialect.name)
    result = await db.stream(stmt.execution_options(yield_per=batch))
    async for partition in result.partitions(batch):
        yield partition
