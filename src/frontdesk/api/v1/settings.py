"""GET|POST /api/v1/settings/:_id for the settings Frontdesk supports, and GET settings.public."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from frontdesk.api.deps import Body, CurrentUser, Db, Now, check_body, query_params
from frontdesk.api.wire import paged_body
from frontdesk.errors import json_response
from frontdesk.services import settings as service
from frontdesk.services.pagination import ListQuery
from frontdesk.services.public_settings import list_public_settings

router = APIRouter()

SET_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"value": {}, "editor": {"type": "string"}, "execute": {"type": "boolean"}},
    "required": ["value"],
    "additionalProperties": False,
}


@router.get("/settings/{setting_id}")
async def get_setting(setting_id: str, user: CurrentUser, db: Db) -> Response:
    value = await service.access_setting(db, user, setting_id)
    return json_response({"_id": setting_id, "value": value, "success": True})


@router.post("/settings/{setting_id}")
async def set_setting(setting_id: str, body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, SET_SCHEMA)
    await service.check_set_setting(db, user, setting_id, checked["value"], now)
    return json_response({"success": True})


PUBLIC_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "_id": {"type": "string"},
        "query": {"type": "string"},
        "count": {"type": "number", "nullable": True},
        "offset": {"type": "number", "nullable": True},
        "sort": {"type": "string"},
        "fields": {"type": "string"},
    },
    "additionalProperties": False,
}


@router.get("/settings.public")
async def public_settings(request: Request, db: Db) -> Response:
    """No login needed, as in Rocket.Chat: only settings marked public; `_id=a,b` picks some."""
    query = query_params(request, PUBLIC_SCHEMA)
    ids = [i for i in str(query.get("_id") or "").split(",") if i]
    found = await list_public_settings(db, ids, ListQuery.of(query))
    return json_response(paged_body("settings", found))
