"""What one room adds to the metric counters (models/room_metrics.py), computed two ways that must agree:
in Python from the room document (as store/rooms.py writes it) and in SQL from the room row (for the
part-days of a period, the migration's backfill and the re-reading of a longest time).

Times are whole microseconds: `int(seconds * 1e6 + 0.5)` in IEEE doubles, the same operations in
Python, SQLite (CAST truncates) and PostgreSQL (trunc), so both sides give the same integer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger, Float, and_, case, cast, func
from sqlalchemy.sql.elements import ColumnElement

from frontdesk.db import dialect
from frontdesk.models.rooms import DAY_MS, NO_KEY, STATE_CLOSED, STATE_CLOSED_ON_HOLD, Room
from frontdesk.store.documents import dig, ms

HOUR_MS = 3_600_000
TIMINGS = ("response_avg", "response_ft", "reaction_ft", "chat_duration", "service_time", "waiting")
# the room counters summed, in the order Contribution.sums holds them
SUMS = ("n", "msgs", "abandoned", "untagged", *(f"{t}_{part}" for t in TIMINGS for part in ("sum", "n")))
# extreme column -> (timing, True: the largest is kept, False: the smallest)
EXTREMES = {
    "response_avg_max": ("response_avg", True),
    "reaction_ft_max": ("reaction_ft", True),
    "chat_duration_max": ("chat_duration", True),
    "response_ft_min": ("response_ft", False),
}
_DOC_PATHS = {
    "response_avg": ("metrics", "response", "avg"),
    "response_ft": ("metrics", "response", "ft"),
    "reaction_ft": ("metrics", "reaction", "ft"),
    "chat_duration": ("metrics", "chatDuration"),
    "service_time": ("metrics", "serviceTimeDuration"),
}
DayKey = tuple[int, str, str]  # (creation day, department id or '', serving agent id or '')


def micros(value: Any) -> int | None:
    """Seconds as whole microseconds (None: not a number), as the SQL side computes them."""
    if not isinstance(value, int | float):
        return None
    return int(float(value) * 1_000_000 + 0.5)


def source_label(source_type: Any, source_id: Any) -> str | None:
    """The source facet's key: an app by its id, any other source by its type."""
    if source_type == "app":
        return str(source_id) if source_id is not None else "app"
    return None if source_type is None else str(source_type)


@dataclass(frozen=True)
class Contribution:
    """One room's share of the counters: its row key, its hour, the SUMS and EXTREMES values, and its
    (kind, label) pairs (each tag; its source)."""

    key: DayKey
    hour: int
    sums: tuple[int, ...]
    extremes: tuple[int | None, ...]
    labels: tuple[tuple[str, str], ...]


def contribution(doc: Mapping[str, Any], state: str, tags: Sequence[str]) -> Contribution:
    """The room document's share (`state` and `tags` as store/rooms.py derives them)."""
    ts = ms(doc.get("ts")) or 0
    key = (ts // DAY_MS, doc.get("departmentId") or NO_KEY, dig(doc, "servedBy", "_id") or NO_KEY)
    waiting = doc.get("waitingResponse") is True
    times = {name: micros(dig(doc, *path)) for name, path in _DOC_PATHS.items()}
    times["waiting"] = None if waiting else times["response_ft"]
    closed = state in (STATE_CLOSED, STATE_CLOSED_ON_HOLD)
    sums = [1, int(doc.get("msgs") or 0), int(closed and waiting), int(not tags)]
    for name in TIMINGS:
        found = times[name]
        sums += [found or 0, 0 if found is None else 1]
    labels = [("tag", t) for t in tags]
    source = source_label(dig(doc, "source", "type"), dig(doc, "source", "id"))
    if source is not None:
        labels.append(("source", source))
    extremes = tuple(times[timing] for timing, _ in EXTREMES.values())
    return Contribution(key, ts // HOUR_MS, tuple(sums), extremes, tuple(labels))


def _micros_sql(value: ColumnElement[Any], dialect_name: str) -> ColumnElement[Any]:
    scaled = cast(value, Float) * 1_000_000 + 0.5
    return cast(scaled if dialect_name == "sqlite" else func.trunc(scaled), BigInteger)


def timing_sql(dialect_name: str) -> dict[str, ColumnElement[Any]]:
    """Each timing of a room row in microseconds (NULL where the room has none), as `micros` computes."""
    out: dict[str, ColumnElement[Any]] = {
        name: _micros_sql(dialect.json_text(Room.doc, list(_DOC_PATHS[name]), dialect_name), dialect_name)
        for name in ("response_avg", "response_ft", "reaction_ft")
    }
    out["chat_duration"] = _micros_sql(Room.chat_duration.expression, dialect_name)
    out["service_time"] = _micros_sql(Room.service_time_duration.expression, dialect_name)
    not_waiting = func.coalesce(Room.waiting_response, False).is_(False)
    out["waiting"] = case((not_waiting, out["response_ft"]), else_=None)
    return out


def abandoned_sql() -> ColumnElement[Any]:
    """1 for a room closed while its visitor waited for an answer, else 0."""
    closed = Room.state.in_((STATE_CLOSED, STATE_CLOSED_ON_HOLD))
    return case((and_(closed, Room.waiting_response.is_(True)), 1), else_=0)


def key_matches(column: Any, key: str) -> ColumnElement[bool]:
    """A room column (department_id, served_by_id) holding a counter key ('' for none)."""
    return column == key if key != NO_KEY else func.coalesce(column, NO_KEY) == NO_KEY
