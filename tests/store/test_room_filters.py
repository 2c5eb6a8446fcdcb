"""The listing filters' definitions: reading their parameters, and the rules every definition keeps."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontdesk.errors import FrontdeskError, PlainError
from frontdesk.store import room_filter_json as rfj
from frontdesk.store import room_filters as rf
from frontdesk.store.room_filter import ByMatches, DateRange, FilterDef, undeclared_counting


def test_every_filter_declares_how_its_total_is_counted() -> None:
    assert undeclared_counting(rf.FILTERS) == []


def test_a_filter_without_a_counting_rule_is_caught() -> None:
    forgot = FilterDef[int](
        name="forgot", params={}, read=lambda q: None, condition=lambda v, d: [], matches=lambda v, r: True
    )
    assert undeclared_counting([*rf.FILTERS, forgot]) == ["forgot"]
    assert (
        undeclared_counting([*rf.FILTERS, FilterDef[int](**{**forgot.__dict__, "counting": ByMatches()})])
        == []
    )


def test_filter_names_and_parameters_are_unique() -> None:
    names = [f.name for f in rf.FILTERS]
    params = [p for f in rf.FILTERS for p in f.params]
    assert len(names) == len(set(names)) and len(params) == len(set(params))


def test_date_range() -> None:
    assert rfj.parse_date_range("createdAt", None) is None
    got = rfj.parse_date_range("createdAt", '{"start":"2024-05-01T12:00:00.000Z","end":"2024-05-02"}')
    assert got == DateRange(1714564800000, 1714608000000)
    assert rfj.parse_date_range("createdAt", "{}") == DateRange(None, None)
    assert rfj.parse_date_range("closedAt", '{"start":""}') == DateRange(None, None)
    with pytest.raises(PlainError, match=r'The "closedAt.end" query parameter must be a valid date.'):
        rfj.parse_date_range("closedAt", '{"end":"soon"}')
    with pytest.raises(PlainError, match="Unexpected token 'x'"):
        rfj.parse_date_range("createdAt", "x")
    with pytest.raises(PlainError, match="Unexpected end of JSON input"):
        rfj.parse_date_range("createdAt", "")


def test_custom_fields() -> None:
    assert rfj.parse_custom_fields(None) is None
    assert rfj.parse_custom_fields("{}") is None
    assert rfj.parse_custom_fields('{"a":"x.*","b":5}') == {"a": "x.*", "b": "5"}
    for bad in ("[]", "null", "nope", '"s"'):
        with pytest.raises(PlainError, match="customFields"):
            rfj.parse_custom_fields(bad)
    with pytest.raises(PlainError, match="Invalid regular expression"):
        rfj.parse_custom_fields('{"a":"(["}')


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, None),
        ({"onhold": "t"}, rf.Status(onhold=True)),
        ({"queued": "1", "onhold": "yes"}, rf.Status(queued=True)),
        ({"queued": True, "open": "false"}, rf.Status(open=False, queued=True)),
        ({"open": "1", "onhold": "0"}, None),  # only "true"/"false" say open; "0" is not true
        ({"open": True, "onhold": None}, rf.Status(open=True)),
        ({"open": "", "queued": False}, None),
    ],
)
def test_status_flags(query: dict[str, Any], expected: rf.Status | None) -> None:
    assert rf.STATUS.read(query) == expected


def test_departments_and_lists() -> None:
    assert rf.DEPARTMENTS.read({"departmentId": "undefined"}) is None
    assert rf.DEPARTMENTS.read({"departmentId": "d1"}) == ["d1"]
    assert rf.DEPARTMENTS.read({"departmentId": ["d1", "d2"]}) == ["d1", "d2"]
    assert rf.AGENTS.read({"agents": []}) == []
    assert rf.TAGS.read({"tags": None}) is None


@given(st.text(max_size=60))
def test_readers_raise_only_client_errors(text: str) -> None:
    for definition in rf.FILTERS:
        for param in definition.params:
            with contextlib.suppress(FrontdeskError):
                definition.read({param: text})
