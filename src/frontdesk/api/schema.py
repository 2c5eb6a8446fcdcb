"""Validate request data against JSON Schemas as Rocket.Chat's AJV 8 instance does, with AJV's messages."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache
from typing import Any

__all__ = ["SchemaError", "validate"]

Schema = Mapping[str, Any] | bool
_Result = tuple[Any, list[str]]  # the (possibly coerced) data and the errors found

# Keyword groups in the order AJV's compiled code runs them (draft-07 vocabularies, then Rocket.Chat's
# `isNotEmpty`). Untyped keywords run first; each typed group only when the data has its type.
_OBJECT_KEYWORDS = ["maxProperties", "minProperties", "required", "additionalProperties", "properties"]
_GROUPS: dict[str | None, list[str]] = {
    None: ["const", "enum", "not", "anyOf", "oneOf", "allOf"],
    "number": ["maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "multipleOf"],
    "string": ["maxLength", "minLength", "pattern", "format", "isNotEmpty"],
    "array": ["maxItems", "minItems", "items", "uniqueItems"],
    "object": [*_OBJECT_KEYWORDS, "patternProperties"],
}
_KNOWN = frozenset(k for group in _GROUPS.values() for k in group) | {"type", "nullable"}
_COERCIBLE = ("string", "number", "integer", "boolean", "null")
_LIMITS = {
    "maximum": ("<=", lambda a, b: a <= b),
    "minimum": (">=", lambda a, b: a >= b),
    "exclusiveMaximum": ("<", lambda a, b: a < b),
    "exclusiveMinimum": (">", lambda a, b: a > b),
}
# Formats Rocket.Chat registers itself; other (ajv-formats) formats are not checked.
_FORMATS = {
    "basic_email": re.compile(r"^[^@]+@[^@]+\Z"),
    "rfc_email": re.compile(
        r"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
        r"(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*\Z"
    ),
}
# What JavaScript's String.prototype.trim and Number() treat as white space.
_JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"  # noqa: E501
_JS_DECIMAL = re.compile(r"[+-]?(?:Infinity|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)")
_JS_RADIX = re.compile(r"0(?:[xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)")
_NOTHING = object()


class SchemaError(ValueError):
    """The data does not match the schema; `message` is what Rocket.Chat puts before ` [invalid-params]`."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def validate(schema: Schema, data: Any) -> Any:
    """Check `data` (coercing types as AJV's `coerceTypes: true` does) and return the coerced value.

    Like AJV, dicts and lists inside `data` are coerced in place. Raises SchemaError with AJV's messages
    joined by "\\n ": the first error, or for `anyOf`/`oneOf` the failing branches' errors and its own.
    """
    value, errors = _check(schema, data, composite=False)
    if errors:
        raise SchemaError("\n ".join(errors))
    return value


def _check(schema: Schema, data: Any, composite: bool) -> _Result:
    """One (sub)schema; `composite` is AJV's compositeRule (inside anyOf/oneOf/not)."""
    if isinstance(schema, bool):
        return data, [] if schema else ["boolean schema is false"]
    raw_type = schema.get("type")
    types = [] if raw_type is None else [raw_type] if isinstance(raw_type, str) else list(raw_type)
    if "null" not in types and schema.get("nullable") is True:
        types.append("null")
    # AJV appends the nullable "null" to a `type` list in place, so only then does the message show it.
    type_error = "must be " + (",".join(types) if isinstance(raw_type, list) else str(raw_type))
    coerce_to = [t for t in types if t in _COERCIBLE]
    # AJV reports a lone non-coercible type (array, object) from that type's keyword group when it has one.
    deferred = not coerce_to and len(types) == 1 and any(k in schema for k in _GROUPS.get(types[0], ()))
    errors: list[str] = []
    if types and not deferred and not any(_has_type(data, t) for t in types):
        coerced = _coerce(data, coerce_to)
        if coerced is _NOTHING:
            errors.append(type_error)
            if not composite:
                return data, errors
        else:
            data = coerced
    for group, keywords in _GROUPS.items():
        present = [k for k in keywords if k in schema]
        # `type` and `nullable` belong to AJV's untyped group, so a type error stops before any typed group.
        if not present and (group is not None or ("type" not in schema and "nullable" not in schema)):
            continue
        if group is None or _has_type(data, group):
            for keyword in present:
                data, failed = _keyword(keyword, schema[keyword], schema, data, composite)
                if failed:
                    errors += failed
                    break
        elif deferred and types == [group]:
            errors.append(type_error)
        if errors:
            return data, errors
    return data, errors


