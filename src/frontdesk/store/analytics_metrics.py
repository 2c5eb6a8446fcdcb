"""Sums over the rooms of an analytics period: messages, abandoned and untagged rooms, and the response,
reaction, duration and waiting times of each room's `metrics` (seconds, as Rocket.Chat stores them).

The whole days of the period come from the metric counters (room_day_metrics, room_hour_messages: see
store/room_metric_counts.py), the part-days at its ends from the rooms themselves, both in one
statement (one snapshot); a filter the counters cannot split reads all its rooms the same way. Times
are summed as whole microseconds on both sides (store/room_metric_values.py), so the two agree exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, case, func, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from frontdesk.models.room_metrics import RoomDayMetrics, RoomHourMessages, RoomHourMetrics
from frontdesk.models.rooms import NO_KEY, Room, RoomTag
from frontdesk.store import room_conditions, room_counts, room_query
from frontdesk.store.room_day_split import Span, split_days
from frontdesk.store.room_filter import RoomFilter
from frontdesk.store.room_metric_values import (
    EXTREMES,
    HOUR_MS,
    TIMINGS,
    abandoned_sql,
    timing_sql,
)

__all__ = ["HOUR_MS", "RoomSums", "Timing", "count_visitors", "read_messages_by_hour", "read_sums"]


@dataclass(frozen=True)
class Timing:
    """Average (over the rooms that have it), longest and shortest of one timing, in seconds (longest
    and shortest where the counters keep them: EXTREMES)."""

    avg: float = 0.0
    longest: float = 0.0
    best: float = 0.0
    rooms: int = 0


@dataclass(frozen=True)
class RoomSums:
    rooms: int
    messages: int
    abandoned: int  # closed while the visitor still waited for an answer
    untagged: int  # carrying no tag
    timings: dict[str, Timing]


def _counter_columns(t: Any) -> list[ColumnElement[Any]]:
    out: list[ColumnElement[Any]] = [func.sum(getattr(t, c)) for c in ("n", "msgs", "abandoned", "untagged")]
    for name in TIMINGS:
        out += [func.sum(getattr(t, f"{name}_sum")), func.sum(getattr(t, f"{name}_n"))]
    for column, (_, larger) in EXTREMES.items():
        out.append((func.max if larger else func.min)(getattr(t, column)))
    return out


def _room_columns(dialect_name: str) -> list[ColumnElement[Any]]:
    times = timing_sql(dialect_name)
    tagged = select(RoomTag.room_id).where(RoomTag.room_id == Room.id).exists()
    out: list[ColumnElement[Any]] = [
        func.count(),
        func.sum(Room.msgs),
        func.sum(abandoned_sql()),
        func.sum(case((tagged, 0), else_=1)),
    ]
    for name in TIMINGS:
        out += [func.sum(times[name]), func.count(times[name])]
    for timing, larger in EXTREMES.values():
        out.append((func.max if larger else func.min)(times[timing]))
    return out


async def _parts(db: AsyncSession, f: RoomFilter, by_agent: bool = False) -> list[Select[Any, Any]]:
    """The statements (day counters, hour counters, rooms) whose rows add up to the filter's sums;
    `by_agent`: grouped by serving agent (last column), rooms nobody served left out."""
    name = db.get_bind().dialect.name
    split = split_days(f, hours=True)
    counted: list[tuple[Any, Any, Span]] = []
    if split.days is not None:
        counted.append((RoomDayMetrics, RoomDayMetrics.day, split.days))
    counted += [(RoomHourMetrics, RoomHourMetrics.hour, span) for span in split.hours]
    parts: list[Select[Any, Any]] = []
    for table, key, span in counted:
        stmt = select(*_counter_columns(table)).where(*split.where(table, key, span))
        if by_agent:
            agent = table.served_by_id
            stmt = stmt.add_columns(agent).where(agent != NO_KEY).group_by(agent)
        parts.append(stmt)
    for part in split.rooms:
        where = room_conditions.conditions(await room_query.resolve(db, part), name)
        stmt = select(*_room_columns(name)).where(*where)
        if by_agent:
            stmt = stmt.add_columns(Room.served_by_id).where(Room.served_by_id.is_not(None))
            stmt = stmt.group_by(Room.served_by_id)
        parts.append(stmt)
    return parts


def _sums(rows: Sequence[Any]) -> RoomSums:
    width = 4 + 2 * len(TIMINGS)
    totals = [sum(int(r[i] or 0) for r in rows) for i in range(width)]
    extremes: list[int | None] = []
    for i, (_, larger) in enumerate(EXTREMES.values()):
        found = [int(r[width + i]) for r in rows if r[width + i] is not None]
        extremes.append((max if larger else min)(found) if found else None)
    timings = {}
    for i, name in enumerate(TIMINGS):
        total, n = totals[4 + 2 * i], totals[5 + 2 * i]
        longest = best = 0.0
        for (timing, larger), value in zip(EXTREMES.values(), extremes, strict=True):
            if timing == name and value is not None:
                longest, best = (value / 1e6, best) if larger else (longest, value / 1e6)
        timings[name] = Timing(total / n / 1e6 if n else 0.0, longest, best, n)
    return RoomSums(totals[0], totals[1], totals[2], totals[3], timings)


async def _rows(db: AsyncSession, parts: list[Select[Any, Any]]) -> list[Any]:
    await room_counts.write_pending(db)
    stmt: Any = parts[0] if len(parts) == 1 else union_all(*parts)
    async with room_query.bounded(db):
        return list((await db.execute(stmt)).all())


async def read_sums(db: AsyncSession, f: RoomFilter) -> RoomSums:
    """The filter's rooms summed."""
    return _sums(await _rows(db, await _parts(db, f)))


