"""Uploaded files' metadata; the bytes are on disk (frontdesk/file_storage.py), named by the row's id."""

from __future__ import annotations

from sqlalchemy import BigInteger, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.models.base import Base, Millis

STATE_STORED = "stored"  # the file is complete, not (yet) in a message: it expires unless confirmed
STATE_SENT = "sent"  # a message carries it


class Upload(Base):
    __tablename__ = "uploads"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    rid: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str | None] = mapped_column(String(32))  # an agent's upload
    visitor_token: Mapped[str | None] = mapped_column(String(200))  # a visitor's upload
    name: Mapped[str] = mapped_column(String(255))
    type: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(16))
    expires_at: Mapped[int | None] = mapped_column(Millis)
    created_at: Mapped[int] = mapped_column(Millis)
    doc: Mapped[str] = mapped_column(Text)  # documents.UploadDoc

    __table_args__ = (
        Index("ix_uploads_rid_created_at", "rid", "created_at"),
        Index("ix_uploads_expires_at", "expires_at"),
    )
