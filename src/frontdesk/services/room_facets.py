"""GET livechat/rooms?facets=...: which facets a listing asks for, and the filter each is counted over
(store/room_facets.py), under the caller's permission."""

from __future__ import annotations

from typing import Any

from frontdesk.errors import MeteorError
from frontdesk.store import room_facets
from frontdesk.store.room_filter import RoomFilter


def parse_facets(raw: Any) -> tuple[str, ...]:
    """`status,department,agent,tag,source` (any of them, comma-separated, each once, in that order)."""
    if raw is None:
        return ()
    names = [part.strip() for part in str(raw).split(",")]
    if not all(name in room_facets.FACETS for name in names):
        raise MeteorError(
            "error-invalid-facets",
            f'Invalid facets parameter provided: "{raw}"; allowed: {", ".join(room_facets.FACETS)}',
        )
    return tuple(facet for facet in room_facets.FACETS if facet in names)


def facet_bases(f: RoomFilter, facets: tuple[str, ...], sees_all: bool) -> dict[str, RoomFilter]:
    """Each facet's base filter. A caller who may list only their own rooms (agents=[self]) keeps that
    filter in the agent facet too: it may not count other agents' rooms."""
    return {
        facet: f if facet == "agent" and not sees_all else room_facets.base_filter(f, facet)
        for facet in facets
    }
