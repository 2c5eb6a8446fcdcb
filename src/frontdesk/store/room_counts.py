"""room_counts: rooms per (state, department, agent), changed with every room write, summed for totals.

A listing's `total` must be exact, and counting the matches grows with the table (PERFORMANCE.md).
Every room write goes through store.rooms, which passes the change of each room's key here; a total
for a filter on status, department and agent is then a sum over a few counter rows, whatever the
number of rooms.

The changes of a transaction are collected and written just before it commits, in one upsert with
the keys sorted. So the counter rows (few, and hot: every new chat of a department touches the same
one) are locked only for the commit, and always after the room rows and in the same order: on
PostgreSQL two writers cannot deadlock on them, and concurrent upserts add up exactly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Select, Table, event, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, SessionTransaction
from sqlalchemy.sql.elements import ColumnElement

from frontdesk.db import dialect
from frontdesk.models.rooms import NO_KEY, RoomCount

CountKey = tuple[str, str, str]  # state, department id, serving agent id ('' for none)
KEY_COLUMNS = ["state", "department_id", "served_by_id"]
_TABLE = cast(Table, RoomCount.__table__)
_PENDING = "frontdesk.room_counts.pending"


def count_key(row: Mapping[Any, Any]) -> CountKey:
    """The counter a room row belongs to (a row as store.rooms.room_columns builds it)."""
    return (row["state"], row["department_id"] or NO_KEY, row["served_by_id"] or NO_KEY)


def deltas(removed: Iterable[CountKey], added: Iterable[CountKey]) -> Counter[CountKey]:
    change: Counter[CountKey] = Counter(added)
    change.subtract(removed)
    return change


def _upsert(change: Counter[CountKey], dialect_name: str) -> Any:
    rows = [
        {"state": k[0], "department_id": k[1], "served_by_id": k[2], "n": n}
        for k, n in sorted(change.items())
        if n
    ]
    return dialect.upsert_add(_TABLE, rows, KEY_COLUMNS, "n", dialect_name) if rows else None


def _pending(session: Session) -> Counter[CountKey]:
    found: Counter[CountKey] = session.info.setdefault(_PENDING, Counter())
    return found


async def apply(db: AsyncSession, change: Counter[CountKey]) -> None:
    """Add the changes to the counters when the transaction commits."""
    if db.in_nested_transaction():
        # a savepoint may roll back alone: write now, so the database undoes it with the savepoint
        stmt = _upsert(change, db.get_bind().dialect.name)
        if stmt is not None:
            await db.execute(stmt)
        return
    _pending(db.sync_session).update(change)


async def write_pending(db: AsyncSession) -> None:
    """Write this transaction's collected changes now (before reading counters in it)."""
    change = db.sync_session.info.pop(_PENDING, None)
    stmt = _upsert(change, db.get_bind().dialect.name) if change else None
    if stmt is not None:
        await db.execute(stmt)


@event.listens_for(Session, "before_commit")
def _write_on_commit(session: Session) -> None:
    change = session.info.pop(_PENDING, None)
    stmt = _upsert(change, session.get_bind().dialect.name) if change else None
    if stmt is not None:
        session.execute(stmt)  # runs inside AsyncSession.commit's greenlet, like any flush


@event.listens_for(Session, "after_transaction_end")
def _forget_on_end(session: Session, transaction: SessionTransaction) -> None:
    # rolled back or closed without commit: the changes never happened
    if transaction.parent is None:
        session.info.pop(_PENDING, None)


def total_query(
    states: Sequence[str] | None, departments: Sequence[str] | None, agents: Sequence[str] | None
) -> Select[int] | None:
    """SUM over the counters of any of the states, departments and agents given (None: any); None
    when an empty list makes the answer 0. Neither list may hold '' (NO_KEY)."""
    where: list[ColumnElement[bool]] = []
    for column, values in (
        (RoomCount.state, states),
        (RoomCount.department_id, departments),
        (RoomCount.served_by_id, agents),
    ):
        if values is None:
            continue
        if not values:
            return None
        where.append(column == values[0] if len(values) == 1 else column.in_(values))
    return select(func.coalesce(func.sum(RoomCount.n), 0)).where(*where)


async def total(
    db: AsyncSession,
    states: Sequence[str] | None,
    departments: Sequence[str] | None,
    agents: Sequence[str] | None,
) -> int:
    """The number of rooms in the counters that total_query selects."""
    stmt = total_query(states, departments, agents)
    if stmt is None:
        return 0
    await write_pending(db)
    return int((await db.execute(stmt)).scalar_one())


async def all_counts(db: AsyncSession) -> dict[CountKey, int]:
    """Every non-zero counter (for checks and tests)."""
    await write_pending(db)
    rows = (await db.execute(select(RoomCount).where(RoomCount.n != 0))).scalars().all()
    return {(r.state, r.department_id, r.served_by_id): r.n for r in rows}
