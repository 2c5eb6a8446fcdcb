"""Queries on livechat inquiries (the routing queue)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import InquiryDoc
from frontdesk.models.inquiries import Inquiry
from frontdesk.store.documents import ColumnValues, Rows, as_rows, dumps, insert_rows, loads, ms


def inquiry_columns(doc: InquiryDoc) -> ColumnValues:
    return {
        "id": doc["_id"],
        "rid": doc["rid"],
        "status": doc["status"],
        "department_id": doc.get("department"),
        "default_agent_id": default_agent["agentId"] if (default_agent := doc.get("defaultAgent")) else None,
        "ts": ms(doc.get("ts")) or 0,
        "queued_at": ms(doc.get("queuedAt")),
        "updated_at": ms(doc.get("_updatedAt")) or 0,
        "doc": dumps(doc),
    }


def inquiry_rows(docs: Sequence[InquiryDoc]) -> Rows:
    return as_rows([inquiry_columns(d) for d in docs])


async def insert_inquiries(db: AsyncSession, docs: Sequence[InquiryDoc]) -> None:
    await insert_inquiry_rows(db, inquiry_rows(docs))


async def insert_inquiry_rows(db: AsyncSession, rows: Rows) -> None:
    """Insert rows built by inquiry_rows (perhaps in another process)."""
    await insert_rows(db, Inquiry, rows)


async def save_inquiry(db: AsyncSession, doc: InquiryDoc) -> None:
    row = inquiry_columns(doc)
    await db.execute(update(Inquiry).where(Inquiry.id == row["id"]).values(**row))


async def get_inquiry(db: AsyncSession, inquiry_id: str, *, for_update: bool = False) -> InquiryDoc | None:
    stmt = select(Inquiry.doc).where(Inquiry.id == inquiry_id)
    if for_update:
        stmt = stmt.with_for_update()
    text = (await db.execute(stmt)).scalar_one_or_none()
    return cast(InquiryDoc, loads(text)) if text is not None else None


async def get_by_room(db: AsyncSession, rid: str, *, for_update: bool = False) -> InquiryDoc | None:
    stmt = select(Inquiry.doc).where(Inquiry.rid == rid)
    if for_update:
        stmt = stmt.with_for_update()
    text = (await db.execute(stmt)).scalar_one_or_none()
    return cast(InquiryDoc, loads(text)) if text is not None else None


async def delete_by_room(db: AsyncSession, rid: str) -> None:
    await db.execute(delete(Inquiry).where(Inquiry.rid == rid))


async def list_by_status(
    db: AsyncSession,
    status: str,
    *,
    departments: list[str | None] | None,
    offset: int,
    limit: int | None,
    newest_first: bool = False,
) -> tuple[list[InquiryDoc], int]:
    """Inquiries with a status, optionally only in some departments (None stands for no department)."""
    conds = [Inquiry.status == status]
    if departments is not None:
        named = [d for d in departments if d is not None]
        in_named = Inquiry.department_id.in_(named)
        conds.append(in_named | Inquiry.department_id.is_(None) if None in departments else in_named)
    order = (Inquiry.ts.desc(), Inquiry.id.desc()) if newest_first else (Inquiry.ts.asc(), Inquiry.id.asc())
    stmt = select(Inquiry.doc).where(*conds).order_by(*order).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    rows = [cast(InquiryDoc, loads(t)) for t in (await db.execute(stmt)).scalars().all()]
    total = int((await db.execute(select(func.count()).select_from(Inquiry).where(*conds))).scalar_one())
    return rows, total


async def queue_position(db: AsyncSession, inquiry: InquiryDoc) -> int:
    """1-based place of a queued inquiry among those queued before it in its department."""
    ts = ms(inquiry.get("queuedAt") or inquiry.get("ts")) or 0
    stmt = select(func.count()).select_from(Inquiry).where(Inquiry.status == "queued", Inquiry.queued_at < ts)
    return int((await db.execute(stmt)).scalar_one()) + 1
