"""Queries on the livechat tag catalogue."""

from __future__ import annotations

from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.clock import iso
from frontdesk.documents import TagDoc
from frontdesk.models.departments import LivechatTag


def tag_doc(tag: LivechatTag) -> TagDoc:
    departments = list(tag.departments or [])
    return {
        "_id": tag.id,
        "name": tag.name,
        "description": tag.description,
        "numDepartments": len(departments),
        "departments": departments,
        "_updatedAt": iso(tag.updated_at),
    }


async def get_tag(db: AsyncSession, tag_id: str) -> TagDoc | None:
    tag = await db.get(LivechatTag, tag_id, populate_existing=True)
    return tag_doc(tag) if tag is not None else None


async def get_tag_by_name(db: AsyncSession, name: str) -> TagDoc | None:
    tag = (await db.execute(select(LivechatTag).where(LivechatTag.name == name))).scalar_one_or_none()
    return tag_doc(tag) if tag is not None else None


async def all_tags(db: AsyncSession) -> list[TagDoc]:
    tags = (await db.execute(select(LivechatTag).order_by(LivechatTag.name))).scalars().all()
    return [tag_doc(t) for t in tags]


async def save_tag(
    db: AsyncSession, tag_id: str, name: str, description: str, departments: list[str], now: int
) -> None:
    """Insert or replace one tag."""
    await db.execute(delete(LivechatTag).where(LivechatTag.id == tag_id))
    await db.execute(
        insert(LivechatTag).values(
            id=tag_id, name=name, description=description, departments=departments, updated_at=now
        )
    )


async def remove_tag(db: AsyncSession, tag_id: str) -> bool:
    """Delete one tag; False when there was none (rooms keep the tag names they were given)."""
    result = await db.execute(delete(LivechatTag).where(LivechatTag.id == tag_id))
    return bool(getattr(result, "rowcount", 0))
