"""A listing filter split for the counters keyed by creation time, department and (some) agent
(room_day_metrics, room_hour_metrics, room_hour_messages, room_day_label_counts): the whole days of its
createdAt range from the day counters, the whole hours of the part-days at its ends from the hour
counters (when the caller has them), and what is left as room filters read one by one. A filter the
counters cannot hold (a status, a closedAt range, a tag, a name ...) is read whole from the rooms."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import false
from sqlalchemy.sql.elements import ColumnElement

from frontdesk.models.rooms import DAY_MS
from frontdesk.store import room_conditions, room_totals
from frontdesk.store.room_filter import ByDays, DateRange, RoomFilter

HOUR_MS = 3_600_000
Span = tuple[int | None, int | None]  # first and last key (day or hour), None: unbounded


@dataclass(frozen=True)
class DaySplit:
    """Counter rows of the departments and agents given (None: any): `days` (None: no day row) and each
    of `hours`; and the room filters left."""

    departments: list[str] | None = None
    agents: list[str] | None = None
    days: Span | None = None
    hours: tuple[Span, ...] = ()
    rooms: tuple[RoomFilter, ...] = ()

    def where(self, table: Any, key: Any, span: Span, per_day: int = 1) -> list[ColumnElement[bool]]:
        """The conditions of the rows whose `key` column lies in span (× per_day: a day span read from
        an hour table)."""
        out = [*_in(table.department_id, self.departments)]
        if self.agents is not None:
            out += _in(table.served_by_id, self.agents)
        if span[0] is not None:
            out.append(key >= span[0] * per_day)
        if span[1] is not None:
            out.append(key < (span[1] + 1) * per_day)
        return out


def _in(column: Any, values: Sequence[str] | None) -> list[ColumnElement[bool]]:
    if values is None:
        return []
    return [column.in_(list(values))] if values else [false()]


def _whole(start: int | None, end: int | None, unit: int) -> tuple[Span | None, list[DateRange]]:
    """The whole units inside [start, end] (None: none) and the ranges left at its ends."""
    first = None if start is None else -(-start // unit)
    last = None if end is None else (end + 1) // unit - 1
    if first is not None and last is not None and first > last:
        return None, [DateRange(start, end)]
    left = []
    if first is not None and start is not None and start < first * unit:
        left.append(DateRange(start, first * unit - 1))
    if last is not None and end is not None and end >= (last + 1) * unit:
        left.append(DateRange((last + 1) * unit, end))
    return (first, last), left


def split_days(f: RoomFilter, agents: bool = True, hours: bool = False) -> DaySplit:
    """`agents` False: the counters have no agent key, so a filter on agents is read from the rooms;
    `hours`: the part-days' whole hours from hour counters."""
    shape = room_totals.counted_shape(f)
    if shape is not None and shape[0] is None and (agents or shape[2] is None):
        return DaySplit(shape[1], shape[2], (None, None))
    ranges = [(d.name, d.counting, v) for d, v in room_conditions.active(f) if isinstance(d.counting, ByDays)]
    if len(ranges) != 1 or ranges[0][1].closed:
        return DaySplit(rooms=(f,))
    name, _, r = ranges[0]
    shape = room_totals.counted_shape(f.replace(**{name: None}))
    if shape is None or shape[0] is not None or (not agents and shape[2] is not None):
        return DaySplit(rooms=(f,))
    days, left = _whole(r.start, r.end, DAY_MS)
    if days is None and not hours:
        return DaySplit(rooms=(f,))
    spans: list[Span] = []
    rooms: list[RoomFilter] = []
    for part in left:
        found, rest = _whole(part.start, part.end, HOUR_MS) if hours else (None, [part])
        if found is not None:
            spans.append(found)
        rooms += [f.replace(**{name: piece}) for piece in rest]
    return DaySplit(shape[1], shape[2], days, tuple(spans), tuple(rooms))
