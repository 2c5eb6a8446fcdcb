"""GET livechat/rooms.export: the same request and permission as GET livechat/rooms, read a batch at a
time (store/room_export.py), with the custom fields that become columns."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import CustomFieldDoc, JsonObject
from frontdesk.models.users import User
from frontdesk.services.access import public
from frontdesk.services.room_listing import RoomListing, check_listing
from frontdesk.store import custom_fields as custom_field_store
from frontdesk.store import room_export, room_query
from frontdesk.store.room_export import Cursor, ExportRow

BATCH = 1000


@dataclass(frozen=True)
class Export:
    """A checked export: what to match and in which order, and the custom fields to add as columns."""

    listing: RoomListing
    custom_fields: list[CustomFieldDoc]


async def check_export(db: AsyncSession, user: User, query: JsonObject) -> Export:
    """livechat/rooms' checks (check_listing), in its order; paging and `fields` do not apply."""
    listing = await check_listing(db, user, query)
    # values looked up once (roomName, customFields: room_query.resolve), for every batch
    listing = replace(listing, filter=await room_query.resolve(db, listing.filter))
    fields, _ = await custom_field_store.list_custom_fields(db, 0, None)
    return Export(listing, fields)


@public("reads what an Export allows, and only check_export (which checks the caller) makes one")
async def read_batch(
    db: AsyncSession, export: Export, cursor: Cursor | None
) -> tuple[list[ExportRow], Cursor | None]:
    """The next batch after `cursor` (None: the first) and the cursor after it (None: no more)."""
    return await room_export.read_batch(db, export.listing.filter, export.listing.sort, cursor, BATCH)
