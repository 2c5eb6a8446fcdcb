"""Waiting visitors' places in the queue: told to them again whenever the queue moves."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.events.chats import QueueMoved
from frontdesk.events.outbox import emit
from frontdesk.store import inquiries as inquiry_store

QUEUE_REFRESH_LIMIT = 50  # waiting visitors told their new place when the queue moves


async def announce_queue(db: AsyncSession, exclude: str | None = None) -> None:
    """The first waiting visitors' places (a room leaving the queue is `exclude`d)."""
    waiting, _ = await inquiry_store.list_by_status(
        db, "queued", departments=None, offset=0, limit=QUEUE_REFRESH_LIMIT + 1
    )
    spots: list[tuple[str, int]] = []
    for inquiry in waiting:
        if inquiry["rid"] == exclude:
            continue
        if len(spots) == QUEUE_REFRESH_LIMIT:
            break
        spots.append((inquiry["rid"], len(spots) + 1))
    emit(db, QueueMoved(tuple(spots)))
