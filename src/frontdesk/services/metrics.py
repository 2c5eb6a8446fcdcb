"""The rules of docs/api/livechat-api.md §4: a room's derived fields and metrics, pure functions of it.

Every function takes the room as Rocket.Chat's JSON document (dates as ISO strings, written with
`clock.iso` and read with `clock.parse_iso`) and changes it in place; `now_ms` is the server time while
the change is processed. Times in `metrics` are seconds as floats (ms / 1000), as Rocket.Chat stores them.
Nothing here reads or writes the database: the lifecycle services load a room, call these, and save it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Literal, cast

from frontdesk.clock import iso, parse_iso
from frontdesk.documents import (
    JsonObject,
    MessageDoc,
    RoomDoc,
    RoomMetrics,
    RoomSource,
    UserRef,
    VisitorDoc,
    VisitorRef,
)

Room = RoomDoc
Message = MessageDoc

PRIORITY_NOT_SPECIFIED = 99
DEFAULT_ESTIMATED_WAITING_TIME_QUEUE = 9_999_999
# notifyUsersOnMessage treats a message more than this much older than "now" as an import: msgs only.
OLD_MESSAGE_MS = 60_000


# A room's own timestamps are read again at every message, so parsing them is memoised.
_parse_iso = lru_cache(maxsize=4096)(parse_iso)


def _ms(value: Any) -> int | None:
    return _parse_iso(value) if isinstance(value, str) else None


def _query_start(room: Room, fallback: int) -> int:
    """`metrics.v.lq ?? fallback` in epoch ms: when the visitor's current query began."""
    metrics: RoomMetrics = room.get("metrics") or {}
    found = _ms((metrics.get("v") or {}).get("lq"))
    return fallback if found is None else found


def _last_reply(room: Room, fallback: int) -> int:
    """`metrics.servedBy.lr ?? fallback` in epoch ms: the serving agent's last reply."""
    metrics: RoomMetrics = room.get("metrics") or {}
    found = _ms((metrics.get("servedBy") or {}).get("lr"))
    return fallback if found is None else found


def is_visitor_message(message: Message) -> bool:
    """Rocket.Chat's isMessageFromVisitor: a visitor's messages carry their token."""
    return "token" in message


def new_room(
    *,
    rid: str,
    visitor: VisitorDoc,
    now_ms: int,
    source: RoomSource | None = None,
    department_id: str | None = None,
    extra: JsonObject | None = None,
) -> Room:
    """§4.1: a new livechat room for a visitor document; `extra` adds fields Frontdesk does not model
    (the widget's customFields, an app channel's fields in demo data)."""
    now = iso(now_ms)
    snapshot: VisitorRef = {
        "_id": visitor["_id"],
        "username": visitor["username"],
        "token": visitor["token"],
        "status": visitor.get("status") or "online",
    }
    if visitor.get("activity"):
        snapshot["activity"] = list(visitor["activity"])
    room: Room = {
        "_id": rid,
        "msgs": 0,
        "usersCount": 1,
        "lm": now,
        "fname": visitor.get("name") or visitor["username"],
        "t": "l",
        "ts": now,
        "v": snapshot,
        "cl": False,
        "open": True,
        "waitingResponse": True,
        "source": source or {"type": "other", "alias": "unknown"},
        "queuedAt": now,
        "priorityWeight": PRIORITY_NOT_SPECIFIED,
        "estimatedWaitingTimeQueue": DEFAULT_ESTIMATED_WAITING_TIME_QUEUE,
        "_updatedAt": now,
    }
    department = department_id or visitor.get("department")
    if department:
        room["departmentId"] = department
    if extra:
        cast(JsonObject, room).update(extra)
    return room


def apply_agent_assigned(room: Room, agent: UserRef, now_ms: int) -> None:
    """§4.2 (also a transfer to an agent): `servedBy` with the assignment time, one more user."""
    now = iso(now_ms)
    room["servedBy"] = {"_id": agent["_id"], "username": agent["username"], "ts": now}
    room["usersCount"] = int(room.get("usersCount") or 0) + 1
    room["_updatedAt"] = now


def apply_hidden_system_message(room: Room, now_ms: int) -> None:
    """saveSystemMessage without notification (`command`, `uj`, `ul`): msgs += 1, lm untouched."""
    room["msgs"] = int(room.get("msgs") or 0) + 1
    room["_updatedAt"] = iso(now_ms)


def _count_message(room: Room, message: Message, now_ms: int, now: str) -> None:
    room["msgs"] = int(room.get("msgs") or 0) + 1
    room["_updatedAt"] = now
    thread_only = bool(message.get("tmid")) and not message.get("tshow")
    sent = _ms(message.get("ts"))
    if thread_only or sent is None or now_ms - sent > OLD_MESSAGE_MS:
        return
    room["lm"] = message["ts"]
    room["lastMessage"] = message.copy()


def apply_message_counters(room: Room, message: Message, now_ms: int) -> None:
    """§4.3 `msgs`, `lm`, `lastMessage`, for any notifying message (livechat-started/-close too)."""
    _count_message(room, message, now_ms, iso(now_ms))


