"""Canned responses (Rocket.Chat Enterprise's, free here): snippets by shortcut, global, for a department or
for one agent, with tags. Who sees what and who may change what follow Rocket.Chat's permissions:
view-canned-responses, view-all-canned-responses, save-canned-responses, save-all-canned-responses,
save-department-canned-responses, remove-canned-responses.

Stricter than Rocket.Chat where it leaves a door open: a department's responses are saved, listed or
removed only by those who belong to that department (or may change all), another agent's private one
is never changed by anyone but its owner or a manager, and a scope must be one of the three."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.clock import iso
from frontdesk.documents import CannedResponseDoc, JsonObject
from frontdesk.errors import MeteorError
from frontdesk.ids import random_id
from frontdesk.models.users import User
from frontdesk.services.pagination import ListPage, ListQuery, page_of, read_list_query
from frontdesk.services.permissions import check_permission, has_permission
from frontdesk.store import agents as agent_store
from frontdesk.store import canned_responses as store
from frontdesk.store import departments as department_store

SCOPES = ("global", "department", "user")
_JSON_ESCAPED = re.compile(r'["\\\x00-\x1f]')


def _error(code: str, reason: str, method: str) -> MeteorError:
    return MeteorError(code, reason, {"method": method})


async def _departments(db: AsyncSession, user: User) -> list[str]:
    """getDepartmentsWhichUserCanAccess: the departments the user is an agent of (disabled ones too)."""
    return [m.department_id for m in await agent_store.agent_departments(db, user.id)]


async def _may_change(db: AsyncSession, user: User, doc: CannedResponseDoc | JsonObject) -> bool:
    if await has_permission(db, user, "save-all-canned-responses"):
        return True
    if doc.get("scope") == "department":
        return await has_permission(db, user, "save-department-canned-responses") and doc.get(
            "departmentId"
        ) in await _departments(db, user)
    return doc.get("scope") == "user" and doc.get("userId", user.id) == user.id


async def check_list(
    db: AsyncSession, user: User, filters: JsonObject, query: ListQuery
) -> ListPage[CannedResponseDoc]:
    """GET canned-responses: filters shortcut, text, scope, tags, departmentId, createdBy; by shortcut."""
    await check_permission(db, user, "view-canned-responses")
    paging, sort = await read_list_query(db, query, [("shortcut", 1)])
    everything = await has_permission(db, user, "view-all-canned-responses")
    departments = None if everything else await _departments(db, user)
    visible = store.visible_to(user.id, departments, others_private=everything)
    text = str(filters.get("text") or "")
    docs = await store.find_responses(
        db,
        visible,
        scope=filters.get("scope") or None,
        department_id=filters.get("departmentId") or None,
        created_by=filters.get("createdBy") or None,
        shortcut=filters.get("shortcut") or None,
        text=text if text and not _JSON_ESCAPED.search(text) else None,
    )
    if text:
        lowered = text.lower()
        docs = [d for d in docs if lowered in d["shortcut"].lower() or lowered in d["text"].lower()]
    tags = filters.get("tags") or []
    if tags:
        docs = [d for d in docs if set(d.get("tags") or []) & set(tags)]
    return page_of(docs, paging, sort)


async def check_all_for_user(db: AsyncSession, user: User) -> list[CannedResponseDoc]:
    """GET canned-responses.get: what the composer offers: global, one's own, one's departments' (every
    department's with view-all-canned-responses)."""
    await check_permission(db, user, "view-canned-responses")
    everything = await has_permission(db, user, "view-all-canned-responses")
    departments = None if everything else await _departments(db, user)
    return await store.find_responses(db, store.visible_to(user.id, departments, others_private=False))


