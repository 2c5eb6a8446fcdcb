"""Concurrent misses of one listing page since the same commit are computed once (single flight)."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from factories import admin_headers, insert_rooms, room_doc
from frontdesk.db.engine import Database
from frontdesk.services import room_listing

URL = "/api/v1/livechat/rooms"


async def test_concurrent_misses_compute_the_page_once(
    client: httpx.AsyncClient, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    await insert_rooms(db, [room_doc(1_700_000_000_000 + i) for i in range(5)])
    headers = await admin_headers(client)
    computed = 0
    read_page = room_listing.read_page

    async def slow_read_page(session: Any, listing: Any) -> bytes:
        nonlocal computed
        computed += 1
        await asyncio.sleep(0.05)  # the others arrive while this one runs
        return await read_page(session, listing)

    monkeypatch.setattr(room_listing, "read_page", slow_read_page)
    answers = await asyncio.gather(*(client.get(URL, params={"count": 3}, headers=headers) for _ in range(8)))
    assert computed == 1
    assert {a.status_code for a in answers} == {200}
    assert len({a.content for a in answers}) == 1 and answers[0].json()["total"] == 5
    # another query string is another page
    await client.get(URL, params={"count": 2}, headers=headers)
    assert computed == 2


async def test_an_error_is_shared_and_a_stream_is_not(client: httpx.AsyncClient, db: Database) -> None:
    headers = await admin_headers(client)
    bad = await asyncio.gather(*(client.get(URL, params={"sort": "nope"}, headers=headers) for _ in range(4)))
    assert {r.status_code for r in bad} == {400}
    await insert_rooms(db, [room_doc(1_700_000_000_000)])
    streams = await asyncio.gather(*(client.get(URL, params={"count": 0}, headers=headers) for _ in range(3)))
    assert [r.json()["total"] for r in streams] == [1, 1, 1]
