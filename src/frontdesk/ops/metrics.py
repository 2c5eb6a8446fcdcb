"""Prometheus metrics (prometheus-client), correct with one process or several (`serve --workers N`).

With several workers every process writes its values to files in PROMETHEUS_MULTIPROC_DIR (the CLI makes a
fresh directory for each `serve`) and whichever process answers a scrape adds them up. That environment
variable must be set before prometheus_client is first imported, which is why the CLI sets it before it
imports the app.
"""

from __future__ import annotations

import os
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
CONTENT_TYPE = CONTENT_TYPE_LATEST

HTTP_REQUESTS = Counter(
    "frontdesk_http_requests_total",
    "HTTP requests answered, by method, route template and status code.",
    ["method", "route", "status"],
)
HTTP_LATENCY = Histogram(
    "frontdesk_http_request_duration_seconds",
    "Time from a request's arrival to the end of its response, by method and route template.",
    ["method", "route"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
DB_POOL_IN_USE = Gauge(
    "frontdesk_db_pool_connections_in_use",
    "Database connections checked out of the pools (all processes).",
    multiprocess_mode="livesum",
)
DB_POOL_SIZE = Gauge(
    "frontdesk_db_pool_size",
    "Connections the pools keep open (DB_POOL_SIZE per process, all processes).",
    multiprocess_mode="livesum",
)
WEBSOCKETS = Gauge(
    "frontdesk_websocket_connections",
    "Open DDP websocket connections (all processes).",
    multiprocess_mode="livesum",
)
DDP_SUBSCRIPTIONS = Gauge(
    "frontdesk_ddp_subscriptions",
    "Stream subscriptions held by open DDP connections (all processes).",
    multiprocess_mode="livesum",
)
INQUIRIES_WAITING = Gauge(
    "frontdesk_inquiries_waiting",
    "Chats waiting for an agent: `queued` (agents take them) or `ready` (routing assigns them).",
    ["status"],
    multiprocess_mode="mostrecent",
)
PAGE_CACHE = Counter(
    "frontdesk_page_cache_lookups_total",
    "GET livechat/rooms pages looked up in the page cache, by result (hit or miss).",
    ["result"],
)


def multiprocess_dir() -> str | None:
    return os.environ.get(MULTIPROC_ENV) or None


def registry() -> CollectorRegistry:
    """What a scrape reads: this process's registry, or every process's files added up."""
    if multiprocess_dir() is None:
        return REGISTRY
    combined = CollectorRegistry()
    multiprocess.MultiProcessCollector(combined)
    return combined


def exposition() -> bytes:
    return generate_latest(registry())


def process_exited() -> None:
    """Drop this process's live gauges (connections, pool use) from the sums once it stops."""
    if multiprocess_dir() is not None:
        multiprocess.mark_process_dead(os.getpid())


def watch_pool(engine: Any, size: int) -> None:
    """Count connections in and out of a SQLAlchemy engine's pool."""
    from sqlalchemy import event

    pool = engine.sync_engine.pool
    DB_POOL_SIZE.inc(size)

    @event.listens_for(pool, "checkout")
    def _checkout(*_: Any) -> None:
        DB_POOL_IN_USE.inc()

    @event.listens_for(pool, "checkin")
    def _checkin(*_: Any) -> None:
        DB_POOL_IN_USE.dec()


def unwatch_pool(size: int) -> None:
    DB_POOL_SIZE.dec(size)
