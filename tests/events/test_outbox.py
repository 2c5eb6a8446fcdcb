"""The outbox keeps events until commit; a rolled-back transaction or savepoint drops its own."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import text

from frontdesk.db.engine import Database
from frontdesk.events import outbox
from frontdesk.events.event import Event
from frontdesk.events.messages import MessageDeleted


@dataclass(frozen=True)
class Marker(Event):
    name: str


async def test_a_rolled_back_savepoint_drops_only_its_own_events(db: Database) -> None:
    published: list[list[Event]] = []

    async def publish(events: object) -> None:
        published.append(list(events))  # type: ignore[call-overload]

    db.publisher = publish
    async with db.session() as session:
        await session.execute(text("SELECT 1"))
        outbox.emit(session, Marker("before"))
        with pytest.raises(RuntimeError):
            async with session.begin_nested():
                outbox.emit(session, Marker("refused"))
                async with session.begin_nested():  # released inside the refused one: dropped with it
                    outbox.emit(session, Marker("inner"))
                raise RuntimeError("refused")
        async with session.begin_nested():
            outbox.emit(session, Marker("kept"))
        outbox.emit(session, MessageDeleted("r1", "m1"))
    assert published == [[Marker("before"), Marker("kept"), MessageDeleted("r1", "m1")]]


async def test_a_rolled_back_transaction_publishes_nothing(db: Database) -> None:
    published: list[object] = []

    async def publish(events: object) -> None:
        published.append(events)

    db.publisher = publish
    with pytest.raises(RuntimeError):
        async with db.session() as session:
            outbox.emit(session, Marker("never"))
            await session.execute(text("SELECT 1"))
            raise RuntimeError("fails")
    async with db.session() as session:
        await session.execute(text("SELECT 1"))
    assert published == []
