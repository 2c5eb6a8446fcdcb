"""/livez, /readyz and /health as Rocket.Chat names them: what each checks and how a failure reads."""

from __future__ import annotations

import httpx
import pytest

from frontdesk.config import Settings
from frontdesk.db.engine import Database
from frontdesk.db.migrate import downgrade
from frontdesk.ops import readiness

NO_CACHE = "no-cache, no-store, must-revalidate"


async def test_livez_and_its_older_name(client: httpx.AsyncClient) -> None:
    for path in ("/livez", "/health"):
        res = await client.get(path)
        assert res.status_code == 200 and res.json() == {"status": "ok"}
        assert res.headers["cache-control"] == NO_CACHE


async def test_readyz_checks_the_database_and_its_migrations(client: httpx.AsyncClient) -> None:
    res = await client.get("/readyz")
    assert res.status_code == 200, res.text
    body = res.json()
    assert body["status"] == "ok" and res.headers["cache-control"] == NO_CACHE
    assert body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["migrations"] == {"status": "ok", "current": sorted(readiness.head_revisions())}
    assert "redis" not in body["checks"]  # not configured, not checked


async def test_readyz_is_503_while_migrations_are_pending(client: httpx.AsyncClient, db: Database) -> None:
    await downgrade(db.engine, "0006")
    res = await client.get("/readyz")
    assert res.status_code == 503
    body = res.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["migrations"]["status"] == "pending"
    assert body["checks"]["migrations"]["current"] == ["0006"]


async def test_an_unreachable_database_or_redis_is_reported_not_raised(settings: Settings) -> None:
    gone = Database(settings.model_copy(update={"DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"}))
    try:
        ready, checks = await readiness.readiness(gone, "redis://127.0.0.1:1/0")
    finally:
        await gone.dispose()
    assert ready is False
    assert checks["database"]["status"] == "unavailable" and checks["migrations"]["status"] == "unknown"
    assert checks["redis"] == {"status": "unavailable", "error": checks["redis"]["error"]}


@pytest.mark.parametrize("path", ["/readyz", "/livez"])
async def test_probes_are_listed_in_the_api_document(client: httpx.AsyncClient, path: str) -> None:
    document = (await client.get("/openapi.json")).json()
    assert "get" in document["paths"][path]
