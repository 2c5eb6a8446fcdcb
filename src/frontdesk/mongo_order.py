"""MongoDB's sort order of JSON values, written once: db/dialect builds SQL sort keys from these ranks and
services sort documents in Python with sort_key, so a list sorts the same whichever does it.

MongoDB compares values of different types by a fixed type order (BSON's), and values of one type by
value: numbers numerically, strings by their bytes (no collation is set, as in Rocket.Chat's queries),
false before true. A missing field and null sort first ascending. Objects and arrays, which MongoDB
compares field by field, compare here by their compact JSON text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import orjson

# BSON's order, for the types a JSON document holds; null and a missing value rank lowest.
NULL: Final = 0
NUMBER: Final = 1
STRING: Final = 2
OBJECT: Final = 3
ARRAY: Final = 4
BOOLEAN: Final = 5
TYPE_RANKS: Final[Mapping[str, int]] = {
    "null": NULL,
    "number": NUMBER,
    "string": STRING,
    "object": OBJECT,
    "array": ARRAY,
    "boolean": BOOLEAN,
}

SortKey = tuple[int, int | float | str]


def type_name(value: object) -> str:
    """The JSON type of a value as PostgreSQL's jsonb_typeof names it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list | tuple):
        return "array"
    raise TypeError(f"not a JSON value: {type(value).__name__}")


def sort_key(value: object) -> SortKey:
    """A key that orders JSON values as MongoDB does (Python compares str by code point, which is
    the byte order of their UTF-8)."""
    rank = TYPE_RANKS[type_name(value)]
    if rank == NULL:
        return (rank, 0)
    if rank in (BOOLEAN, NUMBER):
        assert isinstance(value, int | float)
        return (rank, int(value) if isinstance(value, bool) else value)
    if rank == STRING:
        assert isinstance(value, str)
        return (rank, value)
    return (rank, orjson.dumps(value).decode())


def value_at(doc: Mapping[str, object], dotted: str) -> object:
    """The value at a dotted path (`servedBy.username`), None when any step is missing."""
    current: object = doc
    for part in dotted.split("."):
        current = current.get(part) if isinstance(current, Mapping) else None
    return current
