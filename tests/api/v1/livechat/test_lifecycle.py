"""A whole chat through HTTP, for both routing methods, with every maintained field checked by hand."""

from __future__ import annotations

from typing import Any

import httpx

from chat import make_agent, make_visitor, open_room, room_info, send_visitor_message, set_setting
from frontdesk.clock import FixedClock, iso
from frontdesk.db.engine import Database

SEED_KEYS = {
    "_id",
    "msgs",
    "usersCount",
    "lm",
    "fname",
    "t",
    "ts",
    "v",
    "cl",
    "source",
    "queuedAt",
    "_updatedAt",
    "lastMessage",
    "metrics",
    "servedBy",
    "responseBy",
}


async def agent_says(client: httpx.AsyncClient, agent: dict[str, Any], rid: str, msg: str) -> dict[str, Any]:
    res = await client.post(
        "/api/v1/chat.sendMessage", json={"message": {"rid": rid, "msg": msg}}, headers=agent["headers"]
    )
    assert res.status_code == 200, res.text
    message: dict[str, Any] = res.json()["message"]
    return message


async def test_auto_selection_lifecycle_metrics(
    client: httpx.AsyncClient, db: Database, clock: FixedClock
) -> None:
    t0 = clock.now_ms()
    agent = await make_agent(client, db)
    visitor = await make_visitor(client, name="Elsie Teng")
    token = visitor["token"]
    room = await open_room(client, token)
    rid = room["_id"]
    assert room["servedBy"] == {"_id": agent["id"], "username": agent["username"], "ts": iso(t0)}
    assert room["usersCount"] == 2 and room["waitingResponse"] is True and room["queuedAt"] == iso(t0)

    clock.advance(2)
    await send_visitor_message(client, token, rid, "Hello there")
    clock.advance(8)  # t0 + 10
    await agent_says(client, agent, rid, "Hi! How can I help?")
    after_first = await room_info(client, rid)
    assert after_first["metrics"]["response"] == {
        "fd": iso(t0 + 10_000),
        "ft": 8.0,
        "avg": 8.0,
        "total": 1,
        "tt": 8.0,
    }
    assert after_first["metrics"]["reaction"] == {"fd": iso(t0 + 10_000), "ft": 10.0, "tt": 10.0}
    assert after_first["responseBy"] == {
        "_id": agent["id"],
        "username": agent["username"],
        "firstResponseTs": iso(t0 + 10_000),
        "lastMessageTs": iso(t0 + 10_000),
    }
    assert "waitingResponse" not in after_first

    clock.advance(5)  # t0 + 15: a second agent message in a row changes no metric
    await agent_says(client, agent, rid, "Still there?")
    consecutive = await room_info(client, rid)
    assert consecutive["metrics"]["response"] == after_first["metrics"]["response"]
    assert consecutive["responseBy"]["lastMessageTs"] == iso(t0 + 15_000)

    clock.advance(5)  # t0 + 20
    await send_visitor_message(client, token, rid, "Yes, my order is late")
    waiting = await room_info(client, rid)
    assert waiting["waitingResponse"] is True and "responseBy" not in waiting
    assert waiting["v"]["lastMessageTs"] == iso(t0 + 20_000)
    clock.advance(6)  # t0 + 26: response time 6 s
    await agent_says(client, agent, rid, "Let me check")
    clock.advance(4)  # t0 + 30
    await send_visitor_message(client, token, rid, "Thanks")
    clock.advance(4)  # t0 + 34: response time 4 s
    await agent_says(client, agent, rid, "It ships **today**")

    mid = await room_info(client, rid)
    response, reaction = mid["metrics"]["response"], mid["metrics"]["reaction"]
    assert response["total"] == 3 and response["tt"] == 18.0 and response["avg"] == 6.0
    assert response["ft"] == 8.0 and reaction["ft"] == 10.0 and reaction["tt"] == 20.0
    assert mid["metrics"]["servedBy"]["lr"] == iso(t0 + 34_000)
    assert mid["lastMessage"]["msg"] == "It ships **today**"
    assert mid["lastMessage"]["md"][0]["value"][1]["type"] == "BOLD"
    assert mid["lm"] == iso(t0 + 34_000)

    clock.advance(26)  # t0 + 60
    res = await client.post(
        "/api/v1/livechat/room.closeByUser",
        json={"rid": rid, "comment": "done", "tags": ["vip"]},
        headers=agent["headers"],
    )
    assert res.json() == {"success": True}
    closed = await room_info(client, rid)
    assert "open" not in closed and closed["closedAt"] == iso(t0 + 60_000)
    assert closed["metrics"]["chatDuration"] == 60.0 and closed["metrics"]["serviceTimeDuration"] == 60.0
    assert closed["closer"] == "user" and closed["closedBy"] == {
        "_id": agent["id"],
        "username": agent["username"],
    }
    assert closed["tags"] == ["vip"] and closed["v"]["status"] == "offline"
    assert closed["lastMessage"]["t"] == "livechat-close" and closed["lastMessage"]["msg"] == "done"
    # livechat-started, command, uj, 3 visitor + 4 agent messages, livechat-close
    assert closed["msgs"] == 11
    assert set(closed) >= SEED_KEYS
    assert set(closed["lastMessage"]) >= {
        "_id",
        "rid",
        "msg",
        "ts",
        "u",
        "_updatedAt",
        "urls",
        "mentions",
        "channels",
        "md",
    }
    listed = await client.get(
        "/api/v1/livechat/rooms", params={"open": "false", "tags[]": "vip"}, headers=agent["headers"]
    )
    assert listed.status_code == 403  # a plain agent lists only their own rooms
    own = await client.get(
        "/api/v1/livechat/rooms", params={"agents[]": agent["id"]}, headers=agent["headers"]
    )
    assert [r["_id"] for r in own.json()["rooms"]] == [rid]


