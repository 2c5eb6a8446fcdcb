"""The DDP streams' subscriber: each committed domain event as the Rocket.Chat stream messages clients
listen to, published through the broker to every process's websocket hub."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from frontdesk.documents import InquiryDoc
from frontdesk.events.chats import AgentAssigned, ChatClosing, ChatQueued, InquiryChanged, QueueMoved
from frontdesk.events.event import Event
from frontdesk.events.messages import MessageDeleted, MessageSaved
from frontdesk.events.presence import (
    AgentAvailabilityChanged,
    AgentStatusChanged,
    StatusTextChanged,
    UserActivity,
    VisitorChanged,
)
from frontdesk.events.subscriptions import SubscriptionChanged
from frontdesk.realtime.broker import Broker
from frontdesk.realtime.stream_message import StreamMessage

ROOM_MESSAGES = "stream-room-messages"
LIVECHAT_ROOM = "stream-livechat-room"
NOTIFY_ROOM = "stream-notify-room"
NOTIFY_USER = "stream-notify-user"
INQUIRY_QUEUE = "stream-livechat-inquiry-queue-observer"


def _to_user(uid: str, event: str, *args: Any) -> StreamMessage:
    return StreamMessage(NOTIFY_USER, f"{uid}/{event}", list(args))


def _queue_data(rid: str, spot: int) -> StreamMessage:
    return StreamMessage(
        LIVECHAT_ROOM, rid, [{"type": "queueData", "data": {"spot": spot, "estimatedWaitTimeSeconds": 0}}]
    )


def _user_data(uid: str, diff: dict[str, Any]) -> StreamMessage:
    """The user's own record changed: every client of theirs updates its copy (Rocket.Chat's userData)."""
    return _to_user(uid, "userData", {"type": "updated", "id": uid, "diff": diff, "unset": {}})


def _to_queue(inquiry: InquiryDoc, kind: str) -> list[StreamMessage]:
    """An inquiry change to the public queue observers, and to its department's."""
    out = [StreamMessage(INQUIRY_QUEUE, "public", [{**inquiry, "type": kind}])]
    if inquiry.get("department"):
        out.append(
            StreamMessage(INQUIRY_QUEUE, f"department/{inquiry['department']}", [{**inquiry, "type": kind}])
        )
    return out


def message_saved(e: MessageSaved) -> list[StreamMessage]:
    """To the room's stream, and the room's new state to each subscribed agent."""
    out = [StreamMessage(ROOM_MESSAGES, e.message["rid"], [e.message])]
    out += [_to_user(uid, "rooms-changed", "updated", e.room) for uid in e.subscriber_ids]
    return out


def message_deleted(e: MessageDeleted) -> list[StreamMessage]:
    return [StreamMessage(NOTIFY_ROOM, f"{e.rid}/deleteMessage", [{"_id": e.message_id}])]


def user_activity(e: UserActivity) -> list[StreamMessage]:
    """Typing, in both forms: the widget listens to `<rid>/typing` `[username, bool]`, newer agent clients to
    `<rid>/user-activity` `[username, ["user-typing"] | [], extra]`; each writer reaches both."""
    rest = list(e.args)
    if e.activity == "typing":
        typing = bool(rest[0]) if rest else False
        return [
            StreamMessage(NOTIFY_ROOM, f"{e.rid}/typing", [e.username, typing]),
            StreamMessage(
                NOTIFY_ROOM, f"{e.rid}/user-activity", [e.username, ["user-typing"] if typing else [], {}]
            ),
        ]
    if e.activity == "user-activity":
        activities = rest[0] if rest and isinstance(rest[0], list) else []
        extra = rest[1] if len(rest) > 1 and isinstance(rest[1], dict) else {}
        return [
            StreamMessage(NOTIFY_ROOM, f"{e.rid}/user-activity", [e.username, activities, extra]),
            StreamMessage(NOTIFY_ROOM, f"{e.rid}/typing", [e.username, "user-typing" in activities]),
        ]
    return [StreamMessage(NOTIFY_ROOM, f"{e.rid}/{e.activity}", [e.username, *rest])]


def agent_status(e: AgentStatusChanged) -> list[StreamMessage]:
    """The visitors the agent serves see the new status; the agent's own clients their record change."""
    out = [
        StreamMessage(LIVECHAT_ROOM, rid, [{"type": "agentStatus", "status": e.status}])
        for rid in e.open_room_ids
    ]
    diff: dict[str, Any] = {"status": e.status}
    if e.status_text is not None:
        diff["statusText"] = e.status_text
    out.append(_user_data(e.agent_id, diff))
    return out


