"""A listing filter split for the day counters (room_day_metrics, room_hour_messages, room_day_label_counts,
keyed by creation day, department and, for some, agent): the whole days of its createdAt range from the
counters, the part-days at the range's ends as room filters to read one by one. A filter the counters
cannot hold (a status, a closedAt range, a tag, a name ...) is read whole from the rooms."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import false
from sqlalchemy.sql.elements import ColumnElement

from frontdesk.models.rooms import DAY_MS
from frontdesk.store import room_conditions, room_totals
from frontdesk.store.room_filter import ByDays, DateRange, RoomFilter


@dataclass(frozen=True)
class DaySplit:
    """A filter as counter rows (whole days first_day..last_day, None: unbounded, of the departments
    and agents given, None: any) and room filters read one by one."""

    counted: bool
    departments: list[str] | None = None
    agents: list[str] | None = None
    first_day: int | None = None
    last_day: int | None = None
    rooms: tuple[RoomFilter, ...] = ()

    def where(self, table: Any, day: Any, per_day: int = 1) -> list[ColumnElement[bool]]:
        """The counter rows' conditions in a table keyed by `day` (per_day keys a day: 24 for hours)."""
        out = [*_in(table.department_id, self.departments)]
        if self.agents is not None:
            out += _in(table.served_by_id, self.agents)
        if self.first_day is not None:
            out.append(day >= self.first_day * per_day)
        if self.last_day is not None:
            out.append(day < (self.last_day + 1) * per_day)
        return out


def _in(column: Any, values: Sequence[str] | None) -> list[ColumnElement[bool]]:
    if values is None:
        return []
    return [column.in_(list(values))] if values else [false()]


def split_days(f: RoomFilter, agents: bool = True) -> DaySplit:
    """Whole days of a createdAt range (and the department and agent filters) from the counters, the
    part-days from the rooms; a filter with no other condition the counters hold, from the counters.
    `agents` False: the counters have no agent key, so a filter on agents is read from the rooms."""
    found = _split(f)
    if found.counted and found.agents is not None and not agents:
        return DaySplit(False, rooms=(f,))
    return found


def _split(f: RoomFilter) -> DaySplit:
    shape = room_totals.counted_shape(f)
    if shape is not None and shape[0] is None:
        return DaySplit(True, shape[1], shape[2])
    by_day = room_totals.day_counted_shape(f)
    if by_day is None or by_day[0][0] is not None or by_day[1]:
        return DaySplit(False, rooms=(f,))
    (_, departments, agents), _, (first, last) = by_day
    name, r = next((d.name, v) for d, v in room_conditions.active(f) if isinstance(d.counting, ByDays))
    rooms = []
    if first is not None and r.start is not None and r.start < first * DAY_MS:
        rooms.append(f.replace(**{name: DateRange(r.start, first * DAY_MS - 1)}))
    if last is not None and r.end is not None and r.end >= (last + 1) * DAY_MS:
        rooms.append(f.replace(**{name: DateRange((last + 1) * DAY_MS, r.end)}))
    return DaySplit(True, departments, agents, first, last, tuple(rooms))
