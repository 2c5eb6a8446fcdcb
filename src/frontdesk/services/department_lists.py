"""Reading departments: the list, one department with its agents, an agent's departments."""

from __future__ import annotations

import re

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import DepartmentAgentDoc, DepartmentDoc, JsonObject
from frontdesk.models.users import User
from frontdesk.services.departments import VIEW, access_existing, department_agents, member_doc
from frontdesk.services.pagination import ListPage, ListQuery, page_of, read_list_query
from frontdesk.services.permissions import check_any_permission, check_permission, has_permission
from frontdesk.store import agents as agent_store
from frontdesk.store import department_catalog as catalog
from frontdesk.store import departments as department_store


async def check_list(
    db: AsyncSession, user: User, query: JsonObject, list_query: ListQuery
) -> ListPage[DepartmentDoc]:
    """GET livechat/department: by name text, enabled, archived, excluding one, or only one's own."""
    await check_any_permission(db, user, *VIEW)
    paging, sort = await read_list_query(db, list_query, [("name", 1)])
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
    return page_of(docs, paging, sort)


async def access_department(
    db: AsyncSession, user: User, department_id: str, include_agents: bool
) -> tuple[DepartmentDoc | None, list[DepartmentAgentDoc] | None]:
    """The department (None when unknown) and, for those who may see them, its agents."""
    await check_any_permission(db, user, *VIEW)
    department = await department_store.get_department(db, department_id)
    if department is None or not include_agents:
        return department, None
    if not await has_permission(db, user, "view-livechat-departments"):
        return department, None
    return department, await department_agents(db, department)


async def access_agent_departments(
    db: AsyncSession, user: User, agent_id: str, enabled_only: bool
) -> list[DepartmentAgentDoc]:
    """GET livechat/agents/:agentId/departments: the agent's memberships with each department's name."""
    await check_permission(db, user, "view-l-room")
    rows = await agent_store.agent_departments(db, agent_id)
    found = await catalog.departments_by_ids(db, [r.department_id for r in rows])
    out: list[DepartmentAgentDoc] = []
    for row in rows:
        department = found.get(row.department_id)
        if department is None or (enabled_only and not department.get("enabled")):
            continue
        membership = member_doc(row, department)
        membership["departmentName"] = department.get("name")
        out.append(membership)
    return out


async def list_department_agents(
    db: AsyncSession, user: User, department_id: str, list_query: ListQuery
) -> ListPage[DepartmentAgentDoc]:
    await check_any_permission(db, user, *VIEW)
    paging, sort = await read_list_query(db, list_query, [("username", 1)])
    department = await access_existing(db, department_id)
    return page_of(await department_agents(db, department), paging, sort)
