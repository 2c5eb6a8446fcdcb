"""The demo's staff and catalogue: agents in departments, the manager, departments and livechat tags.

Created on the first run and found again by later ones. Every run gives the staff accounts the run's password
and puts one agent per department on duty (available for livechat and online), the others off shift, so a
visitor's chat is routed at once to an agent someone can log in as.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.clock import iso
from frontdesk.demo import catalog
from frontdesk.documents import DepartmentDoc
from frontdesk.services import passwords
from frontdesk.services.users import do_create_user
from frontdesk.store import agents as agent_store
from frontdesk.store import departments as department_store
from frontdesk.store import users as user_store

_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz"


def stable_id(key: str) -> str:
    """A Random.id()-shaped id derived from a name, so later runs find what the first one made."""
    digest = int.from_bytes(hashlib.sha256(key.encode()).digest(), "big")
    chars = []
    for _ in range(17):
        digest, index = divmod(digest, len(_ALPHABET))
        chars.append(_ALPHABET[index])
    return "".join(chars)


@dataclass(frozen=True)
class DemoDepartment:
    id: str
    name: str
    share: float
    tags: tuple[str, ...]
    team: tuple[int, ...] = ()  # indexes into Cast.agents; the department's rooms are served by them


@dataclass
class Cast:
    """Who and what the generated rooms refer to, and who can log in (with `password`) to try it."""

    agents: list[dict[str, str]]
    departments: list[DemoDepartment]
    password: str = ""
    on_duty: dict[str, str] = field(default_factory=dict)  # department name -> agent username
    manager: str = ""


async def _ensure_user(
    db: AsyncSession, username: str, name: str, roles: list[str], password: str, now: int, rounds: int
) -> str:
    """The demo account, created or found; either way its password is this run's."""
    user = await user_store.get_by_username(db, username)
    if user is None:
        user = await do_create_user(
            db,
            username=username,
            password=password,
            email=f"{username}@demo.frontdesk.invalid",
            name=name,
            roles=roles,
            user_id=stable_id("user:" + username),
            now=now,
            rounds=rounds,
        )
    else:
        await user_store.update_user(
            db, user.id, password_hash=passwords.hash_password(password, rounds), updated_at=now
        )
    return user.id


async def ensure_cast(db: AsyncSession, now_ms: int, bcrypt_rounds: int, password: str) -> Cast:
    """Create what does not exist yet, reset the staff's password, put one agent per department on duty."""
    cast = Cast(agents=[], departments=[], password=password)
    index_of: dict[str, int] = {}
    for username, name in catalog.AGENTS:
        user_id = await _ensure_user(
            db, username, name, ["user", "livechat-agent"], password, now_ms, bcrypt_rounds
        )
        index_of[username] = len(cast.agents)
        cast.agents.append({"_id": user_id, "username": username, "name": name})
    cast.manager, name = catalog.MANAGER
    await _ensure_user(db, cast.manager, name, ["user", "livechat-manager"], password, now_ms, bcrypt_rounds)

    new_departments: list[DepartmentDoc] = []
    for dept_name, (description, share, tags) in catalog.DEPARTMENTS.items():
        dept_id = stable_id("department:" + dept_name)
        team = catalog.TEAMS[dept_name]
        cast.departments.append(
            DemoDepartment(dept_id, dept_name, share, tags, tuple(index_of[u] for u in team))
        )
        cast.on_duty[dept_name] = team[0]
        if await department_store.get_department(db, dept_id) is None:
            new_departments.append(
                {
                    "_id": dept_id,
                    "name": dept_name,
                    "description": description,
                    "enabled": True,
                    "showOnRegistration": True,
                    "showOnOfflineForm": True,
                    "email": f"{dept_name.lower()}@example.com",
                    "type": "d",
                    "numAgents": len(team),
                    "requestTagBeforeClosingChat": False,
                    "chatClosingTags": [],
                    "_updatedAt": iso(now_ms),
                }
            )
    if new_departments:  # the first run: the tag catalogue comes with the departments
        await department_store.insert_departments(db, new_departments)
        await department_store.insert_tags(
            db,
            [
                {
                    "id": stable_id("tag:" + tag),
                    "name": tag,
                    "description": "",
                    "departments": [],
                    "updated_at": now_ms,
                }
                for tag in catalog.TAGS
            ],
        )
    await _staff_departments(db, cast, now_ms)
    return cast


async def _staff_departments(db: AsyncSession, cast: Cast, now_ms: int) -> None:
    """Department memberships as the catalogue says, and who is on duty now."""
    on_duty = set(cast.on_duty.values())
    for dept in cast.departments:
        members = set(await agent_store.department_agent_ids(db, dept.id))
        for order, index in enumerate(dept.team):
            agent = cast.agents[index]
            if agent["_id"] not in members:
                await agent_store.upsert_department_agent(
                    db, dept.id, agent["_id"], agent["username"], 0, order, now_ms
                )
    for agent in cast.agents:
        working = agent["username"] in on_duty
        await user_store.update_user(
            db,
            agent["_id"],
            status="online" if working else "offline",
            status_connection="online" if working else "offline",
            status_livechat="available" if working else "not-available",
        )
