"""The metric counters (room_day_metrics, room_hour_messages, room_day_label_counts) stay equal to the same
sums computed in SQL over the rooms, after random writes (through both save paths), rollbacks, concurrent
writers and the migration's backfill."""

from __future__ import annotations

import asyncio
import itertools
import random
from typing import Any

import pytest
from sqlalchemy import case, func, select

from factories import room_doc
from frontdesk.clock import iso, parse_iso
from frontdesk.db import migrate
from frontdesk.db.engine import Database
from frontdesk.models.room_metrics import RoomDayLabelCount, RoomDayMetrics, RoomHourMessages, RoomHourMetrics
from frontdesk.models.rooms import DAY_MS, Room, RoomTag
from frontdesk.store import rooms as room_store
from frontdesk.store.room_metric_values import (
    EXTREMES,
    HOUR_MS,
    SUMS,
    TIMINGS,
    abandoned_sql,
    micros,
    source_label,
    timing_sql,
)

T0 = 1_700_000_000_000
HOUR = 3_600_000
AGENTS = ["agentA", "agentB", "agentC"]
DEPTS = ["deptX", "deptY"]
TAGS = ["vip", "billing", "bug"]
SOURCES = [{"type": "widget"}, {"type": "api"}, {"type": "app", "id": "wa"}, {"type": "app"}]


def _seconds(rng: random.Random) -> float:
    # ms times, and averages of them (x.xxx5 and thirds): the cases where rounding could differ
    return rng.choice(
        [rng.randint(0, 90_000) / 1000, rng.randint(0, 90_000) / 2000, rng.randint(0, 9000) / 3]
    )


def _random_state(rng: random.Random, doc: dict[str, Any]) -> None:
    """A random status, department, agent, tags, source and metrics, as the services' writes leave them."""
    for key in ("servedBy", "onHold", "closedAt", "metrics", "waitingResponse"):
        doc.pop(key, None)
    doc["open"] = True
    kind = rng.choice(["queued", "served", "onhold", "closed", "closed-unserved"])
    if kind in ("served", "onhold", "closed"):
        agent = rng.choice(AGENTS)
        doc["servedBy"] = {"_id": agent, "username": agent, "ts": doc["ts"]}
    if kind == "onhold":
        doc["onHold"] = True
    metrics: dict[str, Any] = {}
    if rng.random() < 0.7:
        ft = _seconds(rng)
        metrics["response"] = {"ft": ft, "avg": rng.choice([ft, _seconds(rng)])}
        metrics["reaction"] = {"ft": _seconds(rng)}
    if kind.startswith("closed"):
        del doc["open"]
        opened = parse_iso(doc["ts"])
        assert opened is not None
        closed = opened + rng.randint(0, 60) * HOUR
        doc["closedAt"] = iso(closed)
        metrics["chatDuration"] = (closed - opened) / 1000
        if rng.random() < 0.5:
            metrics["serviceTimeDuration"] = _seconds(rng)
    if metrics:
        doc["metrics"] = metrics
    if rng.random() < 0.5:
        doc["waitingResponse"] = True
    doc["msgs"] = rng.randint(0, 20)
    doc["source"] = rng.choice(SOURCES)
    if rng.random() < 0.3:
        doc.pop("departmentId", None)
    else:
        doc["departmentId"] = rng.choice(DEPTS)
    if rng.random() < 0.3:
        doc.pop("tags", None)
    else:
        doc["tags"] = rng.choices(TAGS, k=rng.randint(0, 3))


def _new_room(rng: random.Random, n: int) -> dict[str, Any]:
    doc = room_doc(T0 + n * 5 * HOUR)
    _random_state(rng, doc)
    return doc


async def _stored(db: Database) -> tuple[Any, ...]:
    async with db.session(write=False) as session:
        metrics = []
        for m, key in ((RoomDayMetrics, RoomDayMetrics.day), (RoomHourMetrics, RoomHourMetrics.hour)):
            columns = [getattr(m, c) for c in (*SUMS, *EXTREMES)]
            rows = (await session.execute(select(key, m.department_id, m.served_by_id, *columns))).all()
            metrics.append({tuple(r[:3]): tuple(r[3:]) for r in rows if r[3]})
        h = RoomHourMessages
        found = await session.execute(select(h.hour, h.department_id, h.msgs))
        hours = {(r[0], r[1]): r[2] for r in found if r[2]}
        lab = RoomDayLabelCount
        found = await session.execute(select(lab.day, lab.department_id, lab.kind, lab.label, lab.n))
        labels = {tuple(r[:4]): r[4] for r in found if r[4]}
    return *metrics, hours, labels


