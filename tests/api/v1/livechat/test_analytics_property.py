"""Every count of livechat/analytics/* equals what GET livechat/rooms answers for the same period and
department (docs/analytics.md), for random rooms, periods and departments, both called over HTTP."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factories import admin_headers, insert_rooms, make_department, room_doc
from frontdesk.clock import iso
from frontdesk.db.engine import Database

T0 = 1_700_000_000_000
HOUR = 3_600_000
AGENTS = ["agentAAAAAAAAAAAA", "agentBBBBBBBBBBBB", "agentCCCCCCCCCCCC"]
TAGS = ["vip", "billing", "bug"]
SOURCES = [{"type": "widget"}, {"type": "api"}, {"type": "app", "id": "whatsapp-app", "alias": "WhatsApp"}]
STATUS = {
    "open": ("open", "true"),
    "closed": ("open", "false"),
    "queued": ("queued", "true"),
    "onhold": ("onhold", "true"),
}


def random_room(rng: random.Random, i: int, departments: list[str]) -> dict[str, Any]:
    ts = T0 + i * 3 * HOUR + rng.randint(0, 1000)  # 90 rooms over ~11 days: whole days and part-days
    fields: dict[str, Any] = {"source": rng.choice(SOURCES), "msgs": rng.randint(0, 9)}
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
        fields["departmentId"] = rng.choice(departments)
    if rng.random() < 0.6:
        fields["tags"] = rng.sample(TAGS, rng.randint(1, 2))
    return room_doc(ts, **fields)


@pytest.fixture
async def corpus(client: httpx.AsyncClient, db: Database) -> dict[str, Any]:
    names = {await make_department(db, name): name for name in ("Sales", "Support", "Empty")}
    rng = random.Random(20261202)
    await insert_rooms(db, [random_room(rng, i, list(names)[:2]) for i in range(90)])
    return {"headers": await admin_headers(client), "departments": names}


class Listing:
    """GET livechat/rooms under one period and department."""

    def __init__(
        self, client: httpx.AsyncClient, headers: dict[str, str], base: list[tuple[str, str]]
    ) -> None:
        self.client, self.headers, self.base = client, headers, base

    async def total(self, *extra: tuple[str, str]) -> int:
        res = await self.client.get(
            f"/api/v1/livechat/rooms?{urlencode([*self.base, *extra])}&count=1", headers=self.headers
        )
        assert res.status_code == 200, res.text
        return int(res.json()["total"])

    async def rooms(self) -> list[dict[str, Any]]:
        res = await self.client.get(
            f"/api/v1/livechat/rooms?{urlencode(self.base)}&count=0", headers=self.headers
        )
        return list(res.json()["rooms"])


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(hours=st.tuples(st.integers(-10, 300), st.integers(-10, 300)), pick=st.integers(-1, 2))
async def test_analytics_agree_with_the_listing(
    client: httpx.AsyncClient, corpus: dict[str, Any], hours: tuple[int, int], pick: int
) -> None:
    headers, names = corpus["headers"], corpus["departments"]
    start, end = iso(T0 + min(hours) * HOUR), iso(T0 + max(hours) * HOUR + 59_999)
    department = list(names)[pick] if pick >= 0 else None
    query = [("start", start), ("end", end), *([("departmentId", department)] if department else [])]
    created = f'{{"start":"{start}","end":"{end}"}}'
    in_period = Listing(client, headers, [("createdAt", created)])
    listing = Listing(
        client, headers, [*in_period.base, *([("departmentId", department)] if department else [])]
    )

    async def get(path: str, extra: str = "") -> Any:
        res = await client.get(
            f"/api/v1/livechat/analytics/dashboards/{path}?{urlencode(query)}{extra}", headers=headers
        )
        assert res.status_code == 200, res.text
        return res.json()

    total = await listing.total()
    statuses = {name: await listing.total(param) for name, param in STATUS.items()}
    rooms = await listing.rooms()
    assert len(rooms) == total

    conversations = {t["title"]: t["value"] for t in (await get("conversation-totalizers"))["totalizers"]}
    assert conversations["Total_conversations"] == total
    assert conversations["Open_conversations"] == statuses["open"]
    assert conversations["On_Hold_conversations"] == statuses["onhold"]
    assert conversations["Total_messages"] == sum(r["msgs"] for r in rooms)
    assert conversations["Total_visitors"] == len({r["v"]["_id"] for r in rooms})

    assert await get("charts/chats") == {**statuses, "success": True}
    by_status = await get("conversations-by-status")
    assert by_status["total"] == total
    labels = {"Open": "open", "Closed": "closed", "Queued": "queued", "On_Hold": "onhold"}
    assert {labels[d["label"]]: d["value"] for d in by_status["data"]} == statuses

    by_department = await get("conversations-by-department")
    # departmentId given: the breakdown holds that department alone
    per_department = {
        d: await in_period.total(("departmentId", d)) for d in ([department] if department else names)
    }
    shown = {names[d]: n for d, n in per_department.items() if n}
    assert {d["label"]: d["value"] for d in by_department["data"]} == shown
    assert by_department["unspecified"] == total - sum(per_department.values())
    per_dept_chart = await get("charts/chats-per-department")
    for d in per_department:
        expected = {s: await in_period.total(("departmentId", d), STATUS[s]) for s in ("open", "closed")}
        assert per_dept_chart.get(names[d], {"open": 0, "closed": 0}) == expected

    by_agent = await get("conversations-by-agent")
    per_agent = {a: await listing.total(("agents[]", a)) for a in AGENTS}
    assert {d["label"]: d["value"] for d in by_agent["data"]} == {a: n for a, n in per_agent.items() if n}
    assert by_agent["unspecified"] == total - sum(per_agent.values())
    per_agent_chart = await get("charts/chats-per-agent")
    for a in AGENTS:
        expected = {s: await listing.total(("agents[]", a), STATUS[s]) for s in ("open", "closed", "onhold")}
        assert per_agent_chart.get(a, {"open": 0, "closed": 0, "onhold": 0}) == expected

    by_tags = await get("conversations-by-tags")
    per_tag = {t: await listing.total(("tags[]", t)) for t in TAGS}
    assert {d["label"]: d["value"] for d in by_tags["data"]} == {t: n for t, n in per_tag.items() if n}
    assert by_tags["unspecified"] == sum(1 for r in rooms if not r.get("tags"))

    by_source = await get("conversations-by-source")
    sources = Counter(
        r["source"]["id"] if r["source"]["type"] == "app" else r["source"]["type"] for r in rooms
    )
    assert {d["label"]: d["value"] for d in by_source["data"]} == dict(sources)
    assert by_source["total"] == total
