"""Placing a chat on hold and resuming it (EE in Rocket.Chat); on-hold chats do not count toward max chats."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import RoomDoc, served_by_id
from frontdesk.errors import PlainError
from frontdesk.models.users import User
from frontdesk.services import metrics, routing
from frontdesk.services.chat_messages import author_of_user, do_system_message
from frontdesk.services.permissions import check_permission, has_permission
from frontdesk.services.transfer import do_remove_subscriptions, do_unassign
from frontdesk.store import agents as agent_store
from frontdesk.store import inquiries as inquiry_store
from frontdesk.store import rooms as room_store
from frontdesk.store import subscriptions as subscription_store


async def _access(db: AsyncSession, user: User, room_id: str) -> RoomDoc:
    room = await room_store.get_room(db, room_id, for_update=True)
    if room is None:
        raise PlainError("error-invalid-room")
    return room


async def _check_subscribed(db: AsyncSession, user: User, room: RoomDoc) -> None:
    subscribed = await subscription_store.get_subscription(db, room["_id"], user.id) is not None
    if not subscribed and not await has_permission(db, user, "on-hold-others-livechat-room"):
        raise PlainError("Not_authorized")


async def _flag_subscriptions(db: AsyncSession, rid: str, on_hold: bool) -> None:
    for sub in await subscription_store.room_subscriptions(db, rid):
        if on_hold:
            sub["onHold"] = True
        else:
            sub.pop("onHold", None)
        await subscription_store.save_subscription(db, sub)


def _who(user: User) -> str:
    return user.name or f"@{user.username}"


async def check_on_hold(db: AsyncSession, user: User, room_id: str, now: int) -> None:
    await check_permission(db, user, "on-hold-livechat-room")
    room = await _access(db, user, room_id)
    if room.get("lastMessage", {}).get("token"):
        raise PlainError("error-contact-sent-last-message-so-cannot-place-on-hold")
    if room.get("onHold"):
        raise PlainError("error-room-is-already-on-hold")
    if room.get("open") is not True:
        raise PlainError("error-room-already-closed")
    if not room.get("servedBy"):
        raise PlainError("error-unserved-rooms-cannot-be-placed-onhold")
    await _check_subscribed(db, user, room)
    metrics.apply_on_hold(room, now)
    await _flag_subscriptions(db, room["_id"], True)
    comment = f"The chat was manually placed On Hold by {_who(user)}"
    await do_system_message(
        db,
        room,
        "omnichannel_placed_chat_on_hold",
        "",
        author_of_user(user),
        now,
        notify=False,
        comment=comment,
    )
    await room_store.save_room(db, room)
    await routing.do_dispatch_waiting(db, now)


async def check_resume(db: AsyncSession, user: User, room_id: str, now: int) -> None:
    """Resume; if the serving agent has no room for another chat by now, the chat goes back to the queue."""
    await check_permission(db, user, "view-l-room")
    room = await _access(db, user, room_id)
    if not room.get("onHold"):
        raise PlainError("error-room-not-on-hold")
    if room.get("open") is not True:
        raise PlainError("error-room-already-closed")
    await _check_subscribed(db, user, room)
    agent_id = served_by_id(room)
    locked = await agent_store.lock_users(db, [agent_id]) if agent_id else []
    fits = bool(locked) and await routing.has_capacity(db, locked[0], room.get("departmentId"))
    metrics.apply_resume(room, now)
    await _flag_subscriptions(db, room["_id"], False)
    comment = f"The chat was manually resumed from On Hold by {_who(user)}"
    await do_system_message(
        db,
        room,
        "omnichannel_on_hold_chat_resumed",
        "",
        author_of_user(user),
        now,
        notify=False,
        comment=comment,
    )
    inquiry = await inquiry_store.get_by_room(db, room["_id"], for_update=True)
    if fits or inquiry is None:
        await room_store.save_room(db, room)
        return
    subscriptions = await subscription_store.room_subscriptions(db, room["_id"])
    await do_remove_subscriptions(db, room, subscriptions, None, now)
    await do_unassign(db, room, inquiry, now)
