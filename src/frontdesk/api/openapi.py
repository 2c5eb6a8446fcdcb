"""The OpenAPI document: FastAPI's, plus what it cannot see in our routes.

Routes read their bodies and query strings themselves and check them against JSON-Schema dicts
(`check_body(body, SCHEMA)`, `query_params(request, SCHEMA)`), so FastAPI documents neither. This module
finds those calls in each endpoint's source (and in the same module's helpers it calls), and puts the
schemas in the document as request bodies and query parameters. Operations that need a logged-in user
(the CurrentUser dependency) get the `X-User-Id` + `X-Auth-Token` security scheme, so Swagger UI's
"Authorize" then "Try it out" works. Extend `build_openapi` here (response schemas, ...).
"""

from __future__ import annotations

import ast
import copy
import inspect
import textwrap
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any, get_args

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute, RouteContext, iter_route_contexts

from frontdesk.api.deps import CurrentUser

SECURITY_SCHEMES = {
    "userId": {
        "type": "apiKey",
        "in": "header",
        "name": "X-User-Id",
        "description": "`data.userId` from POST /api/v1/login",
    },
    "authToken": {
        "type": "apiKey",
        "in": "header",
        "name": "X-Auth-Token",
        "description": "`data.authToken` from POST /api/v1/login",
    },
}
LOGGED_IN: list[dict[str, list[str]]] = [{"userId": [], "authToken": []}]
DESCRIPTION = """\
Rocket.Chat's Livechat REST API as Frontdesk serves it. Most operations need a logged-in user:
call **POST /api/v1/login** (Try it out, with `{"user": "admin", "password": "..."}`), then press
**Authorize** and paste `data.userId` into `userId` (X-User-Id) and `data.authToken` into `authToken`
(X-Auth-Token). Visitor operations (the widget's) take the visitor's `token` instead.
Errors have Rocket.Chat's shape: `{"success": false, "error": "...", "errorType": "..."}`.
"""
AUTH_DEPENDENCY = get_args(CurrentUser)[1].dependency
AUTH_HEADERS = ("x-user-id", "x-auth-token")
BODY_CHECK, QUERY_CHECK = "check_body", "query_params"


def build_openapi(app: FastAPI, extra_paths: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The whole document; `extra_paths` documents routes FastAPI does not know (plain Starlette ones)."""
    schema = get_openapi(
        title=app.title, version=app.version, description=DESCRIPTION, routes=app.routes, tags=None
    )
    paths = schema.setdefault("paths", {})
    for path, item in extra_paths.items():
        paths[path] = item = copy.deepcopy(item)
        for operation in item.values():
            _plain_route(path, operation)
    for route in iter_route_contexts(app.routes):  # routers included under a prefix, as FastAPI sees them
        if not isinstance(route.original_route, APIRoute) or not route.include_in_schema:
            continue
        for method in route.methods or ():
            operation = paths.get(route.path_format or "", {}).get(method.lower())
            if operation is not None:
                describe(operation, route)
    schema.setdefault("components", {})["securitySchemes"] = SECURITY_SCHEMES
    return schema


def _plain_route(path: str, operation: dict[str, Any]) -> None:
    """A hand-written operation: credentials as the security scheme rather than header parameters."""
    parameters = operation.get("parameters", [])
    credentials = [p for p in parameters if p["in"] == "header" and p["name"].lower() in AUTH_HEADERS]
    operation["parameters"] = [
        {**p, "schema": openapi_schema(p.get("schema", {}))} for p in parameters if p not in credentials
    ]
    if credentials:
        operation["security"] = LOGGED_IN
    operation.setdefault("tags", [path.removeprefix("/api/v1/")])


def describe(operation: dict[str, Any], route: RouteContext) -> None:
    assert route.endpoint is not None
    bodies, queries = schemas_checked_by(route.endpoint)
    if bodies and "requestBody" not in operation:
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": openapi_schema(bodies[0])}},
        }
    if queries:
        known = {(p["in"], p["name"]) for p in operation.get("parameters", [])}
        added = [p for p in query_parameters(queries[0]) if ("query", p["name"]) not in known]
        if added:
            operation["parameters"] = [*operation.get("parameters", []), *added]
    if needs_login(route.dependant):
        operation["security"] = LOGGED_IN
    if "tags" not in operation:
        operation["tags"] = [tag_of(route.endpoint)]


def tag_of(endpoint: Callable[..., Any]) -> str:
    """`frontdesk.api.v1.livechat.rooms` -> `livechat/rooms`: one group per router module."""
    module = endpoint.__module__.removeprefix("frontdesk.api.")
    return module.removeprefix("v1.").replace(".", "/")


def needs_login(dependant: Dependant) -> bool:
    return any(d.call is AUTH_DEPENDENCY or needs_login(d) for d in dependant.dependencies)


def query_parameters(schema: dict[str, Any]) -> list[dict[str, Any]]:
    required = set(schema.get("required", ()))
    return [
        {"name": name, "in": "query", "required": name in required, "schema": openapi_schema(sub)}
        for name, sub in (schema.get("properties") or {}).items()
    ]


def openapi_schema(schema: Any) -> Any:
    """An AJV schema as OpenAPI 3.1 (JSON Schema 2020-12) says it: `nullable` becomes a "null" type, and
    Rocket.Chat's own `isNotEmpty` keyword a pattern (something besides white space)."""
    if isinstance(schema, list):
        return [openapi_schema(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {
        key: openapi_schema(value) for key, value in schema.items() if key not in ("nullable", "isNotEmpty")
    }
    if schema.get("nullable") is True and "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        out["type"] = [*types, "null"] if "null" not in types else types
    if "isNotEmpty" in schema and "pattern" not in schema:
        out["pattern"] = r"\S"
    return out


def schemas_checked_by(endpoint: Callable[..., Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(body schemas, query schemas) the endpoint passes to check_body / query_params, directly or
    through helper functions of its own module."""
    bodies: list[dict[str, Any]] = []
    queries: list[dict[str, Any]] = []
    for kind, value in _checked(endpoint, depth=3):
        (bodies if kind == BODY_CHECK else queries).append(value)
    return bodies, queries


def _checked(func: Callable[..., Any], depth: int) -> Iterator[tuple[str, dict[str, Any]]]:
    tree = _syntax(func)
    if tree is None:
        return
    names = func.__globals__
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        called = node.func.id
        if called in (BODY_CHECK, QUERY_CHECK) and len(node.args) >= 2:
            value = _resolve(node.args[1], names)
            if isinstance(value, dict):
                yield called, value
            continue
        helper = names.get(called)
        if depth > 0 and inspect.isfunction(helper) and helper.__module__ == func.__module__:
            yield from _checked(helper, depth - 1)


@lru_cache(maxsize=512)
def _syntax(func: Callable[..., Any]) -> ast.AST | None:
    try:
        return ast.parse(textwrap.dedent(inspect.getsource(func)))
    except (OSError, TypeError, SyntaxError):  # no source (a frozen build): documented without schemas
        return None


def _resolve(node: ast.expr, names: dict[str, Any]) -> Any:
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if isinstance(node, ast.Attribute):
        owner = _resolve(node.value, names)
        return getattr(owner, node.attr, None)
    return None
