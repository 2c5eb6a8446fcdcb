"""users.list and users.update: the users administration, its checks, and who may use it."""

from __future__ import annotations

import httpx

from agent_chat import FORBIDDEN, get_json
from factories import admin_headers, login, make_user
from frontdesk.db.engine import Database


async def test_users_are_listed_searched_and_paged(client: httpx.AsyncClient, db: Database) -> None:
    h = await admin_headers(client)
    for name in ("zoe", "amy", "bob"):
        await make_user(db, ["user"], username=name)
    everyone = await get_json(client, "users.list", h)
    names = [u["username"] for u in everyone["users"]]
    assert names == sorted(names) and {"zoe", "amy", "bob"} <= set(names)
    assert everyone["total"] == len(names) and everyone["users"][0]["roles"]
    page = await get_json(client, "users.list", h, count=1, offset=1, sort='{"username":-1}')
    assert page["count"] == 1 and page["offset"] == 1 and page["total"] == len(names)
    assert page["users"][0]["username"] == sorted(names, reverse=True)[1]
    found = await get_json(client, "users.list", h, text="ZO")
    assert [u["username"] for u in found["users"]] == ["zoe"] and found["users"][0]["emails"][0][
        "address"
    ] == "zoe@example.com"
    bad_sort = await client.get("/api/v1/users.list", params={"sort": '{"password":1}'}, headers=h)
    assert bad_sort.status_code == 400 and bad_sort.json()["errorType"] == "error-invalid-sort"

    manager = await make_user(db, ["user", "livechat-manager"])
    mh = await login(client, manager["username"], manager["password"])
    denied = await client.get("/api/v1/users.list", headers=mh)
    assert denied.status_code == 403 and denied.json() == FORBIDDEN


async def test_users_are_updated(client: httpx.AsyncClient, db: Database) -> None:
    h = await admin_headers(client)
    user = await make_user(db, ["user"], username="carol")
    res = await client.post(
        "/api/v1/users.update",
        json={
            "userId": user["id"],
            "data": {"name": "Carol King", "email": "Carol@Example.org", "roles": ["user", "livechat-agent"]},
        },
        headers=h,
    )
    assert res.status_code == 200, res.text
    updated = res.json()["user"]
    assert updated["name"] == "Carol King" and updated["emails"][0]["address"] == "carol@example.org"
    assert updated["roles"] == ["user", "livechat-agent"] and updated["statusLivechat"] == "not-available"
    agents = await get_json(client, "livechat/users/agent", h, showIdleAgents="true")
    assert "carol" in [a["username"] for a in agents["users"]]

    password = await client.post(
        "/api/v1/users.update", json={"userId": user["id"], "data": {"password": "new-secret"}}, headers=h
    )
    assert password.status_code == 200
    assert (
        await client.get("/api/v1/me", headers=await login(client, "carol", "new-secret"))
    ).status_code == 200
    off = await client.post(
        "/api/v1/users.update", json={"userId": user["id"], "data": {"active": False}}, headers=h
    )
    assert off.json()["user"]["active"] is False
    refused = await client.post("/api/v1/login", json={"user": "carol", "password": "new-secret"})
    assert refused.status_code == 401

    other = await make_user(db, ["user"], username="dave")
    taken = await client.post(
        "/api/v1/users.update", json={"userId": other["id"], "data": {"username": "carol"}}, headers=h
    )
    assert taken.status_code == 400 and taken.json()["errorType"] == "error-field-unavailable"
    for data, error in (
        ({"username": "no spaces"}, "error-invalid-username"),
        ({"email": "nope"}, "error-invalid-email"),
        ({"roles": ["pilot"]}, "error-invalid-role"),
    ):
        bad = await client.post("/api/v1/users.update", json={"userId": other["id"], "data": data}, headers=h)
        assert bad.status_code == 400 and bad.json()["errorType"] == error, data
    ghost = await client.post(
        "/api/v1/users.update", json={"userId": "ghost", "data": {"name": "x"}}, headers=h
    )
    assert ghost.json()["errorType"] == "error-invalid-user"
    me = (await get_json(client, "me", h))["_id"]
    last_admin = await client.post(
        "/api/v1/users.update", json={"userId": me, "data": {"roles": ["user"]}}, headers=h
    )
    assert last_admin.json()["errorType"] == "error-action-not-allowed"
    last_delete = await client.post("/api/v1/users.delete", json={"userId": me}, headers=h)
    assert last_delete.json()["errorType"] == "error-action-not-allowed"
    unchecked = await client.post(
        "/api/v1/users.update", json={"userId": other["id"], "data": {"admin": True}}, headers=h
    )
    assert unchecked.status_code == 400 and unchecked.json()["errorType"] == "invalid-params"

    manager = await make_user(db, ["user", "livechat-manager"])
    mh = await login(client, manager["username"], manager["password"])
    denied = await client.post(
        "/api/v1/users.update", json={"userId": other["id"], "data": {"name": "x"}}, headers=mh
    )
    assert denied.status_code == 403 and denied.json() == FORBIDDEN
