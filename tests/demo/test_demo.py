"""The demo loader: rooms listed over HTTP in the seed document's shape, fields consistent with messages."""

from __future__ import annotations

import itertools
import re
from typing import Any

import httpx
from sqlalchemy import func, select

from factories import admin_headers
from frontdesk.clock import parse_iso
from frontdesk.config import Settings
from frontdesk.db.engine import Database
from frontdesk.demo import load_demo
from frontdesk.demo.cast import Cast, DemoDepartment
from frontdesk.demo.loader import Plan, generate_batch
from frontdesk.models.inquiries import Inquiry
from frontdesk.models.users import User
from frontdesk.store.messages import room_messages

NOW = 1_700_000_000_000
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
ROOMS = "/api/v1/livechat/rooms"


def ms(value: str) -> int:
    parsed = parse_iso(value)
    assert parsed is not None and ISO.match(value), value
    return parsed


async def all_rooms(client: httpx.AsyncClient, headers: dict[str, str], **params: str) -> dict[str, Any]:
    res = await client.get(ROOMS, params={"count": "0", **params}, headers=headers)
    assert res.status_code == 200, res.text
    body: dict[str, Any] = res.json()
    return body


async def test_demo_rooms_have_the_seed_shape_and_every_status(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    headers = await admin_headers(client)  # before the demo adds users, so the test admin is created
    await load_demo(settings, rooms=200, seed=1, now_ms=NOW, progress=False)
    page = await client.get(ROOMS, headers=headers)
    assert page.status_code == 200 and page.json()["total"] == 200 and page.json()["count"] == 50
    rooms = (await all_rooms(client, headers))["rooms"]
    assert len(rooms) == 200
    for room in rooms:
        assert room["t"] == "l" and room["cl"] is False and isinstance(room["msgs"], int)
        for key in ("ts", "lm", "_updatedAt", "queuedAt"):
            ms(room[key])
        assert set(room["v"]) >= {"_id", "username", "token", "status"}
        assert room["fname"] and room["usersCount"] in (1, 2)
        assert room["lastMessage"]["rid"] == room["_id"] and room["lastMessage"]["md"] is not None
    assert {r["source"]["type"] for r in rooms} >= {"widget", "app", "api"}
    app = next(r for r in rooms if r["source"]["type"] == "app")
    assert set(app["source"]) == {"type", "id", "alias", "label", "sidebarIcon", "defaultIcon"}
    assert app["customFields"]["whatsAppCloudMessage"]["visitorWaId"] == app["v"]["username"]
    assert sum("departmentId" in r for r in rooms) > 150
    assert any(r.get("tags") for r in rooms if "closedAt" in r)

    for params in ({"open": "true"}, {"open": "false"}, {"queued": "true"}, {"onhold": "true"}):
        found = await all_rooms(client, headers, **params)
        assert found["total"] > 0, params
    closed = (await all_rooms(client, headers, open="false"))["total"]
    assert closed > 150  # most chats in a history are closed

    dept = next(r["department"] for r in rooms if "department" in r)
    by_dept = await all_rooms(client, headers, departmentId=dept["_id"])
    assert 0 < by_dept["total"] < 200 and all(r["departmentId"] == dept["_id"] for r in by_dept["rooms"])
    plan = next(r["livechatData"]["plan"] for r in rooms if "livechatData" in r)
    by_field = await all_rooms(client, headers, customFields=f'{{"plan": "{plan}"}}')
    assert by_field["total"] > 0 and all(r["livechatData"]["plan"] == plan for r in by_field["rooms"])


def check_room_against_messages(room: dict[str, Any], messages: list[dict[str, Any]]) -> None:
    """Independent of services/metrics: what docs/api/livechat-api.md §4 says the room must show, worked
    out from its messages."""
    assert room["msgs"] == len(messages)
    assert room["lm"] == messages[-1]["ts"] and room["lastMessage"]["_id"] == messages[-1]["_id"]
    chat = [m for m in messages if "t" not in m]
    from_visitor = [m for m in chat if "token" in m]
    assert room["v"].get("lastMessageTs") == from_visitor[-1]["ts"]
    answers = [b for a, b in itertools.pairwise(chat) if "token" in a and "token" not in b]
    response = room.get("metrics", {}).get("response")
    if not answers:
        assert response is None
        return
    assert response["total"] == len(answers)
    assert abs(response["avg"] - response["tt"] / response["total"]) < 1e-9
    first_answer = next(m for m in chat if "token" not in m)
    fd = ms(response["fd"])
    assert 0 <= fd - ms(first_answer["ts"]) < 1000  # processed just after it was saved
    assert response["ft"] == (fd - ms(from_visitor[0]["ts"])) / 1000
    assert room["metrics"]["reaction"]["ft"] == (fd - ms(room["servedBy"]["ts"])) / 1000
    assert ("waitingResponse" in room) == ("token" in chat[-1])


async def test_demo_room_fields_agree_with_their_messages(
    client: httpx.AsyncClient, settings: Settings, db: Database
) -> None:
    headers = await admin_headers(client)
    await load_demo(settings, rooms=200, seed=3, now_ms=NOW, progress=False)
    rooms = (await all_rooms(client, headers))["rooms"]
    async with db.session(write=False) as session:
        for room in rooms:
            check_room_against_messages(room, await room_messages(session, room["_id"]))
        queued_inquiries = await session.scalar(
            select(func.count()).select_from(Inquiry).where(Inquiry.status == "queued")
        )
    closed_served = [r for r in rooms if "closedAt" in r and "servedBy" in r]
    assert closed_served
    for room in closed_served:
        closed_at = ms(room["closedAt"])
        assert (
            "open" not in room and room["v"]["status"] == "offline" and room["closer"] in ("user", "visitor")
        )
        assert room["metrics"]["chatDuration"] == (closed_at - ms(room["ts"])) / 1000
        assert room["metrics"]["serviceTimeDuration"] == (closed_at - ms(room["servedBy"]["ts"])) / 1000
        assert room["lastMessage"]["t"] == "livechat-close"
    queued = (await all_rooms(client, headers, queued="true"))["total"]
    assert queued > 0 and queued_inquiries == queued


async def test_a_second_run_adds_rooms_and_reuses_the_staff(
    client: httpx.AsyncClient, settings: Settings, db: Database
) -> None:
    headers = await admin_headers(client)
    await load_demo(settings, rooms=60, seed=1, now_ms=NOW, progress=False)
    await load_demo(settings, rooms=40, seed=1, now_ms=NOW, progress=False)
    body = await all_rooms(client, headers)
    assert body["total"] == 100
    usernames = [r["v"]["username"] for r in body["rooms"]]
    async with db.session(write=False) as session:
        users = await session.scalar(select(func.count()).select_from(User))
    assert users == 12  # the test admin, ten agents and the manager, each once
    assert len({r["_id"] for r in body["rooms"]}) == 100 and len(set(usernames)) > 60


def test_a_seed_gives_the_same_rooms() -> None:
    cast = Cast(
        agents=[{"_id": "a1", "username": "ann", "name": "Ann"}],
        departments=[DemoDepartment("d1", "Support", 1.0, ("bug",))],
    )
    plan = Plan(seed=7, guest_base=1, now_ms=NOW, rooms=300, cast=cast, max_replies=4)
    first, again = generate_batch(plan, 0), generate_batch(plan, 0)
    assert (
        first.rooms == again.rooms and first.messages == again.messages and first.visitors == again.visitors
    )
    other = generate_batch(Plan(seed=8, guest_base=1, now_ms=NOW, rooms=300, cast=cast, max_replies=4), 0)
    assert other.rooms != first.rooms


def test_large_loads_keep_a_question_and_an_answer_in_every_served_chat() -> None:
    cast = Cast(
        agents=[{"_id": "a1", "username": "ann", "name": "Ann"}],
        departments=[DemoDepartment("d1", "Support", 1.0, ("bug",))],
    )
    batch = generate_batch(Plan(seed=9, guest_base=1, now_ms=NOW, rooms=400, cast=cast, max_replies=2), 0)
    by_room: dict[str, list[dict[str, Any]]] = {}
    for message in batch.messages:
        by_room.setdefault(message["rid"], []).append(message)
    served = [r for r in batch.rooms if "servedBy" in r]
    assert len(served) > 300
    for room in served:
        chat = [m for m in by_room[room["_id"]] if "t" not in m]
        assert "token" in chat[0] and any("token" not in m for m in chat), room["_id"]
        assert len(chat) <= 3  # the opener, the answer and at most one more
