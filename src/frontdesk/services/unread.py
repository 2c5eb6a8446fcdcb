"""Unread counts: each chat message counts as unread for every other subscriber of its room."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.clock import iso
from frontdesk.documents import MessageDoc, SubscriptionDoc
from frontdesk.events.outbox import emit
from frontdesk.events.subscriptions import SubscriptionChanged
from frontdesk.store import subscriptions as subscription_store


async def do_count_unread(
    db: AsyncSession, subscriptions: Sequence[SubscriptionDoc], message: MessageDoc, now: int
) -> None:
    """A chat message: every other subscriber of its room has one more unread and is alerted (Rocket.Chat's
    unread counter); system messages count for nobody."""
    if message.get("t"):
        return
    author = message["u"]["_id"]
    for sub in subscriptions:
        if sub["u"]["_id"] == author:
            continue
        sub["unread"] = int(sub.get("unread") or 0) + 1
        sub["alert"] = True
        sub["_updatedAt"] = iso(now)
        await subscription_store.save_subscription(db, sub)
        emit(db, SubscriptionChanged(sub))
