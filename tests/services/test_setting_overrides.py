"""OVERWRITE_SETTING_<id> variables (Rocket.Chat's) set stored settings at every start."""

from __future__ import annotations

import httpx

from conftest import FixedClock
from factories import admin_headers
from frontdesk.config import Settings
from frontdesk.main import create_app


async def test_overrides_apply_at_start(settings: Settings, monkeypatch) -> None:
    monkeypatch.setenv("OVERWRITE_SETTING_SMTP_Host", "mail.example")
    monkeypatch.setenv("OVERWRITE_SETTING_SMTP_Port", "2525")
    monkeypatch.setenv("OVERWRITE_SETTING_Livechat_enable_transcript", "true")
    monkeypatch.setenv("OVERWRITE_SETTING_SMTP_IgnoreTLS", "maybe")  # not a boolean: ignored
    monkeypatch.setenv("OVERWRITE_SETTING_No_Such_Setting", "x")  # unknown: ignored
    from_env = Settings(**settings.model_dump(exclude={"OVERWRITE_SETTINGS"}))
    assert from_env.OVERWRITE_SETTINGS["SMTP_Port"] == "2525"
    app = create_app(from_env, FixedClock(0))
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t")
    async with app.router.lifespan_context(app), client as c:
        h = await admin_headers(c)
        got = {
            key: (await c.get(f"/api/v1/settings/{key}", headers=h)).json()["value"]
            for key in ("SMTP_Host", "SMTP_Port", "Livechat_enable_transcript", "SMTP_IgnoreTLS")
        }
    assert got == {
        "SMTP_Host": "mail.example",
        "SMTP_Port": 2525,
        "Livechat_enable_transcript": True,
        "SMTP_IgnoreTLS": True,
    }
