"""Request-scoped dependencies: the transaction, the caller, the parsed query and body."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any, TypeVar

import orjson
from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.api.querystring import QueryStringError, parse_qs
from frontdesk.api.schema import SchemaError, validate
from frontdesk.clock import Clock
from frontdesk.config import Settings
from frontdesk.db.engine import Database
from frontdesk.errors import FrontdeskError, InvalidParams, PayloadTooLarge
from frontdesk.file_storage import FileStorage
from frontdesk.input_limits import (
    MAX_BODY_CONTAINERS,
    MAX_BODY_DEPTH,
    depth_exceeds,
    has_nul,
    too_many_containers,
)
from frontdesk.mail_domains import MailDomains
from frontdesk.models.users import User
from frontdesk.services.auth import authenticate

MAX_BODY = 1_048_576


def database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


F = TypeVar("F", bound=Callable[..., Any])


def writes(endpoint: F) -> F:
    """Mark a GET route that changes state (Rocket.Chat has a few, e.g. livechat/room)."""
    endpoint.writes_on_get = True  # type: ignore[attr-defined]
    return endpoint


def locks_late(endpoint: F) -> F:
    """Mark a route whose transaction reads first and takes SQLite's write lock only when it locks a row
    (db.engine.Database.session's `lock_late`): it sees the state it arrived to, as on PostgreSQL."""
    endpoint.locks_late = True  # type: ignore[attr-defined]
    return endpoint


def _is_write(request: Request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return True
    route = request.scope.get("route")
    return bool(getattr(getattr(route, "endpoint", None), "writes_on_get", False))


async def _session(request: Request) -> AsyncIterator[AsyncSession]:
    """One transaction per request, committed when the route returns, before the response leaves."""
    route = request.scope.get("route")
    late = bool(getattr(getattr(route, "endpoint", None), "locks_late", False))
    async with database(request).session(write=_is_write(request), lock_late=late) as db:
        yield db


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _now(request: Request, db: Annotated[AsyncSession, Depends(_session, scope="function")]) -> int:
    """Read after the transaction began (and, on SQLite, after the write lock), so time follows commits."""
    clock: Clock = request.app.state.clock
    return clock.now_ms()


async def _current_user(
    request: Request, db: Annotated[AsyncSession, Depends(_session, scope="function")]
) -> User:
    return await authenticate(db, request.headers.get("x-user-id"), request.headers.get("x-auth-token"))


def _file_storage(request: Request) -> FileStorage:
    storage: FileStorage = request.app.state.file_storage
    return storage


def _clock(request: Request) -> Clock:
    clock: Clock = request.app.state.clock
    return clock


def _mail_domains(request: Request) -> MailDomains:
    domains: MailDomains = request.app.state.mail_domains
    return domains


Db = Annotated[AsyncSession, Depends(_session, scope="function")]
MailDomainsDep = Annotated[MailDomains, Depends(_mail_domains)]
# For the few routes that manage their own transactions (uploads: no transaction while a body streams in)
DatabaseDep = Annotated[Database, Depends(database)]
FileStorageDep = Annotated[FileStorage, Depends(_file_storage)]
ClockDep = Annotated[Clock, Depends(_clock)]
CurrentUser = Annotated[User, Depends(_current_user)]
SettingsDep = Annotated[Settings, Depends(_settings)]
Now = Annotated[int, Depends(_now)]


def query_params(request: Request, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    """The query string parsed as Node's qs does, then checked against the route's schema."""
    try:
        query = parse_qs(request.scope.get("query_string", b""))
    except QueryStringError as exc:
        raise InvalidParams(str(exc)) from None
    if has_nul(query):
        raise InvalidParams("must NOT contain NUL characters")
    if schema is None:
        return query
    try:
        checked: dict[str, Any] = validate(schema, query)
    except SchemaError as exc:
        raise InvalidParams(str(exc)) from None
    return checked


async def json_body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if len(raw) > MAX_BODY:
        raise PayloadTooLarge("Request entity too large")
    if not raw.strip():
        return {}
    if too_many_containers(raw):
        raise FrontdeskError(
            f"The request body must NOT hold more than {MAX_BODY_CONTAINERS} objects and arrays"
        )
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise FrontdeskError("Invalid JSON in request body") from None
    if not isinstance(value, dict):
        raise FrontdeskError("The request body must be a JSON object")
    if depth_exceeds(value, MAX_BODY_DEPTH):
        raise FrontdeskError(f"The request body must NOT be nested deeper than {MAX_BODY_DEPTH} levels")
    # only a `\u0000` escape can put NUL into parsed JSON: most bodies skip the walk
    if b"\\u0000" in raw and has_nul(value):
        raise FrontdeskError("The request body must NOT contain NUL characters")
    return value


def check_body(body: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    try:
        checked: dict[str, Any] = validate(schema, body)
    except SchemaError as exc:
        raise InvalidParams(str(exc)) from None
    return checked


Body = Annotated[dict[str, Any], Depends(json_body)]
