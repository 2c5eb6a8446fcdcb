"""The visitor's satisfaction survey at the end of a chat."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.clock import iso
from frontdesk.errors import PlainError
from frontdesk.services.livechat_rooms import access_visitor_room
from frontdesk.services.visitors import access_visitor
from frontdesk.store import rooms as room_store

SURVEY_ITEMS = ("satisfaction", "agentKnowledge", "agentResposiveness", "agentFriendliness")
SURVEY_VALUES = ("1", "2", "3", "4", "5")


async def check_survey(
    db: AsyncSession, token: Any, rid: str, items: list[dict[str, str]], now: int
) -> dict[str, str]:
    """Keep the known questions with allowed answers, plus free-text `additionalFeedback`."""
    visitor = await access_visitor(db, token)
    room = await access_visitor_room(db, visitor, rid)
    data: dict[str, str] = {}
    for item in items:
        name, value = item["name"], item["value"]
        if (name in SURVEY_ITEMS and value in SURVEY_VALUES) or name == "additionalFeedback":
            data[name] = value
    if not data:
        raise PlainError("invalid-data")
    room["surveyFeedback"] = data
    room["_updatedAt"] = iso(now)
    await room_store.save_room(db, room)
    return data
