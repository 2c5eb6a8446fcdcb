"""livechat/users/agent|manager, livechat/agent.status and livechat/agents/:agentId/departments."""

from __future__ import annotations

import httpx

from agent_chat import FORBIDDEN, create_department, get_json, post_json
from chat import make_agent
from factories import admin_headers, login, make_user
from frontdesk.db.engine import Database

UNAUTHORIZED = {"success": False, "error": "unauthorized"}


async def test_add_get_list_and_remove_agents(client: httpx.AsyncClient, db: Database) -> None:
    h = await admin_headers(client)
    plain = await make_user(db, ["user"], username="zoe")
    res = await client.post("/api/v1/livechat/users/agent", json={"username": "zoe"}, headers=h)
    assert res.status_code == 200
    assert res.json() == {"user": {"_id": plain["id"], "username": "zoe"}, "success": True}
    got = await get_json(client, f"livechat/users/agent/{plain['id']}", h)
    assert got["user"]["_id"] == plain["id"] and got["user"]["statusLivechat"] == "not-available"
    assert (await get_json(client, f"livechat/users/manager/{plain['id']}", h))["user"] is None

    online = await make_agent(client, db)
    listed = await get_json(client, "livechat/users/agent", h)
    assert [u["username"] for u in listed["users"]] == [online["username"]]  # zoe is offline: idle
    everyone = await get_json(
        client, "livechat/users/agent", h, showIdleAgents="true", sort='{"username":-1}'
    )
    assert [u["username"] for u in everyone["users"]] == ["zoe", online["username"]]
    assert everyone["total"] == 2 and everyone["offset"] == 0 and everyone["count"] == 2
    assert everyone["users"][0]["departments"] == []
    only = await get_json(client, "livechat/users/agent", h, showIdleAgents="true", onlyAvailable="true")
    assert [u["_id"] for u in only["users"]] == [online["id"]]
    text = await get_json(client, "livechat/users/agent", h, showIdleAgents="true", text="ZO", count=1)
    assert [u["username"] for u in text["users"]] == ["zoe"] and text["total"] == 1
    excluded = await get_json(client, "livechat/users/agent", h, showIdleAgents="true", excludeId=plain["id"])
    assert plain["id"] not in [u["_id"] for u in excluded["users"]]

    res = await client.delete(f"/api/v1/livechat/users/agent/{plain['id']}", headers=h)
    assert res.json() == {"success": True}
    assert (await get_json(client, f"livechat/users/agent/{plain['id']}", h))["user"] is None


async def test_managers(client: httpx.AsyncClient, db: Database) -> None:
    h = await admin_headers(client)
    user = await make_user(db, ["user"], username="mona")
    await post_json(client, "livechat/users/manager", h, {"username": "mona"})
    listed = await get_json(client, "livechat/users/manager", h)
    assert [u["username"] for u in listed["users"]] == ["mona"]
    assert "statusLivechat" not in listed["users"][0]
    mh = await login(client, "mona", user["password"])
    assert (await get_json(client, "livechat/users/agent", mh))["users"] == []  # may list agents now
    res = await client.delete(f"/api/v1/livechat/users/manager/{user['id']}", headers=h)
    assert res.json() == {"success": True}


