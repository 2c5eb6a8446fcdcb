"""room_counts stays equal to a plain COUNT over rooms after random writes, also concurrent ones."""

from __future__ import annotations

import asyncio
import itertools
import random
from collections import Counter
from typing import Any

import pytest
from sqlalchemy import func, select

from factories import room_doc
from frontdesk.clock import iso, parse_iso
from frontdesk.db import migrate
from frontdesk.db.engine import Database
from frontdesk.models.rooms import Room, RoomTag
from frontdesk.store import room_counts, room_query, room_totals
from frontdesk.store import rooms as room_store
from frontdesk.store.room_filter import DateRange, RoomFilter
from frontdesk.store.room_filters import Status
from frontdesk.store.room_search import FieldQuery, NameQuery

T0 = 1_700_000_000_000
HOUR = 3_600_000
DAY = 24 * HOUR  # models.rooms.DAY_MS; T0 is 22:13:20 UTC, so rooms 5 hours apart span days unevenly
AGENTS = ["agentA", "agentB", "agentC"]
DEPTS = ["deptX", "deptY"]
TAGS = ["vip", "billing", "bug", "Vip"]

STATUS: list[dict[str, Any]] = [
    {},
    {"status": Status(open=True)},
    {"status": Status(open=False)},
    {"status": Status(queued=True)},
    {"status": Status(onhold=True)},
    {"status": Status(open=False, onhold=True)},
    {"status": Status(queued=True, open=False)},
]
ID_LISTS: list[list[str] | None] = [None, [], ["nobody"]]
SHAPES = [
    RoomFilter(**status, department_ids=depts, agents=agents)
    for status in STATUS
    for depts in [*ID_LISTS, [DEPTS[0]], DEPTS]
    for agents in [*ID_LISTS, [AGENTS[0]], AGENTS[:2]]
]
# createdAt / closedAt ranges: part-days at either end, whole days only, open ends, less than a day,
# nothing
_MIDNIGHT = T0 // DAY * DAY + DAY
RANGES = [
    DateRange(T0 + 3 * HOUR, T0 + 100 * HOUR),
    DateRange(_MIDNIGHT, _MIDNIGHT + 3 * DAY - 1),
    DateRange(_MIDNIGHT + 1, _MIDNIGHT + 3 * DAY),
    DateRange(T0 + 30 * HOUR, None),
    DateRange(None, T0 + 50 * HOUR),
    DateRange(T0 + 2 * HOUR, T0 + 9 * HOUR),
    DateRange(None, None),
]
DAY_SHAPES = [
    RoomFilter(**status, department_ids=depts, agents=agents, **{field: r})
    for status in STATUS
    for depts in [None, [DEPTS[0]], []]
    for agents in [None, AGENTS[:2]]
    for r in RANGES
    for field in ("created_at", "closed_at")
]


def _random_state(rng: random.Random, doc: dict[str, Any]) -> None:
    """Move a room to a random status, department and agent, as the services' writes do."""
    for key in ("servedBy", "onHold", "closedAt"):
        doc.pop(key, None)
    doc["open"] = True
    kind = rng.choice(["queued", "served", "onhold", "closed", "closed-unserved", "closed-onhold"])
    if kind in ("served", "onhold", "closed", "closed-onhold"):
        agent = rng.choice(AGENTS)
        doc["servedBy"] = {"_id": agent, "username": agent, "ts": doc["ts"]}
    if kind in ("onhold", "closed-onhold"):
        doc["onHold"] = True
    if kind.startswith("closed"):
        del doc["open"]
        # closed up to 2.5 days after it was opened: often on another day
        opened = parse_iso(doc["ts"])
        assert opened is not None
        doc["closedAt"] = iso(opened + rng.randint(0, 60) * HOUR)
    if rng.random() < 0.3:
        doc.pop("departmentId", None)
    else:
        doc["departmentId"] = rng.choice(DEPTS)
    if rng.random() < 0.3:
        doc.pop("tags", None)
    else:  # repeats included: a room counts once per distinct tag
        doc["tags"] = rng.choices(TAGS, k=rng.randint(0, 3))


def _new_room(rng: random.Random, n: int) -> dict[str, Any]:
    doc = room_doc(T0 + n * 5 * HOUR)
    _random_state(rng, doc)
    return doc


