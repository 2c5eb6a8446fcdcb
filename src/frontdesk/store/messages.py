"""Queries on room messages."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.models.messages import Message
from frontdesk.store.documents import dig, dumps, loads, ms


def message_columns(doc: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": doc["_id"],
        "rid": doc["rid"],
        "ts": ms(doc.get("ts")) or 0,
        "t": doc.get("t"),
        "user_id": dig(doc, "u", "_id"),
        "updated_at": ms(doc.get("_updatedAt")) or 0,
        "doc": dumps(doc),
    }


async def insert_messages(db: AsyncSession, docs: list[dict[str, Any]]) -> None:
    if docs:
        await db.execute(insert(Message), [message_columns(d) for d in docs])


async def room_messages(db: AsyncSession, rid: str) -> list[dict[str, Any]]:
    stmt = select(Message.doc).where(Message.rid == rid).order_by(Message.ts, Message.id)
    return [loads(t) for t in (await db.execute(stmt)).scalars().all()]
