"""Sliding windows for rate limits, shared by every worker.

With REDIS_URL the windows live in Redis (one sorted set per key, updated by one atomic script), so
`--workers N` or several hosts allow what one process would; without it, in this process's memory. If
Redis cannot be reached, the process falls back to its own windows rather than refusing everyone.
"""

from __future__ import annotations

import logging
import os
import time
from collections import deque
from typing import Any, Protocol

from frontdesk.errors import MeteorError

log = logging.getLogger("frontdesk")


def too_many_requests(wait: float) -> MeteorError:
    """Rocket.Chat's REST rate-limit error (ApiClass), status 429."""
    seconds = max(1, round(wait))
    return MeteorError(
        "error-too-many-requests",
        "Error, too many requests. Please slow down. You must wait "
        f"{seconds} seconds before trying this endpoint again.",
        status=429,
    )


class RateLimiter:
    """Sliding windows in this process: the times of the calls each key made within its window."""

    def __init__(self, calls: int = 0, seconds: float = 0) -> None:
        self.calls = calls
        self.seconds = seconds
        self.hits: dict[str, deque[float]] = {}

    def check(self, key: str, now: float) -> float:
        """With this limiter's own calls/seconds: 0 if the call may go ahead (and is counted), else the
        seconds to wait."""
        return self.hit(key, now, self.calls, self.seconds, record=True)

    def hit(self, key: str, now: float, calls: int, seconds: float, record: bool) -> float:
        window = self.hits.setdefault(key, deque())
        while window and window[0] <= now - seconds:
            window.popleft()
        if len(window) >= calls:
            return window[0] + seconds - now
        if record:
            window.append(now)
        if len(self.hits) > 10_000:  # forget idle clients so memory stays bounded
            for stale in [k for k, v in self.hits.items() if not v or v[-1] <= now - 3600]:
                del self.hits[stale]
        return 0.0

    def add(self, key: str, now: float, seconds: float) -> None:
        window = self.hits.setdefault(key, deque())
        while window and window[0] <= now - seconds:
            window.popleft()
        window.append(now)


class Windows(Protocol):
    async def hit(self, key: str, calls: int, seconds: float, record: bool = True) -> float: ...

    async def add(self, key: str, seconds: float) -> None: ...

    async def close(self) -> None: ...


class LocalWindows:
    def __init__(self) -> None:
        self.limiter = RateLimiter()

    async def hit(self, key: str, calls: int, seconds: float, record: bool = True) -> float:
        return self.limiter.hit(key, time.monotonic(), calls, seconds, record)

    async def add(self, key: str, seconds: float) -> None:
        self.limiter.add(key, time.monotonic(), seconds)

    async def close(self) -> None:
        return None


# KEYS[1]: the window; ARGV: now (ms), window (ms), calls allowed, record (1/0), a unique member.
# Returns 0 (allowed, and counted if asked) or the milliseconds until the oldest call leaves the window.
_HIT = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return math.max(1, tonumber(oldest[2]) + tonumber(ARGV[2]) - tonumber(ARGV[1]))
end
if ARGV[4] == '1' then
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[5])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
"""
_PREFIX = "frontdesk:rate:"
_RETRY_S = 5  # after Redis failed, how long to count in this process before asking it again


class RedisWindows:
    def __init__(self, url: str) -> None:
        from redis import asyncio as aioredis

        self._redis: Any = aioredis.from_url(url, socket_timeout=1.0, socket_connect_timeout=1.0)
        self._script: Any = self._redis.register_script(_HIT)
        self._local = LocalWindows()
        self._down_until = 0.0

    async def _run(self, key: str, calls: int, seconds: float, record: bool) -> float:
        now_ms = int(time.time() * 1000)
        member = f"{now_ms}:{os.urandom(6).hex()}"
        args = [now_ms, int(seconds * 1000), calls, "1" if record else "0", member]
        waited = await self._script(keys=[_PREFIX + key], args=args)
        return int(waited) / 1000

    async def hit(self, key: str, calls: int, seconds: float, record: bool = True) -> float:
        if time.monotonic() < self._down_until:
            return await self._local.hit(key, calls, seconds, record)
        try:
            return await self._run(key, calls, seconds, record)
        except Exception as exc:  # Redis down: this process's own windows still limit its clients
            log.warning(
                "rate limits: Redis unavailable (%s); counting in this process for %d s", exc, _RETRY_S
            )
            self._down_until = time.monotonic() + _RETRY_S  # no request waits on a dead Redis meanwhile
            return await self._local.hit(key, calls, seconds, record)

    async def add(self, key: str, seconds: float) -> None:
        # counted whatever the window holds: a huge limit never refuses
        await self.hit(key, 2**31, seconds, record=True)

    async def close(self) -> None:
        await self._redis.aclose()


def make_windows(redis_url: str | None) -> Windows:
    return RedisWindows(redis_url) if redis_url else LocalWindows()
