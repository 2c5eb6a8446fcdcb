"""livechat/inquiries.queuedForUser, .list, .getOne and .take, including 50 agents racing for one chat."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from agent_chat import FORBIDDEN, create_department, get_json, post_json
from chat import make_agent, make_visitor, open_room, room_info, set_setting
from factories import admin_headers, login, make_user
from frontdesk.db import migrate
from frontdesk.db.engine import Database


async def _queued_room(
    client: httpx.AsyncClient, **visitor_fields: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    visitor = await make_visitor(client, **visitor_fields)
    room = await open_room(client, visitor["token"])
    return visitor, room


async def test_queue_lists_and_take(client: httpx.AsyncClient, db: Database) -> None:
    await set_setting(client, "Livechat_Routing_Method", "Manual_Selection")
    agent = await make_agent(client, db)
    ah = agent["headers"]
    _, room = await _queued_room(client)
    assert "servedBy" not in room
    queued = await get_json(client, "livechat/inquiries.queuedForUser", ah)
    assert queued["total"] == 1 and queued["count"] == 1 and queued["offset"] == 0
    [inquiry] = queued["inquiries"]
    assert inquiry["rid"] == room["_id"] and inquiry["status"] == "queued"
    listed = await get_json(client, "livechat/inquiries.list", await admin_headers(client))
    assert listed["inquiries"] == [{k: inquiry[k] for k in ("_id", "rid", "name", "ts", "status")}]
    one = await get_json(client, "livechat/inquiries.getOne", ah, roomId=room["_id"])
    assert one["inquiry"]["_id"] == inquiry["_id"]
    assert (await get_json(client, "livechat/inquiries.getOne", ah, roomId="nope"))["inquiry"] is None

    taken = await post_json(client, "livechat/inquiries.take", ah, {"inquiryId": inquiry["_id"]})
    assert taken["inquiry"]["status"] == "taken"
    assert (await room_info(client, room["_id"]))["servedBy"]["_id"] == agent["id"]
    assert (await get_json(client, "livechat/inquiries.queuedForUser", ah))["inquiries"] == []
    again = await client.post(
        "/api/v1/livechat/inquiries.take", json={"inquiryId": inquiry["_id"]}, headers=ah
    )
    assert again.status_code == 400 and again.json()["errorType"] == "error-inquiry-taken"


async def test_a_chat_waiting_for_one_agent_is_in_their_queue_only(
    client: httpx.AsyncClient, db: Database
) -> None:
    """GET livechat/room?agentId=: the inquiry's defaultAgent; queuedForUser reads it from its own column."""
    await set_setting(client, "Livechat_Routing_Method", "Manual_Selection")
    chosen = await make_agent(client, db)
    other = await make_agent(client, db)
    visitor = await make_visitor(client)
    for_chosen = await open_room(client, visitor["token"], agentId=chosen["id"])
    _, unclaimed = await _queued_room(client)
    mine = await get_json(client, "livechat/inquiries.queuedForUser", chosen["headers"])
    by_room = {i["rid"]: i for i in mine["inquiries"]}
    assert set(by_room) == {for_chosen["_id"], unclaimed["_id"]} and mine["total"] == 2
    assert by_room[for_chosen["_id"]]["defaultAgent"]["agentId"] == chosen["id"]
    theirs = await get_json(client, "livechat/inquiries.queuedForUser", other["headers"])
    assert [i["rid"] for i in theirs["inquiries"]] == [unclaimed["_id"]] and theirs["total"] == 1


async def test_migration_fills_the_default_agent_column(client: httpx.AsyncClient, db: Database) -> None:
    """0008 copies defaultAgent.agentId of the inquiries that exist before it into default_agent_id."""
    await set_setting(client, "Livechat_Routing_Method", "Manual_Selection")
    chosen = await make_agent(client, db)
    visitor = await make_visitor(client)
    room = await open_room(client, visitor["token"], agentId=chosen["id"])
    await migrate.downgrade(db.engine, "0007")
    await migrate.upgrade(db.engine)
    async with db.engine.connect() as conn:
        rows = (await conn.exec_driver_sql("SELECT rid, default_agent_id FROM inquiries")).all()
    assert [tuple(r) for r in rows] == [(room["_id"], chosen["id"])]


