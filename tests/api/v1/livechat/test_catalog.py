"""Tags and custom fields: saved by method.call, read through livechat/tags and livechat/custom-fields."""

from __future__ import annotations

import httpx

from agent_chat import FORBIDDEN, call_method, create_department, get_json
from chat import make_agent
from factories import admin_headers, login, make_user
from frontdesk.db.engine import Database


async def test_tags(client: httpx.AsyncClient, db: Database) -> None:
    h = await admin_headers(client)
    dep = await create_department(client, "Sales")
    frame = await call_method(
        client, h, "livechat:saveTag", None, {"name": "vip", "description": "Big"}, [dep["_id"]]
    )
    tag = frame["result"]
    assert tag["name"] == "vip" and tag["numDepartments"] == 1 and tag["departments"] == [dep["_id"]]
    await call_method(client, h, "livechat:saveTag", None, {"name": "general"}, [])
    listed = await get_json(client, "livechat/tags", h, text="")
    assert [t["name"] for t in listed["tags"]] == ["general", "vip"] and listed["total"] == 2
    assert [t["name"] for t in (await get_json(client, "livechat/tags", h, text="VI"))["tags"]] == ["vip"]
    other = await create_department(client, "Other")
    scoped = await get_json(client, "livechat/tags", h, text="", department=other["_id"])
    assert [t["name"] for t in scoped["tags"]] == ["general"]
    one = await get_json(client, f"livechat/tags/{tag['_id']}", h)
    assert one["name"] == "vip" and one["success"] is True
    assert await get_json(client, "livechat/tags/nope", h) == {"success": True}

    renamed = await call_method(
        client, h, "livechat:saveTag", tag["_id"], {"name": "VIP", "description": ""}, None
    )
    assert renamed["result"]["_id"] == tag["_id"] and renamed["result"]["departments"] == []
    dup = await call_method(client, h, "livechat:saveTag", None, {"name": "general"}, [])
    assert dup["error"]["error"] == "error-duplicated-tag"
    res = await client.get("/api/v1/livechat/tags", headers=h)
    assert res.json()["error"] == "must have required property 'text' [invalid-params]"
    agent = await make_agent(client, db)
    denied = await call_method(client, agent["headers"], "livechat:saveTag", None, {"name": "x"}, [])
    assert denied["error"] == {
        "isClientSafe": True,
        "error": "error-not-allowed",
        "reason": "Not allowed",
        "details": {"method": "livechat:saveTag"},
        "message": "Not allowed [error-not-allowed]",
        "errorType": "Meteor.Error",
    }
    assert (await get_json(client, "livechat/tags", agent["headers"], text=""))["total"] == 2
    plain = await make_user(db, ["user"])
    ph = await login(client, plain["username"], plain["password"])
    res = await client.get("/api/v1/livechat/tags", params={"text": ""}, headers=ph)
    assert res.status_code == 403 and res.json() == FORBIDDEN


async def test_custom_fields(client: httpx.AsyncClient, db: Database) -> None:
    h = await admin_headers(client)
    data = {"field": "plan", "label": "Plan", "scope": "room", "visibility": "visible", "regexp": "^[a-z]+$"}
    saved = (await call_method(client, h, "livechat:saveCustomField", None, data))["result"]
    assert saved["_id"] == "plan" and saved["label"] == "Plan" and "field" not in saved
    await call_method(
        client,
        h,
        "livechat:saveCustomField",
        None,
        {"field": "age", "label": "Age", "scope": "visitor", "visibility": "hidden"},
    )
    listed = await get_json(client, "livechat/custom-fields", h)
    assert [f["_id"] for f in listed["customFields"]] == ["age", "plan"] and listed["total"] == 2
    assert [
        f["_id"] for f in (await get_json(client, "livechat/custom-fields", h, text="pla"))["customFields"]
    ] == ["plan"]
    one = await get_json(client, "livechat/custom-fields/plan", h)
    assert one["customField"]["scope"] == "room"
    assert (await get_json(client, "livechat/custom-fields/nope", h))["customField"] is None

    updated = await call_method(client, h, "livechat:saveCustomField", "plan", {**data, "label": "Tier"})
    assert updated["result"]["label"] == "Tier"
    again = await call_method(client, h, "livechat:saveCustomField", None, data)
    assert again["error"]["error"] == "error-custom-field-name-already-exists"
    missing = await call_method(client, h, "livechat:saveCustomField", "nope", data)
    assert missing["error"]["error"] == "error-invalid-custom-field"
    bad = await call_method(client, h, "livechat:saveCustomField", None, {**data, "field": "no spaces"})
    assert bad["error"]["error"] == "error-invalid-custom-field-nmae"
    agent = await make_agent(client, db)
    denied = await call_method(client, agent["headers"], "livechat:saveCustomField", None, data)
    assert denied["error"]["error"] == "error-not-allowed"
    res = await client.get("/api/v1/livechat/custom-fields", params={"count": "x"}, headers=h)
    assert res.json()["error"] == "must be number [invalid-params]"
