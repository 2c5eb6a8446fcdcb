"""The JSON Schema of GET livechat/rooms' query (rest-typings' GETLivechatRoomsParamsSchema)."""

from typing import Any

__all__ = ["LIVECHAT_ROOMS_QUERY_SCHEMA"]

_STRING_OR_BOOLEAN: dict[str, Any] = {
    "anyOf": [{"type": "string", "nullable": True}, {"type": "boolean", "nullable": True}]
}
_STRINGS: dict[str, Any] = {"type": "array", "items": {"type": "string"}}

# Validated with coerceTypes: true (not 'array'), so scalar `agents`/`tags` fail with "must be array"
# (livechat-api.md §1.3); `open`/`onhold`/`queued` keep the string "true"/"false" for the handler.
LIVECHAT_ROOMS_QUERY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "count": {"type": "number", "nullable": True},
        "offset": {"type": "number", "nullable": True},
        "sort": {"type": "string", "nullable": True},
        "query": {"type": "string", "nullable": True},
        "fields": {"type": "string", "nullable": True},
        "createdAt": {"type": "string", "nullable": True},
        "customFields": {"type": "string", "nullable": True},
        "closedAt": {"type": "string", "nullable": True},
        "agents": {**_STRINGS, "nullable": True},
        "roomName": {"type": "string", "nullable": True},
        "departmentId": {"anyOf": [{"type": "string"}, _STRINGS]},
        "open": _STRING_OR_BOOLEAN,
        "onhold": _STRING_OR_BOOLEAN,
        "queued": _STRING_OR_BOOLEAN,
        "tags": {**_STRINGS, "nullable": True},
        "units": _STRINGS,
    },
    "additionalProperties": False,
}
