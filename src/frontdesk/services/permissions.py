"""Role-based permissions with Rocket.Chat's default mapping, and the checks services make."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.clock import iso
from frontdesk.documents import PermissionDoc
from frontdesk.errors import MeteorError, PermissionDenied
from frontdesk.models.users import User
from frontdesk.services.access import permission_check, public
from frontdesk.store import permissions as store

_M, _MON, _A, _ADM = "livechat-manager", "livechat-monitor", "livechat-agent", "admin"

DEFAULT_ROLES: dict[str, str] = {
    "admin": "Administrator",
    "user": "User",
    "bot": "Bot",
    "livechat-agent": "Livechat agent",
    "livechat-manager": "Livechat manager",
    "livechat-monitor": "Livechat monitor",
    "livechat-guest": "Livechat guest",
}

# The omnichannel settings a livechat manager changes from the desk's administration (routing, the widget):
# Rocket.Chat's per-setting `change-setting-<id>` permissions, given to managers here (Rocket.Chat gives
# them to admins only) with `manage-selected-settings`.
MANAGER_SETTINGS = (
    "Livechat_Routing_Method",
    "Livechat_maximum_chats_per_agent",
    "Livechat_accept_chats_with_no_agents",
    "Livechat_request_comment_when_closing_conversation",
    "Livechat_waiting_queue",
    "Livechat_enabled",
    "Livechat_title",
    "Livechat_title_color",
    "Livechat_show_agent_info",
    "Livechat_show_agent_email",
    "Livechat_fileupload_enabled",
    "Livechat_enable_transcript",
    "Livechat_display_offline_form",
    "Livechat_offline_title",
    "Livechat_offline_title_color",
    "Livechat_offline_message",
    "Livechat_offline_success_message",
)

DEFAULT_PERMISSIONS: dict[str, list[str]] = {
    "view-l-room": [_M, _MON, _A, _ADM],
    "view-livechat-manager": [_M, _MON, _ADM],
    "view-livechat-rooms": [_M, _MON, _ADM],
    # the desk's Realtime monitoring and Analytics screens (as Rocket.Chat grants them)
    "view-livechat-real-time-monitoring": [_M, _MON, _ADM],
    "view-livechat-analytics": [_M, _MON, _ADM],
    "close-livechat-room": [_M, _MON, _A, _ADM],
    "close-others-livechat-room": [_M, _MON, _ADM],
    "transfer-livechat-guest": [_M, _MON, _ADM],
    "manage-livechat-agents": [_M, _MON, _ADM],
    "manage-livechat-managers": [_M, _ADM],
    "manage-livechat-departments": [_M, _MON, _ADM],
    "view-livechat-departments": [_M, _MON, _ADM],
    "add-livechat-department-agents": [_M, _MON, _ADM],
    "remove-livechat-department": [_M, _ADM],
    "save-others-livechat-room-info": [_M, _MON],
    "edit-livechat-room-customfields": [_M, _MON, _A, _ADM],
    "view-livechat-room-customfields": [_M, _MON, _A, _ADM],
    "on-hold-livechat-room": [_M, _MON, _A, _ADM],
    "on-hold-others-livechat-room": [_M, _MON, _ADM],
    "edit-omnichannel-contact": [_M, _A, _ADM],
    "manage-livechat-tags": [_M, _ADM],
    "create-user": [_ADM],
    "delete-user": [_ADM],
    "edit-other-user-info": [_ADM],
    "view-full-other-user-info": [_ADM],
    "view-other-user-channels": [_ADM],
    "access-permissions": [_ADM],
    "view-privileged-setting": [_ADM],
    "edit-privileged-setting": [_ADM],
    "manage-own-outgoing-integrations": [_ADM],
    "send-omnichannel-chat-transcript": [_M, _ADM],
    # canned responses (Rocket.Chat Enterprise's, free here)
    "view-canned-responses": [_M, _MON, _A, _ADM],
    "view-all-canned-responses": [_M, _ADM],
    "save-canned-responses": [_M, _MON, _A, _ADM],
    "save-all-canned-responses": [_M, _ADM],
    "save-department-canned-responses": [_MON],
    "remove-canned-responses": [_M, _MON, _A, _ADM],
    # administration screens
    "view-user-administration": [_ADM],
    "manage-selected-settings": [_M],
    **{f"change-setting-{setting_id}": [_M, _ADM] for setting_id in MANAGER_SETTINGS},
}


@permission_check
async def has_permission(db: AsyncSession, user: User, permission: str) -> bool:
    roles = await store.roles_with(db, permission)
    return any(r in roles for r in user.roles)


@permission_check
async def check_permission(db: AsyncSession, user: User, *permissions: str) -> None:
    """Raise the 403 of a route's `permissionsRequired` unless the user holds all of them."""
    for permission in permissions:
        if not await has_permission(db, user, permission):
            raise PermissionDenied()


@permission_check
async def check_any_permission(db: AsyncSession, user: User, *permissions: str) -> None:
    for permission in permissions:
        if await has_permission(db, user, permission):
            return
    raise PermissionDenied()


async def check_update_permissions(
    db: AsyncSession, user: User, updates: list[tuple[str, list[str]]], now: int
) -> list[PermissionDoc]:
    """permissions.update: then every permission as it now stands."""
    await check_permission(db, user, "access-permissions")
    await do_update_permissions(db, updates, now)
    return await list_permissions(db)


async def do_update_permissions(db: AsyncSession, updates: list[tuple[str, list[str]]], now: int) -> None:
    """Replace the roles of existing permissions; unknown permissions or roles are refused whole."""
    known_roles = await store.role_ids(db)
    rows = []
    for perm_id, roles in updates:
        row = await store.get_permission(db, perm_id)
        if row is None:
            raise MeteorError("error-invalid-permission", "Invalid permission")
        unknown = [r for r in roles if r not in known_roles]
        if unknown:
            raise MeteorError("error-invalid-role", "Invalid role")
        rows.append((row, roles))
    for row, roles in rows:
        row.roles = list(dict.fromkeys(roles))
        row.updated_at = now
    await db.flush()


def permission_doc(perm_id: str, roles: list[str], updated_at: int) -> PermissionDoc:
    return {"_id": perm_id, "roles": roles, "_updatedAt": iso(updated_at)}


@public("any logged-in user may read the permission list, as in Rocket.Chat")
async def list_permissions(db: AsyncSession, updated_since: int | None = None) -> list[PermissionDoc]:
    """Every permission with its roles (permissions.listAll: any logged-in user may read them)."""
    rows = await store.all_permissions(db)
    return [
        permission_doc(p.id, list(p.roles), p.updated_at)
        for p in rows
        if updated_since is None or p.updated_at > updated_since
    ]
