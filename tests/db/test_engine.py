"""Transactions by kind: a read transaction cannot change data (NeedsWrite) and still delivers its events;
a write transaction that changed nothing moves no change signal."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import text

from frontdesk.db.engine import Database, NeedsWrite
from frontdesk.events import outbox
from frontdesk.events.event import Event


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
