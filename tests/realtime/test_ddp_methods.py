"""The websocket's own methods go through the same services, and rules, as their REST doors."""

from __future__ import annotations

import pytest

from chat import make_agent
from factories import login, make_user
from realtime.ddp_client import DDPClient, DDPError

pytestmark = pytest.mark.asyncio


async def test_change_livechat_status_toggles_an_agent_and_refuses_others(live) -> None:
    agent = await make_agent(live.client, live.db)
    plain = await make_user(live.db, ["user"])
    async with DDPClient(live.ws_url) as ddp:
        await ddp.login(agent["username"], agent["password"])
        assert await ddp.call("livechat:changeLivechatStatus") is True
        me = await live.client.get("/api/v1/me", headers=agent["headers"])
        assert me.json()["statusLivechat"] == "not-available"
        assert await ddp.call("livechat:changeLivechatStatus", {"status": "available"}) is True
        me = await live.client.get("/api/v1/me", headers=agent["headers"])
        assert me.json()["statusLivechat"] == "available"
    async with DDPClient(live.ws_url) as ddp:
        await ddp.login(plain["username"], plain["password"])
        with pytest.raises(DDPError):  # as REST livechat/agent.status: only agents have a livechat status
            await ddp.call("livechat:changeLivechatStatus", {"status": "available"})


async def test_agent_departments_need_view_l_room(live) -> None:
    agent = await make_agent(live.client, live.db)
    plain = await make_user(live.db, ["user"])
    headers = await login(live.client, plain["username"], plain["password"])
    res = await live.client.get(f"/api/v1/livechat/agents/{agent['id']}/departments", headers=headers)
    assert res.status_code == 403, res.text
    res = await live.client.get(
        f"/api/v1/livechat/agents/{agent['id']}/departments", headers=agent["headers"]
    )
    assert res.status_code == 200 and res.json()["departments"] == []
