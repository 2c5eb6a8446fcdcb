"""Bring the schema up to date with Alembic; used by `frontdesk migrate` and on server start."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from frontdesk.db import dialect

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if url:
        cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def _upgrade(connection: Connection) -> None:
    cfg = alembic_config()
    cfg.attributes["connection"] = connection
    command.upgrade(cfg, "head")


async def upgrade(engine: AsyncEngine) -> None:
    """Migrate to the newest revision inside one transaction on the given engine.

    Several processes may start at once (`frontdesk serve --workers N` starts each worker's app): the
    first takes the migration lock and migrates, the others wait for it and then find nothing to do.
    Indexes that a killed bulk load left dropped are built again here too.
    """
    async with engine.begin() as conn:
        await dialect.lock_for_migration(conn)
        await conn.run_sync(_upgrade)
        await dialect.restore_deferred_indexes(conn)


async def downgrade(engine: AsyncEngine, revision: str) -> None:
    """Migrate down to `revision` (for tests of a migration's upgrade on existing data)."""

    def run(connection: Connection) -> None:
        cfg = alembic_config()
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, revision)

    async with engine.begin() as conn:
        await conn.run_sync(run)
