"""livechat/users/agent|manager, livechat/agent.status and livechat/agents/:agentId/departments."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from frontdesk.api.deps import Body, CurrentUser, Db, Now, check_body, query_params
from frontdesk.api.wire import paged_body
from frontdesk.errors import json_response
from frontdesk.services import department_lists, livechat_users
from frontdesk.services.pagination import ListQuery

router = APIRouter()

_STR = {"type": "string"}
_NSTR = {"type": "string", "nullable": True}
_NNUM = {"type": "number", "nullable": True}
_NBOOL = {"type": "boolean", "nullable": True}
LIST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "text": _NSTR,
        "onlyAvailable": _NBOOL,
        "excludeId": _NSTR,
        "showIdleAgents": _NBOOL,
        "count": _NNUM,
        "offset": _NNUM,
        "sort": _NSTR,
        "query": _NSTR,
        "fields": _NSTR,
    },
    "additionalProperties": False,
}
ADD_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"username": _STR},
    "required": ["username"],
    "additionalProperties": False,
}
STATUS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "status": {"type": "string", "enum": ["available", "not-available"], "nullable": True},
        "agentId": _NSTR,
    },
    "additionalProperties": False,
}
DEPARTMENTS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"enabledDepartmentsOnly": _NSTR, "enableDepartmentsOnly": _NSTR},
    "additionalProperties": False,
}


@router.get("/livechat/users/{kind}")
async def list_users(kind: str, request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, LIST_SCHEMA)
    flt = livechat_users.UserFilter(
        text=query.get("text") or None,
        only_available=query.get("onlyAvailable") is True,
        exclude_id=query.get("excludeId") or None,
        show_idle=query.get("showIdleAgents") is True,
    )
    found = await livechat_users.check_list(db, user, kind, flt, ListQuery.of(query))
    return json_response(paged_body("users", found))


@router.post("/livechat/users/{kind}")
async def add_user(kind: str, body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, ADD_SCHEMA)
    added = await livechat_users.check_add(db, user, kind, checked["username"], now)
    return json_response({"user": added, "success": True})


@router.get("/livechat/users/{kind}/{user_id}")
async def get_user(kind: str, user_id: str, user: CurrentUser, db: Db) -> Response:
    found = await livechat_users.access_role_user(db, user, kind, user_id)
    return json_response({"user": found, "success": True})


@router.delete("/livechat/users/{kind}/{user_id}")
async def remove_user(kind: str, user_id: str, user: CurrentUser, db: Db, now: Now) -> Response:
    await livechat_users.check_remove(db, user, kind, user_id, now)
    return json_response({"success": True})


@router.post("/livechat/agent.status")
async def agent_status(body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, STATUS_SCHEMA)
    status = await livechat_users.check_agent_status(
        db, user, checked.get("status") or None, checked.get("agentId") or None, now
    )
    return json_response({"status": status, "success": True})


@router.get("/livechat/agents/{agent_id}/departments")
async def agent_departments(agent_id: str, request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, DEPARTMENTS_SCHEMA)
    flag = query.get("enabledDepartmentsOnly", query.get("enableDepartmentsOnly"))
    found = await department_lists.access_agent_departments(db, user, agent_id, flag in ("true", "1"))
    return json_response({"departments": found, "success": True})
