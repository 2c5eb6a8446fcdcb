"""Events of an agent's subscriptions: what the sidebar of each of their clients follows."""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.documents import SubscriptionDoc
from frontdesk.events.event import Event


@dataclass(frozen=True)
class SubscriptionChanged(Event):
    """A subscription's unread count, alert or last-seen time changed (a message from someone else, or the
    user read the room); `subscription` is as the transaction left it."""

    subscription: SubscriptionDoc
