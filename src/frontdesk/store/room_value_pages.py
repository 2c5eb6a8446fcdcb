"""The page of a roomName or one-key customFields filter alone (ByValues), newest or oldest first, read
through indexes only, by the cheapest of three plans for the values it matched (store/room_values.py):

- merge: a few values: one (kind, vkey, ts) index range per value, each cut at offset + limit, merged;
  reads about values x (offset + limit) index entries;
- walk: rooms in ts order from their own index, each probed for its value of the kind (one primary-key
  lookup in room_values); reads about (offset + limit) x rooms / matches rooms, so few when the matches
  are many (a common name);
- sort: every matching room from the value index, sorted; reads the matches, so for few of them.

The walk's probe is a correlated scalar subquery, which neither engine turns into a join: PostgreSQL
would otherwise rather hash every match of a common value and sort them (100 ms at a million rooms).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.db import dialect
from frontdesk.db.memo import remembered
from frontdesk.models.departments import Department
from frontdesk.models.rooms import Room, RoomValue
from frontdesk.store import room_counts
from frontdesk.store.room_filter import ValueMatch

MAX_MERGED = 8  # values merged range by range at most (one subquery each)
# relative cost of a walked room (an index step and a probe) against an index entry read and sorted
_WALK_COST = 3


async def table_size(db: AsyncSession) -> int:
    """How many rooms there are, from the counters (kept until the next commit)."""

    async def read() -> int:
        stmt = room_counts.total_query(None, None, None)
        assert stmt is not None
        return int((await db.execute(stmt)).scalar_one())

    return await remembered(db, ("room_value_pages", "rooms"), read)


def plan(found: ValueMatch, offset: int, limit: int, rooms: int) -> str:
    """ "merge", "walk" or "sort": the plan reading the fewest entries (module docstring)."""
    wanted = offset + limit
    costs = {
        "walk": wanted * _WALK_COST * rooms / max(found.rooms, 1),
        "sort": float(found.rooms),
    }
    if len(found.vkeys) <= MAX_MERGED:
        costs["merge"] = float(len(found.vkeys) * min(wanted, max(found.rooms, 1)))
    return min(costs, key=lambda name: costs[name])


def page(
    found: ValueMatch, descending: bool, offset: int, limit: int, rooms: int, dialect_name: str
) -> Select[str, str | None, str]:
    """The page's (doc, department_id, department name) rows in (ts, _id) order; `found` has values."""
    how = plan(found, offset, limit, rooms)
    if how == "walk":
        probe = (
            select(RoomValue.vkey)
            .where(RoomValue.room_id == Room.id, RoomValue.kind == found.kind)
            .scalar_subquery()
        )
        order = (Room.ts.desc(), Room.id.desc()) if descending else (Room.ts, Room.id)
        walked: Select[str, str | None, str] = (
            select(Room.doc, Room.department_id, Department.name)
            .outerjoin(Department, Department.id == Room.department_id)
            .where(dialect.in_values(probe, found.vkeys, dialect_name))
            .order_by(*order)
            .offset(offset or None)
            .limit(limit)
        )
        return walked
    ids = _newest(found, descending, offset + limit) if how == "merge" else _all(found, dialect_name)
    order = (ids.c.ts.desc(), ids.c.room_id.desc()) if descending else (ids.c.ts, ids.c.room_id)
    chosen = select(ids.c.room_id, ids.c.ts).order_by(*order).offset(offset or None).limit(limit).subquery()
    again = (chosen.c.ts.desc(), chosen.c.room_id.desc()) if descending else (chosen.c.ts, chosen.c.room_id)
    return (
        select(Room.doc, Room.department_id, Department.name)
        .join(chosen, Room.id == chosen.c.room_id)
        .outerjoin(Department, Department.id == Room.department_id)
        .order_by(*again)
    )


def _all(found: ValueMatch, dialect_name: str) -> Any:
    """Every (room_id, ts) holding one of the values, as a subquery."""
    return (
        select(RoomValue.room_id, RoomValue.ts)
        .where(RoomValue.kind == found.kind, dialect.in_values(RoomValue.vkey, found.vkeys, dialect_name))
        .subquery()
    )


def _newest(found: ValueMatch, descending: bool, wanted: int) -> Any:
    """The first `wanted` (room_id, ts) of each value in ts order (then room id), merged: a subquery."""
    order = (
        (RoomValue.ts.desc(), RoomValue.room_id.desc()) if descending else (RoomValue.ts, RoomValue.room_id)
    )
    parts = []
    for vkey in found.vkeys:
        branch = (
            select(RoomValue.room_id, RoomValue.ts)
            .where(RoomValue.kind == found.kind, RoomValue.vkey == vkey)
            .order_by(*order)
            .limit(wanted)
            .subquery()
        )
        parts.append(select(branch.c.room_id, branch.c.ts))
    return (parts[0] if len(parts) == 1 else union_all(*parts)).subquery()
