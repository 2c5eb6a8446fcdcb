"""The visitor's room: GET livechat/room, POST livechat/room.close, POST livechat/room.survey."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from frontdesk.api.deps import Body, Db, Now, check_body, locks_late, query_params, writes
from frontdesk.api.rate_limit import rate_limit
from frontdesk.documents import RoomSource
from frontdesk.errors import PlainError, json_response
from frontdesk.services import livechat_rooms, room_closing
from frontdesk.services.room_survey import check_survey

router = APIRouter()

_STR = {"type": "string"}
CLOSE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"token": _STR, "rid": _STR},
    "required": ["token", "rid"],
    "additionalProperties": False,
}
SURVEY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "token": _STR,
        "rid": _STR,
        "data": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"name": _STR, "value": _STR},
                "required": ["name", "value"],
                "additionalProperties": False,
            },
        },
    },
    "required": ["token", "rid", "data"],
    "additionalProperties": False,
}


def _source(request: Request) -> RoomSource:
    """`widget` when the official widget's cookies are present, else `api` (as Rocket.Chat decides)."""
    cookies = request.cookies
    if cookies.get("rc_room_type") == "l" and cookies.get("rc_is_widget") == "t":
        return {"type": "widget", "destination": request.headers.get("host", "")}
    return {"type": "api"}


# For the API documentation: the handler reads these itself; any other parameter becomes a custom field.
ROOM_PARAMETERS = [
    {"name": name, "in": "query", "required": name == "token", "schema": _STR}
    for name in ("token", "rid", "agentId")
]


@router.get(
    "/livechat/room",
    dependencies=[Depends(rate_limit(5, 60))],
    openapi_extra={"parameters": ROOM_PARAMETERS},
)
@writes
async def get_room(request: Request, db: Db, now: Now) -> Response:
    query = query_params(request)
    token = query.pop("token", None)
    if not isinstance(token, str) or not token:
        raise PlainError("Match error: Missing key 'token'")
    rid = query.pop("rid", None)
    agent_id = query.pop("agentId", None)
    if (rid is not None and not isinstance(rid, str)) or (
        agent_id is not None and not isinstance(agent_id, str)
    ):
        raise PlainError("Match error: Expected string")
    extra = {"customFields": query} if query else None
    room, new = await livechat_rooms.check_open_room(
        db, token, now, rid=rid or None, agent_id=agent_id or None, source=_source(request), extra=extra
    )
    return json_response({"room": room, "newRoom": new, "success": True})


@router.post("/livechat/room.close")
@locks_late
async def close(body: Body, db: Db, now: Now) -> Response:
    checked = check_body(body, CLOSE_SCHEMA)
    comment = await room_closing.check_close_by_visitor(db, checked["token"], checked["rid"], now)
    return json_response({"rid": checked["rid"], "comment": comment, "success": True})


@router.post("/livechat/room.survey")
async def survey(body: Body, db: Db, now: Now) -> Response:
    checked = check_body(body, SURVEY_SCHEMA)
    data = await check_survey(db, checked["token"], checked["rid"], checked["data"], now)
    return json_response({"rid": checked["rid"], "data": data, "success": True})
