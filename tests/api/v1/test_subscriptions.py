"""subscriptions.get / subscriptions.read, rooms.get / rooms.info and the unread count they carry."""

from __future__ import annotations

import httpx

from agent_chat import call_method, get_json, post_json, served_room
from chat import make_agent, make_visitor, open_room, send_visitor_message
from frontdesk.clock import FixedClock
from frontdesk.db.engine import Database


async def test_subscriptions_get_lists_own_rooms_with_unread(
    client: httpx.AsyncClient, db: Database, clock: FixedClock
) -> None:
    chat = await served_room(client, db)
    ah, rid, token = chat["agent"]["headers"], chat["rid"], chat["visitor"]["token"]
    body = await get_json(client, "subscriptions.get", ah)
    assert body["remove"] == [] and [s["rid"] for s in body["update"]] == [rid]
    before = body["update"][0]["unread"]
    clock.advance(1)
    await send_visitor_message(client, token, rid, "first")
    await send_visitor_message(client, token, rid, "second")
    sub = (await get_json(client, "subscriptions.get", ah))["update"][0]
    assert sub["unread"] == before + 2 and sub["alert"] is True

    # the agent's own message does not count for the agent
    await post_json(client, "chat.sendMessage", ah, {"message": {"rid": rid, "msg": "hello"}})
    assert (await get_json(client, "subscriptions.get", ah))["update"][0]["unread"] == before + 2

    # updatedSince: only what changed after that moment
    later = (await get_json(client, "subscriptions.get", ah, updatedSince="2999-01-01T00:00:00.000Z"))[
        "update"
    ]
    assert later == []
    res = await client.get("/api/v1/subscriptions.get", params={"updatedSince": "yesterday"}, headers=ah)
    assert res.status_code == 400 and res.json()["errorType"] == "error-roomId-param-invalid"


async def test_subscriptions_read_clears_unread(client: httpx.AsyncClient, db: Database) -> None:
    chat = await served_room(client, db)
    ah, rid = chat["agent"]["headers"], chat["rid"]
    await send_visitor_message(client, chat["visitor"]["token"], rid, "anyone?")
    assert await post_json(client, "subscriptions.read", ah, {"rid": rid}) == {"success": True}
    sub = (await get_json(client, "subscriptions.get", ah))["update"][0]
    assert sub["unread"] == 0 and sub["alert"] is False and "ls" in sub

    # the DDP twin, through method.call
    await send_visitor_message(client, chat["visitor"]["token"], rid, "again")
    reply = await call_method(client, ah, "readMessages", rid)
    assert "error" not in reply, reply
    assert (await get_json(client, "subscriptions.get", ah))["update"][0]["unread"] == 0


async def test_subscriptions_read_errors(client: httpx.AsyncClient, db: Database) -> None:
    chat = await served_room(client, db)
    other = await make_agent(client, db)
    res = await client.post("/api/v1/subscriptions.read", json={"rid": "nope"}, headers=other["headers"])
    assert res.status_code == 400 and res.json()["errorType"] == "error-room-does-not-exist"
    res = await client.post("/api/v1/subscriptions.read", json={"rid": chat["rid"]}, headers=other["headers"])
    assert res.status_code == 400 and res.json()["errorType"] == "error-not-allowed"
    res = await client.post("/api/v1/subscriptions.read", json={"rid": {"x": 1}}, headers=other["headers"])
    assert res.status_code == 400 and res.json()["errorType"] == "invalid-params"
    res = await client.post("/api/v1/subscriptions.read", json={"rid": chat["rid"]})
    assert res.status_code == 401


async def test_rooms_get_and_info(client: httpx.AsyncClient, db: Database) -> None:
    chat = await served_room(client, db)
    ah, rid = chat["agent"]["headers"], chat["rid"]
    rooms = await get_json(client, "rooms.get", ah)
    assert [r["_id"] for r in rooms["update"]] == [rid] and rooms["remove"] == []
    info = await get_json(client, "rooms.info", ah, roomId=rid)
    assert info["room"]["_id"] == rid and info["room"]["servedBy"]["_id"] == chat["agent"]["id"]

    # another agent sees neither; missing and forbidden answer alike, as Rocket.Chat does
    other = await make_agent(client, db)
    assert (await get_json(client, "rooms.get", other["headers"]))["update"] == []
    for room_id in (rid, "missing"):
        res = await client.get("/api/v1/rooms.info", params={"roomId": room_id}, headers=other["headers"])
        assert res.status_code == 400
        assert res.json() == {"success": False, "error": "not-allowed", "errorType": "Not Allowed"}
    res = await client.get("/api/v1/rooms.info", headers=ah)
    assert res.status_code == 400 and res.json()["errorType"] == "invalid-params"


async def test_queued_room_is_readable_by_agents_who_may_take_it(
    client: httpx.AsyncClient, db: Database
) -> None:
    from chat import set_setting

    await set_setting(client, "Livechat_Routing_Method", "Manual_Selection")
    agent = await make_agent(client, db)
    visitor = await make_visitor(client)
    room = await open_room(client, visitor["token"])
    info = await get_json(client, "rooms.info", agent["headers"], roomId=room["_id"])
    assert "servedBy" not in info["room"]
    assert (await get_json(client, "rooms.get", agent["headers"]))["update"] == []
