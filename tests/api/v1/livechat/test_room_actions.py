"""room.join, room.closeByUser, room.forward, transfer.history, room.saveInfo, room.onHold/resumeOnHold."""

from __future__ import annotations

from typing import Any

import httpx

from agent_chat import FORBIDDEN, call_method, create_department, get_json, post_json, served_room
from chat import make_agent, make_visitor, open_room, room_info, send_visitor_message, set_setting
from factories import admin_headers, login, make_user
from frontdesk.clock import FixedClock, iso
from frontdesk.db.engine import Database


async def _subscription(client: httpx.AsyncClient, headers: dict[str, str], rid: str) -> Any:
    return (await get_json(client, "subscriptions.getOne", headers, roomId=rid))["subscription"]


async def test_join(client: httpx.AsyncClient, db: Database) -> None:
    chat = await served_room(client, db)
    h = await admin_headers(client)
    assert await _subscription(client, h, chat["rid"]) is None
    assert await get_json(client, "livechat/room.join", h, roomId=chat["rid"]) == {"success": True}
    sub = await _subscription(client, h, chat["rid"])
    assert sub is not None and sub["rid"] == chat["rid"] and sub["t"] == "l"
    room = await room_info(client, chat["rid"])
    assert room["servedBy"]["_id"] == chat["agent"]["id"] and room["usersCount"] == 3
    await get_json(client, "livechat/room.join", h, roomId=chat["rid"])  # joining twice changes nothing
    assert (await room_info(client, chat["rid"]))["usersCount"] == 3

    res = await client.get("/api/v1/livechat/room.join", params={"roomId": "nope"}, headers=h)
    assert res.status_code == 400 and res.json()["error"] == "error-invalid-room"
    res = await client.get("/api/v1/livechat/room.join", headers=h)
    assert res.json()["errorType"] == "invalid-params"
    other = await make_agent(client, db)
    res = await client.get(
        "/api/v1/livechat/room.join", params={"roomId": chat["rid"]}, headers=other["headers"]
    )
    assert res.status_code == 400 and res.json()["error"] == "error-not-allowed"
    plain = await make_user(db, ["user"])
    ph = await login(client, plain["username"], plain["password"])
    res = await client.get("/api/v1/livechat/room.join", params={"roomId": chat["rid"]}, headers=ph)
    assert res.status_code == 403 and res.json() == FORBIDDEN
    await post_json(client, "livechat/room.closeByUser", h, {"rid": chat["rid"]})
    res = await client.get("/api/v1/livechat/room.join", params={"roomId": chat["rid"]}, headers=h)
    assert res.json()["error"] == "room-closed"


async def test_close_by_user(client: httpx.AsyncClient, db: Database, clock: FixedClock) -> None:
    chat = await served_room(client, db)
    ah = chat["agent"]["headers"]
    other = await make_agent(client, db)
    res = await client.post(
        "/api/v1/livechat/room.closeByUser", json={"rid": chat["rid"]}, headers=other["headers"]
    )
    assert res.status_code == 400 and res.json()["error"] == "error-not-authorized"
    res = await client.post("/api/v1/livechat/room.closeByUser", json={"rid": "nope"}, headers=ah)
    assert res.json()["error"] == "error-invalid-room"
    res = await client.post(
        "/api/v1/livechat/room.closeByUser", json={"rid": chat["rid"], "tags": "x"}, headers=ah
    )
    assert res.json()["error"] == "must be array [invalid-params]"
    res = await client.post("/api/v1/livechat/room.closeByUser", json={"rid": chat["rid"]})
    assert res.status_code == 401
    clock.advance(30)
    body = {"rid": chat["rid"], "comment": "bye", "tags": ["done"]}
    assert await post_json(client, "livechat/room.closeByUser", ah, body) == {"success": True}
    room = await room_info(client, chat["rid"])
    assert "open" not in room and room["closer"] == "user" and room["tags"] == ["done"]
    assert room["lastMessage"]["t"] == "livechat-close" and room["lastMessage"]["msg"] == "bye"
    # Rocket.Chat 7 asks "yours, or may you close others'?" first: the closed room is no longer the agent's
    res = await client.post("/api/v1/livechat/room.closeByUser", json={"rid": chat["rid"]}, headers=ah)
    assert res.json()["error"] == "error-not-authorized"
    res = await client.post(
        "/api/v1/livechat/room.closeByUser", json={"rid": chat["rid"]}, headers=await admin_headers(client)
    )
    assert res.json()["error"] == "error-room-already-closed"
    plain = await make_user(db, ["user"])
    ph = await login(client, plain["username"], plain["password"])
    res = await client.post("/api/v1/livechat/room.closeByUser", json={"rid": chat["rid"]}, headers=ph)
    assert res.status_code == 403 and res.json() == FORBIDDEN


