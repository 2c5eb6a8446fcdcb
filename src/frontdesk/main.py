"""create_app(settings): the ASGI application with its database, routes and error rendering."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from frontdesk import __version__
from frontdesk.api import info, livechat_widget
from frontdesk.api.page_cache import PageCache
from frontdesk.api.responses import add_response_schemas
from frontdesk.api.routers import V1_ROUTERS
from frontdesk.api.v1.livechat import rooms
from frontdesk.clock import Clock
from frontdesk.config import Settings
from frontdesk.db.engine import Database
from frontdesk.db.migrate import upgrade
from frontdesk.errors import FrontdeskError, InvalidParams, json_response, render_error
from frontdesk.events.bus import EventBus
from frontdesk.realtime.server import setup as setup_realtime
from frontdesk.services.bootstrap import ensure_defaults

API = "/api/v1"


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        return json_response({"success": False, "error": "API endpoint not found"}, 404)
    if exc.status_code == 405:
        return json_response({"success": False, "error": "Method not allowed"}, 405)
    return json_response({"success": False, "error": str(exc.detail)}, exc.status_code)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    messages = [str(e.get("msg", "invalid")) for e in exc.errors()]
    return render_error(request, InvalidParams("\n ".join(messages)))


async def _frontdesk_error(request: Request, exc: Exception) -> Response:
    return render_error(request, exc)


def create_app(settings: Settings | None = None, clock: Clock | None = None) -> FastAPI:
    settings = settings or Settings()
    db = Database(settings)
    events = EventBus()  # committed transactions' events, for the DDP streams and any other subscriber
    db.publisher = events.deliver

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await upgrade(db.engine)
        await db.changes.start()
        async with db.session() as session:
            await ensure_defaults(session, settings, app.state.clock.now_ms())
        async with realtime.running(events):
            yield
        await db.dispose()

    app = FastAPI(title="Frontdesk", version=__version__, lifespan=lifespan, docs_url="/api/docs")
    app.state.settings = settings
    app.state.events = events
    app.state.db = db
    app.state.clock = clock or Clock()
    app.state.test_mode = settings.TEST_MODE
    app.state.page_cache = (
        PageCache(db.changes.current, max_bytes=settings.PAGE_CACHE_MB << 20)
        if settings.PAGE_CACHE_MB
        else None
    )
    if app.state.page_cache is not None:
        app.add_middleware(rooms.CachedPages, cache=app.state.page_cache)
    realtime = setup_realtime(app, settings, db, app.state.clock)

    app.add_exception_handler(FrontdeskError, _frontdesk_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, render_error)

    # first: the router tries routes in order, and this one is asked most
    app.router.routes.insert(0, Route(rooms.PATH, rooms.list_rooms, methods=["GET"]))
    app.include_router(info.router)
    app.include_router(livechat_widget.router)
    for router in V1_ROUTERS:
        app.include_router(router, prefix=API)

    base_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        schema = base_openapi()
        schema.setdefault("paths", {})[f"{API}/livechat/rooms"] = rooms.rooms_openapi()
        add_response_schemas(schema)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
