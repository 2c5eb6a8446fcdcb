"""Settings from the environment: ROOT_URL follows PORT, empty variables count as unset."""

from __future__ import annotations

import pytest

from frontdesk.config import Settings


def test_root_url_defaults_to_localhost_on_the_port(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ROOT_URL", raising=False)
    monkeypatch.setenv("PORT", "4123")
    assert Settings().ROOT_URL == "http://localhost:4123"
    monkeypatch.setenv("ROOT_URL", "https://chat.example.com")
    assert Settings().ROOT_URL == "https://chat.example.com"


def test_empty_variables_are_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ADMIN_PASS", "ROOT_URL", "REDIS_URL"):
        monkeypatch.setenv(name, "")
    monkeypatch.delenv("PORT", raising=False)
    settings = Settings()
    assert settings.ADMIN_PASS is None and settings.REDIS_URL is None
    assert settings.ROOT_URL == "http://localhost:3000"


def test_log_settings_accept_any_case(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOG_LEVEL", "DEBUG")
    monkeypatch.setenv("LOG_FORMAT", "JSON")
    settings = Settings()
    assert (settings.LOG_LEVEL, settings.LOG_FORMAT) == ("debug", "json")
