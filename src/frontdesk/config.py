"""Settings read from the environment, named as Rocket.Chat names them where it has a name."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Rocket.Chat's way to pin a setting from the environment: OVERWRITE_SETTING_<setting id>=<value>.
OVERWRITE_PREFIX = "OVERWRITE_SETTING_"


class Settings(BaseSettings):
    # an empty variable (`ADMIN_PASS=` in a compose file) counts as unset, never as an empty password
    model_config = SettingsConfigDict(
        env_prefix="", case_sensitive=True, extra="ignore", env_ignore_empty=True
    )

    PORT: int = Field(default=3000, ge=0, le=65535)  # 0: any free port
    HOST: str = "0.0.0.0"
    # The public address (what the widget and links use); http://localhost:$PORT when unset.
    ROOT_URL: str = ""
    DATABASE_URL: str = "sqlite:///./data/frontdesk.db"
    ADMIN_USERNAME: str | None = None
    ADMIN_PASS: str | None = None
    ADMIN_EMAIL: str | None = None
    TEST_MODE: bool = False
    # bcrypt work factor; Rocket.Chat uses 10. Tests lower it to keep the suite fast.
    BCRYPT_ROUNDS: int = Field(default=10, ge=4, le=16)
    # Connections kept open per process. SQLite gains nothing from many (see docs/performance-notes.md).
    DB_POOL_SIZE: int = Field(default=4, ge=1, le=64)
    LOG_LEVEL: Literal["critical", "error", "warning", "info", "debug"] = "info"
    # `text`: one compact line per record; `json`: one JSON object per line (for log collectors).
    LOG_FORMAT: Literal["text", "json"] = "text"
    # One line per HTTP request (method, path, status, duration); false turns it off.
    ACCESS_LOG: bool = True
    # Prometheus metrics: on /metrics of the main port, or on their own port when this is set.
    METRICS_PORT: int | None = Field(default=None, ge=1, le=65535)
    # Memory for listing pages kept until the next commit (api/page_cache.py); 0 turns the cache off.
    PAGE_CACHE_MB: int = Field(default=32, ge=0, le=4096)
    # With several Frontdesk processes, realtime events travel through Redis pub/sub (e.g. redis://localhost:6379/0).
    REDIS_URL: str | None = None
    # The visitor widget's build (npm @rocket.chat/livechat), served at /livechat; by default the copy that
    # `make` (scripts/build_static.py) puts in src/frontdesk/static/livechat/ and the wheel carries.
    LIVECHAT_WIDGET_DIR: str | None = None
    # Where uploaded files are kept; by default `uploads/` beside the SQLite file (./data/uploads otherwise).
    FILE_UPLOAD_DIR: str | None = None
    # Rocket.Chat's MAIL_URL (smtp://user:password@host:port or smtps://...): when set, it is the mail
    # server, whatever the SMTP_* settings say.
    MAIL_URL: str | None = None
    # DNS servers for checking visitors' mail domains (`host[:port]`, comma-separated); the system's if unset.
    DNS_NAMESERVERS: str | None = None
    # How often the mail sender looks for mail due a retry (new mail wakes it at once).
    MAIL_POLL_SECONDS: float = Field(default=5.0, gt=0, le=3600)
    # OVERWRITE_SETTING_<id> variables, by setting id: applied to the stored settings at every start.
    OVERWRITE_SETTINGS: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _overrides_from_environment(cls, data: Any) -> Any:
        if isinstance(data, dict) and "OVERWRITE_SETTINGS" not in data:
            found = {
                k[len(OVERWRITE_PREFIX) :]: v for k, v in os.environ.items() if k.startswith(OVERWRITE_PREFIX)
            }
            data = {**data, "OVERWRITE_SETTINGS": found}
        return data

    @field_validator("LOG_LEVEL", "LOG_FORMAT", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.lower() if isinstance(value, str) else value

    @model_validator(mode="after")
    def _default_root_url(self) -> Settings:
        if not self.ROOT_URL:
            self.ROOT_URL = f"http://localhost:{self.PORT}"
        return self

    @property
    def async_database_url(self) -> str:
        """DATABASE_URL with the async driver SQLAlchemy needs for its scheme."""
        url = self.DATABASE_URL
        for plain, driver in (
            ("sqlite://", "sqlite+aiosqlite://"),
            ("postgresql://", "postgresql+asyncpg://"),
            ("postgres://", "postgresql+asyncpg://"),
        ):
            if url.startswith(plain):
                return driver + url[len(plain) :]
        return url

    @property
    def is_sqlite(self) -> bool:
        return self.async_database_url.startswith("sqlite")

    @property
    def upload_dir(self) -> Path:
        """FILE_UPLOAD_DIR, or `uploads/` beside the SQLite database file (./data/uploads otherwise)."""
        if self.FILE_UPLOAD_DIR:
            return Path(self.FILE_UPLOAD_DIR)
        url = self.async_database_url
        if url.startswith("sqlite") and "///" in url:
            path = url.split("///", 1)[1].split("?", 1)[0]
            if path and path != ":memory:" and not path.startswith("file:"):
                return Path(path).parent / "uploads"
        return Path("data") / "uploads"
