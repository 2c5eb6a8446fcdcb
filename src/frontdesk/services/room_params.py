"""Parsing livechat/rooms query values (paging, sort, fields, dates, customFields) as Rocket.Chat does."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from frontdesk.clock import parse_iso
from frontdesk.errors import MeteorError, PlainError
from frontdesk.store.room_query import DateRange

MAX_SAFE_INTEGER = 2**53 - 1


@dataclass(frozen=True)
class Paging:
    offset: int
    count: int | None  # None: every match (count=0 with infinite count allowed)


def _int_prefix(value: Any) -> int | None:
    """JavaScript's parseInt on a query value: leading integer digits, else NaN (None)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value)
    match = re.match(r"\s*([+-]?\d+)", str(value))
    return int(match.group(1)) if match else None


def paging(
    offset: Any, count: Any, *, default_count: int = 50, upper_limit: int = 100, allow_infinite: bool = True
) -> Paging:
    """getPaginationItems: offset defaults to 0; count to 50, capped at 100; 0 means all."""
    default_count = default_count if default_count > 0 else 50
    upper_limit = upper_limit if upper_limit > 0 else 100
    start = _int_prefix(offset) if offset is not None else 0
    # JavaScript numbers stop being exact at 2**53; no table is that long, so the page is empty anyway.
    start = min(max(start or 0, 0), MAX_SAFE_INTEGER)
    n = _int_prefix(count) if count is not None else default_count
    if n is None:
        n = default_count
    n = min(n, upper_limit)
    if n <= 0:
        return Paging(start, None if allow_infinite and n == 0 else default_count)
    return Paging(start, n)


def _json_object(raw: str) -> Any:
    return json.loads(raw, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))


def parse_sort(raw: str | None) -> list[tuple[str, int]]:
    """`{"field": 1|-1, ...}` in key order; default newest first."""
    if raw is None:
        return [("ts", -1)]
    error = MeteorError("error-invalid-sort", f'Invalid sort parameter provided: "{raw}"')
    try:
        value = _json_object(raw)
    except ValueError:
        raise error from None
    if not isinstance(value, dict):
        raise error
    out: list[tuple[str, int]] = []
    for key, direction in value.items():
        if isinstance(direction, bool) or direction not in (1, -1) or not key:
            raise error
        out.append((key, int(direction)))
    return out or [("ts", -1)]


@dataclass(frozen=True)
class Projection:
    include: bool
    paths: tuple[str, ...]


def parse_fields(raw: str | None) -> Projection | None:
    """`{"a":1,...}` includes, `{"a":0,...}` excludes; mixing the two is refused."""
    if raw is None:
        return None
    error = MeteorError("error-invalid-fields", f'Invalid fields parameter provided: "{raw}"')
    try:
        value = _json_object(raw)
    except ValueError:
        raise error from None
    if not isinstance(value, dict):
        raise error
    modes: set[int] = set()
    paths: list[str] = []
    for key, flag in value.items():
        if isinstance(flag, bool) or flag not in (0, 1) or not key:
            raise error
        if key == "_id":  # _id always stays; an explicit `_id` entry says nothing more
            continue
        modes.add(int(flag))
        paths.append(key)
    if len(modes) > 1:
        raise error
    if not paths:
        return None
    return Projection(include=modes == {1}, paths=tuple(paths))


def _js_json_error(raw: str, exc: json.JSONDecodeError) -> str:
    """Approximate Node's JSON.parse SyntaxError text, which Rocket.Chat sends back as is."""
    if not raw.strip():
        return "Unexpected end of JSON input"
    pos = exc.pos if exc.pos < len(raw) else len(raw)
    if pos >= len(raw):
        return "Unexpected end of JSON input"
    return f"Unexpected token '{raw[pos]}', \"{raw}\" is not valid JSON"


def parse_date_range(name: str, raw: str | None) -> DateRange | None:
    """`createdAt` / `closedAt`: JSON `{start?, end?}` with dates Date.parse accepts."""
    if raw is None:
        return None
    try:
        value = _json_object(raw)
    except json.JSONDecodeError as exc:
        raise PlainError(_js_json_error(raw, exc)) from None
    except ValueError:
        raise PlainError(f'Unexpected token, "{raw}" is not valid JSON') from None
    if not isinstance(value, dict):
        raise PlainError(f'The "{name}" query parameter must be a valid JSON object.')
    bounds: dict[str, int | None] = {}
    for edge in ("start", "end"):
        given = value.get(edge)
        if given is None or given == "" or given is False or given == 0:
            bounds[edge] = None
            continue
        parsed = parse_iso(given) if isinstance(given, str) else None
        if parsed is None:
            raise PlainError(f'The "{name}.{edge}" query parameter must be a valid date.')
        bounds[edge] = parsed
    return DateRange(bounds["start"], bounds["end"])


def parse_custom_fields(raw: str | None) -> dict[str, str]:
    """`{key: pattern}`: each pattern is matched case-insensitively, unescaped, as Rocket.Chat does."""
    if raw is None:
        return {}
    error = PlainError('The "customFields" query parameter must be a valid JSON.')
    try:
        value = _json_object(raw)
    except ValueError:
        raise error from None
    if not isinstance(value, dict):
        raise error
    out: dict[str, str] = {}
    for key, pattern in value.items():
        text = pattern if isinstance(pattern, str) else json.dumps(pattern)
        try:
            re.compile(text)
        except re.error as exc:
            raise PlainError(f"Invalid regular expression: /{text}/i: {exc}") from None
        out[key] = text
    return out


def truthy_flag(value: Any) -> bool:
    """onhold / queued: true iff the string form is t, true or 1."""
    if isinstance(value, bool):
        return value
    return str(value) in ("t", "true", "1") if value is not None else False


def open_flag(value: Any) -> bool | None:
    """open: only "true"/"false" (or booleans) mean anything; anything else is no filter."""
    if isinstance(value, bool):
        return value
    if value == "true":
        return True
    if value == "false":
        return False
    return None
