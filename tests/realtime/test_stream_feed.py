"""Domain events reach the DDP streams alike whichever door caused them; refused methods send nothing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from agent_chat import call_method
from chat import make_agent, make_visitor, open_room
from frontdesk.errors import MeteorError
from frontdesk.events.presence import AgentAvailabilityChanged
from frontdesk.services import livechat_messages, methods
from realtime.ddp_client import DDPClient, visitor_args

pytestmark = pytest.mark.asyncio


@pytest.fixture
def refused_after_writing() -> Iterator[str]:
    """A method that writes a message, then refuses (as a check that comes late would)."""

    async def handler(db: Any, user: Any, params: list[Any], now: int) -> Any:
        await livechat_messages.check_agent_message(db, user, params[0], "never seen", None, now)
        raise MeteorError("error-not-allowed", "Not allowed")

    methods.METHODS["test:refusedAfterWriting"] = methods.Method(handler)
    yield "test:refusedAfterWriting"
    del methods.METHODS["test:refusedAfterWriting"]


async def test_a_refused_method_call_publishes_nothing(live, refused_after_writing: str) -> None:
    agent = await make_agent(live.client, live.db)
    visitor = await make_visitor(live.client)
    room = await open_room(live.client, visitor["token"])
    async with DDPClient(live.ws_url) as widget:
        await widget.sub("stream-room-messages", room["_id"], visitor_args(visitor["token"]))
        frame = await call_method(live.client, agent["headers"], refused_after_writing, room["_id"])
        assert frame["error"]["error"] == "error-not-allowed"
        res = await live.client.post(
            "/api/v1/chat.sendMessage",
            json={"message": {"rid": room["_id"], "msg": "seen"}},
            headers=agent["headers"],
        )
        assert res.status_code == 200, res.text
        changed = await widget.next_changed("stream-room-messages", timeout=1.0)
        assert changed["fields"]["args"][0]["msg"] == "seen"
    history = await live.client.get(
        f"/api/v1/livechat/messages.history/{room['_id']}", params={"token": visitor["token"]}
    )
    assert "never seen" not in [m["msg"] for m in history.json()["messages"]]


async def test_presence_reaches_the_visitor_whichever_door_changed_it(live) -> None:
    agent = await make_agent(live.client, live.db)
    visitor = await make_visitor(live.client)
    room = await open_room(live.client, visitor["token"])
    async with DDPClient(live.ws_url) as widget, DDPClient(live.ws_url) as agent_ddp:
        await widget.sub("stream-livechat-room", room["_id"], visitor_args(visitor["token"]))
        res = await live.client.post(
            "/api/v1/users.setStatus", json={"status": "away"}, headers=agent["headers"]
        )
        assert res.status_code == 200, res.text
        by_rest = await widget.next_changed("stream-livechat-room", timeout=1.0)
        await agent_ddp.login(agent["username"], agent["password"])
        assert await agent_ddp.call("UserPresence:online") is True
        by_ddp = await widget.next_changed("stream-livechat-room", timeout=1.0)
    assert by_rest["fields"]["args"] == [{"type": "agentStatus", "status": "away"}]
    assert by_ddp["fields"]["args"] == [{"type": "agentStatus", "status": "online"}]


async def test_availability_is_the_same_event_from_rest_and_ddp(live) -> None:
    agent = await make_agent(live.client, live.db)
    heard: list[Any] = []

    async def record(events: Any) -> None:
        heard.extend(e for e in events if isinstance(e, AgentAvailabilityChanged))

    live.app.state.events.subscribe(record)
    res = await live.client.post(
        "/api/v1/livechat/agent.status", json={"status": "not-available"}, headers=agent["headers"]
    )
    assert res.status_code == 200, res.text
    async with DDPClient(live.ws_url) as ddp:
        await ddp.login(agent["username"], agent["password"])
        assert await ddp.call("livechat:changeLivechatStatus", {"status": "available"}) is True
    assert heard == [
        AgentAvailabilityChanged(agent["id"], "not-available"),
        AgentAvailabilityChanged(agent["id"], "available"),
    ]
