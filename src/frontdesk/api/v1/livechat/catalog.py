"""Reading the catalogues managers keep: livechat/tags, livechat/custom-fields (and their :id)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from frontdesk.api.deps import CurrentUser, Db, query_params
from frontdesk.api.wire import paged_body
from frontdesk.errors import json_response
from frontdesk.services import custom_fields, tags
from frontdesk.services.pagination import ListQuery

router = APIRouter()

_NSTR = {"type": "string", "nullable": True}
_NNUM = {"type": "number", "nullable": True}
TAGS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "text": {"type": "string"},
        "department": _NSTR,
        "viewAll": {"type": "string", "nullable": True, "enum": ["true", "false"]},
        "count": _NNUM,
        "offset": _NNUM,
        "sort": _NSTR,
        "query": _NSTR,
    },
    "required": ["text"],
    "additionalProperties": False,
}
FIELDS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"text": _NSTR, "count": _NNUM, "offset": _NNUM, "sort": _NSTR, "query": _NSTR},
    "additionalProperties": False,
}


@router.get("/livechat/tags")
async def list_tags(request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, TAGS_SCHEMA)
    found = await tags.check_list(
        db, user, query["text"], query.get("department") or None, ListQuery.of(query)
    )
    return json_response(paged_body("tags", found))


@router.get("/livechat/tags/{tag_id}")
async def read_tag(tag_id: str, user: CurrentUser, db: Db) -> Response:
    tag = await tags.access_tag(db, user, tag_id)
    return json_response({**(tag or {}), "success": True})


@router.get("/livechat/custom-fields")
async def list_fields(request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, FIELDS_SCHEMA)
    found = await custom_fields.check_list(db, user, query.get("text") or None, ListQuery.of(query))
    return json_response(paged_body("customFields", found))


@router.get("/livechat/custom-fields/{field_id}")
async def read_field(field_id: str, user: CurrentUser, db: Db) -> Response:
    return json_response(
        {"customField": await custom_fields.access_field(db, user, field_id), "success": True}
    )