async def test_forward_to_agent(client: httpx.AsyncClient, db: Database, clock: FixedClock) -> None:
    chat = await served_room(client, db, name="Ada")
    first, rid = chat["agent"], chat["rid"]
    second = await make_agent(client, db)
    h = await admin_headers(client)
    clock.advance(5)
    body = {"roomId": rid, "userId": second["id"], "comment": "over to you"}
    assert await post_json(client, "livechat/room.forward", h, body) == {"success": True}
    room = await room_info(client, rid)
    assert room["servedBy"] == {
        "_id": second["id"],
        "username": second["username"],
        "ts": iso(clock.now_ms()),
    }
    assert room["usersCount"] == 3
    last = room["lastMessage"]
    assert (
        last["t"] == "livechat_transfer_history" and last["u"]["username"] == "rocketchat.internal.admin.test"
    )
    data = last["transferData"]
    assert data["scope"] == "agent" and data["comment"] == "over to you"
    assert data["transferredBy"]["userType"] == "user" and data["ts"] == iso(clock.now_ms())
    assert data["transferredTo"] == {
        "_id": second["id"],
        "username": second["username"],
        "name": second["username"].title(),
    }
    assert await _subscription(client, first["headers"], rid) is None
    assert await _subscription(client, second["headers"], rid) is not None

    history = await get_json(client, f"livechat/transfer.history/{rid}", h)
    assert history["total"] == 1 and history["history"] == [data]
    res = await client.get("/api/v1/livechat/transfer.history/nope", headers=h)
    assert res.json()["error"] == "invalid-room"
    res = await client.get(f"/api/v1/livechat/transfer.history/{rid}", headers=second["headers"])
    assert res.status_code == 403 and res.json() == FORBIDDEN

    same = await client.post(
        "/api/v1/livechat/room.forward", json={"roomId": rid, "userId": second["id"]}, headers=h
    )
    assert same.json()["error"] == "error-selected-agent-room-agent-are-same"
    offline = await make_agent(client, db, available=False)
    res = await client.post(
        "/api/v1/livechat/room.forward", json={"roomId": rid, "userId": offline["id"]}, headers=h
    )
    assert res.json()["error"] == "error-user-is-offline"
    res = await client.post("/api/v1/livechat/room.forward", json={"roomId": rid}, headers=h)
    assert res.status_code == 400 and res.json()["error"] == "error-forwarding-chat"
    res = await client.post(
        "/api/v1/livechat/room.forward", json={"roomId": "nope", "userId": "x"}, headers=h
    )
    assert res.json()["error"] == "error-invalid-room"
    res = await client.post(
        "/api/v1/livechat/room.forward", json={"roomId": rid, "departmentId": "x"}, headers=h
    )
    assert res.json()["error"] == "error-invalid-department"
    res = await client.post(
        "/api/v1/livechat/room.forward",
        json={"roomId": rid, "userId": first["id"]},
        headers=second["headers"],
    )
    assert res.status_code == 403 and "unauthorized" in res.json()["error"]
    await post_json(client, "livechat/room.closeByUser", h, {"rid": rid})
    res = await client.post(
        "/api/v1/livechat/room.forward", json={"roomId": rid, "userId": first["id"]}, headers=h
    )
    assert res.json()["error"] == "This_conversation_is_already_closed"


