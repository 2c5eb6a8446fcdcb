"""GET livechat/queue: open chats per serving agent and department."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import QueueRow, QueueUser
from frontdesk.models.users import User
from frontdesk.services.pagination import ListPage, ListQuery, page_of, read_list_query
from frontdesk.services.permissions import check_permission
from frontdesk.store import queue as store
from frontdesk.store import users as user_store
from frontdesk.store.department_catalog import departments_by_ids


async def check_queue_metrics(
    db: AsyncSession,
    user: User,
    agent_id: str | None,
    department_id: str | None,
    include_offline: bool,
    query: ListQuery,
) -> ListPage[QueueRow]:
    """Offline or unavailable agents are left out unless asked for, as Rocket.Chat's aggregation does."""
    await check_permission(db, user, "view-l-room")
    paging, sort = await read_list_query(db, query, [("chats", -1), ("user.username", 1)])
    groups = await store.served_chats(db, agent_id, department_id)
    departments = await departments_by_ids(db, sorted({d for _, d, _ in groups if d}))
    rows: list[QueueRow] = []
    for agent, dept, chats in groups:
        serving = await user_store.get_user(db, agent)
        if not include_offline and (
            serving is None or serving.status == "offline" or serving.status_livechat != "available"
        ):
            continue
        person: QueueUser = {"_id": agent}
        if serving is not None:
            person["username"], person["status"] = serving.username, serving.status
        found = departments.get(dept) if dept else None
        name = found["name"] if found else None
        rows.append({"user": person, "department": {"_id": dept, "name": name}, "chats": chats})
    return page_of(rows, paging, sort)
