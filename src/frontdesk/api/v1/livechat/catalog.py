"""Reading the catalogues managers keep: livechat/tags, livechat/custom-fields (and their :id)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from frontdesk.api.deps import CurrentUser, Db, query_params
from frontdesk.errors import json_response
from frontdesk.services import custom_fields, tags
from frontdesk.services.pagination import page, sort_keys
from frontdesk.services.permissions import check_any_permission, check_permission

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
TAG_READERS = ("view-l-room", "manage-livechat-tags")


@router.get("/livechat/tags")
async def list_tags(request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, TAGS_SCHEMA)
    await check_any_permission(db, user, *TAG_READERS)
    paging = await page(db, query)
    sort = sort_keys(query.get("sort"), [("name", 1)])
    found, total = await tags.check_list(db, query["text"], query.get("department") or None, sort, paging)
    body = {"tags": found, "count": len(found), "offset": paging.offset, "total": total, "success": True}
    return json_response(body)


@router.get("/livechat/tags/{tag_id}")
async def read_tag(tag_id: str, user: CurrentUser, db: Db) -> Response:
    await check_any_permission(db, user, *TAG_READERS)
    tag = await tags.tag_by_id(db, tag_id)
    return json_response({**(tag or {}), "success": True})


@router.get("/livechat/custom-fields")
async def list_fields(request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, FIELDS_SCHEMA)
    await check_permission(db, user, "view-l-room")
    paging = await page(db, query)
    sort = sort_keys(query.get("sort"), [("label", 1)])
    found, total = await custom_fields.check_list(db, query.get("text") or None, sort, paging)
    body = {
        "customFields": found,
        "count": len(found),
        "offset": paging.offset,
        "total": total,
        "success": True,
    }
    return json_response(body)


@router.get("/livechat/custom-fields/{field_id}")
async def read_field(field_id: str, user: CurrentUser, db: Db) -> Response:
    await check_permission(db, user, "view-l-room")
    return json_response({"customField": await custom_fields.field_by_id(db, field_id), "success": True})
