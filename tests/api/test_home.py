"""GET /: HTML for people, linking the widget, the API docs and health; /api/... still answers JSON 404s."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
from fastapi import FastAPI


async def test_root_is_a_page_with_links(app: FastAPI, client: httpx.AsyncClient, tmp_path: Path) -> None:
    app.state.desk_dir = (
        tmp_path  # the desk is not built (when it is, `/` is the desk: tests/api/test_desk.py)
    )
    res = await client.get("/", headers={"Accept": "text/html"})
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/html")
    links = set(re.findall(r'href="([^"]+)"', res.text))
    assert {"/livechat?mode=popout", "/api/docs", "/readyz", "/livez", "/metrics"} <= links
    for link in links:  # every link on the page answers
        assert (await client.get(link)).status_code == 200, link
    assert "RocketChat.url = 'http://localhost:3000/livechat'" in res.text


async def test_unknown_api_paths_keep_rocket_chat_json_404(client: httpx.AsyncClient) -> None:
    for path in ("/api/v1/no.such.method", "/api/nothing", "/api/v1/livechat/nothing/here"):
        res = await client.get(path, headers={"Accept": "text/html"})
        assert res.status_code == 404, path
        assert res.json() == {"success": False, "error": "API endpoint not found"}


async def test_favicon_is_an_icon(client: httpx.AsyncClient) -> None:
    res = await client.get("/favicon.ico")
    assert res.status_code == 200 and res.headers["content-type"] == "image/x-icon"
    assert res.content[:4] == b"\x00\x00\x01\x00" and b"\x89PNG" in res.content  # ICO holding a PNG
