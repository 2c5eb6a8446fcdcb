"""Queueing mail: a mail joins the outbox in the transaction that caused it, so it is sent if and only if
that transaction commits (frontdesk/mailer sends it afterwards, retrying until a server takes it)."""

from __future__ import annotations

import re
from html import escape

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import MailDoc
from frontdesk.events.mail import MailQueued
from frontdesk.events.outbox import emit
from frontdesk.ids import random_id
from frontdesk.store import mail_outbox as store

# Good enough to refuse what no mail server would take; the server has the last word.
_ADDRESS = re.compile(
    r"^[^@\s<>()\[\],;:\"]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]{1,63})+$"
)


_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def one_line(text: str) -> str:
    """For a mail header: no line breaks or other control characters (no header injection)."""
    return _CONTROL.sub(" ", text).strip()


def is_address(text: str) -> bool:
    return len(text) <= 254 and _ADDRESS.match(text) is not None


def html_text(text: str) -> str:
    """Plain text for an HTML body: escaped, line breaks kept."""
    return escape(text).replace("\r\n", "\n").replace("\n", "<br>\n")


async def do_queue_mail(db: AsyncSession, kind: str, mail: MailDoc, now: int) -> str:
    """Put a mail in the outbox; the sender hears of it once the transaction commits."""
    mail_id = random_id()
    await store.insert_mail(db, mail_id, kind, mail, now)
    emit(db, MailQueued(mail_id, kind))
    return mail_id
