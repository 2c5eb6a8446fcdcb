"""Plain factory functions that build test data the way the server does (through services and store)."""

from __future__ import annotations

import itertools
from typing import Any

import httpx

from frontdesk.clock import iso
from frontdesk.db.engine import Database
from frontdesk.ids import object_id, random_id
from frontdesk.services.bootstrap import TEST_ADMIN
from frontdesk.services.users import do_create_user
from frontdesk.store import departments as department_store
from frontdesk.store import rooms as room_store

ADMIN_PASSWORD = TEST_ADMIN
_counter = itertools.count(1)


async def login(client: httpx.AsyncClient, username: str, password: str) -> dict[str, str]:
    res = await client.post("/api/v1/login", json={"user": username, "password": password})
    assert res.status_code == 200, res.text
    data = res.json()["data"]
    return {"X-User-Id": data["userId"], "X-Auth-Token": data["authToken"]}


async def admin_headers(client: httpx.AsyncClient) -> dict[str, str]:
    return await login(client, TEST_ADMIN, ADMIN_PASSWORD)


async def make_user(
    db: Database, roles: list[str], *, username: str | None = None, now: int = 0
) -> dict[str, str]:
    """A user with the given roles; returns {id, username, password}."""
    name = username or f"user{next(_counter)}"
    async with db.session() as session:
        user = await do_create_user(
            session,
            username=name,
            password=f"pw-{name}",
            email=f"{name}@example.com",
            name=name.title(),
            roles=roles,
            now=now,
            rounds=4,
        )
    return {"id": user.id, "username": name, "password": f"pw-{name}"}


async def make_department(db: Database, name: str, now: int = 0) -> str:
    dept_id = random_id()
    doc = {
        "_id": dept_id,
        "name": name,
        "enabled": True,
        "showOnRegistration": True,
        "showOnOfflineForm": True,
        "email": "",
        "type": "d",
        "numAgents": 0,
        "_updatedAt": iso(now),
    }
    async with db.session() as session:
        await department_store.insert_departments(session, [doc])
    return dept_id


def room_doc(ts_ms: int, **fields: Any) -> dict[str, Any]:
    """A livechat room in the seed document's shape; keyword arguments override or add fields."""
    rid = fields.pop("_id", None) or random_id()
    vid = object_id()
    n = next(_counter)
    doc: dict[str, Any] = {
        "_id": rid,
        "msgs": 2,
        "usersCount": 1,
        "lm": iso(ts_ms + 1000),
        "fname": f"Visitor {n}",
        "t": "l",
        "ts": iso(ts_ms),
        "v": {"_id": vid, "username": f"guest-{n}", "token": f"tok{n}", "status": "online"},
        "cl": False,
        "open": True,
        "source": {"type": "widget"},
        "queuedAt": iso(ts_ms),
        "_updatedAt": iso(ts_ms + 1000),
        "waitingResponse": True,
    }
    doc.update(fields)
    return {k: v for k, v in doc.items() if v is not None}


async def insert_rooms(db: Database, docs: list[dict[str, Any]]) -> None:
    async with db.session() as session:
        await room_store.insert_rooms(session, docs)
