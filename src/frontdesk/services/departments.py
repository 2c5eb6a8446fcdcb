"""Departments as managers keep them: creating, saving (with agents), removing."""

from __future__ import annotations

from typing import Any, TypeAlias, cast

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.clock import iso
from frontdesk.documents import DepartmentAgentDoc, DepartmentDoc, JsonObject
from frontdesk.errors import MeteorError, PlainError
from frontdesk.ids import random_id
from frontdesk.models.livechat import DepartmentAgent
from frontdesk.models.users import User
from frontdesk.services import settings as settings_service
from frontdesk.services.permissions import check_any_permission, check_permission, has_permission
from frontdesk.store import agents as agent_store
from frontdesk.store import department_catalog as catalog
from frontdesk.store import departments as department_store
from frontdesk.store import rooms as room_store
from frontdesk.store import users as user_store
from frontdesk.store.inquiries import get_by_room, save_inquiry

KNOWN_BOOLEANS = ("enabled", "showOnRegistration", "showOnOfflineForm")
VIEW = ("view-livechat-departments", "view-l-room")  # reading departments needs either
# An agent to add to (or remove from) a department, as the `agents` items of a request give it:
# {agentId, count?, order?, ...}; and a request's changes: {upsert?: [...], remove?: [...]}.
AgentChange: TypeAlias = JsonObject
AgentChanges: TypeAlias = dict[str, list[AgentChange]]
MANAGE = "manage-livechat-departments"
ADD_AGENTS = "add-livechat-department-agents"


def _invalid(field: str) -> MeteorError:
    return MeteorError("error-invalid-department-data", f"Invalid value for {field}")


def _check_data(data: JsonObject) -> None:
    """Livechat.saveDepartment's check(): known fields typed, extra fields scalars."""
    for field in ("name", "email"):
        if not isinstance(data.get(field), str):
            raise _invalid(field)
    for field in KNOWN_BOOLEANS:
        if not isinstance(data.get(field), bool):
            raise _invalid(field)
    for key, value in data.items():
        if isinstance(value, dict) or (
            isinstance(value, list) and key not in ("chatClosingTags", "departmentsAllowedToForward")
        ):
            raise _invalid(key)


async def do_save(
    db: AsyncSession,
    department_id: str | None,
    data: JsonObject,
    agents: AgentChanges,
    now: int,
) -> DepartmentDoc:
    """Create (no id) or update a department (its data checked here), then apply agent changes."""
    existing = await department_store.get_department(db, department_id) if department_id else None
    if department_id and existing is None:
        raise MeteorError("error-department-not-found", "Department not found")
    _check_data(data)
    if existing is not None and existing.get("archived") and data.get("enabled"):
        raise MeteorError(
            "error-archived-department-cant-be-enabled", "Archived departments can't be enabled"
        )
    if data.get("requestTagBeforeClosingChat") and not data.get("chatClosingTags"):
        raise MeteorError(
            "error-validating-department-chat-closing-tags",
            "At least one closing tag is required when the department requires tag(s) on closing "
            "conversations.",
        )
    fallback = data.get("fallbackForwardDepartment")
    if fallback and department_id and fallback == department_id:
        raise MeteorError(
            "error-fallback-department-circular",
            "Cannot save department. Circular reference between fallback department and department",
        )
    if fallback and await department_store.get_department(db, fallback) is None:
        raise MeteorError("error-fallback-department-not-found", "Fallback department not found")
    if existing is None:
        # `data` was checked against the department schema and _check_data
        new = {**data, "_id": random_id(), "type": "d", "numAgents": 0, "_updatedAt": iso(now)}
        doc = cast(DepartmentDoc, new)
        await department_store.insert_departments(db, [doc])
    else:
        changed = {k: v for k, v in data.items() if k != "_id"}
        doc = cast(DepartmentDoc, {**existing, **changed, "_updatedAt": iso(now)})
        await catalog.save_department(db, doc)
    await do_update_agents(db, doc, agents.get("upsert") or [], agents.get("remove") or [], now)
    return await department_store.get_department(db, doc["_id"]) or doc


def member_doc(row: DepartmentAgent, department: DepartmentDoc) -> DepartmentAgentDoc:
    """An ILivechatDepartmentAgents document (the row has no id of its own, so one is derived)."""
    return {
        "_id": f"{row.department_id}-{row.agent_id}",
        "agentId": row.agent_id,
        "departmentId": row.department_id,
        "departmentEnabled": bool(department.get("enabled", True)),
        "username": row.username,
        "count": row.count,
        "order": row.order,
    }


async def department_agents(db: AsyncSession, department: DepartmentDoc) -> list[DepartmentAgentDoc]:
    return [member_doc(r, department) for r in await agent_store.department_agents(db, department["_id"])]


