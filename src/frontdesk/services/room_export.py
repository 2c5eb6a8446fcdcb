"""GET livechat/rooms.export: the same request and permission as GET livechat/rooms, read a batch at a
time (store/room_export.py), with the custom fields that become columns."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import CustomFieldDoc, JsonObject
from frontdesk.models.users import User
from frontdesk.services.access import public
from frontdesk.services.room_listing import check_listing
from frontdesk.store import custom_fields as custom_field_store
from frontdesk.store import room_export, room_query
from frontdesk.store.room_export import Batch, Path
from frontdesk.store.room_export import Cursor as Cursor  # re-exported for the door
from frontdesk.store.room_export import ExportRow as ExportRow

BATCH = 2000


@dataclass(frozen=True)
class Export:
    """A checked export: what to match and in which order, what to read of each room, and the custom
    fields to add as columns."""

    batch: Batch
    custom_fields: list[CustomFieldDoc]


async def check_export(
    db: AsyncSession,
    user: User,
    query: JsonObject,
    room_paths: tuple[Path, ...],
    visitor_paths: tuple[Path, ...],
) -> Export:
    """livechat/rooms' checks (check_listing), in its order; paging and `fields` do not apply. Each row
    holds the values at `room_paths` of the room and `visitor_paths` of its visitor (two or more each)."""
    listing = await check_listing(db, user, query)
    # values looked up once (roomName, customFields: room_query.resolve), for every batch
    listing = replace(listing, filter=await room_query.resolve(db, listing.filter))
    fields, _ = await custom_field_store.list_custom_fields(db, 0, None)
    return Export(Batch(listing.filter, listing.sort, room_paths, visitor_paths), fields)


@public("reads what an Export allows, and only check_export (which checks the caller) makes one")
async def read_batch(
    db: AsyncSession, export: Export, cursor: Cursor | None
) -> tuple[list[ExportRow], Cursor | None]:
    """The next batch after `cursor` (None: the first) and the cursor after it (None: no more)."""
    return await room_export.read_batch(db, export.batch, cursor, BATCH)
