"""Who hears about committed events: subscribers registered at start-up, called in registration order."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence

from frontdesk.events.event import Event

log = logging.getLogger("frontdesk.events")

Subscriber = Callable[[Sequence[Event]], Awaitable[None]]


class EventBus:
    """One per app. Database sessions hand it each committed transaction's events (in commit order on
    SQLite, where delivery happens under the write lock); each subscriber gets the whole batch."""

    def __init__(self) -> None:
        self._subscribers: list[Subscriber] = []

    def subscribe(self, subscriber: Subscriber) -> None:
        self._subscribers.append(subscriber)

    def unsubscribe(self, subscriber: Subscriber) -> None:
        if subscriber in self._subscribers:
            self._subscribers.remove(subscriber)

    async def deliver(self, events: Sequence[Event]) -> None:
        """A subscriber's failure is logged and does not stop the others: the write is already committed."""
        for subscriber in list(self._subscribers):
            try:
                await subscriber(events)
            except Exception:
                log.exception("delivering %d events to %r failed", len(events), subscriber)
