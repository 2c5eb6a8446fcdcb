"""Livechat departments and livechat tags (the tag catalogue managers maintain)."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.models.base import Base, Millis


class Department(Base):
    __tablename__ = "departments"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[int] = mapped_column(Millis)
    doc: Mapped[str] = mapped_column(Text)


class LivechatTag(Base):
    __tablename__ = "livechat_tags"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(String(500), default="")
    departments: Mapped[list[str]] = mapped_column(JSON, default=list)
    updated_at: Mapped[int] = mapped_column(Millis)
