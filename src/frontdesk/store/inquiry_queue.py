"""Reading the queue of inquiries as agents and managers see it."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from frontdesk.documents import InquiryDoc
from frontdesk.models.inquiries import Inquiry
from frontdesk.store.documents import loads

_COLUMNS = {"ts": Inquiry.ts, "queuedAt": Inquiry.queued_at, "_updatedAt": Inquiry.updated_at}


def _order(sort: list[tuple[str, int]]) -> list[Any]:
    order = [(_COLUMNS[k].asc() if d > 0 else _COLUMNS[k].desc()) for k, d in sort if k in _COLUMNS]
    return [*order, Inquiry.id.asc()]


async def _page(
    db: AsyncSession,
    conds: list[ColumnElement[bool]],
    sort: list[tuple[str, int]],
    offset: int,
    limit: int | None,
) -> tuple[list[InquiryDoc], int]:
    # The page's ids first, from the index alone when it covers the filter and the order (the default
    # `ts`), then only their documents: a queue of thousands is never sorted with its documents.
    ids = select(Inquiry.id).where(*conds).order_by(*_order(sort)).offset(offset)
    if limit is not None:
        ids = ids.limit(limit)
    stmt = select(Inquiry.doc).where(Inquiry.id.in_(ids)).order_by(*_order(sort))
    rows = [cast(InquiryDoc, loads(t)) for t in (await db.execute(stmt)).scalars().all()]
    total = int((await db.execute(select(func.count()).select_from(Inquiry).where(*conds))).scalar_one())
    return rows, total


async def queued_for_agent(
    db: AsyncSession,
    agent_id: str,
    departments: list[str] | None,
    sort: list[tuple[str, int]],
    offset: int,
    limit: int | None,
) -> tuple[list[InquiryDoc], int]:
    """Queued inquiries meant for the agent, or for nobody in particular in their departments (or none)."""
    reachable: ColumnElement[bool] = Inquiry.department_id.is_(None)
    if departments:
        reachable = reachable | Inquiry.department_id.in_(departments)
    mine = Inquiry.default_agent_id == agent_id
    conds = [Inquiry.status == "queued", mine | (Inquiry.default_agent_id.is_(None) & reachable)]
    return await _page(db, conds, sort, offset, limit)


async def queued(
    db: AsyncSession, department_id: str | None, sort: list[tuple[str, int]], offset: int, limit: int | None
) -> tuple[list[InquiryDoc], int]:
    conds = [Inquiry.status == "queued"]
    if department_id is not None:
        conds.append(Inquiry.department_id == department_id)
    return await _page(db, conds, sort, offset, limit)
