"""Per-day sums of room metrics, kept like room_day_counts (store/room_metric_counts.py): what the
livechat/analytics routes sum, average or take the longest of, without reading the period's rooms.

Times are whole microseconds (a room's seconds × 1,000,000, rounded half up), so sums stay exact integers
whatever the order rooms are added and removed in, on both engines.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.models.base import Base


class _MetricColumns:
    """How many rooms, their messages, how many were abandoned or carry no tag, and for each timing the
    sum and the number of rooms that have it; the longest (or best) of some."""

    department_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    served_by_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    n: Mapped[int] = mapped_column(BigInteger, default=0)
    msgs: Mapped[int] = mapped_column(BigInteger, default=0)
    abandoned: Mapped[int] = mapped_column(BigInteger, default=0)
    untagged: Mapped[int] = mapped_column(BigInteger, default=0)
    response_avg_sum: Mapped[int] = mapped_column(BigInteger, default=0)
    response_avg_n: Mapped[int] = mapped_column(BigInteger, default=0)
    response_ft_sum: Mapped[int] = mapped_column(BigInteger, default=0)
    response_ft_n: Mapped[int] = mapped_column(BigInteger, default=0)
    reaction_ft_sum: Mapped[int] = mapped_column(BigInteger, default=0)
    reaction_ft_n: Mapped[int] = mapped_column(BigInteger, default=0)
    chat_duration_sum: Mapped[int] = mapped_column(BigInteger, default=0)
    chat_duration_n: Mapped[int] = mapped_column(BigInteger, default=0)
    service_time_sum: Mapped[int] = mapped_column(BigInteger, default=0)
    service_time_n: Mapped[int] = mapped_column(BigInteger, default=0)
    waiting_sum: Mapped[int] = mapped_column(BigInteger, default=0)
    waiting_n: Mapped[int] = mapped_column(BigInteger, default=0)
    response_avg_max: Mapped[int | None] = mapped_column(BigInteger)
    reaction_ft_max: Mapped[int | None] = mapped_column(BigInteger)
    chat_duration_max: Mapped[int | None] = mapped_column(BigInteger)
    response_ft_min: Mapped[int | None] = mapped_column(BigInteger)


class RoomDayMetrics(_MetricColumns, Base):
    """The metrics of the rooms created on a UTC day (`ts // DAY_MS`) in a department ('' none) served
    by an agent ('' none): a period's whole days."""

    __tablename__ = "room_day_metrics"

    day: Mapped[int] = mapped_column(Integer, primary_key=True)

    __table_args__ = (
        Index("ix_room_day_metrics_department_day", "department_id", "day"),
        Index("ix_room_day_metrics_served_by_day", "served_by_id", "day"),
    )


class RoomHourMetrics(_MetricColumns, Base):
    """The same by UTC hour (`ts // HOUR_MS`): the whole hours of a period's part-days, so only the rooms
    of its part-hours are read one by one."""

    __tablename__ = "room_hour_metrics"

    hour: Mapped[int] = mapped_column(Integer, primary_key=True)

    __table_args__ = (
        Index("ix_room_hour_metrics_department_hour", "department_id", "hour"),
        Index("ix_room_hour_metrics_served_by_hour", "served_by_id", "hour"),
    )


class RoomHourMessages(Base):
    """Messages of the rooms created in a UTC hour (`ts // HOUR_MS`) in a department: busiest times."""

    __tablename__ = "room_hour_messages"

    hour: Mapped[int] = mapped_column(Integer, primary_key=True)
    department_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    msgs: Mapped[int] = mapped_column(BigInteger, default=0)


class RoomDayLabelCount(Base):
    """Rooms created on a UTC day in a department by label: `kind` 'tag' (one row per tag a room
    carries) or 'source' (an app by its id, else the source type): the tag and source facets and
    reports of a createdAt range."""

    __tablename__ = "room_day_label_counts"

    day: Mapped[int] = mapped_column(Integer, primary_key=True)
    department_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)
    label: Mapped[str] = mapped_column(Text, primary_key=True)
    n: Mapped[int] = mapped_column(BigInteger, default=0)

    __table_args__ = (Index("ix_room_day_label_counts_kind_department_day", "kind", "department_id", "day"),)
