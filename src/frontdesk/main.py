"""create_app(settings): the ASGI application with its database, routes and error rendering."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from frontdesk import __version__
from frontdesk.api import desk, docs, favicon, file_upload, health, home, info, livechat_widget, prometheus
from frontdesk.api.instrumentation import Instrumentation
from frontdesk.api.openapi import build_openapi
from frontdesk.api.page_cache import PageCache
from frontdesk.api.responses import add_response_schemas
from frontdesk.api.routers import V1_ROUTERS
from frontdesk.api.v1.livechat import rooms
from frontdesk.api.writes_first import WritesFirst
from frontdesk.clock import Clock
from frontdesk.config import Settings
from frontdesk.db.engine import Database
from frontdesk.db.migrate import upgrade
from frontdesk.errors import FrontdeskError, InvalidParams, json_response, render_error
from frontdesk.events.bus import EventBus
from frontdesk.file_storage import FileStorage
from frontdesk.mail_domains import MailDomains
from frontdesk.mailer.sender import MailSender
from frontdesk.ops import metrics
from frontdesk.ops.sampler import Sampler
from frontdesk.rate_windows import make_windows
from frontdesk.realtime.server import setup as setup_realtime
from frontdesk.services.bootstrap import ensure_defaults
from frontdesk.upload_sweeper import UploadSweeper

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
        metrics.watch_pool(db.engine, settings.DB_POOL_SIZE)
        try:
            async with AsyncExitStack() as running:
                await running.enter_async_context(realtime.running(events))
                await running.enter_async_context(sampler.running())
                # the outbox's mail, sent in the background; crashed and stale uploads put right
                await running.enter_async_context(MailSender(db, settings, app.state.clock).running(events))
                sweeper = UploadSweeper(db, app.state.file_storage, app.state.clock)
                await running.enter_async_context(sweeper.running())
                yield
        finally:
            metrics.unwatch_pool(settings.DB_POOL_SIZE)
            await app.state.rate_windows.close()
            await db.dispose()
            metrics.process_exited()

    # docs: api/docs.py serves Swagger UI from local files; no ReDoc
    app = FastAPI(title="Frontdesk", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.state.events = events
    app.state.db = db
    app.state.clock = clock or Clock()
    app.state.test_mode = settings.TEST_MODE
    app.state.mail_domains = MailDomains(settings.DNS_NAMESERVERS)
    app.state.file_storage = FileStorage(settings.upload_dir)
    app.state.rate_windows = make_windows(settings.REDIS_URL)  # rate limits every worker shares
    app.state.page_cache = (
        PageCache(db.changes.listings, max_bytes=settings.PAGE_CACHE_MB << 20)
        if settings.PAGE_CACHE_MB
        else None
    )
    if app.state.page_cache is not None:
        app.add_middleware(rooms.CachedPages, cache=app.state.page_cache)
    realtime = setup_realtime(app, settings, db, app.state.clock, app.state.rate_windows)
    sampler = app.state.metrics_sampler = Sampler(db, realtime.hub.listener_count, app.state.page_cache)
    # reads (the page cache's answers too) wait while a write request runs, so it is not queued behind them
    app.add_middleware(WritesFirst)
    # outermost: counts and logs every request, the page cache's answers too
    app.add_middleware(Instrumentation, access_log=settings.ACCESS_LOG)

    app.add_exception_handler(FrontdeskError, _frontdesk_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, render_error)

    # first: the router tries routes in order, and this one is asked most
    app.router.routes.insert(0, Route(rooms.PATH, rooms.list_rooms, methods=["GET"]))
    app.include_router(home.router)
    app.include_router(favicon.router)
    app.include_router(info.router)
    app.include_router(health.router)
    if settings.METRICS_PORT is None:  # else `serve` answers scrapes on that port
        app.include_router(prometheus.router)
    app.include_router(docs.router)
    app.include_router(livechat_widget.router)
    app.include_router(file_upload.router)
    for router in V1_ROUTERS:
        app.include_router(router, prefix=API)

    desk.mount(app)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build_openapi(app, {rooms.PATH: rooms.rooms_openapi()})
            add_response_schemas(schema)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
