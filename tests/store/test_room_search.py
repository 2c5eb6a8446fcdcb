"""roomName and customFields resolved over distinct values: many matching values (carried as one array
parameter), alone or beside another filter, on every page plan; totals exact."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from factories import insert_rooms, room_doc
from frontdesk.db.engine import Database
from frontdesk.store import room_query, room_value_pages
from frontdesk.store.room_filter import RoomFilter, ValueMatch
from frontdesk.store.room_search import FieldQuery, NameQuery

T0 = 1_700_000_000_000


def _rooms() -> list[dict[str, Any]]:
    # 60 distinct names (more than any IN list carries), every third in department d1
    return [
        room_doc(
            T0 + i * 1000,
            fname=f"Person {i % 60:02d} Silva" if i % 4 else f"Other {i}",
            departmentId="d1" if i % 3 == 0 else "d2",
            livechatData={"order": f"A-{i:04d}", "deep": {"x": f"v{i}"}},
        )
        for i in range(240)
    ]


def _ids(rooms: list[dict[str, Any]]) -> list[str]:
    return [r["_id"] for r in sorted(rooms, key=lambda r: (r["ts"], r["_id"]), reverse=True)]


@pytest.mark.parametrize("plan", ["merge", "walk", "sort", None])
async def test_many_matching_values(db: Database, monkeypatch: pytest.MonkeyPatch, plan: str | None) -> None:
    rooms = _rooms()
    await insert_rooms(db, rooms)
    if plan is not None:
        monkeypatch.setattr(room_value_pages, "MAX_MERGED", 1000)
        monkeypatch.setattr(room_value_pages, "plan", lambda *args: plan)
    cases = [
        (RoomFilter(room_name=NameQuery("silva")), lambda r: "Silva" in r["fname"]),
        (
            RoomFilter(room_name=NameQuery("SILVA"), department_ids=["d1"]),
            lambda r: "Silva" in r["fname"] and r["departmentId"] == "d1",
        ),
        (RoomFilter(custom_fields=FieldQuery((("order", "^a-0"),))), lambda r: True),
        (
            RoomFilter(custom_fields=FieldQuery((("deep.x", "^V1"),))),
            lambda r: r["livechatData"]["deep"]["x"][1] == "1",
        ),
    ]
    async with db.session(write=False) as session:
        for room_filter, keep in cases:
            want = _ids([r for r in rooms if keep(r)])
            assert len(want) > 32
            for offset in (0, 7, len(want) - 3):
                rows, total = await room_query.read_page(session, room_filter, [("ts", -1)], offset, 10)
                assert [orjson.loads(r[0])["_id"] for r in rows] == want[offset : offset + 10]
                assert total == len(want)
            assert await room_query.count_rooms(session, room_filter) == len(want)


def test_the_plan_reads_the_fewest_entries() -> None:
    """A common name (1 room in 30 of a million) walks the kind's ts index; a rare one sorts its few
    matches; a few values with enough rooms each are merged range by range."""
    common = ValueMatch("name", tuple(f"v{i}" for i in range(40)), 33_000)
    assert room_value_pages.plan(common, 0, 50, 1_000_000) == "walk"
    assert room_value_pages.plan(common, 5_000, 50, 1_000_000) == "sort"  # deep: the walk grows with offset
    assert room_value_pages.plan(ValueMatch("name", ("v", "w"), 5_000), 0, 50, 1_000_000) == "merge"
    assert room_value_pages.plan(ValueMatch("name", tuple("abcdefghij"), 120), 0, 50, 1_000_000) == "sort"
    two = ValueMatch("cf:plan", ("enterprise", "entertainment"), 90_000)
    assert room_value_pages.plan(two, 0, 50, 400_000) == "merge"
