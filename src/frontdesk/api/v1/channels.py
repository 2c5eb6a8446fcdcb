"""GET channels.info?roomId= and channels.files?roomId= for livechat rooms, and GET subscriptions.getOne."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from frontdesk.api.deps import CurrentUser, Db, query_params
from frontdesk.api.wire import paged_body
from frontdesk.errors import json_response
from frontdesk.services import room_access, room_files
from frontdesk.services.pagination import ListQuery

router = APIRouter()

_STR = {"type": "string"}
INFO_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"roomId": _STR, "roomName": _STR, "fields": _STR, "query": _STR},
    "additionalProperties": False,
}
_NUM = {"type": "number", "nullable": True}
FILES_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "roomId": _STR,
        "roomName": _STR,
        "name": _STR,
        "typeGroup": _STR,
        "offset": _NUM,
        "count": _NUM,
        "sort": _STR,
        "query": _STR,
        "fields": _STR,
    },
    "additionalProperties": False,
}
SUBSCRIPTION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"roomId": _STR},
    "required": ["roomId"],
    "additionalProperties": False,
}


@router.get("/channels.info")
async def channel_info(request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, INFO_SCHEMA)
    room_id = query.get("roomId") or (query.get("roomName") and "")
    room = await room_access.access_channel(db, user, room_id if room_id is not None else None)
    return json_response({"channel": room, "success": True})


@router.get("/channels.files")
async def channel_files(request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, FILES_SCHEMA)
    room_id = query.get("roomId") or (query.get("roomName") and "")
    found = await room_files.check_room_files(
        db, user, room_id, query.get("name"), query.get("typeGroup"), ListQuery.of(query)
    )
    return json_response(paged_body("files", found))


@router.get("/subscriptions.getOne")
async def subscription(request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, SUBSCRIPTION_SCHEMA)
    found = await room_access.own_subscription(db, user, query["roomId"])
    return json_response({"subscription": found, "success": True})
