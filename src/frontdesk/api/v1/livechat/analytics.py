"""GET livechat/analytics/dashboards/* and livechat/analytics/{overview,agent-overview}: the Realtime
monitoring and Analytics screens' figures, in Rocket.Chat's shapes (docs/analytics.md)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import Response

from frontdesk.api.deps import CurrentUser, Db, query_params
from frontdesk.documents import JsonObject
from frontdesk.errors import json_response
from frontdesk.models.users import User
from frontdesk.services import analytics_charts as charts
from frontdesk.services import analytics_overview as overview
from frontdesk.services import analytics_reports as reports
from frontdesk.services import analytics_totalizers as totalizers
from frontdesk.services.analytics_period import DAYS_SCHEMA, DEPARTMENT_SCHEMA, PERIOD_SCHEMA

router = APIRouter()
Check = Callable[[AsyncSession, User, JsonObject], Awaitable[JsonObject]]
PREFIX = "/livechat/analytics/dashboards/"
# path under PREFIX -> (query schema, service)
DASHBOARDS: dict[str, tuple[JsonObject, Check]] = {
    "conversation-totalizers": (PERIOD_SCHEMA, totalizers.check_conversation_totalizers),
    "agents-productivity-totalizers": (PERIOD_SCHEMA, totalizers.check_agents_productivity_totalizers),
    "chats-totalizers": (PERIOD_SCHEMA, totalizers.check_chats_totalizers),
    "productivity-totalizers": (PERIOD_SCHEMA, totalizers.check_productivity_totalizers),
    "charts/chats": (PERIOD_SCHEMA, charts.check_chats),
    "charts/chats-per-agent": (PERIOD_SCHEMA, charts.check_chats_per_agent),
    "charts/chats-per-department": (PERIOD_SCHEMA, charts.check_chats_per_department),
    "charts/timings": (PERIOD_SCHEMA, charts.check_timings),
    "charts/agents-status": (DEPARTMENT_SCHEMA, charts.check_agents_status),
    "conversations-by-source": (PERIOD_SCHEMA, reports.check_by_source),
    "conversations-by-status": (PERIOD_SCHEMA, reports.check_by_status),
    "conversations-by-department": (PERIOD_SCHEMA, reports.check_by_department),
    "conversations-by-tags": (PERIOD_SCHEMA, reports.check_by_tags),
    "conversations-by-agent": (PERIOD_SCHEMA, reports.check_by_agent),
}


def _dashboard(schema: JsonObject, check: Check) -> Callable[..., Awaitable[Response]]:
    async def route(request: Request, user: CurrentUser, db: Db) -> Response:
        body = await check(db, user, query_params(request, schema))
        return json_response({**body, "success": True})

    return route


for _path, (_schema, _check) in DASHBOARDS.items():
    router.add_api_route(PREFIX + _path, _dashboard(_schema, _check), methods=["GET"], name=_path)


@router.get("/livechat/analytics/overview")
async def analytics_overview(request: Request, user: CurrentUser, db: Db) -> Response:
    found = await overview.check_overview(db, user, query_params(request, DAYS_SCHEMA))
    # Rocket.Chat answers the array itself, and `{success: true}` for a name it does not know
    body: Any = {"success": True} if found is None else found
    return json_response(body)


@router.get("/livechat/analytics/agent-overview")
async def analytics_agent_overview(request: Request, user: CurrentUser, db: Db) -> Response:
    found = await overview.check_agent_overview(db, user, query_params(request, DAYS_SCHEMA))
    return json_response({**found, "success": True})
