"""POST /api/v1/login, POST|GET /api/v1/logout."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from frontdesk.api.deps import Body, CurrentUser, Db, database
from frontdesk.api.rate_limit import client_address, rate_limit, rate_windows
from frontdesk.api.wire import me_doc
from frontdesk.errors import json_response
from frontdesk.services import auth
from frontdesk.services import login as login_service

router = APIRouter()

# For the API documentation only: services/login.py reads the body as Rocket.Chat's login method does.
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


# Rocket.Chat's default REST limit, which its login route has: 10 calls a minute per client address
# (API_Enable_Rate_Limiter_Limit_Calls_Default / _Time_Default).
LOGIN_CALLS = (10, 60.0)


@router.post(
    "/login", dependencies=[Depends(rate_limit(*LOGIN_CALLS))], openapi_extra={"requestBody": LOGIN_BODY}
)
async def login(request: Request, body: Body) -> Response:
    # no request transaction (no Db): the service checks the password outside any write transaction
    now = request.app.state.clock.now_ms()
    result = await login_service.login(
        database(request), body, now, windows=rate_windows(request), address=client_address(request)
    )
    # Rocket.Chat's login answer has `status`, not `success`.
    data = {"userId": result.user.id, "authToken": result.token, "me": me_doc(result.user)}
    return json_response({"status": "success", "data": data})


@router.get("/logout", operation_id="logout_get")
@router.post("/logout", operation_id="logout_post")
async def logout(request: Request, user: CurrentUser, db: Db) -> Response:
    await auth.logout(db, request.headers.get("x-auth-token", ""))
    return json_response({"status": "success", "data": {"message": "You've been logged out!"}})
