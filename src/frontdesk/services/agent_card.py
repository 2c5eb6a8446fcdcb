"""The serving agent as a visitor may see them, as the settings allow."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import AgentCard, HiddenAgent
from frontdesk.models.users import User
from frontdesk.services import settings as settings_service


async def agent_card(db: AsyncSession, agent: User) -> AgentCard | HiddenAgent:
    """The normalised agent a visitor sees; hidden entirely when Livechat_show_agent_info is off."""
    values = await settings_service.get_values(db, ["Livechat_show_agent_info", "Livechat_show_agent_email"])
    if not values["Livechat_show_agent_info"]:
        return {"hiddenInfo": True}
    card: AgentCard = {
        "_id": agent.id,
        "username": agent.username,
        "name": agent.name,
        "status": agent.status,
    }
    if values["Livechat_show_agent_email"] and agent.email:
        card["emails"] = [{"address": agent.email, "verified": False}]
    livechat = agent.extra.get("livechat") if agent.extra else None
    if livechat and livechat.get("phone"):
        card["phone"] = livechat["phone"]
    if agent.extra.get("customFields"):
        card["customFields"] = agent.extra["customFields"]
    return card
