"""POST chat.sendMessage: an agent or manager writes in a livechat room."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from frontdesk.api.deps import Body, CurrentUser, Db, Now, check_body, locks_late
from frontdesk.errors import json_response
from frontdesk.services import livechat_messages

router = APIRouter()

_STR = {"type": "string"}
_NSTR = {"type": "string", "nullable": True}
SEND_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "message": {
            "type": "object",
            "properties": {
                "_id": _NSTR,
                "rid": _STR,
                "tmid": _NSTR,
                "msg": _NSTR,
                "alias": _NSTR,
                "emoji": _NSTR,
                "tshow": {"type": "boolean", "nullable": True},
                "avatar": _NSTR,
                "attachments": {"type": "array", "items": {"type": "object"}, "nullable": True},
                "blocks": {"type": "array", "items": {"type": "object"}, "nullable": True},
                "customFields": {"type": "object", "nullable": True},
            },
            "required": ["rid"],
            "additionalProperties": False,
        },
        "previewUrls": {"type": "array", "items": _STR, "nullable": True},
    },
    "required": ["message"],
    "additionalProperties": False,
}
EXTRA_KEYS = ("tmid", "alias", "emoji", "avatar", "attachments", "customFields")


@router.post("/chat.sendMessage")
@locks_late  # the text is parsed before the room (and SQLite's write lock) is taken
async def send_message(body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    message = check_body(body, SEND_SCHEMA)["message"]
    extra = {k: message[k] for k in EXTRA_KEYS if message.get(k) is not None}
    if message.get("tshow") is not None:
        extra["tshow"] = message["tshow"]
    sent = await livechat_messages.check_agent_message(
        db, user, message["rid"], message.get("msg") or "", message.get("_id") or None, now, **extra
    )
    return json_response({"message": sent, "success": True})
