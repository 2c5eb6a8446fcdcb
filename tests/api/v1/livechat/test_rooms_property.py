"""Random filter combinations on GET livechat/rooms agree with the filters' reference predicates."""

from __future__ import annotations

import json
import random
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factories import admin_headers, insert_rooms, room_doc
from frontdesk.api.querystring import parse_qs
from frontdesk.api.schema import validate
from frontdesk.clock import iso
from frontdesk.db.engine import Database
from frontdesk.services.room_listing import query_schema
from frontdesk.store import room_filters, room_value_pages

T0 = 1_700_000_000_000
HOUR = 3_600_000
AGENTS = ["agentAAAAAAAAAAAA", "agentBBBBBBBBBBBB", "agentCCCCCCCCCCCC"]
DEPTS = ["deptSales", "deptSupport"]
TAGS = ["vip", "billing", "bug"]
NAMES = ["Ana Silva", "ana maria", "Bruno", "Carla Dias", "Dário", "Eve_1", "Frank 50%"]
PLANS = ["gold", "Silver", "bronze", "GOLDEN"]
# Only ids are compared: the answers carry just those, as the corpus holds livechatData values Rocket.Chat
# allows (numbers, lists, nested objects) that Frontdesk never writes, outside its string-only contract.
IDS = urlencode([("fields", '{"_id":1}')])
# orderNumber values: short, one past the 200 characters room_values keeps verbatim, and one far past it
ORDERS = ["A-1001", "a-2002", "B-77", "x" * 201 + "END", "Y" * 150 + "-" + "z" * 400, "ünïcode-Ä"]


def random_room(rng: random.Random, i: int) -> dict[str, Any]:
    ts = T0 + i * HOUR + rng.randint(0, 1000)
    fields: dict[str, Any] = {"fname": rng.choice(NAMES)}
    status = rng.choice(["queued", "served", "onhold", "closed", "closed"])
    agent = rng.choice(AGENTS)
    if status != "queued" and not (status == "closed" and rng.random() < 0.3):
        fields["servedBy"] = {"_id": agent, "username": agent.lower(), "ts": iso(ts + 1000)}
    if status == "onhold":
        fields["onHold"] = True
    if status == "closed":
        fields["open"] = None
        fields["closedAt"] = iso(ts + rng.randint(1, 10) * HOUR)
    if rng.random() < 0.8:
        fields["departmentId"] = rng.choice(DEPTS)
    if rng.random() < 0.6:
        fields["tags"] = rng.sample(TAGS, rng.randint(1, 2))
    if rng.random() < 0.5:
        fields["livechatData"] = {"plan": rng.choice(PLANS)}
    if rng.random() < 0.5:
        data = fields.setdefault("livechatData", {})
        data["orderNumber"] = rng.choice([*ORDERS, 42, None, ["A-1001"]])  # only strings ever match
        if rng.random() < 0.3:
            data["meta"] = {"tier": rng.choice(PLANS)}  # a dotted key reads into nested objects
    return room_doc(ts, **fields)


def expected(rooms: list[dict[str, Any]], params: list[tuple[str, str]]) -> list[str]:
    """The rooms each filter's reference predicate keeps (store/room_filters.py), newest first: the
    query is read as the route reads it, then every filter that is on judges each room document."""
    query = validate(query_schema(), parse_qs(urlencode(params).encode()))
    values = [(f, f.read(query)) for f in room_filters.FILTERS]
    matched = [r for r in rooms if all(f.matches(v, r) for f, v in values if v is not None)]  # type: ignore[arg-type]
    matched.sort(key=lambda r: (r["ts"], r["_id"]), reverse=True)
    return [r["_id"] for r in matched]


