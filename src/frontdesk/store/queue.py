"""How many open chats each agent serves per department, read off the room counters."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.models.rooms import NO_KEY, STATE_ON_HOLD, STATE_SERVED, RoomCount


async def served_chats(
    db: AsyncSession, agent_id: str | None, department_id: str | None
) -> list[tuple[str, str | None, int]]:
    """(agent id, department id or None, open chats) for every agent serving at least one open chat."""
    conds = [RoomCount.state.in_([STATE_SERVED, STATE_ON_HOLD]), RoomCount.served_by_id != NO_KEY]
    if agent_id is not None:
        conds.append(RoomCount.served_by_id == agent_id)
    if department_id is not None:
        conds.append(RoomCount.department_id == department_id)
    stmt = (
        select(RoomCount.served_by_id, RoomCount.department_id, func.sum(RoomCount.n))
        .where(*conds)
        .group_by(RoomCount.served_by_id, RoomCount.department_id)
    )
    rows = (await db.execute(stmt)).all()
    return [(agent, dept or None, int(n)) for agent, dept, n in rows if int(n) > 0]
