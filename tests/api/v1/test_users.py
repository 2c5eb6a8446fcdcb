"""users.create, users.info, users.setStatus, users.delete through HTTP."""

from __future__ import annotations

import httpx

from factories import admin_headers, login, make_user
from frontdesk.db.engine import Database

FORBIDDEN = {
    "success": False,
    "error": "User does not have the permissions required for this action [error-unauthorized]",
}


async def test_admin_creates_a_user_who_can_log_in(client: httpx.AsyncClient) -> None:
    h = await admin_headers(client)
    body = {
        "email": "Ann@Example.com",
        "name": "Ann",
        "password": "pw1",
        "username": "ann",
        "roles": ["user", "livechat-agent"],
    }
    res = await client.post("/api/v1/users.create", json=body, headers=h)
    assert res.status_code == 200, res.text
    user = res.json()["user"]
    assert user["username"] == "ann" and user["roles"] == ["user", "livechat-agent"]
    assert user["emails"] == [{"address": "ann@example.com", "verified": False}]
    assert len(user["_id"]) == 17 and "password" not in str(res.json()).lower().replace('"password"', "")
    await login(client, "ann", "pw1")
    await login(client, "ann@example.com", "pw1")
    dup = await client.post("/api/v1/users.create", json=body, headers=h)
    assert dup.status_code == 400 and dup.json()["errorType"] == "error-field-unavailable"


async def test_create_user_validation_and_permission(client: httpx.AsyncClient, db: Database) -> None:
    h = await admin_headers(client)
    missing = await client.post("/api/v1/users.create", json={"username": "x"}, headers=h)
    assert missing.status_code == 400
    assert missing.json() == {
        "success": False,
        "errorType": "invalid-params",
        "error": "must have required property 'email' [invalid-params]",
    }
    bad_role = {"email": "b@x.io", "name": "B", "password": "p", "username": "b", "roles": ["wizard"]}
    res = await client.post("/api/v1/users.create", json=bad_role, headers=h)
    assert res.status_code == 400 and res.json()["errorType"] == "error-invalid-role"
    bad_name = {"email": "c@x.io", "name": "C", "password": "p", "username": "no spaces"}
    assert (await client.post("/api/v1/users.create", json=bad_name, headers=h)).status_code == 400
    agent = await make_user(db, ["user", "livechat-agent"])
    ah = await login(client, agent["username"], agent["password"])
    ok = {"email": "d@x.io", "name": "D", "password": "p", "username": "d"}
    res = await client.post("/api/v1/users.create", json=ok, headers=ah)
    assert res.status_code == 403 and res.json() == FORBIDDEN


async def test_info_set_status_and_delete(client: httpx.AsyncClient, db: Database) -> None:
    h = await admin_headers(client)
    agent = await make_user(db, ["user", "livechat-agent"])
    ah = await login(client, agent["username"], agent["password"])
    info = await client.get(f"/api/v1/users.info?username={agent['username']}", headers=ah)
    assert info.json()["user"]["_id"] == agent["id"] and info.json()["user"]["status"] == "offline"
    res = await client.post("/api/v1/users.setStatus", json={"status": "online", "message": "hi"}, headers=ah)
    assert res.json() == {"success": True}
    info = await client.get(f"/api/v1/users.info?userId={agent['id']}", headers=h)
    assert info.json()["user"]["status"] == "online" and info.json()["user"]["statusText"] == "hi"
    bad = await client.post("/api/v1/users.setStatus", json={"status": "sleepy"}, headers=ah)
    assert bad.status_code == 400
    other = await client.post("/api/v1/users.setStatus", json={"status": "away", "userId": "x"}, headers=ah)
    assert other.status_code == 403
    unknown = await client.get("/api/v1/users.info?username=ghost", headers=h)
    assert unknown.status_code == 400 and unknown.json()["errorType"] == "error-invalid-user"
    assert (
        await client.post("/api/v1/users.delete", json={"userId": agent["id"]}, headers=ah)
    ).status_code == 403
    gone = await client.post("/api/v1/users.delete", json={"userId": agent["id"]}, headers=h)
    assert gone.json() == {"success": True}
    assert (await client.get("/api/v1/me", headers=ah)).status_code == 401
    again = await client.post("/api/v1/users.delete", json={"userId": agent["id"]}, headers=h)
    assert again.status_code == 400
