"""Gauges that are read rather than counted: DDP subscriptions, chats waiting, page-cache lookups.

Each process samples its own every few seconds (and just before it answers a scrape), so the values are
right with several workers, where the process that answers a scrape is not the one that holds them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Protocol

from frontdesk.background import running_task
from frontdesk.db.engine import Database
from frontdesk.ops import metrics
from frontdesk.store import inquiries as inquiry_store

log = logging.getLogger("frontdesk.metrics")

SAMPLE_SECONDS = 5.0


class CacheCounters(Protocol):
    """What the sampler reads of api/page_cache.PageCache (ops/ does not import the HTTP layer)."""

    hits: int
    misses: int


WAITING = ("queued", "ready")


class Sampler:
    def __init__(
        self, db: Database, subscriptions: Callable[[], int], page_cache: CacheCounters | None
    ) -> None:
        self.db = db
        self.subscriptions = subscriptions
        self.page_cache = page_cache
        self._hits = 0
        self._misses = 0

    async def sample(self) -> None:
        metrics.DDP_SUBSCRIPTIONS.set(self.subscriptions())
        if self.page_cache is not None:
            hits, misses = self.page_cache.hits, self.page_cache.misses
            metrics.PAGE_CACHE.labels("hit").inc(max(0, hits - self._hits))
            metrics.PAGE_CACHE.labels("miss").inc(max(0, misses - self._misses))
            self._hits, self._misses = hits, misses
        async with self.db.session(write=False) as session:
            for status in WAITING:
                _, total = await inquiry_store.list_by_status(
                    session, status, departments=None, offset=0, limit=0
                )
                metrics.INQUIRIES_WAITING.labels(status).set(total)

    async def refresh(self) -> None:
        """sample(), but a database that is briefly away costs a warning, not the caller."""
        try:
            await self.sample()
        except Exception:
            log.warning("sampling metrics failed", exc_info=True)

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(SAMPLE_SECONDS)
            await self.refresh()

    @asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        async with running_task(self._loop(), "frontdesk-metrics-sampler"):
            yield
