"""What an agent reads of a room's past: its messages (loadHistory, livechat/:rid/messages), the pages its
visitor saw (visitors.pagesVisited) and the visitor's other chats (visitors.chatHistory)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.clock import parse_iso
from frontdesk.documents import LoadedHistory, MessageDoc, RoomDoc
from frontdesk.errors import MeteorError, PlainError
from frontdesk.models.users import User
from frontdesk.services.pagination import ListPage, ListQuery, read_list_query
from frontdesk.services.permissions import has_permission
from frontdesk.services.room_access import can_access
from frontdesk.services.room_params import Paging
from frontdesk.store import messages as message_store
from frontdesk.store import rooms as room_store
from frontdesk.store.room_reads import rooms_of_visitor

HISTORY_MAX = 100  # loadHistory's limit is capped, so one call cannot read a whole room
NAVIGATION = ("livechat_navigation_history",)
NEWEST_FIRST = [("ts", -1)]


def _ms(value: Any) -> int | None:
    """A loadHistory date: an EJSON `$date` reaches here as our ISO string; null means none."""
    if value is None:
        return None
    parsed = parse_iso(value) if isinstance(value, str) else None
    if parsed is None:
        raise MeteorError("400", "Match failed")
    return parsed


def _newest_first(sort: list[tuple[str, int]]) -> bool:
    """These lists are in time order: the first sort key's direction says which way."""
    return not sort or sort[0][1] < 0


async def _readable_room(db: AsyncSession, user: User, rid: Any) -> RoomDoc | None:
    if not isinstance(rid, str) or not rid:
        return None
    room = await room_store.get_room(db, rid)
    if room is None or not await can_access(db, user, room):
        return None
    return room


async def check_load_history(
    db: AsyncSession, user: User, rid: Any, end: Any, limit: Any, ls: Any
) -> LoadedHistory | bool:
    """loadHistory [rid, end, limit, ls]: messages older than `end`, newest first; false when not readable
    (Rocket.Chat answers `false`, not an error, for a room the user may not see)."""
    if limit is None:
        limit = 20
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0:
        raise MeteorError("400", "Match failed")
    before = _ms(end)
    _ms(ls)
    room = await _readable_room(db, user, rid)
    if room is None:
        return False
    messages = await message_store.history(
        db, room["_id"], before=before, after=None, offset=0, limit=min(limit, HISTORY_MAX)
    )
    return {"messages": messages}


async def _messages_page(
    db: AsyncSession,
    rid: str,
    kinds: tuple[str, ...] | None,
    search: str | None,
    sort: list[tuple[str, int]],
    paging: Paging,
) -> ListPage[MessageDoc]:
    """A ListPage of the room's messages (chat ones, or of the given kinds) in the sort's time order."""
    rows, total = await message_store.messages_page(
        db,
        rid,
        kinds=kinds,
        search=search,
        newest_first=_newest_first(sort),
        offset=paging.offset,
        limit=paging.count,
    )
    return ListPage(rows, paging.offset, total)


async def check_room_messages(
    db: AsyncSession, user: User, rid: str, search: str | None, query: ListQuery
) -> ListPage[MessageDoc]:
    """GET livechat/:rid/messages: the chat messages (no system ones), optionally matching a search term."""
    if not await has_permission(db, user, "view-l-room"):
        raise MeteorError(
            "error-unauthorized", "User does not have the permissions required for this action", status=403
        )
    paging, sort = await read_list_query(db, query, NEWEST_FIRST)
    room = await room_store.get_room(db, rid)
    if room is None or room.get("t") != "l":
        raise PlainError("invalid-room")
    if not await can_access(db, user, room):
        raise PlainError("not-allowed")
    return await _messages_page(db, rid, None, search, sort, paging)


async def check_pages_visited(
    db: AsyncSession, user: User, rid: str, query: ListQuery
) -> ListPage[MessageDoc]:
    """GET livechat/visitors.pagesVisited/:roomId: the room's navigation messages."""
    paging, sort = await read_list_query(db, query, NEWEST_FIRST)
    room = await room_store.get_room(db, rid)
    if room is None:
        raise PlainError("invalid-room")
    if not await can_access(db, user, room):
        raise PlainError("error-not-allowed")
    return await _messages_page(db, rid, NAVIGATION, None, sort, paging)


async def check_chat_history(
    db: AsyncSession, user: User, rid: str, visitor_id: str, query: ListQuery
) -> ListPage[RoomDoc]:
    """GET livechat/visitors.chatHistory/room/:roomId/visitor/:visitorId: every chat of the visitor, to
    whoever may read the room given (its own visitor's, only)."""
    if not await has_permission(db, user, "view-l-room"):
        raise PlainError("error-not-authorized")
    paging, sort = await read_list_query(db, query, NEWEST_FIRST)
    room = await room_store.get_room(db, rid)
    if room is None:
        raise PlainError("invalid-room")
    if not await can_access(db, user, room) or room["v"]["_id"] != visitor_id:
        raise PlainError("error-not-allowed")
    rows, total = await rooms_of_visitor(db, visitor_id, _newest_first(sort), paging.offset, paging.count)
    return ListPage(rows, paging.offset, total)
