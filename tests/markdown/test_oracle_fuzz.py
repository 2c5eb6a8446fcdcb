"""Random texts parsed by Frontdesk and by the real @rocket.chat/message-parser (node) must give equal trees.

Runs when node and the oracle's npm package are installed (`make md-oracle-deps`, which `make test` runs);
otherwise skips, saying why. MD_FUZZ_CASES and MD_FUZZ_SEED choose the size and the seed, e.g.
`MD_FUZZ_CASES=20000 MD_FUZZ_SEED=7 .venv/bin/pytest tests/markdown/test_oracle_fuzz.py` for a large run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from frontdesk.markdown import ParserOptions, parse
from markdown_fuzz import random_cases

ORACLE = Path(__file__).resolve().parents[2] / "scripts" / "md_oracle"
PACKAGE = ORACLE / "node_modules" / "@rocket.chat" / "message-parser"
CASES = int(os.environ.get("MD_FUZZ_CASES", "3000"))
SEED = int(os.environ.get("MD_FUZZ_SEED", "16"))


def run_oracle(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the real parser cannot run")
    if not PACKAGE.is_dir():
        pytest.skip("@rocket.chat/message-parser is not installed: run `make md-oracle-deps`")
    lines = "".join(json.dumps(case) + "\n" for case in cases)
    done = subprocess.run(
        [node, str(ORACLE / "oracle.mjs")],
        input=lines,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def test_random_texts_match_real_parser() -> None:
    cases = random_cases(CASES, SEED)
    expected = run_oracle(cases)
    assert len(expected) == len(cases)
    failures = []
    for case, answer in zip(cases, expected, strict=True):
        assert answer["text"] == case["text"]
        options = ParserOptions.from_js(case["options"]) if "options" in case else None
        got: Any
        try:
            got = parse(case["text"], options)
        except Exception as exc:  # a crash is a difference too; report it with the others
            got = {"error": repr(exc)}
        want = answer["md"] if "md" in answer else {"error": answer.get("error")}
        if got != want:
            failures.append(f"{case!r}\n  expected {want}\n  got      {got}")
    report = "\n".join(failures[:10])
    assert not failures, f"{len(failures)}/{len(cases)} texts differ (seed {SEED}):\n{report}"
