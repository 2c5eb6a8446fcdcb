"""Administrator-editable settings (Rocket.Chat's `rocketchat_settings`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.models.base import Base, Millis


class Setting(Base):
    __tablename__ = "settings"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[int] = mapped_column(Millis)
