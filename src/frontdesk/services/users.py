"""Creating, describing, changing and deleting users."""

from __future__ import annotations

import re

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import JsonObject
from frontdesk.errors import MeteorError
from frontdesk.events.outbox import emit
from frontdesk.events.presence import AgentStatusChanged, StatusTextChanged
from frontdesk.ids import random_id
from frontdesk.models.users import User
from frontdesk.services import passwords
from frontdesk.services.access import public
from frontdesk.services.permissions import check_permission
from frontdesk.store import permissions as permission_store
from frontdesk.store import users as store
from frontdesk.store.room_reads import open_rooms_served_by

USERNAME = re.compile(r"^[0-9a-zA-Z\-_.@]+$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")
STATUSES = ("online", "away", "busy", "offline")


async def check_username_free(db: AsyncSession, username: str) -> None:
    """A valid username nobody holds yet (users.create, users.update)."""
    if not USERNAME.match(username):
        raise MeteorError("error-invalid-username", f"{username} is not a valid username")
    if await store.get_by_username(db, username):
        raise MeteorError("error-field-unavailable", f"<strong>{username}</strong> is already in use :(")


async def check_email_free(db: AsyncSession, email: str) -> None:
    if not EMAIL.match(email):
        raise MeteorError("error-invalid-email", f"Invalid email {email}")
    if email and await store.get_by_email(db, email):
        raise MeteorError("error-field-unavailable", f"<strong>{email}</strong> is already in use :(")


async def check_not_last_admin(db: AsyncSession, user: User) -> None:
    """Refuse what would leave no active administrator (deleting, deactivating or demoting the last)."""
    if "admin" in user.roles and await store.active_ids_with_role(db, "admin") == [user.id]:
        raise MeteorError("error-action-not-allowed", "Leaving the app without admins is not allowed")


async def do_create_user(
    db: AsyncSession,
    *,
    username: str,
    password: str,
    now: int,
    rounds: int,
    email: str | None = None,
    name: str | None = None,
    roles: list[str] | None = None,
    user_id: str | None = None,
    active: bool = True,
) -> User:
    await check_username_free(db, username)
    if email is not None:
        await check_email_free(db, email)
    wanted = roles or ["user"]
    unknown = [r for r in wanted if r not in await permission_store.role_ids(db)]
    if unknown:
        raise MeteorError("error-invalid-role", "Invalid role")
    user = User(
        id=user_id or random_id(),
        username=username,
        email=email.lower() if email else None,
        name=name if name is not None else username,
        password_hash=passwords.hash_password(password, rounds),
        roles=list(dict.fromkeys(wanted)),
        type="user",
        active=active,
        status="offline",
        status_text="",
        status_livechat=None,
        status_connection="offline",
        livechat_count=0,
        extra={},
        created_at=now,
        updated_at=now,
    )
    try:
        async with db.begin_nested():
            await store.add_user(db, user)
    except IntegrityError:
        raise MeteorError(
            "error-field-unavailable", f"<strong>{username}</strong> is already in use :("
        ) from None
    return user


async def check_create_user(db: AsyncSession, caller: User, body: JsonObject, now: int, rounds: int) -> User:
    await check_permission(db, caller, "create-user")
    return await do_create_user(
        db,
        username=body["username"],
        password=body["password"],
        email=body["email"],
        name=body["name"],
        roles=body.get("roles"),
        active=body.get("active", True),
        now=now,
        rounds=rounds,
    )


@public("any logged-in user may look another up (users.info), as in Rocket.Chat")
async def access_user(db: AsyncSession, user_id: str | None, username: str | None) -> User:
    user = None
    if user_id:
        user = await store.get_user(db, user_id)
    elif username:
        user = await store.get_by_username(db, username)
    if user is None:
        raise MeteorError("error-invalid-user", "Invalid user")
    return user


async def check_set_status(
    db: AsyncSession, caller: User, user_id: str | None, status: str | None, message: str | None, now: int
) -> None:
    """users.setStatus, UserPresence:*: one's own status, or another's with edit-other-user-info."""
    target = caller
    if user_id and user_id != caller.id:
        await check_permission(db, caller, "edit-other-user-info")
        target = await access_user(db, user_id, None)
    await do_set_status(db, target, status, message, now)


async def do_set_status(
    db: AsyncSession, user: User, status: str | None, message: str | None, now: int
) -> None:
    if status is not None and status not in STATUSES:
        raise MeteorError(
            "error-invalid-status", "Valid status types include online, away, offline, and busy."
        )
    if (status is None or user.status == status == user.status_connection) and (
        message is None or message == user.status_text
    ):
        return  # nothing changes (a presence ping): no write, no event, and no write lock when read first
    values: dict[str, object] = {"updated_at": now}
    if status is not None:
        values["status"] = status
        values["status_connection"] = status
    if message is not None:
        values["status_text"] = message
    await store.set_presence(db, user.id, **values)
    if status is not None:
        served = await open_rooms_served_by(db, user.id)
        emit(db, AgentStatusChanged(user.id, status, tuple(room["_id"] for room in served), message))
    elif message is not None:
        emit(db, StatusTextChanged(user.id, message))


async def check_delete_user(db: AsyncSession, caller: User, user_id: str) -> None:
    await check_permission(db, caller, "delete-user")
    target = await store.get_user(db, user_id)
    if target is None:
        raise MeteorError("error-invalid-user", "Invalid user")
    await check_not_last_admin(db, target)
    await store.delete_user(db, user_id)
