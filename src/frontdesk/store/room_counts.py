"""room_counts: rooms per (state, department, agent), and room_tag_counts: rooms per tag, changed with
every room write, summed for totals.

A listing's `total` must be exact, and counting the matches grows with the table (docs/performance-notes.md).
Every room write goes through store.rooms, which passes the change of each room's key here; a total
for a filter on status, department and agent is then a sum over a few counter rows, whatever the
number of rooms.

The changes of a transaction are collected and written just before it commits, in one upsert with
the keys sorted. So the counter rows (few, and hot: every new chat of a department touches the same
one) are locked only for the commit, and always after the room rows and in the same order: on
PostgreSQL two writers cannot deadlock on them, and concurrent upserts add up exactly.

room_day_counts holds the same counters split by the UTC day of each room's creation, for totals of
createdAt ranges: whole days are summed from it, and only the rooms of the part-days at the range's
ends are counted (day_total_query). room_closed_day_counts does the same by closing day, for closedAt.
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
from frontdesk.models.rooms import (
    DAY_MS,
    NO_KEY,
    RoomClosedDayCount,
    RoomCount,
    RoomDayCount,
    RoomTagCount,
)
from frontdesk.store import room_metric_counts
from frontdesk.store.documents import ColumnValues

# state, department id, serving agent id ('' for none), creation day (ts // DAY_MS), closing day
# (closed_at // DAY_MS; None while open)
CountKey = tuple[str, str, str, int, int | None]
KEY_COLUMNS = ["state", "department_id", "served_by_id"]
DAY_KEY_COLUMNS = ["day", *KEY_COLUMNS]
_TABLE = cast(Table, RoomCount.__table__)
_DAY_TABLE = cast(Table, RoomDayCount.__table__)
_CLOSED_DAY_TABLE = cast(Table, RoomClosedDayCount.__table__)
_TAG_TABLE = cast(Table, RoomTagCount.__table__)
_PENDING = "frontdesk.room_counts.pending"
_PENDING_TAGS = "frontdesk.room_counts.pending_tags"


def count_key(row: Mapping[Any, Any]) -> CountKey:
    """The counters a room row belongs to (a row as store.rooms.room_columns builds it)."""
    return (
        row["state"],
        row["department_id"] or NO_KEY,
        row["served_by_id"] or NO_KEY,
        row["ts"] // DAY_MS,
        None if row["closed_at"] is None else row["closed_at"] // DAY_MS,
    )


def deltas(removed: Iterable[CountKey], added: Iterable[CountKey]) -> Counter[CountKey]:
    change: Counter[CountKey] = Counter(added)
    change.subtract(removed)
    return change


def _day_rows(change: Mapping[tuple[int, str, str, str], int]) -> list[ColumnValues]:
    return [
        {"day": k[0], "state": k[1], "department_id": k[2], "served_by_id": k[3], "n": n}
        for k, n in sorted(change.items())
        if n
    ]


def _upserts(change: Counter[CountKey], dialect_name: str) -> list[Any]:
    """The room counters' upsert, then the creation-day and the closing-day counters' (rows sorted:
    one lock order for every writer)."""
    by_key: Counter[tuple[str, str, str]] = Counter()
    by_day: Counter[tuple[int, str, str, str]] = Counter()
    by_closed_day: Counter[tuple[int, str, str, str]] = Counter()
    for (state, department, agent, day, closed_day), n in change.items():
        by_key[state, department, agent] += n
        by_day[day, state, department, agent] += n
        if closed_day is not None:
            by_closed_day[closed_day, state, department, agent] += n
    rows = [
        {"state": k[0], "department_id": k[1], "served_by_id": k[2], "n": n}
        for k, n in sorted(by_key.items())
        if n
    ]
    out = []
    for table, key, found in (
        (_TABLE, KEY_COLUMNS, rows),
        (_DAY_TABLE, DAY_KEY_COLUMNS, _day_rows(by_day)),
        (_CLOSED_DAY_TABLE, DAY_KEY_COLUMNS, _day_rows(by_closed_day)),
    ):
        if found:
            out.append(dialect.upsert_add(table, found, key, "n", dialect_name))
    return out


def _upsert_tags(change: Counter[str], dialect_name: str) -> Any:
    rows = [{"tag": tag, "n": n} for tag, n in sorted(change.items()) if n]
    return dialect.upsert_add(_TAG_TABLE, rows, ["tag"], "n", dialect_name) if rows else None


def _statements(session: Session) -> list[Any]:
    """This transaction's collected changes as upserts (room counters, day counters, then tag
    counters: one order for every writer), forgetting them."""
    name = session.get_bind().dialect.name
    change = session.info.pop(_PENDING, None)
    tags = session.info.pop(_PENDING_TAGS, None)
    found = [*(_upserts(change, name) if change else []), _upsert_tags(tags, name) if tags else None]
    return [stmt for stmt in found if stmt is not None]


async def apply(db: AsyncSession, change: Counter[CountKey], tags: Counter[str] | None = None) -> None:
    """Add the changes to the room counters (and the tag counters) when the transaction commits."""
    if db.in_nested_transaction():
        # a savepoint may roll back alone: write now, so the database undoes it with the savepoint
        name = db.get_bind().dialect.name
        for stmt in [*_upserts(change, name), _upsert_tags(tags, name) if tags else None]:
            if stmt is not None:
                await db.execute(stmt)
        return
    info = db.sync_session.info
    info.setdefault(_PENDING, Counter()).update(change)
    if tags:
        info.setdefault(_PENDING_TAGS, Counter()).update(tags)


async def write_pending(db: AsyncSession) -> None:
    """Write this transaction's collected changes now (before reading counters in it), the metric
    counters' too."""
    for stmt in _statements(db.sync_session):
        await db.execute(stmt)
    await room_metric_counts.write_pending(db)


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


