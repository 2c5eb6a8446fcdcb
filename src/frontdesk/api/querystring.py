"""Parse query strings exactly as Node's `qs.parse` (6.14, default options) does for Rocket.Chat's router."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["ARRAY_LIMIT", "DEPTH", "PARAMETER_LIMIT", "QueryStringError", "parse_qs"]

DEPTH = 5
ARRAY_LIMIT = 20
PARAMETER_LIMIT = 1000

# The own properties of JavaScript's Object.prototype: qs (allowPrototypes: false) drops any parameter whose
# name or bracket segment is one of them, and `__proto__` is never stored.
_PROTOTYPE_KEYS = frozenset(
    {
        "__defineGetter__",
        "__defineSetter__",
        "__lookupGetter__",
        "__lookupSetter__",
        "__proto__",
        "constructor",
        "hasOwnProperty",
        "isPrototypeOf",
        "propertyIsEnumerable",
        "toLocaleString",
        "toString",
        "valueOf",
    }
)
_ENCODED_BRACKET = re.compile(r"%5[bd]", re.IGNORECASE)
_SEGMENT = re.compile(r"\[[^\[\]]*\]")
_CANONICAL_INT = re.compile(r"0|[1-9][0-9]*")
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_ESCAPE_RUN = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
_MAX_JS_INDEX = 2**32 - 2


class QueryStringError(ValueError):
    """The query string cannot be read at all (its raw bytes are not UTF-8); callers answer 400."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _JsArray:
    """A JavaScript array while parsing: it may have holes, which qs compacts away at the end."""

    __slots__ = ("items", "length")

    def __init__(self, values: Iterable[Any] = ()) -> None:
        self.items: dict[int, Any] = dict(enumerate(values))
        self.length = len(self.items)

    def push(self, value: Any) -> None:
        self.items[self.length] = value
        self.length += 1

    def put(self, index: int, value: Any) -> None:
        self.items[index] = value
        self.length = max(self.length, index + 1)

    def entries(self) -> list[tuple[int, Any]]:
        return sorted(self.items.items())


def parse_qs(
    raw: bytes | str,
    *,
    array_limit: int = ARRAY_LIMIT,
    depth: int = DEPTH,
    parameter_limit: int = PARAMETER_LIMIT,
) -> dict[str, Any]:
    """Parse `raw` (without the leading `?`) into nested dicts and lists of strings, as qs does.

    Leaves are strings, except that qs writes `true` when a plain value is merged into an object
    (`a[k]=1&a=x` gives `{"a": {"k": "1", "x": True}}`).
    """
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise QueryStringError("Invalid query string: not valid UTF-8") from None
    else:
        text = raw
    if not text:
        return {}
    values = _parse_values(text, parameter_limit)
    result: Any = {}
    for key in _js_key_order(values):
        parsed = _parse_key(key, values[key], depth, array_limit)
        if parsed is not None:
            result = _merge(result, parsed)
    finished: dict[str, Any] = _finish(result)
    return finished


def _parse_values(text: str, parameter_limit: int) -> dict[str, Any]:
    text = _ENCODED_BRACKET.sub(lambda m: "[" if m.group()[2] in "bB" else "]", text)
    values: dict[str, Any] = {}
    for part in text.split("&")[:parameter_limit]:
        bracket_equals = part.find("]=")
        pos = part.find("=") if bracket_equals == -1 else bracket_equals + 1
        if pos == -1:
            key, value = _decode(part), ""
        else:
            key, value = _decode(part[:pos]), _decode(part[pos + 1 :])
        values[key] = _concat(values[key], value) if key in values else value
    return values


def _decode(text: str) -> str:
    """`decodeURIComponent` after `+` -> space; like qs, keep the text as it is when that would throw."""
    text = text.replace("+", " ")
    if "%" not in text or _BAD_ESCAPE.search(text):
        return text
    try:
        return _ESCAPE_RUN.sub(lambda m: bytes.fromhex(m.group().replace("%", "")).decode("utf-8"), text)
    except UnicodeDecodeError:
        return text


def _parse_key(key: str, value: Any, depth: int, array_limit: int) -> Any:
    if not key:
        return None
    first = _SEGMENT.search(key) if depth > 0 else None
    parent = key[: first.start()] if first else key
    chain: list[str] = []
    if parent:
        if parent in _PROTOTYPE_KEYS:
            return None
        chain.append(parent)
    remainder = None
    if depth > 0:
        for count, segment in enumerate(_SEGMENT.finditer(key)):
            if count >= depth:
                remainder = segment
                break
            if segment.group()[1:-1] in _PROTOTYPE_KEYS:
                return None
            chain.append(segment.group())
    if remainder:
        chain.append("[" + key[remainder.start() :] + "]")
    return _build(chain, value, array_limit)


def _build(chain: list[str], leaf: Any, array_limit: int) -> Any:
    for root in reversed(chain):
        node: Any
        if root == "[]":
            node = _concat(_JsArray(), leaf)
        else:
            name = root[1:-1] if root.startswith("[") and root.endswith("]") else root
            if root != name and _CANONICAL_INT.fullmatch(name) and int(name) <= array_limit:
                node = _JsArray()
                node.put(int(name), leaf)
            elif name == "__proto__":
                node = {}
            else:
                node = {name: leaf}
        leaf = node
    return leaf


def _concat(first: Any, second: Any) -> _JsArray:
    """`[].concat(first, second)`: arrays are spread (holes kept), anything else is appended."""
    out = _JsArray()
    for value in (first, second):
        if isinstance(value, _JsArray):
            for index, item in value.items.items():
                out.items[out.length + index] = item
            out.length += value.length
        else:
            out.push(value)
    return out


def _is_container(value: Any) -> bool:
    return isinstance(value, dict | _JsArray)


def _merge(target: Any, source: Any) -> Any:
    """qs's `utils.merge`, including its quirks for mixed notations."""
    if source == "":
        return target
    if not _is_container(source):
        if isinstance(target, _JsArray):
            target.push(source)
        elif isinstance(target, dict):
            if source not in _PROTOTYPE_KEYS:
                target[source] = True
        else:
            return _JsArray([target, source])
        return target
    if not _is_container(target):
        return _concat(_JsArray([target]), source)
    if isinstance(target, _JsArray) and isinstance(source, _JsArray):
        for index, item in source.entries():
            if index not in target.items:
                target.put(index, item)
            elif _is_container(target.items[index]) and _is_container(item):
                target.items[index] = _merge(target.items[index], item)
            else:
                target.push(item)
        return target
    if isinstance(target, _JsArray):
        target = {str(index): item for index, item in target.entries()}
    pairs = ((str(i), v) for i, v in source.entries()) if isinstance(source, _JsArray) else source.items()
    for key, value in pairs:
        target[key] = _merge(target[key], value) if key in target else value
    return target


def _finish(value: Any) -> Any:
    """Compact arrays and order object keys as JavaScript does (array-index keys first, ascending)."""
    if isinstance(value, _JsArray):
        return [_finish(item) for _, item in value.entries()]
    if isinstance(value, dict):
        return {key: _finish(value[key]) for key in _js_key_order(value)}
    return value


def _js_key_order(obj: dict[str, Any]) -> Iterator[str]:
    indices = [k for k in obj if _CANONICAL_INT.fullmatch(k) and int(k) <= _MAX_JS_INDEX]
    yield from sorted(indices, key=int)
    taken = set(indices)
    yield from (k for k in obj if k not in taken)
