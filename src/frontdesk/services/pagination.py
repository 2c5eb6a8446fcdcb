"""Paging and sorting of the livechat lists, with the REST API count settings applied."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk import mongo_order
from frontdesk.services import settings as settings_service
from frontdesk.services.room_params import Paging, paging, parse_sort


async def page(db: AsyncSession, query: dict[str, Any]) -> Paging:
    """getPaginationItems on a request's `offset` and `count`."""
    values = await settings_service.get_values(
        db, ["API_Default_Count", "API_Upper_Count_Limit", "API_Allow_Infinite_Count"]
    )
    return paging(
        query.get("offset"),
        query.get("count"),
        default_count=int(values["API_Default_Count"]),
        upper_limit=int(values["API_Upper_Count_Limit"]),
        allow_infinite=bool(values["API_Allow_Infinite_Count"]),
    )


def sort_keys(raw: Any, default: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The `sort` JSON (error-invalid-sort when malformed), or the list's default order."""
    if raw is None or raw == "":
        return default
    return parse_sort(str(raw))


def apply_page(items: list[Any], paging_: Paging) -> list[Any]:
    end = None if paging_.count is None else paging_.offset + paging_.count
    return items[paging_.offset : end]


def sort_docs(docs: list[dict[str, Any]], keys: list[tuple[str, int]]) -> list[dict[str, Any]]:
    """Sort documents by dotted keys in MongoDB's order (frontdesk.mongo_order), as the SQL sorts do."""
    out = list(docs)
    for key, direction in reversed(keys):
        out.sort(key=lambda doc: mongo_order.sort_key(mongo_order.value_at(doc, key)), reverse=direction < 0)
    return out
