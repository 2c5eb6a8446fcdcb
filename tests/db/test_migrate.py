"""Migrations: both engines reach head, and processes starting together do not race."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import inspect

from conftest import _settings
from frontdesk.db.engine import Database
from frontdesk.db.migrate import upgrade


async def test_schema_has_room_counts(db: Database) -> None:
    async with db.engine.connect() as conn:
        tables = await conn.run_sync(lambda c: inspect(c).get_table_names())
    assert {"rooms", "room_tags", "room_counts"} <= set(tables)


async def test_concurrent_upgrades_of_an_empty_postgres_database(template_db: Any) -> None:
    """`serve --workers N`: every worker's app migrates at start; the advisory lock lets one do it."""
    # (conftest is imported twice under --import-mode=importlib, so no isinstance check here)
    if type(template_db).__name__ != "PostgresTemplate":
        pytest.skip("PostgreSQL only: one process serves a SQLite file")
    name = f"{template_db.name}_empty"
    await template_db.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')
    databases = [Database(_settings(template_db.url(name))) for _ in range(4)]
    try:
        await asyncio.gather(*(upgrade(d.engine) for d in databases))
        async with databases[0].engine.connect() as conn:
            version = (await conn.exec_driver_sql("SELECT version_num FROM alembic_version")).scalar_one()
        assert version
    finally:
        for d in databases:
            await d.dispose()
        await template_db.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
