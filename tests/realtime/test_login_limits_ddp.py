"""DDP login: Meteor's 5 calls per 10 s per connection, and the per-user failure limit REST has."""

from __future__ import annotations

import hashlib

import pytest

from factories import ADMIN_PASSWORD
from frontdesk.services.bootstrap import TEST_ADMIN
from realtime.conftest import LiveServer
from realtime.ddp_client import DDPClient


def _password(text: str) -> dict[str, str]:
    return {"digest": hashlib.sha256(text.encode()).hexdigest(), "algorithm": "sha-256"}


async def test_sixth_login_on_one_connection_is_refused(live: LiveServer) -> None:
    live.app.state.test_mode = False
    async with DDPClient(live.ws_url) as ddp:
        for i in range(5):
            frame = await ddp.call_raw(
                "login", {"user": {"username": f"nobody{i}"}, "password": _password("x")}
            )
            assert frame["error"]["error"] == 403
        frame = await ddp.call_raw(
            "login", {"user": {"username": TEST_ADMIN}, "password": _password(ADMIN_PASSWORD)}
        )
        assert frame["error"]["error"] == "too-many-requests"
        assert frame["error"]["reason"].startswith("Error, too many requests. Please slow down.")
    # a new connection may log in
    async with DDPClient(live.ws_url) as ddp:
        frame = await ddp.call_raw(
            "login", {"user": {"username": TEST_ADMIN}, "password": _password(ADMIN_PASSWORD)}
        )
        assert "result" in frame, frame


@pytest.mark.parametrize("connections", [3])
async def test_failures_over_connections_block_the_user(live: LiveServer, connections: int) -> None:
    live.app.state.test_mode = False
    for _ in range(connections):
        async with DDPClient(live.ws_url) as ddp:
            for _ in range(4):
                wrong = {"user": {"username": TEST_ADMIN}, "password": _password("wrong")}
                frame = await ddp.call_raw("login", wrong)
                assert frame["error"]["error"] in (403, "error-too-many-requests")
    async with DDPClient(live.ws_url) as ddp:
        right = {"user": {"username": TEST_ADMIN}, "password": _password(ADMIN_PASSWORD)}
        frame = await ddp.call_raw("login", right)
        assert frame["error"]["error"] == "error-too-many-requests", frame
