"""DDP methods that belong to the connection (login, presence, typing, the visitor's token); every other
method name goes to the shared registry in services/methods.py, as REST method.call does."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.db.engine import Database
from frontdesk.errors import LoginFailed, MeteorError, PlainError
from frontdesk.models.users import User
from frontdesk.rate_windows import Windows
from frontdesk.realtime.streams import visitor_token_of
from frontdesk.services import auth, livechat_users, methods, room_access, room_activity, users, visitors
from frontdesk.services import login as login_service


class Connection(Protocol):
    """What these methods read and change on a websocket connection (realtime/ddp.py's Connection)."""

    id: str
    address: str
    user_id: str | None
    visitor_token: str | None

    def drop_subscriptions(self) -> None: ...

    def transactions(self) -> Database: ...

    def rate_windows(self) -> Windows | None: ...


ConnectionMethod = Callable[[Connection, AsyncSession, list[Any], int], Awaitable[Any]]
TOKEN_LIFETIME_MS = 90 * 24 * 3600 * 1000  # Meteor's default loginExpirationInDays
# Meteor accounts-base's default rule, which Rocket.Chat keeps: 5 logins per 10 s per connection
LOGIN_CALLS_PER_CONNECTION = (5, 10.0)

CONNECTION_METHODS: dict[str, ConnectionMethod] = {}
# Methods run in a read transaction first: no write lock, no change signal. Typing never writes, presence
# writes only when it changes (then the read transaction refuses the write with NeedsWrite, and the
# method runs again in a write transaction), and login opens its own short write transaction for the
# token after checking the password (services/login.py).
READ_FIRST = frozenset(
    {
        "login",
        "stream-notify-room",
        "UserPresence:setDefaultStatus",
        "UserPresence:online",
        "UserPresence:away",
    }
)


def _method(name: str) -> Callable[[ConnectionMethod], ConnectionMethod]:
    def register(handler: ConnectionMethod) -> ConnectionMethod:
        CONNECTION_METHODS[name] = handler
        return handler

    return register


def _arg(params: list[Any], index: int) -> Any:
    return params[index] if index < len(params) else None


async def current_user(conn: Connection, db: AsyncSession) -> User | None:
    if conn.user_id is None:
        return None
    return await auth.active_user(db, conn.user_id)


async def call(conn: Connection, db: AsyncSession, name: str, params: list[Any], now: int) -> Any:
    own = CONNECTION_METHODS.get(name)
    if own is not None:
        return await own(conn, db, params, now)
    return await methods.call(db, await current_user(conn, db), name, params, now)


@_method("login")
async def login(conn: Connection, db: AsyncSession, params: list[Any], now: int) -> Any:
    body = _arg(params, 0)
    if not isinstance(body, dict):
        raise MeteorError("400", "Match failed")
    windows = conn.rate_windows()
    if windows is not None:
        wait = await windows.hit(f"ddp-login|{conn.id}", *LOGIN_CALLS_PER_CONNECTION)
        if wait > 0:
            raise MeteorError(
                "too-many-requests",
                "Error, too many requests. Please slow down. You must wait "
                f"{max(1, round(wait))} seconds before trying again.",
                details={"timeToReset": int(wait * 1000)},
            )
    if "resume" in body:
        # A resume keeps the token it was given (Meteor does not issue a new one).
        token = body["resume"]
        user = await auth.resume(db, token)
        if user is None:
            raise MeteorError("403", "You've been logged out by the server. Please log in again.")
        user_id, kind = user.id, "resume"
    else:
        try:
            result = await login_service.login(
                conn.transactions(), body, now, windows=windows, address=conn.address
            )
        except LoginFailed:
            raise MeteorError("403", "User not found") from None
        except MeteorError as exc:
            if exc.code == "error-too-many-requests":
                raise
            raise MeteorError("403", "User not found") from None
        user_id, token, kind = result.user.id, result.token, "password"
    conn.user_id = user_id
    return {"id": user_id, "token": token, "tokenExpires": {"$date": now + TOKEN_LIFETIME_MS}, "type": kind}


@_method("logout")
async def logout(conn: Connection, db: AsyncSession, params: list[Any], now: int) -> Any:
    conn.user_id = None
    conn.drop_subscriptions()
    return None


@_method("livechat:setUpConnection")
async def set_up_connection(conn: Connection, db: AsyncSession, params: list[Any], now: int) -> Any:
    """The widget names its visitor token; when the socket closes the visitor is marked offline."""
    data = _arg(params, 0)
    if not isinstance(data, dict) or not isinstance(data.get("token"), str):
        raise MeteorError("400", "Match error: Expected object")
    if conn.visitor_token is None:
        conn.visitor_token = data["token"]
    return None


@_method("stream-notify-room")
async def notify_room(conn: Connection, db: AsyncSession, params: list[Any], now: int) -> Any:
    """Typing: `[rid/typing, name, bool, {token}]` (widget), `[rid/user-activity, name, [...], {}]`."""
    event_name, username = _arg(params, 0), _arg(params, 1)
    if not isinstance(event_name, str) or "/" not in event_name:
        raise MeteorError("400", "Match failed")
    rid, activity = event_name.split("/", 1)
    token = visitor_token_of(params[1:]) or conn.visitor_token
    await room_activity.check_activity(db, conn.user_id, token, rid, activity, username, list(params[2:]))
    return True


async def _set_presence(conn: Connection, db: AsyncSession, status: str, now: int) -> Any:
    user = await current_user(conn, db)
    if user is None:
        raise MeteorError("error-invalid-user", "Invalid user")
    await users.check_set_status(db, user, None, status, None, now)
    return True


@_method("UserPresence:setDefaultStatus")
async def presence_default(conn: Connection, db: AsyncSession, params: list[Any], now: int) -> Any:
    status = _arg(params, 0)
    if status not in users.STATUSES:
        raise MeteorError("400", "Match failed")
    return await _set_presence(conn, db, status, now)


@_method("UserPresence:online")
async def presence_online(conn: Connection, db: AsyncSession, params: list[Any], now: int) -> Any:
    return await _set_presence(conn, db, "online", now)


@_method("UserPresence:away")
async def presence_away(conn: Connection, db: AsyncSession, params: list[Any], now: int) -> Any:
    return await _set_presence(conn, db, "away", now)


@_method("livechat:changeLivechatStatus")
async def change_livechat_status(conn: Connection, db: AsyncSession, params: list[Any], now: int) -> Any:
    user = await current_user(conn, db)
    if user is None:
        raise MeteorError("error-not-allowed", "Not allowed")
    data = _arg(params, 0) if isinstance(_arg(params, 0), dict) else {}
    await livechat_users.check_agent_status(db, user, data.get("status") or None, None, now)
    return True


@_method("rooms/get")
async def rooms_get(conn: Connection, db: AsyncSession, params: list[Any], now: int) -> Any:
    """The livechat rooms the agent serves; with a `since` date, Meteor's `{update, remove}` shape."""
    user = await current_user(conn, db)
    if user is None:
        return []
    rooms = await room_access.served_rooms(db, user)
    if _arg(params, 0) is not None:
        return {"update": rooms, "remove": []}
    return rooms


@_method("livechat:visitorStatus")  # not sent by 1.13.3; kept for older SDK builds that do
async def visitor_status(conn: Connection, db: AsyncSession, params: list[Any], now: int) -> Any:
    token = conn.visitor_token
    status = _arg(params, 0)
    if token is None or status not in visitors.VISITOR_STATUSES:
        raise PlainError("invalid-token")
    await visitors.check_set_status(db, token, status, now)
    return {"token": token, "status": status}
