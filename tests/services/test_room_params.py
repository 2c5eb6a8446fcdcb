"""Unit tests for livechat/rooms' parameter parsing (pure logic)."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontdesk.errors import FrontdeskError, MeteorError
from frontdesk.services import room_params as p


@pytest.mark.parametrize(
    ("offset", "count", "expected"),
    [
        (None, None, p.Paging(0, 50)),
        ("10", "5", p.Paging(10, 5)),
        ("3abc", "7xyz", p.Paging(3, 7)),
        ("-4", "101", p.Paging(0, 100)),
        (None, "0", p.Paging(0, None)),
        (None, "-1", p.Paging(0, 50)),
        ("abc", "abc", p.Paging(0, 50)),
        (2, 2.7, p.Paging(2, 2)),
    ],
)
def test_paging(offset: object, count: object, expected: p.Paging) -> None:
    assert p.paging(offset, count) == expected


def test_paging_without_infinite_count() -> None:
    assert p.paging(None, "0", allow_infinite=False) == p.Paging(0, 50)
    assert p.paging(None, None, default_count=20, upper_limit=30) == p.Paging(0, 20)
    assert p.paging(None, "90", default_count=20, upper_limit=30) == p.Paging(0, 30)


def test_sort() -> None:
    assert p.parse_sort(None) == [("ts", -1)]
    assert p.parse_sort('{"fname":1,"ts":-1}') == [("fname", 1), ("ts", -1)]
    assert p.parse_sort("{}") == [("ts", -1)]
    for bad in ('{"a":0}', '{"a":1.5}', "[]", "x", '{"a":NaN}', '{"a":true}'):
        with pytest.raises(MeteorError) as err:
            p.parse_sort(bad)
        assert err.value.code == "error-invalid-sort"


def test_fields() -> None:
    assert p.parse_fields(None) is None
    assert p.parse_fields('{"fname":1,"v.token":1}') == p.Projection(True, ("fname", "v.token"))
    assert p.parse_fields('{"msgs":0}') == p.Projection(False, ("msgs",))
    assert p.parse_fields('{"_id":1}') is None
    assert p.parse_fields('{"_id":0,"msgs":1}') == p.Projection(True, ("msgs",))
    for bad in ('{"a":1,"b":0}', '{"a":"1"}', "1", "{"):
        with pytest.raises(MeteorError) as err:
            p.parse_fields(bad)
        assert err.value.code == "error-invalid-fields"


@given(st.text(max_size=60))
def test_parsers_raise_only_client_errors(text: str) -> None:
    for parse in (p.parse_sort, p.parse_fields):
        with contextlib.suppress(FrontdeskError):
            parse(text)
