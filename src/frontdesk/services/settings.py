"""The settings Frontdesk supports, their types and defaults, and reading/changing them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.errors import MeteorError, PermissionDenied
from frontdesk.models.users import User
from frontdesk.services.permissions import has_permission
from frontdesk.store import settings as store
from frontdesk.store.settings import SettingValue


@dataclass(frozen=True)
class SettingDef:
    type: str  # boolean | int | string | select
    default: Any
    choices: tuple[str, ...] = ()
    public: bool = False


DEFINITIONS: dict[str, SettingDef] = {
    "API_Default_Count": SettingDef("int", 50),
    "API_Upper_Count_Limit": SettingDef("int", 100),
    "API_Allow_Infinite_Count": SettingDef("boolean", True),
    "Livechat_enabled": SettingDef("boolean", True, public=True),
    "Livechat_title": SettingDef("string", "Rocket.Chat", public=True),
    "Livechat_title_color": SettingDef("string", "#C1272D", public=True),
    "Livechat_Routing_Method": SettingDef(
        "select", "Auto_Selection", ("Auto_Selection", "Manual_Selection", "External")
    ),
    "Livechat_accept_chats_with_no_agents": SettingDef("boolean", False),
    "Livechat_maximum_chats_per_agent": SettingDef("int", 0),
    "Livechat_waiting_queue": SettingDef("boolean", False),
    "Livechat_guest_count": SettingDef("int", 1),
    "Livechat_show_agent_info": SettingDef("boolean", True, public=True),
    "Livechat_show_agent_email": SettingDef("boolean", True, public=True),
    "Livechat_enabled_when_agent_idle": SettingDef("boolean", True),
    "Livechat_request_comment_when_closing_conversation": SettingDef("boolean", False, public=True),
    "Omnichannel_allow_visitors_to_close_conversation": SettingDef("boolean", True, public=True),
    "Store_Last_Message": SettingDef("boolean", True),
    "Omnichannel_enable_department_removal": SettingDef("boolean", False),
    "Message_MaxAllowedSize": SettingDef("int", 5000, public=True),
    "Omnichannel_allow_force_close_conversations": SettingDef("boolean", False, public=True),
    # How an agent's unread count grows in omnichannel rooms (Rocket.Chat's Unread_Count_Omni)
    "Unread_Count_Omni": SettingDef("select", "all_messages", ("all_messages", "mentions_only"), public=True),
    "Canned_Responses_Enable": SettingDef("boolean", True, public=True),
    # files (Rocket.Chat's FileUpload_* and Livechat_fileupload_enabled); sizes in bytes, -1 no limit
    "FileUpload_Enabled": SettingDef("boolean", True, public=True),
    "Livechat_fileupload_enabled": SettingDef("boolean", True, public=True),
    "FileUpload_MaxFileSize": SettingDef("int", 104_857_600, public=True),
    "FileUpload_MediaTypeWhiteList": SettingDef("string", "", public=True),
    "FileUpload_MediaTypeBlackList": SettingDef("string", "image/svg+xml", public=True),
    # mail
    "SMTP_Protocol": SettingDef("select", "smtp", ("smtp", "smtps")),
    "SMTP_Host": SettingDef("string", ""),
    "SMTP_Port": SettingDef("int", 0),  # 0: the protocol's own (25, or 465 for smtps)
    "SMTP_IgnoreTLS": SettingDef("boolean", True),
    "SMTP_Username": SettingDef("string", ""),
    "SMTP_Password": SettingDef("string", ""),
    "From_Email": SettingDef("string", ""),
    # transcripts
    "Livechat_enable_transcript": SettingDef("boolean", False, public=True),
    "Livechat_transcript_message": SettingDef("string", "", public=True),
    "Livechat_transcript_email_subject": SettingDef("string", ""),
    "Livechat_transcript_send_always": SettingDef("boolean", False),
    # the offline form
    "Livechat_display_offline_form": SettingDef("boolean", True, public=True),
    "Livechat_validate_offline_email": SettingDef("boolean", True, public=True),
    "Livechat_offline_email": SettingDef("string", ""),
    "Livechat_offline_title": SettingDef("string", "Leave a message", public=True),
    "Livechat_offline_title_color": SettingDef("string", "#666666", public=True),
    "Livechat_offline_message": SettingDef("string", "", public=True),
    "Livechat_offline_success_message": SettingDef("string", "", public=True),
    "Livechat_offline_form_unavailable": SettingDef("string", "", public=True),
}


async def get_values(db: AsyncSession, ids: list[str]) -> dict[str, SettingValue]:
    """Current values of the given settings, the default where none was stored."""
    stored = await store.get_values(db, ids)
    return {i: stored.get(i, DEFINITIONS[i].default) for i in ids}


async def get_value(db: AsyncSession, setting_id: str) -> Any:
    return (await get_values(db, [setting_id]))[setting_id]


def _invalid(setting_id: str) -> MeteorError:
    return MeteorError("error-invalid-setting-value", f"Invalid value for setting {setting_id}")


def coerce_text(setting_id: str, text: str) -> Any:
    """A value given as text (an OVERWRITE_SETTING_<id> environment variable) in the setting's type."""
    kind = DEFINITIONS[setting_id].type
    if kind == "boolean":
        lowered = text.strip().lower()
        if lowered not in ("true", "false"):
            raise _invalid(setting_id)
        return coerce(setting_id, lowered == "true")
    if kind == "int":
        try:
            return coerce(setting_id, int(text.strip()))
        except ValueError:
            raise _invalid(setting_id) from None
    return coerce(setting_id, text)


def coerce(setting_id: str, value: Any) -> Any:
    """Check a new value against the setting's type; Rocket.Chat refuses a value of the wrong type."""
    definition = DEFINITIONS[setting_id]
    if definition.type == "boolean":
        if not isinstance(value, bool):
            raise _invalid(setting_id)
        return value
    if definition.type == "int":
        if isinstance(value, bool) or not isinstance(value, int | float) or int(value) != value:
            raise _invalid(setting_id)
        return int(value)
    if not isinstance(value, str):
        raise _invalid(setting_id)
    if definition.choices and value not in definition.choices:
        raise _invalid(setting_id)
    return value


def check_known(setting_id: str) -> SettingDef:
    definition = DEFINITIONS.get(setting_id)
    if definition is None:
        raise MeteorError("error-setting-not-found", "Setting not found")
    return definition


async def may_change(db: AsyncSession, user: User, setting_id: str) -> bool:
    """Rocket.Chat's rule: edit-privileged-setting, or manage-selected-settings with change-setting-<id>."""
    if await has_permission(db, user, "edit-privileged-setting"):
        return True
    return await has_permission(db, user, "manage-selected-settings") and await has_permission(
        db, user, f"change-setting-{setting_id}"
    )


async def access_setting(db: AsyncSession, user: User, setting_id: str) -> Any:
    definition = check_known(setting_id)
    if (
        not definition.public
        and not await has_permission(db, user, "view-privileged-setting")
        and not await may_change(db, user, setting_id)
    ):
        raise PermissionDenied()
    return await get_value(db, setting_id)


async def check_set_setting(db: AsyncSession, user: User, setting_id: str, value: Any, now: int) -> None:
    check_known(setting_id)
    if not await may_change(db, user, setting_id):
        raise PermissionDenied()
    await store.set_value(db, setting_id, coerce(setting_id, value), now)