async def _expected(db: Database) -> tuple[Any, ...]:
    """The same sums in SQL over the rooms (the part-days' and the backfill's way)."""
    async with db.session(write=False) as session:
        times = timing_sql(db.dialect_name)
        tagged = select(RoomTag.room_id).where(RoomTag.room_id == Room.id).exists()
        day = (Room.ts // DAY_MS).label("day")
        dept = func.coalesce(Room.department_id, "").label("dept")
        agent = func.coalesce(Room.served_by_id, "").label("agent")
        columns: list[Any] = [func.count(), func.sum(Room.msgs), func.sum(abandoned_sql())]
        columns.append(func.sum(case((tagged, 0), else_=1)))
        for name in TIMINGS:
            columns += [func.coalesce(func.sum(times[name]), 0), func.count(times[name])]
        for timing, larger in EXTREMES.values():
            columns.append((func.max if larger else func.min)(times[timing]))
        metrics = []
        hour = (Room.ts // HOUR_MS).label("hour")
        for unit in (day, hour):
            stmt = select(unit, dept, agent, *columns).group_by(unit, dept, agent)
            metrics.append({tuple(r[:3]): tuple(r[3:]) for r in (await session.execute(stmt)).all()})
        stmt = select(hour, dept, func.sum(Room.msgs)).group_by(hour, dept)
        hours = {(r[0], r[1]): r[2] for r in (await session.execute(stmt)).all() if r[2]}
        rows = await session.execute(select(Room.ts, Room.department_id, Room.source_type, Room.source_id))
        labels: dict[Any, int] = {}
        for ts, department, source_type, source_id in rows.all():
            label = source_label(source_type, source_id)
            if label is not None:
                key = (ts // DAY_MS, department or "", "source", label)
                labels[key] = labels.get(key, 0) + 1
        stmt = select(RoomTag.ts, Room.department_id, RoomTag.tag).join(Room, Room.id == RoomTag.room_id)
        for ts, department, tag in (await session.execute(stmt)).all():
            key = (ts // DAY_MS, department or "", "tag", tag)
            labels[key] = labels.get(key, 0) + 1
    return *metrics, hours, labels


async def _check(db: Database) -> None:
    assert await _stored(db) == await _expected(db)


def test_micros_rounds_halves_up_as_sql_does() -> None:
    assert micros(1.0000005) == 1_000_001
    assert micros(2) == 2_000_000
    assert micros(None) is None and micros("3") is None


@pytest.mark.parametrize("seed", [1, 2])
async def test_metric_counters_match_sums_after_random_writes(db: Database, seed: int) -> None:
    rng = random.Random(seed)
    numbers = itertools.count()
    rooms: list[str] = []
    for step in range(40):
        action = rng.choice(["insert", "update", "message", "message", "delete"]) if rooms else "insert"
        async with db.session() as session:
            if action == "insert":
                docs = [_new_room(rng, next(numbers)) for _ in range(rng.randint(1, 6))]
                await room_store.insert_rooms(session, docs)
                rooms += [d["_id"] for d in docs]
            elif action in ("update", "message"):
                for rid in rng.sample(rooms, min(len(rooms), rng.randint(1, 4))):
                    doc = await room_store.get_room(session, rid, for_update=True)
                    assert doc is not None
                    if action == "update":  # the full save: status, department, agent, tags may move
                        _random_state(rng, doc)
                        await room_store.save_room(session, doc)
                        continue
                    # a message: counts and metrics move, nothing else (save_room's one-UPDATE path)
                    shape = room_store.room_shape(doc)
                    doc["msgs"] = int(doc.get("msgs") or 0) + 1
                    response = doc.setdefault("metrics", {}).setdefault("response", {})
                    response["avg"] = _seconds(rng)
                    await room_store.save_room(session, doc, read_as=shape)
            else:
                gone = rng.sample(rooms, min(len(rooms), rng.randint(1, 3)))
                await room_store.delete_rooms(session, gone)
                rooms = [r for r in rooms if r not in gone]
        if step % 10 == 9:
            await _check(db)
    await _check(db)


async def test_rolled_back_and_concurrent_writes_stay_exact(db: Database) -> None:
    rng = random.Random(7)
    docs = [_new_room(rng, n) for n in range(24)]
    async with db.session() as session:
        await room_store.insert_rooms(session, docs)
    with pytest.raises(RuntimeError):
        async with db.session() as session:
            doc = await room_store.get_room(session, docs[0]["_id"], for_update=True)
            assert doc is not None
            _random_state(rng, doc)
            await room_store.save_room(session, doc)
            raise RuntimeError("roll back")
    ids = [d["_id"] for d in docs]

    async def writer(worker: int) -> None:
        local = random.Random(worker)
        for _ in range(6):
            async with db.session() as session:
                for rid in sorted(local.sample(ids, 2)):
                    doc = await room_store.get_room(session, rid, for_update=True)
                    assert doc is not None
                    _random_state(local, doc)
                    await room_store.save_room(session, doc)
                await asyncio.sleep(0)

    await asyncio.gather(*(writer(w) for w in range(5)))
    await _check(db)


async def test_migration_backfills_metric_counters(db: Database) -> None:
    rng = random.Random(5)
    async with db.session() as session:
        await room_store.insert_rooms(session, [_new_room(rng, n) for n in range(40)])
    before = await _stored(db)
    assert all(before)
    await migrate.downgrade(db.engine, "0011")
    await migrate.upgrade(db.engine)
    assert await _stored(db) == before
    await _check(db)
