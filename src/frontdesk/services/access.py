"""How a service function says who may call it, so every door gets the same rules.

A service a door (REST route, DDP method) calls either checks the caller itself (it reaches one of the
`@permission_check` functions: a role permission, room access, a visitor's token) or is declared
`@public` with the reason anyone may call it. tests/services/test_access.py enumerates every route and
DDP method and holds each to that; adding an endpoint means calling a checked service or declaring one
public here, in its own module, with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

ACCESS_ATTRIBUTE = "__frontdesk_access__"
CHECK = "check"


def permission_check(fn: F) -> F:
    """Mark a function that decides whether the caller may go on (it raises or answers no)."""
    setattr(fn, ACCESS_ATTRIBUTE, CHECK)
    return fn


def public(reason: str) -> Callable[[F], F]:
    """Declare a service function any caller of its door may use, and why."""
    if not reason.strip():
        raise ValueError("a public service needs its reason")

    def declare(fn: F) -> F:
        setattr(fn, ACCESS_ATTRIBUTE, f"public: {reason}")
        return fn

    return declare


def access_of(fn: Callable[..., Any]) -> str | None:
    """CHECK, "public: <reason>", or None for a function that declares nothing."""
    value = getattr(fn, ACCESS_ATTRIBUTE, None)
    return value if isinstance(value, str) else None
