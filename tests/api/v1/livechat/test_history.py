"""loadHistory, livechat/:rid/messages, visitors.pagesVisited and visitors.chatHistory."""

from __future__ import annotations

import httpx

from agent_chat import call_method, get_json, served_room
from chat import make_agent, open_room, send_visitor_message
from frontdesk.clock import FixedClock, iso, parse_iso
from frontdesk.db.engine import Database


async def test_load_history_pages_backwards(
    client: httpx.AsyncClient, db: Database, clock: FixedClock
) -> None:
    chat = await served_room(client, db)
    ah, rid, token = chat["agent"]["headers"], chat["rid"], chat["visitor"]["token"]
    for n in range(5):
        clock.advance(1)
        await send_visitor_message(client, token, rid, f"m{n}")
    reply = await call_method(client, ah, "loadHistory", rid, None, 3, None)
    page = reply["result"]["messages"]
    assert [m["msg"] for m in page] == ["m4", "m3", "m2"]
    assert isinstance(page[0]["ts"], dict) and "$date" in page[0]["ts"]  # EJSON, as Meteor sends it
    older = await call_method(client, ah, "loadHistory", rid, page[-1]["ts"], 3, None)
    assert [m["msg"] for m in older["result"]["messages"]][:2] == ["m1", "m0"]
    assert all("md" in m for m in page)


async def test_a_chat_starts_before_its_agent_joins(client: httpx.AsyncClient, db: Database) -> None:
    """Started, routed and joined in one request: as in Rocket.Chat, where each message gets the time it is
    written, each is stamped after the one before, so the history tells the story in order."""
    chat = await served_room(client, db)
    reply = await call_method(client, chat["agent"]["headers"], "loadHistory", chat["rid"], None, 10, None)
    page = reply["result"]["messages"]
    assert [m["t"] for m in reversed(page)] == ["livechat-started", "command", "uj"]
    started = parse_iso(chat["room"]["ts"])
    assert [m["ts"]["$date"] for m in reversed(page)] == [started, started + 1, started + 2]


async def test_load_history_refusals(client: httpx.AsyncClient, db: Database) -> None:
    chat = await served_room(client, db)
    other = await make_agent(client, db)
    assert (await call_method(client, other["headers"], "loadHistory", chat["rid"], None, 10))[
        "result"
    ] is False
    bad = await call_method(client, chat["agent"]["headers"], "loadHistory", chat["rid"], "yesterday", 10)
    assert bad["error"]["error"] == 400
    bad = await call_method(client, chat["agent"]["headers"], "loadHistory", chat["rid"], None, -1)
    assert bad["error"]["error"] == 400
    anon = await call_method(client, None, "loadHistory", chat["rid"], None, 10, anon=True)
    assert anon["error"]["error"] == "error-invalid-user"


async def test_room_messages_rest(client: httpx.AsyncClient, db: Database, clock: FixedClock) -> None:
    chat = await served_room(client, db)
    ah, rid, token = chat["agent"]["headers"], chat["rid"], chat["visitor"]["token"]
    for text in ("Where is my order?", "It was order 1234", "thanks"):
        clock.advance(1)
        await send_visitor_message(client, token, rid, text)
    body = await get_json(client, f"livechat/{rid}/messages", ah, count=2)
    assert [m["msg"] for m in body["messages"]] == ["thanks", "It was order 1234"]
    assert body["total"] == 3 and body["count"] == 2 and body["offset"] == 0  # system messages left out
    body = await get_json(client, f"livechat/{rid}/messages", ah, searchTerm="ORDER", sort='{"ts":1}')
    assert [m["msg"] for m in body["messages"]] == ["Where is my order?", "It was order 1234"]
    assert body["messages"][0]["ts"] == iso(clock.now_ms() - 2000)

    res = await client.get("/api/v1/livechat/nope/messages", headers=ah)
    assert res.status_code == 400 and res.json()["error"] == "invalid-room"
    other = await make_agent(client, db)
    res = await client.get(f"/api/v1/livechat/{rid}/messages", headers=other["headers"])
    assert res.status_code == 400 and res.json()["error"] == "not-allowed"
    res = await client.get(f"/api/v1/livechat/{rid}/messages", params={"bogus": 1}, headers=ah)
    assert res.status_code == 400 and res.json()["errorType"] == "invalid-params"
    res = await client.get(f"/api/v1/livechat/{rid}/messages")
    assert res.status_code == 401


async def test_room_messages_needs_view_l_room(client: httpx.AsyncClient, db: Database) -> None:
    from factories import login, make_user

    chat = await served_room(client, db)
    user = await make_user(db, ["user"])
    headers = await login(client, user["username"], user["password"])
    res = await client.get(f"/api/v1/livechat/{chat['rid']}/messages", headers=headers)
    assert res.status_code == 403 and "error-unauthorized" in res.json()["error"]


async def test_pages_visited(client: httpx.AsyncClient, db: Database, clock: FixedClock) -> None:
    chat = await served_room(client, db)
    ah, rid, token = chat["agent"]["headers"], chat["rid"], chat["visitor"]["token"]
    for title in ("Pricing", "Checkout"):
        clock.advance(1)
        page = {
            "change": "url",
            "title": title,
            "location": {"href": f"https://shop.example/{title.lower()}"},
        }
        res = await client.post(
            "/api/v1/livechat/page.visited", json={"token": token, "rid": rid, "pageInfo": page}
        )
        assert res.status_code == 200, res.text
    body = await get_json(client, f"livechat/visitors.pagesVisited/{rid}", ah)
    assert body["total"] == 2 and [p["navigation"]["page"]["title"] for p in body["pages"]] == [
        "Checkout",
        "Pricing",
    ]
    res = await client.get("/api/v1/livechat/visitors.pagesVisited/nope", headers=ah)
    assert res.status_code == 400 and res.json()["error"] == "invalid-room"
    other = await make_agent(client, db)
    res = await client.get(f"/api/v1/livechat/visitors.pagesVisited/{rid}", headers=other["headers"])
    assert res.status_code == 400 and res.json()["error"] == "error-not-allowed"


async def test_chat_history(client: httpx.AsyncClient, db: Database, clock: FixedClock) -> None:
    chat = await served_room(client, db)
    ah, rid, visitor = chat["agent"]["headers"], chat["rid"], chat["visitor"]
    res = await client.post("/api/v1/livechat/room.closeByUser", json={"rid": rid}, headers=ah)
    assert res.status_code == 200, res.text
    clock.advance(60)
    second = await open_room(client, visitor["token"])
    body = await get_json(
        client, f"livechat/visitors.chatHistory/room/{second['_id']}/visitor/{visitor['_id']}", ah
    )
    assert [r["_id"] for r in body["history"]] == [second["_id"], rid] and body["total"] == 2
    # the room must be this visitor's, and one the caller may read
    res = await client.get(
        f"/api/v1/livechat/visitors.chatHistory/room/{second['_id']}/visitor/other", headers=ah
    )
    assert res.status_code == 400 and res.json()["error"] == "error-not-allowed"
    other = await make_agent(client, db)
    path = f"/api/v1/livechat/visitors.chatHistory/room/{second['_id']}/visitor/{visitor['_id']}"
    res = await client.get(path, headers=other["headers"])
    assert res.status_code == 400 and res.json()["error"] == "error-not-allowed"
