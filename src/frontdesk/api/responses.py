"""What the main endpoints answer, as JSON Schemas in the OpenAPI document: each response envelope, with
the documents inside it taken from documents.py (through pydantic), and Rocket.Chat's error body.

The test client checks every answer of these endpoints against them (tests/conftest.py), as Zulip's
test client does, so a response that drifts from its contract fails the test that got it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter

from frontdesk import documents as d
from frontdesk.documents import JsonObject

REF = "#/components/schemas/{model}"
API = "/api/v1"

# Every document a response below carries, by the component name it gets.
DOCUMENTS: tuple[Any, ...] = (
    d.RoomDoc,
    d.MessageDoc,
    d.DeletedMessage,
    d.InquiryDoc,
    d.VisitorDoc,
    d.SubscriptionDoc,
    d.DepartmentDoc,
    d.DepartmentAgentDoc,
    d.TagDoc,
    d.CustomFieldDoc,
    d.TransferData,
    d.AgentCard,
    d.HiddenAgent,
    d.UserCard,
    d.UserRef,
    d.QueueRow,
    d.PermissionDoc,
    d.RoutingConfig,
    d.PublicSetting,
    d.OfflineMessageDoc,
    d.UploadDoc,
    d.CannedResponseDoc,
    d.ImportedMessage,
)

ERROR: JsonObject = {
    "type": "object",
    "description": "Rocket.Chat's error body: `{success: false, error, errorType?, details?}`",
    "properties": {
        "success": {"const": False},
        "error": {"type": "string"},
        "errorType": {"type": "string"},
        "details": {},
        "status": {"type": "string"},
        "message": {"type": "string"},
    },
    "required": ["success"],
}


def ref(document: Any) -> JsonObject:
    return {"$ref": REF.format(model=document.__name__)}


def nullable(schema: JsonObject) -> JsonObject:
    return {"anyOf": [schema, {"type": "null"}]}


def ok(**fields: JsonObject) -> JsonObject:
    """`{<fields>, success: true}`, every field required."""
    return {
        "type": "object",
        "properties": {**fields, "success": {"const": True}},
        "required": [*fields, "success"],
    }


def paged(key: str, item: JsonObject) -> JsonObject:
    """A paginated list: `{<key>: [...], count, offset, total, success}`."""
    integer: JsonObject = {"type": "integer", "minimum": 0}
    return ok(**{key: {"type": "array", "items": item}}, count=integer, offset=integer, total=integer)


_OBJECT: JsonObject = {"type": "object"}
_AGENT: JsonObject = {"anyOf": [ref(d.AgentCard), ref(d.HiddenAgent)]}
_ROOMS = paged("rooms", ref(d.RoomDoc))
_ROOMS["description"] = (
    "With `fields`, each room has only the fields asked for (and `_id`); "
    "with `facets`, exact counts per facet value."
)
_COUNTS: JsonObject = {"type": "object", "additionalProperties": {"type": "integer", "minimum": 1}}
_STATUS_COUNTS: JsonObject = {
    "type": "object",
    "properties": {k: {"type": "integer", "minimum": 0} for k in ("open", "closed", "queued", "onhold")},
    "required": ["open", "closed", "queued", "onhold"],
    "additionalProperties": False,
}
_ROOMS["properties"]["facets"] = {
    "type": "object",
    "description": "Only with `facets=`: each facet asked for, `{value: rooms}` (store/room_facets.py).",
    "properties": {
        "status": _STATUS_COUNTS,
        **{facet: _COUNTS for facet in ("department", "agent", "tag", "source")},
    },
    "additionalProperties": False,
}

# (method, path) -> the 200 answer's schema
RESPONSES: dict[tuple[str, str], JsonObject] = {
    ("get", "/livechat/rooms"): _ROOMS,
    ("get", "/livechat/room"): ok(room=ref(d.RoomDoc), newRoom={"type": "boolean"}),
    ("post", "/livechat/visitor"): ok(visitor=ref(d.VisitorDoc)),
    ("get", "/livechat/visitor/{token}"): ok(visitor=ref(d.VisitorDoc)),
    ("delete", "/livechat/visitor/{token}"): ok(visitor=ref(d.DeletedMessage)),
    ("post", "/livechat/message"): ok(message=ref(d.MessageDoc)),
    ("get", "/livechat/message/{message_id}"): ok(message=ref(d.MessageDoc)),
    ("put", "/livechat/message/{message_id}"): ok(message=ref(d.MessageDoc)),
    ("delete", "/livechat/message/{message_id}"): ok(message=ref(d.DeletedMessage)),
    ("get", "/livechat/messages.history/{rid}"): ok(messages={"type": "array", "items": ref(d.MessageDoc)}),
    ("post", "/chat.sendMessage"): ok(message=ref(d.MessageDoc)),
    ("get", "/livechat/agent.info/{rid}/{token}"): ok(
        agent={"anyOf": [ref(d.AgentCard), ref(d.HiddenAgent)]}
    ),
    ("get", "/livechat/inquiries.queuedForUser"): paged("inquiries", ref(d.InquiryDoc)),
    ("get", "/livechat/inquiries.list"): paged("inquiries", _OBJECT),
    ("get", "/livechat/inquiries.getOne"): ok(inquiry=nullable(ref(d.InquiryDoc))),
    ("post", "/livechat/inquiries.take"): ok(inquiry=ref(d.InquiryDoc)),
    ("get", "/livechat/department"): paged("departments", ref(d.DepartmentDoc)),
    ("post", "/livechat/department"): ok(
        department=ref(d.DepartmentDoc), agents={"type": "array", "items": ref(d.DepartmentAgentDoc)}
    ),
    ("get", "/livechat/department/{department_id}/agents"): paged("agents", ref(d.DepartmentAgentDoc)),
    ("get", "/livechat/tags"): paged("tags", ref(d.TagDoc)),
    ("get", "/livechat/custom-fields"): paged("customFields", ref(d.CustomFieldDoc)),
    ("get", "/livechat/users/{kind}"): paged("users", ref(d.UserCard)),
    ("post", "/livechat/users/{kind}"): ok(user=ref(d.UserRef)),
    ("get", "/livechat/transfer.history/{rid}"): paged("history", ref(d.TransferData)),
    ("get", "/livechat/queue"): paged("queue", ref(d.QueueRow)),
    ("get", "/channels.info"): ok(channel=ref(d.RoomDoc)),
    ("get", "/subscriptions.getOne"): ok(subscription=nullable(ref(d.SubscriptionDoc))),
    ("get", "/livechat/offline.messages"): paged("messages", ref(d.OfflineMessageDoc)),
    ("get", "/channels.files"): paged("files", ref(d.UploadDoc)),
    ("post", "/livechat/messages"): ok(messages={"type": "array", "items": ref(d.ImportedMessage)}),
    ("get", "/canned-responses"): paged("cannedResponses", ref(d.CannedResponseDoc)),
    ("get", "/canned-responses.get"): ok(responses={"type": "array", "items": ref(d.CannedResponseDoc)}),
    ("get", "/canned-responses/{response_id}"): ok(cannedResponse=ref(d.CannedResponseDoc)),
    ("post", "/livechat/transcript"): ok(message={"type": "string"}),
    ("post", "/rooms.media/{rid}"): ok(
        file={"type": "object", "properties": {"_id": {"type": "string"}, "url": {"type": "string"}}}
    ),
    ("post", "/rooms.mediaConfirm/{rid}/{file_id}"): ok(message=ref(d.MessageDoc)),
    ("post", "/rooms.upload/{rid}"): ok(message=ref(d.MessageDoc)),
    ("post", "/livechat/upload/{rid}"): {
        "allOf": [ref(d.MessageDoc), ok(newRoom={"type": "boolean"}, showConnecting={"type": "boolean"})]
    },
    ("get", "/permissions.listAll"): ok(
        update={"type": "array", "items": ref(d.PermissionDoc)}, remove={"type": "array"}
    ),
    # the desk's reads (issue 14)
    ("get", "/subscriptions.get"): ok(
        update={"type": "array", "items": ref(d.SubscriptionDoc)}, remove={"type": "array"}
    ),
    ("post", "/subscriptions.read"): ok(),
    ("get", "/rooms.get"): ok(update={"type": "array", "items": ref(d.RoomDoc)}, remove={"type": "array"}),
    ("get", "/rooms.info"): ok(room=ref(d.RoomDoc)),
    ("get", "/livechat/{rid}/messages"): paged("messages", ref(d.MessageDoc)),
    ("get", "/livechat/visitors.pagesVisited/{room_id}"): paged("pages", ref(d.MessageDoc)),
    ("get", "/livechat/visitors.chatHistory/room/{room_id}/visitor/{visitor_id}"): paged(
        "history", ref(d.RoomDoc)
    ),
    ("get", "/livechat/config/routing"): ok(config=ref(d.RoutingConfig)),
    ("get", "/settings.public"): paged("settings", ref(d.PublicSetting)),
    ("post", "/livechat/inquiries.returnAsInquiry"): ok(result={"type": "boolean"}),
}
ERROR_STATUSES = ("400", "401", "403", "404")


@lru_cache(maxsize=1)
def components() -> JsonObject:
    """The documents' schemas, as OpenAPI components (`#/components/schemas/<Name>`)."""
    inputs = [(document.__name__, "serialization", TypeAdapter(document)) for document in DOCUMENTS]
    _, schemas = TypeAdapter.json_schemas(inputs, ref_template=REF)  # type: ignore[arg-type]
    found: JsonObject = dict(schemas.get("$defs", {}))
    return {**found, "RocketChatError": ERROR}


def add_response_schemas(openapi: JsonObject) -> None:
    """Put the response schemas into an OpenAPI document (paths already there, from the routes)."""
    paths = openapi.setdefault("paths", {})
    for (method, path), schema in RESPONSES.items():
        operation = paths.get(API + path, {}).get(method)
        if operation is None:
            continue
        responses = operation.setdefault("responses", {})
        ok_response = responses.setdefault("200", {"description": "Success"})
        ok_response["content"] = {"application/json": {"schema": schema}}
        for status in ERROR_STATUSES:
            error = responses.setdefault(status, {"description": "Rocket.Chat's error body"})
            error["content"] = {"application/json": {"schema": {"$ref": REF.format(model="RocketChatError")}}}
    openapi.setdefault("components", {}).setdefault("schemas", {}).update(components())
