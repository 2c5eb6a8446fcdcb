"""Every REST route and DDP method reaches a permission check in the services it calls, or calls only
services declared public (services/access.py); and no door checks permissions itself.

The doors are enumerated from the running app's routes and the DDP method registries. What a door
calls is read from its source and followed, function by function, through frontdesk's own modules.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
import types
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from starlette.routing import Route

from frontdesk.realtime import ddp_methods
from frontdesk.services import access, methods, tags, transfer
from frontdesk.services.permissions import check_permission

Fn = Callable[..., Any]


def _resolve(node: ast.expr, scope: dict[str, Any]) -> Any:
    if isinstance(node, ast.Name):
        return scope.get(node.id)
    if isinstance(node, ast.Attribute):
        owner = _resolve(node.value, scope)
        return getattr(owner, node.attr, None) if isinstance(owner, types.ModuleType) else None
    return None


def callees(fn: Fn) -> list[Fn]:
    """frontdesk functions a function calls by name (module globals and `module.function`)."""
    fn = inspect.unwrap(fn)
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(fn)))
    except (OSError, TypeError):
        return []
    found: list[Fn] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            target = _resolve(node.func, fn.__globals__)
            if inspect.isfunction(target) and target.__module__.startswith("frontdesk."):
                found.append(target)
    return found


def reaches_check(fn: Fn, seen: set[Fn] | None = None) -> bool:
    seen = set() if seen is None else seen
    if fn in seen:
        return False
    seen.add(fn)
    if access.access_of(fn) == access.CHECK:
        return True
    return any(reaches_check(callee, seen) for callee in callees(fn))


def problems(door: Fn) -> Iterator[str]:
    for callee in callees(door):
        if access.access_of(callee) == access.CHECK and not callee.__name__.startswith("access_"):
            # (an access_* service fetches and checks in one call: a door may call it as its service)
            yield f"checks permissions itself ({callee.__name__}): move the check into the service"
        elif (
            callee.__module__.startswith("frontdesk.services.")
            and inspect.iscoroutinefunction(callee)
            and not (access.access_of(callee) or "").startswith("public:")
            and not reaches_check(callee)
        ):
            yield f"calls {callee.__module__}.{callee.__name__}, which neither checks nor is declared @public"


def _routes(routes: list[Any], prefix: str = "") -> Iterator[tuple[str, Route]]:
    for route in routes:
        included = getattr(route, "original_router", None)  # FastAPI >= 0.165 keeps included routers whole
        if included is not None:
            yield from _routes(included.routes, prefix + route.include_context.prefix)
        elif isinstance(route, Route):
            yield prefix + route.path, route


def rest_doors(app: FastAPI) -> dict[str, Fn]:
    doors: dict[str, Fn] = {}
    for path, route in _routes(app.routes):
        if route.endpoint.__module__.startswith("frontdesk."):
            for method in sorted(route.methods or ()):
                doors[f"{method} {path}"] = route.endpoint
    return doors


def ddp_doors() -> dict[str, Fn]:
    doors: dict[str, Fn] = {
        f"DDP {name}": handler for name, handler in ddp_methods.CONNECTION_METHODS.items()
    }
    doors.update({f"DDP {name}": method.handler for name, method in methods.METHODS.items()})
    return doors


def test_every_route_and_method_reaches_a_check_or_is_public(app: FastAPI) -> None:
    doors = {**rest_doors(app), **ddp_doors()}
    assert len(doors) > 80  # every router and both method registries were found
    found = {name: list(problems(door)) for name, door in doors.items()}
    assert {name: issues for name, issues in found.items() if issues} == {}


def test_the_listing_route_is_held_to_it(app: FastAPI) -> None:
    """GET livechat/rooms is a plain Starlette route, mounted apart from the routers."""
    assert "GET /api/v1/livechat/rooms" in rest_doors(app)


async def unchecked_door(db: Any, user: Any) -> Any:
    return await transfer.do_unassign(db, user, {}, 0)  # a do_: no check of its own


async def self_checking_door(db: Any, user: Any) -> Any:
    await check_permission(db, user, "view-l-room")
    return await tags.access_tag(db, user, "t1")


def test_a_door_calling_an_unchecked_service_is_caught() -> None:
    assert [p for p in problems(unchecked_door) if "neither checks nor is declared @public" in p]


def test_a_door_checking_permissions_itself_is_caught() -> None:
    assert [p for p in problems(self_checking_door) if "checks permissions itself" in p]


@pytest.mark.parametrize("reason", ["", "   "])
def test_public_needs_a_reason(reason: str) -> None:
    with pytest.raises(ValueError):
        access.public(reason)
