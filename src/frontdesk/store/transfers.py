"""Queries on a room's transfer history (its `livechat_transfer_history` messages)."""

from __future__ import annotations

from typing import cast

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import MessageDoc
from frontdesk.models.messages import Message
from frontdesk.store.documents import loads

TRANSFER = "livechat_transfer_history"


async def transfer_messages(
    db: AsyncSession, rid: str, newest_first: bool, offset: int, limit: int | None
) -> tuple[list[MessageDoc], int]:
    conds = [Message.rid == rid, Message.t == TRANSFER]
    order = (Message.ts.desc(), Message.id.desc()) if newest_first else (Message.ts.asc(), Message.id.asc())
    stmt = select(Message.doc).where(*conds).order_by(*order).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    rows = [cast(MessageDoc, loads(t)) for t in (await db.execute(stmt)).scalars().all()]
    total = int((await db.execute(select(func.count()).select_from(Message).where(*conds))).scalar_one())
    return rows, total
