"""Routing (docs/api/livechat-api.md §5): who may take a chat, the least busy agent, taking an inquiry.

Capacity is checked with the chosen agent's row locked (SELECT ... FOR UPDATE on PostgreSQL; SQLite has a
single writer), so concurrent requests can never give an agent more chats than allowed.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.clock import iso
from frontdesk.documents import (
    InquiryDoc,
    RoomDoc,
    RoutingConfig,
    SubscriptionDoc,
    VisitorRef,
    picked,
    served_by_id,
)
from frontdesk.errors import MeteorError
from frontdesk.events.chats import AgentAssigned
from frontdesk.events.outbox import emit
from frontdesk.ids import random_id
from frontdesk.models.users import User
from frontdesk.services import metrics
from frontdesk.services import settings as settings_service
from frontdesk.services.access import public
from frontdesk.services.agent_card import agent_card
from frontdesk.services.chat_messages import author_of_user, do_system_message
from frontdesk.services.queue_places import announce_queue
from frontdesk.store import agents as agent_store
from frontdesk.store import departments as department_store
from frontdesk.store import inquiries as inquiry_store
from frontdesk.store import rooms as room_store
from frontdesk.store import subscriptions as subscription_store

AUTO, MANUAL = "Auto_Selection", "Manual_Selection"


async def routing_method(db: AsyncSession) -> str:
    method = str(await settings_service.get_value(db, "Livechat_Routing_Method"))
    return MANUAL if method == MANUAL else AUTO


# What each routing method lets clients offer (Rocket.Chat's RoutingManager.getConfig()).
_CONFIG: dict[str, RoutingConfig] = {
    AUTO: {"previewRoom": False, "showConnecting": False, "showQueue": False, "showQueueLink": True,
           "returnQueue": False, "enableTriggerAction": True, "autoAssignAgent": True},
    MANUAL: {"previewRoom": True, "showConnecting": True, "showQueue": True, "showQueueLink": False,
             "returnQueue": True, "enableTriggerAction": False, "autoAssignAgent": False},
}  # fmt: skip


@public("any logged-in user: it says what the routing method lets a client offer")
async def routing_config(db: AsyncSession) -> RoutingConfig:
    """livechat/config/routing."""
    return _CONFIG[await routing_method(db)].copy()


async def online_agents(db: AsyncSession, department_id: str | None = None) -> list[User]:
    allow_idle = bool(await settings_service.get_value(db, "Livechat_enabled_when_agent_idle"))
    agents = await agent_store.available_agents(db, allow_idle=allow_idle)
    if department_id is None:
        return agents
    members = set(await agent_store.department_agent_ids(db, department_id))
    return [a for a in agents if a.id in members]


def is_online(agent: User) -> bool:
    return (
        agent.active
        and agent.status_livechat == "available"
        and "livechat-agent" in agent.roles
        and ("bot" in agent.roles or agent.status != "offline")
    )


async def has_capacity(db: AsyncSession, agent: User, department_id: str | None) -> bool:
    """The per-agent (or global) and per-department limits of simultaneous chats; 0 means unlimited."""
    if "bot" in agent.roles:
        return True
    own = int((agent.extra.get("livechat") or {}).get("maxNumberSimultaneousChat") or 0)
    limit = own or int(await settings_service.get_value(db, "Livechat_maximum_chats_per_agent") or 0)
    if limit > 0 and await agent_store.serving_count(db, agent.id) >= limit:
        return False
    if department_id:
        department = await department_store.get_department(db, department_id)
        dept_limit = int(department.get("maxNumberSimultaneousChat") or 0) if department else 0
        if dept_limit > 0 and await agent_store.serving_count(db, agent.id, department_id) >= dept_limit:
            return False
    return True


async def pick_agent(db: AsyncSession, department_id: str | None, ignore: str | None = None) -> User | None:
    """Auto_Selection: the least busy online agent with room for one more chat, locked for the caller."""
    candidates = [a for a in await online_agents(db, department_id) if a.id != ignore]
    locked = await agent_store.lock_users(db, [a.id for a in candidates])
    for agent in sorted(locked, key=lambda a: (a.livechat_count, a.username)):
        if is_online(agent) and await has_capacity(db, agent, department_id):
            return agent
    return None


async def do_assign(db: AsyncSession, room: RoomDoc, inquiry: InquiryDoc, agent: User, now: int) -> None:
    """§4.2: the inquiry is taken, the agent subscribed and recorded as serving the room."""
    inquiry["status"] = "taken"
    inquiry["takenAt"] = iso(now)
    inquiry.pop("defaultAgent", None)
    inquiry.pop("estimatedInactivityCloseTimeAt", None)
    inquiry.pop("queuedAt", None)
    inquiry["_updatedAt"] = iso(now)
    await inquiry_store.save_inquiry(db, inquiry)
    previous = served_by_id(room)
    if previous and previous != agent.id:
        await subscription_store.delete_subscription(db, room["_id"], previous)
    subscription = None
    if await subscription_store.get_subscription(db, room["_id"], agent.id) is None:
        subscription = subscription_doc(room, agent, now)
        await subscription_store.insert_subscription(db, subscription)
    metrics.apply_agent_assigned(room, {"_id": agent.id, "username": agent.username}, now)
    author = author_of_user(agent)
    await do_system_message(db, room, "command", "connected", author, now, notify=False)
    await do_system_message(db, room, "uj", agent.username, author, now, notify=False)
    await agent_store.bump_livechat_count(db, agent.id)
    await room_store.save_room(db, room)
    card = await agent_card(db, agent)
    emit(db, AgentAssigned(room, dict(inquiry), agent.id, card, subscription, previous))  # type: ignore[arg-type]
    await announce_queue(db)


def subscription_doc(room: RoomDoc, agent: User, now: int) -> SubscriptionDoc:
    sub: SubscriptionDoc = {
        "_id": random_id(),
        "rid": room["_id"],
        "name": room["v"]["username"],
        "fname": room.get("fname"),
        "t": "l",
        "u": {"_id": agent.id, "username": agent.username, "name": agent.name},
        "v": cast(VisitorRef, picked(room["v"], ("_id", "username", "token", "status"))),
        "open": True,
        "alert": True,
        "unread": 1,
        "userMentions": 0,
        "groupMentions": 0,
        "ts": iso(now),
        "ls": iso(now),
        "lr": iso(now),
        "_updatedAt": iso(now),
    }
    if room.get("departmentId"):
        sub["department"] = room["departmentId"]
    return sub


async def check_take_inquiry(
    db: AsyncSession, inquiry_id: str, agent: User, now: int, *, client_action: bool = True
) -> InquiryDoc:
    """takeInquiry: exactly one of many concurrent takers wins; the others get `error-inquiry-taken`."""
    inquiry = await inquiry_store.get_inquiry(db, inquiry_id, for_update=True)
    if inquiry is None:
        raise MeteorError("error-not-found", "Inquiry not found")
    if inquiry["status"] == "taken":
        raise MeteorError("error-inquiry-taken", "Inquiry already taken")
    locked = await agent_store.lock_users(db, [agent.id])
    if not locked or not is_online(locked[0]):
        raise MeteorError(
            "error-agent-status-service-offline",
            "Agent status is offline or Omnichannel service is not active",
        )
    room = await room_store.get_room(db, inquiry["rid"], for_update=True)
    if room is None or room.get("open") is not True:
        raise MeteorError("error-room-closed", "Room closed")
    if not await has_capacity(db, locked[0], room.get("departmentId")):
        raise MeteorError("error-max-number-simultaneous-chats-reached", "Not allowed")
    await do_assign(db, room, inquiry, locked[0], now)
    return inquiry


async def do_dispatch(db: AsyncSession, room: RoomDoc, inquiry: InquiryDoc, now: int) -> bool:
    """Auto_Selection: hand a ready inquiry to the least busy agent; False if nobody can take it now."""
    agent = await pick_agent(db, room.get("departmentId"))
    if agent is None:
        return False
    await do_assign(db, room, inquiry, agent, now)
    return True


async def do_dispatch_waiting(db: AsyncSession, now: int, limit: int = 20) -> int:
    """Capacity was freed (a chat closed, an agent came online): route inquiries that were waiting."""
    if await routing_method(db) != AUTO:
        return 0
    waiting, _ = await inquiry_store.list_by_status(db, "ready", departments=None, offset=0, limit=limit)
    done = 0
    for inquiry in waiting:
        room = await room_store.get_room(db, inquiry["rid"], for_update=True)
        if room is None or room.get("open") is not True:
            continue
        if await do_dispatch(db, room, inquiry, now):
            done += 1
    return done
