"""Transactions by kind: a read transaction cannot change data (NeedsWrite) and still delivers its events;
a write transaction that changed nothing moves no change signal."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import text

from frontdesk.db.changes import NotifySignal
from frontdesk.db.engine import Database, NeedsWrite, presence_only
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
    """store.users.update_user as the engine renders it: status columns alone are presence; any other
    column (or another table) is not, so it ends the listings' cached pages."""
    admin = "someone"  # a statement that changes no row still counts as a write
    await db.changes.start()
    if isinstance(db.changes, NotifySignal):  # until it listens, every read is a new number
        assert await db.changes.wait_listening(5)
    before, listings = db.changes.current(), db.changes.listings()
    async with db.session() as session:
        await users_store.update_user(session, admin, status="away", status_connection="away", updated_at=1)
        await users_store.update_user(session, admin, status_text="back soon")
    assert db.changes.current() != before and db.changes.listings() == listings
    async with db.session() as session:
        await users_store.update_user(session, admin, status="online", name="Someone Else")
    assert db.changes.listings() != listings


@pytest.mark.parametrize(
    ("statement", "presence"),
    [
        ("UPDATE users SET updated_at=?, status=?, status_connection=? WHERE users.id = ?", True),
        ("UPDATE users SET status_text=$1::VARCHAR WHERE users.id = $2::VARCHAR", True),
        ("UPDATE users SET status=?, roles=? WHERE users.id = ?", False),
        ("UPDATE users SET status=? WHERE users.type = ?", False),
        ("UPDATE rooms SET status=? WHERE rooms.id = ?", False),
        ("UPDATE users SET status='x', roles='[]' WHERE users.id = ?", False),
    ],
)
def test_presence_only_statements(statement: str, presence: bool) -> None:
    assert presence_only(statement) is presence
