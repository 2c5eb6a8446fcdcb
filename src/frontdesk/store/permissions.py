"""Queries on roles and permissions."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.db.memo import remembered
from frontdesk.models.permissions import Permission, Role


async def roles_with(db: AsyncSession, permission: str) -> list[str]:
    async def read() -> list[str]:
        stmt = select(Permission.roles).where(Permission.id == permission)
        return list((await db.execute(stmt)).scalar_one_or_none() or [])

    return list(await remembered(db, ("roles_with", permission), read))


async def all_permissions(db: AsyncSession) -> list[Permission]:
    return list((await db.execute(select(Permission).order_by(Permission.id))).scalars().all())


async def get_permission(db: AsyncSession, permission_id: str) -> Permission | None:
    return await db.get(Permission, permission_id)


async def role_ids(db: AsyncSession) -> set[str]:
    return set((await db.execute(select(Role.id))).scalars().all())


async def add_missing(
    db: AsyncSession, roles: dict[str, str], permissions: dict[str, list[str]], now: int
) -> None:
    """Create default roles and permissions that do not exist yet; edited ones are left alone."""
    have_roles = await role_ids(db)
    for role_id, description in roles.items():
        if role_id not in have_roles:
            db.add(Role(id=role_id, description=description, scope="Users", protected=True))
    have = set((await db.execute(select(Permission.id))).scalars().all())
    for perm_id, perm_roles in permissions.items():
        if perm_id not in have:
            db.add(Permission(id=perm_id, roles=list(perm_roles), updated_at=now))
    await db.flush()


async def all_roles(db: AsyncSession) -> list[Role]:
    return list((await db.execute(select(Role).order_by(Role.id))).scalars().all())


async def get_role(db: AsyncSession, role_id: str) -> Role | None:
    return await db.get(Role, role_id)
