"""Typing and other passing activity in a room: who may announce it, and announcing it."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.errors import MeteorError
from frontdesk.events.outbox import emit
from frontdesk.events.presence import UserActivity
from frontdesk.models.users import User
from frontdesk.services.room_access import can_access
from frontdesk.store import rooms as room_store

ACTIVITIES = ("typing", "user-activity", "webrtc", "videoconf")


async def check_activity(
    db: AsyncSession,
    user: User | None,
    visitor_token: str | None,
    rid: str,
    activity: str,
    username: Any,
    args: list[Any],
) -> None:
    """An agent who may see the room speaks under their username; the room's own visitor (by token)
    under the username the room knows, or the one the widget sent."""
    if activity not in ACTIVITIES:
        raise MeteorError("error-not-allowed", "Not allowed")
    room = await room_store.get_room(db, rid)
    if room is None:
        raise MeteorError("error-not-allowed", "Not allowed")
    if user is not None and await can_access(db, user, room):
        name = user.username
    else:
        if not visitor_token or (room.get("v") or {}).get("token") != visitor_token:
            raise MeteorError("error-not-allowed", "Not allowed")
        name = (room.get("v") or {}).get("username") or str(username)
    emit(db, UserActivity(rid, activity, name, tuple(args)))
