"""DDP over /websocket against a real server: login, subscriptions, delivery of REST writes, access rules."""

from __future__ import annotations

import time

import pytest

from chat import make_agent, make_visitor, open_room, send_visitor_message, set_setting
from frontdesk.clock import Clock
from frontdesk.services import livechat_messages
from realtime.ddp_client import DDPClient, DDPError, visitor_args

pytestmark = pytest.mark.asyncio


async def test_connect_and_ping_both_ways(live) -> None:
    async with DDPClient(live.ws_url) as ddp:
        assert ddp.frames[0] == {"server_id": "0"}
        assert ddp.frames[1]["msg"] == "connected" and ddp.frames[1]["session"]
        fut = ddp._future("p1")
        await ddp.send({"msg": "ping", "id": "p1"})
        assert (await fut) == {"msg": "pong", "id": "p1"}
        await ddp.send({"msg": "ping"})
        await ddp.call_raw("rooms/get")  # frames are answered in order: the pong came first
        assert {"msg": "pong"} in ddp.frames


async def test_login_by_password_digest_and_by_resume_token(live) -> None:
    agent = await make_agent(live.client, live.db)
    async with DDPClient(live.ws_url) as ddp:
        assert await ddp.login(agent["username"], agent["password"]) == agent["id"]
        frame = await ddp.call_raw("rooms/get")
        assert frame["result"] == []
        assert {"msg": "updated", "methods": [frame["id"]]} in ddp.frames or True
    async with DDPClient(live.ws_url) as ddp:
        token = agent["headers"]["X-Auth-Token"]
        result = await ddp.call("login", {"resume": token})
        assert result["id"] == agent["id"] and result["token"] == token and result["type"] == "resume"
        assert isinstance(result["tokenExpires"]["$date"], int)
    async with DDPClient(live.ws_url) as ddp:
        with pytest.raises(DDPError) as refused:
            await ddp.login(agent["username"], "wrong")
        assert refused.value.error["error"] == 403
        with pytest.raises(DDPError):
            await ddp.call("login", {"resume": "not-a-token"})


async def test_agent_receives_visitor_rest_message_within_a_second(live) -> None:
    agent = await make_agent(live.client, live.db)
    visitor = await make_visitor(live.client)
    room = await open_room(live.client, visitor["token"])
    assert room["servedBy"]["_id"] == agent["id"]
    async with DDPClient(live.ws_url) as ddp:
        await ddp.login(agent["username"], agent["password"])
        ready = await ddp.sub("stream-room-messages", room["_id"], {"useCollection": False, "args": []})
        assert ready["msg"] == "ready"
        started = time.perf_counter()
        sent = await send_visitor_message(live.client, visitor["token"], room["_id"], "hello from the widget")
        frame = await ddp.next_changed("stream-room-messages", timeout=1.0)
        assert time.perf_counter() - started < 1.0
    assert frame["id"] == "id" and frame["fields"]["eventName"] == room["_id"]
    message = frame["fields"]["args"][0]
    assert message["_id"] == sent["_id"] and message["msg"] == "hello from the widget"
    assert message["u"]["_id"] == visitor["_id"] and message["rid"] == room["_id"]
    assert isinstance(message["ts"]["$date"], int)  # EJSON dates on DDP, ISO strings on REST
    assert sent["ts"].endswith("Z")


async def test_visitor_receives_agent_message_within_a_second(live) -> None:
    agent = await make_agent(live.client, live.db)
    visitor = await make_visitor(live.client)
    room = await open_room(live.client, visitor["token"])
    async with DDPClient(live.ws_url) as widget, DDPClient(live.ws_url) as agent_ddp:
        await widget.call("livechat:setUpConnection", {"token": visitor["token"]})
        for _ in range(2):  # the widget subscribes twice; duplicates are fine and deliver once
            assert (await widget.sub("stream-room-messages", room["_id"], visitor_args(visitor["token"])))[
                "msg"
            ] == "ready"
        await agent_ddp.login(agent["username"], agent["password"])
        started = time.perf_counter()
        result = await agent_ddp.call(
            "sendMessage", {"_id": "a1b2c3d4e5f6", "rid": room["_id"], "msg": "agent reply"}
        )
        assert result["_id"] == "a1b2c3d4e5f6" and isinstance(result["ts"]["$date"], int)
        frame = await widget.next_changed("stream-room-messages", timeout=1.0)
        assert time.perf_counter() - started < 1.0
        assert frame["fields"]["args"][0]["msg"] == "agent reply"
        assert frame["fields"]["args"][0]["u"]["_id"] == agent["id"]
        # and by REST too (chat.sendMessage)
        res = await live.client.post(
            "/api/v1/chat.sendMessage",
            json={"message": {"rid": room["_id"], "msg": "by rest"}},
            headers=agent["headers"],
        )
        assert res.status_code == 200, res.text
        frame = await widget.next_changed("stream-room-messages", timeout=1.0)
        assert frame["fields"]["args"][0]["msg"] == "by rest"
        with pytest.raises(TimeoutError):  # one frame per event, not one per duplicate subscription
            await widget.next_changed("stream-room-messages", timeout=0.2)


