"""Hostile message texts of about 10,000 characters, each aimed at a rule's worst case (tests and bench)."""

from __future__ import annotations

import random

N = 10_000
# Characters and pieces the grammar treats specially; random mixes of them make dense, unclosed markup.
SPECIAL = [
    *"*_~`:<>[]()!|@#+$\\-.,;='\"%&?/ \t\n\r0123456789abxyzDOBX",
    *("😀", "🏽", "\u200d", "\ufe0f", "\ud83c", "é", "://", "http", ".com", "```", "color:#", "<t:", "||"),
    *("\\(", "\\[", "- [", "]("),
]

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
    # The same openers with a closer at the very end, so no rule can give up before scanning the rest.
    "nested-openers-closed": "*_[~" * (N // 4 - 2) + "](x)*_~",
    "brackets-closed": "[" * (N - 4) + "](x)",
    "title-stars-closed": "[*" * (N // 2 - 2) + "](x)",
    "unclosed-italic": "_a " * (N // 3),
    "unclosed-strike": "~a " * (N // 3),
    "spoiler-openers": "||a " * (N // 4),
    "mentions-in-bold": "*" + "@a " * (N // 3),
    "links-in-strike": "~" + "a.com " * (N // 6),
}


def random_mix(seed: int) -> str:
    """About 10,000 characters drawn from SPECIAL."""
    rng = random.Random(seed)
    return "".join(rng.choice(SPECIAL) for _ in range(6000))[:N]
