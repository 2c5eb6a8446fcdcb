"""Engine and session factory for the configured database."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Session, SessionTransaction

from frontdesk.config import Settings
from frontdesk.db import dialect, memo
from frontdesk.events import outbox

log = logging.getLogger("frontdesk")

WRITE = "frontdesk.write"  # on a session's info: whether it is a write transaction
# On a connection's info, for the transaction it is in: whether it is a read one, and whether a statement
# that may change data has run (a write transaction without one commits nothing, so it moves no change
# signal and clears no cache: typing, unchanged presence).
READ_ONLY = "frontdesk.read_only"
WROTE = "frontdesk.wrote"
# ...and whether one of them changed more than presence: a commit whose every write was marked PRESENCE (by
# store.users.set_presence: users' status columns) moves no listings() number (db/changes.py), so it ends
# no cached room page (no listing shows them).
BEYOND_PRESENCE = "frontdesk.beyond_presence"
PRESENCE = "frontdesk_presence"  # a statement's execution option: it changes presence columns only
_READS = re.compile(
    r"\s*(?:SELECT|SAVEPOINT|RELEASE|ROLLBACK|BEGIN|SHOW|EXPLAIN|SET\s+LOCAL)\b", re.IGNORECASE
)
_WRITES = re.compile(r"\s*(?:INSERT|UPDATE|DELETE|REPLACE|UPSERT|CREATE|DROP|ALTER)\b", re.IGNORECASE)


class NeedsWrite(Exception):
    """A read transaction was about to change data. Doors that read first (typing, presence: realtime)
    run the call again in a write transaction; anywhere else it is a bug, and nothing was written."""


def _watch_statement(
    conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool
) -> None:
    if _READS.match(statement):
        return
    if conn.info.get(READ_ONLY) and _WRITES.match(statement):
        raise NeedsWrite(statement[:80])
    conn.info[WROTE] = True
    if not conn.info.get(BEYOND_PRESENCE) and not (
        context is not None and context.execution_options.get(PRESENCE)
    ):
        conn.info[BEYOND_PRESENCE] = True


@sa_event.listens_for(Session, "after_begin")
def _note_kind(session: Session, transaction: SessionTransaction, connection: Any) -> None:
    connection.info[READ_ONLY] = session.info.get(WRITE) is False
    connection.info.pop(WROTE, None)
    connection.info.pop(BEYOND_PRESENCE, None)


def _forget_kind(dbapi_connection: Any, record: Any) -> None:
    """A pooled connection's next user (a session, a migration, the demo loader) starts afresh."""
    record.info.pop(READ_ONLY, None)
    record.info.pop(WROTE, None)
    record.info.pop(BEYOND_PRESENCE, None)


class Database:
    """One engine per process, plus the write lock SQLite needs (it has a single writer)."""

    def __init__(self, settings: Settings) -> None:
        url = settings.async_database_url
        kwargs: dict[str, object] = {"pool_pre_ping": False, "pool_reset_on_return": None}
        if url.startswith("sqlite"):
            path = url.split("///", 1)[1] if "///" in url else ""
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            kwargs["pool_size"] = settings.DB_POOL_SIZE
            kwargs["max_overflow"] = 0
        else:
            kwargs["pool_size"] = settings.DB_POOL_SIZE
            kwargs["max_overflow"] = settings.DB_POOL_SIZE
        self.engine: AsyncEngine = create_async_engine(url, **kwargs)
        self.dialect_name = self.engine.dialect.name
        if self.dialect_name == "sqlite":
            dialect.configure_sqlite(self.engine)
        sa_event.listen(self.engine.sync_engine, "before_cursor_execute", _watch_statement)
        sa_event.listen(self.engine.sync_engine.pool, "checkin", _forget_kind)
        # Moves after every commit by any process on this database: what readers may cache against.
        self.changes = dialect.change_signal(self.engine)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False, autoflush=False)
        self.memo = memo.ReadMemo(self.changes.current)
        # SQLite allows one writer; serialising writers in-process avoids lock retries.
        self.write_lock: asyncio.Lock | None = asyncio.Lock() if self.dialect_name == "sqlite" else None
        # Set by the app: delivers the events of a committed transaction (the event bus).
        self.publisher: outbox.Publisher | None = None

    async def _publish(self, db: AsyncSession) -> None:
        events = outbox.take(db)
        if not events or self.publisher is None:
            return
        try:
            await self.publisher(events)
        except Exception:  # the write is committed; a lost notification must not turn it into an error
            log.exception("publishing %d events failed", len(events))

    @asynccontextmanager
    async def session(self, write: bool = True, *, lock_late: bool = False) -> AsyncIterator[AsyncSession]:
        """One transaction: committed if the block succeeds, rolled back if it raises.

        Events queued on it (events.outbox) are published after the commit and dropped on rollback;
        on SQLite still under the write lock, so subscribers see them in commit order. A read
        transaction may queue events too (typing: nothing to write, something to tell): they leave when
        it ends without an error. It cannot change data: a statement that would raises NeedsWrite.

        `lock_late`: on SQLite the write lock is taken at the first locking read (dialect.lock_writes)
        rather than at once, so what the transaction reads first is the state it found on arrival, as
        PostgreSQL's first reads are (a close that lost a race learns that it did, as in Rocket.Chat).
        """
        if write and self.write_lock is not None and lock_late:
            async with self._late_locked(self.write_lock) as db:
                yield db
            return
        if write and self.write_lock is not None:
            async with self.write_lock:
                async with self._transaction(write=True) as db:
                    yield db
                await self._publish(db)
            return
        async with self._transaction(write) as db:
            yield db
        await self._publish(db)

    @asynccontextmanager
    async def _late_locked(self, lock: asyncio.Lock) -> AsyncIterator[AsyncSession]:
        held = False

        async def take() -> None:
            nonlocal held
            if not held:
                await lock.acquire()
                held = True

        try:
            async with self._transaction(write=True) as db:
                db.info[dialect.LOCK_WRITES] = take
                yield db
                await take()  # the commit (and what it publishes) happens under the lock
            await self._publish(db)
        finally:
            if held:
                lock.release()

    @asynccontextmanager
    async def _transaction(self, write: bool) -> AsyncIterator[AsyncSession]:
        async with self.sessions() as db:
            db.info[WRITE] = write
            if not write:  # read before the first statement: what it reads is at least this new
                db.info[memo.STARTED] = self.changes.current()
                db.info[memo.MEMO] = self.memo
            try:
                yield db
                if write:
                    wrote, listings = await self._wrote(db)
                    if wrote:
                        await self.changes.before_commit(db, listings)
                    await db.commit()
                    if wrote:
                        self.changes.committed(listings)
                else:  # nothing to commit; its events (typing) survive the rollback that ends it
                    events = outbox.take(db)
                    await db.rollback()
                    for event in events:
                        outbox.emit(db, event)
            except BaseException:
                outbox.take(db)
                await db.rollback()
                raise

    @staticmethod
    async def _wrote(db: AsyncSession) -> tuple[bool, bool]:
        """Whether the transaction ran a statement that may have changed data, and one that may have
        changed more than presence (what commits in before_commit hooks is counted before them: the
        room counters' upserts follow room writes)."""
        if not db.in_transaction():
            return False, False
        conn = await db.connection()
        return bool(conn.info.get(WROTE)), bool(conn.info.get(BEYOND_PRESENCE))

    async def dispose(self) -> None:
        await self.changes.stop()
        await self.engine.dispose()
