"""Rocket.Chat's canned-response placeholders in what an agent writes into a livechat room:
`{{contact.name}}`, `{{contact.email}}`, `{{contact.phone}}`, `{{agent.name}}` and `{{agent.email}}` become
the visitor's and the serving agent's details before the message is stored (Canned_Responses_Enable). A
detail that is missing becomes empty text, as in Rocket.Chat; visitors' messages are never filled."""

from __future__ import annotations

import re

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import RoomDoc
from frontdesk.services import settings as settings_service
from frontdesk.store import users as user_store
from frontdesk.store import visitors as visitor_store

PLACEHOLDER = re.compile(r"\{\{(contact\.name|contact\.email|contact\.phone|agent\.name|agent\.email)\}\}")


async def fill(db: AsyncSession, room: RoomDoc, text: str) -> str:
    if "{{" not in text or not PLACEHOLDER.search(text):
        return text
    served = room.get("servedBy")
    if not served or not await settings_service.get_value(db, "Canned_Responses_Enable"):
        return text
    agent = await user_store.get_user(db, served["_id"])
    visitor = await visitor_store.get_by_id(db, room["v"]["_id"])
    emails = (visitor.get("visitorEmails") if visitor else None) or []
    phones = (visitor.get("phone") if visitor else None) or []
    values = {
        "contact.name": (visitor.get("name") if visitor else None) or "",
        "contact.email": emails[0]["address"] if emails else "",
        "contact.phone": phones[0]["phoneNumber"] if phones else "",
        "agent.name": (agent.name if agent else None) or "",
        "agent.email": (agent.email if agent else None) or "",
    }
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], text)
