"""room_values: the strings a room is searched by (its name, its custom fields), and their counts.

A roomName or customFields filter used to test every room's name or parse every room's document (1-10 s
at a million rooms). Here each is decided in two steps: first over the *distinct* values of its kind
(room_value_counts: a name or custom-field value many rooms share is tested once), then the rooms holding
a matching value are read from room_values' (kind, vkey, ts, room_id) index (store/room_value_pages.py).
The counts give the exact total of such a filter alone (its ByValues counting rule).

Count changes are collected per transaction and written just before it commits, after room_counts'
(see store/room_counts.py), in upserts with the keys sorted.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Table, delete, event, insert, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, SessionTransaction

from frontdesk.db import dialect
from frontdesk.db.memo import remembered
from frontdesk.documents import RoomDoc
from frontdesk.models.rooms import RoomValue, RoomValueCount
from frontdesk.store.documents import ColumnValues
from frontdesk.store.room_filter import ValueMatch

NAME = "name"
FIELD_PREFIX = "cf:"
MAX_VKEY = 200
# A custom-field key that can be looked up here: flat (a dotted key is a path into nested objects, which
# only the documents know) and short.
MAX_KIND_KEY = 200
# Past this many distinct values the matching runs in a thread, off the event loop.
_INLINE_VALUES = 2000
# Up to this many distinct values, what a filter matched is remembered until the next commit.
_REMEMBERED_VALUES = 20_000
_UPSERT_ROWS = 1000  # rows per upsert statement (4 parameters each: far below either engine's limit)

ValueKey = tuple[str, str]  # (kind, vkey)
_TABLE = cast(Table, RoomValueCount.__table__)
_PENDING = "frontdesk.room_values.pending"
_TEXTS = "frontdesk.room_values.texts"


def value_key(value: str) -> str:
    """The value, or for a long one a prefix and its digest (201+ characters: never a short value)."""
    if len(value) <= MAX_VKEY:
        return value
    return value[:160] + "\x1f" + hashlib.sha256(value.encode()).hexdigest()


def field_kind(key: str) -> str | None:
    """The kind of a livechatData key, or None when it cannot be looked up here."""
    if not key or "." in key or len(key) > MAX_KIND_KEY:
        return None
    return FIELD_PREFIX + key


def values_of(doc: RoomDoc, fname_lc: str | None) -> dict[str, str]:
    """{kind: value} of a room: its lower-cased name, and each string its livechatData holds."""
    out: dict[str, str] = {}
    if fname_lc is not None:
        out[NAME] = fname_lc
    data = doc.get("livechatData")
    if isinstance(data, dict):
        for key, value in data.items():
            kind = field_kind(key) if isinstance(key, str) else None
            if kind is not None and isinstance(value, str):
                out[kind] = value
    return out


def rows_of(room_id: str, ts: int, values: Mapping[str, str]) -> list[ColumnValues]:
    return [{"room_id": room_id, "kind": k, "vkey": value_key(v), "ts": ts} for k, v in values.items()]


def change_of(
    removed: Mapping[str, str], added: Mapping[str, str]
) -> tuple[Counter[ValueKey], dict[ValueKey, str]]:
    """Count deltas (and the texts of the added values) for a room's values going from one set to another."""
    change: Counter[ValueKey] = Counter()
    texts: dict[ValueKey, str] = {}
    for kind, value in added.items():
        key = (kind, value_key(value))
        change[key] += 1
        texts[key] = value
    for kind, value in removed.items():
        change[kind, value_key(value)] -= 1
    return change, texts


async def apply(db: AsyncSession, change: Counter[ValueKey], texts: Mapping[ValueKey, str]) -> None:
    """Add the changes to room_value_counts when the transaction commits."""
    if not any(change.values()):
        return
    if db.in_nested_transaction():  # a savepoint may roll back alone: write now
        for stmt in _upserts(change, texts, db.get_bind().dialect.name):
            await db.execute(stmt)
        return
    info = db.sync_session.info
    info.setdefault(_PENDING, Counter()).update(change)
    info.setdefault(_TEXTS, {}).update(texts)


def _upserts(change: Counter[ValueKey], texts: Mapping[ValueKey, str], dialect_name: str) -> list[Any]:
    rows = [
        {"kind": k[0], "vkey": k[1], "value": texts.get(k, k[1]), "n": n}
        for k, n in sorted(change.items())
        if n
    ]
    return [
        dialect.upsert_add(_TABLE, rows[i : i + _UPSERT_ROWS], ["kind", "vkey"], "n", dialect_name)
        for i in range(0, len(rows), _UPSERT_ROWS)
    ]


