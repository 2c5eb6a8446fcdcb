"""Room rows: writing a room document together with the indexed columns derived from it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.db import dialect
from frontdesk.documents import RoomDoc, RoomSource
from frontdesk.models.rooms import (
    STATE_CLOSED,
    STATE_CLOSED_ON_HOLD,
    STATE_ON_HOLD,
    STATE_QUEUED,
    STATE_SERVED,
    Room,
    RoomTag,
    RoomValue,
)
from frontdesk.store import room_counts, room_metric_counts, room_values
from frontdesk.store.documents import ColumnValues, Rows, as_rows, dig, dumps, insert_rows, loads, ms
from frontdesk.store.room_metric_values import Contribution, contribution

# The columns that decide which counters a room is in (what room_counts.count_key reads).
_KEY = (Room.state, Room.department_id, Room.served_by_id, Room.ts, Room.closed_at)


def room_state(doc: RoomDoc) -> str:
    is_open = doc.get("open") is True
    on_hold = doc.get("onHold") is True
    if not is_open:
        return STATE_CLOSED_ON_HOLD if on_hold else STATE_CLOSED
    if on_hold:
        return STATE_ON_HOLD
    return STATE_SERVED if dig(doc, "servedBy", "_id") else STATE_QUEUED


def room_columns(doc: RoomDoc) -> ColumnValues:
    """The indexed columns of a room, all derived from its document (the one source of truth)."""
    fname = doc.get("fname")
    duration = dig(doc, "metrics", "chatDuration")
    service = dig(doc, "metrics", "serviceTimeDuration")
    waiting = doc.get("waitingResponse")
    return {
        "id": doc["_id"],
        "t": doc.get("t", "l"),
        "fname": fname,
        "fname_lc": fname.lower() if isinstance(fname, str) else None,
        "ts": ms(doc.get("ts")) or 0,
        "lm": ms(doc.get("lm")),
        "updated_at": ms(doc.get("_updatedAt")) or 0,
        "open": True if doc.get("open") is True else None,
        "on_hold": doc.get("onHold") is True,
        "state": room_state(doc),
        "served_by_id": dig(doc, "servedBy", "_id"),
        "department_id": doc.get("departmentId"),
        "closed_at": ms(doc.get("closedAt")),
        "visitor_id": dig(doc, "v", "_id"),
        "visitor_token": dig(doc, "v", "token"),
        "source_type": dig(doc, "source", "type"),
        "source_id": dig(doc, "source", "id"),
        "msgs": int(doc.get("msgs") or 0),
        "waiting_response": waiting if isinstance(waiting, bool) else None,
        "chat_duration": float(duration) if isinstance(duration, int | float) else None,
        "service_time_duration": float(service) if isinstance(service, int | float) else None,
        "doc": dumps(doc),
    }


def _tag_rows(doc: RoomDoc, ts: int) -> list[ColumnValues]:
    tags = doc.get("tags")
    if not isinstance(tags, list):
        return []
    unique = dict.fromkeys(t for t in tags if isinstance(t, str))
    return [{"room_id": doc["_id"], "tag": t, "ts": ts} for t in unique]


def _contribution(doc: RoomDoc) -> Contribution:
    """The room's share of the metric counters (store/room_metric_values.py)."""
    tags = doc.get("tags")
    unique = list(dict.fromkeys(t for t in tags if isinstance(t, str))) if isinstance(tags, list) else []
    return contribution(doc, room_state(doc), unique)


@dataclass(frozen=True)
class NewRooms:
    """New rooms as the rows insert_rooms writes; built apart from the write so another process can."""

    rooms: Rows
    tags: Rows
    counts: Counter[room_counts.CountKey]
    tag_counts: Counter[str]
    metrics: room_metric_counts.MetricChange
    values: Rows
    value_counts: Counter[room_values.ValueKey]
    value_texts: dict[room_values.ValueKey, str]


def new_rooms(docs: Sequence[RoomDoc]) -> NewRooms:
    rows = [room_columns(d) for d in docs]
    tag_rows = [t for d, r in zip(docs, rows, strict=True) for t in _tag_rows(d, r["ts"])]
    counts = room_counts.deltas([], map(room_counts.count_key, rows))
    metrics = room_metric_counts.change([], (_contribution(d) for d in docs))
    value_rows: list[ColumnValues] = []
    value_counts: Counter[room_values.ValueKey] = Counter()
    value_texts: dict[room_values.ValueKey, str] = {}
    for doc, row in zip(docs, rows, strict=True):
        values = room_values.values_of(doc, row["fname_lc"])
        value_rows += room_values.rows_of(row["id"], row["ts"], values)
        change, texts = room_values.change_of({}, values)
        value_counts.update(change)
        value_texts.update(texts)
    return NewRooms(
        as_rows(rows),
        as_rows(tag_rows),
        counts,
        Counter(t["tag"] for t in tag_rows),
        metrics,
        as_rows(value_rows),
        value_counts,
        value_texts,
    )


async def insert_new_rooms(db: AsyncSession, new: NewRooms) -> None:
    """Insert rooms built by new_rooms (one statement per table, so bulk loads stay fast) and count them."""
    await insert_rows(db, Room, new.rooms)
    await insert_rows(db, RoomTag, new.tags)
    await insert_rows(db, RoomValue, new.values)
    await room_counts.apply(db, new.counts, new.tag_counts)
    await room_metric_counts.apply(db, new.metrics)
    await room_values.apply(db, new.value_counts, new.value_texts)


