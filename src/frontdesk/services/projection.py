"""MongoDB-style `fields` projection over a JSON document (dotted paths; `_id` always kept)."""

from __future__ import annotations

import copy
from typing import Any

from frontdesk.documents import JsonObject
from frontdesk.services.room_params import Projection


def _include(doc: JsonObject, paths: list[list[str]]) -> JsonObject:
    out: JsonObject = {}
    for key, value in doc.items():
        matching = [p for p in paths if p[0] == key]
        if not matching:
            continue
        if any(len(p) == 1 for p in matching):
            out[key] = value
        elif isinstance(value, dict):
            inner = _include(value, [p[1:] for p in matching])
            if inner:
                out[key] = inner
    return out


def _exclude(doc: JsonObject, path: list[str]) -> None:
    cur: Any = doc
    for key in path[:-1]:
        cur = cur.get(key) if isinstance(cur, dict) else None
        if cur is None:
            return
    if isinstance(cur, dict):
        cur.pop(path[-1], None)


def project(doc: JsonObject, projection: Projection) -> JsonObject:
    paths = [p.split(".") for p in projection.paths]
    if projection.include:
        out = _include(doc, paths)
        if "_id" in doc:
            out = {"_id": doc["_id"], **out}
        return out
    result = copy.deepcopy(doc)
    for path in paths:
        _exclude(result, path)
    return result
