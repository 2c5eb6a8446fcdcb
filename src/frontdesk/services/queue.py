"""GET livechat/queue: open chats per serving agent and department."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.services.pagination import Paging, apply_page, sort_docs
from frontdesk.store import queue as store
from frontdesk.store import users as user_store
from frontdesk.store.department_catalog import departments_by_ids


async def queue_metrics(
    db: AsyncSession,
    agent_id: str | None,
    department_id: str | None,
    include_offline: bool,
    sort: list[tuple[str, int]],
    paging: Paging,
) -> tuple[list[dict[str, Any]], int]:
    """Offline or unavailable agents are left out unless asked for, as Rocket.Chat's aggregation does."""
    groups = await store.served_chats(db, agent_id, department_id)
    departments = await departments_by_ids(db, sorted({d for _, d, _ in groups if d}))
    rows: list[dict[str, Any]] = []
    for agent, dept, chats in groups:
        user = await user_store.get_user(db, agent)
        if not include_offline and (
            user is None or user.status == "offline" or user.status_livechat != "available"
        ):
            continue
        person: dict[str, Any] = {"_id": agent}
        if user is not None:
            person.update(username=user.username, status=user.status)
        name = departments.get(dept, {}).get("name") if dept else None
        rows.append({"user": person, "department": {"_id": dept, "name": name}, "chats": chats})
    ordered = sort_docs(rows, sort)
    return apply_page(ordered, paging), len(ordered)
