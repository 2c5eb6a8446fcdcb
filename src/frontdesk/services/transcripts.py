"""Chat transcripts by mail: the visitor asks (livechat/transcript), an agent asks for one at close
(livechat/transcript/:rid) or sends one (livechat:sendTranscript). The mail lists the messages with
their authors' names and times and goes through the outbox, in the transaction that asked for it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.clock import iso, parse_iso
from frontdesk.documents import (
    MailDoc,
    MessageDoc,
    RoomDoc,
    TranscriptRequest,
    TranscriptRequestData,
    UserRef,
    VisitorDoc,
)
from frontdesk.errors import MeteorError, PlainError
from frontdesk.models.users import User
from frontdesk.services import settings as settings_service
from frontdesk.services.access import permission_check
from frontdesk.services.chat_messages import author_of_user, do_system_message
from frontdesk.services.mail import do_queue_mail, html_text, is_address, one_line
from frontdesk.services.permissions import check_permission, has_permission
from frontdesk.services.room_access import can_access
from frontdesk.store import messages as message_store
from frontdesk.store import rooms as room_store
from frontdesk.store import visitors as visitor_store

DEFAULT_SUBJECT = "Transcript of your livechat conversation"
SENT = "Livechat transcript sent"
# System messages a transcript leaves out (Rocket.Chat's list; other system messages are left out too).
MAX_MESSAGES = 5000  # a longer chat's transcript holds its last 5,000 messages,
MAX_TEXT = 1_000_000  # or as many of the last as fit in this much text (mail servers refuse huge mail)
ROCKET_CAT: UserRef = {"_id": "rocket.cat", "username": "rocket.cat", "name": "Rocket.Cat"}


def _when(ts: str) -> str:
    ms = parse_iso(ts) or 0
    return datetime.fromtimestamp(ms / 1000, tz=UTC).strftime("%B %-d, %Y %-I:%M %p UTC")


def _content(message: MessageDoc) -> tuple[str, list[str]]:
    """The text, and the names of the files the message carries."""
    attachments = message.get("attachments") or []
    files = [str(a.get("title") or "") for a in attachments if a.get("type") == "file"]
    text = str(attachments[0].get("description") or "") if attachments else message["msg"]
    return text, [f for f in files if f]


def transcript_mail(
    messages: list[MessageDoc], visitor: VisitorDoc, show_agent: bool, email: str, subject: str
) -> MailDoc:
    html, text = ["<div><hr>"], []
    for message in messages:
        if message["u"]["_id"] == visitor["_id"]:
            author = "You"
        else:
            author = (message["u"].get("name") or message["u"]["username"]) if show_agent else "Agent"
        body, files = _content(message)
        when = _when(message["ts"])
        html.append(f"<p><strong>{html_text(author)}</strong>  <em>{when}</em></p><p>{html_text(body)}</p>")
        text.append(f"{author}  {when}\n{body}")
        for name in files:
            html.append(f"<p>📎 {html_text(name)}</p>")
            text.append(f"[file: {name}]")
    html.append("</div>")
    body = "\n\n".join(text) + "\n"
    return {"to": [email], "subject": one_line(subject), "html": "\n".join(html), "text": body}


async def do_send_transcript(
    db: AsyncSession,
    room: RoomDoc,
    visitor: VisitorDoc,
    email: str,
    subject: str | None,
    requested_by: UserRef | None,
    now: int,
) -> None:
    """Queue the transcript mail and note it in the room (`livechat_transcript_history`)."""
    values = await settings_service.get_values(
        db, ["Livechat_show_agent_info", "Livechat_transcript_email_subject"]
    )
    closed_at = parse_iso(room["closedAt"]) if room.get("closedAt") else None
    # up to the close (messages in its very millisecond too: the close is stamped after them)
    before = closed_at + 1 if closed_at is not None else None
    found = await message_store.history(
        db, room["_id"], before=before, after=None, offset=0, limit=MAX_MESSAGES
    )
    chat: list[MessageDoc] = []
    size = 0
    for message in found:  # newest first: keep the end of a very long chat
        if message.get("t"):
            continue
        size += len(message["msg"]) + 100
        if size > MAX_TEXT:
            break
        chat.append(message)
    chat.reverse()
    title = subject or str(values["Livechat_transcript_email_subject"] or "") or DEFAULT_SUBJECT
    mail = transcript_mail(chat, visitor, bool(values["Livechat_show_agent_info"]), email, title)
    await do_queue_mail(db, "transcript", mail, now)
    request: TranscriptRequestData = {
        "type": "user" if requested_by else "visitor",
        "visitor": {"_id": visitor["_id"], "username": visitor["username"], "name": visitor.get("name")},
        "user": requested_by or ROCKET_CAT,
    }
    await do_system_message(
        db,
        room,
        "livechat_transcript_history",
        "",
        requested_by or ROCKET_CAT,
        now,
        notify=False,
        requestData=request,
    )
    await room_store.save_room(db, room)


@permission_check
async def access_transcript_room(db: AsyncSession, token: Any, rid: Any) -> tuple[RoomDoc, VisitorDoc]:
    """sendTranscript's checks: the token's visitor, and a livechat room of theirs."""
    visitor = await visitor_store.get_by_token(db, token) if isinstance(token, str) and token else None
    if visitor is None or visitor.get("disabled"):
        raise PlainError("error-invalid-token")
    room = await room_store.get_room(db, rid, for_update=True) if isinstance(rid, str) and rid else None
    if room is None or room.get("t") != "l" or room["v"].get("token") != token:
        raise PlainError("error-invalid-room")
    return room, visitor


def _checked_email(email: Any) -> str:
    if not isinstance(email, str) or not is_address(email.strip()):
        raise PlainError("error-invalid-email")
    return email.strip()


async def check_visitor_transcript(
    db: AsyncSession, token: Any, rid: Any, email: Any, subject: Any, now: int
) -> str:
    """POST livechat/transcript: the visitor's own chat, mailed where they ask (when the widget offers it,
    Livechat_enable_transcript)."""
    room, visitor = await access_transcript_room(db, token, rid)
    if not await settings_service.get_value(db, "Livechat_enable_transcript"):
        raise PlainError("error-transcript-not-enabled")
    await do_send_transcript(db, room, visitor, _checked_email(email), subject or None, None, now)
    return SENT


async def check_send_transcript(
    db: AsyncSession, user: User, token: Any, rid: Any, email: Any, subject: Any, now: int
) -> bool:
    """livechat:sendTranscript: an agent mails a chat's transcript (send-omnichannel-chat-transcript)."""
    if not await has_permission(db, user, "send-omnichannel-chat-transcript"):
        raise MeteorError("error-not-allowed", "Not allowed")
    if not isinstance(rid, str) or await room_store.get_room(db, rid) is None:
        raise MeteorError("error-invalid-room", "Invalid room")
    room, visitor = await access_transcript_room(db, token, rid)
    await do_send_transcript(
        db, room, visitor, _checked_email(email), subject or None, author_of_user(user), now
    )
    return True


