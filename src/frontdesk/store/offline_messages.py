"""Offline messages visitors leave when no agent is online."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.models.livechat import OfflineMessage
from frontdesk.store.documents import dumps


async def insert_offline_message(db: AsyncSession, doc: dict[str, Any], ts: int) -> None:
    await db.execute(insert(OfflineMessage).values(id=doc["_id"], ts=ts, doc=dumps(doc)))
