"""A livechat room as one row of the rooms.export CSV (RFC 4180, UTF-8): the columns and each cell, made
safe against formula injection.

Every cell is derived from the same JSON GET livechat/rooms answers for the room (its department's name
as the listing adds it) and, for email, phone and visitor-scoped custom fields, from the visitor's JSON.
Times are ISO 8601 (UTC, ms) as the API writes them; durations are seconds as in `metrics`.

The database picks the values at ROOM_PATHS and VISITOR_PATHS out of the stored documents and hands each
row over as two small JSON arrays (store/room_export.py); a row's cells are made from those, in one pass
with no call per cell for the common case (a string, or nothing): at 1M rooms every microsecond a row
costs is a second of the export.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

import orjson

from frontdesk.clock import parse_iso
from frontdesk.documents import CustomFieldDoc

COLUMNS = (
    "Id",
    "Visitor name",
    "Visitor username",
    "Visitor email",
    "Visitor phone",
    "Department",
    "Agent",
    "Source",
    "Status",
    "Created",
    "Closed",
    "Queued",
    "Waiting time",
    "First response time",
    "Average response time",
    "Chat duration",
    "Messages",
    "Tags",
    "Closer",
    "Closing comment",
)
# OWASP's CSV injection advice: a cell a spreadsheet would read as a formula starts with a quote instead
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_STARTS = frozenset(FORMULA_STARTS)


def safe(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


# What a row is made of: the values at these paths of the room's and the visitor's JSON, in this order.
ROOM_PATHS: tuple[tuple[str | int, ...], ...] = (
    ("_id",),
    ("fname",),
    ("v", "username"),
    ("departmentId",),
    ("servedBy",),
    ("source",),
    ("open",),
    ("onHold",),
    ("ts",),
    ("closedAt",),
    ("queuedAt",),
    ("metrics", "response", "ft"),
    ("metrics", "response", "avg"),
    ("metrics", "chatDuration"),
    ("msgs",),
    ("tags",),
    ("closer",),
    ("lastMessage", "t"),
    ("lastMessage", "msg"),
    ("livechatData",),
)
VISITOR_PATHS: tuple[tuple[str | int, ...], ...] = (
    ("visitorEmails", 0, "address"),
    ("phone", 0, "phoneNumber"),
    ("livechatData",),
)
_NO_VISITOR = [None] * len(VISITOR_PATHS)


def _text(value: Any) -> str:
    """A cell's text, made safe."""
    if value is None:
        return ""
    if type(value) is str:
        return "'" + value if value[:1] in _STARTS else value
    return safe(_other(value))


def _other(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | str):
        return str(value)
    return orjson.dumps(value).decode()


def status(is_open: Any, on_hold: Any, served_by: Any) -> str:
    """As the listing's status filters tell them apart: closed, onhold, queued or open."""
    if is_open is not True:
        return "closed"
    if on_hold is True:
        return "onhold"
    return "open" if served_by else "queued"


def waiting_time(queued: Any, taken: Any) -> float | None:
    """Seconds from entering the queue to being taken by an agent (blank if never taken)."""
    start = parse_iso(queued) if isinstance(queued, str) else None
    end = parse_iso(taken) if isinstance(taken, str) else None
    return None if start is None or end is None else (end - start) / 1000


def source(found: Any) -> str:
    """The source's type; an app by its alias (or id)."""
    found = found if isinstance(found, dict) else {}
    if found.get("type") == "app":
        return "app: " + str(found.get("alias") or found.get("id") or "")
    return str(found.get("type") or "")


def header(custom_fields: Sequence[CustomFieldDoc]) -> list[str]:
    return [*COLUMNS, *(safe(str(field.get("label") or field["_id"])) for field in custom_fields)]


def cells(
    room: list[Any],
    department_name: str | None,
    visitor: list[Any] | None,
    custom_fields: Sequence[CustomFieldDoc],
) -> list[str | None]:
    """One row: `room` and `visitor` hold the values at ROOM_PATHS and VISITOR_PATHS (None: blank)."""
    (
        room_id,
        fname,
        username,
        department_id,
        served,
        found_source,
        is_open,
        on_hold,
        ts,
        closed_at,
        queued_at,
        first_response,
        average_response,
        duration,
        msgs,
        tags,
        closer,
        last_type,
        last_msg,
        room_data,
    ) = room
    email, phone, visitor_data = visitor or _NO_VISITOR
    if type(served) is not dict:
        agent = taken = None
    else:
        agent, taken = served.get("username"), served.get("ts")
    values: list[Any] = [
        room_id,
        fname,
        username,
        email,
        phone,
        department_name or department_id,
        agent,
        source(found_source),
        status(is_open, on_hold, served),
        ts,
        closed_at,
        queued_at,
        waiting_time(queued_at, taken),
        first_response,
        average_response,
        duration,
        msgs,
        ", ".join(str(tag) for tag in tags) if tags and type(tags) is list else None,
        closer,
        last_msg if last_type == "livechat-close" else None,
    ]
    for field in custom_fields:
        data = visitor_data if field.get("scope", "visitor") == "visitor" else room_data
        values.append(data.get(field["_id"]) if type(data) is dict else None)
    # csv.writer writes None as an empty cell; a plain string not starting a formula is written as it is
    starts = _STARTS
    return [
        value if value is None or (type(value) is str and value[:1] not in starts) else _text(value)
        for value in values
    ]


def lines(rows: Iterable[Sequence[str | None]]) -> bytes:
    """Rows as RFC 4180 CSV (CRLF line ends, quotes where needed), UTF-8."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode()


def export_rows(
    rows: Iterable[tuple[str, str | None, str | None]], custom_fields: Sequence[CustomFieldDoc]
) -> list[list[str | None]]:
    """Stored rows (the room's values as a JSON array, department name, the visitor's values) as cells."""
    loads = orjson.loads
    return [
        cells(loads(room), department, loads(visitor) if visitor else None, custom_fields)
        for room, department, visitor in rows
    ]
