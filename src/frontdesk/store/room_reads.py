"""Single-room lookups the chat lifecycle needs (by visitor, by agent)."""

from __future__ import annotations

from typing import cast

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import RoomDoc
from frontdesk.models.rooms import Room
from frontdesk.store.documents import loads


async def open_room_of_visitor(db: AsyncSession, token: str) -> RoomDoc | None:
    stmt = select(Room.doc).where(Room.visitor_token == token, Room.open.is_(True)).order_by(Room.ts.desc())
    text = (await db.execute(stmt.limit(1))).scalar()
    return cast(RoomDoc, loads(text)) if text is not None else None


async def open_rooms_of_visitor(db: AsyncSession, token: str) -> list[RoomDoc]:
    stmt = select(Room.doc).where(Room.visitor_token == token, Room.open.is_(True)).order_by(Room.ts.desc())
    return [cast(RoomDoc, loads(t)) for t in (await db.execute(stmt)).scalars().all()]


async def room_ids_of_visitor(db: AsyncSession, visitor_id: str) -> list[str]:
    return list((await db.execute(select(Room.id).where(Room.visitor_id == visitor_id))).scalars().all())


async def open_rooms_served_by(db: AsyncSession, agent_id: str) -> list[RoomDoc]:
    stmt = select(Room.doc).where(Room.served_by_id == agent_id, Room.open.is_(True))
    return [cast(RoomDoc, loads(t)) for t in (await db.execute(stmt)).scalars().all()]
