"""A livechat room's life: opening it for a visitor, who may touch it, and closing it."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.clock import iso
from frontdesk.documents import (
    InquiryDoc,
    InquiryStatus,
    JsonObject,
    MessageFields,
    RoomDoc,
    RoomSource,
    UserRef,
    VisitorDoc,
)
from frontdesk.errors import MeteorError, PlainError
from frontdesk.events.chats import ChatClosing, ChatQueued
from frontdesk.events.outbox import emit
from frontdesk.ids import object_id, random_id
from frontdesk.models.users import User
from frontdesk.services import metrics, routing
from frontdesk.services import settings as settings_service
from frontdesk.services.access import permission_check
from frontdesk.services.chat_messages import author_of_user, author_of_visitor, do_system_message
from frontdesk.services.permissions import check_permission, has_permission
from frontdesk.services.queue_places import announce_queue
from frontdesk.services.visitors import access_visitor
from frontdesk.store import agents as agent_store
from frontdesk.store import departments as department_store
from frontdesk.store import inquiries as inquiry_store
from frontdesk.store import rooms as room_store
from frontdesk.store import subscriptions as subscription_store
from frontdesk.store.room_reads import open_room_of_visitor

NO_AGENT = ("no-agent-online", "Sorry, no online agents")


@permission_check
async def access_visitor_room(db: AsyncSession, visitor: VisitorDoc, rid: Any) -> RoomDoc:
    """The visitor's own room, locked for change; another visitor's room is `invalid-room`."""
    if not isinstance(rid, str) or not rid:
        raise PlainError("invalid-room")
    room = await room_store.get_room(db, rid, for_update=True)
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


async def do_close(
    db: AsyncSession,
    room: RoomDoc,
    now: int,
    *,
    closer: str,
    closed_by: UserRef,
    comment: str,
    tags: list[str] | None = None,
    visitor_token: str | None = None,
) -> None:
    """docs/api/livechat-api.md §4.4: close fields and metrics, inquiry and subscriptions gone,
    `livechat-close`, then re-route."""
    metrics.apply_close(room, closer=closer, closed_by=closed_by, now_ms=now, tags=tags or [])  # type: ignore[arg-type]
    await _emit_closing(db, room)
    await inquiry_store.delete_by_room(db, room["_id"])
    await subscription_store.delete_room_subscriptions(db, room["_id"])
    extra: MessageFields = {"transcriptRequested": False}
    if visitor_token:
        extra["token"] = visitor_token
    await do_system_message(db, room, "livechat-close", comment, closed_by, now, **extra)
    await room_store.save_room(db, room)
    await routing.do_dispatch_waiting(db, now)


async def _emit_closing(db: AsyncSession, room: RoomDoc) -> None:
    """Before the subscriptions go: each agent loses the room; a closed queued chat moves the queue."""
    subscriptions = tuple(await subscription_store.room_subscriptions(db, room["_id"]))
    inquiry = await inquiry_store.get_by_room(db, room["_id"])
    queued = dict(inquiry) if inquiry is not None and inquiry.get("status") == "queued" else None
    emit(db, ChatClosing(room, subscriptions, queued))  # type: ignore[arg-type]
    if queued is not None:
        await announce_queue(db, exclude=room["_id"])


async def check_close_by_visitor(db: AsyncSession, token: Any, rid: Any, now: int) -> str:
    visitor = await access_visitor(db, token)
    if not await settings_service.get_value(db, "Omnichannel_allow_visitors_to_close_conversation"):
        raise PlainError("error-not-allowed-to-close-conversation")
    room = await access_visitor_room(db, visitor, rid)
    if room.get("open") is not True:
        raise PlainError("room-closed")
    comment = "Closed by visitor"
    await do_close(
        db,
        room,
        now,
        closer="visitor",
        closed_by=author_of_visitor(visitor),
        comment=comment,
        visitor_token=visitor["token"],
    )
    return comment


async def check_close_by_user(
    db: AsyncSession, user: User, rid: str, comment: str | None, tags: list[str] | None, now: int
) -> None:
    await check_permission(db, user, "close-livechat-room")
    room = await room_store.get_room(db, rid, for_update=True)
    if room is None:
        raise PlainError("error-invalid-room")
    if room.get("open") is not True:
        raise PlainError("error-room-already-closed")
    subscribed = await subscription_store.get_subscription(db, rid, user.id) is not None
    if not subscribed and not await has_permission(db, user, "close-others-livechat-room"):
        raise PlainError("error-not-authorized")
    text = (comment or "").strip()
    if not text and await settings_service.get_value(
        db, "Livechat_request_comment_when_closing_conversation"
    ):
        raise MeteorError("error-comment-is-required", "Comment is required")
    all_tags = list(tags or [])
    department = (
        await department_store.get_department(db, room["departmentId"]) if room.get("departmentId") else None
    )
    if department is not None:
        if department.get("requestTagBeforeClosingChat") and not (all_tags or room.get("tags")):
            raise MeteorError(
                "error-tags-must-be-assigned-before-closing-chat",
                "Tag(s) must be assigned before closing the chat",
            )
        all_tags += [t for t in department.get("chatClosingTags") or [] if t not in all_tags]
    await do_close(db, room, now, closer="user", closed_by=author_of_user(user), comment=text, tags=all_tags)
