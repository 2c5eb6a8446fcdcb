"""Who the analytics routes name: agents' usernames and display names, departments' names, and the
livechat agents' presence counted for charts/agents-status."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.models.departments import Department
from frontdesk.models.livechat import DepartmentAgent
from frontdesk.models.users import User

AGENT_ROLE = "livechat-agent"


async def user_names(db: AsyncSession, ids: Collection[str]) -> dict[str, tuple[str, str | None]]:
    """(username, name) of each user id found."""
    if not ids:
        return {}
    rows = await db.execute(select(User.id, User.username, User.name).where(User.id.in_(list(ids))))
    return {r[0]: (r[1], r[2]) for r in rows}


async def department_names(db: AsyncSession, ids: Collection[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = await db.execute(select(Department.id, Department.name).where(Department.id.in_(list(ids))))
    return {r[0]: r[1] for r in rows}


async def agent_presence(db: AsyncSession, department_id: str | None) -> list[tuple[str, str | None]]:
    """(status, statusLivechat) of every livechat agent, or of a department's agents."""
    stmt = select(User.status, User.status_livechat, User.roles).where(User.active.is_(True))
    if department_id is not None:
        members = select(DepartmentAgent.agent_id).where(DepartmentAgent.department_id == department_id)
        stmt = stmt.where(User.id.in_(members))
    rows = (await db.execute(stmt)).all()
    return [(r[0], r[1]) for r in rows if AGENT_ROLE in (r[2] or [])]
