"""An upload's two short transactions around its body: the caller's right and the file's limits first,
then, with the file whole on disk, the record of it; the file goes into place once that commits."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request

from frontdesk.api.multipart import receive_file
from frontdesk.clock import Clock
from frontdesk.db.engine import Database
from frontdesk.file_storage import FileStorage
from frontdesk.services.upload_policy import UploadPolicy
from frontdesk.services.uploads import ReceivedFile

log = logging.getLogger("frontdesk.files")


def multipart_body(*fields: str) -> dict[str, Any]:
    """The OpenAPI request body of an upload route: the `file` part and the form's text fields."""
    properties: dict[str, Any] = {"file": {"type": "string", "format": "binary"}}
    properties.update({name: {"type": "string"} for name in fields})
    schema = {"type": "object", "properties": properties, "required": ["file"]}
    return {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": schema}}}}


T = TypeVar("T")

Record = Callable[[AsyncSession, ReceivedFile, int], Awaitable[T]]


async def receive_and_record(
    request: Request,
    database: Database,
    storage: FileStorage,
    clock: Clock,
    policy: UploadPolicy,
    record: Record[T],
) -> T:
    received = await receive_file(request, storage, policy)
    try:
        async with database.session() as db:
            result = await record(db, received, clock.now_ms())
    except BaseException:
        await storage.discard(received.file_id)
        raise
    try:
        await storage.promote(received.file_id)
    except OSError:  # the row is committed: the next start's recovery puts the file in place
        log.exception("could not move upload %s into place", received.file_id)
    return result
