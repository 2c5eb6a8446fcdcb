"""The server's notion of "now", replaceable in tests so that metrics can be checked exactly."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta


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


_DAY_MS = 86_400_000
_DAY_PREFIX: dict[int, str] = {}
_TWO_DIGITS = [f"{n:02d}" for n in range(60)]
_MILLIS = [f".{n:03d}Z" for n in range(1000)]
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ONE_MS = timedelta(milliseconds=1)


def iso(ms: int) -> str:
    """Milliseconds since the epoch as JavaScript's Date.toJSON writes them.

    Formatted by hand from the date part cached per day and tables of the small numbers: the server
    and the demo loader write millions of these, and strftime costs several times as much.
    """
    day, rest = divmod(ms, _DAY_MS)
    prefix = _DAY_PREFIX.get(day)
    if prefix is None:
        if len(_DAY_PREFIX) > 4096:
            _DAY_PREFIX.clear()
        prefix = _DAY_PREFIX[day] = datetime.fromtimestamp(day * 86_400, tz=UTC).strftime("%Y-%m-%dT")
    seconds, millis = divmod(rest, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    two = _TWO_DIGITS
    return f"{prefix}{two[hours]}:{two[minutes]}:{two[seconds]}{_MILLIS[millis]}"


def parse_iso(text: str) -> int | None:
    """An ISO 8601 date as Date.parse accepts the common forms; None if it is not a date."""
    if len(text) == 24 and text[23] == "Z" and text[19] == "." and text[10] == "T":
        # the form iso() writes, by far the most read: whole milliseconds, so the division is exact
        try:
            return (datetime.fromisoformat(text) - _EPOCH) // _ONE_MS
        except ValueError:
            return None
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
