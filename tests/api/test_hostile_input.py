"""Hostile input: every class of request that once gave a 500 or took seconds gets a quick 4xx in
Rocket.Chat's shape (issue 12, item 1)."""

from __future__ import annotations

import asyncio
import json
import os
import time

import httpx
import pytest
from sqlalchemy import func, select

from factories import admin_headers, insert_rooms, room_doc
from frontdesk.db.engine import Database
from frontdesk.input_limits import MAX_CUSTOM_FIELDS
from frontdesk.store import custom_fields as custom_field_store
from frontdesk.store import room_query

URL = "/api/v1/livechat/rooms"
T0 = 1_700_000_000_000
# Generous for a loaded, shared CI machine: the point is "not the seconds or minutes these once took";
# each case takes a few ms in-process.
QUICK_S = 2.0


def _deep(depth: int) -> str:
    return "[" * depth + "]" * depth


def _assert_rc_error(res: httpx.Response, status: int = 400) -> dict[str, object]:
    assert res.status_code == status, res.text
    body = res.json()
    assert body["success"] is False and isinstance(body["error"], str) and body["error"]
    return body


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("count", "Infinity"),
        ("count", "-Infinity"),
        ("count", "NaN"),
        ("count", "1e400"),
        ("count", "9" * 400),
        ("offset", "Infinity"),
        ("offset", "1e400"),
        ("offset", "9" * 400),
        ("offset", "-1e400"),
    ],
)
async def test_non_finite_or_huge_numbers(client: httpx.AsyncClient, name: str, value: str) -> None:
    headers = await admin_headers(client)
    started = time.perf_counter()
    res = await client.get(URL, params={name: value}, headers=headers)
    assert time.perf_counter() - started < QUICK_S
    body = _assert_rc_error(res)
    assert body["errorType"] == "invalid-params"


@pytest.mark.parametrize("name", ["createdAt", "closedAt", "customFields", "sort", "fields"])
async def test_deeply_nested_json(client: httpx.AsyncClient, name: str) -> None:
    headers = await admin_headers(client)
    for raw in (
        _deep(4000),
        _deep(10_000),
        '{"start":' + _deep(3000) + "}",
        '{"a":' * 1500 + "1" + "}" * 1500,
    ):
        started = time.perf_counter()
        res = await client.get(URL, params={name: raw}, headers=headers)
        assert time.perf_counter() - started < QUICK_S
        _assert_rc_error(res)


@pytest.mark.parametrize("name", ["customFields", "sort", "fields"])
async def test_thousands_of_keys(client: httpx.AsyncClient, name: str) -> None:
    headers = await admin_headers(client)
    # past the key limit within the size limit, and past both
    for raw in (json.dumps({f"k{i}": 1 for i in range(100)}), json.dumps({f"k{i}": 1 for i in range(2000)})):
        started = time.perf_counter()
        res = await client.get(URL, params={name: raw}, headers=headers)
        assert time.perf_counter() - started < QUICK_S
        assert "must NOT" in str(_assert_rc_error(res)["error"])


async def test_oversized_json_parameter(client: httpx.AsyncClient) -> None:
    headers = await admin_headers(client)
    res = await client.get(URL, params={"createdAt": json.dumps({"start": "x" * 20_000})}, headers=headers)
    _assert_rc_error(res)


@pytest.mark.parametrize("raw", ['{"a\\u0000b":1}', '{"\\u0000":-1}', '{"ts":1,"x\\u0000":1}'])
async def test_nul_in_sort_key(client: httpx.AsyncClient, db: Database, raw: str) -> None:
    await insert_rooms(db, [room_doc(T0)])
    headers = await admin_headers(client)
    res = await client.get(URL, params={"sort": raw}, headers=headers)
    body = _assert_rc_error(res)
    assert body["errorType"] == "error-invalid-sort"


