"""documents.py is the one written shape of each document: services and the store pass them typed."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from pydantic import TypeAdapter

import frontdesk
from frontdesk import documents

PACKAGE = Path(frontdesk.__file__).parent


def _annotations(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            args = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs, node.args.vararg]
            found += [ast.unparse(a.annotation) for a in [*args, node.args.kwarg] if a and a.annotation]
            found += [ast.unparse(node.returns)] if node.returns else []
        elif isinstance(node, ast.AnnAssign) and not ast.unparse(node.annotation).endswith("TypeAlias"):
            found.append(ast.unparse(node.annotation))
    return found


@pytest.mark.parametrize("layer", ["services", "store"])
def test_no_untyped_document_crosses_a_signature(layer: str) -> None:
    """A document is a TypedDict from documents.py; other JSON says what it is (JsonObject, ColumnValues)."""
    offenders = [
        f"{path.relative_to(PACKAGE)}: {annotation}"
        for path in sorted((PACKAGE / layer).rglob("*.py"))
        for annotation in _annotations(path)
        if "dict[str, Any]" in annotation
    ]
    assert offenders == []


@pytest.mark.parametrize(
    "document",
    [documents.RoomDoc, documents.MessageDoc, documents.InquiryDoc, documents.VisitorDoc,
     documents.SubscriptionDoc, documents.DepartmentDoc, documents.TagDoc, documents.CustomFieldDoc],
)  # fmt: skip
def test_every_document_has_a_json_schema(document: type) -> None:
    schema = TypeAdapter(document).json_schema()
    assert schema["type"] == "object" and "_id" in schema["required"]


def test_served_by_id_and_picked() -> None:
    room: documents.RoomDoc = {
        "_id": "r1", "t": "l", "msgs": 0, "usersCount": 1, "ts": "2024-01-01T00:00:00.000Z",
        "_updatedAt": "2024-01-01T00:00:00.000Z", "source": {"type": "api"},
        "v": {"_id": "v1", "username": "guest-1", "token": "t"},
    }  # fmt: skip
    assert documents.served_by_id(room) is None
    room["servedBy"] = {"_id": "a1", "username": "ana", "ts": "2024-01-01T00:00:01.000Z"}
    assert documents.served_by_id(room) == "a1"
    assert documents.picked(room, ("t", "_id", "nope")) == {"t": "l", "_id": "r1"}
