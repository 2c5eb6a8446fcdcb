"""The visitor's side through HTTP: register, open a room, write, edit, delete, read history, close."""

from __future__ import annotations

import httpx
import pytest

from chat import make_agent, make_visitor, open_room, room_info, send_visitor_message, set_setting
from factories import admin_headers
from frontdesk.clock import FixedClock
from frontdesk.db.engine import Database


async def test_no_agent_online_refuses_a_room(client: httpx.AsyncClient) -> None:
    visitor = await make_visitor(client)
    res = await client.get("/api/v1/livechat/room", params={"token": visitor["token"]})
    assert res.status_code == 400
    assert res.json() == {
        "success": False,
        "error": "Sorry, no online agents [no-agent-online]",
        "errorType": "no-agent-online",
    }
    await set_setting(client, "Livechat_accept_chats_with_no_agents", True)
    room = await open_room(client, visitor["token"])
    assert room["open"] is True and "servedBy" not in room


async def test_register_visitor_rules(client: httpx.AsyncClient) -> None:
    res = await client.post("/api/v1/livechat/visitor", json={"visitor": {"token": "  "}})
    assert res.json() == {
        "success": False,
        "error": "Token cannot be empty [error-invalid-token]",
        "errorType": "error-invalid-token",
    }
    res = await client.post(
        "/api/v1/livechat/visitor", json={"visitor": {"token": "t1", "department": "nope"}}
    )
    assert res.json()["errorType"] == "error-invalid-department"
    res = await client.post("/api/v1/livechat/visitor", json={"visitor": {}})
    assert res.json()["errorType"] == "invalid-params"
    first = await make_visitor(client, token="tok-a", name="Ann", email="Ann@X.io")
    assert first["username"].startswith("guest-") and first["visitorEmails"] == [{"address": "ann@x.io"}]
    assert len(first["_id"]) == 24
    again = await make_visitor(client, token="tok-a", name="Ann B")
    assert again["_id"] == first["_id"] and again["name"] == "Ann B"
    other = await make_visitor(client, token="tok-b")
    assert other["username"] != first["username"]
    got = await client.get("/api/v1/livechat/visitor/tok-a")
    assert got.json()["visitor"]["name"] == "Ann B"
    missing = await client.get("/api/v1/livechat/visitor/nobody")
    assert missing.status_code == 400 and missing.json()["error"] == "[invalid-token]"


async def test_room_messages_and_close(client: httpx.AsyncClient, db: Database, clock: FixedClock) -> None:
    agent = await make_agent(client, db)
    visitor = await make_visitor(client, name="Elsie Teng")
    token = visitor["token"]
    res = await client.get("/api/v1/livechat/room", params={"token": token})
    body = res.json()
    assert body["newRoom"] is True
    room = body["room"]
    assert room["fname"] == "Elsie Teng" and room["source"] == {"type": "api"}
    again = (await client.get("/api/v1/livechat/room", params={"token": token})).json()
    assert again["newRoom"] is False and again["room"]["_id"] == room["_id"]
    served = await room_info(client, room["_id"])
    assert served["servedBy"]["_id"] == agent["id"]

    clock.advance(1)
    msg = await send_visitor_message(client, token, room["_id"], "Hello **there**")
    assert msg["token"] == token and msg["alias"] == "Elsie Teng"
    assert msg["md"][0]["type"] == "PARAGRAPH"
    assert msg["u"] == {"_id": visitor["_id"], "username": visitor["username"], "name": "Elsie Teng"}

    edited = await client.put(
        f"/api/v1/livechat/message/{msg['_id']}",
        json={"token": token, "rid": room["_id"], "msg": "Hello again"},
    )
    assert edited.status_code == 200 and edited.json()["message"]["msg"] == "Hello again"
    listed = await room_info(client, room["_id"])
    assert listed["lastMessage"]["msg"] == "Hello again"
    read = await client.get(
        f"/api/v1/livechat/message/{msg['_id']}", params={"token": token, "rid": room["_id"]}
    )
    assert read.json()["message"]["editedAt"]

    history = await client.get(f"/api/v1/livechat/messages.history/{room['_id']}", params={"token": token})
    types = [m.get("t") for m in history.json()["messages"]]
    assert types[0] is None and "livechat-started" in types and "uj" in types

    deleted = await client.request(
        "DELETE", f"/api/v1/livechat/message/{msg['_id']}", json={"token": token, "rid": room["_id"]}
    )
    assert deleted.json()["message"]["_id"] == msg["_id"]

    closed = await client.post("/api/v1/livechat/room.close", json={"token": token, "rid": room["_id"]})
    assert closed.json() == {"rid": room["_id"], "comment": "Closed by visitor", "success": True}
    after = await room_info(client, room["_id"])
    assert "open" not in after and after["closer"] == "visitor" and after["v"]["status"] == "offline"
    assert after["lastMessage"]["t"] == "livechat-close"
    twice = await client.post("/api/v1/livechat/room.close", json={"token": token, "rid": room["_id"]})
    assert twice.json() == {"success": False, "error": "room-closed", "stack": twice.json().get("stack")}
    late = await client.post(
        "/api/v1/livechat/message", json={"token": token, "rid": room["_id"], "msg": "x"}
    )
    assert late.status_code == 400 and late.json()["error"] == "room-closed"


