"""Logging in and out, and resolving the caller of an authenticated request."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import JsonObject
from frontdesk.errors import InvalidParams, LoginFailed, NotLoggedIn
from frontdesk.ids import hash_login_token, login_token
from frontdesk.models.users import User
from frontdesk.services import passwords
from frontdesk.services.access import public
from frontdesk.store import users as store


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


@public("logging in is how a caller proves who they are")
async def login(db: AsyncSession, body: JsonObject, now: int) -> LoginResult:
    """Password login by username or email, or resume with an existing token."""
    if "resume" in body:
        token = body["resume"]
        if not isinstance(token, str) or not token:
            raise LoginFailed()
        user = await store.user_by_token_only(db, hash_login_token(token))
        if user is None or not user.active:
            raise LoginFailed()
        return await _issue_token(db, user, now)
    name = body.get("user") or body.get("username") or body.get("email")
    if isinstance(name, dict):
        name = name.get("username") or name.get("email")
    if not isinstance(name, str) or "password" not in body:
        raise LoginFailed()
    user = await store.get_by_username_or_email(db, name)
    if user is None or not user.active:
        raise LoginFailed()
    if not passwords.check_digest(_password_digest(body["password"]), user.password_hash):
        raise LoginFailed()
    return await _issue_token(db, user, now)


async def _issue_token(db: AsyncSession, user: User, now: int) -> LoginResult:
    token = login_token()
    await store.add_token(db, user.id, hash_login_token(token), now)
    return LoginResult(user, token)


@public("authentication itself: who the caller is, before any permission")
async def authenticate(db: AsyncSession, user_id: str | None, token: str | None) -> User:
    """The user behind X-User-Id / X-Auth-Token, or the 401 every authenticated route sends."""
    if not user_id or not token:
        raise NotLoggedIn()
    user = await store.user_by_token(db, user_id, hash_login_token(token))
    if user is None or not user.active:
        raise NotLoggedIn()
    return user


@public("one's own login token")
async def logout(db: AsyncSession, token: str) -> None:
    await store.delete_token(db, hash_login_token(token))


@public("the websocket's own logged-in user")
async def active_user(db: AsyncSession, user_id: str) -> User | None:
    """The user a websocket logged in as, while they still exist and are active."""
    user = await store.get_user(db, user_id)
    return user if user is not None and user.active else None


@public("logging in again with one's own token")
async def resume(db: AsyncSession, token: Any) -> User | None:
    """The active user a login token belongs to (DDP's resume keeps the token: no new one is issued)."""
    if not isinstance(token, str) or not token:
        return None
    user = await store.user_by_token_only(db, hash_login_token(token))
    return user if user is not None and user.active else None
