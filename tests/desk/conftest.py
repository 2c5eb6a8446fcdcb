"""Fixtures for the desk in a real browser: Debian's chromium, a server that can be stopped and started
again on the same port (to cut the desk's connection), and the two-process + Redis setup."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from frontdesk.config import Settings
from frontdesk.db.engine import Database
from frontdesk.main import create_app
from frontdesk.realtime.wire_socket import WireSocketProtocol
from realtime.conftest import free_port
from realtime.test_redis_fanout import redis_url, two_processes  # noqa: F401  (fixtures, re-used)


@dataclass
class DeskServer:
    """A real server on a fixed loopback port; `stop()` and `start()` cut and restore every connection."""

    settings: Settings
    port: int
    url: str
    app: FastAPI | None = None
    client: httpx.AsyncClient = field(init=False)
    _server: uvicorn.Server | None = None
    _task: asyncio.Task[None] | None = None

    @property
    def db(self) -> Database:
        assert self.app is not None
        db: Database = self.app.state.db
        return db

    async def start(self) -> None:
        self.app = create_app(self.settings.model_copy(update={"ROOT_URL": self.url, "PORT": self.port}))
        config = uvicorn.Config(
            self.app,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="on",
            ws=WireSocketProtocol,
        )
        self._server = uvicorn.Server(config)
        self._task = asyncio.create_task(self._server.serve())
        for _ in range(500):
            if self._server.started or self._task.done():
                break
            await asyncio.sleep(0.01)
        assert self._server.started, "uvicorn did not start"

    async def stop(self, *, force: bool = False) -> None:
        assert self._server is not None and self._task is not None
        self._server.should_exit = True
        self._server.force_exit = force  # a crash: open websockets do not get to hold the shutdown
        await asyncio.wait_for(self._task, 15)


@pytest.fixture
async def desk(settings: Settings) -> AsyncIterator[DeskServer]:
    port = free_port()
    server = DeskServer(settings, port, f"http://127.0.0.1:{port}")
    await server.start()
    async with httpx.AsyncClient(base_url=server.url, timeout=10) as client:
        server.client = client
        yield server
    await server.stop()
