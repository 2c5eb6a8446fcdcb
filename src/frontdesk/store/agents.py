"""Queries on agents: who is available, how many chats each serves, department membership."""

from __future__ import annotations

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.models.livechat import DepartmentAgent
from frontdesk.models.rooms import STATE_SERVED, Room
from frontdesk.models.users import User


async def available_agents(db: AsyncSession, *, allow_idle: bool = True) -> list[User]:
    """Agents that may receive chats: available for livechat, active, and online (bots always)."""
    stmt = select(User).where(User.status_livechat == "available", User.active.is_(True))
    users = (await db.execute(stmt)).scalars().all()
    out = []
    for user in users:
        if "livechat-agent" not in user.roles:
            continue
        if "bot" not in user.roles and user.status == "offline":
            continue
        if not allow_idle and user.status_connection == "away":
            continue
        out.append(user)
    return out


async def lock_users(db: AsyncSession, user_ids: list[str]) -> list[User]:
    """Lock agents' rows (in id order, so concurrent lockers never deadlock) and read them fresh."""
    if not user_ids:
        return []
    stmt = select(User).where(User.id.in_(user_ids)).order_by(User.id).with_for_update()
    stmt = stmt.execution_options(populate_existing=True)
    return list((await db.execute(stmt)).scalars().all())


async def serving_count(db: AsyncSession, agent_id: str, department_id: str | None = None) -> int:
    """Open, not-on-hold rooms the agent serves (in one department when given)."""
    conds = [Room.served_by_id == agent_id, Room.state == STATE_SERVED]
    if department_id is not None:
        conds.append(Room.department_id == department_id)
    return int((await db.execute(select(func.count()).select_from(Room).where(*conds))).scalar_one())


async def bump_livechat_count(db: AsyncSession, agent_id: str) -> None:
    await db.execute(update(User).where(User.id == agent_id).values(livechat_count=User.livechat_count + 1))


async def department_agent_ids(db: AsyncSession, department_id: str) -> list[str]:
    stmt = select(DepartmentAgent.agent_id).where(DepartmentAgent.department_id == department_id)
    return list((await db.execute(stmt)).scalars().all())


async def department_agents(db: AsyncSession, department_id: str) -> list[DepartmentAgent]:
    stmt = select(DepartmentAgent).where(DepartmentAgent.department_id == department_id)
    return list((await db.execute(stmt.order_by(DepartmentAgent.order, DepartmentAgent.username))).scalars())


async def agent_departments(db: AsyncSession, agent_id: str) -> list[DepartmentAgent]:
    stmt = select(DepartmentAgent).where(DepartmentAgent.agent_id == agent_id)
    return list((await db.execute(stmt)).scalars().all())


async def upsert_department_agent(
    db: AsyncSession, department_id: str, agent_id: str, username: str, count: int, order: int, now: int
) -> None:
    await remove_department_agent(db, department_id, agent_id)
    await db.execute(
        insert(DepartmentAgent).values(
            department_id=department_id,
            agent_id=agent_id,
            username=username,
            count=count,
            order=order,
            updated_at=now,
        )
    )


async def remove_department_agent(db: AsyncSession, department_id: str, agent_id: str) -> None:
    await db.execute(
        delete(DepartmentAgent).where(
            DepartmentAgent.department_id == department_id, DepartmentAgent.agent_id == agent_id
        )
    )


async def remove_agent_everywhere(db: AsyncSession, agent_id: str) -> None:
    await db.execute(delete(DepartmentAgent).where(DepartmentAgent.agent_id == agent_id))
