"""Log lines: compact text or JSON, the access line of every request, and the settings that shape them."""

from __future__ import annotations

import json
import logging
import logging.config

import httpx
import pytest

from frontdesk.config import Settings
from frontdesk.ops.logs import ACCESS, JsonFormatter, TextFormatter, log_config


def record(name: str = "frontdesk", message: str = "hello %s", **extra: object) -> logging.LogRecord:
    made = logging.LogRecord(name, logging.INFO, __file__, 1, message, ("world",), None)
    made.created = 1_700_000_000.123
    made.msecs = 123.0
    for key, value in extra.items():
        setattr(made, key, value)
    return made


def test_text_lines_are_compact() -> None:
    assert TextFormatter().format(record()) == "2023-11-14T22:13:20.123Z INFO frontdesk: hello world"
    assert "INFO uvicorn: hello" in TextFormatter().format(record("uvicorn.error"))


def test_json_lines_carry_the_request() -> None:
    line = JsonFormatter().format(record(ACCESS, http={"method": "GET", "status": 200}))
    assert json.loads(line) == {
        "time": "2023-11-14T22:13:20.123Z",
        "level": "info",
        "logger": ACCESS,
        "message": "hello world",
        "http": {"method": "GET", "status": 200},
    }


def test_config_follows_the_settings() -> None:
    text = log_config(Settings(LOG_LEVEL="WARNING"))
    assert text["root"]["level"] == "WARNING" and text["formatters"]["default"]["()"].endswith(
        "TextFormatter"
    )
    json_config = log_config(Settings(LOG_FORMAT="json", ACCESS_LOG=False))
    assert json_config["formatters"]["default"]["()"].endswith("JsonFormatter")
    assert json_config["loggers"][ACCESS]["level"] == "WARNING"
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        logging.config.dictConfig(log_config(Settings()))  # valid for the logging module
        assert isinstance(root.handlers[0].formatter, TextFormatter)
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)


async def test_every_request_gets_one_access_line(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger=ACCESS):
        await client.get("/api/v1/livechat/visitor/secret-visitor-token", params={"q": "private"})
        await client.get("/livez")
    lines = [r for r in caplog.records if r.name == ACCESS]
    assert len(lines) == 2
    first = lines[0]
    assert first.getMessage().startswith("GET /api/v1/livechat/visitor/*** 400 ")
    assert "secret-visitor-token" not in first.getMessage() and "private" not in first.getMessage()
    fields = first.http  # type: ignore[attr-defined]
    assert fields["route"] == "/api/v1/livechat/visitor/{token}" and fields["status"] == 400
    assert fields["duration_ms"] >= 0 and fields["client"]
