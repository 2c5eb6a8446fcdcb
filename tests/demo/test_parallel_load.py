"""The demo's bulk path on SQLite: worker processes, deferred indexes, the same documents as one process."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from frontdesk.config import Settings
from frontdesk.db import dialect, migrate
from frontdesk.db.engine import Database
from frontdesk.demo import load_demo
from frontdesk.demo.loader import DEFERRED_INDEXES
from frontdesk.models.messages import Message
from frontdesk.models.rooms import Room
from frontdesk.models.visitors import Visitor
from frontdesk.services.bootstrap import ensure_defaults
from frontdesk.store import room_counts

NOW = 1_700_000_000_000


def _sqlite_only(settings: Settings) -> None:
    if not settings.is_sqlite:
        pytest.skip("the parallel path and deferred indexes are SQLite's")


async def _schema_indexes(db: Database) -> list[tuple[str, str]]:
    async with db.engine.connect() as conn:
        rows = await conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
        )
        return [(str(r.name), str(r.sql)) for r in rows]


async def _documents(db: Database) -> dict[str, set[str]]:
    async with db.session(write=False) as session:
        return {
            model.__tablename__: set((await session.execute(select(model.doc))).scalars())
            for model in (Room, Message, Visitor)
        }


async def _bootstrapped(settings: Settings) -> Settings:
    db = Database(settings)
    try:
        async with db.session() as session:
            await ensure_defaults(session, settings, NOW)
    finally:
        await db.dispose()
    return settings


async def test_parallel_load_writes_what_one_process_writes(settings: Settings, tmp_path: Path) -> None:
    _sqlite_only(settings)
    other = tmp_path / "parallel.db"
    shutil.copy(settings.async_database_url.split("///", 1)[1], other)  # the same migrated database
    parallel_settings = await _bootstrapped(
        settings.model_copy(update={"DATABASE_URL": f"sqlite:///{other}"})
    )
    await _bootstrapped(settings)

    await load_demo(settings, rooms=240, seed=4, now_ms=NOW, progress=False, batch_rooms=40)
    await load_demo(
        parallel_settings, rooms=240, seed=4, now_ms=NOW, progress=False, batch_rooms=40, parallel_from=0
    )

    serial, parallel = Database(settings), Database(parallel_settings)
    try:
        assert await _documents(parallel) == await _documents(serial)
        assert await _schema_indexes(parallel) == await _schema_indexes(serial)
        async with parallel.session(write=False) as session:
            counted = await room_counts.total(session, None, None, None)
            rooms = await session.scalar(select(func.count()).select_from(Room))
            by_key = await room_counts.all_counts(session)
            states: Any = (
                await session.execute(
                    select(Room.state, Room.department_id, Room.served_by_id, func.count()).group_by(
                        Room.state, Room.department_id, Room.served_by_id
                    )
                )
            ).all()
        assert counted == rooms == 240
        assert by_key == {(s, d or "", a or ""): n for s, d, a, n in states}
    finally:
        await serial.dispose()
        await parallel.dispose()


async def test_deferred_indexes_come_back_when_the_load_fails(settings: Settings) -> None:
    _sqlite_only(settings)
    db = Database(settings)
    try:
        before = await _schema_indexes(db)
        assert {name for name, _ in before} >= set(DEFERRED_INDEXES)
        with pytest.raises(RuntimeError):
            async with dialect.indexes_deferred(db.engine, DEFERRED_INDEXES):
                names = {name for name, _ in await _schema_indexes(db)}
                assert not names & set(DEFERRED_INDEXES)
                raise RuntimeError("load failed")
        assert await _schema_indexes(db) == before
    finally:
        await db.dispose()


_KILLED_LOAD = """
import asyncio, os, sys
from frontdesk.config import Settings
from frontdesk.db import dialect
from frontdesk.db.engine import Database
from frontdesk.demo.loader import DEFERRED_INDEXES

async def main():
    db = Database(Settings(DATABASE_URL=sys.argv[1]))
    async with dialect.indexes_deferred(db.engine, DEFERRED_INDEXES):
        os._exit(9)  # killed mid-load: no cleanup runs

asyncio.run(main())
"""


async def test_indexes_of_a_killed_load_come_back_at_the_next_migration(settings: Settings) -> None:
    """A killed process never rebuilds its dropped indexes; `frontdesk migrate` (and serve) does."""
    _sqlite_only(settings)
    db = Database(settings)
    try:
        before = await _schema_indexes(db)
        await db.dispose()  # the killed process is then the file's only user
        killed = subprocess.run([sys.executable, "-c", _KILLED_LOAD, settings.DATABASE_URL], check=False)
        assert killed.returncode == 9
        assert not {name for name, _ in await _schema_indexes(db)} & set(DEFERRED_INDEXES)
        await migrate.upgrade(db.engine)
        assert await _schema_indexes(db) == before
        async with db.engine.connect() as conn:
            left = (await conn.exec_driver_sql("SELECT COUNT(*) FROM deferred_indexes")).scalar_one()
        assert left == 0
    finally:
        await db.dispose()
