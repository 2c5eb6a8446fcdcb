"""Every REST router of the API, in one list that create_app mounts under /api/v1."""

from __future__ import annotations

from fastapi import APIRouter

from frontdesk.api.v1 import (
    canned_responses,
    channels,
    chat,
    login,
    me,
    method_call,
    permissions,
    roles,
    rooms,
    rooms_media,
    subscriptions,
    users,
)
from frontdesk.api.v1 import settings as settings_routes
from frontdesk.api.v1.livechat import (
    analytics,
    catalog,
    catalog_edits,
    departments,
    history,
    inquiries,
    message,
    monitoring,
    offline_messages,
    room,
    room_actions,
    rooms_export,
    routing_config,
    transcript,
    upload,
    visitor,
    widget,
)
from frontdesk.api.v1.livechat import rooms as livechat_rooms
from frontdesk.api.v1.livechat import users as livechat_users

V1_ROUTERS: list[APIRouter] = [
    login.router,
    me.router,
    users.router,
    permissions.router,
    settings_routes.router,
    livechat_rooms.router,
    rooms_export.router,
    visitor.router,
    room.router,
    message.router,
    widget.router,
    livechat_users.router,
    inquiries.router,
    room_actions.router,
    departments.router,
    catalog.router,
    catalog_edits.router,
    roles.router,
    monitoring.router,
    analytics.router,
    chat.router,
    channels.router,
    method_call.router,
    # the desk's reads (issue 14): subscriptions, rooms, history, routing config
    subscriptions.router,
    rooms.router,
    routing_config.router,
    history.router,
    # the agent's daily tools (issue 15)
    offline_messages.router,
    transcript.router,
    upload.router,
    rooms_media.router,
    canned_responses.router,
]
