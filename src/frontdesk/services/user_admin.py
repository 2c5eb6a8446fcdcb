"""The users administration: listing every user (users.list) and changing one (users.update)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import JsonObject
from frontdesk.errors import MeteorError
from frontdesk.models.users import User
from frontdesk.services import agents, passwords
from frontdesk.services.pagination import ListPage, ListQuery, page_of, read_list_query
from frontdesk.services.permissions import check_permission
from frontdesk.services.users import check_email_free, check_not_last_admin, check_username_free
from frontdesk.store import permissions as permission_store
from frontdesk.store import users as store

VIEWERS = "view-user-administration"
EDITORS = "edit-other-user-info"
# what users.list may sort by: the fields of the document it answers
SORTABLE = {"username", "name", "status", "active", "type", "createdAt", "_updatedAt"}


def _listed(user: User) -> JsonObject:
    doc: JsonObject = {
        "_id": user.id,
        "username": user.username,
        "name": user.name,
        "status": user.status,
        "active": user.active,
        "type": user.type,
        "roles": list(user.roles),
        "createdAt": user.created_at,
        "_updatedAt": user.updated_at,
    }
    if user.email:
        doc["emails"] = [{"address": user.email, "verified": False}]
    return doc


async def check_list_users(
    db: AsyncSession, caller: User, text: str | None, query: ListQuery
) -> ListPage[User]:
    """Users whose username, name or email contains `text`, sorted and paged as the caller asks."""
    await check_permission(db, caller, VIEWERS)
    paging, sort = await read_list_query(db, query, [("username", 1)])
    unknown = [key for key, _ in sort if key not in SORTABLE]
    if unknown:
        raise MeteorError("error-invalid-sort", f"Invalid sort parameter: {unknown[0]}")
    users = await store.all_users(db)
    if text:
        needle = text.lower()
        users = [u for u in users if any(needle in (v or "").lower() for v in (u.username, u.name, u.email))]
    by_id = {u.id: u for u in users}
    page = page_of([_listed(u) for u in users], paging, sort)
    return ListPage([by_id[d["_id"]] for d in page.items], page.offset, page.total)


async def _check_data(db: AsyncSession, user: User, data: JsonObject) -> JsonObject:
    """The columns a users.update body changes, each checked as users.create checks it."""
    values: JsonObject = {}
    username = data.get("username")
    if username is not None and username != user.username:
        await check_username_free(db, username)
        values["username"] = username
    email = data.get("email")
    if email is not None and email.lower() != (user.email or ""):
        await check_email_free(db, email)
        values["email"] = email.lower()
    if data.get("name") is not None:
        values["name"] = data["name"]
    if data.get("active") is not None:
        values["active"] = data["active"]
    return values


async def check_update_user(
    db: AsyncSession, caller: User, user_id: str, data: JsonObject, now: int, rounds: int
) -> User:
    """users.update: name, username, email, password, active and roles of another user."""
    await check_permission(db, caller, EDITORS)
    user = await store.get_user(db, user_id)
    if user is None:
        raise MeteorError("error-invalid-user", "Invalid user")
    values = await _check_data(db, user, data)
    roles = data.get("roles")
    if roles is not None:
        unknown = [r for r in roles if r not in await permission_store.role_ids(db)]
        if unknown:
            raise MeteorError("error-invalid-role", "Invalid role")
    if (roles is not None and "admin" not in roles) or values.get("active") is False:
        await check_not_last_admin(db, user)
    if data.get("password"):
        values["password_hash"] = passwords.hash_password(data["password"], rounds)
    if values:
        await store.update_user(db, user.id, **values, updated_at=now)
        await db.refresh(user)
    if values.get("active") is False or "password_hash" in values:
        await store.delete_user_tokens(db, user.id)  # a deactivated user, or a new password, logs out
    if roles is not None:
        # one role at a time, so the livechat roles keep their side effects (an agent's availability)
        for role in [r for r in user.roles if r not in roles]:
            await agents.do_remove_role(db, user, role, now)
        for role in dict.fromkeys(r for r in roles if r not in user.roles):
            await agents.do_add_role(db, user, role, now)
    return user
