"""Closing rules as Rocket.Chat has them: the comment, `close-others-livechat-room`, department closing
tags, `forceClose`, and what racing closes are told (on both engines)."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from agent_chat import create_department, post_json, served_room
from chat import make_agent, make_visitor, open_room, room_info, set_setting
from factories import admin_headers
from frontdesk.db.engine import Database
from frontdesk.store import inquiries as inquiry_store
from frontdesk.store import messages as message_store
from frontdesk.store import rooms as room_store
from frontdesk.store import subscriptions as subscription_store

CLOSE = "/api/v1/livechat/room.closeByUser"


def _error(res: httpx.Response) -> str:
    assert res.status_code == 400, res.text
    assert res.json()["success"] is False
    error: str = res.json()["error"]
    return error


async def test_a_comment_is_required_when_the_setting_says_so(
    client: httpx.AsyncClient, db: Database
) -> None:
    chat = await served_room(client, db)
    h = chat["agent"]["headers"]
    await set_setting(client, "Livechat_request_comment_when_closing_conversation", True)
    res = await client.post(CLOSE, json={"rid": chat["rid"]}, headers=h)
    # Rocket.Chat throws a plain Error: the code is the whole `error`, no errorType
    assert _error(res) == "error-comment-is-required" and "errorType" not in res.json()
    assert _error(await client.post(CLOSE, json={"rid": chat["rid"], "comment": "  "}, headers=h)) == (
        "error-comment-is-required"
    )
    assert (await room_info(client, chat["rid"]))["open"] is True
    assert await post_json(client, "livechat/room.closeByUser", h, {"rid": chat["rid"], "comment": "done"})
    # the visitor's own close carries its comment, and passes
    other = await served_room(client, db)
    res = await client.post(
        "/api/v1/livechat/room.close", json={"rid": other["rid"], "token": other["visitor"]["token"]}
    )
    assert res.json() == {"rid": other["rid"], "comment": "Closed by visitor", "success": True}


async def test_closing_a_room_one_does_not_serve(client: httpx.AsyncClient, db: Database) -> None:
    chat = await served_room(client, db)
    stranger = await make_agent(client, db)
    res = await client.post(CLOSE, json={"rid": chat["rid"]}, headers=stranger["headers"])
    assert _error(res) == "error-not-authorized"
    # joining the room (a subscription) makes it one's own to close
    joined = await client.get(
        "/api/v1/livechat/room.join", params={"roomId": chat["rid"]}, headers=await admin_headers(client)
    )
    assert joined.status_code == 200
    manager = await make_agent(client, db, roles=("livechat-manager",))  # close-others-livechat-room
    assert await post_json(client, "livechat/room.closeByUser", manager["headers"], {"rid": chat["rid"]})
    room = await room_info(client, chat["rid"])
    assert room["closedBy"]["_id"] == manager["id"]


async def test_department_closing_tags(client: httpx.AsyncClient, db: Database) -> None:
    agent = await make_agent(client, db)
    dept = await create_department(
        client, "Returns", agents=(agent["id"],), requestTagBeforeClosingChat=True, chatClosingTags=["refund"]
    )
    visitor = await make_visitor(client, department=dept["_id"])
    room = await open_room(client, visitor["token"])
    res = await client.post(CLOSE, json={"rid": room["_id"]}, headers=agent["headers"])
    assert _error(res) == "error-tags-must-be-assigned-before-closing-chat"
    body = {"rid": room["_id"], "tags": ["broken"]}
    assert await post_json(client, "livechat/room.closeByUser", agent["headers"], body)
    assert (await room_info(client, room["_id"]))["tags"] == ["broken", "refund"]


async def test_force_close(client: httpx.AsyncClient, db: Database, clock) -> None:
    chat = await served_room(client, db)
    mh = await admin_headers(client)
    assert await post_json(client, "livechat/room.closeByUser", mh, {"rid": chat["rid"], "comment": "one"})
    first = await room_info(client, chat["rid"])
    again = {"rid": chat["rid"], "comment": "two", "forceClose": True}
    assert _error(await client.post(CLOSE, json=again, headers=mh)) == "error-room-already-closed"
    await set_setting(client, "Omnichannel_allow_force_close_conversations", True)
    clock.advance(60)
    assert await post_json(client, "livechat/room.closeByUser", mh, again) == {"success": True}
    forced = await room_info(client, chat["rid"])
    assert "open" not in forced and forced["closedAt"] > first["closedAt"]
    assert forced["lastMessage"]["t"] == "livechat-close" and forced["lastMessage"]["msg"] == "two"


async def _held(db: Database, rid: str, requests: list[Any]) -> list[httpx.Response]:
    """Start the requests while another transaction holds the room (as a close in progress would), then
    let it go: every request saw the room open on arrival."""
    async with db.session() as session:
        assert await room_store.get_room(session, rid, for_update=True) is not None
        tasks = [asyncio.ensure_future(r) for r in requests]
        await asyncio.sleep(0.5)
        assert not any(t.done() for t in tasks)
    return list(await asyncio.gather(*tasks))


async def test_three_simultaneous_closes(client: httpx.AsyncClient, db: Database) -> None:
    chat = await served_room(client, db)
    h = chat["agent"]["headers"]
    results = await _held(
        db, chat["rid"], [client.post(CLOSE, json={"rid": chat["rid"]}, headers=h) for _ in range(3)]
    )
    assert sorted(r.status_code for r in results) == [200, 400, 400]
    assert sorted(r.json().get("error", "") for r in results) == [
        "",
        "error-room-cannot-be-closed-try-again",
        "error-room-cannot-be-closed-try-again",
    ]
    # after the race, a close is told the room is closed; and the room is whole
    res = await client.post(CLOSE, json={"rid": chat["rid"]}, headers=await admin_headers(client))
    assert _error(res) == "error-room-already-closed"
    async with db.session(write=False) as session:
        room = await room_store.get_room(session, chat["rid"])
        assert room is not None and "open" not in room and room["closer"] == "user"
        assert await inquiry_store.get_by_room(session, chat["rid"]) is None
        assert await subscription_store.room_subscriptions(session, chat["rid"]) == []
        closes = [
            m
            for m in await message_store.room_messages(session, chat["rid"])
            if m.get("t") == "livechat-close"
        ]
    assert len(closes) == 1


async def test_visitor_and_agent_close_at_once(client: httpx.AsyncClient, db: Database) -> None:
    chat = await served_room(client, db)
    by_agent = client.post(CLOSE, json={"rid": chat["rid"]}, headers=chat["agent"]["headers"])
    by_visitor = client.post(
        "/api/v1/livechat/room.close", json={"rid": chat["rid"], "token": chat["visitor"]["token"]}
    )
    results = await _held(db, chat["rid"], [by_agent, by_visitor])
    assert sorted(r.status_code for r in results) == [200, 400]
    loser = next(r for r in results if r.status_code == 400)
    assert loser.json()["error"] == "error-room-cannot-be-closed-try-again"
    winner = "user" if results[0].status_code == 200 else "visitor"
    assert (await room_info(client, chat["rid"]))["closer"] == winner


async def test_different_rooms_close_at_once(client: httpx.AsyncClient, db: Database) -> None:
    chats = [await served_room(client, db) for _ in range(2)]
    mh = await admin_headers(client)
    results = await asyncio.gather(*(client.post(CLOSE, json={"rid": c["rid"]}, headers=mh) for c in chats))
    assert [r.status_code for r in results] == [200, 200]
