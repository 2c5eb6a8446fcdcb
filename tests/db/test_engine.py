"""Transactions by kind: a read transaction cannot change data (NeedsWrite) and still delivers its events;
a write transaction that changed nothing moves no change signal."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import text

from frontdesk.db.changes import NotifySignal
from frontdesk.db.engine import Database, NeedsWrite
from frontdesk.events import outbox
from frontdesk.events.event import Event
from frontdesk.store import users as users_store


@dataclass(frozen=True)
class Marker(Event):
    name: str


async def test_a_read_transaction_refuses_to_write_and_nothing_is_written(db: Database) -> None:
    with pytest.raises(NeedsWrite):
        async with db.session(write=False) as session:
            await session.execute(text("SELECT 1"))
            await session.execute(text("UPDATE settings SET value = value"))
    # the same connection, back in the pool, serves a write transaction as usual afterwards
    before = db.changes.current()
    async with db.session() as session:
        await session.execute(text("UPDATE settings SET value = value"))
    assert db.changes.current() != before


async def test_a_write_transaction_that_read_only_moves_no_signal(db: Database) -> None:
    before = db.changes.current()
    async with db.session() as session:
        await session.execute(text("SELECT count(*) FROM settings"))
    async with db.session():
        pass
    assert db.changes.current() == before


async def test_a_read_transactions_events_are_delivered_and_a_failed_ones_dropped(db: Database) -> None:
    published: list[list[Event]] = []

    async def publish(events: object) -> None:
        published.append(list(events))  # type: ignore[call-overload]

    db.publisher = publish
    async with db.session(write=False) as session:
        await session.execute(text("SELECT 1"))
        outbox.emit(session, Marker("typing"))
    with pytest.raises(RuntimeError):
        async with db.session(write=False) as session:
            outbox.emit(session, Marker("refused"))
            raise RuntimeError
    assert published == [[Marker("typing")]]


async def test_a_presence_change_moves_every_commits_number_but_not_the_listings(db: Database) -> None:
    """store.users.set_presence marks its statement: a commit of such writes alone is presence; any other
    write (the same columns through update_user, another table) ends the listings' cached pages."""
    admin = "someone"  # a statement that changes no row still counts as a write
    await db.changes.start()
    if isinstance(db.changes, NotifySignal):  # until it listens, every read is a new number
        assert await db.changes.wait_listening(5)
    before, listings = db.changes.current(), db.changes.listings()
    async with db.session() as session:
        await users_store.set_presence(session, admin, status="away", status_connection="away", updated_at=1)
        await users_store.set_presence(session, admin, status_text="back soon")
    assert db.changes.current() != before and db.changes.listings() == listings
    async with db.session() as session:
        await users_store.set_presence(session, admin, status="online")
        await users_store.update_user(session, admin, status="online")
    assert db.changes.listings() != listings


async def test_set_presence_refuses_other_columns(db: Database) -> None:
    async with db.session() as session:
        with pytest.raises(ValueError, match="roles"):
            await users_store.set_presence(session, "someone", status="away", roles=["admin"])
