"""Queries on agents' room subscriptions."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.models.inquiries import Subscription
from frontdesk.store.documents import dumps, loads, ms


def subscription_columns(doc: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": doc["_id"],
        "rid": doc["rid"],
        "user_id": doc["u"]["_id"],
        "open": bool(doc.get("open", True)),
        "updated_at": ms(doc.get("_updatedAt")) or 0,
        "doc": dumps(doc),
    }


async def insert_subscription(db: AsyncSession, doc: dict[str, Any]) -> None:
    await db.execute(insert(Subscription).values(**subscription_columns(doc)))


async def save_subscription(db: AsyncSession, doc: dict[str, Any]) -> None:
    row = subscription_columns(doc)
    await db.execute(update(Subscription).where(Subscription.id == row["id"]).values(**row))


async def get_subscription(db: AsyncSession, rid: str, user_id: str) -> dict[str, Any] | None:
    stmt = select(Subscription.doc).where(Subscription.rid == rid, Subscription.user_id == user_id)
    text = (await db.execute(stmt)).scalar_one_or_none()
    return loads(text) if text is not None else None


async def room_subscriptions(db: AsyncSession, rid: str) -> list[dict[str, Any]]:
    stmt = select(Subscription.doc).where(Subscription.rid == rid)
    return [loads(t) for t in (await db.execute(stmt)).scalars().all()]


async def delete_subscription(db: AsyncSession, rid: str, user_id: str) -> None:
    await db.execute(delete(Subscription).where(Subscription.rid == rid, Subscription.user_id == user_id))


async def delete_room_subscriptions(db: AsyncSession, rid: str) -> None:
    await db.execute(delete(Subscription).where(Subscription.rid == rid))
