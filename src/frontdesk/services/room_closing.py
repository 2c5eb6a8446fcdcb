"""Closing a livechat room, by its visitor (livechat/room.close) or by an agent (room.closeByUser), with
Rocket.Chat's rules: a comment when the setting asks, `close-others-livechat-room` for a room one does not
serve, department closing tags, `forceClose`, and the transcript mailed when one was asked for.

Two closes racing for one room: the one that arrives second learns it lost
(`error-room-cannot-be-closed-try-again`, as Rocket.Chat answers); one arriving after the close finished
hears that the room is closed. The routes' transactions read the room first and lock it after
(api.deps.locks_late), which is how they tell the two apart.
"""

from __future__ import annotations

from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.clock import iso
from frontdesk.documents import JsonObject, MessageFields, RoomDoc, TranscriptRequest, UserRef, VisitorDoc
from frontdesk.errors import PlainError
from frontdesk.events.chats import ChatClosing
from frontdesk.events.outbox import emit
from frontdesk.models.users import User
from frontdesk.services import metrics, routing
from frontdesk.services import settings as settings_service
from frontdesk.services.chat_messages import author_of_user, author_of_visitor, do_system_message
from frontdesk.services.livechat_messages import not_before_last
from frontdesk.services.livechat_rooms import access_visitor_room
from frontdesk.services.mail import is_address
from frontdesk.services.permissions import check_permission, has_permission
from frontdesk.services.queue_places import announce_queue
from frontdesk.services.transcripts import do_send_transcript
from frontdesk.services.visitors import access_visitor
from frontdesk.store import departments as department_store
from frontdesk.store import inquiries as inquiry_store
from frontdesk.store import rooms as room_store
from frontdesk.store import subscriptions as subscription_store
from frontdesk.store import visitors as visitor_store

LOST_RACE = "error-room-cannot-be-closed-try-again"
# What a close does about the transcript: None follows the room's request (and the settings), NO_TRANSCRIPT
# sends none, a request sends that one.
NO_TRANSCRIPT: Literal["none"] = "none"
TranscriptChoice = TranscriptRequest | Literal["none"] | None


async def _lock_for_close(db: AsyncSession, room: RoomDoc, force: bool) -> RoomDoc:
    """The room again, locked: if another close got there between our first read and now, we lost."""
    locked = await room_store.get_room(db, room["_id"], for_update=True)
    if locked is None or (not force and locked.get("open") is not True):
        raise PlainError(LOST_RACE)
    return locked


async def _closing_tags(db: AsyncSession, room: RoomDoc, tags: list[str]) -> list[str]:
    """resolveChatTags: the request's and the room's tags, plus the department's closing tags; a department
    that asks for tags refuses a close without any (or when it has no closing tags to choose from)."""
    joined = list(dict.fromkeys([*tags, *(room.get("tags") or [])]))
    department = (
        await department_store.get_department(db, room["departmentId"]) if room.get("departmentId") else None
    )
    if department is None:
        return joined
    closing_tags = department.get("chatClosingTags") or []
    if department.get("requestTagBeforeClosingChat") and not (joined and closing_tags):
        raise PlainError("error-tags-must-be-assigned-before-closing-chat")
    return list(dict.fromkeys([*joined, *closing_tags]))


async def do_close(
    db: AsyncSession,
    room: RoomDoc,
    now: int,
    *,
    closer: str,
    closed_by: UserRef,
    comment: str,
    tags: list[str] | None = None,
    visitor: VisitorDoc | None = None,
    transcript: TranscriptChoice = None,
) -> None:
    """docs/api/livechat-api.md §4.4: close fields and metrics, inquiry and subscriptions gone,
    `livechat-close`, the transcript mailed if one was asked for (`transcript`: the close's own choice,
    over the room's request), then re-route."""
    now = not_before_last(room, now)
    values = await settings_service.get_values(
        db, ["Livechat_enable_transcript", "Livechat_transcript_send_always"]
    )
    wanted = room.get("transcriptRequest") if transcript is None else transcript
    metrics.apply_close(room, closer=closer, closed_by=closed_by, now_ms=now, tags=tags or [])  # type: ignore[arg-type]
    await _emit_closing(db, room)
    await inquiry_store.delete_by_room(db, room["_id"])
    await subscription_store.delete_room_subscriptions(db, room["_id"])
    requested = bool(room.get("transcriptRequest")) or (
        not values["Livechat_enable_transcript"] and bool(values["Livechat_transcript_send_always"])
    )
    extra: MessageFields = {"transcriptRequested": requested}
    if closer == "visitor" and visitor is not None:
        extra["token"] = visitor["token"]
    await do_system_message(db, room, "livechat-close", comment, closed_by, now, **extra)
    if values["Livechat_enable_transcript"] and not values["Livechat_transcript_send_always"]:
        await do_system_message(db, room, "command", "promptTranscript", closed_by, now, notify=False)
    room.pop("transcriptRequest", None)
    await room_store.save_room(db, room)
    if transcript is None and wanted is None and requested:
        wanted = await _send_always(db, room)
    if wanted is not None and wanted != NO_TRANSCRIPT:
        owner = visitor or await visitor_store.get_by_id(db, room["v"]["_id"])
        if owner is not None:
            by: UserRef = {"_id": wanted["requestedBy"]["_id"], "username": wanted["requestedBy"]["username"]}
            await do_send_transcript(db, room, owner, wanted["email"], wanted["subject"], by, now)
    await routing.do_dispatch_waiting(db, now)


