"""Random filter combinations on GET livechat/rooms agree with a plain-Python filter over the same rooms."""

from __future__ import annotations

import random
import re
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factories import admin_headers, insert_rooms, room_doc
from frontdesk.clock import iso
from frontdesk.db.engine import Database

T0 = 1_700_000_000_000
HOUR = 3_600_000
AGENTS = ["agentAAAAAAAAAAAA", "agentBBBBBBBBBBBB", "agentCCCCCCCCCCCC"]
DEPTS = ["deptSales", "deptSupport"]
TAGS = ["vip", "billing", "bug"]
NAMES = ["Ana Silva", "ana maria", "Bruno", "Carla Dias", "Dário", "Eve_1", "Frank 50%"]
PLANS = ["gold", "Silver", "bronze", "GOLDEN"]


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
    return room_doc(ts, **fields)


def expected(rooms: list[dict[str, Any]], q: dict[str, Any]) -> list[str]:
    """The filter semantics of livechat-api.md §2.3, written directly over the documents."""

    def keep(r: dict[str, Any]) -> bool:
        served = (r.get("servedBy") or {}).get("_id")
        is_open, on_hold = r.get("open") is True, r.get("onHold") is True
        if "agents[]" in q and served not in q["agents[]"]:
            return False
        if "roomName" in q:
            name = q["roomName"]
            if name.startswith('"') and name.endswith('"') and len(name) >= 2:
                if r.get("fname") != name[1:-1]:
                    return False
            elif name.lower() not in r.get("fname", "").lower():
                return False
        if "departmentId[]" in q and r.get("departmentId") not in q["departmentId[]"]:
            return False
        if q.get("queued") == "true":
            if not (is_open and not served and not on_hold):
                return False
        else:
            if "open" in q:
                want_open = q["open"] == "true"
                if is_open != want_open:
                    return False
                if want_open and not served:
                    return False
                if q.get("onhold") != "true" and on_hold:
                    return False
            if q.get("onhold") == "true" and not on_hold:
                return False
        if "createdAt" in q:
            start, end = q["createdAt"]
            if not (start <= r["ts"] <= end):
                return False
        if "tags[]" in q and not set(r.get("tags", [])) & set(q["tags[]"]):
            return False
        if "plan" in q:
            plan = (r.get("livechatData") or {}).get("plan")
            if plan is None or not re.search(q["plan"], plan, re.I):
                return False
        return True

    matched = [r for r in rooms if keep(r)]
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
        "plan": st.sampled_from(["gold", "^s", "ZE", "o"]),
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
        elif key == "plan":
            params.append(("customFields", f'{{"plan":"{value}"}}'))
        elif isinstance(value, list):
            params.extend((key, v) for v in value)
        else:
            params.append((key, value))
    res = await client.get(f"/api/v1/livechat/rooms?{urlencode(params)}&count=0", headers=corpus["headers"])
    assert res.status_code == 200, res.text
    body = res.json()
    want = expected(corpus["rooms"], q)
    assert [r["_id"] for r in body["rooms"]] == want
    assert body["total"] == len(want)
    page = await client.get(
        f"/api/v1/livechat/rooms?{urlencode(params)}&count=3&offset=1", headers=corpus["headers"]
    )
    assert [r["_id"] for r in page.json()["rooms"]] == want[1:4]
    assert page.json()["total"] == len(want)
