"""EJSON as Meteor's DDP writes it: dates as `{"$date": ms}`, so method results read like Rocket.Chat's."""

from __future__ import annotations

import re
from typing import Any

import orjson

from frontdesk.clock import iso, parse_iso

# Our documents keep dates as ISO strings; only these keys hold dates, so user text is never converted.
DATE_KEYS = frozenset(
    {
        "ts",
        "_updatedAt",
        "lm",
        "editedAt",
        "createdAt",
        "closedAt",
        "queuedAt",
        "takenAt",
        "ls",
        "lr",
        "lq",
        "fd",
        "firstResponseTs",
        "lastMessageTs",
        "lastActivity",
        "requestedAt",
        "_createdAt",
        "estimatedInactivityCloseTimeAt",
        "lockedAt",
        "autoTransferredAt",
        "jld",
        "lastLogin",
    }
)
_ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


class EJSONError(ValueError):
    """The text is not valid EJSON."""


def to_ejson(value: Any, key: str | None = None) -> Any:
    """A JSON value with the ISO dates under date keys turned into `{"$date": ms}`."""
    if isinstance(value, dict):
        return {k: to_ejson(v, k) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_ejson(v, key) for v in value]
    if key in DATE_KEYS and isinstance(value, str) and _ISO.match(value):
        ms = parse_iso(value)
        return value if ms is None else {"$date": ms}
    return value


def from_ejson(value: Any) -> Any:
    """Decode `$date` (to our ISO strings) and `$escape`; other values are returned as they are."""
    if isinstance(value, dict):
        if len(value) == 1 and "$date" in value:
            ms = value["$date"]
            if isinstance(ms, bool) or not isinstance(ms, int | float):
                raise EJSONError("Invalid $date")
            return iso(int(ms))
        if len(value) == 1 and "$escape" in value and isinstance(value["$escape"], dict):
            return {k: from_ejson(v) for k, v in value["$escape"].items()}
        return {k: from_ejson(v) for k, v in value.items()}
    if isinstance(value, list):
        return [from_ejson(v) for v in value]
    return value


def parse(text: str) -> Any:
    try:
        return from_ejson(orjson.loads(text))
    except orjson.JSONDecodeError as exc:
        raise EJSONError(str(exc)) from None


def stringify(value: Any) -> str:
    return orjson.dumps(to_ejson(value)).decode()


def method_frame(text: str) -> tuple[Any, str, list[Any]]:
    """A DDP `method` frame's id, method name and params."""
    frame = parse(text)
    if not isinstance(frame, dict) or not isinstance(frame.get("method"), str):
        raise EJSONError("Invalid method frame")
    params = frame.get("params", [])
    if not isinstance(params, list):
        raise EJSONError("Invalid method params")
    return frame.get("id"), frame["method"], params


def result_frame(frame_id: Any, result: Any) -> str:
    frame: dict[str, Any] = {"msg": "result", "id": frame_id}
    if result is not None:
        frame["result"] = result
    return stringify(frame)


def error_object(code: str, reason: str | None, details: Any = None) -> dict[str, Any]:
    """A Meteor.Error as DDP serialises it; numeric codes (404, 400, 500) stay numbers."""
    error: Any = int(code) if code.isdigit() else code
    out: dict[str, Any] = {"isClientSafe": True, "error": error}
    if reason is not None:
        out["reason"] = reason
    if details is not None:
        out["details"] = details
    out["message"] = f"{reason} [{code}]" if reason else f"[{code}]"
    out["errorType"] = "Meteor.Error"
    return out


def error_frame(frame_id: Any, error: dict[str, Any]) -> str:
    return stringify({"msg": "result", "id": frame_id, "error": error})
