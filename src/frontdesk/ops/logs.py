"""Logging for the server and uvicorn alike: one compact line per record, or JSON lines (LOG_FORMAT=json).

`serve` hands log_config(settings) to uvicorn, which applies it in every worker process. Access lines come
from api/instrumentation.py on the `frontdesk.access` logger, with the request's fields attached as `http`.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import orjson

from frontdesk.config import Settings

ACCESS = "frontdesk.access"


def _name(record: logging.LogRecord) -> str:
    # uvicorn logs its own life (starting, stopping) as "uvicorn.error", which reads like an error
    return "uvicorn" if record.name == "uvicorn.error" else record.name


def _timestamp(record: logging.LogRecord) -> str:
    seconds = int(record.created)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + f".{int(record.msecs):03d}Z"


class TextFormatter(logging.Formatter):
    """`2025-01-31T09:00:00.123Z INFO frontdesk.access: GET /api/v1/me 200 2.1ms 127.0.0.1`"""

    def format(self, record: logging.LogRecord) -> str:
        line = f"{_timestamp(record)} {record.levelname} {_name(record)}: {record.getMessage()}"
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


class JsonFormatter(logging.Formatter):
    """`{"time": ..., "level": "info", "logger": ..., "message": ..., "http": {...}}`, one per line."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": _timestamp(record),
            "level": record.levelname.lower(),
            "logger": _name(record),
            "message": record.getMessage(),
        }
        http = getattr(record, "http", None)
        if isinstance(http, dict):
            entry["http"] = http
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(entry, default=str).decode()


def log_config(settings: Settings) -> dict[str, Any]:
    """A logging.config.dictConfig dict: Frontdesk's and uvicorn's loggers on stderr in one format."""
    formatter = JsonFormatter if settings.LOG_FORMAT == "json" else TextFormatter
    level = settings.LOG_LEVEL.upper()
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"default": {"()": f"{formatter.__module__}.{formatter.__qualname__}"}},
        "handlers": {
            "stderr": {"class": "logging.StreamHandler", "formatter": "default", "stream": "ext://sys.stderr"}
        },
        "root": {"handlers": ["stderr"], "level": level},
        "loggers": {
            "uvicorn": {"handlers": [], "level": level, "propagate": True},
            "uvicorn.error": {"handlers": [], "level": level, "propagate": True},
            # replaced by frontdesk.access, which has the duration and the route
            "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
            # one line per migration step is detail: shown with LOG_LEVEL=debug
            "alembic": {"level": "DEBUG" if level == "DEBUG" else "WARNING"},
            # access lines are INFO records: LOG_LEVEL=warning hides them too
            **({} if settings.ACCESS_LOG else {ACCESS: {"level": "WARNING"}}),
        },
    }
