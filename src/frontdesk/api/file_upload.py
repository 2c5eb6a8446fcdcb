"""GET /file-upload/:id/:name: an uploaded file, to whoever may have it (services.uploads.access_file).

Who asks: an agent by `X-User-Id`/`X-Auth-Token`, or the `rc_uid`/`rc_token` cookies or query parameters
(what an <img> can carry); a visitor by `rc_token` (their token) with `rc_room_type=l`, as the widget
sets them. Files are served as stored, never sniffed; only media, PDF and text show inline.
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Request
from starlette.responses import FileResponse, Response

from frontdesk.api.deps import Db, FileStorageDep
from frontdesk.errors import FrontdeskError
from frontdesk.models.users import User
from frontdesk.services.auth import authenticate
from frontdesk.services.uploads import access_file

router = APIRouter(include_in_schema=False)

INLINE = ("image/", "audio/", "video/", "application/pdf", "text/plain")
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; media-src 'self'; sandbox",
    "Cache-Control": "private, max-age=3600",
}


def _credential(request: Request, header: str, name: str) -> str | None:
    return request.headers.get(header) or request.cookies.get(name) or request.query_params.get(name)


@router.get("/file-upload/{file_id}/{name:path}")
async def download(file_id: str, name: str, request: Request, db: Db, storage: FileStorageDep) -> Response:
    uid = _credential(request, "x-user-id", "rc_uid")
    user: User | None = None
    token = _credential(request, "x-auth-token", "rc_token")
    try:
        if uid:
            user = await authenticate(db, uid, token)
        upload = await access_file(db, file_id, user, None if uid else token)
    except FrontdeskError as exc:  # an image tag reads no JSON: the status says it all
        return Response(status_code=401 if exc.status == 401 else exc.status)
    if not storage.exists(file_id):
        return Response(status_code=404)
    inline = upload["type"].startswith(INLINE)
    disposition = "inline" if inline and "download" not in request.query_params else "attachment"
    headers = {
        **SECURITY_HEADERS,
        "Content-Disposition": f"{disposition}; filename*=UTF-8''{quote(upload['name'], safe='')}",
    }
    return FileResponse(storage.path(file_id), media_type=upload["type"], headers=headers)