async def test_visitor_cannot_subscribe_to_another_visitors_room(live) -> None:
    await make_agent(live.client, live.db)
    owner, intruder = await make_visitor(live.client), await make_visitor(live.client)
    room = await open_room(live.client, owner["token"])
    async with DDPClient(live.ws_url) as ddp:
        await ddp.call("livechat:setUpConnection", {"token": intruder["token"]})
        for stream, name in (
            ("stream-room-messages", room["_id"]),
            ("stream-livechat-room", room["_id"]),
            ("stream-notify-room", f"{room['_id']}/typing"),
        ):
            frame = await ddp.sub(stream, name, visitor_args(intruder["token"]))
            assert frame["msg"] == "nosub"
            assert frame["error"]["error"] == "not-allowed"
        frame = await ddp.sub("stream-room-messages", "no-such-room", visitor_args(intruder["token"]))
        assert frame["msg"] == "nosub" and "error" in frame
        with pytest.raises(DDPError):  # nor pretend to type there
            await ddp.call(
                "stream-notify-room", f"{room['_id']}/typing", "guest", True, {"token": intruder["token"]}
            )


async def test_agent_needs_room_access_and_own_user_stream(live) -> None:
    serving = await make_agent(live.client, live.db)
    visitor = await make_visitor(live.client)
    room = await open_room(live.client, visitor["token"])
    other = await make_agent(live.client, live.db)
    async with DDPClient(live.ws_url) as ddp:
        await ddp.login(other["username"], other["password"])
        assert (await ddp.sub("stream-room-messages", room["_id"], {}))["msg"] == "nosub"
        assert (await ddp.sub("stream-notify-user", f"{serving['id']}/rooms-changed", False))[
            "msg"
        ] == "nosub"
        assert (await ddp.sub("stream-notify-user", f"{other['id']}/rooms-changed", False))["msg"] == "ready"
    async with DDPClient(live.ws_url) as ddp:  # not logged in, no token
        assert (await ddp.sub("stream-room-messages", room["_id"], {}))["msg"] == "nosub"


async def test_rolled_back_write_sends_nothing(live) -> None:
    await make_agent(live.client, live.db)
    visitor = await make_visitor(live.client)
    room = await open_room(live.client, visitor["token"])
    async with DDPClient(live.ws_url) as ddp:
        await ddp.sub("stream-room-messages", room["_id"], visitor_args(visitor["token"]))
        with pytest.raises(RuntimeError):
            async with live.db.session() as db:
                now = Clock().now_ms()
                await livechat_messages.check_visitor_message(
                    db, visitor["token"], room["_id"], "never", None, now
                )
                raise RuntimeError("the transaction fails after the message was written")
        await send_visitor_message(live.client, visitor["token"], room["_id"], "committed")
        frame = await ddp.next_changed("stream-room-messages", timeout=1.0)
        assert frame["fields"]["args"][0]["msg"] == "committed"
        with pytest.raises(TimeoutError):
            await ddp.next_changed("stream-room-messages", timeout=0.2)
    history = await live.client.get(
        f"/api/v1/livechat/messages.history/{room['_id']}", params={"token": visitor["token"]}
    )
    assert "never" not in [m["msg"] for m in history.json()["messages"]]


async def test_typing_goes_both_ways(live) -> None:
    agent = await make_agent(live.client, live.db)
    visitor = await make_visitor(live.client)
    room = await open_room(live.client, visitor["token"])
    rid = room["_id"]
    async with DDPClient(live.ws_url) as widget, DDPClient(live.ws_url) as agent_ddp:
        await widget.call("livechat:setUpConnection", {"token": visitor["token"]})
        await widget.sub("stream-notify-room", f"{rid}/typing", visitor_args(visitor["token"]))
        await agent_ddp.login(agent["username"], agent["password"])
        await agent_ddp.sub("stream-notify-room", f"{rid}/typing", {})
        await agent_ddp.sub("stream-notify-room", f"{rid}/user-activity", {})
        assert await widget.call(
            "stream-notify-room", f"{rid}/typing", visitor["username"], True, {"token": visitor["token"]}
        )
        seen = {(await agent_ddp.next_changed())["fields"]["eventName"] for _ in range(2)}
        assert seen == {f"{rid}/typing", f"{rid}/user-activity"}
        await agent_ddp.call(
            "stream-notify-room", f"{rid}/user-activity", agent["username"], ["user-typing"], {}
        )
        own = await widget.next_changed("stream-notify-room")  # the visitor's own typing comes back too
        assert own["fields"]["args"] == [visitor["username"], True]
        frame = await widget.next_changed("stream-notify-room")
        assert frame["fields"]["args"] == [agent["username"], True]


