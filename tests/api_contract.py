"""The test client's contract check: every answer of a documented endpoint must match its schema in the
app's OpenAPI document (api/responses.py), as Zulip's test client checks every response."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any
from urllib.parse import parse_qs

import httpx
import orjson
from fastapi import FastAPI
from jsonschema import Draft202012Validator


class ContractError(AssertionError):
    pass


class Contract:
    def __init__(self, app: FastAPI) -> None:
        self.app = app

    @cached_property
    def _routes(self) -> list[tuple[re.Pattern[str], str, dict[str, Any]]]:
        document = self.app.openapi()
        found = []
        for path, item in document.get("paths", {}).items():
            pattern = re.compile("^" + re.sub(r"\\{[^/]+?\\}", "[^/]+", re.escape(path)) + "$")
            found.append((pattern, path, item))
        # literal paths before templated ones (`/livechat/visitor.status` is not `/livechat/visitor/{token}`)
        found.sort(key=lambda entry: entry[1].count("{"))
        return found

    @cached_property
    def _components(self) -> dict[str, Any]:
        components: dict[str, Any] = self.app.openapi().get("components", {})
        return components

    def schema_for(self, method: str, path: str, status: int) -> dict[str, Any] | None:
        for pattern, _, item in self._routes:
            if pattern.match(path):
                operation = item.get(method.lower()) or {}
                response = operation.get("responses", {}).get(str(status)) or {}
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                return schema if isinstance(schema, dict) else None
        return None

    def check(self, method: str, path: str, query: str, status: int, body: bytes) -> None:
        schema = self.schema_for(method, path, status)
        if schema is None:
            return
        if status == 200 and "fields" in parse_qs(query):
            return  # a projection answers partial documents, as documented
        validator = Draft202012Validator({**schema, "components": self._components})
        value = orjson.loads(body)
        errors = sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))
        if errors:
            where = "/".join(str(p) for p in errors[0].absolute_path)
            raise ContractError(
                f"{method} {path} -> {status} breaks its schema at /{where}: {errors[0].message}"
            )


def contract_hook(app: FastAPI) -> Any:
    """An httpx response hook that checks each answer against the contract."""
    contract = Contract(app)

    async def hook(response: httpx.Response) -> None:
        request = response.request
        if not response.headers.get("content-type", "").startswith("application/json"):
            return
        body = await response.aread()
        contract.check(
            request.method, request.url.path, request.url.query.decode(), response.status_code, body
        )

    return hook