def _keyword(keyword: str, value: Any, schema: Mapping[str, Any], data: Any, c: bool) -> _Result:
    fail, message = False, ""
    if keyword == "const":
        fail = not _js_equal(value, data)
        message = "must be equal to constant"
    elif keyword == "enum":
        fail = not any(_js_equal(item, data) for item in value)
        message = "must be equal to one of the allowed values"
    elif keyword == "not":
        data, errors = _check(value, data, True)
        fail, message = not errors, "must NOT be valid"
    elif keyword in ("anyOf", "oneOf"):
        if keyword == "anyOf" and any(_always_valid(branch) for branch in value):
            return data, []
        collected: list[str] = []
        passing = 0
        for branch in value:
            data, errors = _check(branch, data, True)
            collected += errors
            passing += not errors
            if passing and keyword == "anyOf":
                return data, []
            if passing == 2:  # AJV's oneOf runs no further branch once two have passed
                break
        if passing == 1:
            return data, []
        suffix = "a schema in anyOf" if keyword == "anyOf" else "exactly one schema in oneOf"
        return data, [*collected, "must match " + suffix]
    elif keyword == "allOf":
        for branch in value:
            data, errors = _check(branch, data, c)
            if errors:
                return data, errors
    elif keyword in _LIMITS:
        sign, holds = _LIMITS[keyword]
        fail, message = not holds(data, value), f"must be {sign} {_js_string(value)}"
    elif keyword == "multipleOf":
        ratio = data / value
        fail = math.isfinite(ratio) and ratio != int(ratio)
        message = f"must be multiple of {_js_string(value)}"
    elif keyword in ("maxLength", "minLength", "maxItems", "minItems", "maxProperties", "minProperties"):
        more = keyword.startswith("max")
        fail = len(data) > value if more else len(data) < value
        unit = {"L": "characters", "I": "items", "P": "properties"}[keyword[3]]
        message = f"must NOT have {'more' if more else 'fewer'} than {_js_string(value)} {unit}"
    elif keyword == "pattern":
        fail, message = not _js_regex(value).search(data), f'must match pattern "{value}"'
    elif keyword == "format":
        fail = value in _FORMATS and not _FORMATS[value].search(data)
        message = f'must match format "{value}"'
    elif keyword == "isNotEmpty":  # Rocket.Chat's custom keyword; it ignores its own value
        fail, message = not data.strip(_JS_SPACE), 'must pass "isNotEmpty" keyword validation'
    elif keyword == "uniqueItems":
        pair = _duplicate(data, schema.get("items")) if value else None
        fail = pair is not None
        message = "must NOT have duplicate items (items ## %s and %s are identical)" % (pair or (0, 0))
    elif keyword == "items":
        tuple_form = isinstance(value, list)
        for index, item in enumerate(data[: len(value)] if tuple_form else data):
            data[index], errors = _check(value[index] if tuple_form else value, item, c)
            if errors:
                return data, errors
    elif keyword == "required":
        missing = next((name for name in value if name not in data), None)
        fail, message = missing is not None, f"must have required property '{missing}'"
    elif keyword == "additionalProperties":
        if _always_valid(value):
            return data, []
        known = schema.get("properties") or {}
        patterns = [_js_regex(p) for p in schema.get("patternProperties") or {}]
        for key in _js_keys(data):
            if key in known or any(p.search(key) for p in patterns):
                continue
            if value is False:
                return data, ["must NOT have additional properties"]
            data[key], errors = _check(value, data[key], c)
            if errors:
                return data, errors
    elif keyword in ("properties", "patternProperties"):
        for name, sub in value.items():
            if _always_valid(sub):
                continue
            keys = (
                [name]
                if keyword == "properties"
                else [k for k in _js_keys(data) if _js_regex(name).search(k)]
            )
            for key in (k for k in keys if k in data):
                data[key], errors = _check(sub, data[key], c)
                if errors:
                    return data, errors
    return data, [message] if fail else []


def _js_keys(obj: dict[str, Any]) -> list[str]:
    """A JavaScript object's key order: array-index keys first, ascending, then insertion order."""
    indices = {k for k in obj if k.isascii() and k.isdigit() and str(int(k)) == k and int(k) < 2**32 - 1}
    return sorted(indices, key=int) + [k for k in obj if k not in indices]


def _always_valid(schema: Schema) -> bool:
    return schema is True or (isinstance(schema, Mapping) and not any(k in _KNOWN for k in schema))


