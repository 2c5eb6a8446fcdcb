"""JSON inside a query parameter (sort, fields, createdAt, customFields), read as JSON.parse reads it, within
input_limits' size and nesting bounds."""

from __future__ import annotations

import json
from typing import Any

from frontdesk.input_limits import MAX_JSON_PARAM_CHARS, MAX_JSON_PARAM_DEPTH, InputTooLarge, depth_exceeds


def _refuse_constant(name: str) -> Any:
    raise ValueError(name)  # NaN and Infinity are Python's extensions, not JSON


def json_value(raw: str) -> Any:
    """The value; json.JSONDecodeError (a ValueError) when it is not JSON, InputTooLarge (also a
    ValueError) past the size or nesting bound. A RecursionError never escapes."""
    if len(raw) > MAX_JSON_PARAM_CHARS:
        raise InputTooLarge(f"must NOT be longer than {MAX_JSON_PARAM_CHARS} characters")
    try:
        value = json.loads(raw, parse_constant=_refuse_constant)
    except RecursionError:
        raise InputTooLarge(f"must NOT be nested deeper than {MAX_JSON_PARAM_DEPTH} levels") from None
    if depth_exceeds(value, MAX_JSON_PARAM_DEPTH):
        raise InputTooLarge(f"must NOT be nested deeper than {MAX_JSON_PARAM_DEPTH} levels")
    return value


def js_json_error(raw: str, exc: json.JSONDecodeError) -> str:
    """Approximate Node's JSON.parse SyntaxError text, which Rocket.Chat sends back as is."""
    if not raw.strip():
        return "Unexpected end of JSON input"
    pos = exc.pos if exc.pos < len(raw) else len(raw)
    if pos >= len(raw):
        return "Unexpected end of JSON input"
    return f"Unexpected token '{raw[pos]}', \"{raw}\" is not valid JSON"
