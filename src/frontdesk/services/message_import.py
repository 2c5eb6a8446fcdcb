"""POST livechat/messages: messages a visitor wrote elsewhere, written into their open room (a new one,
routed as usual, if they have none; the visitor too, if the token is new)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import ImportedMessage, RoomSource
from frontdesk.errors import PlainError
from frontdesk.models.users import User
from frontdesk.services.chat_messages import author_of_visitor, build_message, check_text, do_save_message
from frontdesk.services.livechat_messages import not_before_last
from frontdesk.services.livechat_rooms import check_open_room
from frontdesk.services.permissions import check_permission
from frontdesk.services.visitors import check_register_visitor, find_visitor
from frontdesk.store import rooms as room_store

MAX_MESSAGES = 100  # one request's batch


async def check_import_messages(
    db: AsyncSession, user: User, token: str, texts: list[str], source: RoomSource, now: int
) -> list[ImportedMessage]:
    """Managers only (view-livechat-manager, as Rocket.Chat 6 asked: 7 asks only for a login)."""
    await check_permission(db, user, "view-livechat-manager")
    texts = [await check_text(db, t) for t in texts]
    visitor = await find_visitor(db, token) or await check_register_visitor(db, {"token": token}, now)
    found, _ = await check_open_room(db, token, now, source=source)
    room = await room_store.get_room(db, found["_id"], for_update=True)
    if room is None:
        raise PlainError("error-invalid-room")
    author = author_of_visitor(visitor)
    alias = visitor.get("name") or visitor["username"]
    written: list[ImportedMessage] = []
    now = not_before_last(room, now)
    for n, text in enumerate(texts):
        # one millisecond apart, so the batch keeps its order (at most MAX_MESSAGES ms ahead of the clock)
        message = build_message(room["_id"], text, author, now + n, token=token, alias=alias)
        await do_save_message(db, room, message, now + n)
        written.append({"username": visitor["username"], "msg": message["msg"], "ts": message["ts"]})
    return written
