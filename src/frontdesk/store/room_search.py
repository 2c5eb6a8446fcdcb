"""The two searching filters of GET livechat/rooms, roomName (a substring) and customFields (RE2 patterns):
their values, how they are resolved over the distinct values of room_values before the query is built,
their SQL conditions and reference predicates. Their FilterDef entries are in store/room_filters.py.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, replace

import orjson
from sqlalchemy import false, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from frontdesk.db import dialect
from frontdesk.documents import RoomDoc
from frontdesk.models.rooms import Room, RoomValue
from frontdesk.regex_i import compile_i, search_i
from frontdesk.store import room_values
from frontdesk.store.room_filter import ValueMatch

# A dotted customFields key reads this many candidate documents inline; past it, RE2 runs in a thread.
_INLINE_DOCUMENTS = 2000


# -- roomName ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class NameQuery:
    """roomName as sent; `found` once resolved (an exact "quoted" name needs no resolving)."""

    text: str
    found: ValueMatch | None = None

    @property
    def exact(self) -> str | None:
        """`"Ana Silva"` in quotes asks for the exact name."""
        text = self.text
        return text[1:-1] if len(text) >= 2 and text.startswith('"') and text.endswith('"') else None


async def resolve_name(db: AsyncSession, query: NameQuery) -> NameQuery:
    if query.found is not None or query.exact is not None:
        return query
    needle = query.text.lower()  # names are held lower-cased, as fname_lc
    found = await room_values.matching(db, room_values.NAME, lambda name: needle in name, ("in", needle))
    return replace(query, found=found)


def name_condition(query: NameQuery, dialect_name: str) -> list[ColumnElement[bool]]:
    exact = query.exact
    if exact is not None:
        return [Room.fname == exact]
    return [holding(_resolved(query.found), dialect_name)]


def name_matches(query: NameQuery, room: RoomDoc) -> bool:
    exact, fname = query.exact, room.get("fname")
    if exact is not None:
        return fname == exact
    return isinstance(fname, str) and query.text.lower() in fname.lower()


def name_values(query: NameQuery) -> ValueMatch | None:
    return query.found


# -- customFields -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RoomIds:
    """The rooms whose value at a dotted customFields path matched (room_values holds flat keys only)."""

    ids: tuple[str, ...]


@dataclass(frozen=True)
class FieldQuery:
    """customFields as sent, `(key, pattern)` in order; once resolved, what each key matched."""

    patterns: tuple[tuple[str, str], ...]
    found: tuple[ValueMatch | RoomIds, ...] | None = None


async def resolve_fields(db: AsyncSession, query: FieldQuery) -> FieldQuery:
    if query.found is not None:
        return query
    found: list[ValueMatch | RoomIds] = []
    for key, pattern in query.patterns:
        kind = room_values.field_kind(key)
        if kind is None:
            found.append(await _rooms_matching_path(db, key, pattern))
        else:
            found.append(await room_values.matching(db, kind, _searcher(pattern), ("re2", pattern)))
    return replace(query, found=tuple(found))


async def _rooms_matching_path(db: AsyncSession, key: str, pattern: str) -> RoomIds:
    """A dotted key reads into nested livechatData objects: the value at the path is read from the rooms
    whose document holds the last key at all (a plain substring test), and matched by RE2 here, as every
    other pattern, on either engine."""
    dialect_name = db.get_bind().dialect.name
    path = ["livechatData", *key.split(".")]
    present = dialect.contains_text(Room.doc, orjson.dumps(path[-1]).decode() + ":", dialect_name)
    value = dialect.json_string(Room.doc, path, dialect_name)
    rows = (await db.execute(select(Room.id, value).where(present, value.is_not(None)))).all()
    test = _searcher(pattern)

    def pick() -> RoomIds:
        return RoomIds(tuple(sorted(r[0] for r in rows if test(r[1]))))

    return await asyncio.to_thread(pick) if len(rows) > _INLINE_DOCUMENTS else pick()


def _searcher(pattern: str) -> Callable[[str], bool]:
    regex = compile_i(pattern)  # checked when the parameter was read (room_filter_json)
    return lambda value: regex.search(value) is not None


def fields_condition(query: FieldQuery, dialect_name: str) -> list[ColumnElement[bool]]:
    if query.found is None:
        raise ValueError("customFields is resolved first (room_query.resolve)")
    where: list[ColumnElement[bool]] = []
    for found in query.found:
        if isinstance(found, RoomIds):
            where.append(dialect.in_values(Room.id, found.ids, dialect_name) if found.ids else false())
        else:
            where.append(holding(found, dialect_name))
    return where


def fields_match(query: FieldQuery, room: RoomDoc) -> bool:
    for key, pattern in query.patterns:
        value: object = room.get("livechatData")
        for part in key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if not search_i(pattern, value):
            return False
    return True


def fields_values(query: FieldQuery) -> ValueMatch | None:
    """One flat key's match: a total from the counts (several keys intersect, a path has no counts)."""
    if query.found is None or len(query.found) != 1 or isinstance(query.found[0], RoomIds):
        return None
    return query.found[0]


# -- both -------------------------------------------------------------------------------------------------
def _resolved(found: ValueMatch | None) -> ValueMatch:
    if found is None:
        raise ValueError("roomName is resolved first (room_query.resolve)")
    return found


def holding(found: ValueMatch, dialect_name: str) -> ColumnElement[bool]:
    """The rooms holding one of the matched values."""
    if not found.vkeys:
        return false()
    held = select(RoomValue.room_id).where(
        RoomValue.kind == found.kind, dialect.in_values(RoomValue.vkey, found.vkeys, dialect_name)
    )
    return Room.id.in_(held)
