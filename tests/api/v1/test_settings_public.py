"""GET settings.public and GET livechat/config/routing: what any client may read to decide what to show."""

from __future__ import annotations

import httpx

from chat import make_agent, set_setting
from frontdesk.db.engine import Database


async def test_settings_public(client: httpx.AsyncClient) -> None:
    res = await client.get(
        "/api/v1/settings.public", params={"_id": "Livechat_request_comment_when_closing_conversation"}
    )
    assert res.status_code == 200, res.text
    body = res.json()
    assert body["settings"] == [{"_id": "Livechat_request_comment_when_closing_conversation", "value": False}]
    assert body["total"] == 1 and body["success"] is True
    await set_setting(client, "Livechat_request_comment_when_closing_conversation", True)
    res = await client.get(
        "/api/v1/settings.public", params={"_id": "Livechat_request_comment_when_closing_conversation"}
    )
    assert res.json()["settings"][0]["value"] is True
    # private settings never show, even when asked for by name
    every = (await client.get("/api/v1/settings.public", params={"count": 0})).json()["settings"]
    ids = {s["_id"] for s in every}
    assert (
        "Livechat_enabled" in ids and "Livechat_Routing_Method" not in ids and "API_Default_Count" not in ids
    )
    res = await client.get("/api/v1/settings.public", params={"_id": "Livechat_Routing_Method"})
    assert res.json()["settings"] == []
    res = await client.get("/api/v1/settings.public", params={"bogus": "1"})
    assert res.status_code == 400 and res.json()["errorType"] == "invalid-params"


async def test_routing_config(client: httpx.AsyncClient, db: Database) -> None:
    agent = await make_agent(client, db)
    res = await client.get("/api/v1/livechat/config/routing", headers=agent["headers"])
    assert res.status_code == 200
    config = res.json()["config"]
    assert (
        config["autoAssignAgent"] is True and config["showQueue"] is False and config["returnQueue"] is False
    )
    await set_setting(client, "Livechat_Routing_Method", "Manual_Selection")
    config = (await client.get("/api/v1/livechat/config/routing", headers=agent["headers"])).json()["config"]
    assert config == {
        "previewRoom": True, "showConnecting": True, "showQueue": True, "showQueueLink": False,
        "returnQueue": True, "enableTriggerAction": False, "autoAssignAgent": False,
    }  # fmt: skip
    assert (await client.get("/api/v1/livechat/config/routing")).status_code == 401