async def _send_always(db: AsyncSession, room: RoomDoc) -> TranscriptRequest | None:
    """Livechat_transcript_send_always: to the visitor's address, on behalf of the serving agent."""
    visitor = await visitor_store.get_by_id(db, room["v"]["_id"])
    emails = (visitor.get("visitorEmails") if visitor is not None else None) or []
    served = room.get("servedBy")
    if not emails or served is None:
        return None
    subject = str(await settings_service.get_value(db, "Livechat_transcript_email_subject") or "")
    return {
        "requestedAt": served["ts"],
        "requestedBy": {"_id": served["_id"], "username": served["username"]},
        "email": emails[0]["address"],
        "subject": subject,
    }


async def _emit_closing(db: AsyncSession, room: RoomDoc) -> None:
    """Before the subscriptions go: each agent loses the room; a closed queued chat moves the queue."""
    subscriptions = tuple(await subscription_store.room_subscriptions(db, room["_id"]))
    inquiry = await inquiry_store.get_by_room(db, room["_id"])
    queued = dict(inquiry) if inquiry is not None and inquiry.get("status") == "queued" else None
    emit(db, ChatClosing(room, subscriptions, queued))  # type: ignore[arg-type]
    if queued is not None:
        await announce_queue(db, exclude=room["_id"])


async def check_close_by_visitor(db: AsyncSession, token: Any, rid: Any, now: int) -> str:
    """livechat/room.close: the visitor ends their own chat."""
    visitor = await access_visitor(db, token)
    if not await settings_service.get_value(db, "Omnichannel_allow_visitors_to_close_conversation"):
        raise PlainError("error-not-allowed-to-close-conversation")
    room = await access_visitor_room(db, visitor, rid, lock=False)
    if room.get("open") is not True:
        raise PlainError("room-closed")
    room = await _lock_for_close(db, room, force=False)
    comment = "Closed by visitor"
    author = author_of_visitor(visitor)
    await do_close(db, room, now, closer="visitor", closed_by=author, comment=comment, visitor=visitor)
    return comment


async def check_close_by_user(
    db: AsyncSession,
    user: User,
    rid: str,
    comment: str | None,
    tags: list[str] | None,
    transcript_email: JsonObject | None,
    force_close: bool,
    now: int,
) -> None:
    """livechat/room.closeByUser."""
    await check_permission(db, user, "close-livechat-room")
    room = await room_store.get_room(db, rid)
    if room is None:
        raise PlainError("error-invalid-room")
    subscribed = await subscription_store.get_subscription(db, rid, user.id) is not None
    if not subscribed and not await has_permission(db, user, "close-others-livechat-room"):
        raise PlainError("error-not-authorized")
    force = force_close and bool(
        await settings_service.get_value(db, "Omnichannel_allow_force_close_conversations")
    )
    if not force and room.get("open") is not True:
        raise PlainError("error-room-already-closed")
    room = await _lock_for_close(db, room, force)
    text = (comment or "").strip()
    if not text and await settings_service.get_value(
        db, "Livechat_request_comment_when_closing_conversation"
    ):
        raise PlainError("error-comment-is-required")
    all_tags = await _closing_tags(db, room, list(tags or []))
    transcript: TranscriptChoice = None
    if transcript_email is not None:  # the close's own choice wins over an earlier request
        data = transcript_email.get("requestData") or {}
        transcript = NO_TRANSCRIPT
        if transcript_email.get("sendToVisitor") and data:
            if not is_address(str(data["email"]).strip()):
                raise PlainError("error-invalid-email")
            transcript = {
                "requestedAt": iso(now),
                "requestedBy": {"_id": user.id, "username": user.username, "name": user.name},
                "email": str(data["email"]).strip(),
                "subject": data["subject"],
            }
    author = author_of_user(user)
    await do_close(
        db, room, now, closer="user", closed_by=author, comment=text, tags=all_tags, transcript=transcript
    )
