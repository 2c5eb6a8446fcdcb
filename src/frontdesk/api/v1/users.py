"""users.create, users.info, users.list, users.update, users.setStatus, users.delete."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from frontdesk.api.deps import Body, CurrentUser, Db, Now, SettingsDep, check_body, query_params
from frontdesk.api.wire import paged_body, user_doc
from frontdesk.errors import json_response
from frontdesk.services import user_admin, users
from frontdesk.services.pagination import ListPage, ListQuery

router = APIRouter()

_STR = {"type": "string"}
CREATE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "email": _STR,
        "name": _STR,
        "password": _STR,
        "username": _STR,
        "active": {"type": "boolean", "nullable": True},
        "roles": {"type": "array", "items": _STR, "nullable": True},
        "joinDefaultChannels": {"type": "boolean", "nullable": True},
        "requirePasswordChange": {"type": "boolean", "nullable": True},
        "sendWelcomeEmail": {"type": "boolean", "nullable": True},
        "verified": {"type": "boolean", "nullable": True},
        "customFields": {"type": "object", "nullable": True},
        "setRandomPassword": {"type": "boolean", "nullable": True},
    },
    "required": ["email", "name", "password", "username"],
    "additionalProperties": False,
}
INFO_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"userId": _STR, "username": _STR, "includeUserRooms": _STR, "fields": _STR},
    "additionalProperties": False,
}
STATUS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"status": _STR, "message": _STR, "userId": _STR},
    "additionalProperties": False,
}
DELETE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"userId": _STR, "confirmRelinquish": {"type": "boolean"}},
    "required": ["userId"],
    "additionalProperties": False,
}

_NNUM = {"type": "number", "nullable": True}
LIST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"text": _STR, "count": _NNUM, "offset": _NNUM, "sort": _STR, "fields": _STR},
    "additionalProperties": False,
}
UPDATE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "userId": _STR,
        "data": {
            "type": "object",
            "properties": {
                "email": _STR,
                "name": _STR,
                "password": {"type": "string", "minLength": 1},
                "username": _STR,
                "active": {"type": "boolean"},
                "roles": {"type": "array", "items": _STR},
                "bio": _STR,
                "nickname": _STR,
                "statusText": _STR,
                "joinDefaultChannels": {"type": "boolean"},
                "requirePasswordChange": {"type": "boolean"},
                "sendWelcomeEmail": {"type": "boolean"},
                "verified": {"type": "boolean"},
                "customFields": {"type": "object"},
                "setRandomPassword": {"type": "boolean"},
            },
            "additionalProperties": False,
        },
        "confirmRelinquish": {"type": "boolean"},
    },
    "required": ["userId", "data"],
    "additionalProperties": False,
}


@router.post("/users.create")
async def create(body: Body, caller: CurrentUser, db: Db, now: Now, settings: SettingsDep) -> Response:
    checked = check_body(body, CREATE_SCHEMA)
    user = await users.check_create_user(db, caller, checked, now, settings.BCRYPT_ROUNDS)
    return json_response({"user": user_doc(user), "success": True})


@router.get("/users.info")
async def info(request: Request, caller: CurrentUser, db: Db) -> Response:
    query = query_params(request, INFO_SCHEMA)
    user = await users.access_user(db, query.get("userId"), query.get("username"))
    return json_response({"user": user_doc(user), "success": True})


@router.post("/users.setStatus")
async def set_status(body: Body, caller: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, STATUS_SCHEMA)
    await users.check_set_status(
        db, caller, checked.get("userId") or None, checked.get("status"), checked.get("message"), now
    )
    return json_response({"success": True})


@router.post("/users.delete")
async def delete(body: Body, caller: CurrentUser, db: Db) -> Response:
    checked = check_body(body, DELETE_SCHEMA)
    await users.check_delete_user(db, caller, checked["userId"])
    return json_response({"success": True})


@router.get("/users.list")
async def list_users(request: Request, caller: CurrentUser, db: Db) -> Response:
    """Rocket.Chat's users.list paging and sort; `text` (as users.listByStatus's searchTerm) instead of
    a MongoDB `query`."""
    query = query_params(request, LIST_SCHEMA)
    found = await user_admin.check_list_users(db, caller, query.get("text") or None, ListQuery.of(query))
    return json_response(
        paged_body("users", ListPage([user_doc(u) for u in found.items], found.offset, found.total))
    )


@router.post("/users.update")
async def update(body: Body, caller: CurrentUser, db: Db, now: Now, settings: SettingsDep) -> Response:
    checked = check_body(body, UPDATE_SCHEMA)
    user = await user_admin.check_update_user(
        db, caller, checked["userId"], checked["data"], now, settings.BCRYPT_ROUNDS
    )
    return json_response({"user": user_doc(user), "success": True})
