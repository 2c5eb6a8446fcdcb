"""POST livechat/upload/:rid: a visitor sends a file into their open room (header `x-visitor-token`)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from frontdesk.api.deps import ClockDep, DatabaseDep, FileStorageDep
from frontdesk.api.rate_limit import rate_limit
from frontdesk.api.upload_flow import multipart_body, receive_and_record
from frontdesk.errors import json_response
from frontdesk.services import uploads

router = APIRouter()


VISITOR_TOKEN = {"name": "x-visitor-token", "in": "header", "required": True, "schema": {"type": "string"}}


@router.post(
    "/livechat/upload/{rid}",
    dependencies=[Depends(rate_limit(5, 10))],
    openapi_extra={
        **multipart_body("description", "msg", "alias", "emoji", "avatar"),
        "parameters": [VISITOR_TOKEN],
    },
)
async def visitor_upload(
    rid: str, request: Request, database: DatabaseDep, storage: FileStorageDep, clock: ClockDep
) -> Response:
    token = request.headers.get("x-visitor-token")
    async with database.session(write=False) as db:
        policy = await uploads.access_visitor_upload(db, token, rid)
    message = await receive_and_record(
        request,
        database,
        storage,
        clock,
        policy,
        lambda db, received, now: uploads.check_record_visitor_upload(db, token, rid, received, now),
    )
    # sendMessageLivechat's answer: the message, with newRoom and showConnecting beside it
    return json_response({**message, "newRoom": False, "showConnecting": False, "success": True})
