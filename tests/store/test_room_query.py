"""room_query.read_page: a page and its exact total in one statement, and the empty-page cases."""

from __future__ import annotations

import pytest

from factories import insert_rooms, room_doc
from frontdesk.db.engine import Database
from frontdesk.store import room_query, room_totals
from frontdesk.store.room_filter import DateRange, RoomFilter
from frontdesk.store.room_filters import Status
from frontdesk.store.room_search import FieldQuery

T0 = 1_700_000_000_000


@pytest.mark.parametrize(
    "room_filter",
    [
        RoomFilter(),
        RoomFilter(status=Status(open=True)),
        RoomFilter(department_ids=["d1"]),
        RoomFilter(agents=[]),
        RoomFilter(tags=["vip"]),
        RoomFilter(created_at=DateRange(T0, T0 + 5_000)),
    ],
)
async def test_page_total_matches_count(db: Database, room_filter: RoomFilter) -> None:
    docs = [
        room_doc(T0 + i * 1000, departmentId="d1" if i % 2 else None, tags=["vip"] if i % 3 else None)
        for i in range(12)
    ]
    await insert_rooms(db, docs)
    async with db.session(write=False) as session:
        expected = await room_query.count_rooms(session, room_filter)
        for offset, limit in ((0, 5), (5, 5), (10, 5), (50, 5)):
            rows, total = await room_query.read_page(session, room_filter, [("ts", -1)], offset, limit)
            assert total == expected
            assert len(rows) == max(0, min(limit, expected - offset))


