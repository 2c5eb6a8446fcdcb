"""The monthly-active-contact fields (Rocket.Chat 6+): an agent's answer marks the month on the visitor,
the room's `v` and the inquiry's `v`; a visitor's message or a system message does not."""

from __future__ import annotations

import httpx

from agent_chat import served_room
from chat import room_info, send_visitor_message
from factories import admin_headers
from frontdesk.clock import FixedClock
from frontdesk.db.engine import Database

MONTH = "2023-11"  # the tests' clock starts on 2023-11-14


async def _state(client: httpx.AsyncClient, chat: dict[str, object]) -> tuple[object, object, object]:
    token, rid = chat["visitor"]["token"], chat["rid"]  # type: ignore[index]
    visitor = (await client.get(f"/api/v1/livechat/visitor/{token}")).json()["visitor"]
    room = await room_info(client, rid)  # type: ignore[arg-type]
    inquiry = (
        await client.get(
            "/api/v1/livechat/inquiries.getOne", params={"roomId": rid}, headers=await admin_headers(client)
        )
    ).json()["inquiry"]
    return visitor.get("activity"), room["v"].get("activity"), inquiry["v"].get("activity")


async def test_an_agents_answer_marks_the_month(
    client: httpx.AsyncClient, db: Database, clock: FixedClock
) -> None:
    chat = await served_room(client, db)
    await send_visitor_message(client, chat["visitor"]["token"], chat["rid"], "hello?")
    assert await _state(client, chat) == (None, None, None)
    res = await client.post(
        "/api/v1/chat.sendMessage",
        json={"message": {"rid": chat["rid"], "msg": "Hi!"}},
        headers=chat["agent"]["headers"],
    )
    assert res.status_code == 200
    assert await _state(client, chat) == ([MONTH], [MONTH], [MONTH])
    # next month, the next answer adds it once
    clock.advance(20 * 86400)
    for text in ("December already", "still December"):
        await client.post(
            "/api/v1/chat.sendMessage",
            json={"message": {"rid": chat["rid"], "msg": text}},
            headers=chat["agent"]["headers"],
        )
    assert await _state(client, chat) == ([MONTH, "2023-12"],) * 3
