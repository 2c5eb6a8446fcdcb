"""Bookkeeping about the schema itself."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.models.base import Base


class DeferredIndex(Base):
    """An index dropped for a bulk load (db.dialect.indexes_deferred), with the statement that builds it.

    Written in the transaction that drops the index and deleted in the one that builds it again, so a
    load killed in between leaves the statement here, and the next migration run restores the index.
    """

    __tablename__ = "deferred_indexes"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    sql: Mapped[str] = mapped_column(Text)