async def test_a_visitor_cannot_touch_another_visitors_room(client: httpx.AsyncClient, db: Database) -> None:
    await make_agent(client, db)
    alice = await make_visitor(client)
    mallory = await make_visitor(client)
    room = await open_room(client, alice["token"])
    msg = await send_visitor_message(client, alice["token"], room["_id"], "private")
    attempts = [
        client.post(
            "/api/v1/livechat/message", json={"token": mallory["token"], "rid": room["_id"], "msg": "hi"}
        ),
        client.get("/api/v1/livechat/room", params={"token": mallory["token"], "rid": room["_id"]}),
        client.get(f"/api/v1/livechat/messages.history/{room['_id']}", params={"token": mallory["token"]}),
        client.get(
            f"/api/v1/livechat/message/{msg['_id']}", params={"token": mallory["token"], "rid": room["_id"]}
        ),
        client.put(
            f"/api/v1/livechat/message/{msg['_id']}",
            json={"token": mallory["token"], "rid": room["_id"], "msg": "x"},
        ),
        client.post("/api/v1/livechat/room.close", json={"token": mallory["token"], "rid": room["_id"]}),
        client.post(
            "/api/v1/livechat/room.survey",
            json={
                "token": mallory["token"],
                "rid": room["_id"],
                "data": [{"name": "satisfaction", "value": "5"}],
            },
        ),
    ]
    for attempt in attempts:
        res = await attempt
        assert res.status_code == 400, res.text
        assert res.json()["error"] == "invalid-room"
    info = await room_info(client, room["_id"])
    assert info["open"] is True and info["lastMessage"]["msg"] == "private"


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ({"token": "nope", "rid": "x", "msg": "hi"}, "invalid-token"),
        ({"token": ["t"], "rid": "x", "msg": "hi"}, "must be string [invalid-params]"),
        ({"rid": "x", "msg": "hi"}, "must have required property 'token' [invalid-params]"),
        (
            {"token": "a", "rid": "x", "msg": "hi", "extra": 1},
            "must NOT have additional properties [invalid-params]",
        ),
    ],
)
async def test_message_errors(client: httpx.AsyncClient, body: dict[str, object], error: str) -> None:
    res = await client.post("/api/v1/livechat/message", json=body)
    assert res.status_code == 400 and res.json()["error"] == error


async def test_survey_and_status(client: httpx.AsyncClient, db: Database) -> None:
    await make_agent(client, db)
    visitor = await make_visitor(client)
    room = await open_room(client, visitor["token"])
    data = [
        {"name": "satisfaction", "value": "5"},
        {"name": "bogus", "value": "1"},
        {"name": "agentKnowledge", "value": "9"},
        {"name": "additionalFeedback", "value": "great"},
    ]
    res = await client.post(
        "/api/v1/livechat/room.survey", json={"token": visitor["token"], "rid": room["_id"], "data": data}
    )
    assert res.json()["data"] == {"satisfaction": "5", "additionalFeedback": "great"}
    bad = await client.post(
        "/api/v1/livechat/room.survey",
        json={"token": visitor["token"], "rid": room["_id"], "data": [{"name": "x", "value": "1"}]},
    )
    assert bad.json()["error"] == "invalid-data"
    status = await client.post(
        "/api/v1/livechat/visitor.status", json={"token": visitor["token"], "status": "away"}
    )
    assert status.json() == {"token": visitor["token"], "status": "away", "success": True}
    assert (await room_info(client, room["_id"]))["v"]["status"] == "away"


async def test_delete_visitor(client: httpx.AsyncClient, db: Database) -> None:
    await make_agent(client, db)
    visitor = await make_visitor(client)
    room = await open_room(client, visitor["token"])
    busy = await client.delete(f"/api/v1/livechat/visitor/{visitor['token']}")
    assert busy.json()["error"] == "visitor-has-open-rooms"
    await client.post("/api/v1/livechat/room.close", json={"token": visitor["token"], "rid": room["_id"]})
    gone = await client.delete(f"/api/v1/livechat/visitor/{visitor['token']}")
    assert gone.status_code == 200 and gone.json()["visitor"]["_id"] == visitor["_id"]
    rooms = await client.get("/api/v1/livechat/rooms", headers=await admin_headers(client))
    assert rooms.json()["total"] == 0
