"""Queries on agents' room subscriptions."""

from __future__ import annotations

from typing import cast

from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import SubscriptionDoc
from frontdesk.models.inquiries import Subscription
from frontdesk.store.documents import ColumnValues, dumps, loads, ms


def subscription_columns(doc: SubscriptionDoc) -> ColumnValues:
    return {
        "id": doc["_id"],
        "rid": doc["rid"],
        "user_id": doc["u"]["_id"],
        "open": bool(doc.get("open", True)),
        "updated_at": ms(doc.get("_updatedAt")) or 0,
        "doc": dumps(doc),
    }


async def insert_subscription(db: AsyncSession, doc: SubscriptionDoc) -> None:
    await db.execute(insert(Subscription).values(**subscription_columns(doc)))


async def save_subscription(db: AsyncSession, doc: SubscriptionDoc) -> None:
    row = subscription_columns(doc)
    await db.execute(update(Subscription).where(Subscription.id == row["id"]).values(**row))


async def get_subscription(db: AsyncSession, rid: str, user_id: str) -> SubscriptionDoc | None:
    stmt = select(Subscription.doc).where(Subscription.rid == rid, Subscription.user_id == user_id)
    text = (await db.execute(stmt)).scalar_one_or_none()
    return cast(SubscriptionDoc, loads(text)) if text is not None else None


async def room_subscriptions(db: AsyncSession, rid: str) -> list[SubscriptionDoc]:
    stmt = select(Subscription.doc).where(Subscription.rid == rid)
    return [cast(SubscriptionDoc, loads(t)) for t in (await db.execute(stmt)).scalars().all()]


async def delete_subscription(db: AsyncSession, rid: str, user_id: str) -> None:
    await db.execute(delete(Subscription).where(Subscription.rid == rid, Subscription.user_id == user_id))


async def delete_room_subscriptions(db: AsyncSession, rid: str) -> None:
    await db.execute(delete(Subscription).where(Subscription.rid == rid))


async def user_subscriptions(
    db: AsyncSession, user_id: str, since: int | None = None
) -> list[SubscriptionDoc]:
    """The user's subscriptions, those changed after `since` (ms) when given."""
    stmt = select(Subscription.doc).where(Subscription.user_id == user_id)
    if since is not None:
        stmt = stmt.where(Subscription.updated_at > since)
    rows = (await db.execute(stmt.order_by(Subscription.updated_at))).scalars().all()
    return [cast(SubscriptionDoc, loads(t)) for t in rows]
