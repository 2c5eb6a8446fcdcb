"""GET /api/v1/me."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from frontdesk.api.deps import CurrentUser
from frontdesk.api.wire import me_doc
from frontdesk.errors import json_response

router = APIRouter()


@router.get("/me")
async def me(user: CurrentUser) -> Response:
    return json_response({**me_doc(user), "success": True})
