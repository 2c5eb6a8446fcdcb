"""livechat/analytics/dashboards/*-totalizers: the Realtime monitoring's totals, as Rocket.Chat's
`{totalizers: [{title, value}]}` (docs/analytics.md says what each counts, and which listing it equals)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import JsonObject
from frontdesk.models.users import User
from frontdesk.services import analytics_period as periods
from frontdesk.services.analytics_overview import busiest_time, conversation_counts
from frontdesk.services.analytics_period import Period, hh_mm_ss
from frontdesk.services.permissions import check_permission
from frontdesk.store import analytics_metrics

MANAGER = "view-livechat-manager"


def _entry(title: str, value: object) -> JsonObject:
    return {"title": title, "value": value}


async def check_period(db: AsyncSession, user: User, query: JsonObject) -> Period:
    """The permission first (Rocket.Chat's permissionsRequired), then the period."""
    await check_permission(db, user, MANAGER)
    return await periods.read_period(db, query)


async def check_conversation_totalizers(db: AsyncSession, user: User, query: JsonObject) -> JsonObject:
    period = await check_period(db, user, query)
    counts = await conversation_counts(db, period)
    sums = await analytics_metrics.read_sums(db, period.room_filter())
    visitors = await analytics_metrics.count_visitors(db, period.room_filter())
    return {
        "totalizers": [
            _entry("Total_conversations", counts["total"]),
            _entry("Open_conversations", counts["status"]["open"]),
            _entry("On_Hold_conversations", counts["status"]["onhold"]),
            _entry("Total_messages", sums.messages),
            _entry("Total_visitors", visitors),
        ]
    }


async def check_agents_productivity_totalizers(db: AsyncSession, user: User, query: JsonObject) -> JsonObject:
    period = await check_period(db, user, query)
    f = period.room_filter()
    sums = await analytics_metrics.read_sums(db, f)
    service = sums.timings["service_time"]
    return {
        "totalizers": [
            _entry("Busiest_time", busiest_time(await analytics_metrics.read_messages_by_hour(db, f))),
            # time agents were available is not tracked here: the time they served chats stands for it
            _entry("Avg_of_available_service_time", hh_mm_ss(service.avg)),
            _entry("Avg_of_service_time", hh_mm_ss(service.avg)),
        ]
    }


async def check_chats_totalizers(db: AsyncSession, user: User, query: JsonObject) -> JsonObject:
    period = await check_period(db, user, query)
    sums = await analytics_metrics.read_sums(db, period.room_filter())
    share = sums.abandoned * 100 // sums.rooms if sums.rooms else 0
    return {
        "totalizers": [
            _entry("Total_abandoned_chats", sums.abandoned),
            _entry("Avg_of_abandoned_chats", f"{share}%"),
            _entry("Avg_of_chat_duration_time", hh_mm_ss(sums.timings["chat_duration"].avg)),
        ]
    }


async def check_productivity_totalizers(db: AsyncSession, user: User, query: JsonObject) -> JsonObject:
    period = await check_period(db, user, query)
    t = (await analytics_metrics.read_sums(db, period.room_filter())).timings
    return {
        "totalizers": [
            _entry("Avg_response_time", hh_mm_ss(t["response_avg"].avg)),
            _entry("Avg_first_response_time", hh_mm_ss(t["response_ft"].avg)),
            _entry("Avg_reaction_time", hh_mm_ss(t["reaction_ft"].avg)),
            _entry("Avg_of_waiting_time", hh_mm_ss(t["waiting"].avg)),
        ]
    }
