"""Rocket.Chat's per-route rate limits (off in TEST_MODE): N calls per window per client address,
counted in windows every worker shares (frontdesk/rate_windows.py)."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request

from frontdesk.rate_windows import Windows, too_many_requests


def client_address(request: Request) -> str:
    return request.client.host if request.client else "?"


def rate_windows(request: Request) -> Windows | None:
    """The app's shared windows, or None in TEST_MODE (no limits)."""
    if request.app.state.test_mode:
        return None
    windows: Windows = request.app.state.rate_windows
    return windows


def rate_limit(calls: int, seconds: float) -> Callable[[Request], Coroutine[Any, Any, None]]:
    """A route dependency: `calls` per `seconds` per client address, as Rocket.Chat's REST limiter."""

    async def dependency(request: Request) -> None:
        windows = rate_windows(request)
        if windows is None:
            return
        wait = await windows.hit(f"{request.url.path}|{client_address(request)}", calls, seconds)
        if wait > 0:
            raise too_many_requests(wait)

    return dependency