async def test_queue_departments(client: httpx.AsyncClient, db: Database) -> None:
    await set_setting(client, "Livechat_Routing_Method", "Manual_Selection")
    member = await make_agent(client, db)
    outsider = await make_agent(client, db)
    sales = await create_department(client, "Sales", agents=(member["id"],))
    other = await create_department(client, "Other", agents=(outsider["id"],))
    _, public = await _queued_room(client)
    _, in_sales = await _queued_room(client, department=sales["_id"])
    seen = await get_json(client, "livechat/inquiries.queuedForUser", member["headers"])
    assert {i["rid"] for i in seen["inquiries"]} == {public["_id"], in_sales["_id"]}
    only = await get_json(
        client, "livechat/inquiries.queuedForUser", member["headers"], department=sales["_id"]
    )
    assert {i["rid"] for i in only["inquiries"]} == {public["_id"], in_sales["_id"]}  # public queue always
    res = await client.get(
        "/api/v1/livechat/inquiries.queuedForUser",
        params={"department": other["_id"]},
        headers=member["headers"],
    )
    assert res.status_code == 400 and res.json()["error"] == "error-not-authorized"
    theirs = await get_json(client, "livechat/inquiries.queuedForUser", outsider["headers"])
    assert [i["rid"] for i in theirs["inquiries"]] == [public["_id"]]
    h = await admin_headers(client)
    by_name = await get_json(client, "livechat/inquiries.list", h, department="Sales")
    assert [i["rid"] for i in by_name["inquiries"]] == [in_sales["_id"]]
    assert by_name["inquiries"][0]["department"] == sales["_id"]
    everything = await get_json(client, "livechat/inquiries.list", h, department="unknown", count=1)
    assert everything["total"] == 2 and everything["count"] == 1


async def test_take_on_behalf_and_errors(client: httpx.AsyncClient, db: Database) -> None:
    await set_setting(client, "Livechat_Routing_Method", "Manual_Selection")
    agent = await make_agent(client, db)
    _, room = await _queued_room(client)
    h = await admin_headers(client)
    inquiry = (await get_json(client, "livechat/inquiries.getOne", h, roomId=room["_id"]))["inquiry"]
    res = await client.post(
        "/api/v1/livechat/inquiries.take", json={"inquiryId": inquiry["_id"], "userId": "x"}, headers=h
    )
    assert res.status_code == 400 and res.json()["error"] == "The user is invalid"
    res = await client.post("/api/v1/livechat/inquiries.take", json={"inquiryId": inquiry["_id"]}, headers=h)
    assert res.json()["errorType"] == "error-agent-status-service-offline"  # the admin is no agent
    res = await client.post("/api/v1/livechat/inquiries.take", json={"inquiryId": "nope"}, headers=h)
    assert res.json()["errorType"] == "error-not-found"
    res = await client.post("/api/v1/livechat/inquiries.take", json={"inquiryId": ["x"]}, headers=h)
    assert res.json()["error"] == "must be string [invalid-params]"
    res = await client.post(
        "/api/v1/livechat/inquiries.take", json={"inquiryId": "a", "options": {}}, headers=h
    )
    assert res.json()["error"] == "must have required property 'clientAction' [invalid-params]"
    body = {"inquiryId": inquiry["_id"], "userId": agent["id"]}
    assert (await post_json(client, "livechat/inquiries.take", h, body))["inquiry"]["status"] == "taken"
    assert (await room_info(client, room["_id"]))["servedBy"]["_id"] == agent["id"]

    plain = await make_user(db, ["user"])
    ph = await login(client, plain["username"], plain["password"])
    for path in ("inquiries.queuedForUser", "inquiries.list", "inquiries.getOne?roomId=x"):
        res = await client.get(f"/api/v1/livechat/{path}", headers=ph)
        assert res.status_code == 403 and res.json() == FORBIDDEN
    res = await client.get("/api/v1/livechat/inquiries.list", headers=agent["headers"])
    assert res.status_code == 403
    res = await client.get("/api/v1/livechat/inquiries.getOne", headers=agent["headers"])
    assert res.json()["error"] == "must have required property 'roomId' [invalid-params]"


async def test_fifty_agents_take_one_inquiry(client: httpx.AsyncClient, db: Database) -> None:
    await set_setting(client, "Livechat_Routing_Method", "Manual_Selection")
    agents = [await make_agent(client, db) for _ in range(50)]
    _, room = await _queued_room(client)
    inquiry = await get_json(client, "livechat/inquiries.getOne", agents[0]["headers"], roomId=room["_id"])
    inquiry_id = inquiry["inquiry"]["_id"]

    async def take(agent: dict[str, Any]) -> httpx.Response:
        body = {"inquiryId": inquiry_id}
        return await client.post("/api/v1/livechat/inquiries.take", json=body, headers=agent["headers"])

    results = await asyncio.gather(*(take(a) for a in agents))
    winners = [a for a, r in zip(agents, results, strict=True) if r.status_code == 200]
    assert len(winners) == 1
    losers = [r for r in results if r.status_code != 200]
    assert {r.status_code for r in losers} == {400}
    assert {r.json()["errorType"] for r in losers} == {"error-inquiry-taken"}
    served = await room_info(client, room["_id"])
    assert served["servedBy"]["_id"] == winners[0]["id"] and served["usersCount"] == 2
    h = await admin_headers(client)
    subscribed = [
        a
        for a in agents
        if (await get_json(client, "subscriptions.getOne", a["headers"], roomId=room["_id"]))["subscription"]
    ]
    assert [a["id"] for a in subscribed] == [winners[0]["id"]]
    assert (await get_json(client, "livechat/inquiries.getOne", h, roomId=room["_id"]))["inquiry"][
        "status"
    ] == "taken"