async def test_nul_in_fields_and_custom_field_keys(client: httpx.AsyncClient, db: Database) -> None:
    await insert_rooms(db, [room_doc(T0)])
    headers = await admin_headers(client)
    res = await client.get(URL, params={"fields": '{"a\\u0000":1}'}, headers=headers)
    assert _assert_rc_error(res)["errorType"] == "error-invalid-fields"
    res = await client.get(URL, params={"customFields": '{"a\\u0000":"x"}'}, headers=headers)
    _assert_rc_error(res)


async def test_deep_json_body(client: httpx.AsyncClient) -> None:
    body = '{"visitor":{"token":"t","connectionData":' + '{"a":' * 5000 + "1" + "}" * 5000 + "}}"
    res = await client.post(
        "/api/v1/livechat/visitor", content=body, headers={"Content-Type": "application/json"}
    )
    _assert_rc_error(res)


async def test_visitor_reusing_another_visitors_id_or_username(client: httpx.AsyncClient) -> None:
    first = await client.post(
        "/api/v1/livechat/visitor", json={"visitor": {"token": "tok-a", "id": "vid-a", "username": "alice"}}
    )
    assert first.status_code == 200, first.text
    a = first.json()["visitor"]
    # another visitor naming A's id gets an id of its own: A's record is neither taken over nor changed
    second = await client.post(
        "/api/v1/livechat/visitor", json={"visitor": {"token": "tok-b", "id": "vid-a"}}
    )
    assert second.status_code == 200, second.text
    b = second.json()["visitor"]
    assert b["_id"] != "vid-a" and b["token"] == "tok-b"
    # ... and one naming A's username gets a guest username
    third = await client.post(
        "/api/v1/livechat/visitor", json={"visitor": {"token": "tok-c", "username": "alice"}}
    )
    assert third.status_code == 200, third.text
    c = third.json()["visitor"]
    assert c["username"] != "alice" and c["username"].startswith("guest-")
    again = (await client.get("/api/v1/livechat/visitor/tok-a")).json()["visitor"]
    assert again["_id"] == a["_id"] and again["username"] == "alice" and again["token"] == "tok-a"


async def _define_field(db: Database, key: str, scope: str) -> None:
    async with db.session() as session:
        await custom_field_store.save_custom_field(session, {"_id": key, "label": key, "scope": scope})


async def test_custom_fields_batch_is_bounded(client: httpx.AsyncClient, db: Database) -> None:
    await _define_field(db, "plan", "visitor")
    res = await client.post("/api/v1/livechat/visitor", json={"visitor": {"token": "tok-batch"}})
    assert res.status_code == 200
    field = {"key": "plan", "value": "gold", "overwrite": True}
    started = time.perf_counter()
    res = await client.post(
        "/api/v1/livechat/custom.fields", json={"token": "tok-batch", "customFields": [field] * 10_000}
    )
    assert time.perf_counter() - started < QUICK_S
    assert _assert_rc_error(res)["error"] == (
        "The request body must NOT hold more than 10000 objects and arrays"
    )
    res = await client.post(
        "/api/v1/livechat/custom.fields", json={"token": "tok-batch", "customFields": [field] * 101}
    )
    assert _assert_rc_error(res)["error"] == "must NOT have more than 100 items [invalid-params]"
    started = time.perf_counter()
    res = await client.post(
        "/api/v1/livechat/custom.fields",
        json={"token": "tok-batch", "customFields": [field] * MAX_CUSTOM_FIELDS},
    )
    assert time.perf_counter() - started < QUICK_S
    assert res.status_code == 200, res.text
    visitor = (await client.get("/api/v1/livechat/visitor/tok-batch")).json()["visitor"]
    assert visitor["livechatData"] == {"plan": "gold"}
    # registration's own customFields have the same bound
    res = await client.post(
        "/api/v1/livechat/visitor",
        json={"visitor": {"token": "tok-batch-2", "customFields": [field] * 101}},
    )
    assert _assert_rc_error(res)["errorType"] == "invalid-params"


