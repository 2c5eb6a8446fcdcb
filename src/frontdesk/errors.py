"""The error hierarchy and the one place that renders Rocket.Chat's error bodies."""

from __future__ import annotations

import logging
import traceback
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response

log = logging.getLogger("frontdesk")

JSON_HEADERS = {"Cache-Control": "no-store", "Pragma": "no-cache"}
NOT_LOGGED_IN = "You must be logged in to do this."


class FrontdeskError(Exception):
    """Base of every error a client may cause; `body()` is the exact JSON Rocket.Chat sends."""

    status = 400

    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error

    def body(self, test_mode: bool) -> dict[str, Any]:
        return {"success": False, "error": self.error}


class PlainError(FrontdeskError):
    """`throw new Error(code)`: 400 `{success:false, error}` (plus `stack` in TEST_MODE)."""

    def body(self, test_mode: bool) -> dict[str, Any]:
        out: dict[str, Any] = {"success": False, "error": self.error}
        if test_mode:
            out["stack"] = f"Error: {self.error}\n" + "".join(traceback.format_tb(self.__traceback__))
        return out


class MeteorError(FrontdeskError):
    """`Meteor.Error(code, reason)`: `{error: "<reason> [<code>]", errorType: code}`."""

    def __init__(self, code: str, reason: str | None = None, details: Any = None, status: int = 400) -> None:
        super().__init__(f"{reason} [{code}]" if reason else f"[{code}]")
        self.code = code
        self.reason = reason
        self.details = details
        self.status = status

    def body(self, test_mode: bool) -> dict[str, Any]:
        out: dict[str, Any] = {"success": False, "error": self.error, "errorType": self.code}
        if self.details is not None:
            out["details"] = self.details
        return out


class Failure(FrontdeskError):
    """`API.v1.failure(error, errorType)`: 400 `{success:false, error, errorType}`, no `[code]` suffix
    (and no errorType when the route gave none)."""

    def __init__(self, error: str, error_type: str | None = None) -> None:
        super().__init__(error)
        self.error_type = error_type

    def body(self, test_mode: bool) -> dict[str, Any]:
        out: dict[str, Any] = {"success": False, "error": self.error}
        if self.error_type is not None:
            out["errorType"] = self.error_type
        return out


class Refusal(FrontdeskError):
    """`API.v1.failure({reason, ...})`: `{success: false, reason, ...}` (livechat/upload answers so)."""

    def __init__(self, reason: str, **extra: Any) -> None:
        super().__init__(reason)
        self.extra = {"reason": reason, **extra}

    def body(self, test_mode: bool) -> dict[str, Any]:
        return {"success": False, **self.extra}


class InvalidParams(MeteorError):
    """Request validation failed; `message` is the validator's text."""

    def __init__(self, message: str) -> None:
        super().__init__("invalid-params", message)


class NotLoggedIn(FrontdeskError):
    status = 401

    def __init__(self) -> None:
        super().__init__(NOT_LOGGED_IN)

    def body(self, test_mode: bool) -> dict[str, Any]:
        return {"success": False, "error": NOT_LOGGED_IN, "status": "error", "message": NOT_LOGGED_IN}


class LoginFailed(FrontdeskError):
    status = 401

    def __init__(self) -> None:
        super().__init__("Unauthorized")

    def body(self, test_mode: bool) -> dict[str, Any]:
        return {"status": "error", "message": "Unauthorized", "success": False, "error": "Unauthorized"}


class Forbidden(FrontdeskError):
    """403 with a bare message; `unauthorized` is what livechat/rooms sends."""

    status = 403

    def __init__(self, error: str = "unauthorized") -> None:
        super().__init__(error)


class PermissionDenied(FrontdeskError):
    """A route's declared permission is missing."""

    status = 403

    def __init__(self) -> None:
        super().__init__("User does not have the permissions required for this action [error-unauthorized]")


class NotFound(FrontdeskError):
    status = 404

    def __init__(self, error: str = "Resource not found") -> None:
        super().__init__(error)


class PayloadTooLarge(FrontdeskError):
    status = 413


def json_response(body: Any, status: int = 200) -> Response:
    """Rocket.Chat's exact JSON response headers: no charset, no caching."""
    return Response(
        orjson.dumps(body), status_code=status, media_type="application/json", headers=JSON_HEADERS
    )


def raw_json_response(content: bytes, status: int = 200) -> Response:
    return Response(content, status_code=status, media_type="application/json", headers=JSON_HEADERS)


def render_error(request: Request, exc: Exception) -> Response:
    """The single translation from an exception to a response."""
    test_mode = bool(getattr(request.app.state, "test_mode", False))
    if isinstance(exc, FrontdeskError):
        return json_response(exc.body(test_mode), exc.status)
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return json_response({"success": False, "error": "Internal server error"}, 500)
