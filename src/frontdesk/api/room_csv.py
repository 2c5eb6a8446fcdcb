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


# What a row is made of, besides the id, state and department columns: the values at these paths of the
# room's and of the visitor's JSON, in this order (scalars, so the arrays stay small to parse).
ROOM_PATHS: tuple[tuple[str | int, ...], ...] = (
    ("fname",),
    ("v", "username"),
    ("servedBy", "username"),
    ("servedBy", "ts"),
    ("source", "type"),
    ("source", "alias"),
    ("source", "id"),
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
CustomField = tuple[str, bool]  # a custom field's id, and whether it is the visitor's (else the room's)
# The stored state (store/rooms.room_state) as the listing's status filters name it
_STATUS = {
    "queued": "queued",
    "served": "open",
    "onhold": "onhold",
    "closed": "closed",
    "closed-onhold": "closed",
}


def _text(value: Any) -> str:
    """A cell's text, made safe (None is blank)."""
    if value is None:
        return ""
    kind = type(value)
    if kind is str:
        return "'" + value if value[:1] in _STARTS else value
    if kind is int or kind is float:
        return "'" + str(value) if value < 0 else str(value)
    return safe(_other(value))


def _other(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | str):
        return str(value)
    return orjson.dumps(value).decode()


def waiting_time(queued: Any, taken: Any) -> float | None:
    """Seconds from entering the queue to being taken by an agent (blank if never taken)."""
    if (
        type(queued) is str
        and type(taken) is str
        and len(queued) == len(taken) == 24
        and queued[:10] == taken[:10]
    ):
        # the form the API writes, on one day: whole milliseconds from the time of day (no datetime)
        start = (
            int(queued[11:13]) * 3_600_000 + int(queued[14:16]) * 60_000 + int(queued[17:19] + queued[20:23])
        )
        end = int(taken[11:13]) * 3_600_000 + int(taken[14:16]) * 60_000 + int(taken[17:19] + taken[20:23])
        return (end - start) / 1000
    begin = parse_iso(queued) if isinstance(queued, str) else None
    finish = parse_iso(taken) if isinstance(taken, str) else None
    return None if begin is None or finish is None else (finish - begin) / 1000


def header(custom_fields: Sequence[CustomFieldDoc]) -> list[str]:
    return [*COLUMNS, *(safe(str(field.get("label") or field["_id"])) for field in custom_fields)]


def cells(row: Sequence[Any], custom_fields: Sequence[CustomField]) -> list[str]:
    """One room's cells from a stored row (store/room_export.ExportRow: id, state, departmentId, department
    name, the values at ROOM_PATHS and at VISITOR_PATHS as JSON arrays). Written for speed, as it runs for
    every room: no call per cell for a plain string."""
    room_id, state, department_id, department_name, room_json, visitor_json = row[:6]
    (
        fname,
        username,
        agent,
        taken,
        source_type,
        source_alias,
        source_id,
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
    ) = orjson.loads(room_json)
    email, phone, visitor_data = orjson.loads(visitor_json) if visitor_json else _NO_VISITOR
    if source_type == "app":  # an app by its alias (or id)
        source = "app: " + str(source_alias or source_id or "")
    else:
        source = str(source_type or "")
    values = [
        room_id,
        fname,
        username,
        email,
        phone,
        department_name or department_id,
        agent,
        source,
        _STATUS.get(state, state),
        ts,
        closed_at,
        queued_at,
        waiting_time(queued_at, taken) if taken else None,
        first_response,
        average_response,
        duration,
        msgs,
        ", ".join(str(tag) for tag in tags) if tags and type(tags) is list else None,
        closer,
        last_msg if last_type == "livechat-close" else None,
    ]
    for field_id, visitor_scoped in custom_fields:
        data = visitor_data if visitor_scoped else room_data
        values.append(data.get(field_id) if type(data) is dict else None)
    starts, text = _STARTS, _text
    return [value if type(value) is str and value[:1] not in starts else text(value) for value in values]


def lines(rows: Iterable[Sequence[Any]]) -> bytes:
    """Rows as RFC 4180 CSV (CRLF line ends, quotes where needed), UTF-8."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode()


def _quoted(cell: str) -> str:
    """A cell as csv.writer's QUOTE_MINIMAL writes it: quoted when it holds a comma, quote, CR or LF."""
    if "," in cell or '"' in cell or "\n" in cell or "\r" in cell:
        return '"' + cell.replace('"', '""') + '"'
    return cell


def export_lines(rows: Iterable[Sequence[Any]], custom_fields: Sequence[CustomFieldDoc]) -> bytes:
    """Stored rows as CSV lines, byte for byte what lines() writes of their cells: a row whose joined text
    holds no quote, CR, LF nor more commas than separators is joined as it is (C string methods only);
    the others are quoted cell by cell."""
    fields = [(field["_id"], field.get("scope", "visitor") == "visitor") for field in custom_fields]
    separators = len(COLUMNS) + len(fields) - 1
    out = []
    for row in rows:
        row_cells = cells(row, fields)
        line = ",".join(row_cells)
        if line.count(",") != separators or '"' in line or "\n" in line or "\r" in line:
            line = ",".join([_quoted(cell) for cell in row_cells])
        out.append(line)
    out.append("")
    return "\r\n".join(out).encode()
