"""Who may subscribe to which stream event: a visitor by the token of the room's own visitor, an agent by
the same room-access rule as REST, a user only to their own `stream-notify-user` events."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.models.users import User
from frontdesk.services import room_access

ROOM_STREAMS = frozenset({"stream-room-messages", "stream-livechat-room", "stream-notify-room"})
USER_STREAMS = frozenset({"stream-notify-user"})
QUEUE_STREAMS = frozenset({"stream-livechat-inquiry-queue-observer"})
# Streams clients open that we never write to: accepted (a `nosub` would stall some clients), never fed.
QUIET_STREAMS = frozenset(
    {"stream-notify-logged", "stream-notify-all", "stream-user-presence", "meteor_autoupdate_clientVersions",
     "stream-roles", "stream-apps", "stream-importers", "stream-notify-room-users", "stream-livechat-agent"}
)  # fmt: skip


class StreamRefused(Exception):
    """The subscriber may not see this stream event."""


def room_id_of(stream: str, event_name: str) -> str:
    return event_name.split("/", 1)[0] if stream == "stream-notify-room" else event_name


def visitor_token_of(rest: list[Any]) -> str | None:
    """The token a visitor passes in stream options (`{args: [{token, visitorToken}]}`) or a typing call."""
    for item in rest:
        if not isinstance(item, dict):
            continue
        args = item.get("args")
        candidates = [item, *(args if isinstance(args, list) else [])]
        for candidate in candidates:
            if isinstance(candidate, dict):
                token = candidate.get("token") or candidate.get("visitorToken")
                if isinstance(token, str) and token:
                    return token
    return None


async def check_subscription(
    db: AsyncSession, user: User | None, visitor_token: str | None, stream: str, params: list[Any]
) -> tuple[str, str] | None:
    """The (stream, eventName) this subscription listens to; None for a stream we accept but never feed."""
    event_name = params[0] if params else None
    if stream in QUIET_STREAMS:
        return None
    if not isinstance(event_name, str) or not event_name:
        raise StreamRefused()
    if stream in ROOM_STREAMS:
        if event_name == "__my_messages__":
            return None
        token = visitor_token_of(params[1:]) or visitor_token
        if not await room_access.can_follow_room(db, user, token, room_id_of(stream, event_name)):
            raise StreamRefused()
        return stream, event_name
    if stream in USER_STREAMS:
        if user is None or event_name.split("/", 1)[0] != user.id:
            raise StreamRefused()
        return stream, event_name
    if stream in QUEUE_STREAMS:
        if not await room_access.can_follow_queue(db, user):
            raise StreamRefused()
        return stream, event_name
    raise StreamRefused()
