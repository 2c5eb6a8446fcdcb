"""GET rooms.get and GET rooms.info: the rooms an agent is subscribed to, and one room they may see."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from frontdesk.api.deps import CurrentUser, Db, query_params
from frontdesk.errors import json_response
from frontdesk.services import room_access, subscriptions

router = APIRouter()

_STR = {"type": "string"}
LIST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"updatedSince": _STR},
    "additionalProperties": False,
}
INFO_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"roomId": _STR, "roomName": _STR, "fields": _STR},
    "anyOf": [{"required": ["roomId"]}, {"required": ["roomName"]}],
    "additionalProperties": False,
}


@router.get("/rooms.get")
async def rooms_get(request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, LIST_SCHEMA)
    update = await subscriptions.list_own_rooms(db, user, query.get("updatedSince"))
    return json_response({"update": update, "remove": [], "success": True})


@router.get("/rooms.info")
async def rooms_info(request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, INFO_SCHEMA)
    room = await room_access.access_room_info(db, user, query.get("roomId") or query.get("roomName"))
    return json_response({"room": room, "success": True})
