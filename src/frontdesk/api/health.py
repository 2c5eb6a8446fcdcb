"""GET /livez (the process answers) and GET /readyz (it can serve: database, migrations, Redis), as
Rocket.Chat names them; GET /health is Rocket.Chat's older name for /livez."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from frontdesk.errors import json_response
from frontdesk.ops.readiness import readiness

router = APIRouter(tags=["operations"])
NO_CACHE = {"Cache-Control": "no-cache, no-store, must-revalidate", "Pragma": "no-cache", "Expires": "0"}


def _answer(body: dict[str, object], status: int = 200) -> Response:
    response = json_response(body, status)
    response.headers.update(NO_CACHE)
    return response


@router.get("/livez", summary="Liveness: the process is up")
async def livez() -> Response:
    return _answer({"status": "ok"})


@router.get("/health", summary="Liveness (Rocket.Chat's older name for /livez)", include_in_schema=False)
async def health() -> Response:
    return _answer({"status": "ok"})


@router.get("/readyz", summary="Readiness: database reachable, migrations current, Redis reachable if set")
async def readyz(request: Request) -> Response:
    ready, checks = await readiness(request.app.state.db, request.app.state.settings.REDIS_URL)
    return _answer({"status": "ok" if ready else "unavailable", "checks": checks}, 200 if ready else 503)
