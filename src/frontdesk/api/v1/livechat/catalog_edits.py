"""Changing the catalogues managers keep: livechat/tags.save|delete, livechat/custom-fields.save|delete."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from frontdesk.api.deps import Body, CurrentUser, Db, Now, check_body
from frontdesk.errors import json_response
from frontdesk.services import custom_fields, tags

router = APIRouter()

_STR = {"type": "string"}
_NSTR = {"type": "string", "nullable": True}
TAG_SAVE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "_id": _STR,
        "tagData": {
            "type": "object",
            "properties": {"name": _STR, "description": _STR},
            "required": ["name"],
            "additionalProperties": False,
        },
        "tagDepartments": {"type": "array", "items": _STR},
    },
    "required": ["tagData"],
    "additionalProperties": False,
}
TAG_DELETE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"id": _STR},
    "required": ["id"],
    "additionalProperties": False,
}
FIELD_SAVE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "customFieldId": _NSTR,
        "customFieldData": {
            "type": "object",
            "properties": {
                "field": _STR,
                "label": _STR,
                "scope": {"type": "string", "enum": ["visitor", "room"]},
                "visibility": _STR,
                "type": {"type": "string", "enum": ["input", "select"]},
                "regexp": _STR,
                "required": {"type": "boolean"},
                "defaultValue": _STR,
                "options": _STR,
                "public": {"type": "boolean"},
                "searchable": {"type": "boolean"},
            },
            "required": ["field", "label", "scope", "visibility"],
            "additionalProperties": False,
        },
    },
    "required": ["customFieldData"],
    "additionalProperties": False,
}
FIELD_DELETE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"customFieldId": _STR},
    "required": ["customFieldId"],
    "additionalProperties": False,
}


@router.post("/livechat/tags.save")
async def save_tag(body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, TAG_SAVE_SCHEMA)
    tag = await tags.check_save_tag_rest(
        db, user, checked.get("_id") or None, checked["tagData"], checked.get("tagDepartments"), now
    )
    return json_response({**tag, "success": True})


@router.post("/livechat/tags.delete")
async def delete_tag(body: Body, user: CurrentUser, db: Db) -> Response:
    checked = check_body(body, TAG_DELETE_SCHEMA)
    await tags.check_remove_tag(db, user, checked["id"])
    return json_response({"success": True})


@router.post("/livechat/custom-fields.save")
async def save_field(body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, FIELD_SAVE_SCHEMA)
    field = await custom_fields.check_save_rest(
        db, user, checked.get("customFieldId") or None, checked["customFieldData"], now
    )
    return json_response({"customField": field, "success": True})


@router.post("/livechat/custom-fields.delete")
async def delete_field(body: Body, user: CurrentUser, db: Db) -> Response:
    checked = check_body(body, FIELD_DELETE_SCHEMA)
    await custom_fields.check_remove(db, user, checked["customFieldId"])
    return json_response({"success": True})
