"""Queries on livechat inquiries."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.models.inquiries import Inquiry
from frontdesk.store.documents import dumps, ms


def inquiry_columns(doc: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": doc["_id"],
        "rid": doc["rid"],
        "status": doc["status"],
        "department_id": doc.get("department"),
        "ts": ms(doc.get("ts")) or 0,
        "queued_at": ms(doc.get("queuedAt")),
        "updated_at": ms(doc.get("_updatedAt")) or 0,
        "doc": dumps(doc),
    }


async def insert_inquiries(db: AsyncSession, docs: list[dict[str, Any]]) -> None:
    if docs:
        await db.execute(insert(Inquiry), [inquiry_columns(d) for d in docs])
