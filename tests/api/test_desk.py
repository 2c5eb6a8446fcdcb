"""The desk's files: index.html at `/` and at its client-side routes, hashed assets under /_desk/; every
other path keeps its JSON 404."""

from __future__ import annotations

import gzip
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

INDEX = '<!doctype html><title>Frontdesk desk</title><script src="/_desk/assets/app-1a2b.js"></script>'
SCRIPT = "console.log('the desk');" * 50


@pytest.fixture
def built(app: FastAPI, tmp_path: Path) -> Path:
    """A desk build of our own (the real one may not be built where the API tests run)."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text(INDEX)
    (tmp_path / "assets" / "app-1a2b.js").write_text(SCRIPT)
    app.state.desk_dir = tmp_path
    return tmp_path


@pytest.mark.parametrize(
    "path",
    ["/", "/queue", "/chats/abc123", "/current-chats", "/offline-messages", "/monitoring", "/analytics"],
)
async def test_index_at_root_and_client_routes(client: httpx.AsyncClient, built: Path, path: str) -> None:
    res = await client.get(path)
    assert res.status_code == 200 and res.text == INDEX
    assert res.headers["content-type"].startswith("text/html")
    assert res.headers["cache-control"] == "no-cache"
    csp = res.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp


async def test_assets_are_immutable_and_gzipped(client: httpx.AsyncClient, built: Path) -> None:
    res = await client.get("/_desk/assets/app-1a2b.js", headers={"Accept-Encoding": "gzip"})
    assert res.status_code == 200 and res.text == SCRIPT  # httpx undoes the gzip
    assert res.headers["content-encoding"] == "gzip" and res.headers["content-type"].startswith(
        "text/javascript"
    )
    assert "immutable" in res.headers["cache-control"]
    plain = await client.get("/_desk/assets/app-1a2b.js", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.content == SCRIPT.encode()
    assert len(gzip.compress(SCRIPT.encode())) < len(SCRIPT)


@pytest.mark.parametrize(
    "path", ["/_desk/assets/nope.js", "/_desk/assets/../index.html", "/_desk/assets/%2e%2e/x"]
)
async def test_missing_or_escaping_assets_are_404(client: httpx.AsyncClient, built: Path, path: str) -> None:
    res = await client.get(path)
    assert res.status_code == 404 and res.json() == {"success": False, "error": "API endpoint not found"}


@pytest.mark.parametrize(
    "path", ["/api/v1/nothing", "/api/nothing", "/redoc", "/chats/a/b", "/queues", "/logo.png"]
)
async def test_other_paths_keep_their_json_404(client: httpx.AsyncClient, built: Path, path: str) -> None:
    res = await client.get(path)
    assert res.status_code == 404 and res.json() == {"success": False, "error": "API endpoint not found"}


async def test_an_unknown_api_post_stays_a_404(client: httpx.AsyncClient, built: Path) -> None:
    res = await client.post("/api/v1/no.such.method", json={})
    assert res.status_code == 404 and res.json() == {"success": False, "error": "API endpoint not found"}


async def test_not_built_root_is_the_links_page_and_routes_say_so(
    app: FastAPI, client: httpx.AsyncClient, tmp_path: Path
) -> None:
    app.state.desk_dir = tmp_path / "missing"
    home = await client.get("/")
    assert home.status_code == 200 and 'href="/api/docs"' in home.text
    route = await client.get("/queue")
    assert route.status_code == 503 and "make static" in route.text
