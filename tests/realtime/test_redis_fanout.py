"""Two Frontdesk processes, one database, one Redis: events written through A reach B's subscribers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from factories import ADMIN_PASSWORD
from frontdesk.config import Settings
from frontdesk.services.bootstrap import TEST_ADMIN
from realtime.conftest import free_port
from realtime.ddp_client import DDPClient, visitor_args

REDIS = shutil.which("redis-server")
pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.skipif(REDIS is None, reason="redis-server is not installed (make system-deps, as root)"),
]


def _wait_until(check: object, what: str, timeout: float = 90.0) -> None:
    """Polls until `check` holds: generous, as a process starting on a busy 2-core machine takes a while."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():  # type: ignore[operator]
                return
        except (httpx.HTTPError, OSError):
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{what} did not start")


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    args = [str(REDIS), "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    proc = subprocess.Popen(
        [*args, "--dir", str(tmp_path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        import redis

        _wait_until(lambda: redis.Redis(port=port).ping(), "redis-server")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(10)


def _start(settings: Settings, redis_url: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ, "DATABASE_URL": settings.DATABASE_URL, "TEST_MODE": "true", "BCRYPT_ROUNDS": "4",
        "REDIS_URL": redis_url, "ROOT_URL": url, "HOST": "127.0.0.1", "PORT": str(port),
        "LOG_LEVEL": "warning",
    }  # fmt: skip
    proc = subprocess.Popen(
        [sys.executable, "-m", "frontdesk.cli", "serve"],
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    _wait_until(lambda: httpx.get(f"{url}/api/v1/livechat/config").status_code == 200, f"frontdesk on {port}")
    return proc, url


@pytest.fixture
def two_processes(settings: Settings, redis_url: str, tmp_path: Path) -> Iterator[tuple[str, str]]:
    procs: list[subprocess.Popen[bytes]] = []
    try:
        a, url_a = _start(settings, redis_url, tmp_path / "a.log")  # A migrates first, then B joins
        procs.append(a)
        b, url_b = _start(settings, redis_url, tmp_path / "b.log")
        procs.append(b)
        yield url_a, url_b
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(15)


async def test_event_written_through_a_reaches_a_subscriber_on_b(two_processes: tuple[str, str]) -> None:
    url_a, url_b = two_processes
    async with httpx.AsyncClient(base_url=url_a, timeout=10) as a:
        login = (await a.post("/api/v1/login", json={"user": TEST_ADMIN, "password": ADMIN_PASSWORD})).json()
        admin = {"X-User-Id": login["data"]["userId"], "X-Auth-Token": login["data"]["authToken"]}
        res = await a.post(
            "/api/v1/settings/Livechat_accept_chats_with_no_agents", json={"value": True}, headers=admin
        )
        assert res.status_code == 200, res.text
        token = "redis-visitor-token"
        assert (
            await a.post("/api/v1/livechat/visitor", json={"visitor": {"token": token}})
        ).status_code == 200
        room = (await a.get("/api/v1/livechat/room", params={"token": token})).json()["room"]

        ws_b = url_b.replace("http://", "ws://") + "/websocket"
        ws_a = url_a.replace("http://", "ws://") + "/websocket"
        async with DDPClient(ws_b) as on_b, DDPClient(ws_a) as on_a:
            for ddp in (on_a, on_b):
                await ddp.call("livechat:setUpConnection", {"token": token})
                ready = await ddp.sub("stream-room-messages", room["_id"], visitor_args(token))
                assert ready["msg"] == "ready"
            started = time.perf_counter()
            res = await a.post(
                "/api/v1/livechat/message", json={"token": token, "rid": room["_id"], "msg": "via A"}
            )
            assert res.status_code == 200, res.text
            frame = await on_b.next_changed("stream-room-messages", timeout=1.0)
            assert frame["fields"]["args"][0]["msg"] == "via A"
            assert time.perf_counter() - started < 1.0
            # the writer's own process delivers through Redis too, exactly once
            assert (await on_a.next_changed("stream-room-messages"))["fields"]["args"][0]["msg"] == "via A"

            async with httpx.AsyncClient(base_url=url_b, timeout=10) as b:
                res = await b.post(
                    "/api/v1/livechat/message", json={"token": token, "rid": room["_id"], "msg": "via B"}
                )
                assert res.status_code == 200, res.text
            assert (await on_a.next_changed("stream-room-messages"))["fields"]["args"][0]["msg"] == "via B"
            assert (await on_b.next_changed("stream-room-messages"))["fields"]["args"][0]["msg"] == "via B"
            with pytest.raises(TimeoutError):
                await on_a.next_changed("stream-room-messages", timeout=0.2)


async def test_readiness_checks_the_redis_it_is_given(redis_url: str) -> None:
    from frontdesk.ops.readiness import check_redis

    check = await check_redis(redis_url)
    assert check["status"] == "ok" and check["latency"].endswith("ms")
