"""The base of every domain event."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Event:
    """Something that happened in a committed transaction. Subclasses are frozen dataclasses holding what a
    subscriber needs to act without reading the database again (documents as they stood at commit)."""
