"""Who may see a livechat room, and joining it (room.join), reading it (channels.info), one's subscription."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import RoomDoc, SubscriptionDoc, served_by_id
from frontdesk.errors import Failure, MeteorError, PlainError
from frontdesk.models.users import User
from frontdesk.services import routing
from frontdesk.services.access import permission_check, public
from frontdesk.services.chat_messages import author_of_user, do_system_message
from frontdesk.services.inquiries import enabled_departments_of
from frontdesk.services.permissions import check_permission, has_permission
from frontdesk.store import inquiries as inquiry_store
from frontdesk.store import rooms as room_store
from frontdesk.store import subscriptions as subscription_store
from frontdesk.store.room_reads import open_rooms_served_by


@permission_check
async def can_access(db: AsyncSession, user: User, room: RoomDoc) -> bool:
    """canAccessRoom for livechat: managers, the serving agent, subscribers, and agents who may take it."""
    if await has_permission(db, user, "view-livechat-rooms"):
        return True
    if served_by_id(room) == user.id:
        return True
    if await subscription_store.get_subscription(db, room["_id"], user.id) is not None:
        return True
    if room.get("servedBy") or not await has_permission(db, user, "view-l-room"):
        return False
    inquiry = await inquiry_store.get_by_room(db, room["_id"])
    if inquiry is None or inquiry.get("status") != "queued":
        return False
    department = inquiry.get("department")
    return not department or department in await enabled_departments_of(db, user.id)


async def check_join(db: AsyncSession, user: User, room_id: str, now: int) -> None:
    """GET livechat/room.join: the user is subscribed to the room (a `uj` message); serving is unchanged."""
    await check_permission(db, user, "view-l-room")
    room = await room_store.get_room(db, room_id, for_update=True)
    if room is None:
        raise PlainError("error-invalid-room")
    if room.get("open") is not True:
        raise PlainError("room-closed")
    if not await can_access(db, user, room):
        raise PlainError("error-not-allowed")
    if await subscription_store.get_subscription(db, room_id, user.id) is not None:
        return
    sub = routing.subscription_doc(room, user, now)
    sub["alert"], sub["unread"] = False, 0
    await subscription_store.insert_subscription(db, sub)
    room["usersCount"] = int(room.get("usersCount") or 0) + 1
    await do_system_message(db, room, "uj", user.username, author_of_user(user), now, notify=False)
    await room_store.save_room(db, room)


async def access_channel(db: AsyncSession, user: User, room_id: Any) -> RoomDoc:
    """channels.info for a livechat room, to whoever may see it."""
    if not isinstance(room_id, str) or not room_id:
        raise MeteorError(
            "error-roomid-param-not-provided", 'The parameter "roomId" or "roomName" is required'
        )
    room = await room_store.get_room(db, room_id)
    if room is None or room.get("t") not in ("c", "l"):
        raise MeteorError(
            "error-room-not-found",
            'The required "roomId" or "roomName" param provided does not match any channel',
        )
    if not await can_access(db, user, room):
        raise MeteorError("error-not-allowed", "Not allowed")
    return room


async def access_room_info(db: AsyncSession, user: User, room_id: Any) -> RoomDoc:
    """rooms.info: the room to whoever may see it; missing and forbidden look the same (Rocket.Chat's)."""
    room = await room_store.get_room(db, room_id) if isinstance(room_id, str) and room_id else None
    if room is None or not await can_access(db, user, room):
        raise Failure("not-allowed", "Not Allowed")
    return room


@public("one's own subscription")
async def own_subscription(db: AsyncSession, user: User, room_id: str) -> SubscriptionDoc | None:
    return await subscription_store.get_subscription(db, room_id, user.id)


@public("the rooms one serves oneself")
async def served_rooms(db: AsyncSession, user: User) -> list[RoomDoc]:
    """The open livechat rooms the user serves (DDP rooms/get)."""
    return await open_rooms_served_by(db, user.id)


async def can_follow_room(db: AsyncSession, user: User | None, visitor_token: str | None, rid: str) -> bool:
    """Whether a websocket may hear a room's events: its own visitor (by token), or whoever may see it."""
    room = await room_store.get_room(db, rid)
    if room is None:
        return False
    if visitor_token and (room.get("v") or {}).get("token") == visitor_token:
        return True
    return user is not None and await can_access(db, user, room)


async def can_follow_queue(db: AsyncSession, user: User | None) -> bool:
    """The inquiry queue's events go to those who may see queued chats."""
    return user is not None and await has_permission(db, user, "view-l-room")
