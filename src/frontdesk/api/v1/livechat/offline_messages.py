"""GET livechat/offline.messages: what visitors left through the offline form, for managers.

A Frontdesk addition: Rocket.Chat only mails these messages (or posts them to a channel) and keeps no
list of them; the path sits beside the widget's POST livechat/offline.message.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from frontdesk.api.deps import CurrentUser, Db, query_params
from frontdesk.api.wire import paged_body
from frontdesk.errors import json_response
from frontdesk.services.offline_messages import check_list_offline_messages
from frontdesk.services.pagination import ListQuery

router = APIRouter()

_NUM = {"type": "number", "nullable": True}
LIST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"offset": _NUM, "count": _NUM, "sort": {"type": "string", "nullable": True}},
    "additionalProperties": False,
}


@router.get("/livechat/offline.messages")
async def list_offline_messages(request: Request, user: CurrentUser, db: Db) -> Response:
    query = query_params(request, LIST_SCHEMA)
    found = await check_list_offline_messages(db, user, ListQuery.of(query))
    return json_response(paged_body("messages", found))