async def check_create(
    db: AsyncSession, user: User, data: JsonObject, agents: list[AgentChange] | None, now: int
) -> tuple[DepartmentDoc, list[DepartmentAgentDoc]]:
    """POST livechat/department: the department and its agents."""
    await check_permission(db, user, MANAGE)
    department = await do_save(db, None, data, {"upsert": agents} if agents else {}, now)
    return department, await department_agents(db, department)


async def check_save_department(
    db: AsyncSession, user: User, department_id: Any, data: Any, members: Any, now: int
) -> DepartmentDoc:
    """livechat:saveDepartment `[_id, data, agents]`: create or update, with agent upserts and removals."""
    if not await has_permission(db, user, MANAGE):
        raise MeteorError("error-not-allowed", "Not allowed")
    if (department_id is not None and not isinstance(department_id, str)) or not isinstance(data, dict):
        raise MeteorError("400", "Match failed")
    changes = {"upsert": members} if isinstance(members, list) else members or {}
    if not isinstance(changes, dict) or not _members_ok(changes):
        raise MeteorError("400", "Match failed")
    return await do_save(db, department_id or None, data, changes, now)


def _members_ok(changes: JsonObject) -> bool:
    for key in ("upsert", "remove"):
        items = changes.get(key) or []
        if not isinstance(items, list):
            return False
        if not all(isinstance(i, dict) and isinstance(i.get("agentId"), str) for i in items):
            return False
    return True


async def do_update_agents(
    db: AsyncSession,
    department: DepartmentDoc,
    upsert: list[AgentChange],
    remove: list[AgentChange],
    now: int,
) -> None:
    """updateDepartmentAgents: removals, then upserts of existing users, then the department's numAgents."""
    for item in remove:
        await agent_store.remove_department_agent(db, department["_id"], item["agentId"])
    for item in upsert:
        user = await user_store.get_user(db, item["agentId"])
        if user is None:
            continue
        count, order = int(item.get("count") or 0), int(item.get("order") or 0)
        await agent_store.upsert_department_agent(
            db, department["_id"], user.id, user.username, count, order, now
        )
    if upsert or remove:
        department["numAgents"] = await catalog.count_agents(db, department["_id"])
        await catalog.save_department(db, department)


async def check_remove(db: AsyncSession, user: User, department_id: str, now: int) -> None:
    """Removing a department (when the setting allows): its agents go, open chats lose the department."""
    await check_any_permission(db, user, MANAGE, "remove-livechat-department")
    if not await settings_service.get_value(db, "Omnichannel_enable_department_removal"):
        raise MeteorError("department-removal-disabled", "Department removal is disabled")
    if await department_store.get_department(db, department_id) is None:
        raise MeteorError("department-not-found", "Department not found")
    for room in await catalog.open_rooms_of_department(db, department_id):
        room.pop("departmentId", None)
        room["_updatedAt"] = iso(now)
        await room_store.save_room(db, room)
        inquiry = await get_by_room(db, room["_id"])
        if inquiry is not None:
            inquiry.pop("department", None)
            await save_inquiry(db, inquiry)
    for other in await catalog.departments_with_fallback(db, department_id):
        other.pop("fallbackForwardDepartment", None)
        await catalog.save_department(db, other)
    await catalog.delete_department(db, department_id)


async def check_update(
    db: AsyncSession,
    user: User,
    department_id: str,
    data: JsonObject,
    agents: list[AgentChange] | None,
    now: int,
) -> tuple[DepartmentDoc, list[DepartmentAgentDoc]]:
    """PUT livechat/department/:_id: saving needs manage rights; agents only change with add-agent rights."""
    await check_any_permission(db, user, MANAGE, ADD_AGENTS)
    if not await has_permission(db, user, MANAGE):
        raise PlainError("error-not-allowed")
    may_add = await has_permission(db, user, ADD_AGENTS)
    changes = {"upsert": agents} if may_add and agents else {}
    department = await do_save(db, department_id, data, changes, now)
    return department, await department_agents(db, department)


async def access_existing(db: AsyncSession, department_id: str) -> DepartmentDoc:
    department = await department_store.get_department(db, department_id)
    if department is None:
        raise MeteorError("error-department-not-found", "Department not found")
    return department


async def check_update_agents(
    db: AsyncSession,
    user: User,
    department_id: str,
    upsert: list[AgentChange],
    remove: list[AgentChange],
    now: int,
) -> None:
    await check_any_permission(db, user, MANAGE, ADD_AGENTS)
    await do_update_agents(db, await access_existing(db, department_id), upsert, remove, now)
