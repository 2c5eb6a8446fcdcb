"""Queries on departments and livechat tags."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import DepartmentDoc
from frontdesk.models.departments import Department, LivechatTag
from frontdesk.store.documents import ColumnValues, dumps, loads, ms, table


def department_columns(doc: DepartmentDoc) -> ColumnValues:
    return {
        "id": doc["_id"],
        "name": doc.get("name", ""),
        "enabled": bool(doc.get("enabled", True)),
        "updated_at": ms(doc.get("_updatedAt")) or 0,
        "doc": dumps(doc),
    }


async def insert_departments(db: AsyncSession, docs: Sequence[DepartmentDoc]) -> None:
    if docs:
        await db.execute(insert(table(Department)), [department_columns(d) for d in docs])


async def get_department(db: AsyncSession, department_id: str) -> DepartmentDoc | None:
    text = (await db.execute(select(Department.doc).where(Department.id == department_id))).scalar()
    return cast(DepartmentDoc, loads(text)) if text is not None else None


async def insert_tags(db: AsyncSession, rows: list[ColumnValues]) -> None:
    if rows:
        await db.execute(insert(table(LivechatTag)), rows)


async def get_department_by_name(db: AsyncSession, name: str) -> DepartmentDoc | None:
    text = (await db.execute(select(Department.doc).where(Department.name == name).limit(1))).scalar()
    return cast(DepartmentDoc, loads(text)) if text is not None else None


async def list_enabled_departments(db: AsyncSession) -> list[DepartmentDoc]:
    stmt = select(Department.doc).where(Department.enabled.is_(True)).order_by(Department.name)
    return [cast(DepartmentDoc, loads(t)) for t in (await db.execute(stmt)).scalars().all()]
