"""room_counts: rooms per (state, department, agent), and room_tag_counts: rooms per tag, changed with
every room write, summed for totals.

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
from frontdesk.models.rooms import NO_KEY, RoomCount, RoomTagCount

CountKey = tuple[str, str, str]  # state, department id, serving agent id ('' for none)
KEY_COLUMNS = ["state", "department_id", "served_by_id"]
_TABLE = cast(Table, RoomCount.__table__)
_TAG_TABLE = cast(Table, RoomTagCount.__table__)
_PENDING = "frontdesk.room_counts.pending"
_PENDING_TAGS = "frontdesk.room_counts.pending_tags"


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


def _upsert_tags(change: Counter[str], dialect_name: str) -> Any:
    rows = [{"tag": tag, "n": n} for tag, n in sorted(change.items()) if n]
    return dialect.upsert_add(_TAG_TABLE, rows, ["tag"], "n", dialect_name) if rows else None


def _statements(session: Session) -> list[Any]:
    """This transaction's collected changes as upserts (room counters, then tag counters: one order
    for every writer), forgetting them."""
    name = session.get_bind().dialect.name
    change = session.info.pop(_PENDING, None)
    tags = session.info.pop(_PENDING_TAGS, None)
    found = [_upsert(change, name) if change else None, _upsert_tags(tags, name) if tags else None]
    return [stmt for stmt in found if stmt is not None]


async def apply(db: AsyncSession, change: Counter[CountKey], tags: Counter[str] | None = None) -> None:
    """Add the changes to the room counters (and the tag counters) when the transaction commits."""
    if db.in_nested_transaction():
        # a savepoint may roll back alone: write now, so the database undoes it with the savepoint
        name = db.get_bind().dialect.name
        for stmt in (_upsert(change, name), _upsert_tags(tags, name) if tags else None):
            if stmt is not None:
                await db.execute(stmt)
        return
    info = db.sync_session.info
    info.setdefault(_PENDING, Counter()).update(change)
    if tags:
        info.setdefault(_PENDING_TAGS, Counter()).update(tags)


async def write_pending(db: AsyncSession) -> None:
    """Write this transaction's collected changes now (before reading counters in it)."""
    for stmt in _statements(db.sync_session):
        await db.execute(stmt)


@event.listens_for(Session, "before_commit")
def _write_on_commit(session: Session) -> None:
    for stmt in _statements(session):
        session.execute(stmt)  # runs inside AsyncSession.commit's greenlet, like any flush


@event.listens_for(Session, "after_transaction_end")
def _forget_on_end(session: Session, transaction: SessionTransaction) -> None:
    # rolled back or closed without commit: the changes never happened
    if transaction.parent is None:
        session.info.pop(_PENDING, None)
        session.info.pop(_PENDING_TAGS, None)


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


def tag_total_query(tag: str) -> Select[int]:
    return select(func.coalesce(func.sum(RoomTagCount.n), 0)).where(RoomTagCount.tag == tag)


async def all_tag_counts(db: AsyncSession) -> dict[str, int]:
    """Every non-zero tag counter (for checks and tests)."""
    await write_pending(db)
    rows = (await db.execute(select(RoomTagCount.tag, RoomTagCount.n).where(RoomTagCount.n != 0))).all()
    return {r[0]: int(r[1]) for r in rows}


async def all_counts(db: AsyncSession) -> dict[CountKey, int]:
    """Every non-zero counter (for checks and tests)."""
    await write_pending(db)
    rows = (await db.execute(select(RoomCount).where(RoomCount.n != 0))).scalars().all()
    return {(r.state, r.department_id, r.served_by_id): r.n for r in rows}
