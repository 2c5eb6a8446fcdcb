"""Canned responses: snippets agents insert by `!shortcut` (Rocket.Chat's, an Enterprise feature there)."""

from __future__ import annotations

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.models.base import Base, Millis


class CannedResponse(Base):
    __tablename__ = "canned_responses"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    shortcut: Mapped[str] = mapped_column(String(200), unique=True)
    scope: Mapped[str] = mapped_column(String(20))  # global | department | user
    department_id: Mapped[str | None] = mapped_column(String(32))
    user_id: Mapped[str | None] = mapped_column(String(32))  # the owner of a `user` one
    created_by_id: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[int] = mapped_column(Millis)
    updated_at: Mapped[int] = mapped_column(Millis)
    doc: Mapped[str] = mapped_column(Text)  # documents.CannedResponseDoc

    __table_args__ = (
        Index("ix_canned_responses_scope_department_id", "scope", "department_id"),
        Index("ix_canned_responses_user_id", "user_id"),
    )
