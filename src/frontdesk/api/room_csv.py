"""A livechat room as one row of the rooms.export CSV (RFC 4180, UTF-8): the columns and each cell, made
safe against formula injection.

Every cell is derived from the same JSON GET livechat/rooms answers for the room (its department's name
as the listing adds it) and, for email, phone and visitor-scoped custom fields, from the visitor's JSON.
Times are ISO 8601 (UTC, ms) as the API writes them; durations are seconds as in `metrics`.
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


def _dig(doc: Any, *path: str) -> Any:
    for key in path:
        doc = doc.get(key) if isinstance(doc, dict) else None
    return doc


def _text(value: Any) -> str:
    """A cell's text, made safe (the common cases first: this runs for every cell of every room)."""
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


def status(room: dict[str, Any]) -> str:
    """As the listing's status filters tell them apart: closed, onhold, queued or open."""
    if room.get("open") is not True:
        return "closed"
    if room.get("onHold") is True:
        return "onhold"
    return "open" if room.get("servedBy") else "queued"


def waiting_time(room: dict[str, Any]) -> float | None:
    """Seconds from entering the queue to being taken by an agent (blank if never taken)."""
    queued, taken = _dig(room, "queuedAt"), _dig(room, "servedBy", "ts")
    start = parse_iso(queued) if isinstance(queued, str) else None
    end = parse_iso(taken) if isinstance(taken, str) else None
    return None if start is None or end is None else (end - start) / 1000


def source(room: dict[str, Any]) -> str:
    """The source's type; an app by its alias (or id)."""
    found = room.get("source") or {}
    if found.get("type") == "app":
        return "app: " + str(found.get("alias") or found.get("id") or "")
    return str(found.get("type") or "")


def _first(items: Any, key: str) -> Any:
    return items[0].get(key) if isinstance(items, list) and items and isinstance(items[0], dict) else None


def header(custom_fields: Sequence[CustomFieldDoc]) -> list[str]:
    return [*COLUMNS, *(safe(str(field.get("label") or field["_id"])) for field in custom_fields)]


def cells(
    room: dict[str, Any],
    department_name: str | None,
    visitor: dict[str, Any] | None,
    custom_fields: Sequence[CustomFieldDoc],
) -> list[str]:
    visitor = visitor or {}
    last = room.get("lastMessage") or {}
    values: list[Any] = [
        room.get("_id"),
        room.get("fname"),
        _dig(room, "v", "username"),
        _first(visitor.get("visitorEmails"), "address"),
        _first(visitor.get("phone"), "phoneNumber"),
        department_name or room.get("departmentId"),
        _dig(room, "servedBy", "username"),
        source(room),
        status(room),
        room.get("ts"),
        room.get("closedAt"),
        room.get("queuedAt"),
        waiting_time(room),
        _dig(room, "metrics", "response", "ft"),
        _dig(room, "metrics", "response", "avg"),
        _dig(room, "metrics", "chatDuration"),
        room.get("msgs"),
        ", ".join(str(tag) for tag in room.get("tags") or []),
        room.get("closer"),
        last.get("msg") if last.get("t") == "livechat-close" else None,
    ]
    for field in custom_fields:
        owner = visitor if field.get("scope", "visitor") == "visitor" else room
        values.append(_dig(owner, "livechatData", field["_id"]))
    return [_text(value) for value in values]


def lines(rows: Iterable[Sequence[str]]) -> bytes:
    """Rows as RFC 4180 CSV (CRLF line ends, quotes where needed), UTF-8."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode()


def export_rows(
    rows: Iterable[tuple[str, str | None, str | None]], custom_fields: Sequence[CustomFieldDoc]
) -> list[list[str]]:
    """Stored rows (room JSON, department name, visitor JSON) as CSV cells."""
    return [
        cells(orjson.loads(doc), department, orjson.loads(visitor) if visitor else None, custom_fields)
        for doc, department, visitor in rows
    ]
