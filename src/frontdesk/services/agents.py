"""Livechat agents and managers: granting the roles, and an agent's availability for chats."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.errors import MeteorError
from frontdesk.events.outbox import emit
from frontdesk.events.presence import AgentAvailabilityChanged
from frontdesk.models.users import User
from frontdesk.services import routing
from frontdesk.services.permissions import has_permission
from frontdesk.store import agents as agent_store
from frontdesk.store import departments as department_store
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
    emit(db, AgentAvailabilityChanged(user.id, status))
    if status == "available":
        await routing.do_dispatch_waiting(db, now)


async def check_save_agent_info(
    db: AsyncSession, caller: User, agent_id: Any, data: Any, departments: Any, now: int
) -> bool:
    """livechat:saveAgentInfo: the agent's `livechat` settings (max chats ...) and exact departments."""
    if not await has_permission(db, caller, "manage-livechat-agents"):
        raise MeteorError("error-not-allowed", "Not allowed")
    if not isinstance(agent_id, str) or not isinstance(data, dict) or not isinstance(departments, list):
        raise MeteorError("400", "Match failed")
    if not all(isinstance(d, str) for d in departments):
        raise MeteorError("400", "Match failed")
    agent = await user_store.get_user(db, agent_id)
    if agent is None or "livechat-agent" not in agent.roles:
        raise MeteorError("error-user-is-not-agent", "User is not a livechat agent")
    livechat = {k: v for k, v in data.items() if v not in (None, "")}
    await user_store.update_user(
        db, agent.id, extra={**(agent.extra or {}), "livechat": livechat}, updated_at=now
    )
    current = {m.department_id for m in await agent_store.agent_departments(db, agent.id)}
    for department_id in current - set(departments):
        await agent_store.remove_department_agent(db, department_id, agent.id)
    for department_id in dict.fromkeys(departments):
        if department_id not in current and await department_store.get_department(db, department_id):
            await agent_store.upsert_department_agent(db, department_id, agent.id, agent.username, 0, 0, now)
    await db.refresh(agent)
    return True
