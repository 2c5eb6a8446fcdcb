"""livechat/department CRUD with agents, and livechat:saveDepartment through method.call."""

from __future__ import annotations

import httpx

from agent_chat import FORBIDDEN, call_method, create_department, get_json, post_json, served_room
from chat import make_agent, room_info, set_setting
from factories import admin_headers, login, make_user
from frontdesk.db.engine import Database


async def test_create_read_list_update(client: httpx.AsyncClient, db: Database) -> None:
    agent = await make_agent(client, db)
    h = await admin_headers(client)
    body = {
        "department": {
            "name": "Sales",
            "enabled": True,
            "showOnRegistration": True,
            "showOnOfflineForm": False,
            "email": "s@x.io",
            "color": "red",
        },
        "agents": [{"agentId": agent["id"], "count": 2}],
    }
    created = await post_json(client, "livechat/department", h, body)
    dep = created["department"]
    assert dep["name"] == "Sales" and dep["numAgents"] == 1 and dep["type"] == "d" and dep["color"] == "red"
    [member] = created["agents"]
    assert member["agentId"] == agent["id"] and member["count"] == 2 and member["departmentId"] == dep["_id"]
    await create_department(client, "Billing", enabled=False)

    got = await get_json(client, f"livechat/department/{dep['_id']}", h, includeAgents="true")
    assert got["department"]["_id"] == dep["_id"] and [a["agentId"] for a in got["agents"]] == [agent["id"]]
    assert "agents" not in await get_json(
        client, f"livechat/department/{dep['_id']}", agent["headers"], includeAgents="true"
    )
    assert (await get_json(client, "livechat/department/nope", h))["department"] is None

    listed = await get_json(client, "livechat/department", h)
    assert [d["name"] for d in listed["departments"]] == ["Billing", "Sales"] and listed["total"] == 2
    enabled = await get_json(client, "livechat/department", h, enabled="true", text="sal")
    assert [d["name"] for d in enabled["departments"]] == ["Sales"]
    mine = await get_json(client, "livechat/department", agent["headers"], onlyMyDepartments="true")
    assert [d["name"] for d in mine["departments"]] == ["Sales"]
    paged = await get_json(client, "livechat/department", h, count=1, offset=1, sort='{"name":-1}')
    assert [d["name"] for d in paged["departments"]] == ["Billing"] and paged["total"] == 2

    update = {"department": {**body["department"], "name": "Sales EU"}, "agents": []}
    res = await client.put(f"/api/v1/livechat/department/{dep['_id']}", json=update, headers=h)
    assert res.status_code == 200 and res.json()["department"]["name"] == "Sales EU"
    res = await client.put("/api/v1/livechat/department/nope", json=update, headers=h)
    assert res.json()["errorType"] == "error-department-not-found"

    other = await make_agent(client, db)
    members = {
        "upsert": [{"agentId": other["id"], "username": other["username"]}],
        "remove": [{"agentId": agent["id"], "username": agent["username"]}],
    }
    await post_json(client, f"livechat/department/{dep['_id']}/agents", h, members)
    agents = await get_json(client, f"livechat/department/{dep['_id']}/agents", h)
    assert [a["agentId"] for a in agents["agents"]] == [other["id"]] and agents["total"] == 1
    assert (await get_json(client, f"livechat/department/{dep['_id']}", h))["department"]["numAgents"] == 1
    res = await client.post("/api/v1/livechat/department/nope/agents", json=members, headers=h)
    assert res.json()["errorType"] == "error-department-not-found"
    res = await client.post(
        f"/api/v1/livechat/department/{dep['_id']}/agents", json={"upsert": []}, headers=h
    )
    assert res.json()["error"] == "must have required property 'remove' [invalid-params]"


