"""Agents' uploads as Rocket.Chat 7 has them: POST rooms.media/:rid (the file, kept a day) then
POST rooms.mediaConfirm/:rid/:fileId (sent as a message); and Rocket.Chat 6's one-step rooms.upload/:rid."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import Response

from frontdesk.api.deps import Body, ClockDep, CurrentUser, DatabaseDep, Db, FileStorageDep, Now, check_body
from frontdesk.api.upload_flow import multipart_body, receive_and_record
from frontdesk.documents import MessageDoc, UploadDoc
from frontdesk.errors import json_response
from frontdesk.models.users import User
from frontdesk.services import uploads
from frontdesk.services.auth import authenticate
from frontdesk.services.upload_policy import UploadPolicy

router = APIRouter()

_STR = {"type": "string"}
CONFIRM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        key: _STR for key in ("msg", "description", "fileName", "tmid", "alias", "emoji", "avatar", "t")
    }
    | {"fileContent": {}, "groupable": {"type": "boolean"}, "customFields": _STR},
    "additionalProperties": False,
}


async def _caller(db: AsyncSession, request: Request) -> User:
    return await authenticate(db, request.headers.get("x-user-id"), request.headers.get("x-auth-token"))


async def _policy(request: Request, database: DatabaseDep, rid: str) -> UploadPolicy:
    """What the caller may upload here, read before the body in a read-only transaction (the caller is
    authenticated again in the transaction that records the file: a token may end meanwhile)."""
    async with database.session(write=False) as db:
        return await uploads.access_agent_upload(db, await _caller(db, request), rid)


LOGGED_IN: list[dict[str, list[str]]] = [
    {"userId": [], "authToken": []}
]  # (checked in the handler: no session while the body streams)


@router.post("/rooms.media/{rid}", openapi_extra={**multipart_body("content"), "security": LOGGED_IN})
async def media(
    rid: str, request: Request, database: DatabaseDep, storage: FileStorageDep, clock: ClockDep
) -> Response:
    policy = await _policy(request, database, rid)

    async def record(db: AsyncSession, received: uploads.ReceivedFile, now: int) -> UploadDoc:
        return await uploads.check_record_agent_media(db, await _caller(db, request), rid, received, now)

    upload = await receive_and_record(request, database, storage, clock, policy, record)
    return json_response({"file": {"_id": upload["_id"], "url": upload["url"]}, "success": True})


@router.post("/rooms.mediaConfirm/{rid}/{file_id}")
async def media_confirm(rid: str, file_id: str, body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, CONFIRM_SCHEMA)
    data = {k: v for k, v in checked.items() if isinstance(v, str)}
    message = await uploads.check_confirm_media(db, user, rid, file_id, data, now)
    return json_response({"message": message, "success": True})


@router.post(
    "/rooms.upload/{rid}",
    openapi_extra={
        **multipart_body("description", "msg", "tmid", "alias", "emoji", "avatar"),
        "security": LOGGED_IN,
    },
)
async def upload(
    rid: str, request: Request, database: DatabaseDep, storage: FileStorageDep, clock: ClockDep
) -> Response:
    policy = await _policy(request, database, rid)

    async def record(db: AsyncSession, received: uploads.ReceivedFile, now: int) -> MessageDoc:
        return await uploads.check_record_agent_upload(db, await _caller(db, request), rid, received, now)

    message = await receive_and_record(request, database, storage, clock, policy, record)
    return json_response({"message": message, "success": True})
