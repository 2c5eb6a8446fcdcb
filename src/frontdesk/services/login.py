"""Logging in (POST login, DDP login), the same through either door.

The password is checked in a read transaction, with bcrypt (50-100 ms at Rocket.Chat's cost 10) in a
thread; only then is the new token written, in a short write transaction of its own. So a login never
holds the event loop, nor SQLite's write lock, while bcrypt runs.

Password guessing is limited as Rocket.Chat limits it by default (docs/limits.md):
- failed password logins per user: 10 within 5 minutes, then that user's logins wait until the oldest
  failure is 5 minutes old (Accounts_Block_Failed_Attempts_Until_Block_By_User = 10,
  ..._Time_To_Unblock_By_User_In_Minutes = 5);
- failed password logins per client address: 50 within 5 minutes (..._Until_Block_By_Ip = 50, 5 min).
Rocket.Chat refuses a blocked login with its own `error-login-blocked-for-*` errors; here it is the 429
`error-too-many-requests` body of its rate limiter, so a client sees one kind of "slow down". The calls
themselves are limited per door by the transport (REST: api/v1/login.py; DDP: realtime/ddp_methods.py).
"""

from __future__ import annotations

import asyncio
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import JsonObject
from frontdesk.errors import InvalidParams, LoginFailed
from frontdesk.ids import hash_login_token, login_token
from frontdesk.models.users import User
from frontdesk.rate_windows import Windows, too_many_requests
from frontdesk.services import passwords
from frontdesk.services.access import public
from frontdesk.store import users as store

FAILED_PER_USER = (10, 300.0)
FAILED_PER_ADDRESS = (50, 300.0)


class Transactions(Protocol):
    """Where a login opens its transactions (the app's Database)."""

    def session(self, write: bool = True) -> AbstractAsyncContextManager[AsyncSession]: ...


@dataclass(frozen=True)
class LoginResult:
    user: User
    token: str


def _password_digest(password: Any) -> str:
    """Plain text, or `{digest, algorithm: "sha-256"}` as Meteor clients send it."""
    if isinstance(password, str):
        return passwords.digest(password)
    if isinstance(password, dict) and password.get("algorithm") == "sha-256":
        value = password.get("digest")
        if isinstance(value, str):
            return value
    raise InvalidParams("Match error: Failed Match.OneOf, Match.Maybe or Match.Optional validation")


def login_name(body: JsonObject) -> str | None:
    """The user a password login names (username or email as sent), None for a resume."""
    if "resume" in body:
        return None
    name = body.get("user") or body.get("username") or body.get("email")
    if isinstance(name, dict):
        name = name.get("username") or name.get("email")
    return name if isinstance(name, str) else None


async def _verify(db: AsyncSession, body: JsonObject) -> User:
    """The user a login proves to be (a resume token, or a name and password); LoginFailed otherwise."""
    if "resume" in body:
        token = body["resume"]
        if not isinstance(token, str) or not token:
            raise LoginFailed()
        found = await store.user_by_token_only(db, hash_login_token(token))
        if found is None or not found.active:
            raise LoginFailed()
        return found
    name = login_name(body)
    if name is None or "password" not in body:
        raise LoginFailed()
    user = await store.get_by_username_or_email(db, name)
    if user is None or not user.active:
        raise LoginFailed()
    digest, hashed = _password_digest(body["password"]), user.password_hash
    # bcrypt releases the GIL: in a thread it holds neither the loop nor, here, any write lock
    if not await asyncio.to_thread(passwords.check_digest, digest, hashed):
        raise LoginFailed()
    return user


async def _issue_token(db: AsyncSession, user_id: str, now: int) -> LoginResult:
    user = await store.get_user(db, user_id)  # still there and active, now that the lock is held
    if user is None or not user.active:
        raise LoginFailed()
    token = login_token()
    await store.add_token(db, user.id, hash_login_token(token), now)
    return LoginResult(user, token)


@public("logging in is how a caller proves who they are")
async def login(
    transactions: Transactions, body: JsonObject, now: int, *, windows: Windows | None, address: str
) -> LoginResult:
    """Password login by username or email, or resume with an existing token: a new token either way.

    `windows` None (TEST_MODE) turns the failure limits off. A blocked login is refused before the
    password is checked, so the right password does not get through either."""
    name = login_name(body)
    keys = []
    if windows is not None and name is not None:
        keys = [
            (f"login-failed-user|{name.strip().lower()}", FAILED_PER_USER),
            (f"login-failed-ip|{address}", FAILED_PER_ADDRESS),
        ]
    for key, (calls, seconds) in keys:
        assert windows is not None
        wait = await windows.hit(key, calls, seconds, record=False)
        if wait > 0:
            raise too_many_requests(wait)
    try:
        async with transactions.session(write=False) as db:
            user_id = (await _verify(db, body)).id
    except LoginFailed:
        for key, (_, seconds) in keys:
            assert windows is not None
            await windows.add(key, seconds)
        raise
    async with transactions.session() as db:
        return await _issue_token(db, user_id, now)