async def check_request_transcript(
    db: AsyncSession, user: User, rid: str, email: str, subject: str, now: int
) -> None:
    """POST livechat/transcript/:rid: mail the transcript to `email` when the chat closes."""
    await check_permission(db, user, "send-omnichannel-chat-transcript")
    room = await room_store.get_room(db, rid, for_update=True)
    if room is None or room.get("open") is not True:
        raise MeteorError("error-invalid-room", "Invalid room")
    if not await can_access(db, user, room):
        raise MeteorError("error-not-allowed", "Not allowed")
    if room.get("transcriptRequest"):
        raise MeteorError("error-transcript-already-requested", "Transcript already requested")
    request: TranscriptRequest = {
        "requestedAt": iso(now),
        "requestedBy": {"_id": user.id, "username": user.username, "name": user.name, "utcOffset": 0},
        "email": _checked_email(email),
        "subject": subject,
    }
    room["transcriptRequest"] = request
    room["_updatedAt"] = iso(now)
    await room_store.save_room(db, room)


async def check_cancel_transcript(db: AsyncSession, user: User, rid: str, now: int) -> None:
    """DELETE livechat/transcript/:rid: no transcript at close after all."""
    await check_permission(db, user, "send-omnichannel-chat-transcript")
    room = await room_store.get_room(db, rid, for_update=True)
    if room is None or room.get("open") is not True:
        raise PlainError("error-invalid-room")
    if not room.get("transcriptRequest"):
        raise PlainError("error-transcript-not-requested")
    room.pop("transcriptRequest", None)
    room["_updatedAt"] = iso(now)
    await room_store.save_room(db, room)
