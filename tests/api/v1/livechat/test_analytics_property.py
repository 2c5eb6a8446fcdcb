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

from agent_chat import create_department, post_json
from chat import make_agent, make_visitor, open_room, room_info, send_visitor_message
from factories import admin_headers, insert_rooms, make_department, room_doc
from frontdesk.clock import FixedClock, iso, parse_iso
from frontdesk.db.engine import Database
from frontdesk.services.analytics_period import hh_mm_ss

T0 = 1_700_000_000_000
HOUR = 3_600_000
AGENTS = ["agentAAAAAAAAAAAA", "agentBBBBBBBBBBBB", "agentCCCCCCCCCCCC"]
TAGS = ["vip", "billing", "bug", "lived"]
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
    metrics: dict[str, Any] = {}
    if "servedBy" in fields and rng.random() < 0.8:
        ft = rng.randint(1, 90_000) / 1000
        # averages of ms times end in .0005 or thirds: where rounding could tell two sums apart
        metrics["response"] = {"ft": ft, "avg": rng.choice([ft, rng.randint(1, 90_000) / 2000])}
        metrics["reaction"] = {"ft": rng.randint(1, 9_000) / 3}
    if status == "closed":
        metrics["chatDuration"] = (parse_iso(fields["closedAt"]) - ts) / 1000  # type: ignore[operator]
        if "servedBy" in fields:
            metrics["serviceTimeDuration"] = rng.randint(1, 90_000) / 1000
    if metrics:
        fields["metrics"] = metrics
    fields["waitingResponse"] = True if rng.random() < 0.5 else None
    return room_doc(ts, **fields)


async def lived_rooms(
    client: httpx.AsyncClient, db: Database, clock: FixedClock
) -> tuple[str, str, dict[str, str]]:
    """Rooms made and changed through the API at times among the corpus's days, so the counters move as
        rooms live (replies, transfers to an agent and to a department, tag edits, on hold, resuming,
        closing) and not only as they are inserted. Returns the department the rooms are forwarded to (id,
    name) and the agents' usernames by id."""
    h = await admin_headers(client)
    agents = {a["id"]: a for a in (await make_agent(client, db), await make_agent(client, db))}
    first, second = agents.values()
    department = await create_department(client, "Lived", agents=(first["id"], second["id"]))
    for i in range(6):
        clock.current = T0 + i * 37 * HOUR + 1234
        visitor = await make_visitor(client)
        token = visitor["token"]
        rid = (await open_room(client, token))["_id"]

        async def reply(wait: float, token: str = token, rid: str = rid) -> dict[str, Any]:
            await send_visitor_message(client, token, rid, "hello?")
            clock.advance(wait)
            served = (await room_info(client, rid))["servedBy"]["_id"]
            message = {"message": {"rid": rid, "msg": "here"}}
            await post_json(client, "chat.sendMessage", agents[served]["headers"], message)
            return agents[served]

        agent = await reply(7.5 + i)
        clock.advance(60)
        agent = await reply(3.25 * i)  # a second answer: the average response moves
        if i % 3 == 0:
            other = second if agent is first else first
            await post_json(client, "livechat/room.forward", h, {"roomId": rid, "userId": other["id"]})
        elif i % 3 == 1:
            await post_json(
                client, "livechat/room.forward", h, {"roomId": rid, "departmentId": department["_id"]}
            )
        served = agents[(await room_info(client, rid))["servedBy"]["_id"]]
        if i % 2 == 0:
            body = {"guestData": {"_id": visitor["_id"]}, "roomData": {"_id": rid, "tags": ["vip", "lived"]}}
            await post_json(client, "livechat/room.saveInfo", served["headers"], body)
        if i in (2, 5):
            await post_json(client, "livechat/room.onHold", served["headers"], {"roomId": rid})
        if i == 5:
            await post_json(client, "livechat/room.resumeOnHold", served["headers"], {"roomId": rid})
            served = agents[(await room_info(client, rid))["servedBy"]["_id"]]
        if i in (0, 1, 3):
            clock.advance(600 + i)
            body = {"rid": rid, "tags": ["billing"]} if i == 3 else {"rid": rid}
            await post_json(client, "livechat/room.closeByUser", served["headers"], body)
    return department["_id"], department["name"], {a["id"]: a["username"] for a in agents.values()}


