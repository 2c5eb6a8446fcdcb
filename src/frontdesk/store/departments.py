"""Queries on departments and livechat tags."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.models.departments import Department, LivechatTag
from frontdesk.store.documents import dumps, loads, ms, table


def department_columns(doc: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": doc["_id"],
        "name": doc.get("name", ""),
        "enabled": bool(doc.get("enabled", True)),
        "updated_at": ms(doc.get("_updatedAt")) or 0,
        "doc": dumps(doc),
    }


async def insert_departments(db: AsyncSession, docs: list[dict[str, Any]]) -> None:
    if docs:
        await db.execute(insert(table(Department)), [department_columns(d) for d in docs])


async def get_department(db: AsyncSession, department_id: str) -> dict[str, Any] | None:
    text = (await db.execute(select(Department.doc).where(Department.id == department_id))).scalar()
    return loads(text) if text is not None else None


async def insert_tags(db: AsyncSession, rows: list[dict[str, Any]]) -> None:
    if rows:
        await db.execute(insert(table(LivechatTag)), rows)


async def get_department_by_name(db: AsyncSession, name: str) -> dict[str, Any] | None:
    text = (await db.execute(select(Department.doc).where(Department.name == name).limit(1))).scalar()
    return loads(text) if text is not None else None


async def list_enabled_departments(db: AsyncSession) -> list[dict[str, Any]]:
    stmt = select(Department.doc).where(Department.enabled.is_(True)).order_by(Department.name)
    return [loads(t) for t in (await db.execute(stmt)).scalars().all()]
