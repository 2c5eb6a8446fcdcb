"""POST /api/v1/login, POST|GET /api/v1/logout."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from frontdesk.api.deps import Body, CurrentUser, Db, Now
from frontdesk.api.wire import me_doc
from frontdesk.errors import json_response
from frontdesk.services import auth

router = APIRouter()


@router.post("/login")
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
