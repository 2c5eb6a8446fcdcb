"""Queries on canned responses."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from sqlalchemy import and_, delete, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from frontdesk.documents import CannedResponseDoc
from frontdesk.models.canned_responses import CannedResponse
from frontdesk.store.documents import ColumnValues, dumps, loads, ms


def _columns(doc: CannedResponseDoc) -> ColumnValues:
    return {
        "id": doc["_id"],
        "shortcut": doc["shortcut"],
        "scope": doc["scope"],
        "department_id": doc.get("departmentId"),
        "user_id": doc.get("userId"),
        "created_by_id": doc["createdBy"]["_id"],
        "created_at": ms(doc["_createdAt"]) or 0,
        "updated_at": ms(doc["_updatedAt"]) or 0,
        "doc": dumps(doc),
    }


async def insert_response(db: AsyncSession, doc: CannedResponseDoc) -> None:
    await db.execute(insert(CannedResponse).values(**_columns(doc)))


async def save_response(db: AsyncSession, doc: CannedResponseDoc) -> None:
    await db.execute(update(CannedResponse).where(CannedResponse.id == doc["_id"]).values(**_columns(doc)))


async def get_response(db: AsyncSession, response_id: str) -> CannedResponseDoc | None:
    text = (await db.execute(select(CannedResponse.doc).where(CannedResponse.id == response_id))).scalar()
    return cast(CannedResponseDoc, loads(text)) if text is not None else None


async def id_of_shortcut(db: AsyncSession, shortcut: str) -> str | None:
    stmt = select(CannedResponse.id).where(CannedResponse.shortcut == shortcut)
    return (await db.execute(stmt)).scalar()


async def delete_response(db: AsyncSession, response_id: str) -> None:
    await db.execute(delete(CannedResponse).where(CannedResponse.id == response_id))


def visible_to(
    user_id: str, departments: Sequence[str] | None, *, others_private: bool
) -> ColumnElement[bool]:
    """Global ones, the user's own, and their departments' (`departments` None: every department's);
    with `others_private`, other users' own ones too (Rocket.Chat's view-all-canned-responses lists)."""
    dept = CannedResponse.scope == "department"
    if departments is not None:
        dept = and_(dept, CannedResponse.department_id.in_(list(departments)))
    if others_private:
        return or_(CannedResponse.scope.in_(("global", "user")), dept)
    own = and_(CannedResponse.scope == "user", CannedResponse.user_id == user_id)
    return or_(CannedResponse.scope == "global", own, dept)


async def find_responses(
    db: AsyncSession,
    visible: ColumnElement[bool],
    *,
    scope: str | None = None,
    department_id: str | None = None,
    created_by: str | None = None,
    shortcut: str | None = None,
    text: str | None = None,
) -> list[CannedResponseDoc]:
    """The visible responses matching the filters; `text` is narrowed here and matched exactly by the caller
    (on the shortcut or the text)."""
    conds = [visible]
    if scope:
        conds.append(CannedResponse.scope == scope)
    if department_id:
        conds.append(CannedResponse.department_id == department_id)
    if created_by:
        conds.append(CannedResponse.created_by_id == created_by)
    if shortcut:
        conds.append(CannedResponse.shortcut == shortcut)
    if text:
        conds.append(func.lower(CannedResponse.doc).contains(text.lower(), autoescape=True))
    stmt = select(CannedResponse.doc).where(*conds).order_by(CannedResponse.shortcut)
    return [cast(CannedResponseDoc, loads(t)) for t in (await db.execute(stmt)).scalars().all()]
