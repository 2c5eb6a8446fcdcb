"""GET channels.files for a livechat room: the files its messages carry, newest first (what Rocket.Chat's
room Files tab asks for livechat rooms)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import UploadDoc
from frontdesk.errors import MeteorError
from frontdesk.models.users import User
from frontdesk.services.pagination import ListPage, ListQuery, read_list_query
from frontdesk.services.room_access import access_channel
from frontdesk.store import uploads as store
from frontdesk.store import users as user_store


async def check_room_files(
    db: AsyncSession,
    user: User,
    room_id: str | None,
    name: str | None,
    type_group: str | None,
    query: ListQuery,
) -> ListPage[UploadDoc]:
    room = await access_channel(db, user, room_id)
    paging, sort = await read_list_query(db, query, [("uploadedAt", -1)])
    if [key for key, _ in sort] != ["uploadedAt"]:
        raise MeteorError("error-invalid-sort", "Files sort by uploadedAt only")
    docs, total = await store.room_files_page(
        db,
        room["_id"],
        name=name or None,
        type_group=type_group or None,
        newest_first=sort[0][1] < 0,
        offset=paging.offset,
        limit=paging.count,
    )
    for doc in docs:
        uploader = await user_store.get_user(db, doc["userId"]) if doc.get("userId") else None
        if uploader is not None:
            doc["user"] = {"_id": uploader.id, "username": uploader.username, "name": uploader.name}
    return ListPage(docs, paging.offset, total)
