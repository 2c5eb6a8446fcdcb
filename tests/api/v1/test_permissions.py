"""permissions.listAll / permissions.update and settings/:_id through HTTP."""

from __future__ import annotations

import httpx

from factories import admin_headers, login, make_user
from frontdesk.db.engine import Database


async def test_list_all_has_the_default_mapping(client: httpx.AsyncClient, db: Database) -> None:
    agent = await make_user(db, ["user", "livechat-agent"])
    h = await login(client, agent["username"], agent["password"])
    res = await client.get("/api/v1/permissions.listAll", headers=h)
    assert res.status_code == 200
    perms = {p["_id"]: p["roles"] for p in res.json()["update"]}
    assert perms["view-livechat-rooms"] == ["livechat-manager", "livechat-monitor", "admin"]
    for screen in ("view-livechat-real-time-monitoring", "view-livechat-analytics"):  # the desk's dashboards
        assert perms[screen] == ["livechat-manager", "livechat-monitor", "admin"]
    assert "admin" not in perms["save-others-livechat-room-info"]
    assert res.json()["remove"] == []


async def test_update_is_all_or_nothing(client: httpx.AsyncClient, db: Database) -> None:
    h = await admin_headers(client)
    bad = {"permissions": [{"_id": "view-l-room", "roles": ["admin"]}, {"_id": "nope", "roles": ["admin"]}]}
    res = await client.post("/api/v1/permissions.update", json=bad, headers=h)
    assert res.status_code == 400 and res.json()["errorType"] == "error-invalid-permission"
    bad_role = {"permissions": [{"_id": "view-l-room", "roles": ["wizard"]}]}
    assert (await client.post("/api/v1/permissions.update", json=bad_role, headers=h)).status_code == 400
    listed = (await client.get("/api/v1/permissions.listAll", headers=h)).json()["update"]
    assert {p["_id"]: p["roles"] for p in listed}["view-l-room"] == [
        "livechat-manager",
        "livechat-monitor",
        "livechat-agent",
        "admin",
    ]
    good = {"permissions": [{"_id": "view-l-room", "roles": ["admin"]}]}
    res = await client.post("/api/v1/permissions.update", json=good, headers=h)
    assert res.status_code == 200
    assert {p["_id"]: p["roles"] for p in res.json()["permissions"]}["view-l-room"] == ["admin"]
    shape = await client.post("/api/v1/permissions.update", json={"permissions": "x"}, headers=h)
    assert shape.json() == {
        "success": False,
        "error": "must be array [invalid-params]",
        "errorType": "invalid-params",
    }
    agent = await make_user(db, ["user", "livechat-agent"])
    ah = await login(client, agent["username"], agent["password"])
    assert (await client.post("/api/v1/permissions.update", json=good, headers=ah)).status_code == 403


async def test_settings_read_and_write(client: httpx.AsyncClient, db: Database) -> None:
    h = await admin_headers(client)
    res = await client.get("/api/v1/settings/Livechat_Routing_Method", headers=h)
    assert res.json() == {"_id": "Livechat_Routing_Method", "value": "Auto_Selection", "success": True}
    ok = await client.post(
        "/api/v1/settings/Livechat_Routing_Method", json={"value": "Manual_Selection"}, headers=h
    )
    assert ok.json() == {"success": True}
    res = await client.get("/api/v1/settings/Livechat_Routing_Method", headers=h)
    assert res.json()["value"] == "Manual_Selection"
    for setting, value in (
        ("Livechat_Routing_Method", "Random"),
        ("Livechat_maximum_chats_per_agent", "3"),
        ("API_Allow_Infinite_Count", 1),
    ):
        bad = await client.post(f"/api/v1/settings/{setting}", json={"value": value}, headers=h)
        assert bad.status_code == 400, (setting, value)
    assert (await client.post("/api/v1/settings/Nope", json={"value": 1}, headers=h)).status_code == 400
    assert (await client.post("/api/v1/settings/Livechat_enabled", json={}, headers=h)).status_code == 400
    agent = await make_user(db, ["user", "livechat-agent"])
    ah = await login(client, agent["username"], agent["password"])
    denied = await client.post("/api/v1/settings/Livechat_enabled", json={"value": False}, headers=ah)
    assert denied.status_code == 403
    public = await client.get("/api/v1/settings/Livechat_enabled", headers=ah)
    assert public.json()["value"] is True
    assert (await client.get("/api/v1/settings/Livechat_Routing_Method", headers=ah)).status_code == 403


async def test_a_manager_changes_the_omnichannel_settings_only(
    client: httpx.AsyncClient, db: Database
) -> None:
    """Rocket.Chat's rule: manage-selected-settings with change-setting-<id> (given to managers for the
    routing and widget settings); every other setting stays the admins'."""
    manager = await make_user(db, ["user", "livechat-manager"])
    mh = await login(client, manager["username"], manager["password"])
    res = await client.post(
        "/api/v1/settings/Livechat_maximum_chats_per_agent", json={"value": 2}, headers=mh
    )
    assert res.json() == {"success": True}
    read = await client.get("/api/v1/settings/Livechat_maximum_chats_per_agent", headers=mh)
    assert read.json()["value"] == 2
    for setting, value in (("SMTP_Host", "mail"), ("API_Upper_Count_Limit", 5)):
        denied = await client.post(f"/api/v1/settings/{setting}", json={"value": value}, headers=mh)
        assert denied.status_code == 403, setting
    assert (await client.get("/api/v1/settings/SMTP_Password", headers=mh)).status_code == 403
    h = await admin_headers(client)
    taken = await client.post(
        "/api/v1/permissions.update",
        json={
            "permissions": [{"_id": "change-setting-Livechat_maximum_chats_per_agent", "roles": ["admin"]}]
        },
        headers=h,
    )
    assert taken.status_code == 200
    again = await client.post(
        "/api/v1/settings/Livechat_maximum_chats_per_agent", json={"value": 3}, headers=mh
    )
    assert again.status_code == 403
