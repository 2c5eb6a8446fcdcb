"""Data a visitor sends besides messages: custom fields, page visits, offline messages."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.clock import iso
from frontdesk.documents import JsonObject, MessageDoc, VisitorDoc
from frontdesk.errors import PlainError
from frontdesk.services.chat_messages import author_of_visitor, do_system_message
from frontdesk.services.livechat_rooms import access_visitor_room
from frontdesk.services.visitors import access_visitor, find_visitor
from frontdesk.store import custom_fields as custom_field_store
from frontdesk.store import rooms as room_store
from frontdesk.store import visitors as visitor_store
from frontdesk.store.room_reads import open_rooms_of_visitor


async def do_set_custom_fields(
    db: AsyncSession, visitor: VisitorDoc, fields: list[JsonObject], now: int
) -> None:
    """A `room`-scope field goes to the visitor's open rooms' livechatData, any other to the visitor's.

    The definitions are read in one query and every changed document is written once; an unknown key
    refuses the whole batch before anything is written, so a batch of MAX_CUSTOM_FIELDS holds the write
    lock for a few milliseconds."""
    keys = list(dict.fromkeys(str(f["key"]) for f in fields))
    definitions = await custom_field_store.get_custom_fields(db, keys)
    if any(key not in definitions for key in keys):
        raise PlainError("invalid-custom-field")
    room_fields = [f for f in fields if definitions[f["key"]].get("scope") == "room"]
    visitor_fields = [f for f in fields if definitions[f["key"]].get("scope") != "room"]
    if room_fields:
        for room in await open_rooms_of_visitor(db, visitor["token"]):
            if _apply(room.setdefault("livechatData", {}), room_fields):
                room["_updatedAt"] = iso(now)
                await room_store.save_room(db, room)
    if visitor_fields and _apply(visitor.setdefault("livechatData", {}), visitor_fields):
        visitor["_updatedAt"] = iso(now)
        await visitor_store.save_visitor(db, visitor)


def _apply(data: dict[str, str], fields: list[JsonObject]) -> bool:
    """Set each field in order (an existing value only with `overwrite`); whether anything changed."""
    changed = False
    for field in fields:
        key = field["key"]
        if field["overwrite"] or key not in data:
            changed = changed or key not in data or data[key] != field["value"]
            data[key] = field["value"]
    return changed


async def check_set_custom_fields(db: AsyncSession, token: Any, fields: list[JsonObject], now: int) -> None:
    """livechat/custom.field(s): the visitor's own fields (or their open rooms', for `room` ones)."""
    visitor = await access_visitor(db, token)
    await do_set_custom_fields(db, visitor, fields, now)


async def check_page_visited(
    db: AsyncSession, token: str, rid: str | None, page: JsonObject, now: int
) -> MessageDoc | None:
    """The widget reports pages before the visitor registers; Rocket.Chat accepts and ignores those."""
    visitor = await find_visitor(db, token)
    return None if visitor is None else await do_page_visited(db, visitor, rid, page, now)


async def do_page_visited(
    db: AsyncSession, visitor: VisitorDoc, rid: str | None, page: JsonObject, now: int
) -> MessageDoc | None:
    """The widget reports navigation; with an open room it becomes a navigation-history message."""
    if not rid:
        return None
    room = await access_visitor_room(db, visitor, rid)
    if room.get("open") is not True:
        return None
    location = (page.get("location") or {}).get("href", "")
    title = page.get("title", "")
    message = await do_system_message(
        db,
        room,
        "livechat_navigation_history",
        f"{title} - {location}",
        author_of_visitor(visitor),
        now,
        notify=False,
        navigation={"page": page, "token": visitor["token"]},
    )
    await room_store.save_room(db, room)
    return message
