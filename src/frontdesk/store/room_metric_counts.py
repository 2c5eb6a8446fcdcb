"""room_day_metrics, room_hour_messages and room_day_label_counts, moved with every room write as
room_counts is (store/room_counts.py): store/rooms.py passes the Contribution (store/room_metric_values.py)
each room had and has; the difference is collected per transaction and written just before it commits,
rows sorted, so concurrent writers add up exactly.

A longest (or best) time cannot be un-added: when a room whose time was its row's longest leaves the row
or changes, the row's value is read again from its rooms (one day of one department and agent, through
the rooms' indexes), after the sums, on the same commit, under the row's lock.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, and_, case, event, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, SessionTransaction

from frontdesk.db import dialect
from frontdesk.models.room_metrics import RoomDayLabelCount, RoomDayMetrics, RoomHourMessages
from frontdesk.models.rooms import DAY_MS, Room
from frontdesk.store.room_metric_values import EXTREMES, SUMS, Contribution, DayKey, key_matches, timing_sql

_METRICS = cast(Table, RoomDayMetrics.__table__)
_HOURS = cast(Table, RoomHourMessages.__table__)
_LABELS = cast(Table, RoomDayLabelCount.__table__)
_PENDING = "frontdesk.room_metric_counts.pending"


@dataclass
class MetricChange:
    """The counters' move of some room writes."""

    sums: dict[DayKey, list[int]] = field(default_factory=dict)
    # (row, extreme column) -> the best value added to it / the best value that left it
    tops: dict[tuple[DayKey, str], int] = field(default_factory=dict)
    checks: dict[tuple[DayKey, str], int] = field(default_factory=dict)
    hours: Counter[tuple[int, str]] = field(default_factory=Counter)
    labels: Counter[tuple[int, str, str, str]] = field(default_factory=Counter)

    def __bool__(self) -> bool:
        return bool(self.sums or self.checks or self.hours or self.labels)

    def _keep(self, into: dict[tuple[DayKey, str], int], at: tuple[DayKey, str], value: int) -> None:
        larger = EXTREMES[at[1]][1]
        old: int | None = into.get(at)
        if old is None or (value > old if larger else value < old):
            into[at] = value

    def add(self, c: Contribution, sign: int) -> None:
        row = self.sums.setdefault(c.key, [0] * len(SUMS))
        for i, value in enumerate(c.sums):
            row[i] += sign * value
        for column, extreme in zip(EXTREMES, c.extremes, strict=True):
            if extreme is not None:
                self._keep(self.tops if sign > 0 else self.checks, (c.key, column), extreme)
        department = c.key[1]
        self.hours[c.hour, department] += sign * c.sums[1]
        for kind, label in c.labels:
            self.labels[c.key[0], department, kind, label] += sign

    def merge(self, other: MetricChange) -> None:
        for key, values in other.sums.items():
            row = self.sums.setdefault(key, [0] * len(SUMS))
            for i, value in enumerate(values):
                row[i] += value
        for at, value in other.tops.items():
            self._keep(self.tops, at, value)
        for at, value in other.checks.items():
            self._keep(self.checks, at, value)
        self.hours.update(other.hours)
        self.labels.update(other.labels)


def change(removed: Iterable[Contribution], added: Iterable[Contribution]) -> MetricChange:
    out = MetricChange()
    for c in removed:
        out.add(c, -1)
    for c in added:
        out.add(c, 1)
    return out


def _insert(dialect_name: str) -> Any:
    return sqlite_insert if dialect_name == "sqlite" else pg_insert


def _metrics_upsert(m: MetricChange, dialect_name: str) -> Any:
    rows = []
    for key in sorted(m.sums):
        values = m.sums[key]
        tops = [m.tops.get((key, column)) for column in EXTREMES]
        if any(values) or any(t is not None for t in tops):
            row = dict(zip(("day", "department_id", "served_by_id"), key, strict=True))
            row.update(zip(SUMS, values, strict=True))
            rows.append({**row, **dict(zip(EXTREMES, tops, strict=True))})
    if not rows:
        return None
    stmt = _insert(dialect_name)(_METRICS).values(rows)
    new = stmt.excluded
    set_: dict[str, Any] = {c: _METRICS.c[c] + new[c] for c in SUMS}
    for column, (_, larger) in EXTREMES.items():
        old = _METRICS.c[column]
        better = new[column] > old if larger else new[column] < old
        set_[column] = case((and_(new[column].is_not(None), old.is_(None) | better), new[column]), else_=old)
    return stmt.on_conflict_do_update(index_elements=["day", "department_id", "served_by_id"], set_=set_)


def _counter_upserts(m: MetricChange, dialect_name: str) -> list[Any]:
    out = []
    hours = [{"hour": k[0], "department_id": k[1], "msgs": n} for k, n in sorted(m.hours.items()) if n]
    if hours:
        out.append(dialect.upsert_add(_HOURS, hours, ["hour", "department_id"], "msgs", dialect_name))
    labels = [
        {"day": k[0], "department_id": k[1], "kind": k[2], "label": k[3], "n": n}
        for k, n in sorted(m.labels.items())
        if n
    ]
    if labels:
        key = ["day", "department_id", "kind", "label"]
        out.append(dialect.upsert_add(_LABELS, labels, key, "n", dialect_name))
    return out


def _rechecks(m: MetricChange, dialect_name: str) -> list[Any]:
    """For each row an extreme may have left: read the extreme again from the row's rooms, where the
    row's value is no better than the one that left."""
    timings = timing_sql(dialect_name)
    out = []
    for (key, column), value in sorted(m.checks.items()):
        day, department, agent = key
        timing, larger = EXTREMES[column]
        best = (func.max if larger else func.min)(timings[timing])
        found = select(best).where(
            Room.ts >= day * DAY_MS,
            Room.ts < (day + 1) * DAY_MS,
            key_matches(Room.department_id, department),
            key_matches(Room.served_by_id, agent),
        )
        stored = _METRICS.c[column]
        stmt = update(_METRICS).where(
            _METRICS.c.day == day,
            _METRICS.c.department_id == department,
            _METRICS.c.served_by_id == agent,
            stored <= value if larger else stored >= value,
        )
        out.append(stmt.values({column: found.scalar_subquery()}))
    return out


def statements(m: MetricChange, dialect_name: str) -> list[Any]:
    """The change as statements: the sums' upsert, the hour and label counters', then the rechecks."""
    found = [_metrics_upsert(m, dialect_name), *_counter_upserts(m, dialect_name)]
    found += _rechecks(m, dialect_name)
    return [stmt for stmt in found if stmt is not None]


def _pop(session: Session) -> list[Any]:
    m = session.info.pop(_PENDING, None)
    return statements(m, session.get_bind().dialect.name) if m else []


async def apply(db: AsyncSession, m: MetricChange) -> None:
    """Add the change to the counters when the transaction commits (now, inside a savepoint)."""
    if not m:
        return
    if db.in_nested_transaction():
        for stmt in statements(m, db.get_bind().dialect.name):
            await db.execute(stmt)
        return
    pending = db.sync_session.info.get(_PENDING)
    if pending is None:
        db.sync_session.info[_PENDING] = m
    else:
        pending.merge(m)


async def write_pending(db: AsyncSession) -> None:
    """Write this transaction's collected changes now (before reading the counters in it)."""
    for stmt in _pop(db.sync_session):
        await db.execute(stmt)


@event.listens_for(Session, "before_commit")
def _write_on_commit(session: Session) -> None:
    for stmt in _pop(session):
        session.execute(stmt)


@event.listens_for(Session, "after_transaction_end")
def _forget_on_end(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(_PENDING, None)
