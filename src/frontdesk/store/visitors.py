"""Queries on livechat visitors."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import VisitorDoc
from frontdesk.models.visitors import Visitor
from frontdesk.store.documents import ColumnValues, Rows, as_rows, dig, dumps, insert_rows, loads, ms


def visitor_columns(doc: VisitorDoc) -> ColumnValues:
    phones = doc.get("phone") or []
    emails = doc.get("visitorEmails") or []
    return {
        "id": doc["_id"],
        "token": doc["token"],
        "username": doc["username"],
        "name": doc.get("name"),
        "phone": dig(phones[0], "phoneNumber") if phones else None,
        "email": dig(emails[0], "address") if emails else None,
        "department_id": doc.get("department"),
        "ts": ms(doc.get("ts")) or 0,
        "updated_at": ms(doc.get("_updatedAt")) or 0,
        "doc": dumps(doc),
    }


def visitor_rows(docs: Sequence[VisitorDoc]) -> Rows:
    return as_rows([visitor_columns(d) for d in docs])


async def insert_visitors(db: AsyncSession, docs: Sequence[VisitorDoc]) -> None:
    await insert_visitor_rows(db, visitor_rows(docs))


async def insert_visitor_rows(db: AsyncSession, rows: Rows) -> None:
    """Insert rows built by visitor_rows (perhaps in another process)."""
    await insert_rows(db, Visitor, rows)


async def get_by_token(db: AsyncSession, token: str) -> VisitorDoc | None:
    text = (await db.execute(select(Visitor.doc).where(Visitor.token == token))).scalar()
    return cast(VisitorDoc, loads(text)) if text is not None else None


async def get_by_id(db: AsyncSession, visitor_id: str) -> VisitorDoc | None:
    text = (await db.execute(select(Visitor.doc).where(Visitor.id == visitor_id))).scalar()
    return cast(VisitorDoc, loads(text)) if text is not None else None


async def get_by_username(db: AsyncSession, username: str) -> VisitorDoc | None:
    text = (await db.execute(select(Visitor.doc).where(Visitor.username == username))).scalar()
    return cast(VisitorDoc, loads(text)) if text is not None else None


async def find_by_phone_or_email(db: AsyncSession, phone: str | None, email: str | None) -> VisitorDoc | None:
    for column, value in ((Visitor.phone, phone), (Visitor.email, email)):
        if value:
            text = (await db.execute(select(Visitor.doc).where(column == value).limit(1))).scalar()
            if text is not None:
                return cast(VisitorDoc, loads(text))
    return None


async def save_visitor(db: AsyncSession, doc: VisitorDoc) -> None:
    row = visitor_columns(doc)
    await db.execute(update(Visitor).where(Visitor.id == row["id"]).values(**row))


async def delete_visitor(db: AsyncSession, visitor_id: str) -> None:
    await db.execute(delete(Visitor).where(Visitor.id == visitor_id))
