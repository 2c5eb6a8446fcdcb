"""Room counts of the analytics routes, read as the GET livechat/rooms facets are (store/room_facets.py):
each count is a facet or a total of a listing filter, from the counters where they answer, and all of
one route's counts come back from one statement (one snapshot)."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import JsonObject
from frontdesk.store import room_counts, room_facets, room_query, room_totals
from frontdesk.store.room_filter import RoomFilter

TOTAL = "total"  # a Count's facet for the filter's own total
# (filter, facet or TOTAL)
Count = tuple[RoomFilter, str]


async def read_counts(db: AsyncSession, wanted: Mapping[str, Count]) -> JsonObject:
    """Each named count: an int for TOTAL, else the facet's `{value: n}` (status: `{open, closed, queued,
    onhold}`), over its filter; one statement."""
    await room_counts.write_pending(db)
    name = db.get_bind().dialect.name
    columns = []
    for f, facet in wanted.values():
        resolved = await room_query.resolve(db, f)
        if facet == TOTAL:
            columns.append(room_totals.total_column(resolved, name))
        else:
            columns.append(room_facets.facet_column(resolved, facet, name))
    async with room_query.bounded(db):
        row = (await db.execute(select(*columns))).one()
    out: JsonObject = {}
    for (key, (_, facet)), value in zip(wanted.items(), row, strict=True):
        out[key] = int(value or 0) if facet == TOTAL else room_facets.decode([facet], [value])[facet]
    return out
