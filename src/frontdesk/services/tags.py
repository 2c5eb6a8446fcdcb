"""The livechat tag catalogue: saving a tag (livechat:saveTag) and reading tags."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import TagDoc
from frontdesk.errors import MeteorError
from frontdesk.ids import random_id
from frontdesk.models.users import User
from frontdesk.services.pagination import ListPage, ListQuery, page_of, read_list_query
from frontdesk.services.permissions import check_any_permission, check_permission, has_permission
from frontdesk.store import tags as store

READERS = ("view-l-room", "manage-livechat-tags")  # reading tags needs either


async def check_save_tag(
    db: AsyncSession, user: User, tag_id: Any, data: Any, departments: Any, now: int
) -> TagDoc:
    if not await has_permission(db, user, "manage-livechat-tags"):
        raise MeteorError("error-not-allowed", "Not allowed")
    if tag_id is not None and not isinstance(tag_id, str):
        raise MeteorError("400", "Match failed")
    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        raise MeteorError("400", "Match failed")
    description = data.get("description", "")
    if not isinstance(description, str) or set(data) - {"name", "description"}:
        raise MeteorError("400", "Match failed")
    if departments is not None and (
        not isinstance(departments, list) or not all(isinstance(d, str) for d in departments)
    ):
        raise MeteorError("400", "Match failed")
    name = data["name"].strip()
    if not name:
        raise MeteorError("error-invalid-tag-name", "Invalid tag name")
    same_name = await store.get_tag_by_name(db, name)
    new_id = tag_id or random_id()
    if same_name is not None and same_name["_id"] != new_id:
        raise MeteorError("error-duplicated-tag", "A tag with this name already exists")
    await store.save_tag(db, new_id, name, description, list(dict.fromkeys(departments or [])), now)
    saved = await store.get_tag(db, new_id)
    assert saved is not None
    return saved


async def check_list(
    db: AsyncSession, user: User, text: str, department: str | None, query: ListQuery
) -> ListPage[TagDoc]:
    """Tags matching the text; with a department, the department's tags and the global ones."""
    await check_any_permission(db, user, *READERS)
    paging, sort = await read_list_query(db, query, [("name", 1)])
    docs = await store.all_tags(db)
    if text:
        pattern = re.compile(re.escape(text), re.IGNORECASE)
        docs = [d for d in docs if pattern.search(d["name"])]
    if department:
        docs = [d for d in docs if not d["departments"] or department in d["departments"]]
    return page_of(docs, paging, sort)


async def access_tag(db: AsyncSession, user: User, tag_id: str) -> TagDoc | None:
    await check_any_permission(db, user, *READERS)
    return await store.get_tag(db, tag_id)


async def check_save_tag_rest(
    db: AsyncSession, user: User, tag_id: str | None, data: Any, departments: Any, now: int
) -> TagDoc:
    """livechat/tags.save: the route's permission first (a 403), then what the method checks."""
    await check_permission(db, user, "manage-livechat-tags")
    return await check_save_tag(db, user, tag_id, data, departments, now)


async def check_remove_tag(db: AsyncSession, user: User, tag_id: str) -> None:
    """livechat/tags.delete: rooms keep the tag names they were given."""
    await check_permission(db, user, "manage-livechat-tags")
    if not await store.remove_tag(db, tag_id):
        raise MeteorError("tag-not-found", "Tag not found")
