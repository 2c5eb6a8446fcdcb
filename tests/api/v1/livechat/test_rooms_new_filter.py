"""A new listing filter is one definition: its parameter, SQL, counting rule and predicate in one entry."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from factories import admin_headers, insert_rooms, room_doc
from frontdesk.db.engine import Database
from frontdesk.models.rooms import Room
from frontdesk.store import room_filters, room_totals
from frontdesk.store.room_filter import ByMatches, FilterDef, RoomFilter
from frontdesk.store.room_filters import Status

T0 = 1_700_000_000_000

# The whole of a hypothetical filter: rooms with at least `minMsgs` messages.
MIN_MSGS = FilterDef[int](
    name="min_msgs",
    params={"minMsgs": {"type": "number", "nullable": True}},
    read=lambda query: int(query["minMsgs"]) if query.get("minMsgs") is not None else None,
    condition=lambda least, _: [Room.msgs >= least],
    matches=lambda least, room: room["msgs"] >= least,
    counting=ByMatches(),
)


@pytest.fixture
def with_min_msgs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(room_filters, "FILTERS", (*room_filters.FILTERS, MIN_MSGS))


async def test_a_filter_added_in_one_place_filters_counts_and_is_documented(
    app: FastAPI, client: httpx.AsyncClient, db: Database, with_min_msgs: None
) -> None:
    rooms = [room_doc(T0 + i * 1000, msgs=i % 5) for i in range(20)]
    await insert_rooms(db, rooms)
    headers = await admin_headers(client)
    for params in ({"minMsgs": "3"}, {"minMsgs": "3", "queued": "true"}, {"minMsgs": "3", "count": "2"}):
        res = await client.get("/api/v1/livechat/rooms", params=params, headers=headers)
        assert res.status_code == 200, res.text
        body: dict[str, Any] = res.json()
        want = sorted((r for r in rooms if MIN_MSGS.matches(3, r)), key=lambda r: r["ts"], reverse=True)
        assert [r["_id"] for r in body["rooms"]] == [r["_id"] for r in want][: int(params.get("count", 50))]
        # every room is queued: a total taken from the counters would be 20
        assert body["total"] == len(want) == 8
    bad = await client.get("/api/v1/livechat/rooms", params={"minMsgs": "many"}, headers=headers)
    assert bad.status_code == 400 and bad.json()["error"] == "must be number [invalid-params]"
    documented = app.openapi()["paths"]["/api/v1/livechat/rooms"]["get"]["parameters"]
    assert "minMsgs" in [p["name"] for p in documented]


def test_its_counting_rule_keeps_the_total_off_the_counters(with_min_msgs: None) -> None:
    assert room_totals.counted_shape(RoomFilter(status=Status(open=True))) is not None
    assert room_totals.counted_shape(RoomFilter(status=Status(open=True), min_msgs=3)) is None
