"""Change signals: a number that moves after every committed write, in every process using the database.

A reader notes `current()` before it reads and may keep what it read for as long as `current()` still
gives that number. `listings()` is a second number, for the room listings' page cache: it moves with
every commit except one that changed presence alone (engine.PRESENCE_ONLY: a status, a status text),
which no room listing shows, so ten agents changing status a second do not end every cached page.
Two mechanisms, chosen per engine in db/dialect.py:

* FileSignal: sixteen bytes in a shared memory-mapped file beside the SQLite database. Every process
  using that file (server workers, `frontdesk create-user`, `frontdesk demo`) writes fresh random values
  right after each commit, so the others see them before the writer has answered anyone.
* NotifySignal: PostgreSQL's LISTEN/NOTIFY. Each write transaction sends a notification that the
  server delivers at commit to every listening process, on any host; its payload says whether it was
  presence alone. A process that is not listening (starting, or its listening connection is lost) gives
  new numbers on every read, so nothing is kept.

LocalSignal, plain counters, serves a private in-memory SQLite database.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import mmap
import os
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

log = logging.getLogger("frontdesk")

CHANNEL = "frontdesk_changes"
_WIDTH = 8
_PRESENCE = ":presence"  # a notification's payload ends so when its commit changed presence alone


class ChangeSignal(Protocol):
    def current(self) -> int: ...

    def listings(self) -> int: ...

    async def before_commit(self, db: AsyncSession, listings: bool = True) -> None: ...

    def committed(self, listings: bool = True) -> None: ...

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


class LocalSignal:
    """One process owns the database: a counter is enough."""

    def __init__(self) -> None:
        self._value = 0
        self._listings = 0

    def current(self) -> int:
        return self._value

    def listings(self) -> int:
        return self._listings

    async def before_commit(self, db: AsyncSession, listings: bool = True) -> None:
        return None

    def committed(self, listings: bool = True) -> None:
        self._value += 1
        if listings:
            self._listings += 1

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        return None


class FileSignal:
    """Two numbers of eight shared bytes in `path` (every commit's, then the listings'); a commit writes
    new random ones (a lost update between two writers cannot bring back a value a reader has already
    seen, as a counter's could)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if os.fstat(fd).st_size < 2 * _WIDTH:
                os.ftruncate(fd, 2 * _WIDTH)
            self._map = mmap.mmap(fd, 2 * _WIDTH)
        finally:
            os.close(fd)

    def current(self) -> int:
        return int.from_bytes(self._map[:_WIDTH], "little")

    def listings(self) -> int:
        return int.from_bytes(self._map[_WIDTH:], "little")

    async def before_commit(self, db: AsyncSession, listings: bool = True) -> None:
        return None

    def committed(self, listings: bool = True) -> None:
        if listings:  # the listings' number first: a reader seeing the new current() sees it too
            self._map[_WIDTH:] = os.urandom(_WIDTH)
        self._map[:_WIDTH] = os.urandom(_WIDTH)

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        return None


class NotifySignal:
    """LISTEN on one dedicated connection; a ping every `ping_seconds` notices a silently dead one."""

    def __init__(self, dsn: str, ping_seconds: float = 5.0, retry_seconds: float = 1.0) -> None:
        self._dsn = dsn
        self._ping = ping_seconds
        self._retry = retry_seconds
        self._value = 0
        self._listings = 0
        self._listening = False
        self._task: asyncio.Task[None] | None = None
        self._sender = os.urandom(8).hex()  # our own commits are counted when they return, not echoed

    def current(self) -> int:
        if not self._listening:
            self._value += 1  # notifications may be missed: every read is different, so nothing is kept
        return self._value

    def listings(self) -> int:
        if not self._listening:
            self._listings += 1
        return self._listings

    async def before_commit(self, db: AsyncSession, listings: bool = True) -> None:
        payload = self._sender if listings else self._sender + _PRESENCE
        await db.execute(
            text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": payload}
        )

    def committed(self, listings: bool = True) -> None:
        self._value += 1
        if listings:
            self._listings += 1

    def _notified(self, _conn: Any, _pid: int, _channel: str, payload: str) -> None:
        sender, presence, _ = payload.partition(_PRESENCE)
        if sender != self._sender:
            self._value += 1
            if not presence:
                self._listings += 1

    async def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._listen(), name="frontdesk-change-listener")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._listening = False

    async def wait_listening(self, timeout: float) -> bool:
        """For tests and start-up: True once the listener is connected."""
        deadline = asyncio.get_running_loop().time() + timeout
        while not self._listening and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.01)
        return self._listening

    async def _listen(self) -> None:
        import asyncpg  # PostgreSQL only

        while True:
            conn = None
            try:
                conn = await asyncpg.connect(self._dsn)
                await conn.add_listener(CHANNEL, self._notified)
                self._value += 1  # whatever was committed while nobody listened
                self._listings += 1
                self._listening = True
                while True:
                    await asyncio.sleep(self._ping)
                    await asyncio.wait_for(conn.execute("SELECT 1"), timeout=self._ping)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # lost or refused: stop trusting the number, then reconnect
                log.warning("change listener: %s; retrying", exc)
            finally:
                self._listening = False
                if conn is not None:
                    with contextlib.suppress(Exception):
                        await asyncio.wait_for(conn.close(), timeout=1)
            await asyncio.sleep(self._retry)
