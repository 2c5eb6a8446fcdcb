"""Every indexed filter of GET livechat/rooms reads rooms through an index, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Select

from factories import insert_rooms, room_doc
from frontdesk.clock import iso
from frontdesk.db.engine import Database
from frontdesk.store import room_query, room_totals
from frontdesk.store.room_filter import DateRange, RoomFilter
from frontdesk.store.room_filters import Status

T0 = 1_700_000_000_000
HOUR = 3_600_000
DEFAULT_SORT = [("ts", -1)]

# filter name -> (filter, whether its total is answered by room_counts alone rather than a COUNT)
FILTERS: dict[str, tuple[RoomFilter, bool]] = {
    "default": (RoomFilter(), True),
    "open=true": (RoomFilter(status=Status(open=True)), True),
    "open=false": (RoomFilter(status=Status(open=False)), True),
    "queued": (RoomFilter(status=Status(queued=True)), True),
    "onhold": (RoomFilter(status=Status(onhold=True)), True),
    "open+onhold": (RoomFilter(status=Status(open=True, onhold=True)), False),
    "department": (RoomFilter(department_ids=["dept1"]), True),
    "departments": (RoomFilter(department_ids=["dept1", "dept2"]), True),
    "department+open": (RoomFilter(department_ids=["dept1"], status=Status(open=True)), True),
    "agent": (RoomFilter(agents=["agent1"]), True),
    "agent+closed": (RoomFilter(agents=["agent1"], status=Status(open=False)), True),
    "tags": (RoomFilter(tags=["vip"]), False),
    "tags (two)": (RoomFilter(tags=["vip", "bug"]), False),
    "createdAt": (RoomFilter(created_at=DateRange(T0 + 10 * HOUR, T0 + 20 * HOUR)), False),
    "closedAt": (RoomFilter(closed_at=DateRange(T0 + 10 * HOUR, None)), False),
    "department+createdAt": (
        RoomFilter(department_ids=["dept1"], created_at=DateRange(T0, T0 + 20 * HOUR)),
        False,
    ),
    # several days: whole days from the day counters, the part-days at the ends counted
    "createdAt (days)": (RoomFilter(created_at=DateRange(T0 + 10 * HOUR, T0 + 200 * HOUR)), False),
    "agent+closedAt (days)": (
        RoomFilter(agents=["agent1"], closed_at=DateRange(T0 + 10 * HOUR, T0 + 200 * HOUR)),
        False,
    ),
    "department+closed+createdAt (days)": (
        RoomFilter(
            department_ids=["dept1"], status=Status(open=False), created_at=DateRange(T0 + 10 * HOUR, None)
        ),
        False,
    ),
}


def _rooms() -> list[dict[str, Any]]:
    docs = []
    for i in range(300):
        ts = T0 + i * HOUR
        fields: dict[str, Any] = {"departmentId": f"dept{i % 4}", "tags": [["vip"], ["bug"], []][i % 3]}
        if i % 5:
            fields["servedBy"] = {"_id": f"agent{i % 7}", "username": f"agent{i % 7}", "ts": iso(ts)}
        if i % 5 == 1:
            fields.update(open=None, closedAt=iso(ts + HOUR))
        if i % 5 == 2:
            fields["onHold"] = True
        docs.append(room_doc(ts, **fields))
    return docs


def _full_scans(plan: list[str], dialect_name: str) -> list[str]:
    """Plan lines that read the rooms table (or its tags) without an index."""
    if dialect_name == "sqlite":
        return [
            line for line in plan if line.startswith(("SCAN rooms", "SCAN room_tags")) and "INDEX" not in line
        ]
    return [line for line in plan if "Seq Scan on rooms" in line or "Seq Scan on room_tags" in line]


async def _explain(db: Database, stmt: Select[Any]) -> list[str]:
    sql = str(stmt.compile(dialect=db.engine.dialect, compile_kwargs={"literal_binds": True}))
    async with db.engine.connect() as conn:
        if db.dialect_name == "sqlite":
            rows = (await conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)).all()
            return [str(r[3]) for r in rows]
        # a 300-row table is cheaper to scan; what matters is that an index path exists at all
        await conn.exec_driver_sql("SET enable_seqscan = off")
        rows = (await conn.exec_driver_sql("EXPLAIN " + sql)).all()
        return [str(r[0]) for r in rows]


@pytest.mark.parametrize("name", list(FILTERS))
async def test_page_and_count_use_indexes(db: Database, name: str) -> None:
    await insert_rooms(db, _rooms())
    room_filter, counted = FILTERS[name]
    page = room_query.page_query(room_filter, DEFAULT_SORT, 0, 50, db.dialect_name)
    plan = await _explain(db, page)
    assert not _full_scans(plan, db.dialect_name), "\n".join(plan)
    assert (room_totals.counted_shape(room_filter) is not None) == counted
    total = room_totals.total_query(room_filter, db.dialect_name)
    assert total is not None
    plan = await _explain(db, total)
    assert not _full_scans(plan, db.dialect_name), "\n".join(plan)
    if "(days)" in name:  # the rooms counted are those of the part-days only
        assert room_totals.day_counted_shape(room_filter) is not None


@pytest.mark.parametrize("name", ["default", "open=true", "queued", "department+open", "agent"])
async def test_default_order_needs_no_sort(db: Database, name: str) -> None:
    """A page of the common filters is read in `ts desc, _id desc` order straight off an index."""
    await insert_rooms(db, _rooms())
    room_filter, _ = FILTERS[name]
    plan = await _explain(db, room_query.page_query(room_filter, DEFAULT_SORT, 0, 50, db.dialect_name))
    if db.dialect_name == "sqlite":
        assert not [line for line in plan if "TEMP B-TREE" in line], "\n".join(plan)
    else:
        assert not [line for line in plan if line.lstrip(" ->").startswith("Sort ")], "\n".join(plan)