async def test_queue_position_agent_data_and_close_reach_the_visitor(live) -> None:
    await set_setting(live.client, "Livechat_Routing_Method", "Manual_Selection")
    agent = await make_agent(live.client, live.db)
    first, second = await make_visitor(live.client), await make_visitor(live.client)
    room1 = await open_room(live.client, first["token"])
    room2 = await open_room(live.client, second["token"])
    assert "servedBy" not in room2
    async with DDPClient(live.ws_url) as widget, DDPClient(live.ws_url) as agent_ddp:
        await widget.call("livechat:setUpConnection", {"token": second["token"]})
        for stream in ("stream-livechat-room", "stream-room-messages"):
            await widget.sub(stream, room2["_id"], visitor_args(second["token"]))
        await agent_ddp.login(agent["username"], agent["password"])
        await agent_ddp.sub("stream-notify-user", f"{agent['id']}/subscriptions-changed", False)
        await agent_ddp.sub("stream-notify-user", f"{agent['id']}/rooms-changed", False)

        inquiry = (
            await live.client.get(
                "/api/v1/livechat/inquiries.getOne", params={"roomId": room1["_id"]}, headers=agent["headers"]
            )
        ).json()["inquiry"]
        res = await live.client.post(
            "/api/v1/livechat/inquiries.take", json={"inquiryId": inquiry["_id"]}, headers=agent["headers"]
        )
        assert res.status_code == 200, res.text
        queue = await widget.next_changed("stream-livechat-room")
        assert queue["fields"]["args"][0] == {
            "type": "queueData",
            "data": {"spot": 1, "estimatedWaitTimeSeconds": 0},
        }
        sub_changed = await agent_ddp.next_changed(event_name=f"{agent['id']}/subscriptions-changed")
        assert sub_changed["fields"]["args"][0] == "inserted"
        assert sub_changed["fields"]["args"][1]["rid"] == room1["_id"]

        inquiry = (
            await live.client.get(
                "/api/v1/livechat/inquiries.getOne", params={"roomId": room2["_id"]}, headers=agent["headers"]
            )
        ).json()["inquiry"]
        await live.client.post(
            "/api/v1/livechat/inquiries.take", json={"inquiryId": inquiry["_id"]}, headers=agent["headers"]
        )
        data = await widget.next_changed("stream-livechat-room")
        assert data["fields"]["args"][0]["type"] == "agentData"
        assert data["fields"]["args"][0]["data"]["username"] == agent["username"]

        res = await live.client.post(
            "/api/v1/livechat/room.closeByUser",
            json={"rid": room2["_id"], "comment": "bye"},
            headers=agent["headers"],
        )
        assert res.status_code == 200, res.text
        kinds = []
        while "livechat-close" not in kinds:
            frame = await widget.next_changed("stream-room-messages")
            kinds.append(frame["fields"]["args"][0].get("t"))
        assert "command" in kinds  # `connected`, which clears the widget's "connecting" state


async def test_unsub_answers_nosub_and_stops_delivery(live) -> None:
    await make_agent(live.client, live.db)
    visitor = await make_visitor(live.client)
    room = await open_room(live.client, visitor["token"])
    async with DDPClient(live.ws_url) as ddp:
        ready = await ddp.sub("stream-room-messages", room["_id"], visitor_args(visitor["token"]))
        sub_id = ready["subs"][0]
        fut = ddp._future(sub_id)
        await ddp.send({"msg": "unsub", "id": sub_id})
        assert (await fut) == {"msg": "nosub", "id": sub_id}
        await send_visitor_message(live.client, visitor["token"], room["_id"], "unheard")
        with pytest.raises(TimeoutError):
            await ddp.next_changed(timeout=0.3)


async def test_an_event_during_the_access_check_arrives_after_ready(live, monkeypatch) -> None:
    """The widget unsubscribes and subscribes again after its first message: what is published while the
    new subscription's access check reads the database is sent once the check passes, not lost."""
    import asyncio

    from frontdesk.realtime import ddp as ddp_module

    await make_agent(live.client, live.db)
    visitor = await make_visitor(live.client)
    room = await open_room(live.client, visitor["token"])
    checking, release = asyncio.Event(), asyncio.Event()
    real_check = ddp_module.check_subscription

    async def slow_check(*args, **kwargs):  # type: ignore[no-untyped-def]
        checking.set()
        await release.wait()
        return await real_check(*args, **kwargs)

    monkeypatch.setattr(ddp_module, "check_subscription", slow_check)
    async with DDPClient(live.ws_url) as ddp:
        ready = asyncio.create_task(
            ddp.sub("stream-room-messages", room["_id"], visitor_args(visitor["token"]))
        )
        await asyncio.wait_for(checking.wait(), 5)
        await send_visitor_message(live.client, visitor["token"], room["_id"], "while checking")
        release.set()
        await ready
        changed = await ddp.next_changed(timeout=5)
        assert changed["fields"]["args"][0]["msg"] == "while checking"
        with pytest.raises(TimeoutError):
            await ddp.next_changed(timeout=0.3)  # once
