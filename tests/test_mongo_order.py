"""mongo_order.sort_key orders JSON values as MongoDB does: by type first, then by value."""

from __future__ import annotations

from typing import Any

from frontdesk import mongo_order
from frontdesk.services.pagination import sort_docs


def test_types_sort_in_bson_order() -> None:
    values: list[Any] = [True, [1], {"a": 1}, "a", 3, None, False, -2.5]
    ordered = sorted(values, key=mongo_order.sort_key)
    assert ordered == [None, -2.5, 3, "a", {"a": 1}, [1], False, True]


def test_numbers_compare_numerically_and_ints_equal_floats() -> None:
    assert sorted([10, 2, 2.5, -1], key=mongo_order.sort_key) == [-1, 2, 2.5, 10]
    assert mongo_order.sort_key(2) == mongo_order.sort_key(2.0)


def test_strings_compare_by_bytes_not_case_insensitively() -> None:
    assert sorted(["b", "B", "a", "Z", "é", "z"], key=mongo_order.sort_key) == ["B", "Z", "a", "b", "z", "é"]
    assert sorted(["Z10", "Z9"], key=mongo_order.sort_key) == ["Z10", "Z9"]


def test_booleans_sort_after_every_other_type_false_first() -> None:
    assert sorted([True, "zzz", False, [9]], key=mongo_order.sort_key) == ["zzz", [9], False, True]


def test_a_boolean_is_not_a_number() -> None:
    assert mongo_order.sort_key(True) > mongo_order.sort_key(1_000_000)
    assert mongo_order.sort_key(False) > mongo_order.sort_key("")


def test_sort_docs_uses_dotted_paths_and_puts_missing_first() -> None:
    docs = [{"_id": "1", "u": {"n": "b"}}, {"_id": "2"}, {"_id": "3", "u": {"n": "A"}}, {"_id": "4", "u": {}}]
    assert [d["_id"] for d in sort_docs(docs, [("u.n", 1)])] == ["2", "4", "3", "1"]
    assert [d["_id"] for d in sort_docs(docs, [("u.n", -1)])] == ["1", "3", "2", "4"]
