"""DDP methods by name: one dispatcher for REST method.call / method.callAnon and, later, the websocket.

A handler is `handler(db, user | None, params, now)`; it raises FrontdeskError for a refusal. `call` runs
it in a savepoint, so a refused method leaves nothing behind even though the request itself succeeds.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import MessageFields
from frontdesk.errors import MeteorError
from frontdesk.models.users import User
from frontdesk.services import (
    agents,
    canned_responses,
    custom_fields,
    departments,
    livechat_messages,
    room_history,
    subscriptions,
    tags,
    transcripts,
    transfer,
)
from frontdesk.services.access import public

Handler = Callable[[AsyncSession, User | None, list[Any], int], Awaitable[Any]]


@dataclass(frozen=True)
class Method:
    handler: Handler
    # What Rocket.Chat's method throws when nobody is logged in.
    anonymous_error: tuple[str, str] = ("error-not-allowed", "Not allowed")
    # Visitors call some methods without logging in (they prove who they are with their token).
    anonymous: bool = False


METHODS: dict[str, Method] = {}


def method(
    name: str, anonymous_error: tuple[str, str] | None = None, *, anonymous: bool = False
) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        METHODS[name] = Method(handler, anonymous_error or ("error-not-allowed", "Not allowed"), anonymous)
        return handler

    return register


def match_failed() -> MeteorError:
    return MeteorError("400", "Match failed")


def _arg(params: list[Any], index: int) -> Any:
    return params[index] if index < len(params) else None


@public("dispatch only: each registered method is held to the rules on its own (services/access.py)")
async def call(db: AsyncSession, user: User | None, name: str, params: list[Any], now: int) -> Any:
    """Run a method by name; unknown names get Meteor's 404."""
    found = METHODS.get(name)
    if found is None:
        raise MeteorError("404", f"Method '{name}' not found")
    if user is None and not found.anonymous:
        raise MeteorError(*found.anonymous_error)
    async with db.begin_nested():
        return await found.handler(db, user, params, now)


@method("sendMessage", ("error-invalid-user", "Invalid user"))
async def send_message(db: AsyncSession, user: User | None, params: list[Any], now: int) -> Any:
    message = _arg(params, 0)
    if user is None or not isinstance(message, dict) or not isinstance(message.get("rid"), str):
        raise match_failed()
    extra: MessageFields = {} if message.get("tmid") is None else {"tmid": message["tmid"]}
    return await livechat_messages.check_agent_message(
        db, user, message["rid"], message.get("msg", ""), message.get("_id"), now, **extra
    )


@method("sendMessageLivechat", anonymous=True)
async def send_message_livechat(db: AsyncSession, user: User | None, params: list[Any], now: int) -> Any:
    """The widget's message method: `[{_id?, rid, msg, token}, agent?]`, authorised by the visitor token."""
    message = _arg(params, 0)
    if not isinstance(message, dict) or not isinstance(message.get("token"), str):
        raise match_failed()
    return await livechat_messages.check_visitor_message(
        db, message["token"], message.get("rid"), message.get("msg"), message.get("_id"), now
    )


@method("livechat:saveTag")
async def save_tag(db: AsyncSession, user: User | None, params: list[Any], now: int) -> Any:
    assert user is not None
    return await tags.check_save_tag(db, user, _arg(params, 0), _arg(params, 1), _arg(params, 2), now)


@method("livechat:saveCustomField")
async def save_custom_field(db: AsyncSession, user: User | None, params: list[Any], now: int) -> Any:
    assert user is not None
    return await custom_fields.check_save(db, user, _arg(params, 0), _arg(params, 1), now)


@method("livechat:saveAgentInfo")
async def save_agent_info(db: AsyncSession, user: User | None, params: list[Any], now: int) -> Any:
    assert user is not None
    return await agents.check_save_agent_info(
        db, user, _arg(params, 0), _arg(params, 1), _arg(params, 2), now
    )


@method("livechat:returnAsInquiry")
async def return_as_inquiry(db: AsyncSession, user: User | None, params: list[Any], now: int) -> Any:
    assert user is not None
    return await transfer.check_return_to_queue(db, user, _arg(params, 0), _arg(params, 1), now)


@method("livechat:saveDepartment")
async def save_department(db: AsyncSession, user: User | None, params: list[Any], now: int) -> Any:
    assert user is not None
    return await departments.check_save_department(
        db, user, _arg(params, 0), _arg(params, 1), _arg(params, 2), now
    )


@method("loadHistory", ("error-invalid-user", "Invalid user"))
async def load_history(db: AsyncSession, user: User | None, params: list[Any], now: int) -> Any:
    """[rid, end, limit, ls]: a page of a room's messages older than `end`, newest first."""
    assert user is not None
    return await room_history.check_load_history(
        db, user, _arg(params, 0), _arg(params, 1), _arg(params, 2), _arg(params, 3)
    )


@method("readMessages", ("error-invalid-user", "Invalid user"))
async def read_messages(db: AsyncSession, user: User | None, params: list[Any], now: int) -> Any:
    assert user is not None
    await subscriptions.check_read(db, user, _arg(params, 0), now)
    return None


@method("livechat:sendTranscript")
async def send_transcript(db: AsyncSession, user: User | None, params: list[Any], now: int) -> Any:
    """`[token, rid, email, subject]`: an agent mails a chat's transcript now."""
    assert user is not None
    if not isinstance(_arg(params, 1), str) or not isinstance(_arg(params, 2), str):
        raise match_failed()
    return await transcripts.check_send_transcript(
        db, user, _arg(params, 0), _arg(params, 1), _arg(params, 2), _arg(params, 3), now
    )


@method("livechat:requestTranscript")
async def request_transcript(db: AsyncSession, user: User | None, params: list[Any], now: int) -> Any:
    """`[rid, email, subject]`: mail the transcript when the chat closes (Rocket.Chat's older method)."""
    assert user is not None
    rid, email, subject = _arg(params, 0), _arg(params, 1), _arg(params, 2)
    if not all(isinstance(v, str) for v in (rid, email, subject)):
        raise match_failed()
    await transcripts.check_request_transcript(db, user, rid, email, subject, now)
    return True


@method("saveCannedResponse")
async def save_canned_response(db: AsyncSession, user: User | None, params: list[Any], now: int) -> Any:
    """`[_id | null, {shortcut, text, scope, tags?, departmentId?}]`."""
    assert user is not None
    response_id, data = _arg(params, 0), _arg(params, 1)
    if response_id is not None and not isinstance(response_id, str):
        raise match_failed()
    if not isinstance(data, dict) or not all(
        isinstance(data.get(k), str) for k in ("shortcut", "text", "scope")
    ):
        raise match_failed()
    tags = data.get("tags")
    if tags is not None and not (isinstance(tags, list) and all(isinstance(t, str) for t in tags)):
        raise match_failed()
    return await canned_responses.check_save(db, user, response_id, data, now)


@method("removeCannedResponse")
async def remove_canned_response(db: AsyncSession, user: User | None, params: list[Any], now: int) -> Any:
    assert user is not None
    if not isinstance(_arg(params, 0), str):
        raise match_failed()
    await canned_responses.check_remove(db, user, _arg(params, 0))
    return None
