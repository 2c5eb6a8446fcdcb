"""Every corpus line produced by @rocket.chat/message-parser 0.32.0 must parse to the identical tree."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from frontdesk.markdown import ParserOptions, parse

DATA = Path(__file__).resolve().parent / "data"  # data/README.md says where each corpus came from
SEED_CORPUS = DATA / "md-corpus.jsonl"
EXTRA_CORPUS = DATA / "extra-corpus.jsonl"


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def mismatches(cases: list[dict[str, Any]]) -> list[str]:
    """Describe every case whose parse differs from the recorded `md`."""
    found = []
    for number, case in enumerate(cases, 1):
        options = ParserOptions.from_js(case["options"]) if "options" in case else None
        got = parse(case["text"], options)
        if got != case["md"]:
            found.append(f"line {number}: {case['text']!r}\n  expected {case['md']}\n  got      {got}")
    return found


@pytest.mark.parametrize("path", [SEED_CORPUS, EXTRA_CORPUS], ids=["seed", "extra"])
def test_corpus_matches_real_parser(path: Path) -> None:
    cases = load(path)
    assert len(cases) > 1000
    failures = mismatches(cases)
    report = "\n".join(failures[:20])
    assert not failures, f"{len(failures)}/{len(cases)} cases differ:\n{report}"


def test_seed_corpus_is_complete() -> None:
    assert len(load(SEED_CORPUS)) == 1499
