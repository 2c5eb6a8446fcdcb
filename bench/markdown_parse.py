"""Benchmark frontdesk.markdown.parse: microseconds per KB and KB/s over the corpora and larger texts.

Run: .venv/bin/python bench/markdown_parse.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable
from pathlib import Path

from frontdesk.markdown import parse

ROOT = Path(__file__).resolve().parents[1]
CORPORA = [
    ROOT / "tests" / "markdown" / "data" / "md-corpus.jsonl",
    ROOT / "tests" / "markdown" / "data" / "extra-corpus.jsonl",
]
SNIPPETS = [
    "Hello *team*, the _deploy_ is ~blocked~ until `make test` passes :) ",
    "see https://rocket.chat/docs or [the guide](https://docs.rocket.chat/x) and mail a@rocket.chat ",
    "@agent.smith please check #support, call +5511999999999 :smile: 😀 ",
    "> quoted line with **bold**\n- item one\n- item two\n1. first\n- [x] done\n",
    "```js\nconsole.log('code');\n```\n",
    "plain words in a long customer message that goes on and on without markup at all. ",
]


def corpus_texts() -> list[str]:
    texts: list[str] = []
    for path in CORPORA:
        if path.exists():
            with path.open(encoding="utf-8") as lines:
                texts.extend(json.loads(line)["text"] for line in lines if line.strip())
    return texts


def generated(size: int, seed: int) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    while sum(map(len, parts)) < size:
        parts.append(rng.choice(SNIPPETS))
    return "".join(parts)[:size]


def measure(label: str, texts: list[str], repeat: int, run: Callable[[str], object] = parse) -> None:
    size_kb = sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / 1024
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for text in texts:
            run(text)
        best = min(best, time.perf_counter() - started)
    print(
        f"{label:32s} {len(texts):6d} texts {size_kb:9.1f} KB "
        f"{best * 1e6 / size_kb:10.0f} us/KB {size_kb / best:9.1f} KB/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    measure("corpus texts (seed + extra)", corpus_texts(), args.repeat)
    for size in (1_000, 10_000, 100_000):
        measure(
            f"generated {size // 1000} KB messages", [generated(size, seed) for seed in range(5)], args.repeat
        )
    measure("hostile 10 KB (*_[~ repeated)", ["*_[~" * 2500], 1)


if __name__ == "__main__":
    main()
