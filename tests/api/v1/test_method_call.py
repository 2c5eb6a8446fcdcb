"""POST method.call/:method and method.callAnon/:method: DDP frames in, EJSON frames out, always 200."""

from __future__ import annotations

import httpx
import orjson

from agent_chat import call_method, create_department, get_json, served_room
from chat import room_info, set_setting
from factories import admin_headers
from frontdesk.clock import FixedClock
from frontdesk.db.engine import Database


async def test_send_message_method(client: httpx.AsyncClient, db: Database, clock: FixedClock) -> None:
    chat = await served_room(client, db)
    frame = await call_method(
        client, chat["agent"]["headers"], "sendMessage", {"_id": "abc", "rid": chat["rid"], "msg": "hello"}
    )
    assert frame["msg"] == "result" and frame["id"] == "7"
    result = frame["result"]
    assert result["_id"] == "abc" and result["ts"] == {"$date": clock.now_ms()}
    assert result["_updatedAt"] == {"$date": clock.now_ms()} and result["u"]["_id"] == chat["agent"]["id"]
    assert (await room_info(client, chat["rid"]))["lastMessage"]["_id"] == "abc"

    closed = await call_method(client, chat["agent"]["headers"], "sendMessage", {"rid": "nope", "msg": "x"})
    assert closed["error"]["error"] == "error-invalid-room" and closed["error"]["errorType"] == "Meteor.Error"
    unknown = await call_method(client, chat["agent"]["headers"], "nope:method")
    assert unknown["error"] == {
        "isClientSafe": True,
        "error": 404,
        "reason": "Method 'nope:method' not found",
        "message": "Method 'nope:method' not found [404]",
        "errorType": "Meteor.Error",
    }
    anon = await call_method(client, None, "sendMessage", {"rid": chat["rid"], "msg": "x"}, anon=True)
    assert anon["error"]["error"] == "error-invalid-user"


async def test_frame_and_body_errors(client: httpx.AsyncClient) -> None:
    h = await admin_headers(client)
    res = await client.post("/api/v1/method.call/x", json={}, headers=h)
    assert (
        res.status_code == 400
        and res.json()["error"] == "must have required property 'message' [invalid-params]"
    )
    res = await client.post("/api/v1/method.call/x", json={"message": "{not json"}, headers=h)
    assert res.status_code == 200 and orjson.loads(res.json()["message"])["error"]["error"] == 400
    res = await client.post("/api/v1/method.call/x", json={"message": "{}"})
    assert res.status_code == 401


async def test_return_as_inquiry(client: httpx.AsyncClient, db: Database) -> None:
    chat = await served_room(client, db)
    await set_setting(client, "Livechat_Routing_Method", "Manual_Selection")
    ah, rid = chat["agent"]["headers"], chat["rid"]
    frame = await call_method(client, ah, "livechat:returnAsInquiry", rid)
    assert frame["result"] is True
    room = await room_info(client, rid)
    assert "servedBy" not in room and room["lastMessage"]["transferData"]["scope"] == "queue"
    assert (await get_json(client, "subscriptions.getOne", ah, roomId=rid))["subscription"] is None
    inquiry = (await get_json(client, "livechat/inquiries.getOne", ah, roomId=rid))["inquiry"]
    assert inquiry["status"] == "queued"
    again = await call_method(client, ah, "livechat:returnAsInquiry", rid)
    assert "result" not in again or again["result"] is False
    bad = await call_method(client, ah, "livechat:returnAsInquiry", "nope")
    assert bad["error"]["error"] == "error-invalid-room"


async def test_save_agent_info(client: httpx.AsyncClient, db: Database) -> None:
    chat = await served_room(client, db)
    agent = chat["agent"]
    h = await admin_headers(client)
    dep = await create_department(client, "Sales")
    frame = await call_method(
        client, h, "livechat:saveAgentInfo", agent["id"], {"maxNumberSimultaneousChat": 1}, [dep["_id"]]
    )
    assert frame["result"] is True
    got = await get_json(client, f"livechat/users/agent/{agent['id']}", h)
    assert got["user"]["livechat"] == {"maxNumberSimultaneousChat": 1}
    departments = await get_json(client, f"livechat/agents/{agent['id']}/departments", h)
    assert [d["departmentId"] for d in departments["departments"]] == [dep["_id"]]
    cleared = await call_method(client, h, "livechat:saveAgentInfo", agent["id"], {}, [])
    assert cleared["result"] is True
    assert (await get_json(client, f"livechat/agents/{agent['id']}/departments", h))["departments"] == []
    bad = await call_method(client, h, "livechat:saveAgentInfo", "nobody", {}, [])
    assert bad["error"]["error"] == "error-user-is-not-agent"
    denied = await call_method(client, agent["headers"], "livechat:saveAgentInfo", agent["id"], {}, [])
    assert denied["error"]["error"] == "error-not-allowed"


async def test_visitor_sends_through_call_anon(client: httpx.AsyncClient, db: Database) -> None:
    chat = await served_room(client, db)
    visitor_token = (await room_info(client, chat["rid"]))["v"]["token"]
    body = {"_id": "vmsg1", "rid": chat["rid"], "msg": "hi from the widget", "token": visitor_token}
    frame = await call_method(client, None, "sendMessageLivechat", body, anon=True)
    assert frame["result"]["_id"] == "vmsg1" and frame["result"]["token"] == visitor_token
    assert (await room_info(client, chat["rid"]))["lastMessage"]["_id"] == "vmsg1"
    forged = await call_method(
        client, None, "sendMessageLivechat", {**body, "_id": "x", "token": "nope"}, anon=True
    )
    assert forged["error"]["error"] == "invalid-token"
