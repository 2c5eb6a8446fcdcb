"""A livechat room's life: opening it for a visitor, who may touch it, and closing it."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.clock import iso
from frontdesk.documents import (
    InquiryDoc,
    InquiryStatus,
    JsonObject,
    RoomDoc,
    RoomSource,
    VisitorDoc,
)
from frontdesk.errors import MeteorError, PlainError
from frontdesk.events.chats import ChatQueued
from frontdesk.events.outbox import emit
from frontdesk.ids import object_id, random_id
from frontdesk.models.users import User
from frontdesk.services import metrics, routing
from frontdesk.services import settings as settings_service
from frontdesk.services.access import permission_check
from frontdesk.services.chat_messages import author_of_visitor, do_system_message
from frontdesk.services.visitors import access_visitor
from frontdesk.store import agents as agent_store
from frontdesk.store import departments as department_store
from frontdesk.store import inquiries as inquiry_store
from frontdesk.store import rooms as room_store
from frontdesk.store.room_reads import open_room_of_visitor

NO_AGENT = ("no-agent-online", "Sorry, no online agents")


@permission_check
async def access_visitor_room(
    db: AsyncSession, visitor: VisitorDoc, rid: Any, *, lock: bool = True
) -> RoomDoc:
    """The visitor's own room, locked for change unless told not to; another visitor's is `invalid-room`."""
    if not isinstance(rid, str) or not rid:
        raise PlainError("invalid-room")
    room = await room_store.get_room(db, rid, for_update=lock)
    if room is None or room.get("v", {}).get("token") != visitor["token"]:
        raise PlainError("invalid-room")
    return room


async def _department_with_agents(db: AsyncSession, department_id: str | None) -> str | None:
    """getDepartment: the visitor's department, or its fallback chain's first one with an agent online."""
    seen: set[str] = set()
    current = department_id
    while current and current not in seen:
        seen.add(current)
        if await routing.online_agents(db, current):
            return current
        department = await department_store.get_department(db, current)
        current = department.get("fallbackForwardDepartment") if department else None
    return None


async def check_open_room(
    db: AsyncSession,
    token: Any,
    now: int,
    *,
    rid: str | None = None,
    agent_id: str | None = None,
    source: RoomSource | None = None,
    extra: JsonObject | None = None,
) -> tuple[RoomDoc, bool]:
    """GET livechat/room: the visitor's open room, or a new one routed as the settings say."""
    visitor = await access_visitor(db, token)
    if rid:
        room = await room_store.get_room(db, rid)
        if room is None or room.get("open") is not True or room["v"].get("token") != visitor["token"]:
            raise PlainError("invalid-room")
        return room, False
    existing = await open_room_of_visitor(db, visitor["token"])
    if existing is not None:
        return existing, False
    department_id = visitor.get("department")
    if department_id and await department_store.get_department(db, department_id) is None:
        department_id = None
    accept_without_agents = bool(await settings_service.get_value(db, "Livechat_accept_chats_with_no_agents"))
    default_agent: User | None = None
    if agent_id:
        candidates = [a for a in await routing.online_agents(db) if a.id == agent_id]
        default_agent = candidates[0] if candidates else None
        if default_agent is None and not accept_without_agents:
            raise MeteorError(*NO_AGENT)
    elif department_id:
        routed = await _department_with_agents(db, department_id)
        if routed is None and not accept_without_agents:
            raise MeteorError(*NO_AGENT)
        department_id = routed or department_id
    elif not accept_without_agents and not await routing.online_agents(db):
        raise MeteorError(*NO_AGENT)
    return await do_create_room(db, visitor, now, department_id, default_agent, source, extra), True


async def do_create_room(
    db: AsyncSession,
    visitor: VisitorDoc,
    now: int,
    department_id: str | None,
    default_agent: User | None,
    source: RoomSource | None,
    extra: JsonObject | None,
) -> RoomDoc:
    """docs/api/livechat-api.md §4.1: room, inquiry, `livechat-started` in one transaction, then routing."""
    room = metrics.new_room(
        rid=random_id(), visitor=visitor, now_ms=now, source=source, department_id=department_id, extra=extra
    )
    method = await routing.routing_method(db)
    waiting_queue = bool(await settings_service.get_value(db, "Livechat_waiting_queue"))
    status: InquiryStatus = "queued" if method == routing.MANUAL or waiting_queue else "ready"
    inquiry: InquiryDoc = {
        "_id": object_id(),
        "rid": room["_id"],
        "name": room["fname"],
        "ts": iso(now),
        "message": "",
        "status": status,
        "v": room["v"].copy(),
        "t": "l",
        "queuedAt": iso(now),
        "source": {"type": room["source"]["type"]},
        "priorityWeight": metrics.PRIORITY_NOT_SPECIFIED,
        "estimatedWaitingTimeQueue": metrics.DEFAULT_ESTIMATED_WAITING_TIME_QUEUE,
        "_updatedAt": iso(now),
    }
    if room.get("departmentId"):
        inquiry["department"] = room["departmentId"]
    if default_agent is not None:
        inquiry["defaultAgent"] = {"agentId": default_agent.id, "username": default_agent.username}
    author = author_of_visitor(visitor)
    await room_store.insert_rooms(db, [room])
    await inquiry_store.insert_inquiries(db, [inquiry])
    await do_system_message(db, room, "livechat-started", "", author, now, token=visitor["token"])
    await room_store.save_room(db, room)
    if status == "queued":
        spot = await inquiry_store.queue_position(db, inquiry)
        agents = tuple(a.id for a in await routing.online_agents(db, inquiry.get("department")))
        emit(db, ChatQueued(room, dict(inquiry), spot, agents))  # type: ignore[arg-type]
    if status == "ready":
        if default_agent is not None:
            locked = await agent_store.lock_users(db, [default_agent.id])
            if locked and await routing.has_capacity(db, locked[0], room.get("departmentId")):
                await routing.do_assign(db, room, inquiry, locked[0], now)
                return room
        await routing.do_dispatch(db, room, inquiry, now)
    return room
