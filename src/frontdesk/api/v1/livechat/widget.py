"""What the widget calls besides rooms and messages: config, agent info, custom fields, pages, offline."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from frontdesk.api.deps import Body, Db, MailDomainsDep, Now, check_body, query_params
from frontdesk.api.rate_limit import rate_limit
from frontdesk.errors import json_response
from frontdesk.input_limits import MAX_CUSTOM_FIELDS
from frontdesk.services import livechat_agents, offline_messages, visitor_data
from frontdesk.services.widget_config import widget_config

router = APIRouter()

_STR = {"type": "string"}
_FIELD = {
    "type": "object",
    "properties": {"key": _STR, "value": _STR, "overwrite": {"type": "boolean"}},
    "required": ["key", "value", "overwrite"],
    "additionalProperties": False,
}
CONFIG_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"token": _STR, "department": _STR, "businessUnit": _STR},
    "additionalProperties": False,
}
FIELD_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"token": _STR, **_FIELD["properties"]},  # type: ignore[dict-item]
    "required": ["token", "key", "value", "overwrite"],
    "additionalProperties": False,
}
FIELDS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "token": _STR,
        "customFields": {"type": "array", "items": _FIELD, "maxItems": MAX_CUSTOM_FIELDS},
    },
    "required": ["token", "customFields"],
    "additionalProperties": False,
}
PAGE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "token": _STR,
        "rid": {"type": "string", "nullable": True},
        "pageInfo": {
            "type": "object",
            "properties": {
                "change": _STR,
                "title": _STR,
                "location": {"type": "object", "properties": {"href": _STR}, "required": ["href"]},
            },
            "required": ["change", "title", "location"],
        },
    },
    "required": ["token", "pageInfo"],
    "additionalProperties": False,
}
OFFLINE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "name": {"type": "string", "maxLength": 1000},
        "email": {"type": "string", "maxLength": 1000},
        "message": {"type": "string", "maxLength": 50_000},
        "department": {"type": "string", "nullable": True, "maxLength": 1000},
        "host": {"type": "string", "nullable": True, "maxLength": 2000},
    },
    "required": ["name", "email", "message"],
    "additionalProperties": False,
}
NEXT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"department": _STR},
    "additionalProperties": False,
}


@router.get("/livechat/config")
async def config(request: Request, db: Db) -> Response:
    query = query_params(request, CONFIG_SCHEMA)
    sound = str(request.app.state.settings.ROOT_URL).rstrip("/") + "/sounds/chime.mp3"
    result = await widget_config(db, query.get("token"), query.get("department"), sound)
    return json_response({"config": result, "success": True})


@router.get("/livechat/agent.info/{rid}/{token}")
async def agent_info(rid: str, token: str, db: Db) -> Response:
    return json_response({"agent": await livechat_agents.check_agent_info(db, token, rid), "success": True})


@router.get("/livechat/agent.next/{token}")
async def agent_next(token: str, request: Request, db: Db) -> Response:
    query = query_params(request, NEXT_SCHEMA)
    agent = await livechat_agents.check_next_agent(db, token, query.get("department"))
    return json_response({"agent": agent, "success": True} if agent is not None else {"success": True})


@router.post("/livechat/custom.field")
async def custom_field(body: Body, db: Db, now: Now) -> Response:
    checked = check_body(body, FIELD_SCHEMA)
    key, value, overwrite = checked["key"], checked["value"], checked["overwrite"]
    field = {"key": key, "value": value, "overwrite": overwrite}
    await visitor_data.check_set_custom_fields(db, checked["token"], [field], now)
    return json_response({"field": {"key": key, "value": value, "overwrite": overwrite}, "success": True})


@router.post("/livechat/custom.fields")
async def custom_fields(body: Body, db: Db, now: Now) -> Response:
    checked = check_body(body, FIELDS_SCHEMA)
    fields = checked["customFields"]
    await visitor_data.check_set_custom_fields(db, checked["token"], fields, now)
    return json_response({"fields": fields, "success": True})


@router.post("/livechat/page.visited")
async def page_visited(body: Body, db: Db, now: Now) -> Response:
    checked = check_body(body, PAGE_SCHEMA)
    message = await visitor_data.check_page_visited(
        db, checked["token"], checked.get("rid"), checked["pageInfo"], now
    )
    return json_response({"page": message, "success": True} if message else {"success": True})


@router.post("/livechat/offline.message", dependencies=[Depends(rate_limit(1, 5))])
async def offline_message(body: Body, db: Db, now: Now, domains: MailDomainsDep) -> Response:
    checked = check_body(body, OFFLINE_SCHEMA)
    text = await offline_messages.check_offline_message(db, checked, now, domains)
    return json_response({"message": text, "success": True})