filters = st.fixed_dictionaries(
    {},
    optional={
        "agents[]": st.lists(st.sampled_from(AGENTS), min_size=1, max_size=2, unique=True),
        "roomName": st.sampled_from(["ana", "ANA", '"Bruno"', "50%", "_", "silva", "zz", "á"]),
        "departmentId[]": st.lists(st.sampled_from(DEPTS), min_size=1, max_size=2, unique=True),
        "open": st.sampled_from(["true", "false"]),
        "onhold": st.sampled_from(["true", "false"]),
        "queued": st.sampled_from(["true", "false"]),
        "createdAt": st.tuples(st.integers(0, 80), st.integers(0, 80)).map(
            lambda p: (iso(T0 + min(p) * HOUR), iso(T0 + max(p) * HOUR))
        ),
        "tags[]": st.lists(st.sampled_from(TAGS), min_size=1, max_size=2, unique=True),
        "customFields": st.dictionaries(
            st.sampled_from(["plan", "orderNumber", "meta.tier", "missing"]),
            st.sampled_from(
                ["gold", "^s", "ZE", "o", "^a-\\d+$", "END$", "z{400}", "ÄnÏ|b-7", "[xy]{3}", "(?:go|br)", ""]
            ),
            min_size=1,
            max_size=2,
        ),
    },
)


@pytest.fixture
async def corpus(client: httpx.AsyncClient, db: Database) -> dict[str, Any]:
    rng = random.Random(20261125)
    rooms = [random_room(rng, i) for i in range(80)]
    await insert_rooms(db, rooms)
    return {"rooms": rooms, "headers": await admin_headers(client)}


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=filters)
async def test_random_filters_match_reference(
    client: httpx.AsyncClient, corpus: dict[str, Any], q: dict[str, Any]
) -> None:
    params: list[tuple[str, str]] = []
    for key, value in q.items():
        if key == "createdAt":
            params.append(("createdAt", f'{{"start":"{value[0]}","end":"{value[1]}"}}'))
        elif key == "customFields":
            params.append(("customFields", json.dumps(value)))
        elif isinstance(value, list):
            params.extend((key, v) for v in value)
        else:
            params.append((key, value))
    res = await client.get(
        f"/api/v1/livechat/rooms?{urlencode(params)}&count=0&{IDS}", headers=corpus["headers"]
    )
    assert res.status_code == 200, res.text
    body = res.json()
    want = expected(corpus["rooms"], params)
    assert [r["_id"] for r in body["rooms"]] == want
    assert body["total"] == len(want)
    page = await client.get(
        f"/api/v1/livechat/rooms?{urlencode(params)}&count=3&offset=1&{IDS}", headers=corpus["headers"]
    )
    assert [r["_id"] for r in page.json()["rooms"]] == want[1:4]
    assert page.json()["total"] == len(want)


@pytest.mark.parametrize("plan", ["merge", "walk", "sort"])
async def test_every_value_page_plan_matches_reference(
    client: httpx.AsyncClient, corpus: dict[str, Any], monkeypatch: pytest.MonkeyPatch, plan: str
) -> None:
    """roomName / one customFields key alone read their page by one of three plans
    (store/room_value_pages.py): each gives the reference's rooms, in its order, on every page."""
    monkeypatch.setattr(room_value_pages, "MAX_MERGED", 100)  # merge whatever the number of values
    monkeypatch.setattr(room_value_pages, "plan", lambda *args: plan)
    for param in [
        ("roomName", "a"),
        ("roomName", "ANA"),
        ("roomName", " "),  # about every room: the walk's own case, past the listed-values limit
        ("customFields", json.dumps({"orderNumber": "."})),
        ("customFields", json.dumps({"plan": "o"})),
    ]:
        want = expected(corpus["rooms"], [param])
        for offset, count in [(0, 5), (3, 4), (0, 100), (len(want) - 2, 5)]:
            for order in (-1, 1):
                query = urlencode(
                    [param, ("offset", offset), ("count", count), ("sort", f'{{"ts":{order}}}')]
                )
                res = await client.get(f"/api/v1/livechat/rooms?{query}&{IDS}", headers=corpus["headers"])
                ordered = want if order < 0 else want[::-1]
                assert [r["_id"] for r in res.json()["rooms"]] == ordered[offset : offset + count], (
                    param,
                    plan,
                )
                assert res.json()["total"] == len(want)
