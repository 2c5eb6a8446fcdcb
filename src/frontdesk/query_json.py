"""JSON inside a query parameter (sort, fields, createdAt, customFields), read as JSON.parse reads it."""

from __future__ import annotations

import json
from typing import Any


def _refuse_constant(name: str) -> Any:
    raise ValueError(name)  # NaN and Infinity are Python's extensions, not JSON


def json_value(raw: str) -> Any:
    """The value; json.JSONDecodeError (a ValueError) when it is not JSON."""
    return json.loads(raw, parse_constant=_refuse_constant)


def js_json_error(raw: str, exc: json.JSONDecodeError) -> str:
    """Approximate Node's JSON.parse SyntaxError text, which Rocket.Chat sends back as is."""
    if not raw.strip():
        return "Unexpected end of JSON input"
    pos = exc.pos if exc.pos < len(raw) else len(raw)
    if pos >= len(raw):
        return "Unexpected end of JSON input"
    return f"Unexpected token '{raw[pos]}', \"{raw}\" is not valid JSON"
