"""The widget's files: its page with SERVER_URL, build files, the notification sound, a missing build."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from frontdesk.assets import SOUNDS_DIR, WIDGET_DIR
from frontdesk.config import Settings
from frontdesk.main import create_app

BUILT = (WIDGET_DIR / "index.html").is_file()


@pytest.mark.skipif(not BUILT, reason="the widget is not built (make static)")
async def test_widget_page_names_the_server(client: httpx.AsyncClient) -> None:
    res = await client.get("/livechat", params={"mode": "popout"})
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/html")
    assert "SERVER_URL = 'http://localhost:3000'" in res.text
    script = await client.get("/livechat/rocketchat-livechat.min.js")
    assert script.status_code == 200 and b"RocketChat" in script.content
    assert (await client.get("/livechat/../pyproject.toml")).status_code == 404


async def test_config_points_the_widget_at_the_served_sound(client: httpx.AsyncClient) -> None:
    cfg = (await client.get("/api/v1/livechat/config")).json()["config"]
    assert cfg["resources"]["sound"] == "http://localhost:3000/sounds/chime.mp3"
    res = await client.get("/sounds/chime.mp3")
    assert res.status_code == 200 and res.headers["content-type"] == "audio/mpeg"
    assert res.content == (SOUNDS_DIR / "chime.mp3").read_bytes()
    assert res.content[:3] == b"ID3" or res.content[0] == 0xFF  # an MPEG audio frame or an ID3 tag
    for missing in ("nothing.mp3", ".hidden", "..%2Fassets.py"):
        assert (await client.get(f"/sounds/{missing}")).status_code == 404


async def test_a_missing_build_says_how_to_make_it(settings: Settings, tmp_path: Path) -> None:
    app = create_app(settings.model_copy(update={"LIVECHAT_WIDGET_DIR": str(tmp_path / "none")}))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            res = await client.get("/livechat")
    assert res.status_code == 404 and "make static" in res.json()["error"]
