"""GET livechat/rooms: validating a manager's listing request, authorising it, and reading the page."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import orjson
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import JsonObject, RoomSource, picked
from frontdesk.errors import Forbidden
from frontdesk.models.users import User
from frontdesk.services import room_facets
from frontdesk.services import room_params as params
from frontdesk.services import settings as settings_service
from frontdesk.services.access import public
from frontdesk.services.permissions import check_permission, has_permission
from frontdesk.services.projection import project
from frontdesk.store import room_facets as facet_store
from frontdesk.store import room_filters, room_query
from frontdesk.store import rooms as room_store
from frontdesk.store.room_filter import FilterDef, RoomFilter

PAGING_SETTINGS = ["API_Default_Count", "API_Upper_Count_Limit", "API_Allow_Infinite_Count"]
STREAM_BATCH = 500


@dataclass(frozen=True)
class RoomListing:
    """A checked request: what to match, in which order, which slice, which fields."""

    filter: RoomFilter
    sort: list[tuple[str, int]]
    paging: params.Paging
    projection: params.Projection | None
    facets: tuple[str, ...] = ()  # asked for with `facets=`
    sees_all: bool = True  # False: the caller may list only their own rooms (agents=[self])


# The listing's own parameters, before the filters' (the order of Rocket.Chat's query schema).
_LISTING_PARAMS: JsonObject = {
    "count": {"type": "number", "nullable": True},
    "offset": {"type": "number", "nullable": True},
    "sort": {"type": "string", "nullable": True},
    "query": {"type": "string", "nullable": True},
    "fields": {"type": "string", "nullable": True},
    "facets": {"type": "string", "nullable": True},  # Frontdesk's own (store/room_facets.py)
}
_UNITS: JsonObject = {"units": {"type": "array", "items": {"type": "string"}}}  # EE; accepted, unused


@lru_cache(maxsize=4)
def _schema(filters: tuple[FilterDef[Any], ...]) -> JsonObject:
    params = [p for f in filters for p in f.params.items()]
    return {
        "type": "object",
        "properties": {**_LISTING_PARAMS, **dict(params), **_UNITS},
        "additionalProperties": False,
    }


def query_schema() -> JsonObject:
    """The JSON Schema of GET livechat/rooms' query (rest-typings' GETLivechatRoomsParamsSchema), built
    from the filters' definitions. Validated with coerceTypes: true (not 'array'), so scalar
    `agents`/`tags` fail with "must be array" (docs/api/livechat-api.md §1.3)."""
    return _schema(room_filters.FILTERS)


async def check_listing(db: AsyncSession, user: User, query: JsonObject) -> RoomListing:
    """Steps 3–7 of Rocket.Chat's handler, in its order, so the same error wins."""
    limits = await settings_service.get_values(db, PAGING_SETTINGS)
    paging = params.paging(
        query.get("offset"),
        query.get("count"),
        default_count=int(limits["API_Default_Count"]),
        upper_limit=int(limits["API_Upper_Count_Limit"]),
        allow_infinite=bool(limits["API_Allow_Infinite_Count"]),
    )
    sort = params.parse_sort(query.get("sort"))
    projection = params.parse_fields(query.get("fields"))
    facets = room_facets.parse_facets(query.get("facets"))
    filters = room_filters.FILTERS
    values = {f.name: f.read(query) for f in filters if not f.read_after_permission}
    sees_all = await has_permission(db, user, "view-livechat-rooms")
    if not sees_all:
        agents = query.get("agents")
        own_only = isinstance(agents, list) and agents == [user.id]
        if not (own_only and await has_permission(db, user, "view-l-room")):
            raise Forbidden("unauthorized")
    values.update({f.name: f.read(query) for f in filters if f.read_after_permission})
    return RoomListing(RoomFilter(**values), sort, paging, projection, facets, sees_all)


def room_json(
    doc: str, department_id: str | None, department_name: str | None, listing: RoomListing
) -> bytes:
    """One room of the page. Without a projection the stored JSON is reused as it is."""
    if listing.projection is None:
        if department_id is None or department_name is None:
            return doc.encode()
        dept = orjson.dumps({"_id": department_id, "name": department_name}).decode()
        return (doc[:-1] + ',"department":' + dept + "}").encode()
    room = orjson.loads(doc)
    if department_id is not None and department_name is not None:
        room["department"] = {"_id": department_id, "name": department_name}
    return orjson.dumps(project(room, listing.projection))


@public("reads what a RoomListing allows, and only check_listing (which checks the caller) makes one")
async def read_page(db: AsyncSession, listing: RoomListing) -> bytes:
    """The whole response body: `{rooms, count, offset, total, success}`."""
    assert listing.paging.count is not None
    page = (listing.filter, listing.sort, listing.paging.offset, listing.paging.count)
    facets: facet_store.Facets | None = None
    if listing.facets:
        room_filter = await room_query.resolve(db, listing.filter)
        bases = room_facets.facet_bases(room_filter, listing.facets, listing.sees_all)
        rows, total, facets = await facet_store.read_page(db, room_filter, *page[1:], bases)
    else:
        rows, total = await room_query.read_page(db, *page)
    rooms = b",".join(room_json(r[0], r[1], r[2], listing) for r in rows)
    tail = orjson.dumps(
        {
            **({"facets": facets} if facets is not None else {}),
            "count": len(rows),
            "offset": listing.paging.offset,
            "total": total,
            "success": True,
        }
    )
    return b'{"rooms":[' + rooms + b"]," + tail[1:]


@public("reads what a RoomListing allows, and only check_listing (which checks the caller) makes one")
async def stream_all(db: AsyncSession, listing: RoomListing) -> AsyncIterator[bytes]:
    """count=0: every match, written as it is read so memory stays bounded."""
    room_filter = await room_query.resolve(db, listing.filter)  # once, for the total, facets and rooms
    facets: facet_store.Facets | None = None
    if listing.facets:
        bases = room_facets.facet_bases(room_filter, listing.facets, listing.sees_all)
        total, facets = await facet_store.read_totals(db, room_filter, bases)
    else:
        total = await room_query.count_rooms(db, room_filter)
    yield b'{"rooms":['
    sent = 0
    batches = room_query.stream_rooms(db, room_filter, listing.sort, listing.paging.offset, STREAM_BATCH)
    async for partition in batches:
        chunk = b",".join(room_json(r[0], r[1], r[2], listing) for r in partition)
        yield (b"," if sent else b"") + chunk
        sent += len(partition)
    found = {"facets": facets} if facets is not None else {}
    tail = orjson.dumps(
        {**found, "count": sent, "offset": listing.paging.offset, "total": total, "success": True}
    )
    yield b"]," + tail[1:]


def _source_entry(source: RoomSource) -> JsonObject:
    if source.get("type") != "app":
        return {"type": source.get("type")}
    return picked(source, ("type", "id", "alias", "sidebarIcon", "defaultIcon"))


async def check_source_filters(db: AsyncSession, user: User) -> list[JsonObject]:
    """livechat/rooms/filters: one entry per distinct room source (apps by their id)."""
    await check_permission(db, user, "view-l-room")
    seen: dict[str, JsonObject] = {}
    for source in await room_store.find_sources(db):
        entry = _source_entry(source)
        seen.setdefault(str(sorted(entry.items())), entry)
    return list(seen.values())
