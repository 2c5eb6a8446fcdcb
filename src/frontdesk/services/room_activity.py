"""Typing and other passing activity in a room: who may announce it, and announcing it."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.errors import MeteorError
from frontdesk.events.outbox import emit
from frontdesk.events.presence import UserActivity
from frontdesk.services.auth import active_user
from frontdesk.services.room_access import can_access
from frontdesk.store import rooms as room_store
from frontdesk.store.read_memo import remembered

ACTIVITIES = ("typing", "user-activity", "webrtc", "videoconf")


def _not_allowed() -> MeteorError:
    return MeteorError("error-not-allowed", "Not allowed")


async def check_activity(
    db: AsyncSession,
    user_id: str | None,
    visitor_token: str | None,
    rid: str,
    activity: str,
    username: Any,
    args: list[Any],
) -> None:
    """An agent who may see the room speaks under their username; the room's own visitor (by token)
    under the username the room knows, or the one the widget sent.

    Writes nothing. In a read transaction the answer is remembered until the next commit anywhere (a
    closed room, a changed permission or login voids it), so a typing storm costs no reads at all."""
    if activity not in ACTIVITIES:
        raise _not_allowed()

    async def speaker() -> str:
        user = await active_user(db, user_id) if user_id is not None else None
        room = await room_store.get_room(db, rid)
        if room is None:
            raise _not_allowed()
        if user is not None and await can_access(db, user, room):
            return user.username
        if not visitor_token or (room.get("v") or {}).get("token") != visitor_token:
            raise _not_allowed()
        return (room.get("v") or {}).get("username") or str(username)

    key = ("room-activity", rid, user_id, visitor_token, str(username))
    name = await remembered(db, key, speaker)
    emit(db, UserActivity(rid, activity, name, tuple(args)))