@pytest.mark.parametrize("direction", [1, -1])
async def test_one_tag_page_walks_room_tags_in_ts_order(db: Database, direction: int) -> None:
    # equal ts on some rooms: the order falls back to _id, as the default listing's does
    docs = [room_doc(T0 + (i // 2) * 1000, tags=["vip", "bug"] if i % 3 else ["bug"]) for i in range(15)]
    await insert_rooms(db, docs)
    vip = [d for d in docs if "vip" in d["tags"]]
    expected = sorted(vip, key=lambda d: (d["ts"], d["_id"]), reverse=direction < 0)
    async with db.session(write=False) as session:
        rows, total = await room_query.read_page(session, RoomFilter(tags=["vip"]), [("ts", direction)], 2, 4)
        unfiltered, _ = await room_query.read_page(session, RoomFilter(), [("ts", direction)], 0, 100)
    assert total == len(vip)
    assert [r[0] for r in rows] == [r[0] for r in unfiltered if '"vip"' in r[0]][2:6]
    assert len(rows) == 4 and len(expected) == total


async def test_custom_fields_with_unusual_keys_still_match(db: Database) -> None:
    """The substring pre-check uses the key's JSON text: escaped and non-ASCII keys keep matching."""
    data = {"pl/an x": "Gold", "país": "Brasil", "n": {"deep": "x1"}, "num": 5}
    await insert_rooms(
        db, [room_doc(T0, livechatData=data), room_doc(T0 + 1, livechatData={"other": "Gold"})]
    )
    async with db.session(write=False) as session:
        for fields, expected in (
            ({"pl/an x": "gold"}, 1),
            ({"país": "^bra"}, 1),
            ({"n.deep": "X"}, 1),
            ({"num": "5"}, 0),  # MongoDB's regex matches strings only
            ({"other": "gold", "pl/an x": "gold"}, 0),
        ):
            rows, total = await room_query.read_page(
                session, RoomFilter(custom_fields=FieldQuery(tuple(fields.items()))), [("ts", -1)], 0, 10
            )
            assert (len(rows), total) == (expected, expected), fields


@pytest.mark.parametrize(
    ("room_filter", "sort"),
    [
        (RoomFilter(), [("ts", -1)]),
        (RoomFilter(), [("ts", 1)]),
        (RoomFilter(), [("fname", 1), ("ts", -1)]),
        (RoomFilter(), [("metrics.chatDuration", -1)]),
        (RoomFilter(department_ids=["d1"]), [("ts", -1)]),
        (RoomFilter(tags=["vip"]), [("ts", -1)]),
        (RoomFilter(tags=["vip"]), [("ts", 1)]),
        (RoomFilter(tags=["vip"], department_ids=["d1"]), [("ts", -1)]),
    ],
)
async def test_a_deep_page_is_the_same_slice_of_the_whole_listing(
    db: Database, room_filter: RoomFilter, sort: list[tuple[str, int]]
) -> None:
    """Pages past the first skip ids first, then read their rooms: the order must not change."""
    docs = [
        room_doc(
            T0 + (i % 7) * 1000,  # equal ts values: the id tie-break decides
            fname=f"Name {i % 4}",
            departmentId="d1" if i % 2 else None,
            tags=["vip"] if i % 3 else None,
            metrics={"chatDuration": float(i % 5)} if i % 6 else None,
        )
        for i in range(30)
    ]
    await insert_rooms(db, docs)
    async with db.session(write=False) as session:
        everything, total = await room_query.read_page(session, room_filter, sort, 0, 100)
        assert len(everything) == total
        for offset in (1, 4, 9, total - 2):
            rows, _ = await room_query.read_page(session, room_filter, sort, offset, 4)
            assert rows == everything[offset : offset + 4], offset


DAY = 86_400_000


@pytest.mark.parametrize(
    ("start", "end", "days"),
    [
        (0, DAY - 1, (0, 0)),  # exactly one day
        (1, 3 * DAY - 1, (1, 2)),  # part of day 0, whole days 1 and 2
        (0, 3 * DAY - 2, (0, 1)),  # day 2 lacks its last millisecond
        (DAY + 5, None, (2, None)),
        (None, 2 * DAY, (None, 1)),
        (5, DAY + 5, None),  # no whole day inside
        (None, None, None),  # matches nothing
        (2 * DAY, DAY, None),  # empty range
    ],
)
def test_whole_days_of_a_range(
    start: int | None, end: int | None, days: tuple[int | None, int | None] | None
) -> None:
    assert room_totals.whole_days(DateRange(start, end)) == days


def test_a_date_range_total_uses_day_counters_only_for_counted_shapes() -> None:
    month = DateRange(10 * DAY + 7, 40 * DAY)
    assert room_totals.day_counted_shape(
        RoomFilter(department_ids=["d"], status=Status(open=False), created_at=month)
    )
    whole_month = (11, 39)
    assert room_totals.day_counted_shape(RoomFilter(created_at=month)) == (
        (None, None, None),
        False,
        whole_month,
    )
    assert room_totals.day_counted_shape(RoomFilter(closed_at=month)) == (
        (None, None, None),
        True,
        whole_month,
    )
    assert room_totals.day_counted_shape(RoomFilter(tags=["vip"], created_at=month)) is None
    assert room_totals.day_counted_shape(RoomFilter(created_at=DateRange(7, DAY))) is None
    assert room_totals.day_counted_shape(RoomFilter(created_at=month, closed_at=month)) is None


def test_a_built_page_statement_is_reused_only_for_the_same_inputs() -> None:
    one = RoomFilter(
        department_ids=["d1"], status=Status(open=False), created_at=DateRange(10 * DAY + 7, None)
    )
    stmt = room_query.page_with_total(one, [("ts", -1)], 0, 50, "sqlite")
    same = RoomFilter(
        department_ids=["d1"], status=Status(open=False), created_at=DateRange(10 * DAY + 7, None)
    )
    assert room_query.page_with_total(same, [("ts", -1)], 0, 50, "sqlite") is stmt
    for other in (
        (
            RoomFilter(
                department_ids=["d2"], status=Status(open=False), created_at=DateRange(10 * DAY + 7, None)
            ),
            0,
            50,
        ),
        (
            RoomFilter(
                department_ids=["d1"], status=Status(open=False), created_at=DateRange(10 * DAY + 8, None)
            ),
            0,
            50,
        ),
        (one, 50, 50),
        (one, 0, 25),
    ):
        assert room_query.page_with_total(other[0], [("ts", -1)], other[1], other[2], "sqlite") is not stmt
    assert room_query.page_with_total(one, [("ts", 1)], 0, 50, "sqlite") is not stmt
