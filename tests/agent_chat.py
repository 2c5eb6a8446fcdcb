"""Factories for the agent and manager side, through HTTP: served rooms, method calls, departments."""

from __future__ import annotations

from typing import Any

import httpx
import orjson

from chat import make_agent, make_visitor, open_room
from factories import admin_headers
from frontdesk.db.engine import Database

FORBIDDEN = {
    "success": False,
    "error": "User does not have the permissions required for this action [error-unauthorized]",
}


async def served_room(client: httpx.AsyncClient, db: Database, **visitor_fields: Any) -> dict[str, Any]:
    """An online agent, a visitor, and the visitor's room (Auto_Selection gives it to that agent)."""
    agent = await make_agent(client, db)
    visitor = await make_visitor(client, **visitor_fields)
    room = await open_room(client, visitor["token"])
    return {"agent": agent, "visitor": visitor, "room": room, "rid": room["_id"]}


async def call_method(
    client: httpx.AsyncClient, headers: dict[str, str] | None, method: str, *params: Any, anon: bool = False
) -> dict[str, Any]:
    """POST method.call(Anon)/:method; returns the decoded DDP result frame (200 either way)."""
    frame = {"msg": "method", "id": "7", "method": method, "params": list(params)}
    path = f"/api/v1/method.{'callAnon' if anon else 'call'}/{method}"
    res = await client.post(path, json={"message": orjson.dumps(frame).decode()}, headers=headers or {})
    assert res.status_code == 200, res.text
    body = res.json()
    assert body["success"] is True
    decoded: dict[str, Any] = orjson.loads(body["message"])
    return decoded


async def create_department(
    client: httpx.AsyncClient, name: str, agents: tuple[str, ...] = (), **fields: Any
) -> dict[str, Any]:
    department = {
        "name": name,
        "enabled": True,
        "showOnRegistration": True,
        "showOnOfflineForm": True,
        "email": f"{name.lower()}@example.com",
        **fields,
    }
    body = {"department": department, "agents": [{"agentId": a} for a in agents]}
    res = await client.post("/api/v1/livechat/department", json=body, headers=await admin_headers(client))
    assert res.status_code == 200, res.text
    created: dict[str, Any] = res.json()["department"]
    return created


async def get_json(client: httpx.AsyncClient, path: str, headers: dict[str, str], **params: Any) -> Any:
    res = await client.get(f"/api/v1/{path}", params=params, headers=headers)
    assert res.status_code == 200, res.text
    return res.json()


async def post_json(client: httpx.AsyncClient, path: str, headers: dict[str, str], body: Any) -> Any:
    res = await client.post(f"/api/v1/{path}", json=body, headers=headers)
    assert res.status_code == 200, res.text
    return res.json()
