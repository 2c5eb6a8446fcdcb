"""Fixtures: settings, an app on a fresh database per test, an HTTP client, and factories."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from frontdesk.clock import FixedClock
from frontdesk.config import Settings
from frontdesk.db.engine import Database
from frontdesk.db.migrate import upgrade
from frontdesk.main import create_app

START_MS = 1_700_000_000_000  # 2023-11-14T22:13:20.000Z


def _settings(url: str) -> Settings:
    return Settings(DATABASE_URL=url, TEST_MODE=True, BCRYPT_ROUNDS=4, ADMIN_USERNAME=None, ADMIN_PASS=None)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Migrate once; every test starts from a copy of this file."""
    path = tmp_path_factory.mktemp("template") / "frontdesk.db"

    async def build() -> None:
        db = Database(_settings(f"sqlite:///{path}"))
        await upgrade(db.engine)
        async with db.engine.begin() as conn:
            await conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        await db.dispose()

    asyncio.run(build())
    yield path


@pytest.fixture
def settings(template_db: Path, tmp_path: Path) -> Settings:
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        return _settings(url)
    target = tmp_path / "frontdesk.db"
    shutil.copy(template_db, target)
    return _settings(f"sqlite:///{target}")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START_MS)


@pytest.fixture
async def app(settings: Settings, clock: FixedClock) -> AsyncIterator[FastAPI]:
    application = create_app(settings, clock)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture
def db(app: FastAPI) -> Database:
    database: Database = app.state.db
    return database