def _has_type(data: Any, name: str) -> bool:
    if name == "null":
        return data is None
    if name == "boolean":
        return isinstance(data, bool)
    if name in ("number", "integer"):
        # AJV's strictNumbers: NaN and Infinity (only ever produced by coercion) are not numbers
        if isinstance(data, bool) or not isinstance(data, int | float) or not math.isfinite(data):
            return False
        return name == "number" or isinstance(data, int) or data.is_integer()
    kinds: dict[str, type | tuple[type, ...]] = {"string": str, "array": list, "object": dict}
    return isinstance(data, kinds.get(name, ()))


def _coerce(data: Any, targets: list[str]) -> Any:
    """AJV's coerceTypes: true — try each target type in order; `_NOTHING` when none applies."""
    is_number = isinstance(data, int | float) and not isinstance(data, bool)
    for target in targets:
        if target == "string" and (is_number or isinstance(data, bool) or data is None):
            return "" if data is None else _js_string(data)
        if target in ("number", "integer"):
            if isinstance(data, bool) or data is None:
                return int(bool(data))
            if isinstance(data, str) and data:
                number = _js_to_number(data)
                # AJV would coerce "Infinity" (and "1e400") to Infinity and accept it; no handler can use
                # a non-finite number, so it stays a string and fails the type check.
                if math.isfinite(number) and (target == "number" or number.is_integer()):
                    return _js_number(number)
        if target == "boolean":
            if data == "false" or data is None or (is_number and data == 0):
                return False
            if data == "true" or (is_number and data == 1):
                return True
        if target == "null" and (data == "" or data is False or (is_number and data == 0)):
            return None
    return _NOTHING


def _js_to_number(text: str) -> float:
    """JavaScript's `+text` for a string."""
    text = text.strip(_JS_SPACE)
    if not text:
        return 0.0
    if _JS_RADIX.fullmatch(text):
        return float(int(text, 0))
    if _JS_DECIMAL.fullmatch(text):
        return float(text.replace("Infinity", "inf"))
    return math.nan


def _js_number(number: float) -> int | float:
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def _js_string(value: Any) -> str:
    """JavaScript's `"" + value` for a boolean or a number."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int) and abs(value) < 2**53:
        return str(value)
    number = float(value)
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    if number == 0:
        return "0"
    sign = "-" if number < 0 else ""
    _, digit_tuple, exponent = Decimal(repr(abs(number))).normalize().as_tuple()
    digits = "".join(map(str, digit_tuple))
    point = int(exponent) + len(digits)  # the value is 0.<digits> * 10**point
    if len(digits) <= point <= 21:
        return sign + digits + "0" * (point - len(digits))
    if 0 < point <= 21:
        return sign + digits[:point] + "." + digits[point:]
    if -6 < point <= 0:
        return sign + "0." + "0" * -point + digits
    mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    return f"{sign}{mantissa}e{'+' if point >= 1 else '-'}{abs(point - 1)}"


def _js_equal(a: Any, b: Any) -> bool:
    """fast-deep-equal, as AJV's enum/const use it (no `true == 1` as in Python)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_js_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_js_equal(a[k], b[k]) for k in a)
    if _has_type(a, "number") and _has_type(b, "number"):
        return bool(a == b)
    return type(a) is type(b) and bool(a == b)


def _duplicate(items: list[Any], item_schema: Any) -> tuple[int, int] | None:
    """The index pair AJV's uniqueItems names in its message (it scans from the end)."""
    types: list[str] = []
    if isinstance(item_schema, Mapping):
        raw = item_schema.get("type")
        types = [] if raw is None else [raw] if isinstance(raw, str) else list(raw)
        types += ["null"] if item_schema.get("nullable") is True and "null" not in types else []
    if types and not {"object", "array"} & set(types):
        seen: dict[str, int] = {}
        for i in reversed(range(len(items))):
            item = items[i]
            if not any(_has_type(item, t) for t in types):
                continue
            key = item + "_" if isinstance(item, str) and len(types) > 1 else item
            key = key if isinstance(key, str) else "null" if key is None else _js_string(key)
            if key in seen:
                return seen[key], i
            seen[key] = i
        return None
    for i in reversed(range(len(items))):
        for j in reversed(range(i)):
            if _js_equal(items[i], items[j]):
                return j, i
    return None


@lru_cache(maxsize=256)
def _js_regex(pattern: str) -> re.Pattern[str]:
    """Compile a JavaScript `u`-flag pattern: `$` only matches at the very end, `\\d` is ASCII."""
    out, in_class, i = [], False, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            pair = pattern[i : i + 2]
            out.append({"\\d": "0-9" if in_class else "[0-9]"}.get(pair, pair))
            i += 2
            continue
        in_class = (in_class or char == "[") and not (in_class and char == "]")
        out.append(r"\Z" if char == "$" and not in_class else char)
        i += 1
    return re.compile("".join(out))
