"""The inquiry queue for agents and managers: what is waiting, and taking it."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import InquiryDoc, JsonObject, picked
from frontdesk.errors import PlainError
from frontdesk.models.users import User
from frontdesk.services import routing
from frontdesk.services.pagination import ListPage, ListQuery, read_list_query
from frontdesk.services.permissions import check_permission
from frontdesk.services.visitors import resolve_department
from frontdesk.store import agents as agent_store
from frontdesk.store import inquiries as inquiry_store
from frontdesk.store import inquiry_queue as queue_store
from frontdesk.store import users as user_store
from frontdesk.store.department_catalog import departments_by_ids

LIST_FIELDS = ("_id", "rid", "name", "ts", "status", "department")


async def enabled_departments_of(db: AsyncSession, agent_id: str) -> list[str]:
    ids = [m.department_id for m in await agent_store.agent_departments(db, agent_id)]
    found = await departments_by_ids(db, ids)
    return [i for i in ids if i in found and found[i].get("enabled", False)]


async def check_queued_for_user(
    db: AsyncSession, user: User, department: str | None, query: ListQuery
) -> ListPage[InquiryDoc]:
    """Queued inquiries the agent may take: theirs by default, their departments', and the public queue."""
    await check_permission(db, user, "view-l-room")
    paging, sort = await read_list_query(db, query, [("ts", 1)])
    allowed = await enabled_departments_of(db, user.id)
    if allowed and department and department not in allowed:
        raise PlainError("error-not-authorized")
    scope = [department] if allowed and department else allowed
    rows, total = await queue_store.queued_for_agent(db, user.id, scope, sort, paging.offset, paging.count)
    return ListPage(rows, paging.offset, total)


async def check_list(
    db: AsyncSession, user: User, department: str | None, query: ListQuery
) -> ListPage[JsonObject]:
    """Every queued inquiry, optionally of one department (an unknown department filters nothing)."""
    await check_permission(db, user, "view-livechat-manager")
    paging, sort = await read_list_query(db, query, [("ts", -1)])
    department_id = None
    if department:
        found = await resolve_department(db, department)
        department_id = found["_id"] if found else None
    rows, total = await queue_store.queued(db, department_id, sort, paging.offset, paging.count)
    return ListPage([picked(r, LIST_FIELDS) for r in rows], paging.offset, total)


async def access_inquiry_of_room(db: AsyncSession, user: User, rid: str) -> InquiryDoc | None:
    await check_permission(db, user, "view-l-room")
    return await inquiry_store.get_by_room(db, rid)


async def check_take(
    db: AsyncSession, caller: User, inquiry_id: str, user_id: str | None, client_action: bool, now: int
) -> InquiryDoc:
    """inquiries.take, for oneself or on behalf of another (existing) user."""
    await check_permission(db, caller, "view-l-room")
    taker = caller
    if user_id:
        found = await user_store.get_user(db, user_id)
        if found is None:
            raise PlainError("The user is invalid")
        taker = found
    return await routing.check_take_inquiry(db, inquiry_id, taker, now, client_action=client_action)
