"""What agents read of a chat's past: livechat/:rid/messages, visitors.pagesVisited, visitors.chatHistory."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from frontdesk.api.deps import CurrentUser, Db, query_params
from frontdesk.api.wire import paged_body
from frontdesk.errors import json_response
from frontdesk.services import room_history
from frontdesk.services.pagination import ListQuery

router = APIRouter()

_NSTR = {"type": "string", "nullable": True}
_NNUM = {"type": "number", "nullable": True}
PAGED: dict[str, Any] = {"count": _NNUM, "offset": _NNUM, "sort": _NSTR, "query": _NSTR, "fields": _NSTR}
MESSAGES_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {**PAGED, "searchTerm": _NSTR},
    "additionalProperties": False,
}
PAGED_SCHEMA: dict[str, Any] = {"type": "object", "properties": PAGED, "additionalProperties": False}


@router.get("/livechat/{rid}/messages")
async def room_messages(rid: str, request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, MESSAGES_SCHEMA)
    found = await room_history.check_room_messages(
        db, user, rid, query.get("searchTerm") or None, ListQuery.of(query)
    )
    return json_response(paged_body("messages", found))


@router.get("/livechat/visitors.pagesVisited/{room_id}")
async def pages_visited(room_id: str, request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, PAGED_SCHEMA)
    found = await room_history.check_pages_visited(db, user, room_id, ListQuery.of(query))
    return json_response(paged_body("pages", found))


@router.get("/livechat/visitors.chatHistory/room/{room_id}/visitor/{visitor_id}")
async def chat_history(
    room_id: str, visitor_id: str, request: Request, user: CurrentUser, db: Db
) -> Response:
    query = query_params(request, PAGED_SCHEMA)
    found = await room_history.check_chat_history(db, user, room_id, visitor_id, ListQuery.of(query))
    return json_response(paged_body("history", found))
