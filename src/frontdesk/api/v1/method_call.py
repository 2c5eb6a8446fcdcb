"""POST method.call/:method and method.callAnon/:method: a DDP method over REST, answered in EJSON."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from frontdesk import ejson
from frontdesk.api.deps import Body, CurrentUser, Db, Now, check_body
from frontdesk.errors import FrontdeskError, MeteorError, json_response
from frontdesk.models.users import User
from frontdesk.services import methods

router = APIRouter()

CALL_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"message": {"type": "string"}},
    "required": ["message"],
    "additionalProperties": False,
}


def error_of(exc: FrontdeskError, method: str | None) -> dict[str, Any]:
    """A refusal as the Meteor.Error a DDP client reads (`error`, `reason`, `message`)."""
    if isinstance(exc, MeteorError):
        details = exc.details if exc.details is not None else ({"method": method} if method else None)
        if exc.code.isdigit():
            details = exc.details
        return ejson.error_object(exc.code, exc.reason, details)
    return ejson.error_object(exc.error, exc.error, {"method": method} if method else None)


async def _call(db: Db, user: User | None, body: dict[str, Any], now: int) -> Response:
    text = check_body(body, CALL_SCHEMA)["message"]
    frame_id: Any = None
    name: str | None = None
    try:
        frame_id, name, params = ejson.method_frame(text)
        result = await methods.call(db, user, name, params, now)
        message = ejson.result_frame(frame_id, result)
    except ejson.EJSONError:
        message = ejson.error_frame(frame_id, ejson.error_object("400", "Match failed"))
    except FrontdeskError as exc:
        message = ejson.error_frame(frame_id, error_of(exc, name))
    return json_response({"message": message, "success": True})


@router.post("/method.call/{method}")
async def call(method: str, body: Body, user: CurrentUser, db: Db, now: Now) -> Response:
    return await _call(db, user, body, now)


@router.post("/method.callAnon/{method}")
async def call_anon(method: str, body: Body, db: Db, now: Now) -> Response:
    return await _call(db, None, body, now)
