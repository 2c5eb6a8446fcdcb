"""Login, logout, me, info: the auth a Rocket.Chat REST client relies on."""

from __future__ import annotations

import asyncio
import hashlib
import time

import httpx
import pytest
from sqlalchemy import update

from factories import ADMIN_PASSWORD, admin_headers, login, make_user
from frontdesk.db.engine import Database
from frontdesk.models.users import User
from frontdesk.services import passwords
from frontdesk.services.bootstrap import TEST_ADMIN

NOT_LOGGED_IN = {
    "success": False,
    "error": "You must be logged in to do this.",
    "status": "error",
    "message": "You must be logged in to do this.",
}


async def test_login_with_username_returns_token_and_me(client: httpx.AsyncClient) -> None:
    res = await client.post("/api/v1/login", json={"user": TEST_ADMIN, "password": ADMIN_PASSWORD})
    assert res.status_code == 200
    assert res.headers["content-type"] == "application/json"
    assert res.headers["cache-control"] == "no-store"
    body = res.json()
    assert body["status"] == "success" and "success" not in body
    assert body["data"]["userId"] == TEST_ADMIN
    assert len(body["data"]["authToken"]) == 43
    assert body["data"]["me"]["username"] == TEST_ADMIN
    assert "admin" in body["data"]["me"]["roles"]


async def test_login_by_email_by_username_key_and_by_digest(client: httpx.AsyncClient) -> None:
    for body in (
        {"email": f"{TEST_ADMIN}@rocket.chat", "password": ADMIN_PASSWORD},
        {"username": TEST_ADMIN, "password": ADMIN_PASSWORD},
        {
            "user": TEST_ADMIN,
            "password": {
                "digest": hashlib.sha256(ADMIN_PASSWORD.encode()).hexdigest(),
                "algorithm": "sha-256",
            },
        },
    ):
        res = await client.post("/api/v1/login", json=body)
        assert res.status_code == 200, (body, res.text)


async def test_wrong_password_and_unknown_user_get_401(client: httpx.AsyncClient) -> None:
    for body in ({"user": TEST_ADMIN, "password": "nope"}, {"user": "ghost", "password": "x"}, {}):
        res = await client.post("/api/v1/login", json=body)
        assert res.status_code == 401
        assert res.json() == {
            "status": "error",
            "message": "Unauthorized",
            "success": False,
            "error": "Unauthorized",
        }


async def test_resume_token_logs_in_again(client: httpx.AsyncClient) -> None:
    headers = await admin_headers(client)
    res = await client.post("/api/v1/login", json={"resume": headers["X-Auth-Token"]})
    assert res.status_code == 200
    assert res.json()["data"]["userId"] == TEST_ADMIN
    bad = await client.post("/api/v1/login", json={"resume": "not-a-token"})
    assert bad.status_code == 401


async def test_me_and_logout(client: httpx.AsyncClient) -> None:
    headers = await admin_headers(client)
    me = await client.get("/api/v1/me", headers=headers)
    assert me.status_code == 200
    assert me.json()["_id"] == TEST_ADMIN and me.json()["success"] is True
    out = await client.post("/api/v1/logout", headers=headers)
    assert out.json() == {"status": "success", "data": {"message": "You've been logged out!"}}
    again = await client.get("/api/v1/me", headers=headers)
    assert again.status_code == 401
    assert again.json() == NOT_LOGGED_IN


async def test_missing_or_bad_headers_get_401(client: httpx.AsyncClient) -> None:
    assert (await client.get("/api/v1/me")).json() == NOT_LOGGED_IN
    res = await client.get("/api/v1/me", headers={"X-User-Id": TEST_ADMIN, "X-Auth-Token": "forged"})
    assert res.status_code == 401


async def test_tokens_are_stored_hashed(client: httpx.AsyncClient, db: Database) -> None:
    headers = await admin_headers(client)
    async with db.engine.connect() as conn:
        stored = (await conn.exec_driver_sql("SELECT hashed_token FROM login_tokens")).scalars().all()
        password = (await conn.exec_driver_sql("SELECT password_hash FROM users")).scalars().all()
    assert headers["X-Auth-Token"] not in stored
    assert all(p.startswith("$2") for p in password)


async def test_info_and_unknown_route(client: httpx.AsyncClient) -> None:
    info = await client.get("/api/info")
    assert info.json()["success"] is True and info.json()["version"].startswith("7.")
    missing = await client.get("/api/v1/no-such-thing")
    assert missing.status_code == 404 and missing.json()["success"] is False


async def test_broken_json_body_is_a_400(client: httpx.AsyncClient) -> None:
    res = await client.post(
        "/api/v1/login", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert res.status_code == 400
    assert res.json()["success"] is False


async def test_deactivated_user_cannot_log_in(client: httpx.AsyncClient, db: Database) -> None:
    user = await make_user(db, ["user"])
    await login(client, user["username"], user["password"])
    async with db.engine.begin() as conn:
        await conn.execute(update(User).where(User.username == user["username"]).values(active=False))
    res = await client.post("/api/v1/login", json={"user": user["username"], "password": user["password"]})
    assert res.status_code == 401


async def test_a_login_holds_no_write_lock_while_bcrypt_runs(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The password is checked in a read transaction (bcrypt in a thread), the token written after: a
    visitor registering meanwhile is not kept waiting behind it (SQLite has one writer)."""
    check = passwords.check_digest

    def slow_check(digest: str, hashed: str | None) -> bool:
        time.sleep(2.0)  # bcrypt at a very high cost
        return check(digest, hashed)

    monkeypatch.setattr(passwords, "check_digest", slow_check)
    logging_in = asyncio.create_task(
        client.post("/api/v1/login", json={"user": TEST_ADMIN, "password": ADMIN_PASSWORD})
    )
    await asyncio.sleep(0.2)  # the login is in bcrypt now
    res = await client.post("/api/v1/livechat/visitor", json={"visitor": {"token": "during-bcrypt"}})
    assert res.status_code == 200
    assert not logging_in.done()  # the write went ahead of the login, not behind it
    assert (await logging_in).status_code == 200
