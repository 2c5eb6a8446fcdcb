"""permissions.listAll and permissions.update."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from frontdesk.api.deps import Body, CurrentUser, Db, Now, check_body, query_params
from frontdesk.api.wire import permission_doc
from frontdesk.clock import parse_iso
from frontdesk.errors import PlainError, json_response
from frontdesk.services.permissions import check_permission, do_update_permissions
from frontdesk.store import permissions as store

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


async def _all(db: Db) -> list[dict[str, Any]]:
    return [permission_doc(p.id, list(p.roles), p.updated_at) for p in await store.all_permissions(db)]


@router.get("/permissions.listAll")
async def list_all(request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, LIST_SCHEMA)
    since = None
    if query.get("updatedSince"):
        since = parse_iso(query["updatedSince"])
        if since is None:
            raise PlainError("Invalid date for `updatedSince` [error-roomId-param-invalid]")
    rows = await store.all_permissions(db)
    update = [
        permission_doc(p.id, list(p.roles), p.updated_at)
        for p in rows
        if since is None or p.updated_at > since
    ]
    return json_response({"update": update, "remove": [], "success": True})


@router.post("/permissions.update")
async def update(body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, UPDATE_SCHEMA)
    await check_permission(db, user, "access-permissions")
    await do_update_permissions(db, [(p["_id"], p["roles"]) for p in checked["permissions"]], now)
    return json_response({"permissions": await _all(db), "success": True})
