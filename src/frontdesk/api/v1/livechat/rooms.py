"""GET /api/v1/livechat/rooms (the hot path, a plain Starlette route) and GET livechat/rooms/filters."""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator
from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from frontdesk.api import page_cache
from frontdesk.api.deps import CurrentUser, Db, database, query_params
from frontdesk.api.page_cache import PageCache
from frontdesk.db.engine import Database
from frontdesk.errors import JSON_HEADERS, json_response, raw_json_response
from frontdesk.services import room_listing
from frontdesk.services.auth import authenticate
from frontdesk.services.room_listing import RoomListing

router = APIRouter()


PATH = "/api/v1/livechat/rooms"
# Where CachedPages leaves a missed request's cache key for list_rooms to store the answer under.
_PAGE_KEY = "frontdesk.page_key"


def _credentials(headers: list[tuple[bytes, bytes]]) -> tuple[str | None, str | None]:
    user_id = token = None
    for name, value in headers:
        if name == b"x-user-id":
            user_id = value.decode("latin-1")
        elif name == b"x-auth-token":
            token = value.decode("latin-1")
    return user_id, token


class CachedPages:
    """ASGI middleware answering a listing asked again before any commit straight from the page cache
    (api/page_cache.py), ahead of the framework's per-request work; everything else passes through."""

    def __init__(self, app: ASGIApp, cache: PageCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == PATH and scope["method"] == "GET":
            user_id, token = _credentials(scope["headers"])
            if user_id and token:
                key = page_cache.key(user_id, token, scope["query_string"])
                body = self.cache.get(key)
                if body is not None:
                    await raw_json_response(body)(scope, receive, send)
                    return
                scope[_PAGE_KEY] = key
        await self.app(scope, receive, send)


async def list_rooms(request: Request) -> Response:
    """FastAPI's per-request machinery costs ~4× Starlette's (docs/performance-notes.md): a plain route.

    What it answers is kept in the page cache for CachedPages to answer again until the next commit;
    concurrent misses of one page are computed once.
    """
    cache: PageCache | None = request.app.state.page_cache
    cache_key: page_cache.Key | None = request.scope.get(_PAGE_KEY)
    if cache is None or cache_key is None:
        return await _answer(request, None, None, 0)
    generation = cache.generation()  # before the transaction: what it reads is at least this new
    return await cache.single_flight(
        cache_key, generation, lambda: _answer(request, cache, cache_key, generation), raw_json_response
    )


async def _answer(
    request: Request, cache: PageCache | None, cache_key: page_cache.Key | None, generation: int
) -> Response:
    db = database(request)
    async with db.session(write=False) as session:
        user = await authenticate(session, *_credentials(request.scope["headers"]))
        query = query_params(request, room_listing.query_schema())
        listing = await room_listing.check_listing(session, user, query)
        if listing.paging.count is not None:
            body = await room_listing.read_page(session, listing)
            if cache is not None and cache_key is not None:
                cache.put(cache_key, body, generation)
            return raw_json_response(body)
    return await _streamed(db, listing)


async def _streamed(db: Database, listing: RoomListing) -> Response:
    """count=0: the first chunk (the filter's lookups and the total) is read before the answer starts,
    so its errors (PostgreSQL's statement timeout) are still a 400; the rooms follow as they are read."""
    chunks = _stream(db, listing)
    first = await anext(chunks)

    async def body() -> AsyncIterator[bytes]:
        try:
            yield first
            async for chunk in chunks:
                yield chunk
        finally:
            await chunks.aclose()

    return StreamingResponse(body(), media_type="application/json", headers=JSON_HEADERS)


async def _stream(db: Database, listing: RoomListing) -> AsyncGenerator[bytes]:
    async with db.session(write=False) as session:
        async for chunk in room_listing.stream_all(session, listing):
            yield chunk


@router.get("/livechat/rooms/filters")
async def room_filters(user: CurrentUser, db: Db) -> Response:
    return json_response({"filters": await room_listing.check_source_filters(db, user), "success": True})


def rooms_openapi() -> dict[str, Any]:
    """The listing's OpenAPI path item: a plain route, so it is described by hand (from its filters)."""
    return {
        "get": {
            "summary": "List livechat rooms",
            "description": "Filters, pagination and metrics as in Rocket.Chat's GET /api/v1/livechat/rooms.",
            "parameters": [
                {"name": name, "in": "query", "required": False, "schema": schema}
                for name, schema in room_listing.query_schema()["properties"].items()
            ]
            + [
                {"name": "X-User-Id", "in": "header", "required": True, "schema": {"type": "string"}},
                {"name": "X-Auth-Token", "in": "header", "required": True, "schema": {"type": "string"}},
            ],
            "responses": {
                "200": {"description": "`{rooms, count, offset, total, success}`"},
                "400": {"description": "Invalid parameters, sort, fields, dates or customFields"},
                "401": {"description": "Not logged in"},
                "403": {"description": "`{success:false, error:'unauthorized'}`"},
            },
        }
    }
