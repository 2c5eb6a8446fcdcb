"""Settings read from the environment, named as Rocket.Chat names them where it has a name."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="", case_sensitive=True, extra="ignore")

    PORT: int = 3000
    HOST: str = "0.0.0.0"
    ROOT_URL: str = "http://localhost:3000"
    DATABASE_URL: str = "sqlite:///./data/frontdesk.db"
    ADMIN_USERNAME: str | None = None
    ADMIN_PASS: str | None = None
    ADMIN_EMAIL: str | None = None
    TEST_MODE: bool = False
    # bcrypt work factor; Rocket.Chat uses 10. Tests lower it to keep the suite fast.
    BCRYPT_ROUNDS: int = Field(default=10, ge=4, le=16)
    # Connections kept open per process. SQLite gains nothing from many (see docs/performance-notes.md).
    DB_POOL_SIZE: int = Field(default=4, ge=1, le=64)
    LOG_LEVEL: str = "info"
    # Memory for listing pages kept until the next commit (api/page_cache.py); 0 turns the cache off.
    PAGE_CACHE_MB: int = Field(default=32, ge=0, le=4096)
    # With several Frontdesk processes, realtime events travel through Redis pub/sub (e.g. redis://localhost:6379/0).
    REDIS_URL: str | None = None
    # The visitor widget's build (npm @rocket.chat/livechat); `make widget` installs it under var/widget.
    LIVECHAT_WIDGET_DIR: str | None = None

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
