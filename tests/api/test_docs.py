"""GET /api/docs: Swagger UI from files served here, loading nothing from another host."""

from __future__ import annotations

import re

import httpx
import pytest

from frontdesk.assets import SWAGGER_UI_DIR

BUILT = (SWAGGER_UI_DIR / "swagger-ui-bundle.js").is_file()


@pytest.mark.skipif(not BUILT, reason="Swagger UI is not built (make static)")
async def test_docs_page_loads_only_local_files(client: httpx.AsyncClient) -> None:
    res = await client.get("/api/docs")
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/html")
    urls = re.findall(r'(?:src|href)="([^"]+)"', res.text)
    assert len(urls) >= 3 and all(u.startswith("/") and not u.startswith("//") for u in urls), urls
    assert "http://" not in res.text and "https://" not in res.text
    assert '"validatorUrl": null' in res.text and '"persistAuthorization": true' in res.text
    assert "url: '/openapi.json'" in res.text
    for url in urls:
        asset = await client.get(url)
        assert asset.status_code == 200 and asset.content, url


async def test_docs_assets_stay_in_their_folder(client: httpx.AsyncClient) -> None:
    for name in ("..%2F..%2Fassets.py", ".npm-package", "nothing.js"):
        assert (await client.get(f"/api/docs/assets/{name}")).status_code == 404


async def test_redoc_is_not_offered(client: httpx.AsyncClient) -> None:
    assert (await client.get("/redoc")).status_code == 404
