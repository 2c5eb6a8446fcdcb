"""Events a transaction produces wait here and leave only after it commits (dropped on rollback)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.realtime.events import Event

Publisher = Callable[[list[Event]], Awaitable[None]]

_KEY = "frontdesk.outbox"


def emit(db: AsyncSession, event: Event) -> None:
    """Queue an event on the session's transaction."""
    db.info.setdefault(_KEY, []).append(event)


def take(db: AsyncSession) -> list[Event]:
    """Remove and return the queued events (the caller publishes them after commit, or drops them)."""
    events: list[Event] = db.info.pop(_KEY, [])
    return events
