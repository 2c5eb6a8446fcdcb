"""The page of a roomName or one-key customFields filter alone (ByValues), newest or oldest first, read
through room_values' indexes only, by the cheapest of three plans for the values it matched
(store/room_values.py):

- merge: a few values: one (kind, vkey, ts) index range per value, each cut at offset + limit, merged;
  reads about values x (offset + limit) index entries;
- walk: the kind's (kind, ts, room_id, vkey) index in ts order, each entry's vkey tested in the index
  itself; reads about (offset + limit) x rooms of the kind / matches entries, so few when the matches are
  many (a common name), and never a room row or a second index;
- sort: every matching room from the value index, sorted; reads the matches, so for few of them.

Only the chosen page's rooms are then read. The walk's vkey test is written so that no engine can use
it to pick the value index instead (which would read and sort every match of a common value).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import Select, select, union_all

from frontdesk.db import dialect
from frontdesk.models.departments import Department
from frontdesk.models.rooms import Room, RoomValue
from frontdesk.store.room_filter import ValueMatch

MAX_MERGED = 8  # values merged range by range at most (one subquery each)
_CACHED_VALUES = 1024  # statements for at most this many values are kept (a few KB each)
# relative cost of a walked index entry (a step and an IN test) against an index entry read and sorted
_WALK_COST = 2


def plan(found: ValueMatch, offset: int, limit: int, rooms: int) -> str:
    """ "merge", "walk" or "sort": the plan reading the fewest entries (module docstring); `rooms`:
    how many rooms hold a value of the kind (the length of the walk's index range)."""
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
    build = _page if len(found.vkeys) <= _CACHED_VALUES else _page.__wrapped__
    return build(found, descending, offset, limit, how, dialect_name)


@lru_cache(maxsize=256)  # a statement is immutable, and building one cost more than running it
def _page(
    found: ValueMatch, descending: bool, offset: int, limit: int, how: str, dialect_name: str
) -> Select[str, str | None, str]:
    if how == "walk":
        ids = _walked(found, descending, offset + limit, dialect_name)
    elif how == "merge":
        ids = _newest(found, descending, offset + limit)
    else:
        ids = _all(found, dialect_name)
    order = (ids.c.ts.desc(), ids.c.room_id.desc()) if descending else (ids.c.ts, ids.c.room_id)
    chosen = select(ids.c.room_id, ids.c.ts).order_by(*order).offset(offset or None).limit(limit).subquery()
    again = (chosen.c.ts.desc(), chosen.c.room_id.desc()) if descending else (chosen.c.ts, chosen.c.room_id)
    return (
        select(Room.doc, Room.department_id, Department.name)
        .join(chosen, Room.id == chosen.c.room_id)
        .outerjoin(Department, Department.id == Room.department_id)
        .order_by(*again)
    )


def _walked(found: ValueMatch, descending: bool, wanted: int, dialect_name: str) -> Any:
    """The first `wanted` (room_id, ts) holding one of the values, walking the kind in ts order: a
    subquery. `vkey || ''` is the same string, but no index can serve it, so both engines keep to the
    (kind, ts, room_id, vkey) index, whose order is the page's."""
    order = (
        (RoomValue.ts.desc(), RoomValue.room_id.desc()) if descending else (RoomValue.ts, RoomValue.room_id)
    )
    return (
        select(RoomValue.room_id, RoomValue.ts)
        .where(
            RoomValue.kind == found.kind,
            dialect.in_values(RoomValue.vkey.concat(""), found.vkeys, dialect_name),
        )
        .order_by(*order)
        .limit(wanted)
        .subquery()
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
