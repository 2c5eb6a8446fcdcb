"""A real server per test (uvicorn on a free loopback port, in the test's event loop) for websocket tests."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from frontdesk.config import Settings
from frontdesk.db.engine import Database
from frontdesk.main import create_app
from frontdesk.realtime.wire_socket import WireSocketProtocol


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveServer:
    url: str
    ws_url: str
    app: FastAPI
    client: httpx.AsyncClient
    db: Database


@pytest.fixture
async def live(settings: Settings, request: pytest.FixtureRequest) -> AsyncIterator[LiveServer]:
    """`frontdesk serve`'s websocket protocol; parametrised indirectly with "auto", uvicorn's own (frames
    through ASGI sends)."""
    ws = getattr(request, "param", None) or WireSocketProtocol
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    app = create_app(settings.model_copy(update={"ROOT_URL": url, "PORT": port}))
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on", ws=ws)
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    for _ in range(500):
        if server.started or task.done():
            break
        await asyncio.sleep(0.01)
    assert server.started, "uvicorn did not start"
    async with httpx.AsyncClient(base_url=url, timeout=10) as client:
        yield LiveServer(url, f"ws://127.0.0.1:{port}/websocket", app, client, app.state.db)
    server.should_exit = True
    await asyncio.wait_for(task, 10)
