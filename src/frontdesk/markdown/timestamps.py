"""Timestamp rules `<t:...>` and the JavaScript Date arithmetic behind their values."""

from __future__ import annotations

import math
import re
import time
from datetime import UTC, datetime

from frontdesk.markdown import nodes
from frontdesk.markdown.base import ParserBase, Res

_TZ = r"[+-]\d\d:\d\d"
_DATE = re.compile(
    r"(?P<unix>\d{10})"
    rf"|(?P<iso>(?P<y>\d{{4}})-(?P<mo>\d\d)-(?P<d>\d\d)T(?P<h>\d\d):(?P<mi>\d\d):(?P<s>\d\d)"
    rf"(?:\.(?P<ms>\d{{3}}))?(?P<tz>{_TZ})?)"
    rf"|(?P<time>(?P<th>\d\d):(?P<tm>\d\d)(?::(?P<ts>\d\d))?(?P<ttz>{_TZ})?)",
    re.ASCII,
)
_TAIL = re.compile(r"(?::([DFRTdft]))?>")


def _days_from_civil(y: int, m: int, d: int) -> int:
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _local_offset(seconds: float) -> float:
    try:
        stamp = datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None)
        return time.mktime(stamp.timetuple()) - seconds
    except (OverflowError, OSError, ValueError):
        return float(time.timezone)


def js_date_seconds(y: int, mo: int, d: int, h: int, mi: int, s: int, ms: int, tz: str | None) -> str:
    """`(new Date(iso).getTime() / 1000 | 0).toString()` for V8's ISO date-time parser."""
    valid = 1 <= mo <= 12 and 1 <= d <= 31 and mi <= 59 and s <= 59
    valid = valid and (h < 24 or (h == 24 and mi == s == ms == 0))
    if tz is not None:
        valid = valid and int(tz[1:3]) <= 23 and int(tz[4:6]) <= 59
    if not valid:
        return "0"
    seconds = _days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s + ms / 1000
    if tz is None:
        seconds += _local_offset(seconds)
    else:
        sign = 1 if tz[0] == "+" else -1
        seconds -= sign * (int(tz[1:3]) * 3600 + int(tz[4:6]) * 60)
    whole = math.trunc(seconds)
    return str(((whole + 2**31) % 2**32) - 2**31)


def date_value(m: re.Match[str]) -> str:
    if m.group("unix"):
        return m.group("unix")
    if m.group("iso"):
        y, mo, d, h, mi, sec = (int(m.group(k)) for k in ("y", "mo", "d", "h", "mi", "s"))
        return js_date_seconds(y, mo, d, h, mi, sec, int(m.group("ms") or 0), m.group("tz"))
    # A bare time of day: the grammar passes a null timezone through, which JavaScript spells "null".
    tz = m.group("ttz")
    if tz is None:
        return "0"
    today = datetime.now(UTC)
    return js_date_seconds(
        today.year,
        today.month,
        today.day,
        int(m.group("th")),
        int(m.group("tm")),
        int(m.group("ts") or 0),
        0,
        tz,
    )


class TimestampRules(ParserBase):
    def _stamp(self, p: int) -> tuple[int, re.Match[str], str | None] | None:
        s = self.s
        if not s.startswith("<t:", p):
            return None
        m = _DATE.match(s, p + 3)
        if m is None:
            return None
        tail = _TAIL.match(s, m.end())
        if tail is None:
            return None
        return tail.end(), m, tail.group(1)

    def timestamp(self, p: int) -> Res:
        found = self._stamp(p)
        if found is None:
            return None
        end, m, fmt = found
        return end, nodes.timestamp(date_value(m), fmt, p, end)

    def escaped_timestamp(self, p: int) -> Res:
        if not self.s.startswith("\\", p):
            return None
        found = self._stamp(p + 1)
        if found is None:
            return None
        end, m, fmt = found
        raw = m.group(0)
        return end, nodes.plain(f"<t:{raw}:{fmt}>" if fmt else f"<t:{raw}>")
