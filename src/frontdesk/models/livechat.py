"""Livechat configuration tables: department membership, custom field definitions, offline messages."""

from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.models.base import Base, Millis


class DepartmentAgent(Base):
    __tablename__ = "department_agents"

    department_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    agent_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    username: Mapped[str] = mapped_column(String(120))
    count: Mapped[int] = mapped_column(Integer, default=0)
    order: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[int] = mapped_column(Millis)

    __table_args__ = (Index("ix_department_agents_agent_id", "agent_id"),)


class CustomField(Base):
    __tablename__ = "custom_fields"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    scope: Mapped[str] = mapped_column(String(20))
    updated_at: Mapped[int] = mapped_column(Millis)
    doc: Mapped[str] = mapped_column(Text)


class OfflineMessage(Base):
    __tablename__ = "offline_messages"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    ts: Mapped[int] = mapped_column(Millis)
    doc: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_offline_messages_ts", "ts"),)
