"""Every REST router of the API, in one list that create_app mounts under /api/v1."""

from __future__ import annotations

from fastapi import APIRouter

from frontdesk.api.v1 import channels, chat, login, me, method_call, permissions, users
from frontdesk.api.v1 import settings as settings_routes
from frontdesk.api.v1.livechat import (
    catalog,
    departments,
    inquiries,
    message,
    monitoring,
    room,
    room_actions,
    rooms,
    visitor,
    widget,
)
from frontdesk.api.v1.livechat import users as livechat_users

V1_ROUTERS: list[APIRouter] = [
    login.router,
    me.router,
    users.router,
    permissions.router,
    settings_routes.router,
    rooms.router,
    visitor.router,
    room.router,
    message.router,
    widget.router,
    livechat_users.router,
    inquiries.router,
    room_actions.router,
    departments.router,
    catalog.router,
    monitoring.router,
    chat.router,
    channels.router,
    method_call.router,
]
