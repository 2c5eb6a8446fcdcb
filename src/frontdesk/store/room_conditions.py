"""The WHERE of a livechat/rooms listing: which filters are on, and each one's conditions from its
definition (store/room_filters.py). Shared by the page (store/room_query.py) and its total
(store/room_totals.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy.sql.elements import ColumnElement

from frontdesk.store import room_filters
from frontdesk.store.room_filter import ByTag, ByValues, FilterDef, RoomFilter, ValueMatch


def active(f: RoomFilter) -> Iterator[tuple[FilterDef[Any], Any]]:
    """The filters that are on, with their values, in FILTERS order."""
    on = [(d, f.get(d.name)) for d in room_filters.FILTERS if f.get(d.name) is not None]
    unknown = set(f.names()) - {d.name for d, _ in on}
    if unknown:
        raise ValueError(f"not a room filter: {sorted(unknown)}")
    return iter(on)


def conditions(f: RoomFilter, dialect_name: str) -> list[ColumnElement[bool]]:
    """The WHERE clause of a filter, as a list of conjuncts (each filter's from its definition)."""
    # The rooms table holds only livechat rooms, so Rocket.Chat's `t: 'l'` needs no condition.
    return [c for definition, value in active(f) for c in definition.condition(value, dialect_name)]


def one_tag(f: RoomFilter) -> tuple[str, str] | None:
    """(filter name, tag) of a one-tag filter (ByTag): such a listing walks room_tags' (tag, ts) index
    instead of rooms, and its total alone has a counter."""
    for definition, value in active(f):
        if isinstance(definition.counting, ByTag) and len(set(value)) == 1:
            return definition.name, value[0]
    return None


def lone_values(f: RoomFilter) -> ValueMatch | None:
    """The matched values when the filter is one resolved ByValues filter alone (roomName, or one flat
    customFields key): its total is then their rooms' count, and its page is read by value."""
    on = list(active(f))
    if len(on) != 1 or not isinstance(on[0][0].counting, ByValues):
        return None
    found: ValueMatch | None = on[0][0].counting.match(on[0][1])
    return found
