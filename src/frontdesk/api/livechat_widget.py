"""The official visitor widget: GET /livechat (index.html with SERVER_URL), its build files, its notification
sound (/sounds/chime.mp3, where Rocket.Chat serves it) and avatars."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from html import escape
from pathlib import Path

from fastapi import APIRouter, Request
from starlette.responses import FileResponse, RedirectResponse, Response

from frontdesk.assets import SOUNDS_DIR, WIDGET_DIR
from frontdesk.errors import json_response

router = APIRouter(include_in_schema=False)
_COLORS = ("#1d74f5", "#2de0a5", "#f5455c", "#ffd21f", "#9ea2a8", "#0a9b6b", "#b7367d", "#d1650f")


def widget_dir(request: Request) -> Path:
    configured = request.app.state.settings.LIVECHAT_WIDGET_DIR
    return Path(configured) if configured else WIDGET_DIR


def _missing() -> Response:
    return json_response(
        {"success": False, "error": "The livechat widget is not built: run `make static`"}, 404
    )


@lru_cache(maxsize=8)
def _index(path: Path, mtime: float, server_url: str) -> bytes:
    html = path.read_text(encoding="utf-8")
    # upstream addServerUrlToIndex: the app reads window.SERVER_URL to find the API and the websocket
    script = f"<body><script> SERVER_URL = '{escape(server_url, quote=True)}'; </script>"
    return html.replace("<body>", script, 1).encode()


@router.get("/livechat")
async def index(request: Request) -> Response:
    path = widget_dir(request) / "index.html"
    if not path.is_file():
        return _missing()
    server_url = str(request.app.state.settings.ROOT_URL).rstrip("/")
    body = _index(path, path.stat().st_mtime, server_url)
    return Response(body, media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-cache"})


@router.get("/livechat/")
async def index_slash(request: Request) -> Response:
    # The build's script paths are relative (`livechat/...`): the page only works without the slash.
    query = f"?{request.url.query}" if request.url.query else ""
    return RedirectResponse(f"/livechat{query}", status_code=301)


@router.get("/livechat/{file_path:path}")
async def build_file(file_path: str, request: Request) -> Response:
    root = widget_dir(request).resolve()
    target = (root / file_path).resolve()
    if not target.is_relative_to(root) or not target.is_file():
        return (
            _missing() if not root.is_dir() else json_response({"success": False, "error": "Not found"}, 404)
        )
    return FileResponse(target)


@router.get("/sounds/{name}")
async def sound(name: str) -> Response:
    """The widget plays `config.resources.sound` when a message arrives (Rocket.Chat: /sounds/chime.mp3)."""
    target = SOUNDS_DIR / name
    if "/" in name or name.startswith(".") or not target.is_file():
        return json_response({"success": False, "error": "Not found"}, 404)
    return FileResponse(target, media_type="audio/mpeg", headers={"Cache-Control": "public, max-age=86400"})


@router.get("/avatar/{username}")
async def avatar(username: str) -> Response:
    """A generated avatar: the initial on a colour derived from the name (Rocket.Chat draws the same kind)."""
    name = username.removeprefix("@")
    color = _COLORS[int(hashlib.sha1(name.encode()).hexdigest(), 16) % len(_COLORS)]
    initial = escape((name[:1] or "?").upper())
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" viewBox="0 0 200 200">'
        f'<rect width="200" height="200" fill="{color}"/>'
        '<text x="50%" y="50%" dy="0.35em" text-anchor="middle" fill="#ffffff" '
        f'font-family="Helvetica, Arial, sans-serif" font-size="110">{initial}</text></svg>'
    )
    return Response(svg, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=3600"})