def _key_where(
    table: Any, states: Sequence[str] | None, departments: Sequence[str] | None, agents: Sequence[str] | None
) -> list[ColumnElement[bool]] | None:
    """The counter rows of any of the states, departments and agents given (None: any); None when an
    empty list makes the answer 0."""
    where: list[ColumnElement[bool]] = []
    for column, values in (
        (table.state, states),
        (table.department_id, departments),
        (table.served_by_id, agents),
    ):
        if values is None:
            continue
        if not values:
            return None
        where.append(column == values[0] if len(values) == 1 else column.in_(values))
    return where


def total_query(
    states: Sequence[str] | None, departments: Sequence[str] | None, agents: Sequence[str] | None
) -> Select[int] | None:
    """SUM over the counters of any of the states, departments and agents given (None: any); None
    when an empty list makes the answer 0. Neither list may hold '' (NO_KEY)."""
    where = _key_where(RoomCount, states, departments, agents)
    if where is None:
        return None
    return select(func.coalesce(func.sum(RoomCount.n), 0)).where(*where)


def day_total_query(
    closed: bool,
    states: Sequence[str] | None,
    departments: Sequence[str] | None,
    agents: Sequence[str] | None,
    first_day: int | None,
    last_day: int | None,
) -> Select[int] | None:
    """As total_query, for the rooms created (closed, if `closed`) on days first_day..last_day (None:
    unbounded)."""
    table: Any = RoomClosedDayCount if closed else RoomDayCount
    where = _key_where(table, states, departments, agents)
    if where is None:
        return None
    if first_day is not None:
        where.append(table.day >= first_day)
    if last_day is not None:
        where.append(table.day <= last_day)
    return select(func.coalesce(func.sum(table.n), 0)).where(*where)


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


async def all_counts(db: AsyncSession) -> dict[tuple[str, str, str], int]:
    """Every non-zero counter (for checks and tests)."""
    await write_pending(db)
    rows = (await db.execute(select(RoomCount).where(RoomCount.n != 0))).scalars().all()
    return {(r.state, r.department_id, r.served_by_id): r.n for r in rows}


async def all_day_counts(db: AsyncSession, closed: bool = False) -> dict[tuple[str, str, str, int], int]:
    """Every non-zero creation-day (closing-day, if `closed`) counter as (state, department, agent,
    day) (for checks and tests)."""
    await write_pending(db)
    table: Any = RoomClosedDayCount if closed else RoomDayCount
    rows = (await db.execute(select(table).where(table.n != 0))).scalars().all()
    return {(r.state, r.department_id, r.served_by_id, r.day): r.n for r in rows}


def grouped_query(
    key: str,
    states: Sequence[str] | None,
    departments: Sequence[str] | None,
    agents: Sequence[str] | None,
    days: tuple[bool, int | None, int | None] | None = None,
) -> Select[Any, Any] | None:
    """As total_query (day_total_query when `days` = (closed, first_day, last_day)), summed per value of
    one key column (state, department_id or served_by_id) as rows (key, n); the '' stand-in is left out.
    None when an empty list makes every sum 0."""
    table: Any = RoomCount if days is None else (RoomClosedDayCount if days[0] else RoomDayCount)
    where = _key_where(table, states, departments, agents)
    if where is None:
        return None
    if days is not None:
        if days[1] is not None:
            where.append(table.day >= days[1])
        if days[2] is not None:
            where.append(table.day <= days[2])
    column = getattr(table, key)
    stmt = select(column.label("key"), func.sum(table.n).label("n")).where(*where, column != NO_KEY)
    return stmt.group_by(column)
