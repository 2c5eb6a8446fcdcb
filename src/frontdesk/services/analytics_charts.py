"""livechat/analytics/dashboards/charts/*: the Realtime monitoring's charts in Rocket.Chat's shapes, each
count a listing total or facet for the same period and department (docs/analytics.md)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import JsonObject
from frontdesk.models.users import User
from frontdesk.services import analytics_period as periods
from frontdesk.services.analytics_overview import MANAGER, conversation_counts
from frontdesk.services.analytics_totalizers import check_period
from frontdesk.services.permissions import check_permission
from frontdesk.store import analytics_agents, analytics_counts, analytics_metrics, room_filters
from frontdesk.store.room_filter import RoomFilter
from frontdesk.store.room_filters import Status

# each chart status: the listing's status filter it counts
STATUSES = {
    "open": Status(open=True),
    "closed": Status(open=False),
    "onhold": Status(onhold=True),
}


def _with_status(f: RoomFilter, status: Status) -> RoomFilter:
    return f.replace(**{room_filters.STATUS.name: status})


async def check_chats(db: AsyncSession, user: User, query: JsonObject) -> JsonObject:
    """`{open, closed, queued, onhold}`: the listing's totals with open=true, open=false, queued=true and
    onhold=true."""
    period = await check_period(db, user, query)
    return dict((await conversation_counts(db, period))["status"])


async def _per(
    db: AsyncSession, f: RoomFilter, facet: str, statuses: tuple[str, ...]
) -> dict[str, dict[str, int]]:
    """{facet value: {status: n}} for each status (values with no room in any status left out)."""
    wanted = {s: (_with_status(f, STATUSES[s]), facet) for s in statuses}
    counts = await analytics_counts.read_counts(db, wanted)
    keys = sorted({k for s in statuses for k in counts[s]})
    return {k: {s: counts[s].get(k, 0) for s in statuses} for k in keys}


async def check_chats_per_agent(db: AsyncSession, user: User, query: JsonObject) -> JsonObject:
    """`{<agent username>: {open, closed, onhold}}`."""
    period = await check_period(db, user, query)
    per = await _per(db, period.room_filter(), "agent", ("open", "closed", "onhold"))
    names = await analytics_agents.user_names(db, per)
    return {names.get(agent, (agent, None))[0]: counts for agent, counts in per.items()}


async def check_chats_per_department(db: AsyncSession, user: User, query: JsonObject) -> JsonObject:
    """`{<department name>: {open, closed}}`."""
    period = await check_period(db, user, query)
    per = await _per(db, period.room_filter(), "department", ("open", "closed"))
    names = await analytics_agents.department_names(db, per)
    return {names.get(dept, dept): counts for dept, counts in per.items()}


async def check_timings(db: AsyncSession, user: User, query: JsonObject) -> JsonObject:
    """`{response, reaction, chatDuration}`, each `{avg, longest}` in seconds."""
    period = await check_period(db, user, query)
    t = (await analytics_metrics.read_sums(db, period.room_filter())).timings
    return {
        name: {"avg": round(t[key].avg, 2), "longest": round(t[key].longest, 2)}
        for name, key in (
            ("response", "response_avg"),
            ("reaction", "reaction_ft"),
            ("chatDuration", "chat_duration"),
        )
    }


def _presence(status: str | None, livechat: str | None) -> str:
    if status == "away" or status == "busy":
        return status
    if status == "online" and livechat == "available":
        return "available"
    return "offline" if status in (None, "offline") else "busy"


async def check_agents_status(db: AsyncSession, user: User, query: JsonObject) -> JsonObject:
    """`{offline, away, busy, available}`: livechat agents (of a department) by presence; an online agent
    not taking chats counts as busy."""
    await check_permission(db, user, MANAGER)
    department = await periods.read_department(db, query)
    out = {"offline": 0, "away": 0, "busy": 0, "available": 0}
    for status, livechat in await analytics_agents.agent_presence(db, department):
        out[_presence(status, livechat)] += 1
    return out
