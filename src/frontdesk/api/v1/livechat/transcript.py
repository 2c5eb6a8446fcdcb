"""Transcripts by mail: POST livechat/transcript (the visitor), POST|DELETE livechat/transcript/:rid (an
agent asks for one when the chat closes, or takes the request back)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends
from starlette.responses import Response

from frontdesk.api.deps import Body, CurrentUser, Db, Now, check_body
from frontdesk.api.rate_limit import rate_limit
from frontdesk.errors import json_response
from frontdesk.services import transcripts

router = APIRouter()

_STR = {"type": "string"}
_EMAIL = {"type": "string", "maxLength": 254}
_SUBJECT = {"type": "string", "maxLength": 1000}
VISITOR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"rid": _STR, "token": _STR, "email": _EMAIL, "subject": _SUBJECT},
    "required": ["rid", "token", "email"],
    "additionalProperties": False,
}
REQUEST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"email": _EMAIL, "subject": _SUBJECT},
    "required": ["email", "subject"],
    "additionalProperties": False,
}


@router.post("/livechat/transcript", dependencies=[Depends(rate_limit(5, 60))])
async def visitor_transcript(body: Body, db: Db, now: Now) -> Response:
    checked = check_body(body, VISITOR_SCHEMA)
    message = await transcripts.check_visitor_transcript(
        db, checked["token"], checked["rid"], checked["email"], checked.get("subject"), now
    )
    return json_response({"message": message, "success": True})


@router.post("/livechat/transcript/{rid}")
async def request_transcript(rid: str, body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    checked = check_body(body, REQUEST_SCHEMA)
    await transcripts.check_request_transcript(db, user, rid, checked["email"], checked["subject"], now)
    return json_response({"success": True})


@router.delete("/livechat/transcript/{rid}")
async def cancel_transcript(rid: str, user: CurrentUser, db: Db, now: Now) -> Response:
    await transcripts.check_cancel_transcript(db, user, rid, now)
    return json_response({"success": True})
