"""Hostile input: anything up to 10,000 characters parses, without exceptions, in roughly linear time."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontdesk.markdown import parse
from markdown_hostile import PATHOLOGICAL, SPECIAL, random_mix

MESSAGES = st.lists(st.sampled_from(SPECIAL) | st.text(max_size=3), max_size=400).map("".join)


@settings(max_examples=200, deadline=None)
@given(MESSAGES)
def test_any_text_parses(text: str) -> None:
    tree = parse(text)
    assert isinstance(tree, list)
    assert tree or not text


@pytest.mark.parametrize("seed", range(5))
def test_ten_thousand_random_characters_parse(seed: int) -> None:
    assert parse(random_mix(seed))


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
