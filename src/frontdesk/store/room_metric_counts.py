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
from dataclasses import dataclass, field, replace
from typing import Any, cast

from sqlalchemy import Table, and_, case, event, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, SessionTransaction

from frontdesk.db import dialect
from frontdesk.models.room_metrics import RoomDayLabelCount, RoomDayMetrics, RoomHourMessages, RoomHourMetrics
from frontdesk.models.rooms import DAY_MS, Room
from frontdesk.store.documents import ColumnValues
from frontdesk.store.room_metric_values import EXTREMES, HOUR_MS, SUMS, Contribution, key_matches, timing_sql

# each metric table: its time key column and how many ms one key spans
_UNITS = {
    "day": (cast(Table, RoomDayMetrics.__table__), DAY_MS),
    "hour": (cast(Table, RoomHourMetrics.__table__), HOUR_MS),
}
# ('day' or 'hour', the day or hour, department id or '', agent id or '')
RowKey = tuple[str, int, str, str]
_HOURS = cast(Table, RoomHourMessages.__table__)
_LABELS = cast(Table, RoomDayLabelCount.__table__)
_PENDING = "frontdesk.room_metric_counts.pending"


@dataclass
class MetricChange:
    """The counters' move of some room writes."""

    sums: dict[RowKey, list[int]] = field(default_factory=dict)
    # (row, extreme column) -> the best value added to it / the best value that left it
    tops: dict[tuple[RowKey, str], int] = field(default_factory=dict)
    checks: dict[tuple[RowKey, str], int] = field(default_factory=dict)
    hours: Counter[tuple[int, str]] = field(default_factory=Counter)
    labels: Counter[tuple[int, str, str, str]] = field(default_factory=Counter)

    def __bool__(self) -> bool:
        return bool(self.sums or self.checks or self.hours or self.labels)

    def _keep(self, into: dict[tuple[RowKey, str], int], at: tuple[RowKey, str], value: int) -> None:
        larger = EXTREMES[at[1]][1]
        old: int | None = into.get(at)
        if old is None or (value > old if larger else value < old):
            into[at] = value

    def add(self, c: Contribution, sign: int) -> None:
        day, department, agent = c.key
        for key in (("day", day, department, agent), ("hour", c.hour, department, agent)):
            row = self.sums.setdefault(key, [0] * len(SUMS))
            for i, value in enumerate(c.sums):
                row[i] += sign * value
            for column, extreme in zip(EXTREMES, c.extremes, strict=True):
                if extreme is not None:
                    self._keep(self.tops if sign > 0 else self.checks, (key, column), extreme)
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


def moved(before: Contribution, after: Contribution) -> MetricChange:
    """One room's change; an extreme it keeps in the same rows is neither re-added nor re-checked (a
    message moves sums, not the longest times)."""
    if (before.key, before.hour) == (after.key, after.hour):
        pairs = list(zip(before.extremes, after.extremes, strict=True))
        before = replace(before, extremes=tuple(None if b == a else b for b, a in pairs))
        after = replace(after, extremes=tuple(None if b == a else a for b, a in pairs))
    return change([before], [after])


def change(removed: Iterable[Contribution], added: Iterable[Contribution]) -> MetricChange:
    out = MetricChange()
    for c in removed:
        out.add(c, -1)
    for c in added:
        out.add(c, 1)
    return out


def _insert(dialect_name: str) -> Any:
    return sqlite_insert if dialect_name == "sqlite" else pg_insert


def _metrics_upserts(m: MetricChange, dialect_name: str) -> list[Any]:
    out = []
    for unit, (table, _) in _UNITS.items():
        rows = []
        for key in sorted(k for k in m.sums if k[0] == unit):
            values = m.sums[key]
            tops = [m.tops.get((key, column)) for column in EXTREMES]
            if any(values) or any(t is not None for t in tops):
                row: ColumnValues = dict(zip((unit, "department_id", "served_by_id"), key[1:], strict=True))
                row.update(zip(SUMS, values, strict=True))
                rows.append({**row, **dict(zip(EXTREMES, tops, strict=True))})
        if rows:
            out.append(_upsert(table, unit, rows, dialect_name))
    return out


def _upsert(table: Table, unit: str, rows: list[ColumnValues], dialect_name: str) -> Any:
    stmt = _insert(dialect_name)(table).values(rows)
    new = stmt.excluded
    set_: ColumnValues = {c: table.c[c] + new[c] for c in SUMS}
    for column, (_, larger) in EXTREMES.items():
        old = table.c[column]
        better = new[column] > old if larger else new[column] < old
        set_[column] = case((and_(new[column].is_not(None), old.is_(None) | better), new[column]), else_=old)
    return stmt.on_conflict_do_update(index_elements=[unit, "department_id", "served_by_id"], set_=set_)


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
        unit, at, department, agent = key
        table, span = _UNITS[unit]
        timing, larger = EXTREMES[column]
        best = (func.max if larger else func.min)(timings[timing])
        found = select(best).where(
            Room.ts >= at * span,
            Room.ts < (at + 1) * span,
            key_matches(Room.department_id, department),
            key_matches(Room.served_by_id, agent),
        )
        stored = table.c[column]
        stmt = update(table).where(
            table.c[unit] == at,
            table.c.department_id == department,
            table.c.served_by_id == agent,
            stored <= value if larger else stored >= value,
        )
        out.append(stmt.values({column: found.scalar_subquery()}))
    return out


def statements(m: MetricChange, dialect_name: str) -> list[Any]:
    """The change as statements: the sums' upsert, the hour and label counters', then the rechecks."""
    found = [*_metrics_upserts(m, dialect_name), *_counter_upserts(m, dialect_name)]
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
