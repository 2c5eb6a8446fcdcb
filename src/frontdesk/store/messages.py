"""Queries on room messages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import MessageDoc
from frontdesk.models.messages import Message
from frontdesk.store.documents import ColumnValues, Rows, as_rows, dig, dumps, insert_rows, loads, ms


def message_columns(doc: MessageDoc) -> ColumnValues:
    return {
        "id": doc["_id"],
        "rid": doc["rid"],
        "ts": ms(doc.get("ts")) or 0,
        "t": doc.get("t"),
        "user_id": dig(doc, "u", "_id"),
        "updated_at": ms(doc.get("_updatedAt")) or 0,
        "doc": dumps(doc),
    }


def message_rows(docs: Sequence[MessageDoc]) -> Rows:
    return as_rows([message_columns(d) for d in docs])


async def insert_messages(db: AsyncSession, docs: Sequence[MessageDoc]) -> None:
    await insert_message_rows(db, message_rows(docs))


async def insert_message_rows(db: AsyncSession, rows: Rows) -> None:
    """Insert rows built by message_rows (perhaps in another process)."""
    await insert_rows(db, Message, rows)


async def save_message(db: AsyncSession, doc: MessageDoc) -> None:
    row = message_columns(doc)
    await db.execute(update(Message).where(Message.id == row["id"]).values(**row))


async def get_message(db: AsyncSession, message_id: str) -> MessageDoc | None:
    text = (await db.execute(select(Message.doc).where(Message.id == message_id))).scalar_one_or_none()
    return cast(MessageDoc, loads(text)) if text is not None else None


async def message_exists(db: AsyncSession, message_id: str) -> bool:
    return (await db.execute(select(Message.id).where(Message.id == message_id))).first() is not None


async def delete_message(db: AsyncSession, message_id: str) -> None:
    await db.execute(delete(Message).where(Message.id == message_id))


async def delete_room_messages(db: AsyncSession, rid: str) -> None:
    await db.execute(delete(Message).where(Message.rid == rid))


async def room_messages(db: AsyncSession, rid: str) -> list[MessageDoc]:
    stmt = select(Message.doc).where(Message.rid == rid).order_by(Message.ts, Message.id)
    return [cast(MessageDoc, loads(t)) for t in (await db.execute(stmt)).scalars().all()]


async def history(
    db: AsyncSession,
    rid: str,
    *,
    before: int | None,
    after: int | None,
    offset: int,
    limit: int | None,
    visible_types: tuple[str, ...] | None = None,
) -> list[MessageDoc]:
    """A room's messages, newest first, optionally between two times."""
    stmt = select(Message.doc).where(Message.rid == rid)
    if before is not None:
        stmt = stmt.where(Message.ts < before)
    if after is not None:
        stmt = stmt.where(Message.ts > after)
    stmt = stmt.order_by(Message.ts.desc(), Message.id.desc()).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [cast(MessageDoc, loads(t)) for t in (await db.execute(stmt)).scalars().all()]


async def messages_page(
    db: AsyncSession,
    rid: str,
    *,
    kinds: tuple[str, ...] | None,
    search: str | None,
    newest_first: bool,
    offset: int,
    limit: int | None,
) -> tuple[list[MessageDoc], int]:
    """A page of a room's messages with their total: chat messages only (kinds=None) or of the given `t`s."""
    conds = [Message.rid == rid, Message.t.is_(None) if kinds is None else Message.t.in_(kinds)]
    if search:
        # the document text holds `msg`; a case-insensitive match on it, filtered exactly below
        conds.append(func.lower(Message.doc).contains(search.lower()))
    order = (Message.ts.desc(), Message.id.desc()) if newest_first else (Message.ts.asc(), Message.id.asc())
    stmt = select(Message.doc).where(*conds).order_by(*order)
    if not search:
        stmt = stmt.offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        rows = [cast(MessageDoc, loads(t)) for t in (await db.execute(stmt)).scalars().all()]
        total = (await db.execute(select(func.count()).select_from(Message).where(*conds))).scalar_one()
        return rows, int(total)
    docs = [cast(MessageDoc, loads(t)) for t in (await db.execute(stmt)).scalars().all()]
    matches = [doc for doc in docs if search.lower() in doc["msg"].lower()]
    end = None if limit is None else offset + limit
    return matches[offset:end], len(matches)
