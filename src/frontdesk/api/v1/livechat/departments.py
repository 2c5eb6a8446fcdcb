"""livechat/department: list, create, read, update, remove, and a department's agents."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from frontdesk.api.deps import Body, CurrentUser, Db, Now, check_body, query_params
from frontdesk.api.wire import paged_body
from frontdesk.errors import json_response
from frontdesk.services import department_lists, departments
from frontdesk.services.pagination import ListQuery

router = APIRouter()

_STR = {"type": "string"}
_NSTR = {"type": "string", "nullable": True}
_NNUM = {"type": "number", "nullable": True}
_NBOOL = {"type": "boolean", "nullable": True}
_STRINGS = {"type": "array", "items": _STR, "nullable": True}
LIST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "text": _NSTR,
        "onlyMyDepartments": {"type": "string", "enum": ["true", "false"], "nullable": True},
        "enabled": _NSTR,
        "excludeDepartmentId": _NSTR,
        "showArchived": _NSTR,
        "count": _NNUM,
        "offset": _NNUM,
        "sort": _NSTR,
        "query": _NSTR,
    },
    "additionalProperties": False,
}
_AGENTS = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {"agentId": _STR, "count": _NNUM, "order": _NNUM},
        "required": ["agentId"],
        "additionalProperties": False,
    },
    "nullable": True,
}
DEPARTMENT = {
    "type": "object",
    "properties": {
        "enabled": {"type": "boolean"},
        "name": _STR,
        "description": _NSTR,
        "showOnRegistration": {"type": "boolean"},
        "showOnOfflineForm": {"type": "boolean"},
        "requestTagBeforeClosingChat": _NBOOL,
        "chatClosingTags": _STRINGS,
        "fallbackForwardDepartment": _NSTR,
        "email": _STR,
        "departmentsAllowedToForward": _STRINGS,
        "allowReceiveForwardOffline": _NBOOL,
        "offlineMessageChannelName": _NSTR,
        "abandonedRoomsCloseCustomMessage": _NSTR,
        "waitingQueueMessage": _NSTR,
    },
    "required": ["name", "email", "enabled", "showOnRegistration", "showOnOfflineForm"],
    "additionalProperties": True,
}
CREATE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "department": DEPARTMENT,
        "agents": _AGENTS,
        "departmentUnit": {"type": "object", "properties": {"_id": _STR}, "additionalProperties": False},
    },
    "required": ["department"],
    "additionalProperties": False,
}
UPDATE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"department": DEPARTMENT, "agents": _AGENTS},
    "required": ["department"],
    "additionalProperties": False,
}
ONE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"onlyMyDepartments": _NSTR, "includeAgents": _NSTR},
    "additionalProperties": False,
}
PAGE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"count": {"type": "number"}, "offset": {"type": "number"}, "sort": _STR},
    "additionalProperties": False,
}
_MEMBER = {
    "type": "object",
    "properties": {
        "agentId": _STR,
        "username": _STR,
        "name": _STR,
        "count": {"type": "number"},
        "order": {"type": "number"},
        "departmentEnabled": {"type": "boolean"},
        "departmentId": _STR,
        "_id": _STR,
        "_updatedAt": _STR,
    },
    "required": ["agentId", "username"],
    "additionalProperties": False,
}
MEMBERS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "upsert": {"type": "array", "items": _MEMBER},
        "remove": {"type": "array", "items": _MEMBER},
    },
    "required": ["upsert", "remove"],
    "additionalProperties": False,
}


@router.get("/livechat/department")
async def list_departments(request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, LIST_SCHEMA)
    found = await department_lists.check_list(db, user, query, ListQuery.of(query))
    return json_response(paged_body("departments", found))


@router.post("/livechat/department")
async def create(body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, CREATE_SCHEMA)
    department, agents = await departments.check_create(
        db, user, checked["department"], checked.get("agents"), now
    )
    return json_response({"department": department, "agents": agents, "success": True})


@router.get("/livechat/department/{department_id}")
async def read(department_id: str, request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, ONE_SCHEMA)
    include = query.get("includeAgents") == "true"
    department, agents = await department_lists.access_department(db, user, department_id, include)
    body: dict[str, Any] = {"department": department}
    if agents is not None:
        body["agents"] = agents
    return json_response({**body, "success": True})


@router.put("/livechat/department/{department_id}")
async def update(department_id: str, body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, UPDATE_SCHEMA)
    department, agents = await departments.check_update(
        db, user, department_id, checked["department"], checked.get("agents"), now
    )
    return json_response({"department": department, "agents": agents, "success": True})


@router.delete("/livechat/department/{department_id}")
async def remove(department_id: str, user: CurrentUser, db: Db, now: Now) -> Response:
    await departments.check_remove(db, user, department_id, now)
    return json_response({"success": True})


@router.get("/livechat/department/{department_id}/agents")
async def list_agents(department_id: str, request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, PAGE_SCHEMA)
    found = await department_lists.list_department_agents(db, user, department_id, ListQuery.of(query))
    return json_response(paged_body("agents", found))


@router.post("/livechat/department/{department_id}/agents")
async def update_agents(department_id: str, body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, MEMBERS_SCHEMA)
    await departments.check_update_agents(db, user, department_id, checked["upsert"], checked["remove"], now)
    return json_response({"success": True})
