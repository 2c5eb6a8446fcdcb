"""Password guessing is limited per client address and per user, on POST login and DDP login alike."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from factories import ADMIN_PASSWORD
from frontdesk.services.bootstrap import TEST_ADMIN

LOGIN = "/api/v1/login"


def _client(app: FastAPI, address: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


@pytest.fixture
async def limited(app: FastAPI) -> AsyncIterator[FastAPI]:
    app.state.test_mode = False
    yield app
    app.state.test_mode = True


def _is_429(res: httpx.Response) -> None:
    assert res.status_code == 429, res.text
    body = res.json()
    assert body["success"] is False and body["errorType"] == "error-too-many-requests"
    assert body["error"].startswith("Error, too many requests. Please slow down. You must wait ")
    assert body["error"].endswith(" seconds before trying this endpoint again. [error-too-many-requests]")


async def test_eleventh_login_call_from_one_address_in_a_minute_is_429(limited: FastAPI) -> None:
    async with _client(limited, "10.0.0.1") as c:
        codes = [
            (await c.post(LOGIN, json={"user": f"nobody{i}", "password": "x"})).status_code for i in range(10)
        ]
        assert codes == [401] * 10
        _is_429(await c.post(LOGIN, json={"user": TEST_ADMIN, "password": ADMIN_PASSWORD}))
    async with _client(limited, "10.0.0.2") as other:  # another address is not affected
        assert (
            await other.post(LOGIN, json={"user": TEST_ADMIN, "password": ADMIN_PASSWORD})
        ).status_code == 200


async def test_ten_failures_for_one_user_block_even_the_right_password(limited: FastAPI) -> None:
    for i in range(10):  # spread over addresses, so no address reaches its own limit
        async with _client(limited, f"10.1.0.{i % 5}") as c:
            assert (await c.post(LOGIN, json={"user": TEST_ADMIN, "password": "wrong"})).status_code == 401
    async with _client(limited, "10.1.1.1") as c:
        _is_429(await c.post(LOGIN, json={"user": TEST_ADMIN.upper(), "password": ADMIN_PASSWORD}))
        # other users are not blocked
        assert (await c.post(LOGIN, json={"user": "someone-else", "password": "x"})).status_code == 401


async def test_limits_are_off_in_test_mode(client: httpx.AsyncClient) -> None:
    for _ in range(12):
        assert (await client.post(LOGIN, json={"user": TEST_ADMIN, "password": "wrong"})).status_code == 401
    assert (
        await client.post(LOGIN, json={"user": TEST_ADMIN, "password": ADMIN_PASSWORD})
    ).status_code == 200
