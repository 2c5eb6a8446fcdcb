"""Offline messages visitors leave when no agent is online."""

from __future__ import annotations

from typing import cast

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import OfflineMessageDoc
from frontdesk.models.livechat import OfflineMessage
from frontdesk.store.documents import dumps, loads


async def insert_offline_message(db: AsyncSession, doc: OfflineMessageDoc, ts: int) -> None:
    await db.execute(insert(OfflineMessage).values(id=doc["_id"], ts=ts, doc=dumps(doc)))


async def offline_messages_page(
    db: AsyncSession, *, newest_first: bool, offset: int, limit: int | None
) -> tuple[list[OfflineMessageDoc], int]:
    """A page of offline messages by time (the ts index), and how many there are."""
    order = (
        (OfflineMessage.ts.desc(), OfflineMessage.id.desc())
        if newest_first
        else (OfflineMessage.ts, OfflineMessage.id)
    )
    stmt = select(OfflineMessage.doc).order_by(*order).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    docs = [cast(OfflineMessageDoc, loads(t)) for t in (await db.execute(stmt)).scalars().all()]
    total = (await db.execute(select(func.count()).select_from(OfflineMessage))).scalar_one()
    return docs, int(total)
