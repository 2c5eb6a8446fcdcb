"""Queries on users in their livechat roles (agents, managers) and the departments agents belong to."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.models.livechat import DepartmentAgent
from frontdesk.models.users import User


async def users_with_role(db: AsyncSession, role: str) -> list[User]:
    """Every user holding a role. Roles are a JSON list, so the filter runs here; agents number hundreds."""
    users = (await db.execute(select(User).order_by(User.username))).scalars().all()
    return [u for u in users if role in (u.roles or [])]


async def departments_of_agents(db: AsyncSession, agent_ids: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    if not agent_ids:
        return out
    stmt = select(DepartmentAgent.agent_id, DepartmentAgent.department_id).where(
        DepartmentAgent.agent_id.in_(agent_ids)
    )
    for agent_id, department_id in (await db.execute(stmt)).all():
        out[agent_id].append(department_id)
    return out
