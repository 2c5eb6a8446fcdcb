"""roles.list, roles.addUserToRole and roles.removeUserFromRole: what an administrator assigns, and the
livechat roles' side effects kept (a new agent's availability; a removed agent leaves its departments)."""

from __future__ import annotations

import httpx

from agent_chat import create_department, get_json
from factories import admin_headers, login, make_user
from frontdesk.db.engine import Database


async def test_roles_are_listed_and_assigned(client: httpx.AsyncClient, db: Database) -> None:
    h = await admin_headers(client)
    listed = (await get_json(client, "roles.list", h))["roles"]
    agent_role = next(r for r in listed if r["_id"] == "livechat-agent")
    assert agent_role == {**agent_role, "name": "livechat-agent", "scope": "Users", "protected": True}
    user = await make_user(db, ["user"])
    res = await client.post(
        "/api/v1/roles.addUserToRole",
        json={"roleId": "livechat-agent", "username": user["username"]},
        headers=h,
    )
    assert res.status_code == 200, res.text
    assert res.json()["role"]["_id"] == "livechat-agent"
    info = (await get_json(client, "users.info", h, userId=user["id"]))["user"]
    assert "livechat-agent" in info["roles"] and info["statusLivechat"] == "not-available"  # offline
    dept = await create_department(client, "Sales", (user["id"],))
    again = await client.post(
        "/api/v1/roles.addUserToRole",
        json={"roleName": "livechat-agent", "username": user["username"]},
        headers=h,
    )
    assert again.status_code == 400 and again.json()["errorType"] == "error-user-already-in-role"

    removed = await client.post(
        "/api/v1/roles.removeUserFromRole",
        json={"roleId": "livechat-agent", "username": user["username"]},
        headers=h,
    )
    assert removed.json()["role"]["_id"] == "livechat-agent"
    assert (
        "livechat-agent" not in (await get_json(client, "users.info", h, userId=user["id"]))["user"]["roles"]
    )
    assert (await get_json(client, f"livechat/department/{dept['_id']}/agents", h))["total"] == 0
    not_in = await client.post(
        "/api/v1/roles.removeUserFromRole",
        json={"roleId": "livechat-agent", "username": user["username"]},
        headers=h,
    )
    assert not_in.json()["errorType"] == "error-user-not-in-role"
    unknown = await client.post(
        "/api/v1/roles.addUserToRole", json={"roleId": "pilot", "username": user["username"]}, headers=h
    )
    assert unknown.json() == {
        "success": False,
        "error": "Role not found",
        "errorType": "error-role-not-found",
    }
    nobody = await client.post(
        "/api/v1/roles.addUserToRole", json={"roleId": "admin", "username": "ghost"}, headers=h
    )
    assert nobody.json()["errorType"] == "error-invalid-user"
    no_role = await client.post("/api/v1/roles.addUserToRole", json={"username": user["username"]}, headers=h)
    assert no_role.status_code == 400 and no_role.json()["errorType"] == "error-invalid-role-properties"

    me = (await get_json(client, "me", h))["username"]
    last = await client.post(
        "/api/v1/roles.removeUserFromRole", json={"roleId": "admin", "username": me}, headers=h
    )
    assert last.json()["error"] == "Leaving the app without admins is not allowed [error-action-not-allowed]"

    manager = await make_user(db, ["user", "livechat-manager"])
    mh = await login(client, manager["username"], manager["password"])
    assert (await get_json(client, "roles.list", mh))["roles"]
    denied = await client.post(
        "/api/v1/roles.addUserToRole", json={"roleId": "admin", "username": manager["username"]}, headers=mh
    )
    assert denied.status_code == 400 and denied.json()["errorType"] == "error-action-not-allowed"