def _pending_statements(session: Session) -> list[Any]:
    change = session.info.pop(_PENDING, None)
    texts = session.info.pop(_TEXTS, None) or {}
    return _upserts(change, texts, session.get_bind().dialect.name) if change else []


async def write_pending(db: AsyncSession) -> None:
    for stmt in _pending_statements(db.sync_session):
        await db.execute(stmt)


@event.listens_for(Session, "before_commit")
def _write_on_commit(session: Session) -> None:
    for stmt in _pending_statements(session):
        session.execute(stmt)


@event.listens_for(Session, "after_transaction_end")
def _forget_on_end(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(_PENDING, None)
        session.info.pop(_TEXTS, None)


async def replace_values(db: AsyncSession, room_id: str, ts: int, values: Mapping[str, str]) -> None:
    """A saved room's values: rewritten only where they changed (most saves change none), and counted."""
    stmt = select(RoomValue.kind, RoomValue.vkey, RoomValue.ts).where(RoomValue.room_id == room_id)
    old = (await db.execute(stmt)).all()
    new = {kind: value_key(value) for kind, value in values.items()}
    if {r.kind: r.vkey for r in old} == new and all(r.ts == ts for r in old):
        return
    await db.execute(delete(RoomValue).where(RoomValue.room_id == room_id))
    rows = rows_of(room_id, ts, values)
    if rows:
        await db.execute(insert(RoomValue), rows)
    change: Counter[ValueKey] = Counter((kind, vkey) for kind, vkey in new.items())
    change.subtract((r.kind, r.vkey) for r in old)
    texts = {(kind, value_key(value)): value for kind, value in values.items()}
    await apply(db, change, texts)


async def delete_values(db: AsyncSession, room_ids: Sequence[str]) -> None:
    gone = await db.execute(
        delete(RoomValue).where(RoomValue.room_id.in_(room_ids)).returning(RoomValue.kind, RoomValue.vkey)
    )
    change: Counter[ValueKey] = Counter()
    change.subtract((r.kind, r.vkey) for r in gone.all())
    await apply(db, change, {})


async def distinct_values(db: AsyncSession, kind: str) -> list[tuple[str, str, int]]:
    """(vkey, value, rooms) of every value of a kind that some room holds; a read transaction keeps
    them until the next commit (db/memo.py)."""
    await write_pending(db)

    async def read() -> list[tuple[str, str, int]]:
        stmt = select(RoomValueCount.vkey, RoomValueCount.value, RoomValueCount.n).where(
            RoomValueCount.kind == kind, RoomValueCount.n > 0
        )
        return [(r[0], r[1], int(r[2])) for r in (await db.execute(stmt)).all()]

    return await remembered(db, ("room_values", kind), read)


async def matching(db: AsyncSession, kind: str, test: Callable[[str], bool], key: Hashable) -> ValueMatch:
    """The values of `kind` whose text passes `test`, and how many rooms hold them, from the counts;
    a read transaction keeps the answer under `key` (what `test` is: a pattern, a needle) until the next
    commit, so a listing asked again does not test every distinct value again.

    `test` must be linear in its input (a substring test, an RE2 search); with many distinct values it
    runs in a thread so the event loop keeps answering."""
    found = await distinct_values(db, kind)

    def pick() -> ValueMatch:
        keep = sorted((vkey, n) for vkey, value, n in found if test(value))
        return ValueMatch(kind, tuple(k for k, _ in keep), sum(n for _, n in keep))

    async def match() -> ValueMatch:
        if len(found) > _INLINE_VALUES:
            return await asyncio.to_thread(pick)
        return pick()

    if len(found) > _REMEMBERED_VALUES:  # a match may hold every value: not kept by the thousand
        return await match()
    return await remembered(db, ("room_values.matching", kind, key), match)


async def kind_size(db: AsyncSession, kind: str) -> int:
    """How many rooms hold a value of `kind`: the length of the index range a value walk reads."""
    found = await distinct_values(db, kind)

    async def add() -> int:
        return sum(n for _, _, n in found)

    return await remembered(db, ("room_values.kind_size", kind), add)
