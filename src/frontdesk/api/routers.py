"""Every REST router of the API, in one list that create_app mounts under /api/v1."""

from __future__ import annotations

from fastapi import APIRouter

from frontdesk.api.v1 import login, me, permissions, users
from frontdesk.api.v1 import settings as settings_routes
from frontdesk.api.v1.livechat import message, room, rooms, visitor, widget

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
]
