"""Parsing a list request's paging, sort and fields as Rocket.Chat does (filters: store/room_filters.py)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from frontdesk import input_limits as limits
from frontdesk.errors import MeteorError
from frontdesk.input_limits import InputTooLarge
from frontdesk.query_json import json_value

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
        return int(value) if math.isfinite(value) else None
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


def _invalid(name: str, reason: str) -> MeteorError:
    """Rocket.Chat's error for a bad sort / fields, saying which bound was passed."""
    return MeteorError(f"error-invalid-{name}", f"Invalid {name} parameter provided: {reason}")


def parse_sort(raw: str | None) -> list[tuple[str, int]]:
    """`{"field": 1|-1, ...}` in key order; default newest first."""
    if raw is None:
        return [("ts", -1)]
    error = MeteorError("error-invalid-sort", f'Invalid sort parameter provided: "{raw}"')
    try:
        value = json_value(raw)
    except InputTooLarge as exc:
        raise _invalid("sort", exc.message) from None
    except ValueError:
        raise error from None
    if not isinstance(value, dict):
        raise error
    if len(value) > limits.MAX_SORT_KEYS:
        raise _invalid("sort", f"must NOT have more than {limits.MAX_SORT_KEYS} keys")
    out: list[tuple[str, int]] = []
    for key, direction in value.items():
        if isinstance(direction, bool) or direction not in (1, -1) or limits.bad_key(key):
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
        value = json_value(raw)
    except InputTooLarge as exc:
        raise _invalid("fields", exc.message) from None
    except ValueError:
        raise error from None
    if not isinstance(value, dict):
        raise error
    if len(value) > limits.MAX_FIELDS_KEYS:
        raise _invalid("fields", f"must NOT have more than {limits.MAX_FIELDS_KEYS} keys")
    modes: set[int] = set()
    paths: list[str] = []
    for key, flag in value.items():
        if isinstance(flag, bool) or flag not in (0, 1) or limits.bad_key(key):
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
