"""Uploads: who may send a file into which room and what becomes of it. The doors stream the bytes to
disk between two short transactions: `access_*` before (may the caller upload here, and what may the
file be), `check_record_*` after (still allowed? then the upload row, and its message, in one commit)."""

from __future__ import annotations

from dataclasses import dataclass, field

import orjson
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import MessageDoc, MessageFields, UploadDoc
from frontdesk.errors import Forbidden, MeteorError, NotFound, Refusal
from frontdesk.models.users import User
from frontdesk.services import settings as settings_service
from frontdesk.services.access import permission_check
from frontdesk.services.chat_messages import (
    author_of_user,
    author_of_visitor,
    build_message,
    check_text,
    do_save_message,
)
from frontdesk.services.file_messages import attachment, file_ref, upload_doc
from frontdesk.services.livechat_messages import access_agent_room, not_before_last
from frontdesk.services.room_access import can_access
from frontdesk.services.upload_policy import UploadPolicy, clean_name
from frontdesk.services.visitors import find_visitor
from frontdesk.store import rooms as room_store
from frontdesk.store import uploads as store

MEDIA_KEPT_MS = 24 * 3600 * 1000  # rooms.media's file waits this long for rooms.mediaConfirm
SETTINGS = [
    "FileUpload_Enabled",
    "Livechat_fileupload_enabled",
    "FileUpload_MaxFileSize",
    "FileUpload_MediaTypeWhiteList",
    "FileUpload_MediaTypeBlackList",
]


@dataclass(frozen=True)
class ReceivedFile:
    """A file the door received whole and staged on disk under `file_id`, with the form's other fields."""

    file_id: str
    name: str
    type: str
    size: int
    fields: dict[str, str] = field(default_factory=dict)


@permission_check
async def access_visitor_upload(db: AsyncSession, token: str | None, rid: str) -> UploadPolicy:
    """livechat/upload/:rid: a visitor's token and their own open room (403 otherwise, as Rocket.Chat)."""
    if not token:
        raise Forbidden()
    values = await settings_service.get_values(db, SETTINGS)
    if not (values["FileUpload_Enabled"] and values["Livechat_fileupload_enabled"]):
        raise Refusal("error-file-upload-disabled")
    visitor = await find_visitor(db, token)
    room = await room_store.get_room(db, rid) if visitor is not None else None
    if room is None or room["v"].get("token") != token or room.get("open") is not True:
        raise Forbidden()
    return UploadPolicy.of(rid, values, widget=True)


async def check_record_visitor_upload(
    db: AsyncSession, token: str | None, rid: str, received: ReceivedFile, now: int
) -> MessageDoc:
    """The visitor's file message (sendFileLivechatMessage): msg, alias, emoji, avatar from the form."""
    await access_visitor_upload(db, token, rid)
    visitor = await find_visitor(db, token or "")
    room = await room_store.get_room(db, rid, for_update=True)
    if visitor is None or room is None or room.get("open") is not True:
        raise Forbidden()
    now = not_before_last(room, now)
    fields = received.fields
    upload = upload_doc(
        received.file_id, rid, received.name, received.type, received.size, now,
        visitor_token=visitor["token"], description=fields.get("description") or None,
    )  # fmt: skip
    await store.insert_upload(db, upload, sent=True)
    extra: MessageFields = {
        "token": visitor["token"],
        "alias": fields.get("alias") or visitor.get("name") or visitor["username"],
        "groupable": False,
        "file": file_ref(upload, detailed=False),
        "files": [file_ref(upload, detailed=False)],
        "attachments": [attachment(upload)],
    }
    for key in ("emoji", "avatar"):
        if fields.get(key):
            extra[key] = fields[key]
    text = await check_text(db, fields.get("msg", ""))
    message = build_message(rid, text, author_of_visitor(visitor), now, **extra)
    await do_save_message(db, room, message, now)
    return message


@permission_check
async def access_agent_upload(db: AsyncSession, user: User, rid: str) -> UploadPolicy:
    """rooms.media / rooms.upload: a room the user may see (403 otherwise)."""
    room = await room_store.get_room(db, rid)
    if room is None or not await can_access(db, user, room):
        raise Forbidden()
    values = await settings_service.get_values(db, SETTINGS)
    if not values["FileUpload_Enabled"]:
        raise MeteorError("error-file-upload-disabled", "File upload is disabled")
    return UploadPolicy.of(rid, values, widget=False)


