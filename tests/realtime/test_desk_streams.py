"""The events the desk lives on: unread counts, the agent's own status, the queue's first message."""

from __future__ import annotations

import pytest

from chat import make_agent, make_visitor, open_room, send_visitor_message, set_setting
from realtime.ddp_client import DDPClient

pytestmark = pytest.mark.asyncio


async def _until(ddp: DDPClient, event: str, check=lambda args: True) -> list:  # type: ignore[no-untyped-def]
    for _ in range(20):
        frame = await ddp.next_changed(timeout=2.0)
        if frame["fields"]["eventName"] == event and check(frame["fields"]["args"]):
            return list(frame["fields"]["args"])
    raise AssertionError(f"no {event}")


async def test_unread_count_and_read_reach_the_agent(live) -> None:
    agent = await make_agent(live.client, live.db)
    visitor = await make_visitor(live.client)
    room = await open_room(live.client, visitor["token"])
    async with DDPClient(live.ws_url) as ddp:
        await ddp.login(agent["username"], agent["password"])
        await ddp.sub("stream-notify-user", f"{agent['id']}/subscriptions-changed", False)
        await send_visitor_message(live.client, visitor["token"], room["_id"], "hello?")
        kind, sub = await _until(ddp, f"{agent['id']}/subscriptions-changed")
        assert kind == "updated" and sub["rid"] == room["_id"] and sub["unread"] >= 1 and sub["alert"] is True
        await ddp.call("readMessages", room["_id"])
        kind, sub = await _until(ddp, f"{agent['id']}/subscriptions-changed", lambda a: a[1]["unread"] == 0)
        assert sub["alert"] is False


async def test_own_status_changes_reach_every_client_of_the_user(live) -> None:
    agent = await make_agent(live.client, live.db)
    async with DDPClient(live.ws_url) as ddp:
        await ddp.login(agent["username"], agent["password"])
        await ddp.sub("stream-notify-user", f"{agent['id']}/userData", False)
        res = await live.client.post(
            "/api/v1/livechat/agent.status", json={"status": "not-available"}, headers=agent["headers"]
        )
        assert res.status_code == 200, res.text
        (data,) = await _until(ddp, f"{agent['id']}/userData")
        assert data["type"] == "updated" and data["diff"] == {"statusLivechat": "not-available"}
        res = await live.client.post(
            "/api/v1/users.setStatus", json={"status": "away", "message": ""}, headers=agent["headers"]
        )
        (data,) = await _until(ddp, f"{agent['id']}/userData")
        assert data["diff"]["status"] == "away"


async def test_queue_shows_the_first_message(live) -> None:
    await set_setting(live.client, "Livechat_Routing_Method", "Manual_Selection")
    agent = await make_agent(live.client, live.db)
    visitor = await make_visitor(live.client)
    room = await open_room(live.client, visitor["token"])
    async with DDPClient(live.ws_url) as ddp:
        await ddp.login(agent["username"], agent["password"])
        await ddp.sub("stream-livechat-inquiry-queue-observer", "public", False)
        await send_visitor_message(live.client, visitor["token"], room["_id"], "My parcel never came")
        await send_visitor_message(live.client, visitor["token"], room["_id"], "Order 42")
        (change,) = await _until(
            ddp, "public", lambda a: a[0].get("lastMessage", {}).get("msg") == "Order 42"
        )
        assert change["type"] == "changed" and change["message"] == "My parcel never came"
    res = await live.client.get("/api/v1/livechat/inquiries.queuedForUser", headers=agent["headers"])
    (inquiry,) = res.json()["inquiries"]
    assert inquiry["message"] == "My parcel never came" and inquiry["lastMessage"]["msg"] == "Order 42"


async def test_return_as_inquiry_rest(live) -> None:
    await set_setting(live.client, "Livechat_Routing_Method", "Manual_Selection")
    agent = await make_agent(live.client, live.db)
    visitor = await make_visitor(live.client)
    room = await open_room(live.client, visitor["token"])
    inquiry = (await live.client.get("/api/v1/livechat/inquiries.getOne", params={"roomId": room["_id"]},
                                     headers=agent["headers"])).json()["inquiry"]  # fmt: skip
    res = await live.client.post(
        "/api/v1/livechat/inquiries.take", json={"inquiryId": inquiry["_id"]}, headers=agent["headers"]
    )
    assert res.status_code == 200, res.text
    path = "/api/v1/livechat/inquiries.returnAsInquiry"
    res = await live.client.post(path, json={"roomId": room["_id"]}, headers=agent["headers"])
    assert res.status_code == 200 and res.json() == {"result": True, "success": True}
    res = await live.client.post(path, json={"roomId": room["_id"]}, headers=agent["headers"])
    assert res.json() == {"result": False, "success": True}  # nobody serves it any more
    res = await live.client.post(path, json={"roomId": "nope"}, headers=agent["headers"])
    assert res.status_code == 400 and res.json()["errorType"] == "error-invalid-room"
    res = await live.client.post(path, json={}, headers=agent["headers"])
    assert res.status_code == 400 and res.json()["errorType"] == "invalid-params"
