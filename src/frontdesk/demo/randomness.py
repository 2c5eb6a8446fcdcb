"""Seeded identifiers, tokens and choices for the demo, cheap enough for a million rooms."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

_ID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz"  # Random.id()'s (spec §6)
_TOKEN_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
_BUFFER_IDS = 8192


class DemoRandom:
    """One random.Random(seed) behind everything the generator draws, so a seed gives the same data."""

    def __init__(self, seed: str | int) -> None:
        self.rng = random.Random(seed)
        self.random = self.rng.random
        self._ids = ""
        self._id_pos = 0
        self._tokens = ""
        self._token_pos = 0

    def random_id(self) -> str:
        """Random.id(): 17 characters; drawn in bulk because one choices() call per id is slow."""
        if self._id_pos >= len(self._ids):
            self._ids = "".join(self.rng.choices(_ID_ALPHABET, k=17 * _BUFFER_IDS))
            self._id_pos = 0
        start = self._id_pos
        self._id_pos = start + 17
        return self._ids[start : start + 17]

    def token(self) -> str:
        """A visitor token as widget and WhatsApp clients choose them: 21 lower-case letters and digits."""
        if self._token_pos >= len(self._tokens):
            self._tokens = "".join(self.rng.choices(_TOKEN_ALPHABET, k=21 * _BUFFER_IDS))
            self._token_pos = 0
        start = self._token_pos
        self._token_pos = start + 21
        return self._tokens[start : start + 21]

    def object_id(self) -> str:
        """ObjectId().toHexString(): 24 hex digits."""
        return f"{self.rng.getrandbits(96):024x}"

    def pick(self, items: Sequence[T]) -> T:
        return items[int(self.random() * len(items))]

    def between(self, low: int, high: int) -> int:
        """An integer in [low, high)."""
        return low + int(self.random() * (high - low))

    def wait_ms(self, mean_s: float, low_s: float, high_s: float) -> int:
        """A human delay: exponential around the mean, clipped to [low, high] seconds."""
        seconds = self.rng.expovariate(1 / mean_s)
        return int(1000 * min(max(seconds, low_s), high_s))
