"""livechat/queue, livechat/visitors.info and livechat/visitor/:token/room."""

from __future__ import annotations

import httpx

from agent_chat import FORBIDDEN, create_department, get_json, post_json, served_room
from chat import make_agent, make_visitor, open_room
from factories import admin_headers, login, make_user
from frontdesk.db.engine import Database


async def test_queue(client: httpx.AsyncClient, db: Database) -> None:
    chat = await served_room(client, db)
    agent = chat["agent"]
    dep = await create_department(client, "Sales", agents=(agent["id"],))
    await open_room(client, (await make_visitor(client))["token"])
    await open_room(client, (await make_visitor(client, department=dep["_id"]))["token"])
    h = await admin_headers(client)
    queue = await get_json(client, "livechat/queue", h)
    assert queue["total"] == 2 and queue["offset"] == 0
    assert queue["queue"] == [
        {
            "user": {"_id": agent["id"], "username": agent["username"], "status": "online"},
            "department": {"_id": None, "name": None},
            "chats": 2,
        },
        {
            "user": {"_id": agent["id"], "username": agent["username"], "status": "online"},
            "department": {"_id": dep["_id"], "name": "Sales"},
            "chats": 1,
        },
    ]
    only = await get_json(client, "livechat/queue", h, departmentId=dep["_id"])
    assert [q["chats"] for q in only["queue"]] == [1]
    await post_json(client, "livechat/agent.status", agent["headers"], {"status": "not-available"})
    assert (await get_json(client, "livechat/queue", h))["queue"] == []
    offline = await get_json(
        client, "livechat/queue", h, includeOfflineAgents="true", agentId=agent["id"], count=1
    )
    assert offline["total"] == 2 and offline["count"] == 1
    res = await client.get("/api/v1/livechat/queue", params={"sort": "{bad"}, headers=h)
    assert res.json()["errorType"] == "error-invalid-sort"
    plain = await make_user(db, ["user"])
    ph = await login(client, plain["username"], plain["password"])
    res = await client.get("/api/v1/livechat/queue", headers=ph)
    assert res.status_code == 403 and res.json() == FORBIDDEN


async def test_visitor_lookups(client: httpx.AsyncClient, db: Database) -> None:
    chat = await served_room(client, db, name="Vera")
    ah = chat["agent"]["headers"]
    info = await get_json(client, "livechat/visitors.info", ah, visitorId=chat["visitor"]["_id"])
    assert info["visitor"]["name"] == "Vera" and info["visitor"]["token"] == chat["visitor"]["token"]
    res = await client.get("/api/v1/livechat/visitors.info", params={"visitorId": "nope"}, headers=ah)
    assert res.status_code == 400 and res.json()["error"] == "visitor-not-found"
    res = await client.get("/api/v1/livechat/visitors.info", headers=ah)
    assert res.json()["error"] == "must have required property 'visitorId' [invalid-params]"
    plain = await make_user(db, ["user"])
    ph = await login(client, plain["username"], plain["password"])
    res = await client.get("/api/v1/livechat/visitors.info", params={"visitorId": "x"}, headers=ph)
    assert res.status_code == 403 and res.json() == FORBIDDEN

    h = await admin_headers(client)
    rooms = await get_json(client, f"livechat/visitor/{chat['visitor']['token']}/room", h)
    assert rooms["rooms"] == [
        {"_id": chat["rid"], "t": "l", "cl": False, "servedBy": chat["room"]["servedBy"]}
    ]
    assert (await get_json(client, "livechat/visitor/unknown/room", h))["rooms"] == []
    other = await make_agent(client, db)
    res = await client.get(
        f"/api/v1/livechat/visitor/{chat['visitor']['token']}/room", headers=other["headers"]
    )
    assert res.status_code == 403 and res.json() == FORBIDDEN
