"""The `frontdesk` command: serve, migrate, demo, create-user."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from typing import Any

from frontdesk.config import Settings


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="frontdesk", description="Frontdesk livechat server")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the HTTP server (migrates first)")
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)
    serve.add_argument("--workers", type=int, default=1)
    sub.add_parser("migrate", help="create or upgrade the database schema")
    demo = sub.add_parser("demo", help="load realistic demo data")
    demo.add_argument("--rooms", type=int, default=1000)
    demo.add_argument("--seed", type=int, default=1)
    user = sub.add_parser("create-user", help="create a user")
    user.add_argument("username")
    user.add_argument("--email", required=True)
    user.add_argument("--name")
    user.add_argument("--password")
    user.add_argument("--roles", help="comma-separated, e.g. admin,livechat-manager")
    args = parser.parse_args(argv)
    settings = Settings()

    try:
        if args.command == "serve":
            import uvicorn

            asyncio.run(_migrate(settings))
            uvicorn.run(
                "frontdesk.cli:_app_factory",
                factory=True,
                host=args.host or settings.HOST,
                port=args.port or settings.PORT,
                workers=args.workers,
                log_level=settings.LOG_LEVEL,
                loop="uvloop",
                http="httptools",
                access_log=False,
            )
        elif args.command == "migrate":
            asyncio.run(_migrate(settings))
            print("database is up to date")
        elif args.command == "demo":
            from frontdesk.demo import load_demo

            asyncio.run(_migrate(settings))
            asyncio.run(load_demo(settings, rooms=args.rooms, seed=args.seed))
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
