"""POST chat.sendMessage, GET channels.info and GET subscriptions.getOne for livechat rooms."""

from __future__ import annotations

import httpx

from agent_chat import get_json, post_json, served_room
from chat import make_agent, room_info
from factories import admin_headers, login, make_user
from frontdesk.clock import FixedClock, iso
from frontdesk.db.engine import Database


async def test_send_message(client: httpx.AsyncClient, db: Database, clock: FixedClock) -> None:
    chat = await served_room(client, db)
    ah, rid = chat["agent"]["headers"], chat["rid"]
    clock.advance(3)
    sent = await post_json(
        client, "chat.sendMessage", ah, {"message": {"rid": rid, "msg": "Hi *there*", "_id": "m1"}}
    )
    message = sent["message"]
    assert message["_id"] == "m1" and message["msg"] == "Hi *there*" and message["ts"] == iso(clock.now_ms())
    assert message["u"]["_id"] == chat["agent"]["id"] and "token" not in message and message["md"]
    room = await room_info(client, rid)
    assert room["lastMessage"]["_id"] == "m1" and room["responseBy"]["_id"] == chat["agent"]["id"]

    res = await client.post(
        "/api/v1/chat.sendMessage", json={"message": {"rid": rid, "msg": "x", "_id": "m1"}}, headers=ah
    )
    assert res.json()["errorType"] == "error-duplicate-message"
    res = await client.post("/api/v1/chat.sendMessage", json={"message": {"msg": "x"}}, headers=ah)
    assert res.json()["error"] == "must have required property 'rid' [invalid-params]"
    res = await client.post("/api/v1/chat.sendMessage", json={"message": {"rid": rid, "t": "uj"}}, headers=ah)
    assert res.json()["error"] == "must NOT have additional properties [invalid-params]"
    res = await client.post(
        "/api/v1/chat.sendMessage", json={"message": {"rid": "nope", "msg": "x"}}, headers=ah
    )
    assert res.json()["errorType"] == "error-invalid-room"
    other = await make_agent(client, db)
    res = await client.post(
        "/api/v1/chat.sendMessage", json={"message": {"rid": rid, "msg": "x"}}, headers=other["headers"]
    )
    assert res.json()["errorType"] == "error-not-allowed"
    res = await client.post("/api/v1/chat.sendMessage", json={"message": {"rid": rid, "msg": "x"}})
    assert res.status_code == 401
    await post_json(client, "livechat/room.closeByUser", ah, {"rid": rid})
    res = await client.post(
        "/api/v1/chat.sendMessage", json={"message": {"rid": rid, "msg": "x"}}, headers=ah
    )
    assert res.json()["errorType"] == "error-not-allowed"  # closing removed the agent's subscription
    res = await client.post(
        "/api/v1/chat.sendMessage",
        json={"message": {"rid": rid, "msg": "x"}},
        headers=await admin_headers(client),
    )
    assert res.json()["errorType"] == "error-room-closed"


async def test_channels_info_and_subscription(client: httpx.AsyncClient, db: Database) -> None:
    chat = await served_room(client, db)
    ah, rid = chat["agent"]["headers"], chat["rid"]
    channel = (await get_json(client, "channels.info", ah, roomId=rid))["channel"]
    assert channel["_id"] == rid and channel["t"] == "l"
    assert (await get_json(client, "channels.info", await admin_headers(client), roomId=rid))["channel"][
        "_id"
    ] == rid
    res = await client.get("/api/v1/channels.info", params={"roomId": "nope"}, headers=ah)
    assert res.json()["errorType"] == "error-room-not-found"
    res = await client.get("/api/v1/channels.info", headers=ah)
    assert res.json()["errorType"] == "error-roomid-param-not-provided"
    plain = await make_user(db, ["user"])
    ph = await login(client, plain["username"], plain["password"])
    res = await client.get("/api/v1/channels.info", params={"roomId": rid}, headers=ph)
    assert res.json()["errorType"] == "error-not-allowed"

    sub = (await get_json(client, "subscriptions.getOne", ah, roomId=rid))["subscription"]
    assert sub["rid"] == rid and sub["u"]["_id"] == chat["agent"]["id"] and sub["open"] is True
    assert (await get_json(client, "subscriptions.getOne", ph, roomId=rid))["subscription"] is None
    res = await client.get("/api/v1/subscriptions.getOne", headers=ah)
    assert res.json()["error"] == "must have required property 'roomId' [invalid-params]"
