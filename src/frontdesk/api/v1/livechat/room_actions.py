"""What agents do to a room: join, close, forward, transfer history, save info, put on hold and resume."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from frontdesk.api.deps import Body, CurrentUser, Db, Now, check_body, locks_late, query_params, writes
from frontdesk.api.wire import paged_body
from frontdesk.errors import json_response
from frontdesk.services import on_hold, room_access, room_closing, room_info, transfer
from frontdesk.services.pagination import ListQuery

router = APIRouter()

_STR = {"type": "string"}
_NSTR = {"type": "string", "nullable": True}
_NNUM = {"type": "number", "nullable": True}
ROOM_ID_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"roomId": _STR},
    "required": ["roomId"],
    "additionalProperties": False,
}
CLOSE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "rid": _STR,
        "comment": _NSTR,
        "tags": {"type": "array", "items": _STR, "nullable": True},
        "generateTranscriptPdf": {"type": "boolean", "nullable": True},
        "transcriptEmail": {
            "type": "object",
            "properties": {
                "sendToVisitor": {"type": "boolean"},
                "requestData": {
                    "type": "object",
                    "properties": {"email": _STR, "subject": _STR},
                    "required": ["email", "subject"],
                    "additionalProperties": False,
                },
            },
            "required": ["sendToVisitor"],
            "additionalProperties": False,
        },
        "forceClose": {"type": "boolean"},
    },
    "required": ["rid"],
    "additionalProperties": False,
}
FORWARD_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "roomId": _STR,
        "userId": _NSTR,
        "departmentId": _NSTR,
        "comment": _NSTR,
        "clientAction": {"type": "boolean", "nullable": True},
    },
    "required": ["roomId"],
    "additionalProperties": False,
}
SAVE_INFO_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "guestData": {
            "type": "object",
            "properties": {
                "_id": _STR,
                "name": _NSTR,
                "email": _NSTR,
                "phone": _NSTR,
                "livechatData": {"type": "object", "patternProperties": {".*": _STR}, "nullable": True},
            },
            "required": ["_id"],
            "additionalProperties": False,
        },
        "roomData": {
            "type": "object",
            "properties": {
                "_id": _STR,
                "topic": _NSTR,
                "tags": {"type": "array", "items": _STR, "nullable": True},
                "livechatData": {"type": "object", "nullable": True},
                "priorityId": _NSTR,
                "slaId": _NSTR,
            },
            "required": ["_id"],
            "additionalProperties": False,
        },
    },
    "required": ["guestData", "roomData"],
    "additionalProperties": False,
}
HISTORY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"count": _NNUM, "offset": _NNUM, "sort": _NSTR},
    "additionalProperties": False,
}


@router.get("/livechat/room.join")
@writes
async def join(request: Request, user: CurrentUser, db: Db, now: Now) -> Response:
    query = query_params(request, ROOM_ID_SCHEMA)
    await room_access.check_join(db, user, query["roomId"], now)
    return json_response({"success": True})


@router.post("/livechat/room.closeByUser")
@locks_late
async def close_by_user(body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, CLOSE_SCHEMA)
    await room_closing.check_close_by_user(
        db,
        user,
        checked["rid"],
        checked.get("comment"),
        checked.get("tags"),
        checked.get("transcriptEmail"),
        bool(checked.get("forceClose")),
        now,
    )
    return json_response({"success": True})


@router.post("/livechat/room.forward")
async def forward(body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, FORWARD_SCHEMA)
    await transfer.check_forward(
        db,
        user,
        checked["roomId"],
        checked.get("userId") or None,
        checked.get("departmentId") or None,
        checked.get("comment"),
        bool(checked.get("clientAction")),
        now,
    )
    return json_response({"success": True})


@router.get("/livechat/transfer.history/{rid}")
async def transfer_history(rid: str, request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, HISTORY_SCHEMA)
    found = await transfer.check_transfer_history(db, user, rid, ListQuery.of(query))
    return json_response(paged_body("history", found))


@router.post("/livechat/room.saveInfo")
async def save_info(body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, SAVE_INFO_SCHEMA)
    await room_info.check_save_info(db, user, checked["guestData"], checked["roomData"], now)
    return json_response({"success": True})


@router.post("/livechat/room.onHold")
async def place_on_hold(body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, ROOM_ID_SCHEMA)
    await on_hold.check_on_hold(db, user, checked["roomId"], now)
    return json_response({"success": True})


@router.post("/livechat/room.resumeOnHold")
async def resume_on_hold(body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, ROOM_ID_SCHEMA)
    await on_hold.check_resume(db, user, checked["roomId"], now)
    return json_response({"success": True})
