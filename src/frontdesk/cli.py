"""The `frontdesk` command: serve, migrate, demo, create-user."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import logging.config
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from frontdesk import __version__
from frontdesk.config import Settings

log = logging.getLogger("frontdesk")
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"  # as prometheus_client reads it (frontdesk.ops.metrics)


def _app_factory() -> Any:
    from frontdesk.main import create_app

    return create_app(Settings())


async def _migrate(settings: Settings) -> None:
    from frontdesk.clock import Clock
    from frontdesk.db.engine import Database
    from frontdesk.db.migrate import upgrade
    from frontdesk.services.bootstrap import ensure_defaults

    db = Database(settings)
    try:
        await upgrade(db.engine)
        async with db.session() as session:
            await ensure_defaults(session, settings, Clock().now_ms())
    finally:
        await db.dispose()


async def _create_user(settings: Settings, args: argparse.Namespace) -> None:
    from frontdesk.clock import Clock
    from frontdesk.db.engine import Database
    from frontdesk.services.users import do_create_user

    await _migrate(settings)
    password = args.password or getpass.getpass("Password: ")
    db = Database(settings)
    try:
        async with db.session() as session:
            user = await do_create_user(
                session,
                username=args.username,
                password=password,
                email=args.email,
                name=args.name,
                roles=args.roles.split(",") if args.roles else None,
                now=Clock().now_ms(),
                rounds=settings.BCRYPT_ROUNDS,
            )
        print(f"created user {user.username} ({user.id}) with roles {', '.join(user.roles)}")
    finally:
        await db.dispose()


def _metrics_dir(workers: int) -> Path | None:
    """With several workers, Prometheus values go through files that every process writes: a fresh directory
    (PROMETHEUS_MULTIPROC_DIR, emptied, or a temporary one this command removes). It must be set before
    prometheus_client is first imported, so this runs before anything imports frontdesk.ops.metrics."""
    given = os.environ.get(MULTIPROC_ENV)
    if given:
        shutil.rmtree(given, ignore_errors=True)  # values of an earlier run would add up
        Path(given).mkdir(parents=True)
        return None
    if workers <= 1:
        return None
    made = Path(tempfile.mkdtemp(prefix="frontdesk-metrics-"))
    os.environ[MULTIPROC_ENV] = str(made)
    return made


def _serve(settings: Settings, args: argparse.Namespace) -> None:
    import uvicorn

    from frontdesk.ops.logs import log_config
    from frontdesk.realtime.wire_socket import WireSocketProtocol

    made = _metrics_dir(args.workers)
    try:
        asyncio.run(_migrate(settings))
        if settings.METRICS_PORT is not None:
            from prometheus_client import start_http_server

            from frontdesk.ops.metrics import registry

            start_http_server(settings.METRICS_PORT, addr=settings.HOST, registry=registry())
        root = settings.ROOT_URL.rstrip("/")
        log.info(
            "Frontdesk %s at %s (workers: %d) · widget %s/livechat?mode=popout · API docs %s/api/docs",
            __version__,
            root,
            args.workers,
            root,
            root,
        )
        uvicorn.run(
            "frontdesk.cli:_app_factory",
            factory=True,
            host=settings.HOST,
            port=settings.PORT,
            workers=args.workers,
            log_config=log_config(settings),
            log_level=settings.LOG_LEVEL,
            loop="uvloop",
            http="httptools",
            ws=WireSocketProtocol,  # DDP frames framed once for all subscribers
            access_log=False,  # Frontdesk writes its own access lines (api/instrumentation.py)
        )
    finally:
        if made is not None:
            shutil.rmtree(made, ignore_errors=True)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="frontdesk",
        description="Frontdesk: a livechat server speaking Rocket.Chat's Livechat API. "
        "Configured by environment variables (PORT, ROOT_URL, DATABASE_URL, ...: see the README).",
    )
    top.add_argument("--version", action="version", version=f"frontdesk {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = sub.add_parser("serve", help="run the HTTP server (migrates the database first)")
    serve.add_argument("--host", help="address to listen on (default: $HOST, else 0.0.0.0)")
    serve.add_argument("--port", type=int, help="port to listen on (default: $PORT, else 3000)")
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server processes (default: 1); several need PostgreSQL (refused on SQLite) and REDIS_URL for "
        "realtime",
    )

    sub.add_parser("migrate", help="create or upgrade the database schema, then exit")

    demo = sub.add_parser("demo", help="load realistic demo data and put a demo agent on duty per department")
    demo.add_argument("--rooms", type=int, default=1000, help="rooms to add (default: 1000)")
    demo.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same data")
    demo.add_argument(
        "--password", help="password for the demo agents and manager (default: a new random one, printed)"
    )

    user = sub.add_parser("create-user", help="create a user (e.g. an agent or a manager)")
    user.add_argument("username", help="the login name")
    user.add_argument("--email", required=True, help="the user's email address")
    user.add_argument("--name", help="display name (default: the username)")
    user.add_argument("--password", help="the password (default: asked on the terminal)")
    user.add_argument(
        "--roles", help="comma-separated roles, e.g. livechat-agent or admin,livechat-manager (default: user)"
    )
    return top


# Each process serialises its own writers, but a write transaction on SQLite reads before it first writes
# (outside SQLite's lock), so two processes would both read a room and the second write would undo the
# first's counters and metrics. Several workers need a database with row locks.
SQLITE_WORKERS = (
    "error: --workers N needs PostgreSQL. On SQLite the worker processes would overwrite each other's "
    "changes (room counters, metrics, unread counts); run one process (--workers 1), or set DATABASE_URL "
    "to a PostgreSQL database (and REDIS_URL, so every worker's websockets get every event)."
)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    # --host/--port act as HOST/PORT would, for the worker processes too (and ROOT_URL's default follows)
    if getattr(args, "port", None) is not None:
        os.environ["PORT"] = str(args.port)
    if getattr(args, "host", None) is not None:
        os.environ["HOST"] = args.host
    try:
        settings = Settings()
    except ValidationError as exc:
        for error in exc.errors():
            name = ".".join(str(part) for part in error["loc"]) or "settings"
            print(f"error: {name}: {error['msg']}", file=sys.stderr)
        return 2
    from frontdesk.ops.logs import log_config

    logging.config.dictConfig(log_config(settings))

    if args.command == "serve" and args.workers > 1 and settings.is_sqlite:
        print(SQLITE_WORKERS, file=sys.stderr)
        return 2
    try:
        if args.command == "serve":
            _serve(settings, args)
        elif args.command == "migrate":
            asyncio.run(_migrate(settings))
            print("database is up to date")
        elif args.command == "demo":
            from frontdesk.demo import load_demo

            asyncio.run(_migrate(settings))
            asyncio.run(load_demo(settings, rooms=args.rooms, seed=args.seed, password=args.password))
        elif args.command == "create-user":
            asyncio.run(_create_user(settings, args))
    except Exception as exc:  # a CLI user gets one line, not a traceback
        from frontdesk.errors import FrontdeskError

        if isinstance(exc, FrontdeskError):
            print(f"error: {exc.error}", file=sys.stderr)
            return 1
        raise
    return 0


if __name__ == "__main__":
    sys.exit(main())
