"""The exact total of a livechat/rooms listing, as cheap as its filters' counting rules allow
(store/room_filter.py): a sum over counter rows, day counters plus part-days, a tag's counter, the rooms
holding matched values, or else a COUNT over the matches."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, literal, select
from sqlalchemy.sql.elements import ColumnElement

from frontdesk.models.rooms import DAY_MS, Room, RoomTag
from frontdesk.store import room_counts
from frontdesk.store.room_conditions import active, conditions, lone_values, one_tag
from frontdesk.store.room_filter import ByCounters, ByDays, CounterPart, DateRange, RoomFilter


def count_query(f: RoomFilter, dialect_name: str) -> Select[int]:
    found = one_tag(f)
    if found is None:
        return select(func.count()).select_from(Room).where(*conditions(f, dialect_name))
    name, tag = found
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
    for definition, value in active(f):
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
    ranges = [(d.name, d.counting, v) for d, v in active(f) if isinstance(d.counting, ByDays)]
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
    - roomName or one flat customFields key alone (ByValues): the rooms holding a matched value;
    - anything else: COUNT over the matches (count_query).
    """
    values = lone_values(f)
    if values is not None:  # ByValues alone: the rooms holding a matched value, from room_value_counts
        return select(literal(values.rooms))
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
