"""validate() reproduces AJV 8 (coerceTypes: true, allowUnionTypes: true) results and messages; the expected
values were checked against ajv 8.20 set up as Rocket.Chat's rest-typings does."""

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontdesk.api.querystring import parse_qs
from frontdesk.api.schema import SchemaError, validate
from frontdesk.services.room_listing import query_schema

ROOMS = query_schema()


UNIQUE = {"type": "array", "uniqueItems": True}
UNIQUE_STRINGS = {**UNIQUE, "items": {"type": "string"}}
STRING_OR_NUMBER = {"oneOf": [{"type": "string"}, {"type": "number"}]}


def error_of(schema: Any, data: Any) -> str:
    with pytest.raises(SchemaError) as caught:
        validate(schema, data)
    return caught.value.message


# docs/api/livechat-api.md §1.3, the coerceTypes: true column
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("agents=invalid", "must be array"),
        ("tags=invalid", "must be array"),
        ("roomName[]=invalid", "must be string"),
        ("departmentId[test]=true", "must be string\n must be array\n must match a schema in anyOf"),
        ("open[]=true", "must be string\n must be boolean\n must match a schema in anyOf"),
        ("count=abc", "must be number"),
        ("foo=bar", "must NOT have additional properties"),
        ("units=x", "must be array"),
        ("onhold[k]=1", "must be string\n must be boolean\n must match a schema in anyOf"),
    ],
)
def test_rooms_query_rejections(query: str, message: str) -> None:
    assert error_of(ROOMS, parse_qs(query)) == message


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("departmentId[]=marcos", {"departmentId": ["marcos"]}),
        ("departmentId=marcos", {"departmentId": "marcos"}),
        ("createdAt=invalid&customFields=invalid", {"createdAt": "invalid", "customFields": "invalid"}),
        ("count=10&offset=5", {"count": 10, "offset": 5}),
        ("count=&offset=1.5", {"count": None, "offset": 1.5}),
        ("open=true&onhold=false&queued=", {"open": "true", "onhold": "false", "queued": ""}),
        ("agents[]=a&agents[]=b&tags[]=t&units[]=u", {"agents": ["a", "b"], "tags": ["t"], "units": ["u"]}),
        ("agents=", {"agents": None}),
        (
            'createdAt={"start":"2024-01-01"}&sort={"ts":-1}',
            {"createdAt": '{"start":"2024-01-01"}', "sort": '{"ts":-1}'},
        ),
    ],
)
def test_rooms_query_accepted(query: str, expected: dict[str, Any]) -> None:
    assert validate(ROOMS, parse_qs(query)) == expected


def test_boolean_open_becomes_a_string_as_the_first_any_of_branch_coerces_it() -> None:
    assert validate(ROOMS, {"open": True, "onhold": None}) == {"open": "true", "onhold": None}


