"""The realtime events of each state change, built here so that a service makes one call per change.

Every function only queues events on the transaction (outbox.emit): they leave after its commit.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.models.users import User
from frontdesk.realtime.events import Event
from frontdesk.realtime.outbox import emit
from frontdesk.store import inquiries as inquiry_store
from frontdesk.store import subscriptions as subscription_store
from frontdesk.store.room_reads import open_rooms_of_visitor

ROOM_MESSAGES = "stream-room-messages"
LIVECHAT_ROOM = "stream-livechat-room"
NOTIFY_ROOM = "stream-notify-room"
NOTIFY_USER = "stream-notify-user"
INQUIRY_QUEUE = "stream-livechat-inquiry-queue-observer"
QUEUE_REFRESH_LIMIT = 50  # waiting visitors told their new place when the queue moves


def _user_event(uid: str, event: str, *args: Any) -> Event:
    return Event(NOTIFY_USER, f"{uid}/{event}", list(args))


async def message_saved(db: AsyncSession, room: dict[str, Any], message: dict[str, Any]) -> None:
    """A new or edited message: to the room's stream, and the room's new state to each subscribed agent."""
    emit(db, Event(ROOM_MESSAGES, message["rid"], [message]))
    for sub in await subscription_store.room_subscriptions(db, message["rid"]):
        emit(db, _user_event(sub["u"]["_id"], "rooms-changed", "updated", room))


def message_deleted(db: AsyncSession, rid: str, message_id: str) -> None:
    emit(db, Event(NOTIFY_ROOM, f"{rid}/deleteMessage", [{"_id": message_id}]))


def activity(db: AsyncSession, rid: str, event: str, username: str, rest: list[Any]) -> None:
    """Typing, in both forms: the widget listens to `<rid>/typing` `[username, bool]`, newer agent clients to
    `<rid>/user-activity` `[username, ["user-typing"] | [], extra]`; each writer reaches both."""
    if event == "typing":
        typing = bool(rest[0]) if rest else False
        emit(db, Event(NOTIFY_ROOM, f"{rid}/typing", [username, typing]))
        emit(
            db, Event(NOTIFY_ROOM, f"{rid}/user-activity", [username, ["user-typing"] if typing else [], {}])
        )
    elif event == "user-activity":
        activities = rest[0] if rest and isinstance(rest[0], list) else []
        extra = rest[1] if len(rest) > 1 and isinstance(rest[1], dict) else {}
        emit(db, Event(NOTIFY_ROOM, f"{rid}/user-activity", [username, activities, extra]))
        emit(db, Event(NOTIFY_ROOM, f"{rid}/typing", [username, "user-typing" in activities]))
    else:
        emit(db, Event(NOTIFY_ROOM, f"{rid}/{event}", [username, *rest]))


def agent_status(db: AsyncSession, rid: str, status: str) -> None:
    emit(db, Event(LIVECHAT_ROOM, rid, [{"type": "agentStatus", "status": status}]))


async def agent_assigned(
    db: AsyncSession,
    room: dict[str, Any],
    inquiry: dict[str, Any],
    agent: User,
    subscription: dict[str, Any] | None,
    previous_agent_id: str | None,
) -> None:
    """The visitor learns who serves them; the agent gets the room and subscription; the queue moves up."""
    from frontdesk.services.livechat_agents import agent_card  # services import this module

    rid = room["_id"]
    emit(db, Event(LIVECHAT_ROOM, rid, [{"type": "agentData", "data": await agent_card(db, agent)}]))
    if previous_agent_id and previous_agent_id != agent.id:
        emit(db, _user_event(previous_agent_id, "subscriptions-changed", "removed", {"rid": rid}))
        emit(db, _user_event(previous_agent_id, "rooms-changed", "removed", {"_id": rid}))
    if subscription is not None:
        emit(db, _user_event(agent.id, "subscriptions-changed", "inserted", subscription))
    emit(db, _user_event(agent.id, "rooms-changed", "inserted" if subscription else "updated", room))
    emit(db, Event(INQUIRY_QUEUE, "public", [{**inquiry, "type": "removed"}]))
    await queue_moved(db)


async def room_created(db: AsyncSession, room: dict[str, Any], inquiry: dict[str, Any]) -> None:
    """A queued inquiry (manual routing or waiting queue): the visitor's place; agents who could take it."""
    if inquiry.get("status") != "queued":
        return
    from frontdesk.services.routing import online_agents  # services import this module

    spot = await inquiry_store.queue_position(db, inquiry)
    emit(db, Event(LIVECHAT_ROOM, room["_id"], [_queue_data(spot)]))
    emit(db, Event(INQUIRY_QUEUE, "public", [{**inquiry, "type": "added"}]))
    if inquiry.get("department"):
        emit(db, Event(INQUIRY_QUEUE, f"department/{inquiry['department']}", [{**inquiry, "type": "added"}]))
    notification = {
        "title": "New chat in queue",
        "text": f"{room.get('fname') or room['v']['username']} is waiting",
        "payload": {"_id": inquiry["_id"], "rid": room["_id"], "type": "l", "sender": room["v"]},
    }
    for agent in await online_agents(db, inquiry.get("department")):
        emit(db, _user_event(agent.id, "notification", notification))


async def room_closing(db: AsyncSession, room: dict[str, Any]) -> None:
    """Before the subscriptions go: each agent loses the room; a closed queued chat moves the queue."""
    rid = room["_id"]
    for sub in await subscription_store.room_subscriptions(db, rid):
        emit(db, _user_event(sub["u"]["_id"], "subscriptions-changed", "removed", sub))
        emit(db, _user_event(sub["u"]["_id"], "rooms-changed", "removed", room))
    inquiry = await inquiry_store.get_by_room(db, rid)
    if inquiry is not None and inquiry.get("status") == "queued":
        emit(db, Event(INQUIRY_QUEUE, "public", [{**inquiry, "type": "removed"}]))
        await queue_moved(db, exclude=rid)


async def queue_moved(db: AsyncSession, exclude: str | None = None) -> None:
    waiting, _ = await inquiry_store.list_by_status(
        db, "queued", departments=None, offset=0, limit=QUEUE_REFRESH_LIMIT + 1
    )
    spot = 0
    for inquiry in waiting:
        if inquiry["rid"] == exclude:
            continue
        spot += 1
        if spot > QUEUE_REFRESH_LIMIT:
            break
        emit(db, Event(LIVECHAT_ROOM, inquiry["rid"], [_queue_data(spot)]))


def _queue_data(spot: int) -> dict[str, Any]:
    return {"type": "queueData", "data": {"spot": spot, "estimatedWaitTimeSeconds": 0}}


async def visitor_changed(db: AsyncSession, visitor: dict[str, Any]) -> None:
    for room in await open_rooms_of_visitor(db, visitor["token"]):
        emit(db, Event(LIVECHAT_ROOM, room["_id"], [{"type": "visitorData", "visitor": visitor}]))
