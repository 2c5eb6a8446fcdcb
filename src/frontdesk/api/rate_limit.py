"""Rocket.Chat's per-route rate limits (off in TEST_MODE): N calls per window per client address."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request

from frontdesk.errors import MeteorError


class RateLimiter:
    """A sliding window per (route, client); in-process, as each Frontdesk process limits its own clients."""

    def __init__(self, calls: int, seconds: float) -> None:
        self.calls = calls
        self.seconds = seconds
        self.hits: dict[str, deque[float]] = {}

    def check(self, key: str, now: float) -> float:
        """0 if the call may go ahead (and is counted), else the seconds to wait."""
        window = self.hits.setdefault(key, deque())
        while window and window[0] <= now - self.seconds:
            window.popleft()
        if len(window) >= self.calls:
            return window[0] + self.seconds - now
        window.append(now)
        if len(self.hits) > 10_000:  # forget idle clients so memory stays bounded
            for stale in [k for k, v in self.hits.items() if not v or v[-1] <= now - self.seconds]:
                del self.hits[stale]
        return 0.0


def rate_limit(calls: int, seconds: float) -> Callable[[Request], Coroutine[Any, Any, None]]:
    limiter = RateLimiter(calls, seconds)

    async def dependency(request: Request) -> None:
        if request.app.state.test_mode:
            return
        client = request.client.host if request.client else "?"
        wait = limiter.check(f"{request.url.path}|{client}", time.monotonic())
        if wait > 0:
            raise MeteorError(
                "error-too-many-requests",
                "Error, too many requests. Please slow down. You must wait "
                f"{max(1, round(wait))} seconds before trying this endpoint again.",
                status=429,
            )

    return dependency
