"""The agent desk: its index.html at `/` and at its client-side routes, its build files under /_desk/."""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

from fastapi import FastAPI, Request
from starlette.responses import Response
from starlette.routing import Route

import frontdesk
from frontdesk.errors import json_response

DESK_DIR = Path(frontdesk.__file__).resolve().parent / "static" / "desk"
ASSETS = "/_desk/"
# The desk's own client-side routes besides `/` (web/src/app/router.tsx): a reload or a shared link there
# gets the desk; every other path keeps its JSON 404.
PAGES = (
    "/queue",
    "/chats/{rid}",
    "/current-chats",
    "/offline-messages",
    "/monitoring",
    "/analytics",
    "/admin/{section}",
)
_TYPES = {
    ".js": "text/javascript",
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".woff2": "font/woff2",
    ".json": "application/json",
    ".ico": "image/x-icon",
}
# The desk talks to its own origin only: REST, the websocket, avatars, inline styles set by React.
_INDEX_HEADERS = {
    "Cache-Control": "no-cache",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": (
        "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data: blob:; "
        "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self'"
    ),
}


def _not_found() -> Response:
    return json_response({"success": False, "error": "API endpoint not found"}, 404)


def is_built(root: Path = DESK_DIR) -> bool:
    return (root / "index.html").is_file()


@lru_cache(maxsize=64)
def _asset(path: Path, mtime: float, compressed: bool) -> bytes:
    data = path.read_bytes()
    return gzip.compress(data, 6, mtime=0) if compressed else data


def _asset_response(request: Request, root: Path, name: str) -> Response:
    base = (root / "assets").resolve()
    target = (base / name).resolve()
    if not target.is_relative_to(base) or not target.is_file():
        return _not_found()
    media = _TYPES.get(target.suffix, "application/octet-stream")
    # Built names carry a content hash, so a browser may keep them for good.
    headers = {"Cache-Control": "public, max-age=31536000, immutable", "X-Content-Type-Options": "nosniff"}
    compress = "gzip" in request.headers.get("accept-encoding", "") and media.startswith(
        ("text/", "image/svg")
    )
    if compress:
        headers["Content-Encoding"] = "gzip"
        headers["Vary"] = "Accept-Encoding"
    return Response(_asset(target, target.stat().st_mtime, compress), media_type=media, headers=headers)


def _index_response(root: Path) -> Response:
    path = root / "index.html"
    if not path.is_file():
        return Response(
            "<!doctype html><title>Frontdesk</title><p>The desk is not built: run <code>make static</code>.",
            media_type="text/html; charset=utf-8",
            status_code=503,
        )
    body = _asset(path, path.stat().st_mtime, False)
    return Response(body, media_type="text/html; charset=utf-8", headers=_INDEX_HEADERS)


def desk_page(request: Request) -> Response | None:
    """The desk's index.html when it is built, else None (`/` then shows the links page: api/home.py)."""
    root: Path = request.app.state.desk_dir
    return _index_response(root) if is_built(root) else None


def mount(app: FastAPI, root: Path = DESK_DIR) -> None:
    """The desk's routes (`/` itself is api/home.py's, which answers the desk when it is built)."""
    app.state.desk_dir = root

    async def asset(request: Request) -> Response:
        return _asset_response(request, request.app.state.desk_dir, request.path_params["name"])

    async def page(request: Request) -> Response:
        return _index_response(request.app.state.desk_dir)

    app.router.routes.append(Route(ASSETS + "assets/{name:path}", asset, methods=["GET", "HEAD"]))
    for path in PAGES:
        app.router.routes.append(Route(path, page, methods=["GET", "HEAD"]))
