"""GET /api/v1/livechat/rooms.export: every room GET livechat/rooms would list for the same query, as a
streamed CSV (api/room_csv.py), read a bounded batch per short transaction (store/room_export.py)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from frontdesk.api import room_csv
from frontdesk.api.deps import database, query_params
from frontdesk.clock import iso
from frontdesk.db.engine import Database
from frontdesk.services import room_export, room_listing
from frontdesk.services.auth import authenticate
from frontdesk.services.room_export import Cursor, Export, ExportRow

router = APIRouter()


@router.get(
    "/livechat/rooms.export",
    summary="Export livechat rooms as CSV",
    description="The query and permission of GET livechat/rooms; every match (paging and `fields` do not "
    "apply) in its sort order, one CSV row per room. Cells that would start a spreadsheet formula "
    "(=, +, -, @, tab, CR) are prefixed with a single quote.",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
)
async def export_rooms(request: Request) -> Response:
    db = database(request)
    async with db.session(write=False) as session:
        user = await authenticate(
            session, request.headers.get("x-user-id"), request.headers.get("x-auth-token")
        )
        query = query_params(request, room_listing.query_schema())
        export = await room_export.check_export(
            session, user, query, room_csv.ROOM_PATHS, room_csv.VISITOR_PATHS
        )
    name = "rooms-" + iso(request.app.state.clock.now_ms())[:19].replace(":", "-") + ".csv"
    return StreamingResponse(
        _csv(db, export),
        media_type="text/csv; charset=utf-8; header=present",
        headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"},
    )


async def _csv(db: Database, export: Export) -> AsyncIterator[bytes]:
    yield room_csv.lines([room_csv.header(export.custom_fields)])
    cursor: Cursor | None = None
    while True:
        rows, cursor = await _read(db, export, cursor)
        if rows:
            # tens of ms of Python per batch: in a thread, so the loop keeps serving other requests. Not
            # while the next batch is read: sqlite3 takes the GIL back after every row it steps, and each
            # time waits out the render's switch interval (5 ms), which made reading the slow part
            yield await asyncio.to_thread(_render, rows, export)
        if cursor is None:
            return


async def _read(db: Database, export: Export, cursor: Cursor | None) -> tuple[list[ExportRow], Cursor | None]:
    # one short read per batch: no transaction stays open while the client reads
    async with db.session(write=False) as session:
        return await room_export.read_batch(session, export, cursor)


def _render(rows: list[ExportRow], export: Export) -> bytes:
    return room_csv.export_lines(rows, export.custom_fields)
