"""A chat message's write: a handful of statements (the room row rewritten alone when its counters, tags
and values cannot move; the metric counters upserted), and `md` parsed before the room is locked, the
same tree whatever its length."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from sqlalchemy import event

from chat import make_agent, make_visitor, open_room, send_visitor_message
from frontdesk.markdown import parse
from frontdesk.services.chat_messages import MD_OFF_LOOP

pytestmark = pytest.mark.asyncio


async def _statements_of(db: Any, action: Any) -> Counter[str]:
    seen: Counter[str] = Counter()

    def note(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen[statement.split(None, 1)[0].upper()] += 1

    event.listen(db.engine.sync_engine, "before_cursor_execute", note)
    try:
        await action()
    finally:
        event.remove(db.engine.sync_engine, "before_cursor_execute", note)
    return seen


async def test_visitor_message_rewrites_room_row_only(client, db) -> None:
    agent = await make_agent(client, db)
    visitor = await make_visitor(client)
    room = await open_room(client, visitor["token"])
    await send_visitor_message(client, visitor["token"], room["_id"], "first")  # month's activity noted
    res = await client.post(
        "/api/v1/chat.sendMessage",
        json={"message": {"rid": room["_id"], "msg": "agent answers"}},
        headers=agent["headers"],
    )
    assert res.status_code == 200, res.text

    async def send() -> None:
        await send_visitor_message(client, visitor["token"], room["_id"], "second")

    seen = await _statements_of(db, send)
    # the message, the room row, the agent's unread count, and the metric counters' three upserts (the
    # room's messages by day and by hour, and by hour and department); no tag, value or room counter rows
    assert seen["INSERT"] == 4 and seen["UPDATE"] == 2 and seen["DELETE"] == 0, seen


async def test_long_text_gets_the_same_md_tree(client, db) -> None:
    await make_agent(client, db)
    visitor = await make_visitor(client)
    room = await open_room(client, visitor["token"])
    text = ("**bold** _it_ `code` https://example.com :smile: @user #room\n" * 60)[: MD_OFF_LOOP + 500]
    assert len(text) > MD_OFF_LOOP
    message = await send_visitor_message(client, visitor["token"], room["_id"], text)
    assert message["md"] == parse(text)
