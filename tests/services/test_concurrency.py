"""Limits and counters that must hold when many requests arrive at once."""

from __future__ import annotations

import asyncio
from collections import Counter

import httpx
from fastapi import FastAPI

from chat import make_agent, make_visitor, open_room, set_setting
from factories import admin_headers
from frontdesk.clock import Clock
from frontdesk.db.engine import Database
from frontdesk.store import messages as message_store
from frontdesk.store import rooms as room_store


async def test_auto_selection_never_exceeds_max_chats(client: httpx.AsyncClient, db: Database) -> None:
    await set_setting(client, "Livechat_maximum_chats_per_agent", 3)
    await set_setting(client, "Livechat_accept_chats_with_no_agents", True)
    agents = [await make_agent(client, db) for _ in range(5)]
    visitors = [await make_visitor(client) for _ in range(100)]
    responses = await asyncio.gather(
        *(client.get("/api/v1/livechat/room", params={"token": v["token"]}) for v in visitors)
    )
    assert all(r.status_code == 200 for r in responses), [r.text for r in responses if r.status_code != 200][
        :3
    ]
    listing = await client.get(
        "/api/v1/livechat/rooms", params={"count": 0}, headers=await admin_headers(client)
    )
    rooms = listing.json()["rooms"]
    assert len(rooms) == 100
    served = Counter(r["servedBy"]["_id"] for r in rooms if "servedBy" in r)
    assert set(served) <= {a["id"] for a in agents}
    assert max(served.values()) <= 3
    assert sum(served.values()) == 15  # every agent filled up to the limit, no more
    queued = await client.get(
        "/api/v1/livechat/rooms", params={"queued": "true"}, headers=await admin_headers(client)
    )
    assert queued.json()["total"] == 85


async def test_concurrent_visitor_messages_all_land_in_order(
    app: FastAPI, client: httpx.AsyncClient, db: Database
) -> None:
    app.state.clock = Clock()
    await make_agent(client, db)
    visitor = await make_visitor(client)
    room = await open_room(client, visitor["token"])
    async with db.session(write=False) as session:
        before = await room_store.get_room(session, room["_id"])
    assert before is not None
    texts = [f"message {i}" for i in range(200)]
    results = await asyncio.gather(
        *(
            client.post(
                "/api/v1/livechat/message", json={"token": visitor["token"], "rid": room["_id"], "msg": t}
            )
            for t in texts
        )
    )
    assert all(r.status_code == 200 for r in results)
    async with db.session(write=False) as session:
        after = await room_store.get_room(session, room["_id"])
        stored = await message_store.room_messages(session, room["_id"])
    assert after is not None
    assert after["msgs"] == before["msgs"] + 200
    visitor_texts = [m["msg"] for m in stored if m.get("token") and not m.get("t")]
    assert sorted(visitor_texts) == sorted(texts)
    stamps = [m["ts"] for m in stored]
    assert stamps == sorted(stamps)
    assert after["lastMessage"]["ts"] == stored[-1]["ts"]
    assert after["lm"] == stored[-1]["ts"]
