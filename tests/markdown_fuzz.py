"""Random and adversarial message texts for comparing the parser with the real one (seeded, reproducible)."""

from __future__ import annotations

import random
from typing import Any

# Single characters the grammar treats specially, plus some it treats as text.
MARKUP = [*list("*_~`>[]()!:@#|\\-+$<=;'\"%&?/.,^{} \t"), "\n", "\n", "\r\n", "\r"]
WORDS = ["hello", "a", "x", "b2", "ok", "word", "Abc", "D", "B", "O", "X", "8", "0", "1", "12", "color", "t"]
TOKENS = [
    # links, addresses, numbers
    "https://rocket.chat",
    "http://x.y/a_b?q=1&r=(2)",
    "www.example.com",
    "docs.rocket.chat/api.",
    "rocket.chat:3000/x",
    "a@b.co",
    "user.name+tag@mail.example.org",
    "mailto:x@y.com",
    "s3://bucket/key",
    "ftp://x.y",
    "localhost:3000",
    "10.0.0.1",
    "file.txt",
    "xn--80ak6aa92e.com",
    "+5511999999999",
    "+(11)9999-8888",
    "+12",
    "[label](https://rocket.chat)",
    "[a](b.com)",
    "![img](x.com/i.png)",
    "<https://x.com|title>",
    "](",
    "] [",
    # mentions, emoji, emoticons, colours, timestamps
    "@user",
    "@john.doe",
    "@all",
    "@user__",
    "a@b",
    "#channel",
    "x#y",
    ":smile:",
    ":+1:",
    ":heart:",
    ":)",
    ":-D",
    "<3",
    "</3",
    "D:",
    "B-)",
    "O:-)",
    "-_-",
    "-__-",
    "(y)",
    ";)",
    ">:(",
    "*\\0/*",
    "color:#ff0000",
    "color:#abc",
    "color:#12345678",
    "<t:1630360800>",
    "<t:1630360800:R>",
    "<t:2025-07-22T10:00:00+02:00:f>",
    "<t:10:00+01:00>",
    "\\<t:1630360800>",
    # inline markup
    "*bold*",
    "**b**",
    "_it_",
    "__i__",
    "~s~",
    "~~s~~",
    "`code`",
    "``",
    "||spoiler||",
    "\\(a+b\\)",
    "$x$",
    "\\*",
    "\\_",
    "a_b",
    "snake_case_name",
    "x*y",
    "** **",
    "_ _",
    # unicode
    "😀",
    "👍🏽",
    "🇧🇷",
    "👨\u200d👩\u200d👧",
    "1\ufe0f\u20e3",
    "\u2764\ufe0f",
    "é",
    "日本語",
    "mañana",
    "\u200d",
    "\ufe0f",
    "\xa0",
    "\u3000",
    "\ud83c",
]
LINE_STARTS = [
    "> ",
    ">",
    "- ",
    "* ",
    "1. ",
    "10. ",
    "- [ ] ",
    "- [x] ",
    "# ",
    "## ",
    "#### ",
    "```\n",
    "```js\n",
    "```\n",
    "|a|b|\n|---|:-:|\n",
    "| x | y |",
    "---",
    "***",
    "\\[",
    "\\]",
    "$$",
    "||\n",
    "||",
    "  ",
]
OPTIONS: list[dict[str, Any]] = [
    {"colors": False, "emoticons": False, "katex": {"dollarSyntax": True, "parenthesisSyntax": False}},
    {"colors": True, "emoticons": True, "customDomains": ["intranet", "local"]},
    {"emoticons": True, "katex": {"dollarSyntax": True, "parenthesisSyntax": True}},
]


def _piece(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.35:
        return rng.choice(MARKUP)
    if roll < 0.6:
        return rng.choice(WORDS)
    if roll < 0.92:
        return rng.choice(TOKENS)
    return rng.choice(LINE_STARTS)


def random_text(rng: random.Random) -> str:
    """A mix of markup characters, words, links, emoji and block openers, 1 to ~60 pieces long."""
    size = rng.choice((1, 2, 3, 5, 8, 12, 20, 40, 60))
    parts: list[str] = []
    for _ in range(size):
        if not parts or (parts[-1].endswith("\n") and rng.random() < 0.4):
            parts.append(rng.choice(LINE_STARTS) if rng.random() < 0.5 else "")
        parts.append(_piece(rng))
        if rng.random() < 0.3:
            parts.append(" ")
    return "".join(parts)


def random_cases(count: int, seed: int) -> list[dict[str, Any]]:
    """`count` oracle inputs: {"text"} with default options, now and then {"text", "options"}."""
    rng = random.Random(seed)
    cases: list[dict[str, Any]] = []
    for _ in range(count):
        case: dict[str, Any] = {"text": random_text(rng)}
        if rng.random() < 0.05:
            case["options"] = rng.choice(OPTIONS)
        cases.append(case)
    return cases
