"""GET subscriptions.get and POST subscriptions.read: an agent's rooms in the sidebar and marking one read."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from frontdesk.api.deps import Body, CurrentUser, Db, Now, check_body, query_params
from frontdesk.errors import json_response
from frontdesk.services import subscriptions

router = APIRouter()

LIST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"updatedSince": {"type": "string"}},
    "additionalProperties": False,
}
READ_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "rid": {"type": "string"},
        "roomId": {"type": "string"},
        "readThreads": {"type": "boolean"},
    },
    "additionalProperties": False,
}


@router.get("/subscriptions.get")
async def subscriptions_get(request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, LIST_SCHEMA)
    update = await subscriptions.list_own_subscriptions(db, user, query.get("updatedSince"))
    # Rocket.Chat lists deleted subscriptions from a trash collection; Frontdesk keeps none (see README).
    return json_response({"update": update, "remove": [], "success": True})


@router.post("/subscriptions.read")
async def subscriptions_read(body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, READ_SCHEMA)
    await subscriptions.check_read(db, user, checked.get("rid") or checked.get("roomId"), now)
    return json_response({"success": True})
