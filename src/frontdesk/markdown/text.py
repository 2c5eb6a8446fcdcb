"""Conversions between Python strings and the UTF-16 code units the JavaScript grammar walks over."""

from __future__ import annotations

import re

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def _split(match: re.Match[str]) -> str:
    code = ord(match.group(0)) - 0x10000
    return chr(0xD800 + (code >> 10)) + chr(0xDC00 + (code & 0x3FF))


def _join(match: re.Match[str]) -> str:
    pair = match.group(0)
    high, low = pair[0], pair[1]
    return chr(0x10000 + ((ord(high) - 0xD800) << 10) + (ord(low) - 0xDC00))


def to_units(text: str) -> str:
    """Spell astral characters as surrogate pairs so indexes match JavaScript's."""
    return _ASTRAL.sub(_split, text)


def from_units(text: str) -> str:
    """Rejoin surrogate pairs; lone surrogates stay as they are, as in JSON.stringify output."""
    return _SURROGATE_PAIR.sub(_join, text)