async def test_forward_to_department(client: httpx.AsyncClient, db: Database, clock: FixedClock) -> None:
    chat = await served_room(client, db)
    rid = chat["rid"]
    helper = await make_agent(client, db)
    support = await create_department(client, "Support", agents=(helper["id"],))
    h = await admin_headers(client)
    await post_json(client, "livechat/room.forward", h, {"roomId": rid, "departmentId": support["_id"]})
    room = await room_info(client, rid)
    assert room["departmentId"] == support["_id"] and room["servedBy"]["_id"] == helper["id"]
    data = room["lastMessage"]["transferData"]
    assert data["scope"] == "department" and data["nextDepartment"] == {
        "_id": support["_id"],
        "name": "Support",
    }
    assert "previousDepartment" not in data
    assert (await _subscription(client, helper["headers"], rid))["department"] == support["_id"]
    res = await client.post(
        "/api/v1/livechat/room.forward", json={"roomId": rid, "departmentId": support["_id"]}, headers=h
    )
    assert res.json()["error"] == "error-forwarding-chat-same-department"

    empty = await create_department(client, "Empty")
    clock.advance(1)
    await post_json(client, "livechat/room.forward", h, {"roomId": rid, "departmentId": empty["_id"]})
    queued = await room_info(client, rid)
    assert "servedBy" not in queued and queued["departmentId"] == empty["_id"]
    assert queued["lastMessage"]["transferData"]["previousDepartment"] == support["_id"]
    assert await _subscription(client, helper["headers"], rid) is None
    inquiry = (await get_json(client, "livechat/inquiries.getOne", h, roomId=rid))["inquiry"]
    assert inquiry["status"] == "ready" and inquiry["department"] == empty["_id"]
    history = await get_json(client, f"livechat/transfer.history/{rid}", h, sort='{"ts":-1}')
    assert [x["nextDepartment"]["name"] for x in history["history"]] == ["Empty", "Support"]


async def test_forward_to_department_manual_queues(client: httpx.AsyncClient, db: Database) -> None:
    chat = await served_room(client, db)
    await set_setting(client, "Livechat_Routing_Method", "Manual_Selection")
    support = await create_department(client, "Support", agents=(chat["agent"]["id"],))
    h = await admin_headers(client)
    await post_json(
        client, "livechat/room.forward", h, {"roomId": chat["rid"], "departmentId": support["_id"]}
    )
    room = await room_info(client, chat["rid"])
    assert "servedBy" not in room
    inquiry = (await get_json(client, "livechat/inquiries.getOne", h, roomId=chat["rid"]))["inquiry"]
    assert inquiry["status"] == "queued"


async def test_save_info(client: httpx.AsyncClient, db: Database) -> None:
    chat = await served_room(client, db, name="Old Name")
    ah, rid, vid = chat["agent"]["headers"], chat["rid"], chat["visitor"]["_id"]
    h = await admin_headers(client)
    for field, scope in (("plan", "room"), ("company", "visitor")):
        data = {"field": field, "label": field.title(), "scope": scope, "visibility": "visible", "regexp": ""}
        assert "result" in await call_method(client, h, "livechat:saveCustomField", None, data)
    body = {
        "guestData": {
            "_id": vid,
            "name": "New Name",
            "email": "N@X.io",
            "phone": "+1 555",
            "livechatData": {"company": " Acme "},
        },
        "roomData": {
            "_id": rid,
            "topic": " billing ",
            "tags": ["vip"],
            "livechatData": {"plan": "gold", "junk": "x"},
        },
    }
    assert await post_json(client, "livechat/room.saveInfo", ah, body) == {"success": True}
    room = await room_info(client, rid)
    assert room["fname"] == "New Name" and room["topic"] == "billing" and room["tags"] == ["vip"]
    assert room["livechatData"] == {"plan": "gold"}
    visitor = (await get_json(client, "livechat/visitors.info", ah, visitorId=vid))["visitor"]
    assert visitor["name"] == "New Name" and visitor["visitorEmails"] == [{"address": "n@x.io"}]
    assert visitor["phone"] == [{"phoneNumber": "+1 555"}] and visitor["livechatData"] == {"company": "Acme"}

    body = {"guestData": {"_id": vid}, "roomData": {"_id": rid, "topic": "", "livechatData": {"plan": ""}}}
    await post_json(client, "livechat/room.saveInfo", ah, body)
    room = await room_info(client, rid)
    assert "topic" not in room and "tags" not in room and room["livechatData"] == {}

    res = await client.post(
        "/api/v1/livechat/room.saveInfo", json={**body, "roomData": {"_id": "nope"}}, headers=ah
    )
    assert res.json()["error"] == "error-invalid-room"
    res = await client.post(
        "/api/v1/livechat/room.saveInfo", json={**body, "guestData": {"_id": "x"}}, headers=ah
    )
    assert res.json()["error"] == "error-invalid-visitor"
    res = await client.post("/api/v1/livechat/room.saveInfo", json={"guestData": {"_id": vid}}, headers=ah)
    assert res.json()["error"] == "must have required property 'roomData' [invalid-params]"
    other = await make_agent(client, db)
    res = await client.post("/api/v1/livechat/room.saveInfo", json=body, headers=other["headers"])
    assert res.status_code == 403 and res.json() == {"success": False, "error": "unauthorized"}
    res = await client.post("/api/v1/livechat/room.saveInfo", json=body, headers=h)  # admins lack save-others
    assert res.status_code == 403


