"""livechat/config, agent.info, agent.next, custom.field(s), page.visited, offline.message."""

from __future__ import annotations

import httpx

from chat import make_agent, make_visitor, open_room, room_info, set_setting
from factories import make_department
from frontdesk.db.engine import Database
from frontdesk.store import custom_fields as custom_field_store


async def test_config_without_and_with_a_visitor(client: httpx.AsyncClient, db: Database) -> None:
    await make_department(db, "Sales")
    cfg = (await client.get("/api/v1/livechat/config")).json()["config"]
    assert cfg["enabled"] is True and cfg["online"] is False
    assert [d["name"] for d in cfg["departments"]] == ["Sales"]
    assert cfg["survey"]["values"] == ["1", "2", "3", "4", "5"]
    agent = await make_agent(client, db)
    visitor = await make_visitor(client)
    room = await open_room(client, visitor["token"])
    cfg = (await client.get("/api/v1/livechat/config", params={"token": visitor["token"]})).json()["config"]
    assert (
        cfg["online"] is True and cfg["guest"]["_id"] == visitor["_id"] and cfg["room"]["_id"] == room["_id"]
    )
    assert cfg["agent"]["_id"] == agent["id"]
    bad = await client.get("/api/v1/livechat/config", params={"nope": "1"})
    assert bad.status_code == 400 and bad.json()["errorType"] == "invalid-params"
    await set_setting(client, "Livechat_enabled", False)
    assert (await client.get("/api/v1/livechat/config")).json()["config"] == {"enabled": False}


async def test_agent_info_and_next(client: httpx.AsyncClient, db: Database) -> None:
    agent = await make_agent(client, db)
    visitor = await make_visitor(client)
    nxt = (await client.get(f"/api/v1/livechat/agent.next/{visitor['token']}")).json()
    assert nxt["agent"]["_id"] == agent["id"]
    room = await open_room(client, visitor["token"])
    info = (await client.get(f"/api/v1/livechat/agent.info/{room['_id']}/{visitor['token']}")).json()
    assert info["agent"]["username"] == agent["username"] and "password" not in info["agent"]
    assert (await client.get(f"/api/v1/livechat/agent.next/{visitor['token']}")).json() == {"success": True}
    other = await make_visitor(client)
    stolen = await client.get(f"/api/v1/livechat/agent.info/{room['_id']}/{other['token']}")
    assert stolen.json()["error"] == "invalid-room"
    await set_setting(client, "Livechat_show_agent_info", False)
    hidden = (await client.get(f"/api/v1/livechat/agent.info/{room['_id']}/{visitor['token']}")).json()
    assert hidden["agent"] == {"hiddenInfo": True}


async def test_custom_fields(client: httpx.AsyncClient, db: Database) -> None:
    await make_agent(client, db)
    async with db.session() as session:
        await custom_field_store.save_custom_field(session, {"_id": "plan", "label": "Plan", "scope": "room"})
        await custom_field_store.save_custom_field(
            session, {"_id": "city", "label": "City", "scope": "visitor"}
        )
    visitor = await make_visitor(client)
    room = await open_room(client, visitor["token"])
    res = await client.post(
        "/api/v1/livechat/custom.field",
        json={"token": visitor["token"], "key": "plan", "value": "gold", "overwrite": True},
    )
    assert res.json()["field"] == {"key": "plan", "value": "gold", "overwrite": True}
    res = await client.post(
        "/api/v1/livechat/custom.fields",
        json={
            "token": visitor["token"],
            "customFields": [
                {"key": "city", "value": "Porto", "overwrite": False},
                {"key": "plan", "value": "x", "overwrite": False},
            ],
        },
    )
    assert res.status_code == 200
    assert (await room_info(client, room["_id"]))["livechatData"] == {"plan": "gold"}
    got = (await client.get(f"/api/v1/livechat/visitor/{visitor['token']}")).json()["visitor"]
    assert got["livechatData"] == {"city": "Porto"}
    listed = await client.get(
        "/api/v1/livechat/rooms",
        params={"customFields": '{"plan":"GOLD"}'},
        headers=(await make_agent(client, db, roles=("livechat-manager",)))["headers"],
    )
    assert listed.json()["total"] == 1
    bad = await client.post(
        "/api/v1/livechat/custom.field",
        json={"token": visitor["token"], "key": "nope", "value": "1", "overwrite": True},
    )
    assert bad.status_code == 400 and bad.json()["error"] == "invalid-custom-field"


async def test_page_visited_and_offline_message(client: httpx.AsyncClient, db: Database) -> None:
    await make_agent(client, db)
    visitor = await make_visitor(client)
    room = await open_room(client, visitor["token"])
    page = {"change": "url", "title": "Pricing", "location": {"href": "https://shop.example/pricing"}}
    res = await client.post(
        "/api/v1/livechat/page.visited",
        json={"token": visitor["token"], "rid": room["_id"], "pageInfo": page},
    )
    assert res.json()["page"]["t"] == "livechat_navigation_history"
    assert res.json()["page"]["msg"] == "Pricing - https://shop.example/pricing"
    off = await client.post(
        "/api/v1/livechat/offline.message", json={"name": "Zed", "email": "z@x.io", "message": "call me"}
    )
    assert off.json() == {"message": "Livechat offline message sent", "success": True}
    bad = await client.post("/api/v1/livechat/offline.message", json={"name": "Zed"})
    assert bad.json()["errorType"] == "invalid-params"


async def test_page_visited_before_registration_is_accepted(client: httpx.AsyncClient) -> None:
    page = {"change": "url", "title": "Home", "location": {"href": "https://shop.example/"}}
    body = {"token": "not-yet-registered", "pageInfo": page}
    res = await client.post("/api/v1/livechat/page.visited", json=body)
    assert res.status_code == 200 and res.json() == {"success": True}
