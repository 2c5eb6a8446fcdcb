"""Benchmark frontdesk.markdown.parse against a baseline parser from git, timed in the same run.

Run: .venv/bin/python bench/markdown_parse.py [--repeat N] [--baseline REV | --no-baseline]

For each group of inputs (the corpora, generated chat messages, each hostile input of
tests/markdown_hostile.py) it prints the CPU time per KB and KB/s of the current parser and of the baseline
(the parser at REV, loaded by bench/markdown_baseline.py), their ratio, and whether both gave identical
trees. CPU time (time.process_time, the best of --repeat runs) rather than wall time, so that other work on
a shared machine slows the figures less; the load average is printed beside them. The targets of issue 16:
the corpus at >= 1 MB/s and the worst hostile input at >= 200 KB/s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markdown_baseline import DEFAULT_REV, load_baseline

from frontdesk.markdown import parse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from markdown_hostile import PATHOLOGICAL, random_mix  # noqa: E402

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
CORPUS_TARGET_KBS = 1024.0
HOSTILE_TARGET_KBS = 200.0

Parse = Callable[[str], Any]


def corpus_texts() -> list[str]:
    texts: list[str] = []
    for path in CORPORA:
        with path.open(encoding="utf-8") as lines:
            texts.extend(json.loads(line)["text"] for line in lines if line.strip())
    return texts


def generated(size: int, seed: int) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    while sum(map(len, parts)) < size:
        parts.append(rng.choice(SNIPPETS))
    return "".join(parts)[:size]


def cpu_seconds(run: Parse, texts: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for text in texts:
            run(text)
        best = min(best, time.process_time() - started)
    return max(best, 1e-9)


def measure(label: str, texts: list[str], repeat: int, baseline: Parse | None) -> float:
    """Print one line for a group of texts; return the current parser's KB/s."""
    size_kb = sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / 1024
    new = cpu_seconds(parse, texts, repeat)
    line = f"{label:30s} {len(texts):5d} {size_kb:7.1f} KB {new * 1e6 / size_kb:8.0f} us/KB"
    line += f" {size_kb / new:8.1f} KB/s"
    if baseline is not None:
        old = cpu_seconds(baseline, texts, 1 if old_is_slow(size_kb) else repeat)
        same = all(parse(t) == baseline(t) for t in texts)
        line += f" | {size_kb / old:7.1f} KB/s {old / new:6.1f}x  {'same' if same else 'DIFFERENT'}"
    print(line, flush=True)
    return size_kb / new


def old_is_slow(size_kb: float) -> bool:
    return size_kb > 50


def load_line() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="runs per group; the best is kept")
    parser.add_argument("--baseline", default=DEFAULT_REV, help="git revision of the baseline parser")
    parser.add_argument("--no-baseline", action="store_true", help="time only the current parser")
    args = parser.parse_args()
    baseline = None if args.no_baseline else load_baseline(args.baseline)

    print(load_line())
    print(f"baseline: {'none' if baseline is None else args.baseline} (CPU time, best of {args.repeat})")
    header = f"{'input':30s} {'texts':>5s} {'size':>10s} {'current':>29s}"
    print(header + (f" | {'baseline':>12s} {'ratio':>7s}  trees" if baseline else ""))
    corpus = measure("corpus (seed + extra)", corpus_texts(), args.repeat, baseline)
    for size in (1_000, 10_000, 100_000):
        texts = [generated(size, seed) for seed in range(5)]
        measure(f"generated {size // 1000} KB messages", texts, args.repeat, baseline)
    hostile = {f"hostile {name}": text for name, text in PATHOLOGICAL.items()}
    hostile.update({f"hostile random mix {seed}": random_mix(seed) for seed in range(3)})
    speeds = {name: measure(name, [text], args.repeat, baseline) for name, text in hostile.items()}
    worst = min(speeds, key=speeds.__getitem__)
    print(load_line())
    print(
        f"corpus: {corpus:.0f} KB/s (target {CORPUS_TARGET_KBS:.0f}: "
        f"{'met' if corpus >= CORPUS_TARGET_KBS else 'missed'}); worst hostile: {worst} at "
        f"{speeds[worst]:.0f} KB/s (target {HOSTILE_TARGET_KBS:.0f}: "
        f"{'met' if speeds[worst] >= HOSTILE_TARGET_KBS else 'missed'})"
    )


if __name__ == "__main__":
    main()
