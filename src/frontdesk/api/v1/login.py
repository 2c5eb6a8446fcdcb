"""POST /api/v1/login, POST|GET /api/v1/logout."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from frontdesk.api.deps import Body, CurrentUser, Db, Now
from frontdesk.api.wire import me_doc
from frontdesk.errors import json_response
from frontdesk.services import auth

router = APIRouter()

# For the API documentation only: services/auth.py reads the body as Rocket.Chat's login method does.
_STR = {"type": "string"}
LOGIN_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {
                    "user": {**_STR, "description": "username or email"},
                    "username": _STR,
                    "email": _STR,
                    "password": {
                        "description": "plain text, or its SHA-256 digest as Meteor clients send it",
                        "oneOf": [
                            _STR,
                            {
                                "type": "object",
                                "properties": {"digest": _STR, "algorithm": {"const": "sha-256"}},
                                "required": ["digest", "algorithm"],
                            },
                        ],
                    },
                    "resume": {**_STR, "description": "an authToken: log in again with it"},
                },
            },
            "example": {"user": "admin", "password": "your password"},
        }
    },
}


@router.post("/login", openapi_extra={"requestBody": LOGIN_BODY})
async def login(body: Body, db: Db, now: Now) -> Response:
    result = await auth.login(db, body, now)
    # Rocket.Chat's login answer has `status`, not `success`.
    data = {"userId": result.user.id, "authToken": result.token, "me": me_doc(result.user)}
    return json_response({"status": "success", "data": data})


@router.get("/logout", operation_id="logout_get")
@router.post("/logout", operation_id="logout_post")
async def logout(request: Request, user: CurrentUser, db: Db) -> Response:
    await auth.logout(db, request.headers.get("x-auth-token", ""))
    return json_response({"status": "success", "data": {"message": "You've been logged out!"}})
