"""Exact facet counts of a livechat/rooms listing (`facets=status,department,agent,tag,source`).

A facet value counts what the listing would total with that facet's own filter set to the value (the
facet's own filter is left out of its base, so a manager filtering on one department still sees how
many rooms every other department holds). Each facet is one `(key, n)` GROUP BY, read as one JSON
column of the statement that reads the page and its total: both engines evaluate one statement on one
snapshot, so page, total and facets always agree. Where the base filter allows it (the counting
allow-list of store/room_filter.py) the GROUP BY runs over the counter tables, not over the rooms.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import orjson
from sqlalchemy import Select, case, func, literal, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from frontdesk.db import dialect
from frontdesk.models.room_metrics import RoomDayLabelCount
from frontdesk.models.rooms import DAY_MS, Room, RoomTag, RoomTagCount
from frontdesk.store import room_conditions, room_counts, room_filters, room_query, room_totals
from frontdesk.store.room_day_split import split_days
from frontdesk.store.room_filter import ByDays, DateRange, RoomFilter
from frontdesk.store.room_filters import Status, status_states

FACETS = ("status", "department", "agent", "tag", "source")
# the listing filter each facet's values stand for (source has none: its values are counted as they are)
OWN_FILTER = {
    "status": room_filters.STATUS.name,
    "department": room_filters.DEPARTMENTS.name,
    "agent": room_filters.AGENTS.name,
    "tag": room_filters.TAGS.name,
}
# the room_counts column of the facets the counters can group by
_COUNTER_KEY = {"status": "state", "department": "department_id", "agent": "served_by_id"}
# each status value: the listing's status filter it stands for (open=true, open=false, queued, onhold)
STATUS_VALUES = {
    "open": Status(open=True),
    "closed": Status(open=False),
    "queued": Status(queued=True),
    "onhold": Status(onhold=True),
}
Facets = dict[str, dict[str, int]]


def base_filter(f: RoomFilter, facet: str) -> RoomFilter:
    """The listing's filter without the facet's own filter."""
    own = OWN_FILTER.get(facet)
    return f if own is None else f.replace(**{own: None})


def _room_key(facet: str) -> ColumnElement[Any]:
    if facet == "source":  # an app by its id, any other source by its type
        return case((Room.source_type == "app", func.coalesce(Room.source_id, "app")), else_=Room.source_type)
    column: ColumnElement[Any] = getattr(Room, _COUNTER_KEY[facet])
    return column


def _room_groups(base: RoomFilter, facet: str, dialect_name: str) -> Select[Any, Any]:
    key = _room_key(facet)
    where = room_conditions.conditions(base, dialect_name)
    return select(key.label("key"), func.count().label("n")).where(*where, key.is_not(None)).group_by(key)


def _tag_groups(base: RoomFilter, dialect_name: str) -> Select[Any, Any]:
    if not base:  # every room: the tag counters
        return select(RoomTagCount.tag.label("key"), RoomTagCount.n.label("n")).where(RoomTagCount.n != 0)
    stmt = select(RoomTag.tag.label("key"), func.count().label("n")).select_from(RoomTag)
    stmt = stmt.join(Room, Room.id == RoomTag.room_id)
    return stmt.where(*room_conditions.conditions(base, dialect_name)).group_by(RoomTag.tag)


def _date_range(f: RoomFilter) -> tuple[str, ByDays, DateRange]:
    found = [
        (d.name, d.counting, f.get(d.name))
        for d in room_filters.FILTERS
        if isinstance(d.counting, ByDays) and f.get(d.name) is not None
    ]
    assert len(found) == 1, "day_counted_shape admits one date range"
    return found[0]


def _day_groups(base: RoomFilter, facet: str, dialect_name: str) -> Select[Any, Any] | None:
    """The whole days of the base's date range from the day counters, its part-days from the rooms."""
    by_day = room_totals.day_counted_shape(base)
    if by_day is None:
        return None
    (states, departments, agents), closed, (first, last) = by_day
    whole = room_counts.grouped_query(_COUNTER_KEY[facet], states, departments, agents, (closed, first, last))
    if whole is None:
        return None
    name, _, r = _date_range(base)
    parts: list[Select[Any, Any]] = [whole]
    if first is not None and r.start is not None and r.start < first * DAY_MS:
        head = base.replace(**{name: DateRange(r.start, first * DAY_MS - 1)})
        parts.append(_room_groups(head, facet, dialect_name))
    if last is not None and r.end is not None and r.end >= (last + 1) * DAY_MS:
        tail = base.replace(**{name: DateRange((last + 1) * DAY_MS, r.end)})
        parts.append(_room_groups(tail, facet, dialect_name))
    if len(parts) == 1:
        return whole
    both = union_all(*parts).subquery()
    return select(both.c.key, func.sum(both.c.n).label("n")).group_by(both.c.key)


