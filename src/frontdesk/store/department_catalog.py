"""Department rows beyond creation: saving, listing, deleting, and counting their agents."""

from __future__ import annotations

from typing import cast

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import DepartmentDoc, RoomDoc
from frontdesk.models.departments import Department
from frontdesk.models.livechat import DepartmentAgent
from frontdesk.models.rooms import Room
from frontdesk.store.departments import department_columns
from frontdesk.store.documents import loads


async def save_department(db: AsyncSession, doc: DepartmentDoc) -> None:
    row = department_columns(doc)
    await db.execute(update(Department).where(Department.id == row["id"]).values(**row))


async def all_departments(db: AsyncSession) -> list[DepartmentDoc]:
    """Every department (a few hundred at most); lists filter and page these."""
    texts = (await db.execute(select(Department.doc).order_by(Department.name, Department.id))).scalars()
    return [cast(DepartmentDoc, loads(t)) for t in texts]


async def departments_by_ids(db: AsyncSession, ids: list[str]) -> dict[str, DepartmentDoc]:
    if not ids:
        return {}
    texts = (await db.execute(select(Department.doc).where(Department.id.in_(ids)))).scalars()
    return {d["_id"]: d for d in (cast(DepartmentDoc, loads(t)) for t in texts)}


async def delete_department(db: AsyncSession, department_id: str) -> None:
    await db.execute(delete(DepartmentAgent).where(DepartmentAgent.department_id == department_id))
    await db.execute(delete(Department).where(Department.id == department_id))


async def count_agents(db: AsyncSession, department_id: str) -> int:
    stmt = (
        select(func.count())
        .select_from(DepartmentAgent)
        .where(DepartmentAgent.department_id == department_id)
    )
    return int((await db.execute(stmt)).scalar_one())


async def departments_with_fallback(db: AsyncSession, department_id: str) -> list[DepartmentDoc]:
    return [d for d in await all_departments(db) if d.get("fallbackForwardDepartment") == department_id]


async def open_rooms_of_department(db: AsyncSession, department_id: str) -> list[RoomDoc]:
    stmt = select(Room.doc).where(Room.department_id == department_id, Room.open.is_(True)).with_for_update()
    return [cast(RoomDoc, loads(t)) for t in (await db.execute(stmt)).scalars().all()]
