"""Queries on uploaded files' metadata."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import UploadDoc
from frontdesk.models.uploads import STATE_SENT, STATE_STORED, Upload
from frontdesk.store.documents import dumps, loads, ms


async def insert_upload(db: AsyncSession, doc: UploadDoc, *, sent: bool) -> None:
    await db.execute(
        insert(Upload).values(
            id=doc["_id"],
            rid=doc["rid"],
            user_id=doc.get("userId"),
            visitor_token=doc.get("visitorToken"),
            name=doc["name"],
            type=doc["type"],
            size=doc["size"],
            state=STATE_SENT if sent else STATE_STORED,
            expires_at=ms(doc.get("expiresAt")),
            created_at=ms(doc["uploadedAt"]) or 0,
            doc=dumps(doc),
        )
    )


async def get_upload(db: AsyncSession, file_id: str, *, for_update: bool = False) -> UploadDoc | None:
    stmt = select(Upload.doc).where(Upload.id == file_id)
    if for_update:
        stmt = stmt.with_for_update()
    text = (await db.execute(stmt)).scalar_one_or_none()
    return cast(UploadDoc, loads(text)) if text is not None else None


async def mark_sent(db: AsyncSession, doc: UploadDoc) -> None:
    """A message carries the upload now: it no longer expires."""
    await db.execute(
        update(Upload)
        .where(Upload.id == doc["_id"])
        .values(state=STATE_SENT, expires_at=None, name=doc["name"], doc=dumps(doc))
    )


async def existing_ids(db: AsyncSession, file_ids: Sequence[str]) -> set[str]:
    if not file_ids:
        return set()
    return set((await db.execute(select(Upload.id).where(Upload.id.in_(list(file_ids))))).scalars().all())


async def expired_ids(db: AsyncSession, now: int, limit: int) -> list[str]:
    stmt = (
        select(Upload.id)
        .where(Upload.state == STATE_STORED, Upload.expires_at < now)
        .order_by(Upload.expires_at)
        .limit(limit)
    )
    return list((await db.execute(stmt)).scalars().all())


async def delete_expired(db: AsyncSession, file_ids: Sequence[str], now: int) -> list[str]:
    """Delete those still expired (not confirmed meanwhile); the ids deleted."""
    stmt = (
        delete(Upload)
        .where(Upload.id.in_(list(file_ids)), Upload.state == STATE_STORED, Upload.expires_at < now)
        .returning(Upload.id)
    )
    return list((await db.execute(stmt)).scalars().all())


async def room_files_page(
    db: AsyncSession,
    rid: str,
    *,
    name: str | None,
    type_group: str | None,
    newest_first: bool,
    offset: int,
    limit: int | None,
) -> tuple[list[UploadDoc], int]:
    """The files a room's messages carry, by upload time (the (rid, created_at) index)."""
    conds = [Upload.rid == rid, Upload.state == STATE_SENT]
    if name:
        conds.append(func.lower(Upload.name).contains(name.lower(), autoescape=True))
    if type_group:
        conds.append(Upload.type.startswith(f"{type_group}/", autoescape=True))
    order = (Upload.created_at.desc(), Upload.id.desc()) if newest_first else (Upload.created_at, Upload.id)
    stmt = select(Upload.doc).where(*conds).order_by(*order).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    docs = [cast(UploadDoc, loads(t)) for t in (await db.execute(stmt)).scalars().all()]
    total = (await db.execute(select(func.count()).select_from(Upload).where(*conds))).scalar_one()
    return docs, int(total)
