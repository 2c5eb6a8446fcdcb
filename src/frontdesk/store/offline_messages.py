"""Offline messages visitors leave when no agent is online."""

from __future__ import annotations

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import OfflineMessageDoc
from frontdesk.models.livechat import OfflineMessage
from frontdesk.store.documents import dumps


async def insert_offline_message(db: AsyncSession, doc: OfflineMessageDoc, ts: int) -> None:
    await db.execute(insert(OfflineMessage).values(id=doc["_id"], ts=ts, doc=dumps(doc)))
