"""What a GET livechat/rooms filter is (FilterDef), how its total may be counted (an allow-list), and a
listing's filter values (RoomFilter). The filters themselves are defined in store/room_filters.py."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from frontdesk.documents import RoomDoc

V = TypeVar("V")


@dataclass(frozen=True)
class DateRange:
    """`{start?, end?}` in epoch ms. Both absent matches nothing, as MongoDB's `ts: {}` does."""

    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class CounterPart:
    """The room_counts rows a filter selects: any of these states, departments or agents (None: any)."""

    states: tuple[str, ...] | None = None
    departments: tuple[str, ...] | None = None
    agents: tuple[str, ...] | None = None


# -- how a filter's total may be counted: exactly one of these, declared by each filter ------------------
@dataclass(frozen=True)
class ByCounters(Generic[V]):
    """The filter is a choice of room_counts rows: `rows(value)` says which (None: these values cannot be
    told apart by the counters, so the total is counted from the matches)."""

    rows: Callable[[V], CounterPart | None]


@dataclass(frozen=True)
class ByDays:
    """A date range: the whole days inside it are summed from the day counters (by creation day, or by
    closing day if `closed`), the part-days at its ends counted from the matches."""

    closed: bool


@dataclass(frozen=True)
class ByTag:
    """A list of tags: one tag alone has a counter of its own (room_tag_counts) and its own index walk."""


@dataclass(frozen=True)
class ValueMatch:
    """The distinct values of one kind (a room's name, one custom field) that a filter matched
    (store/room_values.py): their keys, sorted, and how many rooms hold one of them."""

    kind: str
    vkeys: tuple[str, ...]
    rooms: int


@dataclass(frozen=True)
class ByValues(Generic[V]):
    """The filter is decided over distinct values first (room_values): alone, its total is the number of
    rooms holding a matching value, from room_value_counts, and its page is read through the value
    index (store/room_value_pages.py). `match(value)` gives them once the value is resolved (None: this
    value cannot say, e.g. a dotted customFields path; the total is then counted from the matches)."""

    match: Callable[[V], ValueMatch | None]


@dataclass(frozen=True)
class ByMatches:
    """The total is always counted from the matches."""


Counting = ByCounters[Any] | ByDays | ByTag | ByValues[Any] | ByMatches


@dataclass(frozen=True, eq=False)
class FilterDef(Generic[V]):
    """One filter of GET livechat/rooms, whole: adding a filter is one of these in room_filters.FILTERS."""

    name: str  # its key in RoomFilter
    params: Mapping[str, Mapping[str, Any]]  # the query parameters it reads, with their JSON Schema
    read: Callable[[Mapping[str, Any]], V | None]  # the checked query -> its value; None: not filtering
    condition: Callable[[V, str], list[ColumnElement[bool]]]  # (value, dialect name) -> SQL conjuncts
    matches: Callable[[V, RoomDoc], bool]  # the reference predicate over a room document (tests' oracle)
    counting: Counting | None = None  # how its total may be found; a test fails while it is None
    read_after_permission: bool = False  # Rocket.Chat reads it after the permission check (its errors lose)
    # looks the value up in the database before its SQL is built, in the listing's own transaction
    # (ByValues: the distinct values that match); idempotent
    resolve: Callable[[AsyncSession, V], Awaitable[V]] | None = None


@dataclass(frozen=True, init=False)
class RoomFilter:
    """A listing's filter values by filter name; a filter that is off is absent."""

    values: tuple[tuple[str, Any], ...] = field(default=())

    def __init__(self, **values: Any) -> None:
        kept = tuple(sorted((name, value) for name, value in values.items() if value is not None))
        object.__setattr__(self, "values", kept)

    def get(self, name: str) -> Any:
        for key, value in self.values:
            if key == name:
                return value
        return None

    def names(self) -> Iterator[str]:
        return (name for name, _ in self.values)

    def replace(self, **changes: Any) -> RoomFilter:
        """The same filter with some values changed (None: that filter off)."""
        return RoomFilter(**{**dict(self.values), **changes})

    def __bool__(self) -> bool:
        return bool(self.values)


def undeclared_counting(filters: Sequence[FilterDef[Any]]) -> list[str]:
    """The filters that do not say how their total may be counted."""
    return [f.name for f in filters if f.counting is None]
