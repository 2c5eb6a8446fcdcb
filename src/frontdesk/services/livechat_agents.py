"""What a visitor may learn about agents: the serving agent's card, the next agent."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import AgentCard, HiddenAgent, served_by_id
from frontdesk.errors import PlainError
from frontdesk.services import routing
from frontdesk.services.agent_card import agent_card
from frontdesk.services.livechat_rooms import access_visitor_room
from frontdesk.services.visitors import access_visitor
from frontdesk.store import users as user_store
from frontdesk.store.room_reads import open_room_of_visitor


async def check_agent_info(db: AsyncSession, token: Any, rid: str) -> AgentCard | HiddenAgent:
    visitor = await access_visitor(db, token)
    room = await access_visitor_room(db, visitor, rid)
    agent_id = served_by_id(room)
    agent = await user_store.get_user(db, agent_id) if agent_id else None
    if agent is None:
        raise PlainError("invalid-agent")
    return await agent_card(db, agent)


async def check_next_agent(
    db: AsyncSession, token: Any, department: str | None
) -> AgentCard | HiddenAgent | None:
    """agent.next: who would take a new chat now; None when the visitor already has an open room."""
    visitor = await access_visitor(db, token)
    if await open_room_of_visitor(db, visitor["token"]) is not None:
        return None
    agents = await routing.online_agents(db, department or visitor.get("department"))
    for agent in sorted(agents, key=lambda a: (a.livechat_count, a.username)):
        if await routing.has_capacity(db, agent, department):
            return await agent_card(db, agent)
    raise PlainError("agent-not-found")
