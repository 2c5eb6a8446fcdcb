"""POST livechat/messages: a manager writes a visitor's messages into their open room."""

from __future__ import annotations

import httpx

from agent_chat import FORBIDDEN
from chat import make_agent, make_visitor, open_room, room_info, set_setting
from factories import admin_headers
from frontdesk.db.engine import Database
from frontdesk.store import messages as message_store

URL = "/api/v1/livechat/messages"


async def test_import_into_the_open_room(client: httpx.AsyncClient, db: Database, clock) -> None:
    await make_agent(client, db)
    visitor = await make_visitor(client, name="Imported Ida")
    room = await open_room(client, visitor["token"])
    body = {"visitor": {"token": visitor["token"]}, "messages": [{"msg": "first"}, {"msg": "second"}]}
    res = await client.post(URL, json=body, headers=await admin_headers(client))
    assert res.status_code == 200, res.text
    written = res.json()["messages"]
    assert [(m["username"], m["msg"]) for m in written] == [
        (visitor["username"], "first"),
        (visitor["username"], "second"),
    ]
    async with db.session(write=False) as session:
        stored = [m for m in await message_store.room_messages(session, room["_id"]) if not m.get("t")]
    assert [m["msg"] for m in stored] == ["first", "second"]
    assert all(m["token"] == visitor["token"] and m["alias"] == "Imported Ida" for m in stored)
    info = await room_info(client, room["_id"])
    assert info["lastMessage"]["msg"] == "second" and info["waitingResponse"] is True


async def test_a_new_visitor_gets_a_room(client: httpx.AsyncClient, db: Database) -> None:
    await make_agent(client, db)
    body = {"visitor": {"token": "imported-token"}, "messages": [{"msg": "hello from email"}]}
    res = await client.post(URL, json=body, headers=await admin_headers(client))
    assert res.status_code == 200, res.text
    assert res.json()["messages"][0]["username"].startswith("guest-")
    rooms = (await client.get("/api/v1/livechat/rooms", headers=await admin_headers(client))).json()["rooms"]
    [room] = [r for r in rooms if r["v"]["token"] == "imported-token"]
    assert room["source"]["type"] == "api" and room["lastMessage"]["msg"] == "hello from email"


async def test_refusals(client: httpx.AsyncClient, db: Database) -> None:
    h = await admin_headers(client)
    body = {"visitor": {"token": "t-none"}, "messages": [{"msg": "x"}]}
    res = await client.post(URL, json=body, headers=h)  # nobody online, chats without agents refused
    assert res.status_code == 400 and res.json()["errorType"] == "no-agent-online"
    await set_setting(client, "Livechat_accept_chats_with_no_agents", True)
    agent = await make_agent(client, db)
    res = await client.post(URL, json=body, headers=agent["headers"])
    assert res.status_code == 403 and res.json() == FORBIDDEN
    assert (await client.post(URL, json=body)).status_code == 401
    for bad in (
        {"visitor": {"token": "t"}, "messages": []},
        {"visitor": {}, "messages": [{"msg": "x"}]},
        {"messages": [{"msg": "x"}]},
    ):
        res = await client.post(URL, json=bad, headers=h)
        assert res.status_code == 400 and res.json()["errorType"] == "invalid-params", bad
    many = {"visitor": {"token": "t"}, "messages": [{"msg": "x"}] * 101}
    assert (await client.post(URL, json=many, headers=h)).json()["errorType"] == "invalid-params"
    await set_setting(client, "Message_MaxAllowedSize", 5)
    long = {"visitor": {"token": "t"}, "messages": [{"msg": "too long"}]}
    assert (await client.post(URL, json=long, headers=h)).json()[
        "error"
    ] == "message-length-exceeds-character-limit"
