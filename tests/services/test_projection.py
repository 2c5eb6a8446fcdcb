"""Unit tests for the `fields` projection."""

from __future__ import annotations

from frontdesk.services.projection import project
from frontdesk.services.room_params import Projection

DOC = {
    "_id": "r1",
    "fname": "A",
    "v": {"_id": "v1", "token": "t", "status": "online"},
    "msgs": 3,
    "metrics": {"reaction": {"ft": 1.5, "tt": 2.0}, "response": {"avg": 1.0}},
}


def test_include_keeps_id_and_nested_paths_in_document_order() -> None:
    got = project(DOC, Projection(True, ("metrics.reaction.ft", "fname", "v.token")))
    assert got == {"_id": "r1", "fname": "A", "v": {"token": "t"}, "metrics": {"reaction": {"ft": 1.5}}}
    assert list(got) == ["_id", "fname", "v", "metrics"]


def test_include_of_missing_path_adds_nothing() -> None:
    assert project(DOC, Projection(True, ("nope", "v.nope", "msgs.x"))) == {"_id": "r1"}


def test_exclude_removes_paths_and_leaves_the_original_alone() -> None:
    got = project(DOC, Projection(False, ("v.token", "metrics", "nope.deeper")))
    assert got == {"_id": "r1", "fname": "A", "v": {"_id": "v1", "status": "online"}, "msgs": 3}
    assert DOC["v"]["token"] == "t" and "metrics" in DOC  # type: ignore[index]
