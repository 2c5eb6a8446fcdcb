"""GET /api/info: the Rocket.Chat version Frontdesk is wire-compatible with."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from frontdesk.errors import json_response

# The Rocket.Chat release line whose REST shapes Frontdesk speaks (docs/api/livechat-api.md: 7.x wire shapes).
COMPATIBLE_VERSION = "7.10.0"

router = APIRouter()


@router.get("/api/info")
async def info() -> Response:
    return json_response({"version": COMPATIBLE_VERSION, "success": True})
