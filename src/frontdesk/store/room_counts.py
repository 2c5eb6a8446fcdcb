"""room_counts: rooms per (state, department, agent), changed with every room write, summed for totals.

A listing's `total` must be exact, and counting the matches grows with the table (PERFORMANCE.md).
Every room write goes through store.rooms, which passes the change of each room's key here in the
same transaction; a total for a filter on status, department and agent is then a sum over a few
counter rows, whatever the number of rooms.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from frontdesk.db import dialect
from frontdesk.models.rooms import NO_KEY, RoomCount

CountKey = tuple[str, str, str]  # state, department id, serving agent id ('' for none)
KEY_COLUMNS = ["state", "department_id", "served_by_id"]
_TABLE = cast(Table, RoomCount.__table__)


def count_key(row: Mapping[Any, Any]) -> CountKey:
    """The counter a room row belongs to (a row as store.rooms.room_columns builds it)."""
    return (row["state"], row["department_id"] or NO_KEY, row["served_by_id"] or NO_KEY)


def deltas(removed: Iterable[CountKey], added: Iterable[CountKey]) -> Counter[CountKey]:
    change: Counter[CountKey] = Counter(added)
    change.subtract(removed)
    return change


async def apply(db: AsyncSession, change: Counter[CountKey]) -> None:
    """Add the changes to the counters in one upsert.

    Keys are written in sorted order, so two transactions touching the same counters lock them in
    the same order and cannot deadlock on them.
    """
    rows = [
        {"state": k[0], "department_id": k[1], "served_by_id": k[2], "n": n}
        for k, n in sorted(change.items())
        if n
    ]
    if not rows:
        return
    stmt = dialect.upsert_add(_TABLE, rows, KEY_COLUMNS, "n", db.get_bind().dialect.name)
    await db.execute(stmt)


async def total(
    db: AsyncSession,
    states: Sequence[str] | None,
    departments: Sequence[str] | None,
    agents: Sequence[str] | None,
) -> int:
    """Rooms in any of the states, departments and agents given (None: any); neither list holds ''."""
    where: list[ColumnElement[bool]] = []
    for column, values in (
        (RoomCount.state, states),
        (RoomCount.department_id, departments),
        (RoomCount.served_by_id, agents),
    ):
        if values is None:
            continue
        if not values:
            return 0
        where.append(column == values[0] if len(values) == 1 else column.in_(values))
    stmt = select(func.coalesce(func.sum(RoomCount.n), 0)).where(*where)
    return int((await db.execute(stmt)).scalar_one())


async def all_counts(db: AsyncSession) -> dict[CountKey, int]:
    """Every non-zero counter (for checks and tests)."""
    rows = (await db.execute(select(RoomCount).where(RoomCount.n != 0))).scalars().all()
    return {(r.state, r.department_id, r.served_by_id): r.n for r in rows}
