"""What managers look up: livechat/queue, livechat/visitors.info, livechat/visitor/:token/room."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from frontdesk.api.deps import CurrentUser, Db, query_params
from frontdesk.api.wire import paged_body
from frontdesk.errors import json_response
from frontdesk.services import queue, visitor_lookup
from frontdesk.services.pagination import ListQuery

router = APIRouter()

_STR = {"type": "string"}
_NSTR = {"type": "string", "nullable": True}
_NNUM = {"type": "number", "nullable": True}
QUEUE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "count": _NNUM,
        "offset": _NNUM,
        "sort": _NSTR,
        "agentId": _NSTR,
        "departmentId": _NSTR,
        "includeOfflineAgents": _NSTR,
    },
    "additionalProperties": False,
}
VISITOR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"visitorId": _STR},
    "required": ["visitorId"],
    "additionalProperties": False,
}


@router.get("/livechat/queue")
async def queue_status(request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, QUEUE_SCHEMA)
    department = query.get("departmentId")
    found = await queue.check_queue_metrics(
        db,
        user,
        query.get("agentId") or None,
        department if department and department != "undefined" else None,
        query.get("includeOfflineAgents") == "true",
        ListQuery.of(query),
    )
    return json_response(paged_body("queue", found))


@router.get("/livechat/visitors.info")
async def visitor_info(request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, VISITOR_SCHEMA)
    visitor = await visitor_lookup.access_visitor_by_id(db, user, query["visitorId"])
    return json_response({"visitor": visitor, "success": True})


@router.get("/livechat/visitor/{token}/room")
async def visitor_rooms(token: str, user: CurrentUser, db: Db) -> Response:
    rooms = await visitor_lookup.access_open_rooms_of_token(db, user, token)
    return json_response({"rooms": rooms, "success": True})
