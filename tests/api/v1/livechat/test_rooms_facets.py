"""GET livechat/rooms?facets=...: every facet value equals the listing's total with that facet's filter set
to the value, for random filters (store/room_facets.py), and the response is unchanged without it."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factories import admin_headers, insert_rooms, login, make_user, room_doc
from frontdesk.clock import iso
from frontdesk.db.engine import Database

T0 = 1_700_000_000_000
HOUR = 3_600_000
AGENTS = ["agentAAAAAAAAAAAA", "agentBBBBBBBBBBBB", "agentCCCCCCCCCCCC"]
DEPTS = ["deptSales", "deptSupport", "deptEmpty"]
TAGS = ["vip", "billing", "bug"]
SOURCES = [{"type": "widget"}, {"type": "api"}, {"type": "app", "id": "whatsapp-app", "alias": "WhatsApp"}]
STATUS_PARAMS = {"open": ("open", "true"), "closed": ("open", "false"), "queued": ("queued", "true")}
STATUS_PARAMS["onhold"] = ("onhold", "true")


def random_room(rng: random.Random, i: int) -> dict[str, Any]:
    ts = T0 + i * 3 * HOUR + rng.randint(0, 1000)  # 90 rooms over ~11 days: whole days and part-days
    fields: dict[str, Any] = {"fname": rng.choice(["Ana", "Bruno", "Carla"]), "source": rng.choice(SOURCES)}
    status = rng.choice(["queued", "served", "onhold", "closed", "closed"])
    if status != "queued" and not (status == "closed" and rng.random() < 0.3):
        agent = rng.choice(AGENTS)
        fields["servedBy"] = {"_id": agent, "username": agent.lower(), "ts": iso(ts + 1000)}
    if status == "onhold" or (status == "closed" and rng.random() < 0.2):
        fields["onHold"] = True
    if status == "closed":
        fields["open"] = None
        fields["closedAt"] = iso(ts + rng.randint(1, 40) * HOUR)
    if rng.random() < 0.8:
        fields["departmentId"] = rng.choice(DEPTS[:2])
    if rng.random() < 0.6:
        fields["tags"] = rng.sample(TAGS, rng.randint(1, 2))
    return room_doc(ts, **fields)


def _range(p: tuple[int, int]) -> str:
    return f'{{"start":"{iso(T0 + min(p) * HOUR)}","end":"{iso(T0 + max(p) * HOUR)}"}}'


hours = st.tuples(st.integers(0, 300), st.integers(0, 300))
filters = st.fixed_dictionaries(
    {},
    optional={
        "agents[]": st.lists(st.sampled_from(AGENTS), min_size=1, max_size=2, unique=True),
        "roomName": st.sampled_from(["an", "bruno"]),
        "departmentId[]": st.lists(st.sampled_from(DEPTS), min_size=1, max_size=2, unique=True),
        "status": st.sampled_from(sorted(STATUS_PARAMS)),
        "createdAt": hours.map(_range),
        "closedAt": hours.map(_range),
        "tags[]": st.lists(st.sampled_from(TAGS), min_size=1, max_size=2, unique=True),
    },
)


def params_of(q: dict[str, Any]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for key, value in q.items():
        if key == "status":
            out.append(STATUS_PARAMS[value])
        elif isinstance(value, list):
            out.extend((key, v) for v in value)
        else:
            out.append((key, value))
    return out


def without(params: list[tuple[str, str]], *names: str) -> list[tuple[str, str]]:
    return [(k, v) for k, v in params if k not in names]


def source_key(room: dict[str, Any]) -> str:
    source = room["source"]
    return str(source["id"] if source["type"] == "app" else source["type"])


@pytest.fixture
async def corpus(client: httpx.AsyncClient, db: Database) -> dict[str, Any]:
    rng = random.Random(20261202)
    await insert_rooms(db, [random_room(rng, i) for i in range(90)])
    return {"headers": await admin_headers(client)}


async def _total(client: httpx.AsyncClient, headers: dict[str, str], params: list[tuple[str, str]]) -> int:
    res = await client.get(f"/api/v1/livechat/rooms?{urlencode(params)}&count=1", headers=headers)
    assert res.status_code == 200, res.text
    return int(res.json()["total"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=filters, count=st.sampled_from(["2", "0"]), offset=st.sampled_from(["0", "500"]))
async def test_each_facet_value_is_the_listing_total_with_that_filter(
    client: httpx.AsyncClient, corpus: dict[str, Any], q: dict[str, Any], count: str, offset: str
) -> None:
    headers, params = corpus["headers"], params_of(q)
    url = f"/api/v1/livechat/rooms?{urlencode(params)}&facets=status,department,agent,tag,source"
    res = await client.get(f"{url}&count={count}&offset={offset}", headers=headers)
    assert res.status_code == 200, res.text
    body = res.json()
    facets = body["facets"]
    assert body["total"] == await _total(client, headers, params)
    status_free = without(params, "open", "onhold", "queued")
    for name, param in STATUS_PARAMS.items():
        assert facets["status"][name] == await _total(client, headers, [*status_free, param]), name
    for facet, param, values in (
        ("department", "departmentId[]", DEPTS),
        ("agent", "agents[]", AGENTS),
        ("tag", "tags[]", TAGS),
    ):
        base = without(params, param)
        for value in values:
            assert facets[facet].get(value, 0) == await _total(client, headers, [*base, (param, value)])
        assert set(facets[facet]) <= set(values)
    every = await client.get(f"/api/v1/livechat/rooms?{urlencode(params)}&count=0", headers=headers)
    assert facets["source"] == dict(Counter(source_key(r) for r in every.json()["rooms"]))


async def test_without_facets_the_response_is_unchanged(
    client: httpx.AsyncClient, corpus: dict[str, Any]
) -> None:
    res = await client.get("/api/v1/livechat/rooms?count=3", headers=corpus["headers"])
    assert list(res.json()) == ["rooms", "count", "offset", "total", "success"]
    faceted = await client.get("/api/v1/livechat/rooms?count=3&facets=tag", headers=corpus["headers"])
    assert list(faceted.json()["facets"]) == ["tag"]
    assert faceted.json()["rooms"] == res.json()["rooms"]


@pytest.mark.parametrize("facets", ["nope", "status,", "status,Tags", ""])
async def test_an_unknown_facet_is_refused_in_rocket_chat_shape(
    client: httpx.AsyncClient, corpus: dict[str, Any], facets: str
) -> None:
    res = await client.get(f"/api/v1/livechat/rooms?facets={facets}", headers=corpus["headers"])
    assert res.status_code == 400
    body = res.json()
    assert body["success"] is False and body["errorType"] == "error-invalid-facets"
    assert facets in body["error"]


async def test_an_agent_counts_only_their_own_rooms(client: httpx.AsyncClient, db: Database) -> None:
    agent = await make_user(db, ["user", "livechat-agent"])
    mine = {"_id": agent["id"], "username": agent["username"], "ts": iso(T0)}
    other = {"_id": AGENTS[0], "username": "a", "ts": iso(T0)}
    await insert_rooms(
        db, [room_doc(T0, servedBy=mine, tags=["vip"]), room_doc(T0 + 1, servedBy=other, tags=["vip"])]
    )
    headers = await login(client, agent["username"], agent["password"])
    url = f"/api/v1/livechat/rooms?agents[]={agent['id']}&facets=agent,tag,status"
    body = (await client.get(url, headers=headers)).json()
    assert body["facets"]["agent"] == {agent["id"]: 1}
    assert body["facets"]["tag"] == {"vip": 1}
    assert body["facets"]["status"] == {"open": 1, "closed": 0, "queued": 0, "onhold": 0}
    refused = await client.get("/api/v1/livechat/rooms?facets=agent", headers=headers)
    assert refused.status_code == 403
