"""Writing messages into a livechat room, with every effect on the room (counters, metrics) at once."""

from __future__ import annotations

import asyncio
from typing import Any, cast

from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import Unpack

from frontdesk.clock import iso, parse_iso
from frontdesk.documents import JsonObject, MessageDoc, MessageFields, RoomDoc, UserRef, VisitorDoc
from frontdesk.errors import MeteorError, PlainError
from frontdesk.events.messages import MessageSaved
from frontdesk.events.outbox import emit
from frontdesk.ids import random_id
from frontdesk.markdown import parse
from frontdesk.markdown.nodes import Node
from frontdesk.models.users import User
from frontdesk.services import contact_activity, metrics, unread
from frontdesk.services import settings as settings_service
from frontdesk.store import messages as store
from frontdesk.store import rooms as room_store
from frontdesk.store import subscriptions as subscription_store


def author_of_visitor(visitor: VisitorDoc) -> UserRef:
    author: UserRef = {"_id": visitor["_id"], "username": visitor["username"]}
    if visitor.get("name"):
        author["name"] = visitor.get("name")
    return author


def author_of_user(user: User) -> UserRef:
    author: UserRef = {"_id": user.id, "username": user.username}
    if user.name:
        author["name"] = user.name
    return author


def build_message(
    rid: str,
    msg: str,
    author: UserRef,
    now: int,
    *,
    message_id: str | None = None,
    md: list[Node] | None = None,
    **extra: Unpack[MessageFields],
) -> MessageDoc:
    """A message document in Rocket.Chat's key order, with `md` from our parser (or `md`, parsed already
    by markdown_of before the transaction locked anything)."""
    doc: JsonObject = {"_id": message_id or random_id(), "rid": rid, "msg": msg}
    doc.update({k: v for k, v in extra.items() if v is not None})
    doc["ts"] = iso(now)
    doc["u"] = author
    doc["_updatedAt"] = iso(now)
    doc["urls"] = []
    doc["mentions"] = []
    doc["channels"] = []
    doc["md"] = parse(msg) if md is None else md
    return cast(MessageDoc, doc)  # built key by key above, in Rocket.Chat's order


MD_OFF_LOOP = (
    2_000  # characters: a longer text is parsed in a worker thread, the loop serving others meanwhile
)


async def markdown_of(text: str) -> list[Node]:
    """The `md` tree of a checked text. Callers parse before they lock the room, so the parse does not
    hold SQLite's write lock (or a PostgreSQL row lock) while other writers wait."""
    if len(text) > MD_OFF_LOOP:
        return await asyncio.to_thread(parse, text)
    return parse(text)


async def check_text(db: AsyncSession, msg: Any) -> str:
    if not isinstance(msg, str):
        raise PlainError("invalid-message")
    limit = int(await settings_service.get_value(db, "Message_MaxAllowedSize"))
    if limit > 0 and len(msg) > limit:
        raise PlainError("message-length-exceeds-character-limit")
    return msg


async def check_message_id(db: AsyncSession, message_id: Any) -> str | None:
    if message_id is None:
        return None
    if not isinstance(message_id, str) or not message_id or len(message_id) > 32:
        raise MeteorError("error-invalid-message-id", "Invalid message id")
    if await store.message_exists(db, message_id):
        raise MeteorError("error-duplicate-message", "A message with this _id already exists")
    return message_id


# room id -> the time of the newest message this session wrote into it
_WRITTEN = "frontdesk.messages_written"


def _written_at(db: AsyncSession, rid: str, now: int) -> int:
    """When a message written now goes into the room: `now`, or just after the last message this session
    wrote there if that one already has `now` or later.

    Rocket.Chat stamps each message when it is written (a new Date() apiece), so a chat's "started", its
    agent's `command` and "joined", a transfer and the next "joined" read in the order they happened. A
    request here reads the clock once; each further message of the same room in it is 1 ms later, so
    ordering by `ts` tells the same story (ties would fall to the random `_id`s)."""
    written: dict[str, int] = db.info.setdefault(_WRITTEN, {})
    last = written.get(rid)
    at = now if last is None or now > last else last + 1
    written[rid] = at
    return at


async def do_save_message(db: AsyncSession, room: RoomDoc, message: MessageDoc, now: int) -> None:
    """A chat message (visitor's or agent's): stored, counted, and its metrics applied to the room.
    `room` is as this transaction read it with its lock (or as it last saved it)."""
    shape = room_store.room_shape(room)
    written: dict[str, int] = db.info.setdefault(_WRITTEN, {})
    written[room["_id"]] = max(written.get(room["_id"], 0), parse_iso(message["ts"]) or now)
    month = iso(now)[:7]
    room_was_active = month in (room["v"].get("activity") or [])
    await store.insert_messages(db, [message])
    metrics.record_message(room, message, now)
    await room_store.save_room(db, room, read_as=shape)
    if contact_activity.counts(message):
        await contact_activity.do_mark_active(db, room, month, room_was_active)
    subscriptions = await subscription_store.room_subscriptions(db, room["_id"])
    await unread.do_count_unread(db, subscriptions, message, now)
    emit(db, MessageSaved(room, message, tuple(sub["u"]["_id"] for sub in subscriptions)))


async def do_system_message(
    db: AsyncSession,
    room: RoomDoc,
    kind: str,
    msg: str,
    author: UserRef,
    now: int,
    *,
    notify: bool = True,
    **extra: Unpack[MessageFields],
) -> MessageDoc:
    """A system message (`t` set): `notify` ones become the room's lastMessage, hidden ones only count."""
    fields: MessageFields = {"t": kind, "groupable": False, **extra}
    now = _written_at(db, room["_id"], now)
    message = build_message(room["_id"], msg, author, now, **fields)
    await store.insert_messages(db, [message])
    if notify:
        metrics.apply_message_counters(room, message, now)
    else:
        metrics.apply_hidden_system_message(room, now)
    await emit_message_saved(db, room, message)
    return message


async def emit_message_saved(db: AsyncSession, room: RoomDoc, message: MessageDoc) -> None:
    """The room's stream gets the message, and each subscribed agent the room's new state."""
    subscribers = tuple(
        sub["u"]["_id"] for sub in await subscription_store.room_subscriptions(db, room["_id"])
    )
    emit(db, MessageSaved(room, message, subscribers))
