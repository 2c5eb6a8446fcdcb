"""Translating a livechat/rooms filter and sort into one SQL query over indexed columns, with its total
counted as cheaply as the filters' counting rules allow (store/room_filters.py)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import AsyncIterator, Iterator, Sequence
from typing import Any

from sqlalchemy import Row, Select, func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.elements import ColumnElement

from frontdesk.db import dialect
from frontdesk.models.departments import Department
from frontdesk.models.rooms import DAY_MS, Room, RoomTag
from frontdesk.store import room_counts, room_filters
from frontdesk.store.room_filter import (
    ByCounters,
    ByDays,
    ByTag,
    CounterPart,
    DateRange,
    FilterDef,
    RoomFilter,
)

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


def _active(f: RoomFilter) -> Iterator[tuple[FilterDef[Any], Any]]:
    """The filters that are on, with their values: those on indexed columns first, in FILTERS order."""
    on = [(d, f.get(d.name)) for d in room_filters.FILTERS if f.get(d.name) is not None]
    unknown = set(f.names()) - {d.name for d, _ in on}
    if unknown:
        raise ValueError(f"not a room filter: {sorted(unknown)}")
    return iter(sorted(on, key=lambda pair: pair[0].reads_document))


def conditions(f: RoomFilter, dialect_name: str) -> list[ColumnElement[bool]]:
    """The WHERE clause of a filter, as a list of conjuncts (each filter's from its definition)."""
    # The rooms table holds only livechat rooms, so Rocket.Chat's `t: 'l'` needs no condition.
    return [c for definition, value in _active(f) for c in definition.condition(value, dialect_name)]


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


def _tag_filter(f: RoomFilter) -> tuple[str, str] | None:
    """(filter name, tag) of a one-tag filter (ByTag): such a listing walks room_tags' (tag, ts) index
    instead of rooms, and its total alone has a counter."""
    for definition, value in _active(f):
        if isinstance(definition.counting, ByTag) and len(set(value)) == 1:
            return definition.name, value[0]
    return None


def _matching(f: RoomFilter, sort: list[tuple[str, int]], dialect_name: str, page: bool) -> Any:
    """The matches in listing order: the page's columns if `page`, else only the room ids."""
    stmt: Any
    one_tag = _tag_filter(f)
    if one_tag is not None and len(sort) == 1 and sort[0][0] == "ts":
        # room_tags keeps a copy of ts: newest-first rooms with tag X are one index range, where
        # `id IN (rooms with X)` would read and sort every match (hundreds of ms for a common tag)
        name, tag = one_tag
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


def count_query(f: RoomFilter, dialect_name: str) -> Select[int]:
    one_tag = _tag_filter(f)
    if one_tag is None:
        return select(func.count()).select_from(Room).where(*conditions(f, dialect_name))
    name, tag = one_tag
    others = conditions(f.replace(**{name: None}), dialect_name)
    if not others:  # the tag alone: its counter, kept with every room write
        return room_counts.tag_total_query(tag)
    # room_tags has one row per (room, tag) of an existing room, so counting its index range is exact
    stmt = select(func.count()).select_from(RoomTag).where(RoomTag.tag == tag, *others)
    return stmt.join(Room, Room.id == RoomTag.room_id) if others else stmt


# (states, departments, agents) that room_counts can sum over; None: any
CountedShape = tuple[tuple[str, ...] | None, list[str] | None, list[str] | None]


def counted_shape(f: RoomFilter) -> CountedShape | None:
    """(states, departments, agents) when room_counts answers the filter's total, else None: every filter
    that is on must be counted ByCounters (an allow-list) and its values tell counter rows apart."""
    shape = CounterPart()
    for definition, value in _active(f):
        if not isinstance(definition.counting, ByCounters):
            return None
        rows = definition.counting.rows(value)
        if rows is None:
            return None
        shape = CounterPart(
            rows.states if rows.states is not None else shape.states,
            rows.departments if rows.departments is not None else shape.departments,
            rows.agents if rows.agents is not None else shape.agents,
        )
    return shape.states, _listed(shape.departments), _listed(shape.agents)


def _listed(ids: tuple[str, ...] | None) -> list[str] | None:
    return None if ids is None else list(ids)


def whole_days(r: DateRange) -> tuple[int | None, int | None] | None:
    """The first and last UTC days (epoch ms // DAY_MS) lying wholly inside a date range, None for an open
    end; None when no whole day does (or the range matches nothing)."""
    if r.start is None and r.end is None:
        return None
    first = None if r.start is None else -(-r.start // DAY_MS)
    last = None if r.end is None else (r.end + 1) // DAY_MS - 1
    if first is not None and last is not None and first > last:
        return None
    return first, last


# (counted shape, whether the range is closedAt rather than createdAt, its whole days)
DayCountedShape = tuple[CountedShape, bool, tuple[int | None, int | None]]


def _day_filter(f: RoomFilter) -> tuple[str, ByDays, DateRange] | None:
    """The one date range (ByDays) of a filter, if it has exactly one."""
    ranges = [(d.name, d.counting, v) for d, v in _active(f) if isinstance(d.counting, ByDays)]
    return ranges[0] if len(ranges) == 1 else None


def day_counted_shape(f: RoomFilter) -> DayCountedShape | None:
    """When the day counters answer most of a date filter's total: a filter counted_shape covers but
    for one date range (createdAt or closedAt, not both), which holds at least one whole day."""
    found = _day_filter(f)
    if found is None:
        return None
    name, counting, r = found
    shape = counted_shape(f.replace(**{name: None}))
    days = whole_days(r)
    return (shape, counting.closed, days) if shape is not None and days is not None else None


def _with_range(f: RoomFilter, start: int | None, end: int | None) -> RoomFilter:
    found = _day_filter(f)
    assert found is not None
    return f.replace(**{found[0]: DateRange(start, end)})


def total_query(f: RoomFilter, dialect_name: str) -> Select[int] | None:
    """The statement whose one value is the exact total of a filter, as cheap as the filter allows;
    None when the total is 0 for sure. Pending counter changes must be written before it runs.

    - filters counted ByCounters (status, department, agent): a sum over room_counts;
    - the same with one ByDays range (createdAt, closedAt): a sum over the day counters for the whole
      days inside the range, plus COUNTs of the matching rooms in the part-days at its ends (at most a
      day each);
    - one tag alone (ByTag): its room_tag_counts row (count_query);
    - anything else: COUNT over the matches (count_query).
    """
    shape = counted_shape(f)
    if shape is not None:
        return room_counts.total_query(*shape)
    by_day = day_counted_shape(f)
    if by_day is None:
        return count_query(f, dialect_name)
    (states, departments, agents), closed, (first, last) = by_day
    whole = room_counts.day_total_query(closed, states, departments, agents, first, last)
    if whole is None:
        return None
    found = _day_filter(f)
    assert found is not None
    r = found[2]
    parts: list[ColumnElement[Any]] = [whole.scalar_subquery()]
    if first is not None and r.start is not None and r.start < first * DAY_MS:
        head = _with_range(f, r.start, first * DAY_MS - 1)
        parts.append(count_query(head, dialect_name).scalar_subquery())
    if last is not None and r.end is not None and r.end >= (last + 1) * DAY_MS:
        tail = _with_range(f, (last + 1) * DAY_MS, r.end)
        parts.append(count_query(tail, dialect_name).scalar_subquery())
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    return select(total)


def total_column(f: RoomFilter, dialect_name: str) -> ColumnElement[Any]:
    """total_query as a scalar subquery, so a page and its total come back in one round trip."""
    stmt = total_query(f, dialect_name)
    return literal(0) if stmt is None else stmt.scalar_subquery()


# Built page-and-total statements by their inputs. Building one costs more Python time than its SQL
# takes (~0.5 ms for a filter on department, status and dates), and a console polls the same few
# listings again and again. A statement is a pure function of its inputs, so a kept one never goes stale.
_BUILT: OrderedDict[str, Select[Any]] = OrderedDict()
_BUILT_MAX = 128


def page_with_total(
    f: RoomFilter, sort: list[tuple[str, int]], offset: int, limit: int, dialect_name: str
) -> Select[Any]:
    """page_query with total_column as a last column, built once per distinct input (LRU)."""
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


async def read_page(
    db: AsyncSession, f: RoomFilter, sort: list[tuple[str, int]], offset: int, limit: int
) -> tuple[list[tuple[str, str | None, str | None]], int]:
    """One page of page_query's rows and the exact total of the filter, mostly in one statement.

    The total rides along as an uncorrelated scalar subquery (both engines evaluate it once); only an
    empty page past the first one needs a second statement to learn it.
    """
    await room_counts.write_pending(db)
    dialect_name = db.get_bind().dialect.name
    rows = (await db.execute(page_with_total(f, sort, offset, limit, dialect_name))).all()
    if rows:
        return [(r[0], r[1], r[2]) for r in rows], int(rows[0][3])
    return [], (await count_rooms(db, f) if offset else 0)


async def count_rooms(db: AsyncSession, f: RoomFilter) -> int:
    """The exact number of rooms matching a filter, from the counters where they answer (total_query)."""
    stmt = total_query(f, db.get_bind().dialect.name)
    if stmt is None:
        return 0
    await room_counts.write_pending(db)
    return int((await db.execute(stmt)).scalar_one())


async def stream_rooms(
    db: AsyncSession, f: RoomFilter, sort: list[tuple[str, int]], offset: int, batch: int
) -> AsyncIterator[Sequence[Row[str, str | None, str]]]:
    """Every match from `offset` on, in batches read as they are sent (memory stays bounded)."""
    stmt = page_query(f, sort, offset, None, db.get_bind().dialect.name)
    result = await db.stream(stmt.execution_options(yield_per=batch))
    async for partition in result.partitions(batch):
        yield partition
