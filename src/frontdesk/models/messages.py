"""Room messages, stored as Rocket.Chat's JSON document with the columns they are read by."""

from __future__ import annotations

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.models.base import Base, Millis


class Message(Base):
    __tablename__ = "messages"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    rid: Mapped[str] = mapped_column(String(32))
    ts: Mapped[int] = mapped_column(Millis)
    t: Mapped[str | None] = mapped_column(String(40))
    user_id: Mapped[str | None] = mapped_column(String(32))
    updated_at: Mapped[int] = mapped_column(Millis)
    doc: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_messages_rid_ts", "rid", "ts"),)
