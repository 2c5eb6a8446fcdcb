"""A change signal a test moves by hand (db/changes.py's `current`, as a callable)."""

from __future__ import annotations


class Signal:
    def __init__(self) -> None:
        self.value = 0

    def __call__(self) -> int:
        return self.value