async def test_users_errors(client: httpx.AsyncClient, db: Database) -> None:
    h = await admin_headers(client)
    res = await client.post("/api/v1/livechat/users/agent", json={"username": "ghost"}, headers=h)
    assert res.status_code == 400
    assert res.json() == {
        "success": False,
        "error": "Invalid user [error-invalid-user]",
        "errorType": "error-invalid-user",
    }
    res = await client.post("/api/v1/livechat/users/agent", json={"username": ["x"]}, headers=h)
    assert res.json() == {
        "success": False,
        "error": "must be string [invalid-params]",
        "errorType": "invalid-params",
    }
    res = await client.post("/api/v1/livechat/users/agent", json={}, headers=h)
    assert res.json()["error"] == "must have required property 'username' [invalid-params]"
    res = await client.post("/api/v1/livechat/users/wizard", json={"username": "x"}, headers=h)
    assert res.status_code == 400 and res.json()["error"] == "Invalid type"
    res = await client.get("/api/v1/livechat/users/agent", params={"onlyAvailable": "maybe"}, headers=h)
    assert res.json()["error"] == "must be boolean [invalid-params]"
    res = await client.get("/api/v1/livechat/users/agent/nobody", headers=h)
    assert res.status_code == 400 and res.json()["error"] == "User not found"
    res = await client.get("/api/v1/livechat/users/agent")
    assert res.status_code == 401

    agent = await make_agent(client, db)
    ah = agent["headers"]
    res = await client.post("/api/v1/livechat/users/agent", json={"username": agent["username"]}, headers=ah)
    assert res.status_code == 403 and res.json() == FORBIDDEN
    res = await client.get("/api/v1/livechat/users/agent", headers=ah)  # edit-omnichannel-contact
    assert res.status_code == 200
    plain = await make_user(db, ["user"])
    ph = await login(client, plain["username"], plain["password"])
    res = await client.get("/api/v1/livechat/users/agent", headers=ph)
    assert res.status_code == 403 and res.json() == UNAUTHORIZED
    res = await client.get("/api/v1/livechat/users/manager", headers=ah)
    assert res.status_code == 403 and res.json() == UNAUTHORIZED
    res = await client.delete(f"/api/v1/livechat/users/agent/{agent['id']}", headers=ah)
    assert res.status_code == 403 and res.json() == FORBIDDEN


async def test_agent_status(client: httpx.AsyncClient, db: Database) -> None:
    agent = await make_agent(client, db)
    ah = agent["headers"]
    assert await post_json(client, "livechat/agent.status", ah, {}) == {
        "status": "not-available",
        "success": True,
    }
    assert (await post_json(client, "livechat/agent.status", ah, {}))["status"] == "available"
    same = await post_json(client, "livechat/agent.status", ah, {"status": "available"})
    assert same["status"] == "available"
    other = await make_agent(client, db)
    res = await client.post("/api/v1/livechat/agent.status", json={"agentId": other["id"]}, headers=ah)
    assert res.status_code == 403 and res.json() == UNAUTHORIZED
    h = await admin_headers(client)
    body = {"agentId": other["id"], "status": "not-available"}
    assert (await post_json(client, "livechat/agent.status", h, body))["status"] == "not-available"
    got = await get_json(client, f"livechat/users/agent/{other['id']}", h)
    assert got["user"]["statusLivechat"] == "not-available"

    res = await client.post("/api/v1/livechat/agent.status", json={"agentId": "nobody"}, headers=h)
    assert res.status_code == 404 and res.json() == {"success": False, "error": "Agent not found"}
    res = await client.post("/api/v1/livechat/agent.status", json={}, headers=h)  # the admin is no agent
    assert res.status_code == 404
    res = await client.post("/api/v1/livechat/agent.status", json={"status": "busy"}, headers=ah)
    assert res.json()["error"] == "must be equal to one of the allowed values [invalid-params]"
    plain = await make_user(db, ["user"])
    ph = await login(client, plain["username"], plain["password"])
    res = await client.post("/api/v1/livechat/agent.status", json={}, headers=ph)
    assert res.status_code == 403 and res.json() == FORBIDDEN


async def test_agent_departments(client: httpx.AsyncClient, db: Database) -> None:
    agent = await make_agent(client, db)
    sales = await create_department(client, "Sales", agents=(agent["id"],))
    await create_department(client, "Closed", agents=(agent["id"],), enabled=False)
    found = await get_json(client, f"livechat/agents/{agent['id']}/departments", agent["headers"])
    assert sorted(d["departmentName"] for d in found["departments"]) == ["Closed", "Sales"]
    enabled = await get_json(
        client, f"livechat/agents/{agent['id']}/departments", agent["headers"], enabledDepartmentsOnly="true"
    )
    [only] = enabled["departments"]
    assert only["departmentId"] == sales["_id"] and only["agentId"] == agent["id"]
    assert only["username"] == agent["username"] and only["departmentEnabled"] is True
    res = await client.get(
        f"/api/v1/livechat/agents/{agent['id']}/departments", params={"x": "1"}, headers=agent["headers"]
    )
    assert res.json()["errorType"] == "invalid-params"
