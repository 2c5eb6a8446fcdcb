"""Roles as an administrator assigns them: roles.list, roles.addUserToRole, roles.removeUserFromRole."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import RoleDoc
from frontdesk.errors import Failure, MeteorError
from frontdesk.models.permissions import Role
from frontdesk.models.users import User
from frontdesk.services import agents
from frontdesk.services.access import public
from frontdesk.services.permissions import has_permission
from frontdesk.services.users import check_not_last_admin
from frontdesk.store import permissions as store
from frontdesk.store import users as user_store

ASSIGNERS = "access-permissions"  # Rocket.Chat's authorization:addUserToRole / removeUserFromRole


def role_doc(role: Role) -> RoleDoc:
    return {
        "_id": role.id,
        "name": role.id,
        "description": role.description,
        "scope": role.scope,
        "protected": role.protected,
        "mandatory2fa": False,
    }


@public("any logged-in user may read the roles (roles.list), as in Rocket.Chat")
async def list_roles(db: AsyncSession) -> list[RoleDoc]:
    return [role_doc(r) for r in await store.all_roles(db)]


async def _target(db: AsyncSession, caller: User, role_id: str, username: str) -> tuple[Role, User]:
    if not await has_permission(db, caller, ASSIGNERS):
        raise MeteorError("error-action-not-allowed", "Accessing permissions is not allowed")
    user = await user_store.get_by_username(db, username)
    if user is None:
        raise MeteorError("error-invalid-user", "Invalid user")
    role = await store.get_role(db, role_id)
    if role is None:
        raise Failure("Role not found", "error-role-not-found")
    return role, user


async def check_add_user_to_role(
    db: AsyncSession, caller: User, role_id: str, username: str, now: int
) -> RoleDoc:
    role, user = await _target(db, caller, role_id, username)
    if role.id in user.roles:
        raise MeteorError("error-user-already-in-role", "User already in role")
    # the livechat roles carry state of their own (an agent's availability), set where managers add them
    await agents.do_add_role(db, user, role.id, now)
    return role_doc(role)


async def check_remove_user_from_role(
    db: AsyncSession, caller: User, role_id: str, username: str, now: int
) -> RoleDoc:
    role, user = await _target(db, caller, role_id, username)
    if role.id not in user.roles:
        raise MeteorError("error-user-not-in-role", "User is not in this role")
    if role.id == "admin":
        await check_not_last_admin(db, user)
    await agents.do_remove_role(db, user, role.id, now)
    return role_doc(role)
