"""Hostile input: anything up to 10,000 characters parses, without exceptions, in roughly linear time."""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontdesk.markdown import parse

SPECIAL = [
    *"*_~`:<>[]()!|@#+$\\-.,;='\"%&?/ \t\n\r0123456789abxyzDOBX",
    *("😀", "🏽", "\u200d", "\ufe0f", "\ud83c", "é", "://", "http", ".com", "```", "color:#", "<t:", "||"),
    *("\\(", "\\[", "- [", "]("),
]
MESSAGES = st.lists(st.sampled_from(SPECIAL) | st.text(max_size=3), max_size=400).map("".join)


@settings(max_examples=200, deadline=None)
@given(MESSAGES)
def test_any_text_parses(text: str) -> None:
    tree = parse(text)
    assert isinstance(tree, list)
    assert tree or not text


@pytest.mark.parametrize("seed", range(5))
def test_ten_thousand_random_characters_parse(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(SPECIAL) for _ in range(6000))[:10_000]
    assert parse(text)


N = 10_000
PATHOLOGICAL = {
    "stars": "*" * N,
    "tildes": "~" * N,
    "underscores": "_" * N,
    "brackets": "[" * N,
    "backticks": "`" * N,
    "pipes": "|" * N,
    "angles": "<" * N,
    "quotes": "> " * (N // 2),
    "nested-quote-lines": ("> " * 50 + "x\n") * (N // 103),
    "unclosed-bold": "*a " * (N // 3),
    "emoticon-run": ":)" * (N // 2),
    "emoticons-in-bold": "*" + ":)" * (N // 2),
    "emoticons-in-italic": "_" + ":)" * (N // 2),
    "unclosed-links": "[a](" * (N // 4),
    "unclosed-katex": "\\(" * (N // 2),
    "code-fences": "```\na\n" * (N // 6),
    "nested-openers": "*_[~" * (N // 4),
    "url-punctuation": "a.com" + "." * N,
    "title-stars": "[*" * (N // 2),
    "table-cells": "|a" * (N // 2),
}


@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_input_is_fast(text: str) -> None:
    started = time.process_time()
    parse(text)
    assert time.process_time() - started < 8


def test_doubling_input_roughly_doubles_time() -> None:
    def cost(text: str) -> float:
        started = time.process_time()
        parse(text)
        return time.process_time() - started

    small, large = cost("*_[~" * 300), cost("*_[~" * 1200)
    assert large < 12 * small + 0.5
