"""POST livechat/room.saveInfo: an agent edits the visitor's details and the room's topic, tags, fields."""

from __future__ import annotations

import re

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.clock import iso
from frontdesk.documents import JsonObject, RoomDoc, VisitorDoc, served_by_id
from frontdesk.errors import Forbidden, MeteorError, PlainError
from frontdesk.models.users import User
from frontdesk.services.permissions import check_permission, has_permission
from frontdesk.services.visitors import refresh_room_snapshots
from frontdesk.store import custom_fields as custom_field_store
from frontdesk.store import rooms as room_store
from frontdesk.store import visitors as visitor_store


async def _custom_values(db: AsyncSession, scope: str, given: JsonObject | None) -> dict[str, str]:
    """Values for the defined custom fields of a scope, trimmed and checked against each field's regexp."""
    out: dict[str, str] = {}
    for key, raw in (given or {}).items():
        field = await custom_field_store.get_custom_field(db, key)
        if field is None or field.get("scope") != scope:
            continue
        value = str(raw).strip() if raw is not None else ""
        pattern = field.get("regexp")
        if value and isinstance(pattern, str) and pattern:
            try:
                ok = re.search(pattern, value) is not None
            except re.error:
                ok = True
            if not ok:
                label = field.get("label") or key
                raise MeteorError("error-invalid-custom-field-value", f"Invalid value for {label} field")
        out[key] = value
    return out


def _set_or_unset(doc: VisitorDoc | RoomDoc, values: dict[str, str]) -> None:
    if not values:
        return
    data = doc.setdefault("livechatData", {})
    for key, value in values.items():
        if value:
            data[key] = value
        else:
            data.pop(key, None)


async def check_save_info(
    db: AsyncSession, user: User, guest: JsonObject, data: JsonObject, now: int
) -> None:
    """Everything is checked before anything is written, so a refused request changes nothing."""
    await check_permission(db, user, "view-l-room")
    room = await room_store.get_room(db, data["_id"], for_update=True)
    if room is None or room.get("t") != "l":
        raise PlainError("error-invalid-room")
    serving = served_by_id(room) == user.id
    if not serving and not await has_permission(db, user, "save-others-livechat-room-info"):
        raise Forbidden()
    visitor = await visitor_store.get_by_id(db, guest["_id"])
    if visitor is None or visitor["_id"] != room["v"]["_id"]:
        raise PlainError("error-invalid-visitor")
    may_edit_fields = await has_permission(db, user, "edit-livechat-room-customfields")
    guest_fields = await _custom_values(db, "visitor", guest.get("livechatData")) if may_edit_fields else {}
    room_fields = await _custom_values(db, "room", data.get("livechatData")) if may_edit_fields else {}

    if guest.get("name"):
        visitor["name"] = guest["name"].strip()
    if guest.get("email"):
        visitor["visitorEmails"] = [{"address": guest["email"].strip().lower()}]
    if guest.get("phone") and not room.get("sms"):
        visitor["phone"] = [{"phoneNumber": guest["phone"].strip()}]
    _set_or_unset(visitor, guest_fields)
    visitor["_updatedAt"] = iso(now)
    await visitor_store.save_visitor(db, visitor)
    await refresh_room_snapshots(db, visitor, now)

    room = await room_store.get_room(db, data["_id"], for_update=True) or room
    room["fname"] = visitor.get("name") or visitor["username"]
    topic = data.get("topic")
    if topic is not None:
        if topic.strip():
            room["topic"] = topic.strip()
        else:
            room.pop("topic", None)
    tags = data.get("tags")
    if isinstance(tags, list) and tags:
        room["tags"] = list(dict.fromkeys(tags))
    else:
        room.pop("tags", None)
    _set_or_unset(room, room_fields)
    for key in ("priorityId", "slaId"):
        if key in data and data[key] is not None:
            if data[key]:
                room[key] = data[key]
            else:
                room.pop(key, None)
    room["_updatedAt"] = iso(now)
    await room_store.save_room(db, room)
