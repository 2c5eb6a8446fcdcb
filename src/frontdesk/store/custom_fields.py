"""Queries on livechat custom field definitions."""

from __future__ import annotations

from typing import cast

from sqlalchemy import delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import CustomFieldDoc
from frontdesk.models.livechat import CustomField
from frontdesk.store.documents import dumps, loads, ms


async def get_custom_field(db: AsyncSession, field_id: str) -> CustomFieldDoc | None:
    text = (await db.execute(select(CustomField.doc).where(CustomField.id == field_id))).scalar()
    return cast(CustomFieldDoc, loads(text)) if text is not None else None


async def get_custom_fields(db: AsyncSession, field_ids: list[str]) -> dict[str, CustomFieldDoc]:
    """Several definitions by id, in one query (ids without one are left out)."""
    if not field_ids:
        return {}
    texts = (await db.execute(select(CustomField.doc).where(CustomField.id.in_(field_ids)))).scalars().all()
    docs = [cast(CustomFieldDoc, loads(t)) for t in texts]
    return {d["_id"]: d for d in docs}


async def save_custom_field(db: AsyncSession, doc: CustomFieldDoc) -> None:
    await db.execute(delete(CustomField).where(CustomField.id == doc["_id"]))
    row = {
        "id": doc["_id"],
        "scope": doc.get("scope", "visitor"),
        "updated_at": ms(doc.get("_updatedAt")) or 0,
    }
    await db.execute(insert(CustomField).values(**row, doc=dumps(doc)))


async def list_custom_fields(
    db: AsyncSession, offset: int, limit: int | None
) -> tuple[list[CustomFieldDoc], int]:
    stmt = select(CustomField.doc).order_by(CustomField.id).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    rows = [cast(CustomFieldDoc, loads(t)) for t in (await db.execute(stmt)).scalars().all()]
    total = int((await db.execute(select(func.count()).select_from(CustomField))).scalar_one())
    return rows, total


async def remove_custom_field(db: AsyncSession, field_id: str) -> bool:
    """Delete one definition; False when there was none (values already stored on rooms stay)."""
    result = await db.execute(delete(CustomField).where(CustomField.id == field_id))
    return bool(getattr(result, "rowcount", 0))
