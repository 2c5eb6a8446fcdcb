"""GET|POST /api/v1/settings/:_id for the settings Frontdesk supports."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from frontdesk.api.deps import Body, CurrentUser, Db, Now, check_body
from frontdesk.errors import json_response
from frontdesk.services import settings as service

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
