"""permissions.listAll and permissions.update."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from frontdesk.api.deps import Body, CurrentUser, Db, Now, check_body, query_params
from frontdesk.clock import parse_iso
from frontdesk.errors import PlainError, json_response
from frontdesk.services.permissions import check_update_permissions, list_permissions

router = APIRouter()

UPDATE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "permissions": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "_id": {"type": "string"},
                    "roles": {"type": "array", "items": {"type": "string"}},
                },
                "required": ["_id", "roles"],
                "additionalProperties": False,
            },
        }
    },
    "required": ["permissions"],
    "additionalProperties": False,
}
LIST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"updatedSince": {"type": "string"}},
    "additionalProperties": False,
}


@router.get("/permissions.listAll")
async def list_all(request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, LIST_SCHEMA)
    since = None
    if query.get("updatedSince"):
        since = parse_iso(query["updatedSince"])
        if since is None:
            raise PlainError("Invalid date for `updatedSince` [error-roomId-param-invalid]")
    update = await list_permissions(db, since)
    return json_response({"update": update, "remove": [], "success": True})


@router.post("/permissions.update")
async def update(body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, UPDATE_SCHEMA)
    updates = [(p["_id"], p["roles"]) for p in checked["permissions"]]
    return json_response(
        {"permissions": await check_update_permissions(db, user, updates, now), "success": True}
    )
