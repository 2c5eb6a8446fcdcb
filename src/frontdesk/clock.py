"""The server's notion of "now", replaceable in tests so that metrics can be checked exactly."""

from __future__ import annotations

import time
from datetime import UTC, datetime


class Clock:
    """Wall clock in integer milliseconds since the epoch, the precision Rocket.Chat keeps."""

    def now_ms(self) -> int:
        return time.time_ns() // 1_000_000


class FixedClock(Clock):
    """A clock that only moves when told to."""

    def __init__(self, start_ms: int) -> None:
        self.current = start_ms

    def now_ms(self) -> int:
        return self.current

    def advance(self, seconds: float) -> None:
        self.current += round(seconds * 1000)


def iso(ms: int) -> str:
    """Milliseconds since the epoch as JavaScript's Date.toJSON writes them."""
    dt = datetime.fromtimestamp(ms / 1000, tz=UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"


def parse_iso(text: str) -> int | None:
    """An ISO 8601 date as Date.parse accepts the common forms; None if it is not a date."""
    raw = text.strip()
    if not raw:
        return None
    candidate = raw[:-1] + "+00:00" if raw.endswith(("Z", "z")) else raw
    try:
        dt = datetime.fromisoformat(candidate)
    except ValueError:
        return None
    if dt.tzinfo is None:
        # Date.parse treats a date-only string as UTC and a date-time without zone as local;
        # the server runs in UTC, so both are UTC here.
        dt = dt.replace(tzinfo=UTC)
    return round(dt.timestamp() * 1000)
