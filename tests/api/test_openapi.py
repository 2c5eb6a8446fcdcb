"""The OpenAPI document: every body a route checks is described, logged-in operations say how to log in."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts

from frontdesk.api.deps import json_body
from frontdesk.api.openapi import needs_login, openapi_schema
from frontdesk.api.schema import validate


def operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(path, method, op) for path, item in document["paths"].items() for method, op in item.items()]


def reads_body(dependant: Any) -> bool:
    return any(d.call is json_body or reads_body(d) for d in dependant.dependencies)


def walk(value: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(value, dict):
        found.append(value)
        for item in value.values():
            found += walk(item)
    elif isinstance(value, list):
        for item in value:
            found += walk(item)
    return found


async def test_every_route_reading_a_body_documents_it(app: FastAPI, client: httpx.AsyncClient) -> None:
    document = (await client.get("/openapi.json")).json()
    checked = 0
    for route in iter_route_contexts(app.routes):
        if not isinstance(route.original_route, APIRoute) or not route.include_in_schema:
            continue
        for method in route.methods or ():
            operation = document["paths"][route.path_format][method.lower()]
            if reads_body(route.dependant):
                body = operation.get("requestBody")
                assert body and body["content"]["application/json"]["schema"], f"{method} {route.path_format}"
                checked += 1
            if needs_login(route.dependant):
                assert operation["security"] == [{"userId": [], "authToken": []}], route.path_format
    assert checked >= 30  # the number of body-reading routes today: none slipped through the loop


async def test_security_schemes_are_rocket_chat_headers(client: httpx.AsyncClient) -> None:
    document = (await client.get("/openapi.json")).json()
    schemes = document["components"]["securitySchemes"]
    assert schemes["userId"] == {**schemes["userId"], "type": "apiKey", "in": "header", "name": "X-User-Id"}
    assert schemes["authToken"]["name"] == "X-Auth-Token" and schemes["authToken"]["in"] == "header"
    rooms = document["paths"]["/api/v1/livechat/rooms"]["get"]
    assert rooms["security"] == [{"userId": [], "authToken": []}]
    assert not [p for p in rooms["parameters"] if p["in"] == "header"]  # "Authorize" supplies them
    assert "security" not in document["paths"]["/api/v1/livechat/visitor"]["post"]  # visitors use a token
    login = document["paths"]["/api/v1/login"]["post"]["requestBody"]["content"]["application/json"]
    assert set(login["schema"]["properties"]) >= {"user", "password", "resume"}


async def test_schemas_are_openapi_3_1_json_schema(client: httpx.AsyncClient) -> None:
    document = (await client.get("/openapi.json")).json()
    assert document["openapi"].startswith("3.1")
    for node in walk(document["paths"]):
        assert "nullable" not in node and "isNotEmpty" not in node
    offline = document["paths"]["/api/v1/livechat/offline.message"]["post"]["requestBody"]
    schema = offline["content"]["application/json"]["schema"]
    assert schema["required"] == ["name", "email", "message"] and schema["additionalProperties"] is False
    history = document["paths"]["/api/v1/livechat/messages.history/{rid}"]["get"]["parameters"]
    assert {"rid", "token"} <= {p["name"] for p in history}


def test_nullable_and_is_not_empty_are_translated() -> None:
    ajv = {"type": "object", "properties": {"a": {"type": "string", "nullable": True, "isNotEmpty": True}}}
    assert openapi_schema(ajv)["properties"]["a"] == {"type": ["string", "null"], "pattern": r"\S"}
    # the translated schema still accepts what the route accepts
    assert validate(ajv, {"a": "x"}) == {"a": "x"}


async def test_try_it_out_after_authorize(client: httpx.AsyncClient) -> None:
    """What Swagger UI sends after a login and "Authorize": the documented headers are enough."""
    document = (await client.get("/openapi.json")).json()
    body = document["paths"]["/api/v1/login"]["post"]["requestBody"]["content"]["application/json"]
    assert body["example"]["user"] == "admin"
    from frontdesk.services.bootstrap import TEST_ADMIN

    login = (await client.post("/api/v1/login", json={"user": TEST_ADMIN, "password": TEST_ADMIN})).json()
    schemes = document["components"]["securitySchemes"]
    headers = {
        schemes["userId"]["name"]: login["data"]["userId"],
        schemes["authToken"]["name"]: login["data"]["authToken"],
    }
    assert (await client.get("/api/v1/livechat/rooms", headers=headers)).status_code == 200
    assert (await client.get("/api/v1/me", headers=headers)).status_code == 200
