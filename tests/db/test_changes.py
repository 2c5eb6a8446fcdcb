"""Change signals: the number moves after each commit, in this process and in every other one."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from frontdesk.config import Settings
from frontdesk.db.changes import FileSignal, LocalSignal, NotifySignal
from frontdesk.db.engine import Database
from frontdesk.store import settings as settings_store
from frontdesk.store import users as users_store


def test_local_signal_moves_on_commit() -> None:
    signal = LocalSignal()
    before = signal.current()
    assert signal.current() == before
    signal.committed()
    assert signal.current() != before


def test_file_signal_is_shared_by_everyone_mapping_the_file(tmp_path: Path) -> None:
    path = tmp_path / "frontdesk.db-changes"
    writer, reader = FileSignal(path), FileSignal(path)  # as two processes would map it
    seen = reader.current()
    assert reader.current() == seen
    values = set()
    for _ in range(20):
        writer.committed()
        assert reader.current() != seen
        seen = reader.current()
        values.add(seen)
    assert len(values) == 20
    assert path.stat().st_size == 16


def test_a_presence_commit_moves_every_commits_number_alone() -> None:
    """listings() (the room listings' page cache) skips commits that changed presence alone."""
    for signal in (LocalSignal(), FileSignal(Path(tempfile.mkdtemp()) / "x.db-changes")):
        before, listings = signal.current(), signal.listings()
        signal.committed(listings=False)
        assert signal.current() != before and signal.listings() == listings
        signal.committed()
        assert signal.listings() != listings


async def test_another_process_hears_whether_a_commit_was_presence_alone(settings: Settings) -> None:
    first, second = Database(settings), Database(settings)
    await first.changes.start()
    await second.changes.start()
    try:
        if isinstance(second.changes, NotifySignal):
            assert await second.changes.wait_listening(5)
        admin = "someone"  # a statement that changes no row still counts as a write
        before, listings = second.changes.current(), second.changes.listings()
        async with first.session() as session:
            await users_store.set_presence(session, admin, status="away", status_connection="away")
        await _until(lambda: second.changes.current() != before)
        assert second.changes.listings() == listings
        async with first.session() as session:
            await settings_store.set_value(session, "API_Default_Count", 25, 0)
        await _until(lambda: second.changes.listings() != listings)
    finally:
        await first.dispose()
        await second.dispose()


async def _until(condition: Callable[[], bool]) -> None:
    for _ in range(200):  # PostgreSQL's notification arrives a moment after the commit
        if condition():
            return
        await asyncio.sleep(0.01)
    assert condition()


async def test_a_write_session_moves_the_signal_and_a_read_one_does_not(settings: Settings) -> None:
    db = Database(settings)
    await db.changes.start()
    try:
        if isinstance(db.changes, NotifySignal):
            assert await db.changes.wait_listening(5)
        before = db.changes.current()
        async with db.session(write=False) as session:
            await settings_store.get_values(session, ["API_Default_Count"])
        assert db.changes.current() == before
        async with db.session() as session:
            await settings_store.set_value(session, "API_Default_Count", 20, 0)
        assert db.changes.current() != before
        moved = db.changes.current()
        with pytest.raises(RuntimeError):
            async with db.session() as session:
                await settings_store.set_value(session, "API_Default_Count", 30, 0)
                raise RuntimeError("rolled back")
        assert db.changes.current() == moved
    finally:
        await db.dispose()


async def test_another_process_sees_a_commit(settings: Settings) -> None:
    """Two Database objects stand for two processes; on PostgreSQL the news travels by NOTIFY."""
    first, second = Database(settings), Database(settings)
    await first.changes.start()
    await second.changes.start()
    try:
        if isinstance(second.changes, NotifySignal):
            assert await second.changes.wait_listening(5)
        before = second.changes.current()
        async with first.session() as session:
            await settings_store.set_value(session, "API_Default_Count", 25, 0)
        for _ in range(200):
            if second.changes.current() != before:
                break
            await asyncio.sleep(0.01)
        assert second.changes.current() != before
    finally:
        await first.dispose()
        await second.dispose()


def test_a_signal_that_is_not_listening_never_repeats() -> None:
    signal = NotifySignal("postgresql://nobody@127.0.0.1:1/none")
    assert signal.current() != signal.current()
    assert signal.listings() != signal.listings()
