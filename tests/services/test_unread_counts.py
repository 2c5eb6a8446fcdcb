"""Agents' unread counts in livechat rooms follow Unread_Count_Omni (as Rocket.Chat's own test counts)."""

from __future__ import annotations

import httpx

from agent_chat import served_room
from chat import send_visitor_message, set_setting
from frontdesk.db.engine import Database


async def _unread(client: httpx.AsyncClient, headers: dict[str, str], rid: str) -> int:
    res = await client.get("/api/v1/subscriptions.getOne", params={"roomId": rid}, headers=headers)
    unread: int = res.json()["subscription"]["unread"]
    return unread


async def test_all_messages_then_mentions_only(client: httpx.AsyncClient, db: Database) -> None:
    chat = await served_room(client, db)
    h, rid, token = chat["agent"]["headers"], chat["rid"], chat["visitor"]["token"]
    await send_visitor_message(client, token, rid, "message 1")
    await send_visitor_message(client, token, rid, "message 2")
    assert await _unread(client, h, rid) == 3  # the room's start counts one, as in Rocket.Chat
    await client.post("/api/v1/chat.sendMessage", json={"message": {"rid": rid, "msg": "mine"}}, headers=h)
    assert await _unread(client, h, rid) == 3  # one's own messages never count
    await set_setting(client, "Unread_Count_Omni", "mentions_only")
    await send_visitor_message(client, token, rid, "anyone there?")
    assert await _unread(client, h, rid) == 3
    await send_visitor_message(client, token, rid, f"@{chat['agent']['username']} please")
    assert await _unread(client, h, rid) == 4
    bad = await client.post(
        "/api/v1/settings/Unread_Count_Omni", json={"value": "user_mentions_only"}, headers=h
    )
    assert bad.status_code in (400, 403)