async def check_record_agent_media(
    db: AsyncSession, user: User, rid: str, received: ReceivedFile, now: int
) -> UploadDoc:
    """rooms.media: the file is kept for a day, waiting for rooms.mediaConfirm to put it in a message."""
    await access_agent_upload(db, user, rid)
    content = received.fields.get("content")
    if content:
        try:
            orjson.loads(content)
        except orjson.JSONDecodeError:
            raise MeteorError("invalid-field-content") from None
    upload = upload_doc(
        received.file_id, rid, received.name, received.type, received.size, now,
        user_id=user.id, expires_at=now + MEDIA_KEPT_MS,
    )  # fmt: skip
    await store.insert_upload(db, upload, sent=False)
    return upload


async def check_confirm_media(
    db: AsyncSession, user: User, rid: str, file_id: str, data: dict[str, str], now: int
) -> MessageDoc:
    """rooms.mediaConfirm/:rid/:fileId: the uploader's kept file, sent as a message into the room."""
    if not await _may_see(db, user, rid):
        raise Forbidden()
    upload = await store.get_upload(db, file_id, for_update=True)
    if upload is None or upload.get("userId") != user.id or upload["rid"] != rid or "expiresAt" not in upload:
        raise MeteorError("invalid-file")
    description = data.get("description")
    limit = int(await settings_service.get_value(db, "Message_MaxAllowedSize"))
    if description and limit > 0 and len(description) > limit:
        raise MeteorError("error-message-size-exceeded")
    renamed = clean_name(data["fileName"]) if data.get("fileName") else upload["name"]
    sent = upload_doc(
        upload["_id"], rid, renamed, upload["type"], upload["size"], now,
        user_id=user.id, description=description or None,
    )  # fmt: skip
    sent["uploadedAt"] = upload["uploadedAt"]
    message = await do_agent_file_message(db, user, rid, sent, data, now)
    await store.mark_sent(db, sent)
    return message


async def check_record_agent_upload(
    db: AsyncSession, user: User, rid: str, received: ReceivedFile, now: int
) -> MessageDoc:
    """rooms.upload/:rid (Rocket.Chat 6's one-step form): the file and its message at once."""
    await access_agent_upload(db, user, rid)
    upload = upload_doc(
        received.file_id, rid, received.name, received.type, received.size, now,
        user_id=user.id, description=received.fields.get("description") or None,
    )  # fmt: skip
    message = await do_agent_file_message(db, user, rid, upload, received.fields, now)
    await store.insert_upload(db, upload, sent=True)
    return message


async def do_agent_file_message(
    db: AsyncSession, user: User, rid: str, upload: UploadDoc, data: dict[str, str], now: int
) -> MessageDoc:
    """sendFileMessage: the agent must be able to write in the open room (as chat.sendMessage)."""
    room = await access_agent_room(db, user, rid)
    if room.get("open") is not True:
        raise MeteorError("error-room-closed", "Room is closed")
    now = not_before_last(room, now)
    extra: MessageFields = {
        "groupable": False,
        "file": file_ref(upload, detailed=True),
        "files": [file_ref(upload, detailed=True)],
        "attachments": [attachment(upload)],
    }
    for key in ("tmid", "alias", "emoji", "avatar"):
        if data.get(key):
            extra[key] = data[key]
    text = await check_text(db, data.get("msg", ""))
    message = build_message(rid, text, author_of_user(user), now, **extra)
    await do_save_message(db, room, message, now)
    return message


async def _may_see(db: AsyncSession, user: User, rid: str) -> bool:
    room = await room_store.get_room(db, rid)
    return room is not None and await can_access(db, user, room)


@permission_check
async def access_file(
    db: AsyncSession, file_id: str, user: User | None, visitor_token: str | None
) -> UploadDoc:
    """A download: the visitor of the file's room (also after it closed), whoever may see the room, or
    the uploader of a file not yet sent. Anyone else: 403, as Rocket.Chat's protected files."""
    upload = await store.get_upload(db, file_id)
    if upload is None:
        raise NotFound()
    room = await room_store.get_room(db, upload["rid"])
    if room is None:
        raise NotFound()
    sent = "expiresAt" not in upload
    if user is not None:
        if upload.get("userId") == user.id or (sent and await can_access(db, user, room)):
            return upload
    elif visitor_token and sent and room["v"].get("token") == visitor_token:
        return upload
    raise Forbidden()
