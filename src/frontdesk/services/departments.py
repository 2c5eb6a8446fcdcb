"""Departments as managers keep them: saving (with agents), listing, reading, removing."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.clock import iso
from frontdesk.errors import MeteorError, PlainError
from frontdesk.ids import random_id
from frontdesk.models.users import User
from frontdesk.services import settings as settings_service
from frontdesk.services.pagination import Paging, apply_page, sort_docs
from frontdesk.services.permissions import has_permission
from frontdesk.store import agents as agent_store
from frontdesk.store import department_catalog as catalog
from frontdesk.store import departments as department_store
from frontdesk.store import rooms as room_store
from frontdesk.store import users as user_store
from frontdesk.store.inquiries import get_by_room, save_inquiry

KNOWN_BOOLEANS = ("enabled", "showOnRegistration", "showOnOfflineForm")


def _invalid(field: str) -> MeteorError:
    return MeteorError("error-invalid-department-data", f"Invalid value for {field}")


def _check_data(data: dict[str, Any]) -> None:
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


async def check_save(
    db: AsyncSession,
    department_id: str | None,
    data: dict[str, Any],
    agents: dict[str, list[dict[str, Any]]],
    now: int,
) -> dict[str, Any]:
    """Create (no id) or update a department, then apply agent upserts and removals."""
    existing = await department_store.get_department(db, department_id) if department_id else None
    if department_id and existing is None:
        raise MeteorError("error-department-not-found", "Department not found")
    _check_data(data)
    if (existing or {}).get("archived") and data.get("enabled"):
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
        doc: dict[str, Any] = {
            **data,
            "_id": random_id(),
            "type": "d",
            "numAgents": 0,
            "_updatedAt": iso(now),
        }
        await department_store.insert_departments(db, [doc])
    else:
        doc = {**existing, **{k: v for k, v in data.items() if k != "_id"}, "_updatedAt": iso(now)}
        await catalog.save_department(db, doc)
    await do_update_agents(db, doc, agents.get("upsert") or [], agents.get("remove") or [], now)
    return await department_store.get_department(db, doc["_id"]) or doc


async def do_update_agents(
    db: AsyncSession,
    department: dict[str, Any],
    upsert: list[dict[str, Any]],
    remove: list[dict[str, Any]],
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


def member_doc(row: Any, department: dict[str, Any]) -> dict[str, Any]:
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


async def department_agents(db: AsyncSession, department: dict[str, Any]) -> list[dict[str, Any]]:
    return [member_doc(r, department) for r in await agent_store.department_agents(db, department["_id"])]


async def check_list(
    db: AsyncSession, user: User, query: dict[str, Any], sort: list[tuple[str, int]], paging: Paging
) -> tuple[list[dict[str, Any]], int]:
    docs = await catalog.all_departments(db)
    text = query.get("text")
    if text:
        pattern = re.compile(re.escape(text), re.IGNORECASE)
        docs = [d for d in docs if pattern.search(d.get("name") or "")]
    if query.get("enabled") == "true":
        docs = [d for d in docs if d.get("enabled")]
    if query.get("showArchived") != "true":
        docs = [d for d in docs if not d.get("archived")]
    if query.get("excludeDepartmentId"):
        docs = [d for d in docs if d["_id"] != query["excludeDepartmentId"]]
    if query.get("onlyMyDepartments") == "true" and not await has_permission(
        db, user, "view-livechat-manager"
    ):
        mine = {m.department_id for m in await agent_store.agent_departments(db, user.id)}
        docs = [d for d in docs if d["_id"] in mine]
    ordered = sort_docs(docs, sort)
    return apply_page(ordered, paging), len(ordered)


async def access_department(
    db: AsyncSession, user: User, department_id: str, include_agents: bool
) -> tuple[dict[str, Any] | None, list[dict[str, Any]] | None]:
    """The department (None when unknown) and, for those who may see them, its agents."""
    department = await department_store.get_department(db, department_id)
    if department is None or not include_agents:
        return department, None
    if not await has_permission(db, user, "view-livechat-departments"):
        return department, None
    return department, await department_agents(db, department)


async def check_remove(db: AsyncSession, department_id: str, now: int) -> None:
    """Removing a department (when the setting allows): its agents go, open chats lose the department."""
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


async def agent_departments(db: AsyncSession, agent_id: str, enabled_only: bool) -> list[dict[str, Any]]:
    """GET livechat/agents/:agentId/departments: the agent's memberships with each department's name."""
    rows = await agent_store.agent_departments(db, agent_id)
    found = await catalog.departments_by_ids(db, [r.department_id for r in rows])
    out = []
    for row in rows:
        department = found.get(row.department_id)
        if department is None or (enabled_only and not department.get("enabled")):
            continue
        out.append({**member_doc(row, department), "departmentName": department.get("name")})
    return out


async def check_update(
    db: AsyncSession,
    user: User,
    department_id: str,
    data: dict[str, Any],
    agents: list[dict[str, Any]] | None,
    now: int,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """PUT livechat/department/:_id: saving needs manage rights; agents only change with add-agent rights."""
    if not await has_permission(db, user, "manage-livechat-departments"):
        raise PlainError("error-not-allowed")
    may_add = await has_permission(db, user, "add-livechat-department-agents")
    changes = {"upsert": agents} if may_add and agents else {}
    department = await check_save(db, department_id, data, changes, now)
    return department, await department_agents(db, department)


async def access_existing(db: AsyncSession, department_id: str) -> dict[str, Any]:
    department = await department_store.get_department(db, department_id)
    if department is None:
        raise MeteorError("error-department-not-found", "Department not found")
    return department


async def check_update_agents(
    db: AsyncSession, department_id: str, upsert: list[dict[str, Any]], remove: list[dict[str, Any]], now: int
) -> None:
    await do_update_agents(db, await access_existing(db, department_id), upsert, remove, now)


async def list_department_agents(
    db: AsyncSession, department_id: str, sort: list[tuple[str, int]], paging: Paging
) -> tuple[list[dict[str, Any]], int]:
    department = await access_existing(db, department_id)
    ordered = sort_docs(await department_agents(db, department), sort)
    return apply_page(ordered, paging), len(ordered)
