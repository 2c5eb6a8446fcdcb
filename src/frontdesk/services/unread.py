"""Unread counts of a livechat room's subscribers: a message raises those Unread_Count_Omni says
(services/unread_rules.py) by one and sets their alert; system messages count for nobody."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.clock import iso
from frontdesk.documents import MessageDoc, SubscriptionDoc
from frontdesk.events.outbox import emit
from frontdesk.events.subscriptions import SubscriptionChanged
from frontdesk.services import settings as settings_service
from frontdesk.services.unread_rules import raises_unread
from frontdesk.store import subscriptions as subscription_store


async def do_count_unread(
    db: AsyncSession, subscriptions: Sequence[SubscriptionDoc], message: MessageDoc, now: int
) -> None:
    """A chat message: each subscriber the setting names has one more unread and is alerted (Rocket.Chat's
    unread counter); the changed subscriptions reach their owners' streams after commit."""
    if message.get("t"):
        return
    setting = str(await settings_service.get_value(db, "Unread_Count_Omni"))
    for sub in subscriptions:
        if not raises_unread(setting, message, sub["u"]["_id"], sub["u"]["username"]):
            continue
        sub["unread"] = int(sub.get("unread") or 0) + 1
        sub["alert"] = True
        sub["_updatedAt"] = iso(now)
        await subscription_store.save_subscription(db, sub)
        emit(db, SubscriptionChanged(sub))
