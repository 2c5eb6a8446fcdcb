"""Livechat agents and managers as managers administer them: adding, listing, removing, agent status."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import UserCard, UserRef
from frontdesk.errors import Forbidden, MeteorError, NotFound, PlainError
from frontdesk.models.users import User
from frontdesk.services import agents
from frontdesk.services.pagination import ListPage, ListQuery, page_of, read_list_query
from frontdesk.services.permissions import check_permission, has_permission
from frontdesk.store import livechat_users as store
from frontdesk.store import users as user_store

ROLES = {"agent": "livechat-agent", "manager": "livechat-manager"}
MANAGERS = "view-livechat-manager"  # what adding, reading and removing agents and managers needs


@dataclass(frozen=True)
class UserFilter:
    text: str | None = None
    only_available: bool = False
    exclude_id: str | None = None
    show_idle: bool = False


def role_of(kind: str) -> str:
    role = ROLES.get(kind)
    if role is None:
        raise PlainError("Invalid type")
    return role


def user_card(user: User, *, livechat: bool = True, departments: list[str] | None = None) -> UserCard:
    """The fields Rocket.Chat projects for agents and managers in these lists."""
    doc: UserCard = {
        "_id": user.id,
        "username": user.username,
        "name": user.name,
        "status": user.status,
    }
    if livechat and user.status_livechat:
        doc["statusLivechat"] = user.status_livechat
    if user.email:
        doc["emails"] = [{"address": user.email, "verified": False}]
    if livechat and (user.extra or {}).get("livechat"):
        doc["livechat"] = user.extra["livechat"]
    if departments is not None:
        doc["departments"] = departments
    return doc


async def check_add(db: AsyncSession, caller: User, kind: str, username: str, now: int) -> UserRef:
    await check_permission(db, caller, MANAGERS)
    role = role_of(kind)
    user = await user_store.get_by_username(db, username)
    if user is None:
        raise MeteorError("error-invalid-user", "Invalid user")
    await agents.do_add_role(db, user, role, now)
    return {"_id": user.id, "username": user.username}


async def check_remove(db: AsyncSession, caller: User, kind: str, user_id: str, now: int) -> None:
    await check_permission(db, caller, MANAGERS)
    role = role_of(kind)
    user = await user_store.get_user(db, user_id)
    if user is None:
        raise PlainError("User not found")
    await agents.do_remove_role(db, user, role, now)


async def access_role_user(db: AsyncSession, caller: User, kind: str, user_id: str) -> UserCard | None:
    """The user if they hold the role, None if they do not."""
    await check_permission(db, caller, MANAGERS)
    role = role_of(kind)
    user = await user_store.get_user(db, user_id)
    if user is None:
        raise PlainError("User not found")
    return user_card(user) if role in user.roles else None


def _matches(user: User, flt: UserFilter) -> bool:
    if flt.text:
        pattern = re.compile(re.escape(flt.text), re.IGNORECASE)
        if not any(pattern.search(v or "") for v in (user.username, user.name, user.email)):
            return False
    if flt.only_available and user.status_livechat != "available":
        return False
    if flt.exclude_id and user.id == flt.exclude_id:
        return False
    return flt.show_idle or "bot" in user.roles or user.status != "offline"


async def check_list(
    db: AsyncSession, caller: User, kind: str, flt: UserFilter, query: ListQuery
) -> ListPage[UserCard]:
    """GET livechat/users/:type: agents need transfer or contact rights to list, managers manager rights."""
    paging, sort = await read_list_query(db, query, [("name", 1), ("username", 1)])
    role = role_of(kind)
    needed = (
        ("transfer-livechat-guest", "edit-omnichannel-contact")
        if kind == "agent"
        else ("view-livechat-manager",)
    )
    if not any([await has_permission(db, caller, p) for p in needed]):
        raise Forbidden()
    users = await store.users_with_role(db, role)
    if kind == "agent":
        users = [u for u in users if _matches(u, flt)]
        departments = await store.departments_of_agents(db, [u.id for u in users])
        docs = [user_card(u, departments=departments.get(u.id, [])) for u in users]
    else:
        users = [u for u in users if _matches(u, UserFilter(text=flt.text, show_idle=True))]
        docs = [user_card(u, livechat=False) for u in users]
    return page_of(docs, paging, sort)


async def check_agent_status(
    db: AsyncSession, caller: User, status: str | None, agent_id: str | None, now: int
) -> str:
    """POST livechat/agent.status: set or toggle one's livechat status, or (as a manager) another's."""
    await check_permission(db, caller, "view-l-room")
    target = caller if not agent_id or agent_id == caller.id else await user_store.get_user(db, agent_id)
    if target is None or "livechat-agent" not in target.roles:
        raise NotFound("Agent not found")
    if not target.active:
        raise PlainError("error-user-deactivated")
    wanted = status or ("not-available" if target.status_livechat == "available" else "available")
    if wanted == target.status_livechat:
        return wanted
    if target.id != caller.id and not await has_permission(db, caller, "manage-livechat-agents"):
        raise Forbidden()
    await agents.do_set_livechat_status(db, target, wanted, now)
    return wanted
