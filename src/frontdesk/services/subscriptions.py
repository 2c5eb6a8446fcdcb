"""An agent's subscriptions to rooms: listing them (subscriptions.get, rooms.get), their unread counts, and
reading a room (subscriptions.read / readMessages)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.clock import iso, parse_iso
from frontdesk.documents import RoomDoc, SubscriptionDoc
from frontdesk.errors import MeteorError
from frontdesk.events.outbox import emit
from frontdesk.events.subscriptions import SubscriptionChanged
from frontdesk.models.users import User
from frontdesk.services.access import public
from frontdesk.services.room_access import can_access
from frontdesk.store import rooms as room_store
from frontdesk.store import subscriptions as subscription_store
from frontdesk.store.room_reads import subscribed_rooms


def _since(updated_since: Any) -> int | None:
    """`updatedSince` as ms: an ISO date (REST) or a Date (DDP); a bad one is Rocket.Chat's 400."""
    if updated_since is None or updated_since == "":
        return None
    if isinstance(updated_since, int | float) and not isinstance(updated_since, bool):
        return int(updated_since)
    parsed = parse_iso(updated_since) if isinstance(updated_since, str) else None
    if parsed is None:
        raise MeteorError(
            "error-roomId-param-invalid", 'The "lastUpdate" query parameter must be a valid date.'
        )
    return parsed


@public("one's own subscriptions")
async def list_own_subscriptions(
    db: AsyncSession, user: User, updated_since: Any = None
) -> list[SubscriptionDoc]:
    return await subscription_store.user_subscriptions(db, user.id, _since(updated_since))


@public("the rooms of one's own subscriptions")
async def list_own_rooms(db: AsyncSession, user: User, updated_since: Any = None) -> list[RoomDoc]:
    return await subscribed_rooms(db, user.id, _since(updated_since))


async def check_read(db: AsyncSession, user: User, rid: Any, now: int) -> None:
    """subscriptions.read / readMessages: the user has seen the room; its unread count goes back to zero."""
    if not isinstance(rid, str) or not rid:
        raise MeteorError("error-invalid-room", "Invalid room")
    room = await room_store.get_room(db, rid)
    if room is None:
        raise MeteorError("error-room-does-not-exist", "This room does not exist")
    if not await can_access(db, user, room):
        raise MeteorError("error-not-allowed", "Not allowed")
    sub = await subscription_store.get_subscription(db, rid, user.id)
    if sub is None or (not sub.get("unread") and not sub.get("alert")):
        return
    sub["unread"], sub["alert"] = 0, False
    sub["ls"] = sub["_updatedAt"] = iso(now)
    await subscription_store.save_subscription(db, sub)
    emit(db, SubscriptionChanged(sub))