async def _check(db: Database, shapes: bool = True) -> None:
    """The counters against a GROUP BY of the rooms; then (`shapes`) every filter's count against a plain
    COUNT. The counts are a function of the counters, so between writes the first part is enough."""
    async with db.session(write=False) as session:
        grouped = select(Room.state, Room.department_id, Room.served_by_id, func.count()).group_by(
            Room.state, Room.department_id, Room.served_by_id
        )
        expected: Counter[tuple[str, str, str]] = Counter()
        for state, dept, agent, n in (await session.execute(grouped)).all():
            expected[(state, dept or "", agent or "")] += n
        assert await room_counts.all_counts(session) == {k: n for k, n in expected.items() if n}
        columns = (Room.state, Room.department_id, Room.served_by_id, Room.ts, Room.closed_at)
        by_day: Counter[tuple[str, str, str, int]] = Counter()
        by_closed_day: Counter[tuple[str, str, str, int]] = Counter()
        for state, dept, agent, ts, closed_at in (await session.execute(select(*columns))).all():
            by_day[state, dept or "", agent or "", ts // DAY] += 1
            if closed_at is not None:
                by_closed_day[state, dept or "", agent or "", closed_at // DAY] += 1
        assert await room_counts.all_day_counts(session) == by_day
        assert await room_counts.all_day_counts(session, closed=True) == by_closed_day
        if not shapes:
            return
        for shape in SHAPES:
            assert room_totals.counted_shape(shape) is not None, shape
            plain = (await session.execute(room_totals.count_query(shape, db.dialect_name))).scalar_one()
            assert await room_query.count_rooms(session, shape) == plain, shape
        for shape in DAY_SHAPES:
            plain = (await session.execute(room_totals.count_query(shape, db.dialect_name))).scalar_one()
            assert await room_query.count_rooms(session, shape) == plain, shape
        by_tag = select(RoomTag.tag, func.count()).group_by(RoomTag.tag)
        tagged = {tag: n for tag, n in (await session.execute(by_tag)).all()}
        assert await room_counts.all_tag_counts(session) == tagged
        for tag in [*TAGS, "none"]:
            assert await room_query.count_rooms(session, RoomFilter(tags=[tag])) == tagged.get(tag, 0)


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_counters_match_count_after_random_writes(db: Database, seed: int) -> None:
    rng = random.Random(seed)
    numbers = itertools.count()
    rooms: dict[str, dict[str, Any]] = {}
    for step in range(60):
        action = rng.choice(["insert", "update", "update", "update", "delete"]) if rooms else "insert"
        async with db.session() as session:
            if action == "insert":
                docs = [_new_room(rng, next(numbers)) for _ in range(rng.randint(1, 8))]
                await room_store.insert_rooms(session, docs)
                rooms.update((d["_id"], d) for d in docs)
            elif action == "update":
                for rid in rng.sample(sorted(rooms), min(len(rooms), rng.randint(1, 4))):
                    doc = await room_store.get_room(session, rid, for_update=True)
                    assert doc is not None
                    _random_state(rng, doc)
                    doc["msgs"] = int(doc.get("msgs", 0)) + 1
                    await room_store.save_room(session, doc)
            else:
                gone = rng.sample(sorted(rooms), min(len(rooms), rng.randint(1, 3)))
                await room_store.delete_rooms(session, gone)
                for rid in gone:
                    del rooms[rid]
        if step % 15 == 14:
            await _check(db, shapes=False)
    await _check(db)


async def test_rolled_back_writes_leave_counters_alone(db: Database) -> None:
    rng = random.Random(7)
    async with db.session() as session:
        await room_store.insert_rooms(session, [_new_room(rng, n) for n in range(10)])
    with pytest.raises(RuntimeError):
        async with db.session() as session:
            await room_store.insert_rooms(session, [_new_room(rng, n) for n in range(10, 15)])
            raise RuntimeError("roll back")
    await _check(db)


async def test_counters_stay_exact_under_concurrent_writers(db: Database) -> None:
    """Many transactions at once move the same rooms between counters (truly parallel on PostgreSQL)."""
    rng = random.Random(11)
    docs = [_new_room(rng, n) for n in range(30)]
    async with db.session() as session:
        await room_store.insert_rooms(session, docs)
    ids = [d["_id"] for d in docs]

    async def writer(worker: int) -> None:
        local = random.Random(worker)
        for _ in range(8):
            async with db.session() as session:
                for rid in sorted(local.sample(ids, 2)):
                    doc = await room_store.get_room(session, rid, for_update=True)
                    assert doc is not None
                    _random_state(local, doc)
                    await room_store.save_room(session, doc)
                await asyncio.sleep(0)

    await asyncio.gather(*(writer(w) for w in range(6)))
    await _check(db)


async def test_migration_backfills_counters(db: Database) -> None:
    """0002, 0004, 0005 and 0007 count the rooms that exist before them (downgrade, then upgrade)."""
    rng = random.Random(5)
    async with db.session() as session:
        await room_store.insert_rooms(session, [_new_room(rng, n) for n in range(40)])
        before = await room_counts.all_counts(session)
        days_before = await room_counts.all_day_counts(session)
        closed_days_before = await room_counts.all_day_counts(session, closed=True)
        tags_before = await room_counts.all_tag_counts(session)
    assert tags_before and len({key[3] for key in days_before}) > 1
    assert len({key[3] for key in closed_days_before}) > 1
    await migrate.downgrade(db.engine, "0001")
    await migrate.upgrade(db.engine)
    async with db.session(write=False) as session:
        assert await room_counts.all_counts(session) == before
        assert await room_counts.all_day_counts(session) == days_before
        assert await room_counts.all_day_counts(session, closed=True) == closed_days_before
        assert await room_counts.all_tag_counts(session) == tags_before
    await _check(db)


def test_uncovered_filters_fall_back_to_count() -> None:
    assert room_totals.counted_shape(RoomFilter(tags=["vip"])) is None
    assert room_totals.counted_shape(RoomFilter(room_name=NameQuery("ana"))) is None
    assert room_totals.counted_shape(RoomFilter(custom_fields=FieldQuery((("plan", "gold"),)))) is None
    assert room_totals.counted_shape(RoomFilter(status=Status(open=True, onhold=True))) is None
    assert room_totals.counted_shape(RoomFilter(agents=[""])) is None
    assert room_totals.counted_shape(RoomFilter(department_ids=["x", ""])) is None
    assert room_totals.counted_shape(
        RoomFilter(status=Status(queued=True), agents=["a"], department_ids=["d"])
    ) == (
        ("queued",),
        ["d"],
        ["a"],
    )
