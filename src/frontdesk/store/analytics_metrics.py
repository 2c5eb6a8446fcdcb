"""Sums over the rooms of an analytics period that no counter holds: messages, and the response,
reaction, duration and waiting times of each room's `metrics` (seconds, as Rocket.Chat stores them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Float, and_, case, cast, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from frontdesk.db import dialect
from frontdesk.models.rooms import STATE_CLOSED, STATE_CLOSED_ON_HOLD, Room
from frontdesk.store import room_conditions, room_counts, room_query
from frontdesk.store.room_filter import RoomFilter

HOUR_MS = 3_600_000
# the timings each room contributes, by name: the `metrics` path (None: a column of rooms)
TIMINGS = {
    "response_avg": ["metrics", "response", "avg"],
    "response_ft": ["metrics", "response", "ft"],
    "reaction_ft": ["metrics", "reaction", "ft"],
}


@dataclass(frozen=True)
class Timing:
    """Average (over the rooms that have it), longest and shortest of one timing, in seconds."""

    avg: float = 0.0
    longest: float = 0.0
    best: float = 0.0
    rooms: int = 0


def _timing_columns(dialect_name: str) -> dict[str, ColumnElement[Any]]:
    columns: dict[str, ColumnElement[Any]] = {
        name: cast(dialect.json_text(Room.doc, path, dialect_name), Float) for name, path in TIMINGS.items()
    }
    columns["chat_duration"] = Room.chat_duration.expression
    columns["service_time"] = Room.service_time_duration.expression
    # Rocket.Chat's waiting time: the first response time of the rooms whose visitor is not waiting
    columns["waiting"] = case(
        (func.coalesce(Room.waiting_response, False).is_(False), columns["response_ft"]), else_=None
    )
    return columns


def _aggregates(dialect_name: str) -> list[ColumnElement[Any]]:
    out: list[ColumnElement[Any]] = []
    for column in _timing_columns(dialect_name).values():
        out += [func.avg(column), func.max(column), func.min(column), func.count(column)]
    return out


def _timings(row: Any, offset: int) -> dict[str, Timing]:
    out = {}
    for i, name in enumerate([*TIMINGS, "chat_duration", "service_time", "waiting"]):
        avg, longest, best, n = row[offset + 4 * i : offset + 4 * i + 4]
        out[name] = Timing(float(avg or 0), float(longest or 0), float(best or 0), int(n or 0))
    return out


@dataclass(frozen=True)
class RoomSums:
    rooms: int
    messages: int
    abandoned: int  # closed while the visitor still waited for an answer
    visitors: int  # distinct visitors of these rooms
    timings: dict[str, Timing]


def _abandoned() -> ColumnElement[Any]:
    closed = Room.state.in_((STATE_CLOSED, STATE_CLOSED_ON_HOLD))
    return func.sum(case((and_(closed, Room.waiting_response.is_(True)), 1), else_=0))


def _counts() -> list[ColumnElement[Any]]:
    return [
        func.count(),
        func.coalesce(func.sum(Room.msgs), 0),
        _abandoned(),
        func.count(Room.visitor_id.distinct()),
    ]


async def read_sums(db: AsyncSession, f: RoomFilter) -> RoomSums:
    """The period's rooms summed (one scan of its rooms by the listing's own conditions)."""
    await room_counts.write_pending(db)
    name = db.get_bind().dialect.name
    where = room_conditions.conditions(await room_query.resolve(db, f), name)
    stmt = select(*_counts(), *_aggregates(name))
    async with room_query.bounded(db):
        row = (await db.execute(stmt.where(*where))).one()
    return RoomSums(int(row[0]), int(row[1]), int(row[2] or 0), int(row[3]), _timings(row, 4))


async def read_sums_by_agent(db: AsyncSession, f: RoomFilter) -> dict[str, RoomSums]:
    """read_sums per serving agent (rooms nobody served left out)."""
    await room_counts.write_pending(db)
    name = db.get_bind().dialect.name
    where = room_conditions.conditions(await room_query.resolve(db, f), name)
    stmt = select(Room.served_by_id, *_counts(), *_aggregates(name))
    stmt = stmt.where(*where, Room.served_by_id.is_not(None)).group_by(Room.served_by_id)
    async with room_query.bounded(db):
        rows = (await db.execute(stmt)).all()
    return {r[0]: RoomSums(int(r[1]), int(r[2]), int(r[3] or 0), int(r[4]), _timings(r, 5)) for r in rows}


async def read_messages_by_hour(db: AsyncSession, f: RoomFilter) -> dict[int, int]:
    """Messages of the period's rooms by the UTC hour each room was created (epoch ms // HOUR_MS)."""
    name = db.get_bind().dialect.name
    where = room_conditions.conditions(await room_query.resolve(db, f), name)
    hour = (Room.ts // HOUR_MS).label("hour")
    stmt = select(hour, func.sum(Room.msgs)).where(*where).group_by(hour)
    async with room_query.bounded(db):
        rows = (await db.execute(stmt)).all()
    return {int(h): int(n or 0) for h, n in rows}