async def insert_rooms(db: AsyncSession, docs: Sequence[RoomDoc]) -> None:
    """Insert new rooms and count them."""
    await insert_new_rooms(db, new_rooms(docs))


RoomShape = tuple[object, ...]


def room_shape(doc: RoomDoc) -> RoomShape:
    """What a room's rows in other tables follow: its counters' key, its tags and its filter values (and
    the `ts` their rows carry), and last its share of the metric counters. Most saves (a message:
    counters, metrics, lastMessage) leave all but that share alone."""
    fname = doc.get("fname")
    fname_lc = fname.lower() if isinstance(fname, str) else None
    ts = ms(doc.get("ts")) or 0
    key = room_counts.count_key(
        {"state": room_state(doc), "department_id": doc.get("departmentId"),
         "served_by_id": dig(doc, "servedBy", "_id"), "ts": ts, "closed_at": ms(doc.get("closedAt"))}
    )  # fmt: skip
    tags = tuple(t["tag"] for t in _tag_rows(doc, ts))
    values = tuple(sorted(room_values.values_of(doc, fname_lc).items()))
    return key, ts, tags, values, _contribution(doc)


async def save_room(db: AsyncSession, doc: RoomDoc, *, read_as: RoomShape | None = None) -> None:
    """Write back a changed room document, refresh its derived columns and tags, and move its count.

    `read_as`: the room_shape of the document as this transaction read it *under its lock*. When the
    save leaves the shape as it was, counters, tags and values cannot move: one UPDATE is the whole save."""
    row = room_columns(doc)
    if read_as is not None:
        shape = room_shape(doc)
        if read_as[:-1] == shape[:-1]:
            await db.execute(update(Room).where(Room.id == row["id"]).values(**row))
            await _move_metrics(db, read_as[-1], cast(Contribution, shape[-1]))
            return
    # Locking the old row (the caller usually holds the lock already) keeps the counter move exact
    # when two transactions change the same room.
    key_stmt = select(*_KEY, Room.doc).where(Room.id == row["id"]).with_for_update()
    old = (await db.execute(key_stmt)).mappings().one_or_none()
    if old is None:
        return
    await db.execute(update(Room).where(Room.id == row["id"]).values(**row))
    await _move_metrics(db, _contribution(cast(RoomDoc, loads(old["doc"]))), _contribution(doc))
    old_tags = await db.execute(delete(RoomTag).where(RoomTag.room_id == row["id"]).returning(RoomTag.tag))
    tag_rows = _tag_rows(doc, row["ts"])
    if tag_rows:
        await db.execute(insert(RoomTag), tag_rows)
    tags: Counter[str] = Counter(t["tag"] for t in tag_rows)
    tags.subtract(old_tags.scalars().all())
    before, after = room_counts.count_key(old), room_counts.count_key(row)
    if before != after or any(tags.values()):
        await room_counts.apply(db, room_counts.deltas([before], [after]), tags)
    await room_values.replace_values(db, row["id"], row["ts"], room_values.values_of(doc, row["fname_lc"]))


async def _move_metrics(db: AsyncSession, before: object, after: Contribution) -> None:
    if before != after:
        await room_metric_counts.apply(db, room_metric_counts.moved(cast(Contribution, before), after))


async def delete_rooms(db: AsyncSession, room_ids: Sequence[str]) -> None:
    """Remove rooms with their tags, and uncount them."""
    if not room_ids:
        return
    await room_values.delete_values(db, room_ids)
    tags = await db.execute(delete(RoomTag).where(RoomTag.room_id.in_(room_ids)).returning(RoomTag.tag))
    untagged = Counter({tag: -n for tag, n in Counter(tags.scalars().all()).items()})
    found = delete(Room).where(Room.id.in_(room_ids)).returning(*_KEY, Room.doc)
    gone = (await db.execute(found)).mappings().all()
    await room_counts.apply(db, room_counts.deltas(map(room_counts.count_key, gone), []), untagged)
    removed = (_contribution(cast(RoomDoc, loads(r["doc"]))) for r in gone)
    await room_metric_counts.apply(db, room_metric_counts.change(removed, []))


async def get_room(db: AsyncSession, room_id: str, *, for_update: bool = False) -> RoomDoc | None:
    """The room; `for_update` locks it for change (first waiting for the right to write, on SQLite)."""
    stmt = select(Room.doc).where(Room.id == room_id)
    if for_update:
        await dialect.lock_writes(db)
        stmt = stmt.with_for_update()
    text = (await db.execute(stmt)).scalar_one_or_none()
    return cast(RoomDoc, loads(text)) if text is not None else None


async def find_sources(db: AsyncSession) -> list[RoomSource]:
    """One `source` sub-document per distinct (type, id) over all rooms, for livechat/rooms/filters."""
    firsts = (
        select(func.min(Room.id))
        .group_by(Room.source_type, Room.source_id)
        .where(Room.source_type.is_not(None))
    )
    docs = (await db.execute(select(Room.doc).where(Room.id.in_(firsts)))).scalars().all()
    sources = (loads(d).get("source") for d in docs)
    return [cast(RoomSource, source) for source in sources if isinstance(source, dict)]