def status_text(e: StatusTextChanged) -> list[StreamMessage]:
    return [_user_data(e.user_id, {"statusText": e.status_text})]


def agent_availability(e: AgentAvailabilityChanged) -> list[StreamMessage]:
    return [_user_data(e.agent_id, {"statusLivechat": e.status})]


def subscription_changed(e: SubscriptionChanged) -> list[StreamMessage]:
    sub = e.subscription
    return [_to_user(sub["u"]["_id"], "subscriptions-changed", "updated", sub)]


def visitor_changed(e: VisitorChanged) -> list[StreamMessage]:
    data = {"type": "visitorData", "visitor": e.visitor}
    return [StreamMessage(LIVECHAT_ROOM, rid, [data]) for rid in e.open_room_ids]


def chat_queued(e: ChatQueued) -> list[StreamMessage]:
    """The visitor's place; the queue observers; a notification to each agent who could take it."""
    room, inquiry = e.room, e.inquiry
    out = [_queue_data(room["_id"], e.spot), *_to_queue(inquiry, "added")]
    notification = {
        "title": "New chat in queue",
        "text": f"{room.get('fname') or room['v']['username']} is waiting",
        "payload": {"_id": inquiry["_id"], "rid": room["_id"], "type": "l", "sender": room["v"]},
    }
    out += [_to_user(uid, "notification", notification) for uid in e.online_agent_ids]
    return out


def agent_assigned(e: AgentAssigned) -> list[StreamMessage]:
    """The visitor learns who serves them; the agent gets the room and subscription; the queue loses it."""
    rid = e.room["_id"]
    out = [StreamMessage(LIVECHAT_ROOM, rid, [{"type": "agentData", "data": e.agent}])]
    if e.previous_agent_id and e.previous_agent_id != e.agent_id:
        out.append(_to_user(e.previous_agent_id, "subscriptions-changed", "removed", {"rid": rid}))
        out.append(_to_user(e.previous_agent_id, "rooms-changed", "removed", {"_id": rid}))
    if e.subscription is not None:
        out.append(_to_user(e.agent_id, "subscriptions-changed", "inserted", e.subscription))
    out.append(_to_user(e.agent_id, "rooms-changed", "inserted" if e.subscription else "updated", e.room))
    out.append(StreamMessage(INQUIRY_QUEUE, "public", [{**e.inquiry, "type": "removed"}]))
    return out


def chat_closing(e: ChatClosing) -> list[StreamMessage]:
    out = []
    for sub in e.subscriptions:
        out.append(_to_user(sub["u"]["_id"], "subscriptions-changed", "removed", sub))
        out.append(_to_user(sub["u"]["_id"], "rooms-changed", "removed", e.room))
    if e.queued_inquiry is not None:
        out.append(StreamMessage(INQUIRY_QUEUE, "public", [{**e.queued_inquiry, "type": "removed"}]))
    return out


def inquiry_changed(e: InquiryChanged) -> list[StreamMessage]:
    return _to_queue(e.inquiry, "changed")


def queue_moved(e: QueueMoved) -> list[StreamMessage]:
    return [_queue_data(rid, spot) for rid, spot in e.spots]


TRANSLATIONS: dict[type[Event], Callable[[Any], list[StreamMessage]]] = {
    MessageSaved: message_saved,
    MessageDeleted: message_deleted,
    UserActivity: user_activity,
    AgentStatusChanged: agent_status,
    StatusTextChanged: status_text,
    AgentAvailabilityChanged: agent_availability,
    SubscriptionChanged: subscription_changed,
    VisitorChanged: visitor_changed,
    ChatQueued: chat_queued,
    AgentAssigned: agent_assigned,
    ChatClosing: chat_closing,
    InquiryChanged: inquiry_changed,
    QueueMoved: queue_moved,
}


def stream_messages(events: Sequence[Event]) -> list[StreamMessage]:
    """The stream messages of a batch, in event order; events no stream shows are skipped."""
    out: list[StreamMessage] = []
    for event in events:
        translate = TRANSLATIONS.get(type(event))
        if translate is not None:
            out += translate(event)
    return out


class StreamFeed:
    """Registered on the event bus while the broker runs."""

    def __init__(self, broker: Broker) -> None:
        self.broker = broker

    async def __call__(self, events: Sequence[Event]) -> None:
        messages = stream_messages(events)
        if messages:
            await self.broker.publish(messages)
