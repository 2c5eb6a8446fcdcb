"""Visitor registration: POST livechat/visitor, GET|DELETE livechat/visitor/:token, visitor.status."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends
from starlette.responses import Response

from frontdesk.api.deps import Body, Db, Now, check_body
from frontdesk.api.rate_limit import rate_limit
from frontdesk.errors import FrontdeskError, MeteorError, json_response
from frontdesk.input_limits import MAX_CUSTOM_FIELDS
from frontdesk.services import visitors

router = APIRouter()

_STR = {"type": "string"}
REGISTER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "visitor": {
            "type": "object",
            "properties": {
                "token": _STR,
                "name": _STR,
                "email": _STR,
                "department": _STR,
                "phone": _STR,
                "username": _STR,
                "id": _STR,
                "connectionData": {"type": "object"},
                "customFields": {
                    "type": "array",
                    "maxItems": MAX_CUSTOM_FIELDS,
                    "items": {
                        "type": "object",
                        "properties": {"key": _STR, "value": _STR, "overwrite": {"type": "boolean"}},
                        "required": ["key", "value", "overwrite"],
                        "additionalProperties": False,
                    },
                },
            },
            "required": ["token"],
            "additionalProperties": False,
        }
    },
    "required": ["visitor"],
    "additionalProperties": False,
}
STATUS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"token": _STR, "status": _STR},
    "required": ["token", "status"],
    "additionalProperties": False,
}


@router.post("/livechat/visitor", dependencies=[Depends(rate_limit(5, 60))])
async def register(body: Body, db: Db, now: Now) -> Response:
    checked = check_body(body, REGISTER_SCHEMA)
    visitor = await visitors.check_register_visitor(db, checked["visitor"], now)
    return json_response({"visitor": visitor, "success": True})


@router.get("/livechat/visitor/{token}")
async def get_visitor(token: str, db: Db) -> Response:
    try:
        visitor = await visitors.access_visitor(db, token)
    except FrontdeskError:
        raise MeteorError("invalid-token") from None
    return json_response({"visitor": visitor, "success": True})


@router.delete("/livechat/visitor/{token}")
async def delete_visitor(token: str, db: Db, now: Now) -> Response:
    result = await visitors.check_delete_visitor(db, token, now)
    return json_response({"visitor": result, "success": True})


@router.post("/livechat/visitor.status")
async def set_status(body: Body, db: Db, now: Now) -> Response:
    checked = check_body(body, STATUS_SCHEMA)
    await visitors.check_set_status(db, checked["token"], checked["status"], now)
    return json_response({"token": checked["token"], "status": checked["status"], "success": True})