async def test_manual_selection_lifecycle(client: httpx.AsyncClient, db: Database, clock: FixedClock) -> None:
    await set_setting(client, "Livechat_Routing_Method", "Manual_Selection")
    t0 = clock.now_ms()
    agent = await make_agent(client, db)
    visitor = await make_visitor(client)
    room = await open_room(client, visitor["token"])
    rid = room["_id"]
    assert "servedBy" not in room
    manager = await make_agent(client, db, roles=("livechat-manager",))
    queued = await client.get("/api/v1/livechat/rooms", params={"queued": "true"}, headers=manager["headers"])
    assert [r["_id"] for r in queued.json()["rooms"]] == [rid]

    clock.advance(2)
    await send_visitor_message(client, visitor["token"], rid, "anyone?")
    inquiries = await client.get("/api/v1/livechat/inquiries.queuedForUser", headers=agent["headers"])
    inquiry = inquiries.json()["inquiries"][0]
    assert inquiry["rid"] == rid and inquiry["status"] == "queued"
    clock.advance(3)  # t0 + 5: the agent takes the chat
    took = await client.post(
        "/api/v1/livechat/inquiries.take", json={"inquiryId": inquiry["_id"]}, headers=agent["headers"]
    )
    assert took.status_code == 200, took.text
    again = await client.post(
        "/api/v1/livechat/inquiries.take", json={"inquiryId": inquiry["_id"]}, headers=manager["headers"]
    )
    assert again.status_code == 400
    served = await room_info(client, rid)
    assert served["servedBy"] == {"_id": agent["id"], "username": agent["username"], "ts": iso(t0 + 5_000)}
    clock.advance(7)  # t0 + 12
    await agent_says(client, agent, rid, "Hello!")
    answered = await room_info(client, rid)
    assert answered["metrics"]["response"]["ft"] == 10.0  # since the visitor's message at t0 + 2
    assert answered["metrics"]["reaction"]["ft"] == 7.0  # since the agent took the chat at t0 + 5
    clock.advance(8)  # t0 + 20
    closed = await client.post("/api/v1/livechat/room.close", json={"token": visitor["token"], "rid": rid})
    assert closed.status_code == 200
    final = await room_info(client, rid)
    assert final["metrics"]["chatDuration"] == 20.0 and final["metrics"]["serviceTimeDuration"] == 15.0
    assert final["closer"] == "visitor"
    assert final["closedBy"] == {"_id": visitor["_id"], "username": visitor["username"]}
