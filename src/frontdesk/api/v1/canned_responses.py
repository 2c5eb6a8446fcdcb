"""Canned responses, at Rocket.Chat's paths: GET|POST|DELETE canned-responses, GET canned-responses/:_id,
GET canned-responses.get."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from frontdesk.api.deps import Body, CurrentUser, Db, Now, check_body, query_params
from frontdesk.api.wire import paged_body
from frontdesk.errors import NotFound, json_response
from frontdesk.services import canned_responses
from frontdesk.services.pagination import ListQuery

router = APIRouter()

_STR = {"type": "string"}
_NSTR = {"type": "string", "nullable": True}
_TAGS = {"type": "array", "items": {"type": "string", "maxLength": 200}, "maxItems": 50, "nullable": True}
LIST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "scope": _NSTR,
        "departmentId": _NSTR,
        "shortcut": _NSTR,
        "tags": _TAGS,
        "createdBy": _NSTR,
        "text": _NSTR,
        "count": {"type": "number", "nullable": True},
        "offset": {"type": "number", "nullable": True},
        "sort": _NSTR,
    },
    "additionalProperties": False,
}
SAVE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "_id": _NSTR,
        "shortcut": {"type": "string", "minLength": 1, "maxLength": 200},
        "text": {"type": "string", "minLength": 1, "maxLength": 100_000},
        "scope": _STR,
        "departmentId": _NSTR,
        "tags": _TAGS,
    },
    "required": ["shortcut", "text", "scope"],
    "additionalProperties": False,
}
DELETE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"_id": _STR},
    "required": ["_id"],
    "additionalProperties": False,
}


@router.get("/canned-responses")
async def list_responses(request: Request, user: CurrentUser, db: Db) -> Response:
    raw = query_params(request)
    if isinstance(raw.get("tags"), str):  # ?tags=a as well as ?tags[]=a
        raw["tags"] = [raw["tags"]]
    query = check_body(raw, LIST_SCHEMA)
    found = await canned_responses.check_list(db, user, query, ListQuery.of(query))
    return json_response(paged_body("cannedResponses", found))


@router.get("/canned-responses.get")
async def all_responses(user: CurrentUser, db: Db) -> Response:
    responses = await canned_responses.check_all_for_user(db, user)
    return json_response({"responses": responses, "success": True})


@router.get("/canned-responses/{response_id}")
async def one_response(response_id: str, user: CurrentUser, db: Db) -> Response:
    found = await canned_responses.access_canned_response(db, user, response_id)
    if found is None:
        raise NotFound()
    return json_response({"cannedResponse": found, "success": True})


@router.post("/canned-responses")
async def save_response(body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, SAVE_SCHEMA)
    await canned_responses.check_post(db, user, checked.get("_id") or None, checked, now)
    return json_response({"success": True})


@router.delete("/canned-responses")
async def remove_response(body: Body, user: CurrentUser, db: Db) -> Response:
    checked = check_body(body, DELETE_SCHEMA)
    await canned_responses.check_delete(db, user, checked["_id"])
    return json_response({"success": True})