async def test_unknown_key_refuses_the_whole_batch(client: httpx.AsyncClient, db: Database) -> None:
    await _define_field(db, "plan", "visitor")
    await client.post("/api/v1/livechat/visitor", json={"visitor": {"token": "tok-u"}})
    fields = [
        {"key": "plan", "value": "gold", "overwrite": True},
        {"key": "nope", "value": "x", "overwrite": True},
    ]
    res = await client.post("/api/v1/livechat/custom.fields", json={"token": "tok-u", "customFields": fields})
    assert _assert_rc_error(res)["error"] == "invalid-custom-field"
    visitor = (await client.get("/api/v1/livechat/visitor/tok-u")).json()["visitor"]
    assert "plan" not in (visitor.get("livechatData") or {})


@pytest.mark.parametrize("pattern", ["(a)\\1", "a(?=b)", "(?<=a)b", "a{2000}"])
async def test_patterns_re2_cannot_run_get_a_clear_400(client: httpx.AsyncClient, pattern: str) -> None:
    headers = await admin_headers(client)
    res = await client.get(URL, params={"customFields": json.dumps({"plan": pattern})}, headers=headers)
    body = _assert_rc_error(res)
    assert str(body["error"]).startswith(f"Invalid regular expression: /{pattern}/i: ")


async def test_hostile_pattern_does_not_stall_the_process(client: httpx.AsyncClient, db: Database) -> None:
    """`(a+)+$` against 28 `a`s and `!` backtracks for minutes in a backtracking engine; RE2 is linear, and
    with many distinct values it runs off the event loop: /api/info keeps answering meanwhile."""
    evil = "a" * 28 + "!"
    rooms = [
        room_doc(T0 + i, livechatData={"orderNumber": f"{evil}{i}" if i % 2 else "a" * 28})
        for i in range(3000)
    ]
    await insert_rooms(db, rooms)
    headers = await admin_headers(client)
    listing = asyncio.create_task(
        client.get(URL, params={"customFields": '{"orderNumber":"(a+)+$"}', "count": 1}, headers=headers)
    )
    latencies = []
    while not listing.done() or not latencies:
        started = time.perf_counter()
        info = await client.get("/api/info")
        assert info.status_code == 200
        latencies.append(time.perf_counter() - started)
        await asyncio.sleep(0.01)  # an in-process /api/info never suspends: let the listing run between them
    # the best of the answers given while the pattern ran: a blocked loop makes every one of them slow
    assert min(latencies) < 0.1, latencies
    res = await asyncio.wait_for(listing, timeout=30)
    assert res.status_code == 200, res.text
    assert res.json()["total"] == 1500


@pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"), reason="PostgreSQL's statement_timeout")
async def test_listing_statement_past_the_timeout_is_a_400(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    headers = await admin_headers(client)
    monkeypatch.setattr(room_query, "STATEMENT_TIMEOUT_MS", 50)
    monkeypatch.setattr(room_query, "page_with_total", lambda *args: select(func.pg_sleep(1)))
    started = time.perf_counter()
    res = await client.get(URL, headers=headers)
    assert time.perf_counter() - started < 0.9
    assert _assert_rc_error(res)["errorType"] == "error-query-timeout"


@pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"), reason="PostgreSQL's statement_timeout")
async def test_every_match_past_the_timeout_is_a_400(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """count=0 (every match, streamed) is bounded from the filter's lookups on, its total too."""
    headers = await admin_headers(client)
    monkeypatch.setattr(room_query, "STATEMENT_TIMEOUT_MS", 50)
    monkeypatch.setattr(room_query, "total_query", lambda *args: select(func.pg_sleep(1)))
    started = time.perf_counter()
    res = await client.get(URL, params={"count": 0}, headers=headers)
    assert time.perf_counter() - started < 0.9
    assert _assert_rc_error(res)["errorType"] == "error-query-timeout"
