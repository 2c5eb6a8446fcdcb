"""Two Frontdesk processes with one Redis share their rate limits: `--workers N` does not multiply them."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from frontdesk.config import Settings
from realtime.conftest import free_port
from realtime.test_redis_fanout import REDIS, _wait_until, redis_url

__all__ = ["redis_url"]  # the fixture, imported for this module's tests

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.skipif(REDIS is None, reason="redis-server is not installed (make system-deps, as root)"),
]
ADMIN, PASSWORD = "limits-admin", "limits-password"


def _start(settings: Settings, redis: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ, "DATABASE_URL": settings.DATABASE_URL, "TEST_MODE": "false", "BCRYPT_ROUNDS": "4",
        "REDIS_URL": redis, "ROOT_URL": url, "HOST": "127.0.0.1", "PORT": str(port), "LOG_LEVEL": "warning",
        "ADMIN_USERNAME": ADMIN, "ADMIN_PASS": PASSWORD,
    }  # fmt: skip
    proc = subprocess.Popen(
        [sys.executable, "-m", "frontdesk.cli", "serve"],
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    # a loaded machine may take a while to start a server (migrations, imports)
    _wait_until(lambda: httpx.get(f"{url}/api/info").status_code == 200, f"frontdesk on {port}")
    return proc, url


@pytest.fixture
def two_workers(settings: Settings, redis_url: str, tmp_path: Path) -> Iterator[tuple[str, str]]:
    procs: list[subprocess.Popen[bytes]] = []
    try:
        a, url_a = _start(settings, redis_url, tmp_path / "a.log")
        procs.append(a)
        b, url_b = _start(settings, redis_url, tmp_path / "b.log")
        procs.append(b)
        yield url_a, url_b
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(15)


async def test_login_limits_count_across_workers(two_workers: tuple[str, str]) -> None:
    url_a, url_b = two_workers
    async with httpx.AsyncClient(timeout=10) as http:
        # five wrong passwords through each worker: each saw only five, together they are the user's ten
        for i in range(10):
            url = url_a if i % 2 else url_b
            res = await http.post(f"{url}/api/v1/login", json={"user": ADMIN, "password": "wrong"})
            assert res.status_code == 401, res.text
        for url in (url_a, url_b):
            res = await http.post(f"{url}/api/v1/login", json={"user": ADMIN, "password": PASSWORD})
            assert res.status_code == 429, res.text
            assert res.json()["errorType"] == "error-too-many-requests"


async def test_route_limits_count_across_workers(two_workers: tuple[str, str]) -> None:
    url_a, url_b = two_workers
    async with httpx.AsyncClient(timeout=10) as http:
        codes = []
        for i in range(6):  # livechat/visitor: 5 a minute per address, as Rocket.Chat
            url = url_a if i % 2 else url_b
            res = await http.post(f"{url}/api/v1/livechat/visitor", json={"visitor": {"token": f"w-{i}"}})
            codes.append(res.status_code)
        assert codes == [200] * 5 + [429]
