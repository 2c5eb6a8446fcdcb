"""GET livechat/config: what the visitor widget needs to start (settings, theme, departments, state)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import JsonObject, served_by_id
from frontdesk.services import routing
from frontdesk.services import settings as settings_service
from frontdesk.services.access import public
from frontdesk.services.agent_card import agent_card
from frontdesk.store import departments as department_store
from frontdesk.store import users as user_store
from frontdesk.store import visitors as visitor_store
from frontdesk.store.room_reads import open_room_of_visitor

SURVEY = {
    "items": ["satisfaction", "agentKnowledge", "agentResposiveness", "agentFriendliness"],
    "values": ["1", "2", "3", "4", "5"],
}


@public("the widget's configuration is public; a token adds only that visitor's own state")
async def widget_config(
    db: AsyncSession, token: str | None, department: str | None, sound_url: str
) -> JsonObject:
    """`sound_url`: the notification sound the widget plays (Rocket.Chat: `<ROOT_URL>/sounds/chime.mp3`)."""
    values = await settings_service.get_values(
        db,
        [
            "Livechat_enabled",
            "Livechat_title",
            "Livechat_title_color",
            "Message_MaxAllowedSize",
            "Livechat_show_agent_info",
            "Livechat_accept_chats_with_no_agents",
            "Livechat_display_offline_form",
            "Livechat_offline_title",
            "Livechat_offline_title_color",
            "Livechat_offline_message",
            "Livechat_offline_success_message",
            "Livechat_offline_form_unavailable",
            "Livechat_enable_transcript",
            "Livechat_transcript_message",
            "FileUpload_Enabled",
            "Livechat_fileupload_enabled",
        ],
    )
    if not values["Livechat_enabled"]:
        return {"enabled": False}
    online = bool(await routing.online_agents(db, department or None)) or bool(
        values["Livechat_accept_chats_with_no_agents"]
    )
    departments = [
        {k: d.get(k) for k in ("_id", "name", "showOnRegistration", "showOnOfflineForm")}
        for d in await department_store.list_enabled_departments(db)
    ]
    config: JsonObject = {
        "enabled": True,
        "settings": {
            "registrationForm": True,
            "allowSwitchingDepartments": True,
            "nameFieldRegistrationForm": True,
            "emailFieldRegistrationForm": True,
            "displayOfflineForm": values["Livechat_display_offline_form"],
            "videoCall": False,
            "fileUpload": bool(values["FileUpload_Enabled"] and values["Livechat_fileupload_enabled"]),
            "language": "",
            "transcript": values["Livechat_enable_transcript"],
            "historyMonitorType": "url",
            "forceAcceptDataProcessingConsent": False,
            "showConnecting": False,
            "agentHiddenInfo": not values["Livechat_show_agent_info"],
            "clearLocalStorageWhenChatEnded": False,
            "limitTextLength": values["Message_MaxAllowedSize"],
        },
        "theme": {
            "title": values["Livechat_title"],
            "color": values["Livechat_title_color"],
            "offlineTitle": values["Livechat_offline_title"],
            "offlineColor": values["Livechat_offline_title_color"],
            "actionLinks": {"webrtc": [], "jitsi": []},
        },
        "messages": {
            "offlineMessage": values["Livechat_offline_message"],
            "offlineSuccessMessage": values["Livechat_offline_success_message"],
            "offlineUnavailableMessage": values["Livechat_offline_form_unavailable"],
            "conversationFinishedMessage": "",
            "conversationFinishedText": "",
            "transcriptMessage": values["Livechat_transcript_message"],
            "registrationFormMessage": "",
        },
        "survey": SURVEY,
        "triggers": [],
        "departments": departments,
        "resources": {"sound": sound_url, "emojis": []},
        "online": online,
    }
    if token:
        visitor = await visitor_store.get_by_token(db, token)
        if visitor is not None:
            config["guest"] = visitor
            room = await open_room_of_visitor(db, token)
            if room is not None:
                config["room"] = room
                agent_id = served_by_id(room)
                agent = await user_store.get_user(db, agent_id) if agent_id else None
                if agent is not None:
                    config["agent"] = await agent_card(db, agent)
    return config
