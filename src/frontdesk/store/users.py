"""Queries on users and login tokens."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.db.engine import PRESENCE
from frontdesk.models.users import LoginToken, User


async def get_user(db: AsyncSession, user_id: str) -> User | None:
    return await db.get(User, user_id)


async def get_by_username(db: AsyncSession, username: str) -> User | None:
    return (await db.execute(select(User).where(User.username == username))).scalar_one_or_none()


async def get_by_email(db: AsyncSession, email: str) -> User | None:
    stmt = select(User).where(User.email == email.lower())
    return (await db.execute(stmt)).scalar_one_or_none()


async def get_by_username_or_email(db: AsyncSession, name: str) -> User | None:
    return await get_by_username(db, name) or await get_by_email(db, name)


async def count_users(db: AsyncSession) -> int:
    return int((await db.execute(select(func.count()).select_from(User))).scalar_one())


async def add_user(db: AsyncSession, user: User) -> User:
    db.add(user)
    await db.flush()
    return user


async def update_user(db: AsyncSession, user_id: str, **values: Any) -> None:
    await db.execute(update(User).where(User.id == user_id).values(**values))


PRESENCE_COLUMNS = frozenset({"status", "status_connection", "status_text", "updated_at"})


async def set_presence(db: AsyncSession, user_id: str, **values: Any) -> None:
    """A user's status columns alone. Marked as presence, so a commit of nothing else ends no cached room
    page (db/engine.py PRESENCE): no listing shows them."""
    if not values or not PRESENCE_COLUMNS.issuperset(values):
        raise ValueError(f"not presence columns: {sorted(set(values) - PRESENCE_COLUMNS)}")
    stmt = update(User).where(User.id == user_id).values(**values)
    await db.execute(stmt.execution_options(**{PRESENCE: True}))


async def delete_user(db: AsyncSession, user_id: str) -> None:
    await db.execute(delete(LoginToken).where(LoginToken.user_id == user_id))
    await db.execute(delete(User).where(User.id == user_id))


# Built once: every authenticated request runs it, and building it cost more than its SQL.
_BY_TOKEN = (
    select(User)
    .join(LoginToken, LoginToken.user_id == User.id)
    .where(User.id == bindparam("user_id"), LoginToken.hashed_token == bindparam("hashed_token"))
)


async def user_by_token(db: AsyncSession, user_id: str, hashed_token: str) -> User | None:
    params = {"user_id": user_id, "hashed_token": hashed_token}
    return (await db.execute(_BY_TOKEN, params)).scalar_one_or_none()


async def user_by_token_only(db: AsyncSession, hashed_token: str) -> User | None:
    stmt = select(User).join(LoginToken, LoginToken.user_id == User.id)
    stmt = stmt.where(LoginToken.hashed_token == hashed_token)
    return (await db.execute(stmt)).scalar_one_or_none()


async def add_token(db: AsyncSession, user_id: str, hashed_token: str, now: int) -> None:
    await db.execute(insert(LoginToken).values(hashed_token=hashed_token, user_id=user_id, created_at=now))


async def delete_token(db: AsyncSession, hashed_token: str) -> None:
    await db.execute(delete(LoginToken).where(LoginToken.hashed_token == hashed_token))


async def all_users(db: AsyncSession) -> list[User]:
    """Every user (users.list sorts and pages them in memory: a desk's staff, not its visitors)."""
    return list((await db.execute(select(User).order_by(User.username))).scalars().all())


async def active_ids_with_role(db: AsyncSession, role: str) -> list[str]:
    """Active users holding a role (roles are a JSON list: filtered here, on both databases alike)."""
    rows = (await db.execute(select(User.id, User.roles).where(User.active.is_(True)))).all()
    return [user_id for user_id, roles in rows if role in (roles or [])]


async def delete_user_tokens(db: AsyncSession, user_id: str) -> None:
    await db.execute(delete(LoginToken).where(LoginToken.user_id == user_id))