@pytest.fixture
async def corpus(client: httpx.AsyncClient, db: Database, clock: FixedClock) -> dict[str, Any]:
    names = {await make_department(db, name): name for name in ("Sales", "Support", "Empty")}
    rng = random.Random(20261202)
    await insert_rooms(db, [random_room(rng, i, list(names)[:2]) for i in range(90)])
    lived, lived_name, usernames = await lived_rooms(client, db, clock)
    names[lived] = lived_name
    # agent id -> (conversations-by-agent's label: the name, else the username; the charts' username)
    agents = {a: (a, a) for a in AGENTS} | {a: (u.title(), u) for a, u in usernames.items()}
    return {"headers": await admin_headers(client), "departments": names, "agents": agents}


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
@given(hours=st.tuples(st.integers(-10, 300), st.integers(-10, 300)), pick=st.integers(-1, 3))
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
    agents = corpus["agents"]
    per_agent = {a: await listing.total(("agents[]", a)) for a in agents}
    shown = {agents[a][0]: n for a, n in per_agent.items() if n}
    assert {d["label"]: d["value"] for d in by_agent["data"]} == shown
    assert by_agent["unspecified"] == total - sum(per_agent.values())
    per_agent_chart = await get("charts/chats-per-agent")
    for a, (_, username) in agents.items():
        expected = {s: await listing.total(("agents[]", a), STATUS[s]) for s in ("open", "closed", "onhold")}
        assert per_agent_chart.get(username, {"open": 0, "closed": 0, "onhold": 0}) == expected

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

    await _check_timings(get, rooms)


def _micros(room: dict[str, Any], *path: str) -> int | None:
    """A room's time in whole microseconds (seconds × 10⁶, half up), as the counters sum it."""
    value: Any = room
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return int(value * 1_000_000 + 0.5) if isinstance(value, int | float) else None


async def _check_timings(get: Any, rooms: list[dict[str, Any]]) -> None:
    """charts/timings and the productivity and chats totalizers from the listing's rooms' metrics."""
    times: dict[str, list[int]] = {}
    for name, path in {
        "response": ("metrics", "response", "avg"),
        "first": ("metrics", "response", "ft"),
        "reaction": ("metrics", "reaction", "ft"),
        "chatDuration": ("metrics", "chatDuration"),
    }.items():
        times[name] = [t for t in (_micros(r, *path) for r in rooms) if t is not None]
    waiting = [_micros(r, "metrics", "response", "ft") for r in rooms if r.get("waitingResponse") is not True]
    times["waiting"] = [t for t in waiting if t is not None]

    def avg(name: str) -> float:
        return sum(times[name]) / len(times[name]) / 1e6 if times[name] else 0.0

    expected = {
        name: {"avg": round(avg(name), 2), "longest": round(max(times[name], default=0) / 1e6, 2)}
        for name in ("response", "reaction", "chatDuration")
    }
    assert await get("charts/timings") == {**expected, "success": True}
    productivity = {t["title"]: t["value"] for t in (await get("productivity-totalizers"))["totalizers"]}
    assert productivity == {
        "Avg_response_time": hh_mm_ss(avg("response")),
        "Avg_first_response_time": hh_mm_ss(avg("first")),
        "Avg_reaction_time": hh_mm_ss(avg("reaction")),
        "Avg_of_waiting_time": hh_mm_ss(avg("waiting")),
    }
    chats = {t["title"]: t["value"] for t in (await get("chats-totalizers"))["totalizers"]}
    abandoned = sum(1 for r in rooms if r.get("open") is not True and r.get("waitingResponse") is True)
    assert chats == {
        "Total_abandoned_chats": abandoned,
        "Avg_of_abandoned_chats": f"{abandoned * 100 // len(rooms) if rooms else 0}%",
        "Avg_of_chat_duration_time": hh_mm_ss(avg("chatDuration")),
    }
