"""Paging and sorting of the livechat lists, with the REST API count settings applied."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk import mongo_order
from frontdesk.services import settings as settings_service
from frontdesk.services.room_params import Paging, paging, parse_sort

T = TypeVar("T")
D = TypeVar("D", bound=Mapping[str, Any])  # a document, or a row built like one


@dataclass(frozen=True)
class ListQuery:
    """A list request's offset, count and sort as the client sent them. Services read them after their
    own checks, so a caller who may not list hears that, not a complaint about the sort."""

    offset: Any = None
    count: Any = None
    sort: Any = None

    @classmethod
    def of(cls, query: Mapping[str, Any]) -> ListQuery:
        return cls(query.get("offset"), query.get("count"), query.get("sort"))


@dataclass(frozen=True)
class ListPage(Generic[T]):
    """One page of a list, and where it starts in the whole."""

    items: list[T]
    offset: int
    total: int


async def read_list_query(
    db: AsyncSession, query: ListQuery, default_sort: list[tuple[str, int]]
) -> tuple[Paging, list[tuple[str, int]]]:
    """getPaginationItems and the sort (error-invalid-sort when malformed), in Rocket.Chat's order."""
    paging_ = await page(db, {"offset": query.offset, "count": query.count})
    return paging_, sort_keys(query.sort, default_sort)


def page_of(docs: list[D], paging_: Paging, sort: list[tuple[str, int]] | None = None) -> ListPage[D]:
    """Sort (when asked) and slice a whole list read into memory."""
    ordered = sort_docs(docs, sort) if sort is not None else docs
    return ListPage(apply_page(ordered, paging_), paging_.offset, len(ordered))


async def page(db: AsyncSession, query: Mapping[str, Any]) -> Paging:
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


def apply_page(items: list[T], paging_: Paging) -> list[T]:
    end = None if paging_.count is None else paging_.offset + paging_.count
    return items[paging_.offset : end]


def sort_docs(docs: Sequence[D], keys: list[tuple[str, int]]) -> list[D]:
    """Sort documents by dotted keys in MongoDB's order (frontdesk.mongo_order), as the SQL sorts do."""
    out = list(docs)
    for key, direction in reversed(keys):
        out.sort(key=lambda doc: mongo_order.sort_key(mongo_order.value_at(doc, key)), reverse=direction < 0)
    return out