async def test_on_hold_and_resume(client: httpx.AsyncClient, db: Database) -> None:
    await set_setting(client, "Livechat_maximum_chats_per_agent", 1)
    chat = await served_room(client, db)
    ah, rid, token = chat["agent"]["headers"], chat["rid"], chat["visitor"]["token"]
    await send_visitor_message(client, token, rid, "hello?")
    res = await client.post("/api/v1/livechat/room.onHold", json={"roomId": rid}, headers=ah)
    assert res.json()["error"] == "error-contact-sent-last-message-so-cannot-place-on-hold"
    await post_json(client, "chat.sendMessage", ah, {"message": {"rid": rid, "msg": "one moment"}})
    msgs = (await room_info(client, rid))["msgs"]
    assert await post_json(client, "livechat/room.onHold", ah, {"roomId": rid}) == {"success": True}
    room = await room_info(client, rid)
    assert room["onHold"] is True and room["msgs"] == msgs + 1 and room["lastMessage"]["msg"] == "one moment"
    assert (await _subscription(client, ah, rid))["onHold"] is True
    res = await client.post("/api/v1/livechat/room.onHold", json={"roomId": rid}, headers=ah)
    assert res.json()["error"] == "error-room-is-already-on-hold"
    res = await client.post(
        "/api/v1/livechat/room.forward",
        json={"roomId": rid, "userId": "x"},
        headers=await admin_headers(client),
    )
    assert res.json()["error"] == "error-room-onHold"

    # on hold, the chat no longer counts toward the agent's one-chat limit: a new chat reaches them
    second = await make_visitor(client)
    new_room = await open_room(client, second["token"])
    assert new_room["servedBy"]["_id"] == chat["agent"]["id"]

    # resuming while at the limit returns the held chat to the queue
    assert await post_json(client, "livechat/room.resumeOnHold", ah, {"roomId": rid}) == {"success": True}
    resumed = await room_info(client, rid)
    assert "onHold" not in resumed and "servedBy" not in resumed
    res = await client.post("/api/v1/livechat/room.resumeOnHold", json={"roomId": rid}, headers=ah)
    assert res.json()["error"] == "error-room-not-on-hold"
    res = await client.post("/api/v1/livechat/room.onHold", json={"roomId": "nope"}, headers=ah)
    assert res.json()["error"] == "error-invalid-room"
    res = await client.post("/api/v1/livechat/room.onHold", json={"roomId": rid}, headers=ah)
    assert res.json()["error"] == "error-unserved-rooms-cannot-be-placed-onhold"
    res = await client.post("/api/v1/livechat/room.onHold", json={}, headers=ah)
    assert res.json()["errorType"] == "invalid-params"
    plain = await make_user(db, ["user"])
    ph = await login(client, plain["username"], plain["password"])
    res = await client.post("/api/v1/livechat/room.onHold", json={"roomId": rid}, headers=ph)
    assert res.status_code == 403 and res.json() == FORBIDDEN


async def test_resume_keeps_agent_with_capacity(client: httpx.AsyncClient, db: Database) -> None:
    chat = await served_room(client, db)
    ah, rid = chat["agent"]["headers"], chat["rid"]
    other = await make_agent(client, db)
    res = await client.post("/api/v1/livechat/room.onHold", json={"roomId": rid}, headers=ah)
    assert (
        res.json()["error"] == "error-contact-sent-last-message-so-cannot-place-on-hold"
    )  # livechat-started
    await post_json(client, "chat.sendMessage", ah, {"message": {"rid": rid, "msg": "hold on"}})
    res = await client.post("/api/v1/livechat/room.onHold", json={"roomId": rid}, headers=other["headers"])
    assert res.json()["error"] == "Not_authorized"
    await post_json(client, "livechat/room.onHold", ah, {"roomId": rid})
    res = await client.post(
        "/api/v1/livechat/room.resumeOnHold", json={"roomId": rid}, headers=other["headers"]
    )
    assert res.status_code == 400 and res.json()["error"] == "Not_authorized"
    await post_json(client, "livechat/room.resumeOnHold", ah, {"roomId": rid})
    room = await room_info(client, rid)
    assert "onHold" not in room and room["servedBy"]["_id"] == chat["agent"]["id"]
