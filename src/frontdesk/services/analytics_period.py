"""The period and department every livechat/analytics route reads (`start`, `end`, `departmentId`; or
`from`, `to` as days), checked as Rocket.Chat checks them, and the listing filter it stands for."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.clock import parse_iso
from frontdesk.documents import JsonObject
from frontdesk.errors import PlainError
from frontdesk.models.rooms import DAY_MS
from frontdesk.store import departments as department_store
from frontdesk.store import room_filters
from frontdesk.store.room_filter import DateRange, RoomFilter

_STR = {"type": "string"}
# rest-typings' GETDashboardTotalizerParams / isGETDashboardConversationsByType
PERIOD_SCHEMA: JsonObject = {
    "type": "object",
    "properties": {"start": _STR, "end": _STR, "departmentId": _STR, "sort": _STR},
    "required": ["start", "end"],
    "additionalProperties": False,
}
DEPARTMENT_SCHEMA: JsonObject = {  # charts/agents-status
    "type": "object",
    "properties": {"departmentId": _STR},
    "additionalProperties": False,
}
# rest-typings' LivechatAnalyticsOverviewProps / LivechatAnalyticsAgentOverviewProps
DAYS_SCHEMA: JsonObject = {
    "type": "object",
    "properties": {"name": _STR, "from": _STR, "to": _STR, "departmentId": _STR},
    "required": ["name", "from", "to"],
    "additionalProperties": False,
}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Period:
    """Rooms created from `start` to `end` (epoch ms, both included, as the listing's createdAt), in one
    department or in any."""

    start: int
    end: int
    department_id: str | None = None

    def room_filter(self) -> RoomFilter:
        """The GET livechat/rooms filter that lists exactly the period's rooms."""
        departments = [self.department_id] if self.department_id else None
        return RoomFilter(
            **{
                room_filters.CREATED_AT.name: DateRange(self.start, self.end),
                room_filters.DEPARTMENTS.name: departments,
            }
        )

    @property
    def days(self) -> int:
        """Calendar days (UTC) the period touches."""
        return self.end // DAY_MS - self.start // DAY_MS + 1


def _date(name: str, raw: str) -> int:
    parsed = parse_iso(raw) if raw else None
    if parsed is None:
        raise PlainError(f'The "{name}" query parameter must be a valid date.')
    return parsed


async def _department(db: AsyncSession, raw: str | None) -> str | None:
    if raw is None or raw in ("", "undefined"):
        return None
    if await department_store.get_department(db, raw) is None:
        raise PlainError(f'The "departmentId" query parameter must be an existing department: "{raw}".')
    return raw


async def read_period(db: AsyncSession, query: JsonObject) -> Period:
    """`start`/`end` (any date Date.parse accepts) and an optional `departmentId`."""
    start = _date("start", str(query["start"]))
    end = _date("end", str(query["end"]))
    if start > end:
        raise PlainError('The "start" query parameter must be before the "end" query parameter.')
    return Period(start, end, await _department(db, query.get("departmentId")))


async def read_days(db: AsyncSession, query: JsonObject) -> Period:
    """`from`/`to` as `YYYY-MM-DD` (UTC days, both whole) and an optional `departmentId`."""
    bounds = []
    for name in ("from", "to"):
        raw = str(query[name])
        if not _DAY.match(raw):
            raise PlainError(f'The "{name}" query parameter must be a date as YYYY-MM-DD.')
        bounds.append(_date(name, raw + "T00:00:00.000Z"))
    start, end = bounds[0], bounds[1] + DAY_MS - 1
    if start > end:
        raise PlainError('The "from" query parameter must be before the "to" query parameter.')
    return Period(start, end, await _department(db, query.get("departmentId")))


async def read_department(db: AsyncSession, query: JsonObject) -> str | None:
    return await _department(db, query.get("departmentId"))


def hh_mm_ss(seconds: float) -> str:
    """Rocket.Chat's secondsToHHMMSS: hours, minutes and rounded seconds, each at least two digits."""
    hours = int(seconds // 3600)
    minutes = int((seconds - hours * 3600) // 60)
    rest = round(seconds - hours * 3600 - minutes * 60)
    return f"{hours:02d}:{minutes:02d}:{rest:02d}"
