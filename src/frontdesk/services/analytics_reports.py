"""livechat/analytics/dashboards/conversations-by-{source,status,department,tags,agent}: Rocket.Chat
Enterprise's report breakdowns (free here), `{data: [{label, value}], total, unspecified?}`, each value
a listing total or facet for the same period and department (docs/analytics.md)."""

from __future__ import annotations

from collections.abc import Mapping

import orjson
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import JsonObject
from frontdesk.errors import PlainError
from frontdesk.models.users import User
from frontdesk.services.analytics_overview import conversation_counts
from frontdesk.services.analytics_totalizers import check_period
from frontdesk.store import analytics_agents, analytics_counts, analytics_metrics
from frontdesk.store.analytics_counts import TOTAL

STATUS_LABELS = {"open": "Open", "closed": "Closed", "queued": "Queued", "onhold": "On_Hold"}
_SORT_KEYS = {"total": "value", "value": "value", "name": "label", "label": "label"}


def _sort(raw: object, default: tuple[str, int]) -> tuple[str, int]:
    """`sort={"total": -1}` (or name, label, value): one key, 1 or -1."""
    if raw is None or raw == "":
        return default
    try:
        given = orjson.loads(str(raw))
    except orjson.JSONDecodeError:
        raise PlainError('The "sort" query parameter must be a valid JSON object.') from None
    if not isinstance(given, dict) or len(given) != 1:
        raise PlainError('The "sort" query parameter must hold one field: total or name.')
    ((key, direction),) = given.items()
    if key not in _SORT_KEYS or direction not in (1, -1):
        raise PlainError(f'Invalid sort parameter provided: "{raw}"')
    return _SORT_KEYS[key], direction


def _data(counts: Mapping[str, int], labels: Mapping[str, str], order: tuple[str, int]) -> list[JsonObject]:
    items = [{"label": labels.get(k, k), "value": n} for k, n in counts.items() if n]
    key, direction = order
    items.sort(key=lambda i: (i["label"],))
    items.sort(key=lambda i: i[key], reverse=direction == -1)  # type: ignore[arg-type, return-value]
    return items


async def check_by_status(db: AsyncSession, user: User, query: JsonObject) -> JsonObject:
    period = await check_period(db, user, query)
    counts = await conversation_counts(db, period)
    data = [{"label": STATUS_LABELS[s], "value": n} for s, n in counts["status"].items()]
    data.sort(key=lambda i: -int(i["value"]))
    return {"data": data, "total": counts["total"]}


async def check_by_source(db: AsyncSession, user: User, query: JsonObject) -> JsonObject:
    period = await check_period(db, user, query)
    f = period.room_filter()
    counts = await analytics_counts.read_counts(db, {"total": (f, TOTAL), "source": (f, "source")})
    return {"data": _data(counts["source"], {}, ("value", -1)), "total": counts["total"]}


async def _by_single(
    db: AsyncSession, user: User, query: JsonObject, facet: str
) -> tuple[dict[str, int], int, tuple[str, int]]:
    period = await check_period(db, user, query)
    order = _sort(query.get("sort"), ("value", 1) if facet == "department" else ("label", 1))
    f = period.room_filter()
    counts = await analytics_counts.read_counts(db, {"total": (f, TOTAL), facet: (f, facet)})
    per: dict[str, int] = counts[facet]
    return per, counts["total"] - sum(per.values()), order


async def check_by_department(db: AsyncSession, user: User, query: JsonObject) -> JsonObject:
    per, unspecified, order = await _by_single(db, user, query, "department")
    names = await analytics_agents.department_names(db, per)
    return {"data": _data(per, names, order), "total": sum(per.values()), "unspecified": unspecified}


async def check_by_agent(db: AsyncSession, user: User, query: JsonObject) -> JsonObject:
    per, unspecified, order = await _by_single(db, user, query, "agent")
    found = await analytics_agents.user_names(db, per)
    labels = {a: (name or username) for a, (username, name) in found.items()}
    return {"data": _data(per, labels, order), "total": sum(per.values()), "unspecified": unspecified}


async def check_by_tags(db: AsyncSession, user: User, query: JsonObject) -> JsonObject:
    period = await check_period(db, user, query)
    order = _sort(query.get("sort"), ("value", 1))
    f = period.room_filter()
    counts = await analytics_counts.read_counts(db, {"tag": (f, "tag")})
    untagged = (await analytics_metrics.read_sums(db, f)).untagged
    per: dict[str, int] = counts["tag"]
    return {"data": _data(per, {}, order), "total": sum(per.values()), "unspecified": untagged}
