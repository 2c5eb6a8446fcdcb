"""Monthly active contacts, as Rocket.Chat 6+ keeps them: when an agent answers, the month (`YYYY-MM`)
joins the visitor's `activity`, the room's `v.activity` (services.metrics does the room) and its
inquiry's `v.activity`."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import MessageDoc, RoomDoc
from frontdesk.services.metrics import is_visitor_message
from frontdesk.store import inquiries as inquiry_store
from frontdesk.store import visitors as visitor_store


def counts(message: MessageDoc) -> bool:
    """An agent's own chat message (not a system message, not an edit)."""
    return not message.get("t") and not message.get("editedAt") and not is_visitor_message(message)


async def do_mark_active(db: AsyncSession, room: RoomDoc, month: str, room_was_active: bool) -> None:
    """After the room's own `v.activity` got the month: the visitor's, and (the first time in the room)
    the inquiry's."""
    visitor = await visitor_store.get_by_id(db, room["v"]["_id"])
    if visitor is not None and month not in (visitor.get("activity") or []):
        visitor["activity"] = [*(visitor.get("activity") or []), month]
        await visitor_store.save_visitor(db, visitor)
    if room_was_active:
        return
    inquiry = await inquiry_store.get_by_room(db, room["_id"], for_update=True)
    if inquiry is not None and month not in (inquiry["v"].get("activity") or []):
        inquiry["v"]["activity"] = [*(inquiry["v"].get("activity") or []), month]
        await inquiry_store.save_inquiry(db, inquiry)
