"""Housekeeping of uploads, a background task of each process: at start, staged files a crash left are
put in place or removed (file_storage.recover); then, every few minutes, files rooms.media kept but
nobody confirmed within a day are deleted, rows first (short transaction), bytes after it commits."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from frontdesk.background import running_task
from frontdesk.clock import Clock
from frontdesk.db.engine import Database
from frontdesk.file_storage import FileStorage
from frontdesk.store import uploads as store

log = logging.getLogger("frontdesk.files")

EVERY_SECONDS = 600.0
BATCH = 500


class UploadSweeper:
    def __init__(self, db: Database, storage: FileStorage, clock: Clock) -> None:
        self.db, self.storage, self.clock = db, storage, clock

    async def recover(self) -> int:
        async def committed(ids: list[str]) -> set[str]:
            async with self.db.session(write=False) as session:
                return await store.existing_ids(session, ids)

        return await self.storage.recover(committed)

    async def sweep(self) -> int:
        """Remove expired unsent uploads; how many."""
        removed = 0
        while True:
            now = self.clock.now_ms()
            async with self.db.session(write=False) as session:  # no commit when nothing expired
                ids = await store.expired_ids(session, now, BATCH)
            if not ids:
                return removed
            async with self.db.session() as session:
                ids = await store.delete_expired(session, ids, now)
            await self.storage.delete(ids)
            removed += len(ids)

    @asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        async with running_task(self._run(), "frontdesk-upload-sweeper"):
            yield

    async def _run(self) -> None:
        while True:
            try:
                await self.recover()
                await self.sweep()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("upload housekeeping failed; it tries again later")
            await asyncio.sleep(EVERY_SECONDS)
