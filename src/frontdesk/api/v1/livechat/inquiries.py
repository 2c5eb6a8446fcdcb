"""livechat/inquiries.queuedForUser, .list, .getOne, .take and .returnAsInquiry."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from frontdesk.api.deps import Body, CurrentUser, Db, Now, check_body, query_params
from frontdesk.api.wire import paged_body
from frontdesk.errors import json_response
from frontdesk.services import inquiries, transfer
from frontdesk.services.pagination import ListQuery

router = APIRouter()

_STR = {"type": "string"}
_NSTR = {"type": "string", "nullable": True}
_NNUM = {"type": "number", "nullable": True}
LIST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"count": _NNUM, "offset": _NNUM, "sort": _NSTR, "department": _NSTR},
    "additionalProperties": False,
}
GET_ONE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"roomId": _STR},
    "required": ["roomId"],
    "additionalProperties": False,
}
TAKE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "inquiryId": _STR,
        "userId": _NSTR,
        "options": {
            "type": "object",
            "nullable": True,
            "properties": {
                "clientAction": {"type": "boolean"},
                "forwardingToDepartment": {
                    "type": "object",
                    "nullable": True,
                    "properties": {"oldDepartmentId": _STR, "transferData": {"type": "object"}},
                    "required": ["oldDepartmentId", "transferData"],
                    "additionalProperties": False,
                },
            },
            "required": ["clientAction"],
            "additionalProperties": False,
        },
    },
    "required": ["inquiryId"],
    "additionalProperties": False,
}


@router.get("/livechat/inquiries.queuedForUser")
async def queued_for_user(request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, LIST_SCHEMA)
    found = await inquiries.check_queued_for_user(
        db, user, query.get("department") or None, ListQuery.of(query)
    )
    return json_response(paged_body("inquiries", found))


@router.get("/livechat/inquiries.list")
async def list_inquiries(request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, LIST_SCHEMA)
    found = await inquiries.check_list(db, user, query.get("department") or None, ListQuery.of(query))
    return json_response(paged_body("inquiries", found))


@router.get("/livechat/inquiries.getOne")
async def get_one(request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, GET_ONE_SCHEMA)
    inquiry = await inquiries.access_inquiry_of_room(db, user, query["roomId"])
    return json_response({"inquiry": inquiry, "success": True})


@router.post("/livechat/inquiries.take")
async def take(body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, TAKE_SCHEMA)
    client_action = bool((checked.get("options") or {}).get("clientAction", True))
    inquiry = await inquiries.check_take(
        db, user, checked["inquiryId"], checked.get("userId") or None, client_action, now
    )
    return json_response({"inquiry": inquiry, "success": True})


RETURN_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"roomId": _STR, "departmentId": _NSTR},
    "required": ["roomId"],
    "additionalProperties": False,
}


@router.post("/livechat/inquiries.returnAsInquiry")
async def return_as_inquiry(body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, RETURN_SCHEMA)
    result = await transfer.check_return_to_queue(
        db, user, checked["roomId"], checked.get("departmentId"), now
    )
    return json_response({"result": result, "success": True})