async def test_department_rules_and_permissions(client: httpx.AsyncClient, db: Database) -> None:
    h = await admin_headers(client)
    base = {
        "name": "X",
        "enabled": True,
        "showOnRegistration": True,
        "showOnOfflineForm": True,
        "email": "x@x.io",
    }
    res = await client.post("/api/v1/livechat/department", json={"department": {"name": "X"}}, headers=h)
    assert res.json()["error"] == "must have required property 'email' [invalid-params]"
    res = await client.post(
        "/api/v1/livechat/department", json={"department": {**base, "enabled": "yes"}}, headers=h
    )
    assert res.json()["error"] == "must be boolean [invalid-params]"
    res = await client.post(
        "/api/v1/livechat/department",
        json={"department": {**base, "requestTagBeforeClosingChat": True}},
        headers=h,
    )
    assert res.json()["errorType"] == "error-validating-department-chat-closing-tags"
    res = await client.post(
        "/api/v1/livechat/department",
        json={"department": {**base, "fallbackForwardDepartment": "nope"}},
        headers=h,
    )
    assert res.json()["errorType"] == "error-fallback-department-not-found"
    agent = await make_agent(client, db)
    res = await client.post(
        "/api/v1/livechat/department", json={"department": base}, headers=agent["headers"]
    )
    assert res.status_code == 403 and res.json() == FORBIDDEN
    assert (await get_json(client, "livechat/department", agent["headers"]))["total"] == 0  # view-l-room
    plain = await make_user(db, ["user"])
    ph = await login(client, plain["username"], plain["password"])
    res = await client.get("/api/v1/livechat/department", headers=ph)
    assert res.status_code == 403 and res.json() == FORBIDDEN
    res = await client.get("/api/v1/livechat/department", params={"onlyMyDepartments": "yes"}, headers=h)
    assert res.json()["error"] == "must be equal to one of the allowed values [invalid-params]"


async def test_delete_department(client: httpx.AsyncClient, db: Database) -> None:
    chat = await served_room(client, db)
    dep = await create_department(client, "Gone", agents=(chat["agent"]["id"],))
    h = await admin_headers(client)
    res = await client.post(
        "/api/v1/livechat/room.forward", json={"roomId": chat["rid"], "departmentId": dep["_id"]}, headers=h
    )  # only the serving agent is online there
    assert res.json()["error"] == "error-no-agents-online-in-department"
    helper = await make_agent(client, db)
    await post_json(
        client,
        f"livechat/department/{dep['_id']}/agents",
        h,
        {"upsert": [{"agentId": helper["id"], "username": helper["username"]}], "remove": []},
    )
    await post_json(client, "livechat/room.forward", h, {"roomId": chat["rid"], "departmentId": dep["_id"]})
    res = await client.delete(f"/api/v1/livechat/department/{dep['_id']}", headers=h)
    assert res.status_code == 400 and res.json()["errorType"] == "department-removal-disabled"
    await set_setting(client, "Omnichannel_enable_department_removal", True)
    res = await client.delete(f"/api/v1/livechat/department/{dep['_id']}", headers=helper["headers"])
    assert res.status_code == 403
    assert (await client.delete(f"/api/v1/livechat/department/{dep['_id']}", headers=h)).json() == {
        "success": True
    }
    assert (await get_json(client, f"livechat/department/{dep['_id']}", h))["department"] is None
    assert "departmentId" not in await room_info(client, chat["rid"])
    res = await client.delete(f"/api/v1/livechat/department/{dep['_id']}", headers=h)
    assert res.json()["errorType"] == "department-not-found"


async def test_save_department_method(client: httpx.AsyncClient, db: Database) -> None:
    agent = await make_agent(client, db)
    h = await admin_headers(client)
    data = {
        "name": "Ops",
        "enabled": True,
        "showOnRegistration": True,
        "showOnOfflineForm": True,
        "email": "o@x.io",
    }
    frame = await call_method(client, h, "livechat:saveDepartment", None, data, [{"agentId": agent["id"]}])
    saved = frame["result"]
    assert frame["msg"] == "result" and frame["id"] == "7" and saved["name"] == "Ops"
    assert saved["_updatedAt"] == {"$date": saved["_updatedAt"]["$date"]} and saved["numAgents"] == 1
    frame = await call_method(
        client, h, "livechat:saveDepartment", saved["_id"], {**data, "name": "Ops 2"}, []
    )
    assert frame["result"]["name"] == "Ops 2"
    denied = await call_method(client, agent["headers"], "livechat:saveDepartment", None, data, [])
    assert denied["error"]["error"] == "error-not-allowed" and "result" not in denied
    bad = await call_method(client, h, "livechat:saveDepartment", None, "nope", [])
    assert bad["error"]["error"] == 400 and bad["error"]["reason"] == "Match failed"
