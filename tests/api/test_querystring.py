"""parse_qs gives what Node's qs.parse (6.14, defaults) gives; expected values were checked against qs."""

import contextlib
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontdesk.api.querystring import QueryStringError, parse_qs


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", {}),
        ("a=1&b=2", {"a": "1", "b": "2"}),
        ("a=x+y&b=x%20y", {"a": "x y", "b": "x y"}),
        ("a", {"a": ""}),
        ("a=", {"a": ""}),
        ("a=1=2", {"a": "1=2"}),
        ("=x&&b=1", {"b": "1"}),
        ("a=x&a=y&a=z", {"a": ["x", "y", "z"]}),
        ("a[]=x", {"a": ["x"]}),
        ("a[]=x&a[]=y", {"a": ["x", "y"]}),
        ("a%5B%5D=x&a%5b%5d=y", {"a": ["x", "y"]}),
        ("a[0]=x&a[1]=y", {"a": ["x", "y"]}),
        ("a[1]=y&a[0]=x", {"a": ["x", "y"]}),
        ("a[1]=x", {"a": ["x"]}),
        ("a[20]=x", {"a": ["x"]}),
        ("a[21]=x", {"a": {"21": "x"}}),
        ("a[0]=x&a[21]=y", {"a": {"0": "x", "21": "y"}}),
        ("a[01]=x", {"a": {"01": "x"}}),
        ("a[k]=v", {"a": {"k": "v"}}),
        ("a[b][c]=v", {"a": {"b": {"c": "v"}}}),
        ("a[b][c][d][e][f][g]=v", {"a": {"b": {"c": {"d": {"e": {"f": {"[g]": "v"}}}}}}}),
        ("a[b]c=v", {"a": {"b": "v"}}),
        ("a[b=c]=d", {"a": {"b=c": "d"}}),
        ("[0]=x", {"0": "x"}),
        ("[]=x", {"0": "x"}),
        # mixed notations merge as qs's utils.merge does
        ("a=x&a[]=y", {"a": ["x", "y"]}),
        ("a[]=x&a=y", {"a": ["x", "y"]}),
        ("a=x&a[k]=y", {"a": ["x", {"k": "y"}]}),
        ("a[k]=y&a=x", {"a": {"k": "y", "x": True}}),
        ("a[0]=x&a[k]=y", {"a": {"0": "x", "k": "y"}}),
        ("a[0]=x&a[0]=y", {"a": [["x", "y"]]}),
        ("a[k]=y&a=", {"a": {"k": "y"}}),
        # Object.prototype names are dropped, as with qs's allowPrototypes: false
        ("toString=1&constructor=2&a[hasOwnProperty]=3&__proto__=4&b[__proto__]=5&c=6", {"c": "6"}),
        # JSON sent without percent-encoding
        ('createdAt={"start":"2024-01-01"}', {"createdAt": '{"start":"2024-01-01"}'}),
        ("sort=%7B%22ts%22%3A-1%7D", {"sort": '{"ts":-1}'}),
        ("name=%C3%A9t%C3%A9", {"name": "été"}),
        # what decodeURIComponent rejects is kept as it is, like qs does
        ("a=%ff&b=%zz&c=100%", {"a": "%ff", "b": "%zz", "c": "100%"}),
        ("a=%C3&b=%C3%A9", {"a": "%C3", "b": "é"}),
        # JavaScript orders integer-like keys first
        ("b=1&1=x&0=y", {"0": "y", "1": "x", "b": "1"}),
    ],
)
def test_parse_like_qs(raw: str, expected: dict[str, Any]) -> None:
    result = parse_qs(raw)
    assert result == expected
    assert list(result) == list(expected)


def test_bytes_input() -> None:
    assert parse_qs(b"agents[]=a&agents[]=b") == {"agents": ["a", "b"]}
    assert parse_qs("é=ü".encode()) == {"é": "ü"}


def test_raw_bytes_that_are_not_utf8_raise() -> None:
    with pytest.raises(QueryStringError) as caught:
        parse_qs(b"roomName=\xff")
    assert caught.value.message == "Invalid query string: not valid UTF-8"
    assert isinstance(caught.value, ValueError)


def test_parameter_limit() -> None:
    parsed = parse_qs("&".join(f"p{i}=v" for i in range(1005)))
    assert len(parsed) == 1000
    assert "p999" in parsed and "p1000" not in parsed


def test_bracket_arrays_have_no_limit_but_indices_do() -> None:
    assert parse_qs("&".join(f"a[]={i}" for i in range(30)))["a"] == [str(i) for i in range(30)]
    assert parse_qs("a[5]=x", array_limit=4) == {"a": {"5": "x"}}


def test_depth_option() -> None:
    assert parse_qs("a[b][c]=v", depth=1) == {"a": {"b": {"[c]": "v"}}}


_names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8).filter(
    lambda name: name not in {"constructor", "valueOf", "toString"}
)


@given(st.lists(st.tuples(_names, st.text(max_size=20)), max_size=12))
def test_encoded_pairs_round_trip(pairs: list[tuple[str, str]]) -> None:
    raw = "&".join(f"{quote(key)}={quote(value, safe='')}" for key, value in pairs)
    expected: dict[str, Any] = {}
    for key, value in pairs:
        if key not in expected:
            expected[key] = value
        elif isinstance(expected[key], list):
            expected[key].append(value)
        else:
            expected[key] = [expected[key], value]
    assert parse_qs(raw) == expected


@given(st.text(alphabet="ab01[]=&%+5BDc3é", max_size=40))
def test_never_fails_on_text(raw: str) -> None:
    assert isinstance(parse_qs(raw), dict)


@given(st.binary(max_size=40))
def test_bytes_fail_only_with_query_string_error(raw: bytes) -> None:
    with contextlib.suppress(QueryStringError):
        parse_qs(raw)
