"""api/room_csv's fast row writer: byte for byte what csv.writer (QUOTE_MINIMAL, CRLF) writes of the same
cells, for cells holding every character that needs quoting, formula starts, blanks, numbers and values
that are neither, with and without a visitor."""

from __future__ import annotations

import csv
import io
import random
from typing import Any

import orjson

from frontdesk.api import room_csv

TRICKY = [
    "",
    "plain",
    "a,b",
    'say "hi"',
    "two\nlines",
    "cr\rhere",
    "=1+1",
    "+55 11",
    "-3",
    "@x",
    "\tt",
    "Zoë, ü",
]
FIELDS = [
    {"_id": "plan", "label": "Plan", "scope": "room"},
    {"_id": "company", "label": "Company", "scope": "visitor"},
]


def _value(rng: random.Random) -> Any:
    return rng.choice([*TRICKY, None, 0, 7, -2.5, 1.25, True, False, ["x"], {"k": "v"}])


def _row(rng: random.Random) -> tuple[Any, ...]:
    room = [_value(rng) for _ in room_csv.ROOM_PATHS]
    room[3] = rng.choice([None, "2026-01-02T03:04:05.678Z", "2026-01-03T00:00:00.000Z"])  # servedBy.ts
    room[9] = rng.choice([None, "2026-01-02T03:04:00.000Z", "2026-01-01T23:59:59.999Z"])  # queuedAt
    room[14] = rng.choice([None, [], ["vip", "-x"], "not a list"])  # tags
    room[16] = rng.choice(["livechat-close", "uj", None])  # lastMessage.t
    room[18] = rng.choice([None, {"plan": _value(rng)}, "odd"])  # livechatData
    visitor = None if rng.random() < 0.2 else [_value(rng), _value(rng), {"company": _value(rng)}]
    state = rng.choice(["queued", "served", "onhold", "closed", "closed-onhold"])
    return (
        rng.choice(["r1", "-r2"]),
        state,
        rng.choice([None, "dep1"]),
        rng.choice([None, "", "Sales, EU"]),
        orjson.dumps(room).decode(),
        None if visitor is None else orjson.dumps(visitor).decode(),
        123,  # a sort key: ignored
    )


def test_fast_lines_equal_csv_writer() -> None:
    rng = random.Random(4180)
    rows = [_row(rng) for _ in range(2000)]
    fast = room_csv.export_lines(rows, FIELDS)  # type: ignore[arg-type]
    fields = [(f["_id"], f["scope"] == "visitor") for f in FIELDS]
    assert fast == room_csv.lines([room_csv.cells(row, fields) for row in rows])
    parsed = list(csv.reader(io.StringIO(fast.decode(), newline="")))
    assert len(parsed) == len(rows) and {len(r) for r in parsed} == {len(room_csv.COLUMNS) + len(FIELDS)}
    cells = [c for r in parsed for c in r]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_waiting_time_across_days_and_forms() -> None:
    assert room_csv.waiting_time("2026-01-02T03:04:00.000Z", "2026-01-02T03:05:01.500Z") == 61.5
    assert room_csv.waiting_time("2026-01-01T23:59:59.999Z", "2026-01-02T00:00:00.000Z") == 0.001
    assert room_csv.waiting_time("2026-01-02T03:04:00Z", "2026-01-02T03:04:02.000Z") == 2.0
    assert room_csv.waiting_time("nope", "2026-01-02T03:04:02.000Z") is None
    assert room_csv.waiting_time(None, "2026-01-02T03:04:02.000Z") is None
