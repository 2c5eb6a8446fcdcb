"""Every filter of GET livechat/rooms, each defined once (store/room_filter.FilterDef): the query parameters
it reads and their schema, how they are read, its SQL condition, how its total may be counted, and the
predicate the property test holds the SQL to (docs/api/livechat-api.md §2.3). Adding a filter is one entry in
FILTERS, plus its tests; changing how one matches or counts is a change to its entry alone.

FILTERS is in the order of Rocket.Chat's query schema, which decides which error a request with several
bad parameters gets.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import false, select
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.elements import ColumnElement

from frontdesk.clock import parse_iso
from frontdesk.documents import JsonObject, RoomDoc
from frontdesk.models.rooms import (
    NO_KEY,
    STATE_CLOSED,
    STATE_CLOSED_ON_HOLD,
    STATE_ON_HOLD,
    STATE_QUEUED,
    STATE_SERVED,
    Room,
    RoomTag,
)
from frontdesk.store import room_search
from frontdesk.store.room_filter import (
    ByCounters,
    ByDays,
    ByTag,
    ByValues,
    CounterPart,
    DateRange,
    FilterDef,
)
from frontdesk.store.room_filter_json import parse_custom_fields, parse_date_range
from frontdesk.store.room_search import FieldQuery, NameQuery

_STRING: JsonObject = {"type": "string", "nullable": True}
_STRINGS: JsonObject = {"type": "array", "items": {"type": "string"}}
_STRING_OR_BOOLEAN: JsonObject = {
    "anyOf": [{"type": "string", "nullable": True}, {"type": "boolean", "nullable": True}]
}


def one_of(column: QueryableAttribute[Any], values: Sequence[str]) -> ColumnElement[bool]:
    """`IN`, written as `=` for one value: both engines then read one index range already in ts order."""
    if not values:
        return false()
    return column == values[0] if len(values) == 1 else column.in_(values)


def _served_by(room: RoomDoc) -> str | None:
    served = room.get("servedBy")
    return served["_id"] if served else None


def _rows(
    *, departments: Sequence[str] | None = None, agents: Sequence[str] | None = None
) -> CounterPart | None:
    """The counter rows of these ids (None: '' among them, the counters' stand-in for none)."""
    ids = (departments, agents)
    if any(values is not None and NO_KEY in values for values in ids):
        return None
    return CounterPart(None, *(None if values is None else tuple(values) for values in ids))


# -- agents[] ---------------------------------------------------------------------------------------------
def _read_agents(query: Mapping[str, Any]) -> list[str] | None:
    agents = query.get("agents")
    return list(agents) if isinstance(agents, list) else None


AGENTS: FilterDef[list[str]] = FilterDef(
    name="agents",
    params={"agents": {**_STRINGS, "nullable": True}},
    read=_read_agents,
    condition=lambda agents, _: [one_of(Room.served_by_id, agents)],
    matches=lambda agents, room: _served_by(room) in agents,
    counting=ByCounters(lambda agents: _rows(agents=agents)),
)


# -- roomName ---------------------------------------------------------------------------------------------
ROOM_NAME: FilterDef[NameQuery] = FilterDef(
    name="room_name",
    params={"roomName": _STRING},
    read=lambda query: NameQuery(query["roomName"]) if query.get("roomName") else None,
    condition=room_search.name_condition,
    matches=room_search.name_matches,
    counting=ByValues(room_search.name_values),
    resolve=room_search.resolve_name,
)


# -- departmentId -----------------------------------------------------------------------------------------
def _read_departments(query: Mapping[str, Any]) -> list[str] | None:
    value = query.get("departmentId")
    if value is None or value == "" or value == "undefined":
        return None
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


DEPARTMENTS: FilterDef[list[str]] = FilterDef(
    name="department_ids",
    params={"departmentId": {"anyOf": [{"type": "string"}, _STRINGS]}},
    read=_read_departments,
    condition=lambda ids, _: [one_of(Room.department_id, ids)],
    matches=lambda ids, room: room.get("departmentId") in ids,
    counting=ByCounters(lambda ids: _rows(departments=ids)),
)


# -- open, onhold, queued ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Status:
    open: bool | None = None  # only "true"/"false" (or booleans) mean anything
    onhold: bool = False
    queued: bool = False


def _truthy(value: Any) -> bool:
    """onhold / queued: true iff the string form is t, true or 1."""
    if isinstance(value, bool):
        return value
    return str(value) in ("t", "true", "1") if value is not None else False


def _open_flag(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    return {"true": True, "false": False}.get(value) if isinstance(value, str) else None


def _read_status(query: Mapping[str, Any]) -> Status | None:
    status = Status(_open_flag(query.get("open")), _truthy(query.get("onhold")), _truthy(query.get("queued")))
    return None if status == Status() else status


def status_states(status: Status) -> tuple[tuple[str, ...] | None, bool]:
    """The states a status filter admits (None: any), and whether an agent must serve the room.
    onHold is folded into `state` (models.rooms), so every status filter is a condition on `state`."""
    if status.queued:
        return (STATE_QUEUED,), False
    if status.open is None:
        return ((STATE_ON_HOLD, STATE_CLOSED_ON_HOLD), False) if status.onhold else (None, False)
    if status.open:
        return ((STATE_ON_HOLD,), True) if status.onhold else ((STATE_SERVED,), False)
    return ((STATE_CLOSED_ON_HOLD,) if status.onhold else (STATE_CLOSED,)), False


def _status_condition(status: Status, _: str) -> list[ColumnElement[bool]]:
    states, served = status_states(status)
    where = [] if states is None else [one_of(Room.state, states)]
    if served:
        where.append(Room.served_by_id.is_not(None))
    return where


def _status_rows(status: Status) -> CounterPart | None:
    """open+onhold also asks for a serving agent, which the counters cannot tell from an empty agent id."""
    states, served = status_states(status)
    return None if served else CounterPart(states=states)


def _status_matches(status: Status, room: RoomDoc) -> bool:
    served, is_open, on_hold = _served_by(room), room.get("open") is True, room.get("onHold") is True
    if status.queued:
        return is_open and not served and not on_hold
    if status.open is not None and (
        is_open != status.open or (status.open and not served) or (not status.onhold and on_hold)
    ):
        return False
    return on_hold or not status.onhold


STATUS: FilterDef[Status] = FilterDef(
    name="status",
    params={"open": _STRING_OR_BOOLEAN, "onhold": _STRING_OR_BOOLEAN, "queued": _STRING_OR_BOOLEAN},
    read=_read_status,
    condition=_status_condition,
    matches=_status_matches,
    counting=ByCounters(_status_rows),
)


# -- createdAt, closedAt ----------------------------------------------------------------------------------
def _range(column: Any, r: DateRange) -> list[ColumnElement[bool]]:
    if r.start is None and r.end is None:
        return [false()]
    out = []
    if r.start is not None:
        out.append(column >= r.start)
    if r.end is not None:
        out.append(column <= r.end)
    return out


def _in_range(r: DateRange, value: object) -> bool:
    when = parse_iso(value) if isinstance(value, str) else None
    if when is None or (r.start is None and r.end is None):
        return False
    return (r.start is None or when >= r.start) and (r.end is None or when <= r.end)


CREATED_AT: FilterDef[DateRange] = FilterDef(
    name="created_at",
    params={"createdAt": _STRING},
    read=lambda query: parse_date_range("createdAt", query.get("createdAt")),
    condition=lambda r, _: _range(Room.ts, r),
    matches=lambda r, room: _in_range(r, room.get("ts")),
    counting=ByDays(closed=False),
)
CLOSED_AT: FilterDef[DateRange] = FilterDef(
    name="closed_at",
    params={"closedAt": _STRING},
    read=lambda query: parse_date_range("closedAt", query.get("closedAt")),
    condition=lambda r, _: _range(Room.closed_at, r),
    matches=lambda r, room: _in_range(r, room.get("closedAt")),
    counting=ByDays(closed=True),
)


# -- customFields -----------------------------------------------------------------------------------------
def _read_fields(query: Mapping[str, Any]) -> FieldQuery | None:
    patterns = parse_custom_fields(query.get("customFields"))
    return FieldQuery(tuple(patterns.items())) if patterns else None


CUSTOM_FIELDS: FilterDef[FieldQuery] = FilterDef(
    name="custom_fields",
    params={"customFields": _STRING},
    read=_read_fields,
    condition=room_search.fields_condition,
    matches=room_search.fields_match,
    counting=ByValues(room_search.fields_values),
    read_after_permission=True,
    resolve=room_search.resolve_fields,
)


# -- tags[] -----------------------------------------------------------------------------------------------
def _tags_condition(tags: list[str], _: str) -> list[ColumnElement[bool]]:
    if not tags:
        return [false()]
    return [Room.id.in_(select(RoomTag.room_id).where(one_of(RoomTag.tag, tags)))]


TAGS: FilterDef[list[str]] = FilterDef(
    name="tags",
    params={"tags": {**_STRINGS, "nullable": True}},
    read=lambda query: list(query["tags"]) if isinstance(query.get("tags"), list) else None,
    condition=_tags_condition,
    matches=lambda tags, room: bool(set(room.get("tags") or []) & set(tags)),
    counting=ByTag(),
)


FILTERS: tuple[FilterDef[Any], ...] = (
    CREATED_AT,
    CUSTOM_FIELDS,
    CLOSED_AT,
    AGENTS,
    ROOM_NAME,
    DEPARTMENTS,
    STATUS,
    TAGS,
)
