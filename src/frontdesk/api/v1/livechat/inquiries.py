"""livechat/inquiries.queuedForUser, .list, .getOne and .take."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from frontdesk.api.deps import Body, CurrentUser, Db, Now, check_body, query_params
from frontdesk.errors import json_response
from frontdesk.services import inquiries
from frontdesk.services.pagination import page, sort_keys
from frontdesk.services.permissions import check_permission

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


def _paged(inquiries_: list[dict[str, Any]], offset: int, total: int) -> Response:
    body = {
        "inquiries": inquiries_,
        "count": len(inquiries_),
        "offset": offset,
        "total": total,
        "success": True,
    }
    return json_response(body)


@router.get("/livechat/inquiries.queuedForUser")
async def queued_for_user(request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, LIST_SCHEMA)
    await check_permission(db, user, "view-l-room")
    paging = await page(db, query)
    sort = sort_keys(query.get("sort"), [("ts", 1)])
    found, total = await inquiries.check_queued_for_user(
        db, user, query.get("department") or None, sort, paging
    )
    return _paged(found, paging.offset, total)


@router.get("/livechat/inquiries.list")
async def list_inquiries(request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, LIST_SCHEMA)
    await check_permission(db, user, "view-livechat-manager")
    paging = await page(db, query)
    sort = sort_keys(query.get("sort"), [("ts", -1)])
    found, total = await inquiries.check_list(db, query.get("department") or None, sort, paging)
    return _paged(found, paging.offset, total)


@router.get("/livechat/inquiries.getOne")
async def get_one(request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, GET_ONE_SCHEMA)
    await check_permission(db, user, "view-l-room")
    inquiry = await inquiries.inquiry_of_room(db, query["roomId"])
    return json_response({"inquiry": inquiry, "success": True})


@router.post("/livechat/inquiries.take")
async def take(body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, TAKE_SCHEMA)
    await check_permission(db, user, "view-l-room")
    client_action = bool((checked.get("options") or {}).get("clientAction", True))
    inquiry = await inquiries.check_take(
        db, user, checked["inquiryId"], checked.get("userId") or None, client_action, now
    )
    return json_response({"inquiry": inquiry, "success": True})
