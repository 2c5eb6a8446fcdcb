"""Livechat agents and managers: granting the roles, and an agent's availability for chats."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.errors import MeteorError
from frontdesk.models.users import User
from frontdesk.services import routing
from frontdesk.store import agents as agent_store
from frontdesk.store import users as user_store

LIVECHAT_STATUSES = ("available", "not-available")


async def do_add_role(db: AsyncSession, user: User, role: str, now: int) -> None:
    """Adding an agent also sets statusLivechat: available unless the user is offline (afterAgentAdded)."""
    roles = list(dict.fromkeys([*user.roles, role]))
    values: dict[str, object] = {"roles": roles, "updated_at": now}
    if role == "livechat-agent":
        values["status_livechat"] = "available" if user.status != "offline" else "not-available"
    await user_store.update_user(db, user.id, **values)
    await db.refresh(user)


async def do_remove_role(db: AsyncSession, user: User, role: str, now: int) -> None:
    roles = [r for r in user.roles if r != role]
    values: dict[str, object] = {"roles": roles, "updated_at": now}
    if role == "livechat-agent":
        values["status_livechat"] = None
        await agent_store.remove_agent_everywhere(db, user.id)
    await user_store.update_user(db, user.id, **values)
    await db.refresh(user)


async def do_set_livechat_status(db: AsyncSession, user: User, status: str, now: int) -> None:
    """`available` or `not-available`; becoming available may let waiting chats be routed."""
    if status not in LIVECHAT_STATUSES:
        raise MeteorError("error-invalid-status", "Invalid status")
    if not user.active:
        raise MeteorError("error-user-deactivated", "User is deactivated")
    await user_store.update_user(db, user.id, status_livechat=status, updated_at=now)
    await db.refresh(user)
    if status == "available":
        await routing.do_dispatch_waiting(db, now)
