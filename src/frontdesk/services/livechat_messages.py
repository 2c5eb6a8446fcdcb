"""Sending, editing, deleting and reading messages of livechat rooms, for visitors and agents."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import Unpack

from frontdesk.clock import iso, parse_iso
from frontdesk.documents import DeletedMessage, MessageDoc, MessageFields, RoomDoc, VisitorDoc
from frontdesk.errors import MeteorError, PlainError
from frontdesk.events.chats import InquiryChanged
from frontdesk.events.messages import MessageDeleted
from frontdesk.events.outbox import emit
from frontdesk.models.users import User
from frontdesk.services import canned_placeholders
from frontdesk.services.chat_messages import (
    author_of_user,
    author_of_visitor,
    build_message,
    check_message_id,
    check_text,
    do_save_message,
    emit_message_saved,
    markdown_of,
)
from frontdesk.services.livechat_rooms import access_visitor_room
from frontdesk.services.permissions import has_permission
from frontdesk.services.room_params import Paging
from frontdesk.services.visitors import access_visitor
from frontdesk.store import inquiries as inquiry_store
from frontdesk.store import messages as store
from frontdesk.store import rooms as room_store
from frontdesk.store import subscriptions as subscription_store


def not_before_last(room: RoomDoc, now: int) -> int:
    """A room's messages are stamped in the order they are written, even if a writer read the clock early."""
    last = parse_iso(room["lm"]) if isinstance(room.get("lm"), str) else None
    return max(now, last or 0)


async def check_visitor_message(
    db: AsyncSession, token: Any, rid: Any, msg: Any, message_id: Any, now: int
) -> MessageDoc:
    """POST livechat/message: the visitor writes in their own open room. The room is checked, the text
    parsed, and only then the room locked (and checked again: it may have closed meanwhile)."""
    visitor = await access_visitor(db, token)
    room = await access_visitor_room(db, visitor, rid, lock=False)
    if room.get("open") is not True:
        raise PlainError("room-closed")
    text = await check_text(db, msg)
    md = await markdown_of(text)
    room = await access_visitor_room(db, visitor, rid)
    if room.get("open") is not True:
        raise PlainError("room-closed")
    mid = await check_message_id(db, message_id)
    now = not_before_last(room, now)
    author = author_of_visitor(visitor)
    alias = visitor.get("name") or visitor["username"]
    message = build_message(
        room["_id"], text, author, now, message_id=mid, md=md, token=visitor["token"], alias=alias
    )
    await do_save_message(db, room, message, now)
    await _note_in_queue(db, room, message)
    return message


async def _note_in_queue(db: AsyncSession, room: RoomDoc, message: MessageDoc) -> None:
    """A waiting visitor wrote: the inquiry carries the first and the latest message for the queue."""
    if room.get("servedBy"):
        return
    inquiry = await inquiry_store.get_by_room(db, room["_id"], for_update=True)
    if inquiry is None or inquiry["status"] not in ("queued", "ready"):
        return
    inquiry["lastMessage"] = message
    if not inquiry.get("message"):
        inquiry["message"] = message["msg"]
    await inquiry_store.save_inquiry(db, inquiry)
    emit(db, InquiryChanged(inquiry))


async def access_agent_room(db: AsyncSession, user: User, rid: Any, *, lock: bool = True) -> RoomDoc:
    """A livechat room the user may write in: subscribed (serving), or a manager who can see all rooms;
    locked for change unless told not to."""
    if not isinstance(rid, str) or not rid:
        raise MeteorError("error-invalid-room", "Invalid room")
    room = await room_store.get_room(db, rid, for_update=lock)
    if room is None:
        raise MeteorError("error-invalid-room", "Invalid room")
    if await subscription_store.get_subscription(db, rid, user.id) is None and not await has_permission(
        db, user, "view-livechat-rooms"
    ):
        raise MeteorError("error-not-allowed", "Not allowed")
    return room


async def check_agent_message(
    db: AsyncSession,
    user: User,
    rid: Any,
    msg: Any,
    message_id: Any,
    now: int,
    **extra: Unpack[MessageFields],
) -> MessageDoc:
    """chat.sendMessage / sendMessage in a livechat room by an agent or manager: checked and parsed before
    the room is locked, as a visitor's message is."""
    room = await access_agent_room(db, user, rid, lock=False)
    if room.get("open") is not True:
        raise MeteorError("error-room-closed", "Room is closed")
    text = await canned_placeholders.fill(db, room, await check_text(db, msg))
    md = await markdown_of(text)
    locked = await room_store.get_room(db, room["_id"], for_update=True)
    if locked is None or locked.get("open") is not True:
        raise MeteorError("error-room-closed", "Room is closed")
    room = locked
    mid = await check_message_id(db, message_id)
    now = not_before_last(room, now)
    message = build_message(room["_id"], text, author_of_user(user), now, message_id=mid, md=md, **extra)
    await do_save_message(db, room, message, now)
    return message


async def _own_message(db: AsyncSession, visitor: VisitorDoc, rid: Any, message_id: str) -> MessageDoc:
    room = await access_visitor_room(db, visitor, rid)
    message = await store.get_message(db, message_id)
    if message is None or message["rid"] != room["_id"]:
        raise PlainError("invalid-message")
    if message.get("token") != visitor["token"] or message.get("t"):
        raise MeteorError("error-action-not-allowed", "Not allowed")
    return message


async def check_edit_visitor_message(
    db: AsyncSession, token: Any, rid: Any, message_id: str, msg: Any, now: int
) -> MessageDoc:
    visitor = await access_visitor(db, token)
    message = await _own_message(db, visitor, rid, message_id)
    text = await check_text(db, msg)
    updated = build_message(
        message["rid"],
        text,
        message["u"],
        now,
        message_id=message["_id"],
        token=message["token"],
        alias=message.get("alias"),
    )
    updated["ts"] = message["ts"]
    updated["editedAt"] = iso(now)
    updated["editedBy"] = {"_id": visitor["_id"], "username": visitor["username"]}
    await store.save_message(db, updated)
    room = await room_store.get_room(db, message["rid"], for_update=True)
    last = room.get("lastMessage") if room is not None else None
    if room is not None and last is not None and last["_id"] == message["_id"]:
        room["lastMessage"] = updated
        room["_updatedAt"] = iso(now)
        await room_store.save_room(db, room)
    if room is not None:
        await emit_message_saved(db, room, updated)
    return updated


async def check_delete_visitor_message(
    db: AsyncSession, token: Any, rid: Any, message_id: str
) -> DeletedMessage:
    visitor = await access_visitor(db, token)
    message = await _own_message(db, visitor, rid, message_id)
    await store.delete_message(db, message["_id"])
    emit(db, MessageDeleted(message["rid"], message["_id"]))
    return {"_id": message["_id"], "ts": message["ts"]}


async def check_visitor_message_read(db: AsyncSession, token: Any, rid: Any, message_id: str) -> MessageDoc:
    visitor = await access_visitor(db, token)
    room = await access_visitor_room(db, visitor, rid)
    message = await store.get_message(db, message_id)
    if message is None or message["rid"] != room["_id"]:
        raise PlainError("invalid-message")
    return message


async def check_visitor_history(
    db: AsyncSession, token: Any, rid: Any, before: int | None, after: int | None, page: Paging
) -> list[MessageDoc]:
    """livechat/messages.history/:rid: the visitor's own room's messages, newest first."""
    visitor = await access_visitor(db, token)
    room = await access_visitor_room(db, visitor, rid)
    return await store.history(
        db, room["_id"], before=before, after=after, offset=page.offset, limit=page.count
    )
