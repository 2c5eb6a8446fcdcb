"""The outermost ASGI layer: request counts and latency by route template, open websockets, the access log."""

from __future__ import annotations

import logging
import time
from typing import Any

from fastapi.routing import iter_route_contexts
from starlette.routing import BaseRoute, Match, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from frontdesk.ops import metrics
from frontdesk.ops.logs import ACCESS

log = logging.getLogger(ACCESS)
UNMATCHED = "(unmatched)"
# Any other method a client invents is counted as "other": labels must stay a bounded set.
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


class RouteTemplates:
    """The path pattern a request was routed to (`/api/v1/livechat/visitor/{token}`), never the raw path: a
    label per token or id would grow without end. FastAPI puts the route as written in the scope; the
    prefix its router was included under comes from the app's route table, read once."""

    def __init__(self) -> None:
        self._prefixed: dict[int, str] | None = None

    def _table(self, app: Any) -> dict[int, str]:
        if self._prefixed is None:
            self._prefixed = {
                id(context.original_route): context.path_format
                for context in iter_route_contexts(app.routes)
                if context.path_format
            }
        return self._prefixed

    def of(self, scope: Scope) -> str:
        app = scope.get("app")
        route: BaseRoute | None = scope.get("route")
        if route is None:  # answered before routing (the page cache), or by no route (404)
            route = next(
                (
                    candidate
                    for candidate in getattr(app, "routes", ())
                    if isinstance(candidate, Route) and candidate.matches(scope)[0] is Match.FULL
                ),
                None,
            )
            if route is None:
                return UNMATCHED
        return self._table(app).get(id(route)) or str(getattr(route, "path", UNMATCHED))


class Instrumentation:
    def __init__(self, app: ASGIApp, access_log: bool = True) -> None:
        self.app = app
        self.access_log = access_log
        self.templates = RouteTemplates()
        # the label children, found once: this runs on every request, the cached listing pages' too
        self._counted: dict[tuple[str, str, int], tuple[Any, Any]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await self._http(scope, receive, send)
        elif scope["type"] == "websocket":
            await self._websocket(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        status = 500

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            elapsed = time.perf_counter() - started
            method = scope["method"]
            route = self.templates.of(scope)
            self._count(method if method in METHODS else "other", route, status, elapsed)
            if self.access_log and log.isEnabledFor(logging.INFO):
                self._log(scope, method, route, status, elapsed)

    def _count(self, method: str, route: str, status: int, elapsed: float) -> None:
        key = (method, route, status)
        children = self._counted.get(key)
        if children is None:
            children = self._counted[key] = (
                metrics.HTTP_REQUESTS.labels(method, route, str(status)),
                metrics.HTTP_LATENCY.labels(method, route),
            )
        children[0].inc()
        children[1].observe(elapsed)

    async def _websocket(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        accepted = False

        async def send_accept(message: Message) -> None:
            nonlocal accepted
            if message["type"] == "websocket.accept" and not accepted:
                accepted = True
                metrics.WEBSOCKETS.inc()
            await send(message)

        try:
            await self.app(scope, receive, send_accept)
        finally:
            if accepted:
                metrics.WEBSOCKETS.dec()
            if self.access_log and log.isEnabledFor(logging.INFO):
                self._log(
                    scope,
                    "WS",
                    self.templates.of(scope),
                    101 if accepted else 403,
                    time.perf_counter() - started,
                )

    @staticmethod
    def _log(scope: Scope, method: str, route: str, status: int, elapsed: float) -> None:
        client = scope.get("client")
        address = client[0] if client else "-"
        # No query string, and no visitor token from the path: the log shows what was asked, not secrets.
        path = scope.get("path", "")
        token = (scope.get("path_params") or {}).get("token")
        if isinstance(token, str) and token:
            path = path.replace(token, "***")
        fields: dict[str, Any] = {
            "method": method,
            "path": path,
            "route": route,
            "status": status,
            "duration_ms": round(elapsed * 1000, 2),
            "client": address,
        }
        # made by hand: Logger.info would also walk the stack to find its caller, for every request
        record = log.makeRecord(
            ACCESS, logging.INFO, __file__, 0, "%s %s %d %.1fms %s",
            (method, path, status, elapsed * 1000, address), None, extra={"http": fields},
        )  # fmt: skip
        log.handle(record)
