"""Visitor messages: POST livechat/message, GET|PUT|DELETE livechat/message/:_id, messages.history/:rid, and
POST livechat/messages (a manager imports a visitor's messages)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from frontdesk.api.deps import Body, CurrentUser, Db, Now, check_body, locks_late, query_params
from frontdesk.clock import parse_iso
from frontdesk.errors import PlainError, json_response
from frontdesk.services import livechat_messages, message_import
from frontdesk.services.room_params import paging

router = APIRouter()

_STR = {"type": "string"}
SEND_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "_id": _STR,
        "token": _STR,
        "rid": _STR,
        "msg": _STR,
        "agent": {
            "type": "object",
            "properties": {"agentId": _STR, "username": _STR},
            "required": ["agentId", "username"],
            "additionalProperties": False,
        },
    },
    "required": ["token", "rid", "msg"],
    "additionalProperties": False,
}
READ_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"token": _STR, "rid": _STR},
    "required": ["token", "rid"],
    "additionalProperties": False,
}
EDIT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"token": _STR, "rid": _STR, "msg": _STR},
    "required": ["token", "rid", "msg"],
    "additionalProperties": False,
}
HISTORY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "token": _STR,
        "ls": _STR,
        "end": _STR,
        "limit": {"type": "number"},
        "offset": {"type": "number"},
        "count": {"type": "number"},
        "sort": _STR,
        "searchText": _STR,
    },
    "additionalProperties": False,
}


@router.post("/livechat/message")
@locks_late  # the text is parsed before the room (and SQLite's write lock) is taken
async def send(body: Body, db: Db, now: Now) -> Response:
    checked = check_body(body, SEND_SCHEMA)
    message = await livechat_messages.check_visitor_message(
        db, checked["token"], checked["rid"], checked["msg"], checked.get("_id"), now
    )
    return json_response({"message": message, "success": True})


@router.get("/livechat/message/{message_id}")
async def read(message_id: str, request: Request, db: Db) -> Response:
    query = query_params(request, READ_SCHEMA)
    message = await livechat_messages.check_visitor_message_read(db, query["token"], query["rid"], message_id)
    return json_response({"message": message, "success": True})


@router.put("/livechat/message/{message_id}")
async def edit(message_id: str, body: Body, db: Db, now: Now) -> Response:
    checked = check_body(body, EDIT_SCHEMA)
    message = await livechat_messages.check_edit_visitor_message(
        db, checked["token"], checked["rid"], message_id, checked["msg"], now
    )
    return json_response({"message": message, "success": True})


@router.delete("/livechat/message/{message_id}")
async def delete(message_id: str, body: Body, db: Db) -> Response:
    checked = check_body(body, READ_SCHEMA)
    result = await livechat_messages.check_delete_visitor_message(
        db, checked["token"], checked["rid"], message_id
    )
    return json_response({"message": result, "success": True})


@router.get("/livechat/messages.history/{rid}")
async def history(rid: str, request: Request, db: Db) -> Response:
    query = query_params(request, HISTORY_SCHEMA)
    if not query.get("token"):
        raise PlainError("error-token-param-not-provided")
    before = parse_iso(query["ls"]) if query.get("ls") else None
    after = parse_iso(query["end"]) if query.get("end") else None
    page = paging(query.get("offset"), query.get("count") or query.get("limit") or 20)
    messages = await livechat_messages.check_visitor_history(db, query["token"], rid, before, after, page)
    return json_response({"messages": messages, "success": True})


IMPORT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "visitor": {
            "type": "object",
            "properties": {"token": {"type": "string", "minLength": 1}},
            "required": ["token"],
            "additionalProperties": False,
        },
        "messages": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"msg": _STR},
                "required": ["msg"],
                "additionalProperties": False,
            },
            "minItems": 1,
            "maxItems": message_import.MAX_MESSAGES,
        },
    },
    "required": ["visitor", "messages"],
    "additionalProperties": False,
}


@router.post("/livechat/messages")
async def import_messages(request: Request, body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, IMPORT_SCHEMA)
    widget = request.cookies.get("rc_room_type") == "l" and request.cookies.get("rc_is_widget") == "t"
    written = await message_import.check_import_messages(
        db,
        user,
        checked["visitor"]["token"],
        [m["msg"] for m in checked["messages"]],
        {"type": "widget" if widget else "api"},
        now,
    )
    return json_response({"messages": written, "success": True})
