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
from fastapi.routing import iter_route_contexts
from jsonschema import Draft202012Validator


class ContractError(AssertionError):
    pass


class Document:
    """One OpenAPI document's operations, ready to match answers against: built once per process for each
    route table (every test's app has the same one), with a validator per response schema."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.components: dict[str, Any] = document.get("components", {})
        found = []
        for path, item in document.get("paths", {}).items():
            pattern = re.compile("^" + re.sub(r"\\{[^/]+?\\}", "[^/]+", re.escape(path)) + "$")
            found.append((pattern, path, item))
        # literal paths before templated ones (`/livechat/visitor.status` is not `/livechat/visitor/{token}`)
        found.sort(key=lambda entry: entry[1].count("{"))
        self.routes = found
        self._validators: dict[int, Draft202012Validator] = {}

    def schema_for(self, method: str, path: str, status: int) -> dict[str, Any] | None:
        for pattern, _, item in self.routes:
            if pattern.match(path):
                operation = item.get(method.lower()) or {}
                response = operation.get("responses", {}).get(str(status)) or {}
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                return schema if isinstance(schema, dict) else None
        return None

    def validator(self, schema: dict[str, Any]) -> Draft202012Validator:
        found = self._validators.get(id(schema))
        if found is None:
            found = self._validators[id(schema)] = Draft202012Validator(
                {**schema, "components": self.components}
            )
        return found


_DOCUMENTS: dict[frozenset[tuple[str, frozenset[str]]], Document] = {}


def document_of(app: FastAPI) -> Document:
    table = frozenset(
        (context.path_format or "", frozenset(context.methods or ()))
        for context in iter_route_contexts(app.routes)
    )
    found = _DOCUMENTS.get(table)
    if found is None:
        found = _DOCUMENTS[table] = Document(app.openapi())
    return found


class Contract:
    def __init__(self, app: FastAPI) -> None:
        self.app = app

    @cached_property
    def document(self) -> Document:
        return document_of(self.app)

    def check(self, method: str, path: str, query: str, status: int, body: bytes) -> None:
        schema = self.document.schema_for(method, path, status)
        if schema is None:
            return
        if status == 200 and "fields" in parse_qs(query):
            return  # a projection answers partial documents, as documented
        value = orjson.loads(body)
        errors = sorted(
            self.document.validator(schema).iter_errors(value), key=lambda e: list(e.absolute_path)
        )
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
