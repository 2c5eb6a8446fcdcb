"""Fixtures: settings, an app on a fresh database per test, an HTTP client, and factories."""

from __future__ import annotations

import asyncio
import itertools
import os
import shutil
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from api_contract import contract_hook
from dns_stub import MAIL_DOMAINS, start_dns
from frontdesk.clock import FixedClock
from frontdesk.config import Settings
from frontdesk.db.engine import Database
from frontdesk.db.migrate import upgrade
from frontdesk.mail_domains import MailDomains
from frontdesk.main import create_app
from mail_sink import MailSink
from realtime.browser import CHROMIUM, CHROMIUM_ARGS

START_MS = 1_700_000_000_000  # 2023-11-14T22:13:20.000Z


def _settings(url: str, upload_dir: Path | None = None) -> Settings:
    return Settings(
        DATABASE_URL=url,
        TEST_MODE=True,
        BCRYPT_ROUNDS=4,
        ADMIN_USERNAME=None,
        ADMIN_PASS=None,
        FILE_UPLOAD_DIR=str(upload_dir) if upload_dir else None,
        MAIL_POLL_SECONDS=0.2,
        OVERWRITE_SETTINGS={},
    )


class PostgresTemplate:
    """A migrated PostgreSQL database that each test's database is created from.

    Creating a database from the template and dropping one take ~0.25 s and ~0.15 s each (PostgreSQL 15,
    fsync off, on this 2-core VM), about a quarter of the suite's time if a test waited for them. So one
    thread of the template's own does both: it creates the next test's database while a test runs and
    drops a finished one after, in the order asked."""

    def __init__(self, url: str) -> None:
        self.base = make_url(url)
        self.name = f"frontdesk_template_{os.getpid()}"
        self.count = itertools.count(1)
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pg-template")
        self._next: Future[str] | None = None

    def url(self, database: str) -> str:
        return self.base.set(database=database).render_as_string(hide_password=False)

    async def admin(self, *statements: str) -> None:
        # CREATE / DROP DATABASE cannot run inside a transaction: AUTOCOMMIT on the base database
        engine = create_async_engine(
            self.url(self.base.database or "postgres").replace("postgresql://", "postgresql+asyncpg://", 1),
            isolation_level="AUTOCOMMIT",
            poolclass=NullPool,
        )
        try:
            async with engine.connect() as conn:
                for statement in statements:
                    await conn.exec_driver_sql(statement)
        finally:
            await engine.dispose()

    async def build(self) -> None:
        await self.admin(
            f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)', f'CREATE DATABASE "{self.name}"'
        )
        db = Database(_settings(self.url(self.name)))
        await upgrade(db.engine)
        await db.dispose()

    def _create_now(self) -> str:
        name = f"{self.name}_{next(self.count)}"
        asyncio.run(self.admin(f'CREATE DATABASE "{name}" TEMPLATE "{self.name}"'))
        return name

    def create(self) -> str:
        """A fresh database made from the template (made ahead, while the previous test ran)."""
        ready = self._next or self._worker.submit(self._create_now)
        self._next = self._worker.submit(self._create_now)
        return ready.result()

    def drop(self, name: str) -> None:
        """Drop a test's database after the test, without making the next test wait for it."""
        self._worker.submit(asyncio.run, self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def close(self) -> None:
        """Wait for the drops asked for, and drop the database made ahead that no test took."""
        if self._next is not None:
            self.drop(self._next.result())
            self._next = None
        self._worker.shutdown(wait=True)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path | PostgresTemplate]:
    """Migrate once; every test starts from a copy of this file (or database, on PostgreSQL)."""
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        template = PostgresTemplate(url)
        asyncio.run(template.build())
        yield template
        template.close()
        asyncio.run(template.admin(f'DROP DATABASE IF EXISTS "{template.name}" WITH (FORCE)'))
        return
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
def settings(template_db: Path | PostgresTemplate, tmp_path: Path) -> Iterator[Settings]:
    """Settings for an empty, migrated database of the test's own (SQLite file or PostgreSQL database)."""
    if isinstance(template_db, PostgresTemplate):
        name = template_db.create()
        yield _settings(template_db.url(name), tmp_path / "uploads")
        template_db.drop(name)
        return
    target = tmp_path / "frontdesk.db"
    shutil.copy(template_db, target)
    yield _settings(f"sqlite:///{target}", tmp_path / "uploads")


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    """Debian's chromium through Playwright (realtime.browser.skip_reason says when a test must skip)."""
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        instance = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        await instance.close()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START_MS)


@pytest.fixture
async def dns_server() -> AsyncIterator[str]:
    """A DNS server of the test's own: the mail domains of MAIL_DOMAINS exist, no other does."""
    transport, address = await start_dns(MAIL_DOMAINS)
    yield address
    transport.close()


@pytest.fixture
async def app(settings: Settings, clock: FixedClock, dns_server: str) -> AsyncIterator[FastAPI]:
    application = create_app(settings, clock)
    application.state.mail_domains = MailDomains(dns_server)  # no test asks the world's DNS
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
def mail_sink() -> Iterator[MailSink]:
    """A real SMTP server (aiosmtpd) on a free port; point Frontdesk at it with mail_sink.use_sink."""
    sink = MailSink()
    sink.start()
    yield sink
    sink.stop()


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """The app over httpx; every answer of a documented endpoint is checked against its OpenAPI schema."""
    transport = httpx.ASGITransport(app=app)
    hooks = {"response": [contract_hook(app)]}
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver", event_hooks=hooks) as c:
        yield c


@pytest.fixture
def db(app: FastAPI) -> Database:
    database: Database = app.state.db
    return database
