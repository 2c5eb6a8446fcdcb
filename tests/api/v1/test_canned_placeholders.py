"""Canned-response placeholders ({{contact.name}}, {{agent.email}}, ...) filled in what an agent writes
into a livechat room, as Rocket.Chat fills them; visitors' messages and a switched-off setting keep them."""

from __future__ import annotations

import httpx

from agent_chat import served_room
from chat import send_visitor_message, set_setting
from frontdesk.db.engine import Database

TEMPLATE = (
    "Hi {{contact.name}} ({{contact.email}}, {{contact.phone}}), {{agent.name}} <{{agent.email}}> here {{x}}"
)


async def _agent_sends(client: httpx.AsyncClient, chat: dict, text: str) -> str:
    body = {"message": {"rid": chat["rid"], "msg": text}}
    res = await client.post("/api/v1/chat.sendMessage", json=body, headers=chat["agent"]["headers"])
    assert res.status_code == 200, res.text
    msg: str = res.json()["message"]["msg"]
    return msg


async def test_agent_messages_get_the_visitors_and_agents_details(
    client: httpx.AsyncClient, db: Database
) -> None:
    chat = await served_room(
        client, db, name="Dora Place", email="dora@example.com", phone="+44 20 7946 0000"
    )
    agent = chat["agent"]
    sent = await _agent_sends(client, chat, TEMPLATE)
    expected = (
        f"Hi Dora Place (dora@example.com, +44 20 7946 0000), {agent['username'].title()} "
        f"<{agent['username']}@example.com> here {{{{x}}}}"
    )
    assert sent == expected
    stored = await client.get(
        f"/api/v1/livechat/{chat['rid']}/messages",
        params={"searchTerm": "Dora Place"},
        headers=agent["headers"],
    )
    [message] = stored.json()["messages"]
    assert message["msg"] == expected and "Dora Place" in str(message["md"])  # parsed after filling

    # a visitor's message keeps its braces; so does an agent's once the setting is off
    mine = await send_visitor_message(client, chat["visitor"]["token"], chat["rid"], "I am {{agent.name}}")
    assert mine["msg"] == "I am {{agent.name}}"
    await set_setting(client, "Canned_Responses_Enable", False)
    assert await _agent_sends(client, chat, "{{contact.name}}") == "{{contact.name}}"


async def test_missing_details_become_empty(client: httpx.AsyncClient, db: Database) -> None:
    chat = await served_room(client, db, name="No Mail")
    assert await _agent_sends(client, chat, "[{{contact.email}}][{{contact.phone}}]") == "[][]"
