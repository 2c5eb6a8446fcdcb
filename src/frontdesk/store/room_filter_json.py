"""Reading the JSON the date and customFields filters take, with Rocket.Chat's error texts."""

from __future__ import annotations

import json

from frontdesk import input_limits as limits
from frontdesk.clock import parse_iso
from frontdesk.errors import PlainError
from frontdesk.input_limits import InputTooLarge
from frontdesk.query_json import js_json_error, json_value
from frontdesk.regex_i import PatternError, compile_i
from frontdesk.store.room_filter import DateRange


def parse_date_range(name: str, raw: str | None) -> DateRange | None:
    """`createdAt` / `closedAt`: JSON `{start?, end?}` with dates Date.parse accepts."""
    if raw is None:
        return None
    try:
        value = json_value(raw)
    except InputTooLarge as exc:
        raise PlainError(f'The "{name}" query parameter {exc.message}.') from None
    except json.JSONDecodeError as exc:
        raise PlainError(js_json_error(raw, exc)) from None
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


def parse_custom_fields(raw: str | None) -> dict[str, str] | None:
    """`{key: pattern}`: each pattern is matched case-insensitively, unescaped, as Rocket.Chat does, but by
    RE2 (regex_i): a pattern that needs backtracking is refused here rather than run."""
    if raw is None:
        return None
    error = PlainError('The "customFields" query parameter must be a valid JSON.')
    try:
        value = json_value(raw)
    except InputTooLarge as exc:
        raise PlainError(f'The "customFields" query parameter {exc.message}.') from None
    except ValueError:
        raise error from None
    if not isinstance(value, dict):
        raise error
    if len(value) > limits.MAX_CUSTOM_FIELD_FILTERS:
        count = limits.MAX_CUSTOM_FIELD_FILTERS
        raise PlainError(f'The "customFields" query parameter must NOT have more than {count} keys.')
    out: dict[str, str] = {}
    for key, pattern in value.items():
        if limits.bad_key(key):
            raise PlainError(f'The "customFields" query parameter has an invalid key: {json.dumps(key)}.')
        text = pattern if isinstance(pattern, str) else json.dumps(pattern)
        try:
            compile_i(text)
        except PatternError as exc:
            raise PlainError(f"Invalid regular expression: /{text}/i: {exc.reason}") from None
        out[key] = text
    return out or None
