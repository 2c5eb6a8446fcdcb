"""Mail waiting to leave: the durable outbox the mail sender empties (frontdesk/mailer)."""

from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.models.base import Base, Millis


class OutboxMail(Base):
    """One mail, written in the transaction that caused it and deleted once a mail server accepted it.

    A sender claims a row by setting a lease (`lease_owner` until `lease_until`), so with several
    processes each mail is tried by one of them at a time; a lease that runs out frees the row again.
    """

    __tablename__ = "mail_outbox"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))  # what caused it: transcript, offline-message ...
    created_at: Mapped[int] = mapped_column(Millis)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[int] = mapped_column(Millis)
    lease_owner: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[int | None] = mapped_column(Millis)
    last_error: Mapped[str | None] = mapped_column(Text)
    # set when a mail server refused the mail for good (a 5xx answer): kept, never tried again
    failed_at: Mapped[int | None] = mapped_column(Millis)
    doc: Mapped[str] = mapped_column(Text)  # the mail (documents.MailDoc) as JSON

    __table_args__ = (Index("ix_mail_outbox_due", "failed_at", "next_attempt_at"),)
