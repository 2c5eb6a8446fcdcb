"""Case-insensitive regular expressions in linear time (RE2), for MongoDB's `/pattern/i` filters.

Rocket.Chat hands a manager's customFields patterns to MongoDB, whose PCRE backtracks: `(a+)+$` against
a visitor's 28 `a`s and `!` runs for minutes. RE2 matches in time linear in the text, whatever the
pattern, and refuses what it cannot do in linear time (backreferences, lookaround): those get a clear 400
instead. Patterns are compiled once and kept (LRU).
"""

from __future__ import annotations

from functools import lru_cache

import re2

MAX_PATTERN_CHARS = 1024
# RE2's memory budget for one compiled pattern: a pattern past it is refused when compiled.
_MAX_MEM = 8 << 20


class PatternError(ValueError):
    """A pattern RE2 cannot compile (bad syntax, or a feature that needs backtracking)."""

    def __init__(self, pattern: str, reason: str) -> None:
        super().__init__(reason)
        self.pattern = pattern
        self.reason = reason


def _options() -> re2.Options:
    options = re2.Options()
    options.case_sensitive = False
    options.log_errors = False
    options.max_mem = _MAX_MEM
    return options


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re2._Regexp | PatternError:
    if len(pattern) > MAX_PATTERN_CHARS:
        return PatternError(pattern, f"pattern longer than {MAX_PATTERN_CHARS} characters")
    if "\x00" in pattern:
        return PatternError(pattern, "NUL in pattern")
    try:
        return re2.compile(pattern, _options())
    except re2.error as exc:
        reason = exc.args[0] if exc.args else "invalid pattern"
        return PatternError(pattern, reason.decode() if isinstance(reason, bytes) else str(reason))


def compile_i(pattern: str) -> re2._Regexp:
    """The compiled pattern, or PatternError."""
    compiled = _compiled(pattern)
    if isinstance(compiled, PatternError):
        raise compiled
    return compiled


def search_i(pattern: str, value: object) -> bool:
    """MongoDB's `{field: /pattern/i}` on one value: strings only; an uncompilable pattern never matches."""
    if not isinstance(value, str):
        return False
    compiled = _compiled(pattern)
    if isinstance(compiled, PatternError):
        return False
    return compiled.search(value) is not None