async def access_canned_response(db: AsyncSession, user: User, response_id: str) -> CannedResponseDoc | None:
    """GET canned-responses/:_id: the response if the user may see it."""
    await check_permission(db, user, "view-canned-responses")
    doc = await store.get_response(db, response_id)
    if doc is None or await has_permission(db, user, "view-all-canned-responses"):
        return doc
    if doc["scope"] == "global" or (doc["scope"] == "user" and doc.get("userId") == user.id):
        return doc
    if doc["scope"] == "department" and doc.get("departmentId") in await _departments(db, user):
        return doc
    return None


async def check_save(
    db: AsyncSession, user: User, response_id: Any, data: JsonObject, now: int
) -> CannedResponseDoc:
    """saveCannedResponse (POST canned-responses): create, or update by `_id`."""
    method = "saveCannedResponse"
    if not await has_permission(db, user, "save-canned-responses"):
        raise _error("error-not-allowed", "Not allowed", method)
    scope = data["scope"]
    if scope not in SCOPES:
        raise _error("error-invalid-scope", "Invalid scope", method)
    save_all = await has_permission(db, user, "save-all-canned-responses")
    if scope == "global" and not save_all:
        raise _error("error-not-allowed", "Not allowed to modify canned responses on *global* scope", method)
    if (
        scope == "department"
        and not save_all
        and not await has_permission(db, user, "save-department-canned-responses")
    ):
        raise _error(
            "error-not-allowed", "Not allowed to modify canned responses on *department* scope", method
        )
    department_id = data.get("departmentId") if scope == "department" else None
    duplicate = await store.id_of_shortcut(db, data["shortcut"])
    if duplicate is not None and duplicate != response_id:
        raise _error("error-invalid-shortcut", "Shortcut provided already exists", method)
    if scope == "department" and (
        not department_id or await department_store.get_department(db, department_id) is None
    ):
        raise _error("error-invalid-department", "Invalid department", method)
    if department_id and not save_all and department_id not in await _departments(db, user):
        raise _error("error-not-allowed", "Not allowed to modify canned responses of this department", method)
    existing = await store.get_response(db, response_id) if response_id else None
    if response_id and (existing is None or not await _may_change(db, user, existing)):
        raise _error("error-canned-response-not-found", "Canned Response not found", method)
    doc: CannedResponseDoc = {
        "_id": response_id or random_id(),
        "shortcut": data["shortcut"],
        "text": data["text"],
        "scope": scope,
        "createdBy": existing["createdBy"] if existing else {"_id": user.id, "username": user.username},
        "_createdAt": existing["_createdAt"] if existing else iso(now),
        "_updatedAt": iso(now),
    }
    if data.get("tags") is not None:
        doc["tags"] = list(dict.fromkeys(data["tags"]))
    if department_id:
        doc["departmentId"] = department_id
    if scope == "user":
        doc["userId"] = (existing.get("userId") if existing else None) or user.id
    if existing:
        await store.save_response(db, doc)
    else:
        await store.insert_response(db, doc)
    return doc


async def check_remove(db: AsyncSession, user: User, response_id: Any) -> None:
    """removeCannedResponse (DELETE canned-responses)."""
    method = "removeCannedResponse"
    if not await has_permission(db, user, "remove-canned-responses"):
        raise _error("error-not-allowed", "Not allowed", method)
    doc = await store.get_response(db, response_id) if isinstance(response_id, str) else None
    if doc is None or not await _may_change(db, user, doc):
        raise _error("error-canned-response-not-found", "Canned Response not found", method)
    await store.delete_response(db, doc["_id"])


async def check_post(
    db: AsyncSession, user: User, response_id: Any, data: JsonObject, now: int
) -> CannedResponseDoc:
    """POST canned-responses: the route's own permission first (403), then saveCannedResponse's rules."""
    await check_permission(db, user, "save-canned-responses")
    return await check_save(db, user, response_id, data, now)


async def check_delete(db: AsyncSession, user: User, response_id: str) -> None:
    """DELETE canned-responses: the route's own permission first (403), then removeCannedResponse's."""
    await check_permission(db, user, "remove-canned-responses")
    await check_remove(db, user, response_id)
