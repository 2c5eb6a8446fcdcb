"""room_values and room_value_counts follow every room write: inserts, saves that change or keep a
room's name and custom fields, deletes, and a rolled-back write."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import pytest
from sqlalchemy import func, select

from factories import room_doc
from frontdesk.db.engine import Database
from frontdesk.models.rooms import RoomValue, RoomValueCount
from frontdesk.store import room_values
from frontdesk.store import rooms as room_store

T0 = 1_700_000_000_000
NAMES = ["Ana Silva", "BRUNO", "Carla", None]
PLANS = ["gold", "Silver", "x" * 300, 7]


def _random_fields(rng: random.Random) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if rng.random() < 0.7:
        data["plan"] = rng.choice(PLANS)
    if rng.random() < 0.3:
        data["odd.key"] = "never indexed"  # a dotted key is a path: left to the documents
    return {"fname": rng.choice(NAMES), "livechatData": data or None}


async def _state(
    db: Database,
) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]], set[tuple[str, str, str]]]:
    async with db.session(write=False) as session:
        counted = Counter(
            {
                (r.kind, r.vkey): int(r.n)
                for r in (
                    await session.execute(select(RoomValueCount).where(RoomValueCount.n != 0))
                ).scalars()
            }
        )
        grouped = Counter(
            {
                (r[0], r[1]): int(r[2])
                for r in (
                    await session.execute(
                        select(RoomValue.kind, RoomValue.vkey, func.count()).group_by(
                            RoomValue.kind, RoomValue.vkey
                        )
                    )
                ).all()
            }
        )
        rows = {(r.room_id, r.kind, r.vkey) for r in (await session.execute(select(RoomValue))).scalars()}
    return counted, grouped, rows


def _expected(docs: dict[str, dict[str, Any]]) -> set[tuple[str, str, str]]:
    out = set()
    for rid, doc in docs.items():
        fname = doc.get("fname")
        for kind, value in room_values.values_of(
            doc, fname.lower() if isinstance(fname, str) else None
        ).items():
            out.add((rid, kind, room_values.value_key(value)))
    return out


@pytest.mark.parametrize("seed", [1, 2])
async def test_values_and_counts_follow_writes(db: Database, seed: int) -> None:
    rng = random.Random(seed)
    docs = {d["_id"]: d for d in (room_doc(T0 + i, **_random_fields(rng)) for i in range(40))}
    async with db.session() as session:
        await room_store.insert_rooms(session, list(docs.values()))
    for _ in range(60):
        rid = rng.choice(sorted(docs))
        action = rng.random()
        async with db.session() as session:
            if action < 0.15:
                await room_store.delete_rooms(session, [rid])
                del docs[rid]
            else:
                doc = {**docs[rid], **{k: v for k, v in _random_fields(rng).items() if v is not None}}
                if rng.random() < 0.3:
                    doc["ts"] = room_doc(T0 + rng.randint(0, 10_000))["ts"]
                await room_store.save_room(session, doc)
                docs[rid] = doc
        if rid in docs and rng.random() < 0.2:  # a rolled-back write leaves no trace
            with pytest.raises(RuntimeError):
                async with db.session() as session:
                    await room_store.save_room(
                        session, {**docs[rid], "livechatData": {"plan": "rolled back"}}
                    )
                    raise RuntimeError
    counted, grouped, rows = await _state(db)
    assert counted == grouped
    assert rows == _expected(docs)