def grouped_query(base: RoomFilter, facet: str, dialect_name: str) -> Select[Any, Any] | None:
    """Rows (key, n): how many of the base filter's rooms have each value of the facet, as cheaply as the
    base allows; None when every count is 0 for sure."""
    key = _COUNTER_KEY.get(facet)
    if key is not None:
        shape = room_totals.counted_shape(base)
        if shape is not None:
            return room_counts.grouped_query(key, *shape)
        if room_totals.day_counted_shape(base) is not None:
            return _day_groups(base, facet, dialect_name)
    if facet == "tag" and not base:  # every room: the tag counters
        return _tag_groups(base, dialect_name)
    labels = _label_groups(base, facet, dialect_name) if facet in ("tag", "source") else None
    if labels is not None:
        return labels
    if facet == "tag":
        return _tag_groups(base, dialect_name)
    return _room_groups(base, facet, dialect_name)


def _label_groups(base: RoomFilter, facet: str, dialect_name: str) -> Select[Any, Any] | None:
    """Tags or sources from room_day_label_counts (whole days, by department) and the rooms of the
    part-days, when the base is no more than a createdAt range and departments; else None."""
    split = split_days(base, agents=False)
    if split.days is None:
        return None
    t = RoomDayLabelCount
    where = [t.kind == facet, *split.where(t, t.day, split.days)]
    whole = select(t.label.label("key"), func.sum(t.n).label("n")).where(*where).group_by(t.label)
    parts: list[Select[Any, Any]] = [whole]
    for part in split.rooms:
        rooms = _tag_groups(part, dialect_name) if facet == "tag" else _room_groups(part, facet, dialect_name)
        parts.append(rooms)
    if len(parts) == 1:
        return whole
    both = union_all(*parts).subquery()
    return select(both.c.key, func.sum(both.c.n).label("n")).group_by(both.c.key)


def facet_column(base: RoomFilter, facet: str, dialect_name: str) -> ColumnElement[Any]:
    """grouped_query folded into one JSON object (text), as a scalar subquery."""
    stmt = grouped_query(base, facet, dialect_name)
    if stmt is None:
        return literal("{}")
    rows = stmt.subquery()
    return select(dialect.json_object_agg(rows.c.key, rows.c.n, dialect_name)).scalar_subquery()


def _status_counts(by_state: Mapping[str, int]) -> dict[str, int]:
    """Rooms per state, summed into what each status filter of the listing admits."""
    out = {}
    for name, status in STATUS_VALUES.items():
        states, _ = status_states(status)
        out[name] = sum(by_state.get(state, 0) for state in states or ())
    return out


def decode(facets: Sequence[str], values: Sequence[Any]) -> Facets:
    """The facet columns' JSON texts as `{facet: {value: n}}` (zero counts left out, but for status)."""
    out: Facets = {}
    for facet, text in zip(facets, values, strict=True):
        counts = {str(k): int(n) for k, n in orjson.loads(text or "{}").items() if n}
        out[facet] = _status_counts(counts) if facet == "status" else counts
    return out


async def read_page(
    db: AsyncSession,
    f: RoomFilter,
    sort: list[tuple[str, int]],
    offset: int,
    limit: int,
    bases: Mapping[str, RoomFilter],
) -> tuple[list[tuple[str, str | None, str | None]], int, Facets]:
    """room_query.read_page with the facets (each over its base filter) in the same statement; `f` and
    `bases` resolved (room_query.resolve)."""
    await room_counts.write_pending(db)
    name = db.get_bind().dialect.name
    columns = [facet_column(base, facet, name) for facet, base in bases.items()]
    stmt = room_query.page_query(f, sort, offset, limit, name)
    async with room_query.bounded(db):
        rows = (await db.execute(stmt.add_columns(room_totals.total_column(f, name), *columns))).all()
    if rows:
        return [(r[0], r[1], r[2]) for r in rows], int(rows[0][3]), decode(list(bases), rows[0][4:])
    total, facets = await read_totals(db, f, bases)
    return [], total, facets


async def read_totals(db: AsyncSession, f: RoomFilter, bases: Mapping[str, RoomFilter]) -> tuple[int, Facets]:
    """The filter's total and facets, in one statement; `f` and `bases` resolved (room_query.resolve)."""
    await room_counts.write_pending(db)
    name = db.get_bind().dialect.name
    columns = [facet_column(base, facet, name) for facet, base in bases.items()]
    async with room_query.bounded(db):
        row = (await db.execute(select(room_totals.total_column(f, name), *columns))).one()
    return int(row[0]), decode(list(bases), row[1:])
