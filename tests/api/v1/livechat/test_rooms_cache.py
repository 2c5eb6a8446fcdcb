"""GET livechat/rooms answered from the page cache: only ever what the database holds now."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from factories import admin_headers, insert_rooms, room_doc
from frontdesk.api.page_cache import PageCache
from frontdesk.clock import FixedClock
from frontdesk.config import Settings
from frontdesk.db.changes import NotifySignal
from frontdesk.db.engine import Database
from frontdesk.main import create_app

URL = "/api/v1/livechat/rooms"
T0 = 1_700_000_000_000


def page_cache(app: FastAPI) -> PageCache:
    cache = app.state.page_cache
    assert isinstance(cache, PageCache)
    return cache


@pytest.fixture
async def listening(app: FastAPI) -> FastAPI:
    """On PostgreSQL nothing is cached until the change listener is connected."""
    changes = app.state.db.changes
    if isinstance(changes, NotifySignal):
        assert await changes.wait_listening(5)
    return app


async def test_a_repeated_listing_is_served_from_the_cache(
    client: httpx.AsyncClient, db: Database, listening: FastAPI
) -> None:
    await insert_rooms(db, [room_doc(T0 + i) for i in range(3)])
    h = await admin_headers(client)
    first = await client.get(URL, params={"count": 2}, headers=h)
    hits = page_cache(listening).hits
    second = await client.get(URL, params={"count": 2}, headers=h)
    assert second.status_code == 200 and second.content == first.content
    assert page_cache(listening).hits == hits + 1
    assert second.headers["content-type"] == first.headers["content-type"]


async def test_a_commit_is_seen_by_the_next_listing(
    client: httpx.AsyncClient, db: Database, listening: FastAPI
) -> None:
    await insert_rooms(db, [room_doc(T0)])
    h = await admin_headers(client)
    assert (await client.get(URL, headers=h)).json()["total"] == 1
    assert (await client.get(URL, headers=h)).json()["total"] == 1
    await insert_rooms(db, [room_doc(T0 + 1)])
    assert (await client.get(URL, headers=h)).json()["total"] == 2


async def test_logging_out_ends_cached_answers(client: httpx.AsyncClient, listening: FastAPI) -> None:
    h = await admin_headers(client)
    for _ in range(2):
        assert (await client.get(URL, headers=h)).status_code == 200
    assert (await client.post("/api/v1/logout", headers=h)).status_code == 200
    res = await client.get(URL, headers=h)
    assert res.status_code == 401


async def test_a_wrong_token_never_gets_the_cached_page(
    client: httpx.AsyncClient, listening: FastAPI
) -> None:
    h = await admin_headers(client)
    for _ in range(2):
        assert (await client.get(URL, headers=h)).status_code == 200
    res = await client.get(URL, headers={**h, "X-Auth-Token": h["X-Auth-Token"] + "x"})
    assert res.status_code == 401


async def test_permission_and_setting_changes_apply_at_once(
    client: httpx.AsyncClient, db: Database, listening: FastAPI
) -> None:
    await insert_rooms(db, [room_doc(T0 + i) for i in range(5)])
    h = await admin_headers(client)
    for _ in range(2):
        assert (await client.get(URL, headers=h)).json()["count"] == 5
    res = await client.post("/api/v1/settings/API_Default_Count", json={"value": 3}, headers=h)
    assert res.status_code == 200, res.text
    assert (await client.get(URL, headers=h)).json()["count"] == 3
    update = {"permissions": [{"_id": "view-livechat-rooms", "roles": ["livechat-manager"]}]}
    assert (await client.post("/api/v1/permissions.update", json=update, headers=h)).status_code == 200
    res = await client.get(URL, headers=h)
    assert res.status_code == 403 and res.json() == {"success": False, "error": "unauthorized"}


@pytest.fixture
async def other_process(settings: Settings) -> AsyncIterator[FastAPI]:
    """A second server on the same database, as `serve --workers 2` or another host would run."""
    other = create_app(settings, FixedClock(T0))
    async with other.router.lifespan_context(other):
        yield other


async def test_a_commit_by_another_process_is_seen(
    client: httpx.AsyncClient, listening: FastAPI, other_process: FastAPI
) -> None:
    h = await admin_headers(client)
    for _ in range(2):
        assert (await client.get(URL, headers=h)).json()["total"] == 0
    await insert_rooms(other_process.state.db, [room_doc(T0)])
    for _ in range(200):  # PostgreSQL's notification arrives a moment after the commit
        if (await client.get(URL, headers=h)).json()["total"] == 1:
            break
        await asyncio.sleep(0.01)
    assert (await client.get(URL, headers=h)).json()["total"] == 1


async def test_the_cache_can_be_turned_off(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"PAGE_CACHE_MB": 0}), FixedClock(T0))
    assert app.state.page_cache is None


async def test_errors_and_streamed_listings_are_not_kept(
    client: httpx.AsyncClient, listening: FastAPI
) -> None:
    h = await admin_headers(client)
    cache = page_cache(listening)
    for _ in range(2):
        assert (await client.get(URL, params={"count": 0}, headers=h)).status_code == 200
        assert (await client.get(URL, params={"sort": "{bad"}, headers=h)).status_code == 400
    assert cache.hits == 0 and len(cache) == 0


async def test_a_status_change_keeps_the_cached_page(
    client: httpx.AsyncClient, db: Database, listening: FastAPI
) -> None:
    """No listing shows a user's status: agents changing theirs must not end every manager's page."""
    await insert_rooms(db, [room_doc(T0)])
    h = await admin_headers(client)
    first = await client.get(URL, headers=h)
    res = await client.post("/api/v1/users.setStatus", json={"status": "away", "message": "lunch"}, headers=h)
    assert res.status_code == 200, res.text
    hits = page_cache(listening).hits
    assert (await client.get(URL, headers=h)).content == first.content
    assert page_cache(listening).hits == hits + 1
