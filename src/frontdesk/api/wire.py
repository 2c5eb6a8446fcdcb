"""JSON shapes as Rocket.Chat writes them (dates as ISO 8601 with milliseconds and Z)."""

from __future__ import annotations

from typing import Any

from frontdesk.clock import iso
from frontdesk.models.users import User
from frontdesk.services.pagination import ListPage


def user_doc(user: User) -> dict[str, Any]:
    """A user as users.info and login's `me` show it (never the password or tokens)."""
    doc: dict[str, Any] = {
        "_id": user.id,
        "type": user.type,
        "active": user.active,
        "username": user.username,
        "name": user.name,
        "status": user.status,
        "statusConnection": user.status_connection,
        "utcOffset": 0,
        "roles": list(user.roles),
        "createdAt": iso(user.created_at),
        "_updatedAt": iso(user.updated_at),
    }
    if user.email:
        doc["emails"] = [{"address": user.email, "verified": False}]
    if user.status_text:
        doc["statusText"] = user.status_text
    if user.status_livechat:
        doc["statusLivechat"] = user.status_livechat
    livechat = user.extra.get("livechat") if user.extra else None
    if livechat:
        doc["livechat"] = livechat
    return doc


def me_doc(user: User) -> dict[str, Any]:
    doc = user_doc(user)
    doc["settings"] = {"preferences": {}}
    if user.email:
        doc["email"] = user.email
    return doc


def paged_body(key: str, page: ListPage[Any]) -> dict[str, Any]:
    """A paginated list as Rocket.Chat answers it: `{<key>: [...], count, offset, total, success}`."""
    return {
        key: page.items,
        "count": len(page.items),
        "offset": page.offset,
        "total": page.total,
        "success": True,
    }