@pytest.mark.parametrize(
    ("schema", "data", "expected"),
    [
        ({"type": "number"}, "12", 12),
        ({"type": "number"}, "1.5", 1.5),
        ({"type": "number"}, " 7 ", 7),
        ({"type": "number"}, "0x10", 16),
        ({"type": "number"}, "1e3", 1000),
        ({"type": "number"}, True, 1),
        ({"type": "number"}, None, 0),
        ({"type": "integer"}, "12", 12),
        ({"type": "integer"}, "12.0", 12),
        ({"type": "boolean"}, "true", True),
        ({"type": "boolean"}, "false", False),
        ({"type": "boolean"}, 0, False),
        ({"type": "boolean"}, None, False),
        ({"type": "string"}, 12, "12"),
        ({"type": "string"}, 1.5, "1.5"),
        ({"type": "string"}, 1e21, "1e+21"),
        ({"type": "string"}, 0.000001, "0.000001"),
        ({"type": "string"}, 1e-7, "1e-7"),
        ({"type": "string"}, True, "true"),
        ({"type": "string"}, None, ""),
        ({"type": "null"}, "", None),
        ({"type": "null"}, 0, None),
        ({"type": "number", "nullable": True}, "", None),
        ({"type": "number", "nullable": True}, None, None),
        ({"type": ["string", "null"]}, None, None),
        ({"type": ["number", "string"]}, "12", "12"),
        ({"type": ["boolean", "number"]}, "12", 12),
        ({"type": ["string", "boolean", "number", "array"]}, None, ""),
        ({"type": "array", "items": {"type": "number"}}, ["1", "2"], [1, 2]),
        (
            {"type": "object", "properties": {"b": {"type": "number"}}},
            {"a": "1", "b": "2"},
            {"a": "1", "b": 2},
        ),
        ({"anyOf": [{"type": "number", "minimum": 5}, {"type": "string"}]}, "3", "3"),
        ({"enum": ["a", 1]}, 1, 1),
        ({"const": {"a": [1]}}, {"a": [1.0]}, {"a": [1.0]}),
        ({"type": "string", "format": "x-not-checked"}, "anything", "anything"),
        (True, "anything", "anything"),
        ({}, [1], [1]),
    ],
)
def test_coerces_and_accepts(schema: Any, data: Any, expected: Any) -> None:
    result = validate(schema, data)
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize(
    ("schema", "data", "message"),
    [
        ({"type": "number"}, "abc", "must be number"),
        ({"type": "number"}, "", "must be number"),
        ({"type": "number"}, "1,5", "must be number"),
        ({"type": "integer"}, "1.5", "must be integer"),
        ({"type": "integer"}, 1.5, "must be integer"),
        ({"type": "boolean"}, "1", "must be boolean"),
        ({"type": "boolean"}, "yes", "must be boolean"),
        ({"type": "string"}, [], "must be string"),
        ({"type": "string"}, {}, "must be string"),
        ({"type": "array"}, "x", "must be array"),
        ({"type": "array", "items": {"type": "string"}}, "x", "must be array"),
        ({"type": "object"}, [], "must be object"),
        ({"type": "null"}, "x", "must be null"),
        ({"type": ["string", "null"]}, [], "must be string,null"),
        ({"type": ["string", "number"], "nullable": True}, {}, "must be string,number,null"),
        ({"type": "string", "nullable": True}, [], "must be string"),
        ({"type": "object", "required": ["token"]}, {}, "must have required property 'token'"),
        ({"type": "object", "additionalProperties": False}, {"b": 1}, "must NOT have additional properties"),
        ({"type": "object", "additionalProperties": {"type": "number"}}, {"a": "x"}, "must be number"),
        ({"type": "object", "patternProperties": {".*": {"type": "string"}}}, {"a": []}, "must be string"),
        ({"type": "string", "enum": ["a", "b"]}, "c", "must be equal to one of the allowed values"),
        ({"enum": [True]}, 1, "must be equal to one of the allowed values"),
        ({"const": "a"}, "b", "must be equal to constant"),
        ({"type": "string", "minLength": 1}, "", "must NOT have fewer than 1 characters"),
        ({"type": "string", "maxLength": 2}, "abc", "must NOT have more than 2 characters"),
        ({"type": "number", "minimum": 1}, "0", "must be >= 1"),
        ({"type": "number", "maximum": 1.5}, 2, "must be <= 1.5"),
        ({"type": "number", "exclusiveMinimum": 0}, 0, "must be > 0"),
        ({"type": "number", "exclusiveMaximum": 10}, 10, "must be < 10"),
        ({"type": "number", "multipleOf": 3}, 4, "must be multiple of 3"),
        ({"type": "array", "minItems": 1}, [], "must NOT have fewer than 1 items"),
        ({"type": "array", "maxItems": 1}, [1, 2], "must NOT have more than 1 items"),
        ({"type": "object", "minProperties": 1}, {}, "must NOT have fewer than 1 properties"),
        ({"type": "string", "pattern": "^[0-9a-zA-Z_-]+$"}, "a b", 'must match pattern "^[0-9a-zA-Z_-]+$"'),
        ({"type": "string", "pattern": "^a$"}, "a\n", 'must match pattern "^a$"'),
        ({"type": "string", "format": "basic_email"}, "nobody", 'must match format "basic_email"'),
        ({"type": "string", "isNotEmpty": True}, " \t", 'must pass "isNotEmpty" keyword validation'),
        (UNIQUE_STRINGS, ["a", "b", "a"], "must NOT have duplicate items (items ## 2 and 0 are identical)"),
        (UNIQUE, [{"a": 1}, 2, {"a": 1}], "must NOT have duplicate items (items ## 0 and 2 are identical)"),
        ({"not": {"type": "string"}}, "a", "must NOT be valid"),
        (STRING_OR_NUMBER, [], "must be string\n must be number\n must match exactly one schema in oneOf"),
        ({"oneOf": [{"type": "number"}, {"type": "integer"}]}, 1, "must match exactly one schema in oneOf"),
        (False, 1, "boolean schema is false"),
    ],
)
def test_rejects_with_ajv_message(schema: Any, data: Any, message: str) -> None:
    assert error_of(schema, data) == message


