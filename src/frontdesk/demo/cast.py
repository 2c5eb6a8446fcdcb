"""The demo's staff and catalogue: agents, the manager, departments and livechat tags, created once."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.clock import iso
from frontdesk.demo import catalog
from frontdesk.documents import DepartmentDoc
from frontdesk.services.users import do_create_user
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


@dataclass
class Cast:
    """Who and what the generated rooms refer to; passwords only for accounts created by this run."""

    agents: list[dict[str, str]]
    departments: list[DemoDepartment]
    passwords: dict[str, str] = field(default_factory=dict)


async def _ensure_user(
    db: AsyncSession,
    cast: Cast,
    username: str,
    name: str,
    roles: list[str],
    password: str,
    now: int,
    rounds: int,
) -> str:
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
        cast.passwords[username] = password
    return user.id


async def ensure_cast(db: AsyncSession, now_ms: int, bcrypt_rounds: int) -> Cast:
    """Create the agents, manager, departments and tags that do not exist yet; return them all."""
    cast = Cast(agents=[], departments=[])
    agent_password = secrets.token_urlsafe(9)
    for index, (username, name) in enumerate(catalog.AGENTS):
        user_id = await _ensure_user(
            db, cast, username, name, ["user", "livechat-agent"], agent_password, now_ms, bcrypt_rounds
        )
        if username in cast.passwords:  # most agents available, a few away, as on a real shift
            available = index < len(catalog.AGENTS) - 3
            await user_store.update_user(
                db,
                user_id,
                status="online" if available else "offline",
                status_connection="online" if available else "offline",
                status_livechat="available" if available else "not-available",
            )
        cast.agents.append({"_id": user_id, "username": username, "name": name})
    username, name = catalog.MANAGER
    await _ensure_user(
        db,
        cast,
        username,
        name,
        ["user", "livechat-manager"],
        secrets.token_urlsafe(9),
        now_ms,
        bcrypt_rounds,
    )

    new_departments: list[DepartmentDoc] = []
    for dept_name, (description, share, tags) in catalog.DEPARTMENTS.items():
        dept_id = stable_id("department:" + dept_name)
        cast.departments.append(DemoDepartment(dept_id, dept_name, share, tags))
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
                    "numAgents": len(catalog.AGENTS),
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
    return cast
