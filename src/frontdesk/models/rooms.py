"""Livechat rooms: the Rocket.Chat document, pre-serialised, plus indexed columns for filters and sorts."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.models.base import Base, Millis

# `state` folds open / onHold / servedBy into one indexed value, so each of the listing's status
# filters (open=true, open=false, queued, onhold) is one equality on an index ordered by ts.
STATE_QUEUED = "queued"  # open, not on hold, nobody serving
STATE_SERVED = "served"  # open, not on hold, an agent serving
STATE_ON_HOLD = "onhold"  # open and on hold
STATE_CLOSED = "closed"  # closed, not on hold
STATE_CLOSED_ON_HOLD = "closed-onhold"  # closed while flagged on hold (kept distinct to stay exact)


class Room(Base):
    __tablename__ = "rooms"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    t: Mapped[str] = mapped_column(String(2), default="l")
    fname: Mapped[str | None] = mapped_column(String(200))
    # lower-cased fname for the case-insensitive roomName search, the same on both engines
    fname_lc: Mapped[str | None] = mapped_column(String(200))
    ts: Mapped[int] = mapped_column(Millis)
    lm: Mapped[int | None] = mapped_column(Millis)
    updated_at: Mapped[int] = mapped_column(Millis)
    open: Mapped[bool | None] = mapped_column(Boolean)
    on_hold: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[str] = mapped_column(String(16))
    served_by_id: Mapped[str | None] = mapped_column(String(32))
    department_id: Mapped[str | None] = mapped_column(String(32))
    closed_at: Mapped[int | None] = mapped_column(Millis)
    visitor_id: Mapped[str | None] = mapped_column(String(32), index=True)
    visitor_token: Mapped[str | None] = mapped_column(String(200), index=True)
    source_type: Mapped[str | None] = mapped_column(String(20))
    source_id: Mapped[str | None] = mapped_column(String(64))
    msgs: Mapped[int] = mapped_column(Integer, default=0)
    waiting_response: Mapped[bool | None] = mapped_column(Boolean)
    chat_duration: Mapped[float | None] = mapped_column(Float)
    service_time_duration: Mapped[float | None] = mapped_column(Float)
    # The room as Rocket.Chat's JSON (dates as ISO strings), kept current by every write.
    doc: Mapped[str] = mapped_column(Text)

    # Each listing filter has an index ending in (ts, id): the default order `ts desc, _id desc` is then
    # read straight off the index, and a page of 50 never sorts the matches.
    __table_args__ = (
        Index("ix_rooms_ts_id", "ts", "id"),
        Index("ix_rooms_state_ts", "state", "ts", "id"),
        Index("ix_rooms_department_ts", "department_id", "ts", "id"),
        Index("ix_rooms_department_state_ts", "department_id", "state", "ts", "id"),
        Index("ix_rooms_served_by_ts", "served_by_id", "ts", "id"),
        Index("ix_rooms_served_by_state_ts", "served_by_id", "state", "ts", "id"),
        Index("ix_rooms_closed_at", "closed_at"),
        Index("ix_rooms_lm", "lm"),
        Index("ix_rooms_updated_at", "updated_at"),
        Index("ix_rooms_fname", "fname"),
        Index("ix_rooms_source", "source_type", "source_id"),
    )


class RoomTag(Base):
    __tablename__ = "room_tags"

    room_id: Mapped[str] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(200), primary_key=True)
    # copy of the room's ts, so "rooms with tag X, newest first" walks one index
    ts: Mapped[int] = mapped_column(Millis)

    __table_args__ = (Index("ix_room_tags_tag_ts", "tag", "ts"),)


class RoomValue(Base):
    """One searchable string of a room, with a copy of its ts: its name (kind `name`, lower-cased) and
    each string in its livechatData (kind `cf:<key>`). A roomName or customFields filter first finds
    the distinct values that match (room_value_counts, few), then reads this table's indexes only
    (store/room_value_pages.py).

    `vkey` is the value itself when it is at most 200 characters, else a prefix and a digest of it
    (store.room_values.value_key), so the index never holds an oversized row.
    """

    __tablename__ = "room_values"

    room_id: Mapped[str] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(Text, primary_key=True)
    vkey: Mapped[str] = mapped_column(Text)
    ts: Mapped[int] = mapped_column(Millis)

    __table_args__ = (
        Index("ix_room_values_kind_vkey_ts", "kind", "vkey", "ts", "room_id"),
        # a common value's page: the kind in ts order, each entry's value tested in the index itself
        Index("ix_room_values_kind_ts", "kind", "ts", "room_id", "vkey"),
    )


class RoomValueCount(Base):
    """How many rooms hold each (kind, value): the distinct values a filter is matched against, and the
    exact total of a filter on one kind alone. Kept like RoomTagCount."""

    __tablename__ = "room_value_counts"

    kind: Mapped[str] = mapped_column(Text, primary_key=True)
    vkey: Mapped[str] = mapped_column(Text, primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    n: Mapped[int] = mapped_column(BigInteger, default=0)


# Stand-in for "no department" / "no agent" in room_counts, whose key columns cannot be NULL.
NO_KEY = ""
# RoomDayCount's day: a room's ts // DAY_MS (UTC days since the epoch); RoomClosedDayCount's: closed_at's.
DAY_MS = 86_400_000


class RoomCount(Base):
    """How many rooms have each (state, department, serving agent): exact totals without a scan.

    Kept by store.rooms in the same transaction as every room write (see store.room_counts).
    """

    __tablename__ = "room_counts"

    state: Mapped[str] = mapped_column(String(16), primary_key=True)
    department_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    served_by_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    n: Mapped[int] = mapped_column(BigInteger, default=0)

    __table_args__ = (
        Index("ix_room_counts_department_state", "department_id", "state"),
        Index("ix_room_counts_served_by_state", "served_by_id", "state"),
    )


class _DayCounts:
    """RoomCount's columns plus a UTC day (epoch ms // DAY_MS): the columns of both day-counter tables."""

    day: Mapped[int] = mapped_column(Integer, primary_key=True)
    state: Mapped[str] = mapped_column(String(16), primary_key=True)
    department_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    served_by_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    n: Mapped[int] = mapped_column(BigInteger, default=0)


class RoomDayCount(_DayCounts, Base):
    """RoomCount split by the UTC day each room was created (`ts // DAY_MS`), kept like RoomCount.

    A createdAt range's total is then a sum over the whole days inside it plus a count of the rooms in
    the part-days at its ends, whatever the number of rooms in between.
    """

    __tablename__ = "room_day_counts"
    __table_args__ = (
        Index("ix_room_day_counts_department_state_day", "department_id", "state", "day"),
        Index("ix_room_day_counts_served_by_state_day", "served_by_id", "state", "day"),
    )


class RoomClosedDayCount(_DayCounts, Base):
    """RoomCount split by the UTC day each closed room was closed (`closed_at // DAY_MS`), kept like
    RoomCount; rooms never closed are not in it. Answers closedAt ranges as RoomDayCount does createdAt.
    """

    __tablename__ = "room_closed_day_counts"
    __table_args__ = (
        Index("ix_room_closed_day_counts_department_state_day", "department_id", "state", "day"),
        Index("ix_room_closed_day_counts_served_by_state_day", "served_by_id", "state", "day"),
    )


class RoomTagCount(Base):
    """How many rooms carry each tag (room_tags rows per tag), kept like RoomCount."""

    __tablename__ = "room_tag_counts"

    tag: Mapped[str] = mapped_column(String(200), primary_key=True)
    n: Mapped[int] = mapped_column(BigInteger, default=0)