async def read_sums_by_agent(db: AsyncSession, f: RoomFilter) -> dict[str, RoomSums]:
    """read_sums per serving agent (rooms nobody served left out)."""
    by_agent: dict[str, list[Any]] = {}
    for row in await _rows(db, await _parts(db, f, by_agent=True)):
        by_agent.setdefault(row[-1], []).append(row)
    return {agent: _sums(rows) for agent, rows in by_agent.items()}


async def read_messages_by_hour(db: AsyncSession, f: RoomFilter) -> dict[int, int]:
    """Messages of the filter's rooms by the UTC hour each room was created (epoch ms // HOUR_MS)."""
    name = db.get_bind().dialect.name
    split = split_days(f, agents=False, hours=True)  # room_hour_messages has no agent
    t = RoomHourMessages
    spans = [(span, 24) for span in [split.days] if span is not None] + [(span, 1) for span in split.hours]
    parts: list[Select[Any, Any]] = [
        select(t.hour, func.sum(t.msgs)).where(*split.where(t, t.hour, span, per_day)).group_by(t.hour)
        for span, per_day in spans
    ]
    for part in split.rooms:
        where = room_conditions.conditions(await room_query.resolve(db, part), name)
        hour = (Room.ts // HOUR_MS).label("hour")
        parts.append(select(hour, func.sum(Room.msgs)).where(*where).group_by(hour))
    by_hour: dict[int, int] = {}
    for h, n in await _rows(db, parts):
        by_hour[int(h)] = by_hour.get(int(h), 0) + int(n or 0)
    return by_hour


async def count_visitors(db: AsyncSession, f: RoomFilter) -> int:
    """Distinct visitors of the filter's rooms (no counter adds up distinct values: read the rooms)."""
    name = db.get_bind().dialect.name
    where = room_conditions.conditions(await room_query.resolve(db, f), name)
    async with room_query.bounded(db):
        found = await db.scalar(select(func.count(Room.visitor_id.distinct())).where(*where))
    return int(found or 0)
