"""What /readyz checks: the database answers, its schema is at the newest migration, Redis answers."""

from __future__ import annotations

import asyncio
import time
from functools import lru_cache
from typing import Any

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text

from frontdesk.db.engine import Database
from frontdesk.db.migrate import alembic_config

TIMEOUT = 3.0
Check = dict[str, Any]


@lru_cache(maxsize=1)
def head_revisions() -> frozenset[str]:
    return frozenset(ScriptDirectory.from_config(alembic_config()).get_heads())


def _current(connection: Connection) -> frozenset[str]:
    return frozenset(MigrationContext.configure(connection).get_current_heads())


def _failed(exc: BaseException) -> Check:
    reason = "timed out" if isinstance(exc, TimeoutError) else type(exc).__name__
    return {"status": "unavailable", "error": reason}


async def check_database(db: Database) -> tuple[Check, Check]:
    """(database, migrations): one connection answers both."""
    started = time.perf_counter()
    try:
        async with asyncio.timeout(TIMEOUT), db.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
            latency = f"{(time.perf_counter() - started) * 1000:.1f}ms"
            current = await conn.run_sync(_current)
    except Exception as exc:
        failed = _failed(exc)
        return failed, {"status": "unknown"}
    database = {"status": "ok", "latency": latency}
    head = head_revisions()
    migrations: Check = {"status": "ok" if current == head else "pending", "current": sorted(current)}
    if current != head:
        migrations["head"] = sorted(head)
    return database, migrations


async def check_redis(url: str) -> Check:
    from redis.asyncio import Redis

    started = time.perf_counter()
    client = Redis.from_url(url, socket_connect_timeout=TIMEOUT, socket_timeout=TIMEOUT)
    try:
        async with asyncio.timeout(TIMEOUT):
            await client.ping()
    except Exception as exc:
        return _failed(exc)
    finally:
        await client.aclose()
    return {"status": "ok", "latency": f"{(time.perf_counter() - started) * 1000:.1f}ms"}


async def readiness(db: Database, redis_url: str | None) -> tuple[bool, dict[str, Check]]:
    database, migrations = await check_database(db)
    checks = {"database": database, "migrations": migrations}
    if redis_url:
        checks["redis"] = await check_redis(redis_url)
    return all(c["status"] == "ok" for c in checks.values()), checks
