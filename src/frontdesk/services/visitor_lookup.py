"""What agents and managers read about visitors: a visitor by id, a visitor's open rooms."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import JsonObject, VisitorDoc, picked
from frontdesk.errors import PlainError
from frontdesk.models.users import User
from frontdesk.services.permissions import check_permission
from frontdesk.store import visitors as visitor_store
from frontdesk.store.room_reads import open_rooms_of_visitor

ROOM_FIELDS = ("_id", "name", "t", "cl", "u", "usernames", "servedBy")


async def access_visitor_by_id(db: AsyncSession, user: User, visitor_id: str) -> VisitorDoc:
    await check_permission(db, user, "view-l-room")
    visitor = await visitor_store.get_by_id(db, visitor_id)
    if visitor is None or visitor.get("disabled"):
        raise PlainError("visitor-not-found")
    return visitor


async def access_open_rooms_of_token(db: AsyncSession, user: User, token: str) -> list[JsonObject]:
    """A visitor's open rooms, in brief, for managers."""
    await check_permission(db, user, "view-livechat-manager")
    rooms = await open_rooms_of_visitor(db, token)
    return [picked(r, ROOM_FIELDS) for r in rooms]
