"""Livechat inquiries (the routing queue) and agents' room subscriptions."""

from __future__ import annotations

from sqlalchemy import Boolean, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.models.base import Base, Millis


class Inquiry(Base):
    __tablename__ = "inquiries"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    rid: Mapped[str] = mapped_column(String(32), unique=True)
    status: Mapped[str] = mapped_column(String(16))
    department_id: Mapped[str | None] = mapped_column(String(32))
    # defaultAgent.agentId: the agent a queued chat waits for (their last agent, a contact manager)
    default_agent_id: Mapped[str | None] = mapped_column(String(32))
    ts: Mapped[int] = mapped_column(Millis)
    queued_at: Mapped[int | None] = mapped_column(Millis)
    updated_at: Mapped[int] = mapped_column(Millis)
    doc: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        Index("ix_inquiries_status_department_ts", "status", "department_id", "ts"),
        # inquiries.queuedForUser: an agent's own (default_agent_id = them), then the unclaimed ones
        Index(
            "ix_inquiries_status_default_agent_ts", "status", "default_agent_id", "department_id", "ts", "id"
        ),
    )


class Subscription(Base):
    __tablename__ = "subscriptions"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    rid: Mapped[str] = mapped_column(String(32), index=True)
    user_id: Mapped[str] = mapped_column(String(32), index=True)
    open: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[int] = mapped_column(Millis)
    doc: Mapped[str] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("rid", "user_id"),)