def _visitor_message(room: Room, message: Message, now: str) -> None:
    ts = _ms(room["ts"]) or 0
    room["v"]["lastMessageTs"] = message["ts"]
    lq = _query_start(room, ts)
    lr = _last_reply(room, ts)
    if lr >= lq:  # the agent had answered: this message starts a new visitor query
        room.setdefault("metrics", {}).setdefault("v", {})["lq"] = message["ts"]
    if room.get("waitingResponse") is not True:
        room["waitingResponse"] = True
        room.pop("responseBy", None)
    room["_updatedAt"] = now


def apply_visitor_message(room: Room, message: Message, now_ms: int) -> None:
    """§4.3 visitor hooks: `v.lastMessageTs`, a query's start (`metrics.v.lq`), `waitingResponse`."""
    _visitor_message(room, message, iso(now_ms))


def _agent_message(room: Room, message: Message, now_ms: int, now: str) -> None:
    ts = _ms(room["ts"]) or 0
    metrics: RoomMetrics = room.get("metrics") or {}
    lq = _query_start(room, ts)
    lr = _last_reply(room, ts)
    first = "lr" not in metrics.get("servedBy", {})  # Rocket.Chat's `lr === room.ts` identity check
    if first or lq > lr:
        response = metrics.setdefault("response", {})
        reaction = metrics.setdefault("reaction", {})
        response_time = (now_ms - lq) / 1000
        if first:
            served = room.get("servedBy")
            join = _ms(served["ts"]) if served else None
            reaction_time = (now_ms - (ts if join is None else join)) / 1000
            if response_time:  # Rocket.Chat tests `firstResponseTime` for truthiness
                response["fd"], response["ft"] = now, response_time
                reaction["fd"], reaction["ft"] = now, reaction_time
        else:
            reaction_time = response_time
        total = int(response.get("total") or 0)
        response["avg"] = (float(response.get("tt") or 0) + response_time) / (total + 1)
        response["total"] = total + 1
        response["tt"] = float(response.get("tt") or 0) + response_time
        reaction["tt"] = float(reaction.get("tt") or 0) + reaction_time
    if lq > lr:
        metrics.setdefault("servedBy", {})["lr"] = message["ts"]
    if metrics:
        room["metrics"] = metrics
    sender = message["u"]
    if room.get("waitingResponse") is True:
        room["responseBy"] = room.get("responseBy") or {
            "_id": sender["_id"],
            "username": sender["username"],
            "firstResponseTs": message["ts"],
            "lastMessageTs": message["ts"],
        }
        del room["waitingResponse"]
    elif "responseBy" in room:
        room["responseBy"]["lastMessageTs"] = now
    activity = room["v"].setdefault("activity", [])
    if now[:7] not in activity:
        activity.append(now[:7])
    room["_updatedAt"] = now


def apply_agent_message(room: Room, message: Message, now_ms: int) -> None:
    """§4.3 agent hooks (the agent is `message.u`): response/reaction metrics, `servedBy.lr`, `responseBy`."""
    _agent_message(room, message, now_ms, iso(now_ms))


def record_message(room: Room, message: Message, now_ms: int) -> None:
    """Everything a message saved through sendMessage does to its room: counters, then the omnichannel hooks.

    System messages (`t` set) and edited messages only count, as afterOmnichannelSaveMessage skips them.
    """
    now = iso(now_ms)
    _count_message(room, message, now_ms, now)
    if message.get("t") or message.get("editedAt"):
        return
    if is_visitor_message(message):
        _visitor_message(room, message, now)
    else:
        _agent_message(room, message, now_ms, now)


def apply_close(
    room: Room,
    *,
    closer: Literal["user", "visitor"],
    closed_by: UserRef,
    now_ms: int,
    tags: Sequence[str] = (),
) -> None:
    """§4.4: closedAt, chat and service durations, who closed it; `tags` are joined to the room's own."""
    now = iso(now_ms)
    room["closedAt"] = now
    metrics = room.setdefault("metrics", {})
    metrics["chatDuration"] = (now_ms - (_ms(room["ts"]) or 0)) / 1000
    served = room.get("servedBy")
    served_at = _ms(served["ts"]) if served else None
    if served_at is not None and now_ms != served_at:
        metrics["serviceTimeDuration"] = (now_ms - served_at) / 1000
    room["v"]["status"] = "offline"
    room["closer"] = closer
    room["closedBy"] = {"_id": closed_by["_id"], "username": closed_by["username"]}
    joined = list(dict.fromkeys([*(room.get("tags") or []), *tags]))
    if joined:
        room["tags"] = joined
    room.pop("open", None)
    room["_updatedAt"] = now


def apply_on_hold(room: Room, now_ms: int) -> None:
    """§4.5 (EE): the agent puts the chat on hold."""
    room["onHold"] = True
    room["_updatedAt"] = iso(now_ms)


def apply_resume(room: Room, now_ms: int) -> None:
    """§4.5 (EE): the chat leaves hold."""
    room.pop("onHold", None)
    room["_updatedAt"] = iso(now_ms)


def apply_return_to_queue(room: Room, now_ms: int) -> None:
    """§4.5 removeAgentByRoomId: back in the queue from now, nobody serving."""
    now = iso(now_ms)
    room["queuedAt"] = now
    room.pop("servedBy", None)
    room["_updatedAt"] = now
