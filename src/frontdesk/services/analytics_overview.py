"""livechat/analytics/overview and livechat/analytics/agent-overview: the Analytics screen's figures for
a span of days, under Rocket.Chat's names (`Conversations`, `Productivity`; `Total_conversations`, ...)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import JsonObject
from frontdesk.errors import PlainError
from frontdesk.models.rooms import DAY_MS
from frontdesk.models.users import User
from frontdesk.services import analytics_period as periods
from frontdesk.services.analytics_period import Period, hh_mm_ss
from frontdesk.services.permissions import check_permission
from frontdesk.store import analytics_agents, analytics_counts, analytics_metrics
from frontdesk.store.analytics_counts import TOTAL
from frontdesk.store.analytics_metrics import HOUR_MS, RoomSums

MANAGER = "view-livechat-manager"


async def conversation_counts(db: AsyncSession, period: Period) -> JsonObject:
    """`total` and `status` ({open, closed, queued, onhold}) of the period's rooms, as the listing counts."""
    f = period.room_filter()
    return await analytics_counts.read_counts(db, {"total": (f, TOTAL), "status": (f, "status")})


def _hour_label(hour: int) -> str:
    return f"{hour % 12 or 12}{'AM' if hour < 12 else 'PM'}"


def _busiest(by_hour: Mapping[int, int]) -> tuple[int | None, int | None]:
    """The day (epoch days) with the most messages, and its busiest hour of the day (0-23; None when no
    hour had a message), as Rocket.Chat picks them (the first one wins a tie)."""
    days: dict[int, dict[int, int]] = {}
    for hour in sorted(by_hour):
        days.setdefault(hour * HOUR_MS // DAY_MS, {})[hour % 24] = by_hour[hour]
    best_day, most = None, -1
    for day, hours in days.items():
        if sum(hours.values()) > most:
            best_day, most = day, sum(hours.values())
    best_hour, top = None, 0
    for hour, n in (days.get(best_day, {}) if best_day is not None else {}).items():
        if n > top:
            best_hour, top = hour, n
    return best_day, best_hour


def busiest_time(by_hour: Mapping[int, int]) -> str:
    """`1PM - 2PM`: the busiest hour of the busiest day (UTC), or `-`."""
    _, hour = _busiest(by_hour)
    return "-" if hour is None else f"{_hour_label(hour)} - {_hour_label((hour + 1) % 24)}"


def _busiest_day(by_hour: Mapping[int, int]) -> str:
    day, _ = _busiest(by_hour)
    return "-" if day is None else datetime.fromtimestamp(day * DAY_MS / 1000, UTC).strftime("%A")


async def _conversations(db: AsyncSession, period: Period) -> list[JsonObject]:
    counts = await conversation_counts(db, period)
    f = period.room_filter()
    sums = await analytics_metrics.read_sums(db, f)
    by_hour = await analytics_metrics.read_messages_by_hour(db, f)
    return [
        {"title": "Total_conversations", "value": counts["total"]},
        {"title": "Open_conversations", "value": counts["status"]["open"]},
        {"title": "On_Hold_conversations", "value": counts["status"]["onhold"]},
        {"title": "Total_messages", "value": sums.messages},
        {"title": "Busiest_day", "value": _busiest_day(by_hour)},
        {"title": "Conversations_per_day", "value": f"{counts['total'] / period.days:.2f}"},
        {"title": "Busiest_time", "value": busiest_time(by_hour)},
    ]


async def _productivity(db: AsyncSession, period: Period) -> list[JsonObject]:
    t = (await analytics_metrics.read_sums(db, period.room_filter())).timings
    return [
        {"title": "Avg_response_time", "value": hh_mm_ss(t["response_avg"].avg)},
        {"title": "Avg_first_response_time", "value": hh_mm_ss(t["response_ft"].avg)},
        {"title": "Avg_reaction_time", "value": hh_mm_ss(t["reaction_ft"].avg)},
    ]


OVERVIEWS = {"Conversations": _conversations, "Productivity": _productivity}


async def check_overview(db: AsyncSession, user: User, query: JsonObject) -> list[JsonObject] | None:
    """The named overview's `[{title, value}]`; None for a name Rocket.Chat does not know."""
    await check_permission(db, user, MANAGER)
    name = query.get("name")
    if not name:
        raise PlainError("invalid-chart-name")
    period = await periods.read_days(db, query)
    found = OVERVIEWS.get(str(name))
    return None if found is None else await found(db, period)


# agent-overview: name -> (the value of one agent's rooms, or None to leave the agent out; descending?)
_Value = Callable[[RoomSums], float | None]


def _timing(name: str, best: bool = False) -> _Value:
    def value(s: RoomSums) -> float | None:
        t = s.timings[name]
        return None if not t.rooms else (t.best if best else t.avg)

    return value


AGENT_VALUES: dict[str, tuple[_Value, bool]] = {
    "Avg_chat_duration": (_timing("chat_duration"), True),
    "Total_messages": (lambda s: float(s.messages), True),
    "Avg_first_response_time": (_timing("response_ft"), False),
    "Best_first_response_time": (_timing("response_ft", best=True), False),
    "Avg_response_time": (_timing("response_avg"), False),
    "Avg_reaction_time": (_timing("reaction_ft"), False),
}
AGENT_OVERVIEWS = ("Total_conversations", *AGENT_VALUES)


async def _agent_rows(db: AsyncSession, period: Period, name: str) -> list[tuple[str, float, object]]:
    """(agent id, sort value, shown value) per agent."""
    f = period.room_filter()
    if name == "Total_conversations":
        per_agent = (await analytics_counts.read_counts(db, {"agent": (f, "agent")}))["agent"]
        total = sum(per_agent.values())
        return [(a, n, f"{n * 100 / total:.2f}%") for a, n in per_agent.items()]
    value, _ = AGENT_VALUES[name]
    rows: list[tuple[str, float, object]] = []
    for agent, sums in (await analytics_metrics.read_sums_by_agent(db, f)).items():
        found = value(sums)
        if found is not None:
            rows.append((agent, found, int(found) if name == "Total_messages" else hh_mm_ss(found)))
    return rows


async def check_agent_overview(db: AsyncSession, user: User, query: JsonObject) -> JsonObject:
    """`{head: [{name: 'Agent'}, {name}], data: [{name: <username>, value}]}`; `{}` for an unknown name."""
    await check_permission(db, user, MANAGER)
    name = query.get("name")
    if not name:
        raise PlainError("invalid-chart-name")
    period = await periods.read_days(db, query)
    if name not in AGENT_OVERVIEWS:
        return {}
    rows = await _agent_rows(db, period, str(name))
    descending = name == "Total_conversations" or AGENT_VALUES[str(name)][1]
    rows.sort(key=lambda r: (-r[1] if descending else r[1], r[0]))
    names = await analytics_agents.user_names(db, [r[0] for r in rows])
    return {
        "head": [{"name": "Agent"}, {"name": name}],
        "data": [{"name": names.get(r[0], (r[0], None))[0], "value": r[2]} for r in rows],
    }
