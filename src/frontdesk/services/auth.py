"""Resolving the caller of an authenticated request, and logging out (logging in: services/login.py)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.errors import NotLoggedIn
from frontdesk.ids import hash_login_token
from frontdesk.models.users import User
from frontdesk.services.access import public
from frontdesk.store import users as store


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
