"""Single-room lookups the chat lifecycle needs (by visitor, by agent)."""

from __future__ import annotations

from typing import cast

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import RoomDoc
from frontdesk.models.inquiries import Subscription
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


async def subscribed_rooms(db: AsyncSession, user_id: str, since: int | None = None) -> list[RoomDoc]:
    """Rooms the user holds a subscription to (rooms.get), changed after `since` (ms) when given."""
    stmt = (
        select(Room.doc)
        .join(Subscription, Subscription.rid == Room.id)
        .where(Subscription.user_id == user_id)
    )
    if since is not None:
        stmt = stmt.where(Room.updated_at > since)
    return [
        cast(RoomDoc, loads(t)) for t in (await db.execute(stmt.order_by(Room.updated_at))).scalars().all()
    ]


async def rooms_of_visitor(
    db: AsyncSession, visitor_id: str, newest_first: bool, offset: int, limit: int | None
) -> tuple[list[RoomDoc], int]:
    """Every room of one visitor, open or closed, by creation time, with their total."""
    order = (Room.ts.desc(), Room.id.desc()) if newest_first else (Room.ts.asc(), Room.id.asc())
    stmt = select(Room.doc).where(Room.visitor_id == visitor_id).order_by(*order).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    rows = [cast(RoomDoc, loads(t)) for t in (await db.execute(stmt)).scalars().all()]
    total = (await db.execute(select(func.count()).where(Room.visitor_id == visitor_id))).scalar_one()
    return rows, int(total)
