"""Livechat visitors: registering, finding by token, status, deletion."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.clock import iso
from frontdesk.documents import DeletedVisitor, DepartmentDoc, JsonObject, VisitorDoc
from frontdesk.errors import MeteorError, PlainError
from frontdesk.events.outbox import emit
from frontdesk.events.presence import VisitorChanged
from frontdesk.ids import object_id
from frontdesk.services.access import permission_check, public
from frontdesk.store import custom_fields as custom_field_store
from frontdesk.store import departments as department_store
from frontdesk.store import inquiries as inquiry_store
from frontdesk.store import messages as message_store
from frontdesk.store import rooms as room_store
from frontdesk.store import settings as settings_store
from frontdesk.store import subscriptions as subscription_store
from frontdesk.store import visitors as store
from frontdesk.store.room_reads import open_rooms_of_visitor, room_ids_of_visitor

VISITOR_STATUSES = ("online", "away", "busy", "offline")


async def find_visitor(db: AsyncSession, token: str) -> VisitorDoc | None:
    visitor = await store.get_by_token(db, token)
    return None if visitor is None or visitor.get("disabled") else visitor


@permission_check
async def access_visitor(db: AsyncSession, token: Any) -> VisitorDoc:
    """The visitor owning a token, or Rocket.Chat's plain `invalid-token`."""
    if not isinstance(token, str) or not token:
        raise PlainError("invalid-token")
    visitor = await store.get_by_token(db, token)
    if visitor is None or visitor.get("disabled"):
        raise PlainError("invalid-token")
    return visitor


async def resolve_department(db: AsyncSession, value: str) -> DepartmentDoc | None:
    """A department by id, or else by name."""
    found = await department_store.get_department(db, value)
    if found is None:
        found = await department_store.get_department_by_name(db, value)
    return found


@public("registering a visitor is open to anyone (rate-limited at the door), as in Rocket.Chat")
async def check_register_visitor(db: AsyncSession, data: JsonObject, now: int) -> VisitorDoc:
    """POST livechat/visitor: create or update the visitor with this token (then phone, then email)."""
    token = data.get("token")
    if not isinstance(token, str) or not token.strip():
        raise MeteorError("error-invalid-token", "Token cannot be empty")
    department_id = None
    if data.get("department"):
        department = await resolve_department(db, str(data["department"]))
        if department is None:
            raise MeteorError("error-invalid-department", "The provided department is invalid")
        department_id = department["_id"]
    raw_email = data.get("email")
    email = raw_email.strip().lower() if isinstance(raw_email, str) else None
    phone = data.get("phone") if isinstance(data.get("phone"), str) else None
    existing = await store.get_by_token(db, token)
    if existing is None and (phone or email):
        existing = await store.find_by_phone_or_email(db, phone, email)
    visitor: VisitorDoc = existing or {
        "_id": await _free_id(db, data.get("id")),
        "username": await _free_username(db, data.get("username")) or await _guest_username(db, now),
        "ts": iso(now),
        "status": "online",
        "token": token,
    }
    visitor["token"] = token
    if data.get("name"):
        visitor["name"] = data["name"]
    if department_id:
        visitor["department"] = department_id
    if email:
        visitor["visitorEmails"] = [{"address": email}]
    if phone:
        visitor["phone"] = [{"phoneNumber": phone}]
    fields = data.get("customFields") or []
    if fields:
        await _apply_visitor_fields(db, visitor, fields)
    visitor["_updatedAt"] = iso(now)
    if existing is None:
        await store.insert_visitors(db, [visitor])
    else:
        await store.save_visitor(db, visitor)
        await refresh_room_snapshots(db, visitor, now)
    return visitor


async def _free_id(db: AsyncSession, wanted: Any) -> str:
    """The id a new visitor asked for, unless another visitor has it: then a fresh one.

    Rocket.Chat upserts by `_id`, so naming another visitor's id takes that visitor's record over (its
    token replaced, no login needed); a fresh id keeps both visitors whole."""
    if isinstance(wanted, str) and wanted and await store.get_by_id(db, wanted) is None:
        return wanted
    return object_id()


async def _free_username(db: AsyncSession, wanted: Any) -> str | None:
    """The username a new visitor asked for, unless another visitor has it (None: use a guest name).

    Rocket.Chat stores a second visitor under the same username; rooms and messages name visitors by
    username here, so it stays unique."""
    if isinstance(wanted, str) and wanted and await store.get_by_username(db, wanted) is None:
        return wanted
    return None


async def _guest_username(db: AsyncSession, now: int) -> str:
    return f"guest-{await settings_store.next_counter(db, 'Livechat_guest_count', 1, now)}"


async def _apply_visitor_fields(db: AsyncSession, visitor: VisitorDoc, fields: list[JsonObject]) -> None:
    """Registration's customFields: visitor-scope definitions only (others are ignored, not refused),
    read in one query."""
    keys = list(dict.fromkeys(str(f["key"]) for f in fields))
    definitions = await custom_field_store.get_custom_fields(db, keys)
    data = visitor.setdefault("livechatData", {})
    for field in fields:
        definition = definitions.get(field["key"])
        if definition is None or definition.get("scope") != "visitor":
            continue
        if field.get("overwrite") or field["key"] not in data:
            data[field["key"]] = field["value"]


async def refresh_room_snapshots(db: AsyncSession, visitor: VisitorDoc, now: int) -> None:
    """Open rooms keep a copy of the visitor's name and status: keep it current."""
    for room in await open_rooms_of_visitor(db, visitor["token"]):
        room["fname"] = visitor.get("name") or visitor["username"]
        room["v"]["status"] = visitor.get("status", "online")
        room["_updatedAt"] = iso(now)
        await room_store.save_room(db, room)


async def do_set_status(db: AsyncSession, visitor: VisitorDoc, status: str, now: int) -> None:
    visitor["status"] = status
    visitor["_updatedAt"] = iso(now)
    await store.save_visitor(db, visitor)
    await refresh_room_snapshots(db, visitor, now)
    rooms = await open_rooms_of_visitor(db, visitor["token"])
    emit(db, VisitorChanged(visitor, tuple(r["_id"] for r in rooms)))


async def check_set_status(db: AsyncSession, token: Any, status: Any, now: int) -> None:
    """livechat/visitor.status, livechat:visitorStatus: the visitor's own presence."""
    visitor = await access_visitor(db, token)
    if status not in VISITOR_STATUSES:
        raise MeteorError("error-invalid-status", "Invalid status")
    await do_set_status(db, visitor, status, now)


async def check_connection_closed(db: AsyncSession, token: str, now: int) -> None:
    """The widget's websocket is gone: its visitor shows as offline (Rocket.Chat does the same)."""
    visitor = await access_visitor(db, token)
    if visitor.get("status") != "offline":
        await do_set_status(db, visitor, "offline", now)


async def check_delete_visitor(db: AsyncSession, token: Any, now: int) -> DeletedVisitor:
    """DELETE livechat/visitor/:token: refused while a chat is open; otherwise rooms and messages go too."""
    visitor = await access_visitor(db, token)
    if await open_rooms_of_visitor(db, visitor["token"]):
        raise PlainError("visitor-has-open-rooms")
    for rid in await room_ids_of_visitor(db, visitor["_id"]):
        await message_store.delete_room_messages(db, rid)
        await subscription_store.delete_room_subscriptions(db, rid)
        await inquiry_store.delete_by_room(db, rid)
        await room_store.delete_rooms(db, [rid])
    await store.delete_visitor(db, visitor["_id"])
    return {"_id": visitor["_id"], "ts": iso(now)}
