"""Factories that drive the chat lifecycle the way clients do: through the HTTP API."""

from __future__ import annotations

import itertools
import secrets
from typing import Any

import httpx

from factories import admin_headers, login, make_user
from frontdesk.db.engine import Database
from frontdesk.services import agents
from frontdesk.store import users as user_store

_n = itertools.count(1)


async def set_setting(client: httpx.AsyncClient, setting: str, value: Any) -> None:
    res = await client.post(
        f"/api/v1/settings/{setting}", json={"value": value}, headers=await admin_headers(client)
    )
    assert res.status_code == 200, res.text


async def make_agent(
    client: httpx.AsyncClient, db: Database, *, available: bool = True, roles: tuple[str, ...] = ()
) -> dict[str, Any]:
    """A livechat agent who is online and available (unless told otherwise); returns ids and auth headers."""
    user = await make_user(db, ["user", "livechat-agent", *roles])
    async with db.session() as session:
        row = await user_store.get_user(session, user["id"])
        assert row is not None
        await user_store.update_user(session, row.id, status="online", status_connection="online")
        await session.refresh(row)
        await agents.do_set_livechat_status(session, row, "available" if available else "not-available", 0)
    headers = await login(client, user["username"], user["password"])
    return {**user, "headers": headers}


async def make_visitor(client: httpx.AsyncClient, **fields: Any) -> dict[str, Any]:
    token = fields.pop("token", None) or secrets.token_hex(9)
    body = {"visitor": {"token": token, "name": fields.pop("name", f"Visitor {next(_n)}"), **fields}}
    res = await client.post("/api/v1/livechat/visitor", json=body)
    assert res.status_code == 200, res.text
    visitor: dict[str, Any] = res.json()["visitor"]
    return visitor


async def open_room(client: httpx.AsyncClient, token: str, **params: str) -> dict[str, Any]:
    res = await client.get("/api/v1/livechat/room", params={"token": token, **params})
    assert res.status_code == 200, res.text
    room: dict[str, Any] = res.json()["room"]
    return room


async def send_visitor_message(client: httpx.AsyncClient, token: str, rid: str, msg: str) -> dict[str, Any]:
    res = await client.post("/api/v1/livechat/message", json={"token": token, "rid": rid, "msg": msg})
    assert res.status_code == 200, res.text
    message: dict[str, Any] = res.json()["message"]
    return message


async def room_info(client: httpx.AsyncClient, rid: str) -> dict[str, Any]:
    """The room as GET livechat/rooms shows it to a manager."""
    headers = await admin_headers(client)
    res = await client.get("/api/v1/livechat/rooms", params={"count": 0}, headers=headers)
    rooms = [r for r in res.json()["rooms"] if r["_id"] == rid]
    assert rooms, f"room {rid} not listed"
    return rooms[0]
