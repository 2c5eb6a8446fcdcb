"""GET livechat/config/routing: what the routing method lets agents do (queue, preview, return to queue)."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from frontdesk.api.deps import CurrentUser, Db
from frontdesk.errors import json_response
from frontdesk.services import routing

router = APIRouter()


@router.get("/livechat/config/routing")
async def routing_config(user: CurrentUser, db: Db) -> Response:
    return json_response({"config": await routing.routing_config(db), "success": True})
