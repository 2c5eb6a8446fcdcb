"""A DDP call that writes nothing costs nothing: typing and unchanged presence take no write lock, move no
change signal (so no page cache or read memo is cleared), and typing still reaches the room."""

from __future__ import annotations

import asyncio

import pytest

from chat import make_agent, make_visitor, open_room
from realtime.conftest import LiveServer
from realtime.ddp_client import DDPClient

pytestmark = pytest.mark.asyncio


async def test_typing_needs_no_write_lock_and_moves_no_signal(live: LiveServer) -> None:
    agent = await make_agent(live.client, live.db)
    visitor = await make_visitor(live.client)
    rid = (await open_room(live.client, visitor["token"]))["_id"]
    async with DDPClient(live.ws_url) as widget, DDPClient(live.ws_url) as agent_ddp:
        await widget.call("livechat:setUpConnection", {"token": visitor["token"]})
        await agent_ddp.login(agent["username"], agent["password"])
        await agent_ddp.sub("stream-notify-room", f"{rid}/typing", {})
        before = live.db.changes.current()
        lock = live.db.write_lock
        if lock is not None:  # SQLite: a writer holds the lock the whole time
            await lock.acquire()
        try:
            for typing in (True, False, True):
                call = widget.call(
                    "stream-notify-room",
                    f"{rid}/typing",
                    visitor["username"],
                    typing,
                    {"token": visitor["token"]},
                )
                assert await asyncio.wait_for(call, 2) is True
                frame = await agent_ddp.next_changed("stream-notify-room")
                assert frame["fields"]["args"] == [visitor["username"], typing]
        finally:
            if lock is not None:
                lock.release()
        assert live.db.changes.current() == before


async def test_unchanged_presence_writes_nothing(live: LiveServer) -> None:
    agent = await make_agent(live.client, live.db)
    async with DDPClient(live.ws_url) as ddp:
        await ddp.login(agent["username"], agent["password"])
        assert await ddp.call("UserPresence:away") is True  # a change: written
        moved = live.db.changes.current()
        assert await ddp.call("UserPresence:away") is True  # the same again: nothing to write
        assert await ddp.call("UserPresence:setDefaultStatus", "away") is True
        assert live.db.changes.current() == moved
        assert await ddp.call("UserPresence:online") is True
        assert live.db.changes.current() != moved
    me = await live.client.get("/api/v1/me", headers=agent["headers"])
    assert me.json()["status"] == "online"


async def test_repeated_typing_is_still_checked_after_a_commit(live: LiveServer) -> None:
    """A caller allowed to type in a room is remembered only until the next commit anywhere."""
    await make_agent(live.client, live.db)
    visitor = await make_visitor(live.client)
    rid = (await open_room(live.client, visitor["token"]))["_id"]
    other = await make_visitor(live.client)  # a commit: every grant made before it is void
    async with DDPClient(live.ws_url) as widget:
        args = ("stream-notify-room", f"{rid}/typing", visitor["username"], True)
        assert await widget.call(*args, {"token": visitor["token"]}) is True
        assert await widget.call(*args, {"token": visitor["token"]}) is True  # remembered
        frame = await widget.call_raw(*args, {"token": other["token"]})  # another token: checked, refused
        assert frame["error"]["error"] == "error-not-allowed"
        await live.client.post("/api/v1/livechat/visitor", json={"visitor": {"token": "x-commit"}})
        assert await widget.call(*args, {"token": visitor["token"]}) is True  # checked again, still allowed
