"""Queries on the mail outbox: queue a mail, claim due ones under a lease, record what became of them."""

from __future__ import annotations

from typing import cast

from sqlalchemy import delete, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from frontdesk.documents import MailDoc
from frontdesk.models.mail import OutboxMail
from frontdesk.store.documents import dumps, loads


async def insert_mail(db: AsyncSession, mail_id: str, kind: str, doc: MailDoc, now: int) -> None:
    await db.execute(
        insert(OutboxMail).values(
            id=mail_id, kind=kind, created_at=now, attempts=0, next_attempt_at=now, doc=dumps(doc)
        )
    )


def _claimable(now: int) -> list[ColumnElement[bool]]:
    return [
        OutboxMail.failed_at.is_(None),
        OutboxMail.next_attempt_at <= now,
        or_(OutboxMail.lease_until.is_(None), OutboxMail.lease_until < now),
    ]


async def due_ids(db: AsyncSession, now: int, limit: int) -> list[str]:
    """Mail due a try that no sender holds, oldest due first."""
    stmt = select(OutboxMail.id).where(*_claimable(now)).order_by(OutboxMail.next_attempt_at).limit(limit)
    return list((await db.execute(stmt)).scalars().all())


async def claim(db: AsyncSession, mail_id: str, owner: str, now: int, lease_ms: int) -> bool:
    """Take the mail for `owner` until now + lease_ms, unless another sender took it first (the condition
    is checked again under the row's lock, so two senders never both win)."""
    stmt = (
        update(OutboxMail)
        .where(OutboxMail.id == mail_id, *_claimable(now))
        .values(lease_owner=owner, lease_until=now + lease_ms, attempts=OutboxMail.attempts + 1)
    )
    return bool((await db.execute(stmt)).rowcount == 1)  # type: ignore[attr-defined]


async def get_mail(db: AsyncSession, mail_id: str) -> tuple[MailDoc, int] | None:
    """The mail and how many tries it has had (this one included, once claimed)."""
    row = (
        await db.execute(select(OutboxMail.doc, OutboxMail.attempts).where(OutboxMail.id == mail_id))
    ).first()
    return (cast(MailDoc, loads(row[0])), int(row[1])) if row is not None else None


async def delete_sent(db: AsyncSession, mail_id: str, owner: str) -> None:
    await db.execute(delete(OutboxMail).where(OutboxMail.id == mail_id, OutboxMail.lease_owner == owner))


async def record_failure(
    db: AsyncSession, mail_id: str, owner: str, error: str, *, retry_at: int | None, failed_at: int | None
) -> None:
    """Free the lease; the mail is tried again at `retry_at`, or never (`failed_at`: refused for good)."""
    values: dict[str, object] = {"lease_owner": None, "lease_until": None, "last_error": error[:2000]}
    if retry_at is not None:
        values["next_attempt_at"] = retry_at
    if failed_at is not None:
        values["failed_at"] = failed_at
    await db.execute(
        update(OutboxMail).where(OutboxMail.id == mail_id, OutboxMail.lease_owner == owner).values(**values)
    )


async def waiting_count(db: AsyncSession) -> int:
    """Mail not yet accepted by a mail server and not refused for good."""
    stmt = select(func.count()).select_from(OutboxMail).where(OutboxMail.failed_at.is_(None))
    return int((await db.execute(stmt)).scalar_one())
