"""Livechat custom field definitions: saving one (livechat:saveCustomField), listing and reading them."""

from __future__ import annotations

import re
from typing import Any, cast

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.clock import iso
from frontdesk.documents import CustomFieldDoc, JsonObject
from frontdesk.errors import Failure, MeteorError
from frontdesk.models.users import User
from frontdesk.services.pagination import ListPage, ListQuery, page_of, read_list_query
from frontdesk.services.permissions import check_permission, has_permission
from frontdesk.store import custom_fields as store

FIELD_NAME = re.compile(r"^[0-9a-zA-Z_-]+$")
REQUIRED = ("field", "label", "scope", "visibility")


async def check_save(db: AsyncSession, user: User, field_id: Any, data: Any, now: int) -> CustomFieldDoc:
    if not await has_permission(db, user, "view-livechat-manager"):
        raise MeteorError("error-not-allowed", "Not allowed")
    if field_id is not None and not isinstance(field_id, str):
        raise MeteorError("400", "Match failed")
    if not isinstance(data, dict) or not all(isinstance(data.get(k), str) for k in REQUIRED):
        raise MeteorError("400", "Match failed")
    if not FIELD_NAME.match(data["field"]):
        raise MeteorError(
            "error-invalid-custom-field-nmae",
            "Invalid custom field name. Use only letters, numbers, hyphens and underscores.",
        )
    if data["scope"] not in ("visitor", "room"):
        raise MeteorError("error-invalid-custom-field-scope", "Invalid custom field scope")
    if field_id:
        existing = await store.get_custom_field(db, field_id)
        if existing is None:
            raise MeteorError("error-invalid-custom-field", "Custom Field Not found")
    else:
        if await store.get_custom_field(db, data["field"]) is not None:
            raise MeteorError("error-custom-field-name-already-exists", "Custom field name already exists")
        existing = {"_id": data["field"], "_updatedAt": iso(now)}
    extra = {k: v for k, v in data.items() if k != "field"}
    doc = cast(CustomFieldDoc, {**existing, **extra, "_updatedAt": iso(now)})  # checked field by field above
    await store.save_custom_field(db, doc)
    return doc


async def check_list(
    db: AsyncSession, user: User, text: str | None, query: ListQuery
) -> ListPage[CustomFieldDoc]:
    await check_permission(db, user, "view-l-room")
    paging, sort = await read_list_query(db, query, [("label", 1)])
    docs, _ = await store.list_custom_fields(db, 0, None)
    if text:
        pattern = re.compile(re.escape(text), re.IGNORECASE)
        docs = [d for d in docs if pattern.search(d.get("label") or "") or pattern.search(d["_id"])]
    return page_of(docs, paging, sort)


async def access_field(db: AsyncSession, user: User, field_id: str) -> CustomFieldDoc | None:
    await check_permission(db, user, "view-l-room")
    return await store.get_custom_field(db, field_id)


async def check_save_rest(
    db: AsyncSession, user: User, field_id: str | None, data: JsonObject, now: int
) -> CustomFieldDoc:
    """livechat/custom-fields.save: the route's permission (a 403) and its own refusals, then the save."""
    await check_permission(db, user, "view-livechat-manager")
    if field_id and await store.get_custom_field(db, field_id) is None:
        raise Failure("Custom Field Not found")
    if not field_id and await store.get_custom_field(db, data["field"]) is not None:
        raise Failure("Custom Field already exists")
    return await check_save(db, user, field_id or None, data, now)


async def check_remove(db: AsyncSession, user: User, field_id: str) -> None:
    """livechat/custom-fields.delete: values already stored on rooms and visitors stay."""
    await check_permission(db, user, "view-livechat-manager")
    if not await store.remove_custom_field(db, field_id):
        raise Failure("Custom field not found")