def test_stops_at_the_first_error() -> None:
    schema = {
        "type": "object",
        "properties": {"a": {"type": "number"}, "b": {"type": "number"}, "c": {}, "d": {}},
        "required": ["c", "d"],
        "additionalProperties": False,
    }
    assert error_of(schema, {"a": "x", "b": "y"}) == "must have required property 'c'"
    assert (
        error_of(schema, {"a": "x", "b": "y", "c": 1, "d": 1, "e": 1})
        == "must NOT have additional properties"
    )
    assert error_of(schema, {"b": "y", "a": "x", "c": 1, "d": 1}) == "must be number"


def test_any_of_branches_keep_going_after_a_type_error() -> None:
    # Inside anyOf (AJV's compositeRule) a failed type check does not stop enum, but does stop minLength.
    schema = {"anyOf": [{"type": "string", "enum": ["a"], "minLength": 5}, {"type": "boolean"}]}
    assert error_of(schema, []).split("\n ") == [
        "must be string",
        "must be equal to one of the allowed values",
        "must be boolean",
        "must match a schema in anyOf",
    ]
    assert error_of({"anyOf": [{"type": "integer", "minimum": 1}]}, 0.5) == (
        "must be integer\n must match a schema in anyOf"
    )


def test_nested_errors_carry_no_path() -> None:
    schema = {"type": "object", "properties": {"a": {"type": "array", "items": {"type": "string"}}}}
    assert error_of(schema, {"a": ["x", {}]}) == "must be string"


def test_coerces_in_place_and_keeps_key_order() -> None:
    data: dict[str, Any] = {"offset": "5", "sort": "x", "count": "10"}
    result = validate(ROOMS, data)
    assert result is data
    assert list(result) == ["offset", "sort", "count"]
    assert data == {"offset": 5, "sort": "x", "count": 10}


@given(st.integers(min_value=-(2**53) + 1, max_value=2**53 - 1))
def test_integer_strings_coerce_to_ints(number: int) -> None:
    assert validate({"type": "integer"}, str(number)) == number
    assert validate({"type": "string"}, number) == str(number)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_numbers_coerce_to_strings_that_read_back(number: float) -> None:
    text = validate({"type": "string"}, number)
    assert float(text) == number or (number == 0 and text == "0")
    assert validate({"type": "number"}, text) == number


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=10,
)


@given(st.dictionaries(st.sampled_from([*ROOMS["properties"], "x"]), _json, max_size=5))
def test_rooms_schema_only_ever_raises_schema_error(data: dict[str, Any]) -> None:
    try:
        result = validate(ROOMS, data)
    except SchemaError as error:
        assert error.message
    else:
        assert set(result) <= set(ROOMS["properties"])
