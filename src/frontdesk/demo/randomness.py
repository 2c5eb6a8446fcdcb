"""Seeded identifiers, tokens and choices for the demo, cheap enough for a million rooms."""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Sequence
from typing import Generic, TypeVar

T = TypeVar("T")

# Random.id()'s (docs/api/livechat-api.md §6)
_ID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz"
_TOKEN_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
_BUFFER_IDS = 8192


def _byte_alphabet(alphabet: str) -> tuple[bytes, bytes]:
    """(table, dropped) for bytes.translate: each kept byte maps to one character, all equally likely.

    Bytes from the largest multiple of len(alphabet) up are dropped, so `byte % len` stays uniform.
    """
    size = len(alphabet)
    keep = 256 // size * size
    return bytes(ord(alphabet[b % size]) for b in range(256)), bytes(range(keep, 256))


_ID_BYTES = _byte_alphabet(_ID_ALPHABET)
_TOKEN_BYTES = _byte_alphabet(_TOKEN_ALPHABET)


class DemoRandom:
    """One random.Random(seed) behind everything the generator draws, so a seed gives the same data."""

    def __init__(self, seed: str | int) -> None:
        self.rng = random.Random(seed)
        self.random = self.rng.random
        self._ids = ""
        self._id_pos = 0
        self._tokens = ""
        self._token_pos = 0

    def _characters(self, alphabet: tuple[bytes, bytes], count: int) -> str:
        """At least `count` random characters of an alphabet: random bytes mapped in C, not one by one."""
        table, dropped = alphabet
        out = ""
        while len(out) < count:
            out += self.rng.randbytes(count + count // 4).translate(table, dropped).decode("ascii")
        return out

    def random_id(self) -> str:
        """Random.id(): 17 characters; drawn in bulk because one choice per character is slow."""
        if self._id_pos + 17 > len(self._ids):
            self._ids = self._characters(_ID_BYTES, 17 * _BUFFER_IDS)
            self._id_pos = 0
        start = self._id_pos
        self._id_pos = start + 17
        return self._ids[start : start + 17]

    def token(self) -> str:
        """A visitor token as widget and WhatsApp clients choose them: 21 lower-case letters and digits."""
        if self._token_pos + 21 > len(self._tokens):
            self._tokens = self._characters(_TOKEN_BYTES, 21 * _BUFFER_IDS)
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


class Shares(Generic[T]):
    """Items by cumulative share, ((0.8, a), (0.9, b), (1.0, c)): `at(roll)` is the first whose limit
    is above the roll, found by bisection (it is looked up a few times per room)."""

    def __init__(self, cumulative: Sequence[tuple[float, T]]) -> None:
        self.limits = [limit for limit, _ in cumulative]
        self.items = [item for _, item in cumulative]

    def at(self, roll: float) -> T:
        return self.items[bisect_right(self.limits, roll)]
