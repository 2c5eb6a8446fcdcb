"""roles.list, roles.addUserToRole, roles.removeUserFromRole."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from frontdesk.api.deps import Body, CurrentUser, Db, Now, check_body
from frontdesk.errors import MeteorError, json_response
from frontdesk.services import roles

router = APIRouter()

_STR = {"type": "string"}
ASSIGN_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"roleId": _STR, "roleName": _STR, "username": _STR, "roomId": _STR, "scope": _STR},
    "required": ["username"],
    "additionalProperties": False,
}


def _role_of(checked: dict[str, Any]) -> str:
    """roleId, or the older roleName (Rocket.Chat still takes it); a default role's id is its name."""
    role = checked.get("roleId") or checked.get("roleName")
    if not role:
        raise MeteorError("error-invalid-role-properties", "must have required property 'roleId'")
    if checked.get("roomId"):
        raise MeteorError("error-invalid-role-properties", "Room-scoped roles are not supported")
    return str(role)


@router.get("/roles.list")
async def list_roles(user: CurrentUser, db: Db) -> Response:
    return json_response({"roles": await roles.list_roles(db), "success": True})


@router.post("/roles.addUserToRole")
async def add_user_to_role(body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, ASSIGN_SCHEMA)
    role = await roles.check_add_user_to_role(db, user, _role_of(checked), checked["username"], now)
    return json_response({"role": role, "success": True})


@router.post("/roles.removeUserFromRole")
async def remove_user_from_role(body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, ASSIGN_SCHEMA)
    role = await roles.check_remove_user_from_role(db, user, _role_of(checked), checked["username"], now)
    return json_response({"role": role, "success": True})
