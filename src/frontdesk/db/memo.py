"""ReadMemo: small query results (settings, permissions) remembered by read transactions until a commit.

Only read transactions use it, so a transaction never reads back an old value of something it has just
changed. A result is kept only when no process has committed since the transaction began (its start
number from the change signal is still the current one), so what is kept is what the database holds.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

T = TypeVar("T")

MEMO = "frontdesk.memo"
STARTED = "frontdesk.started_at_change"
_MAX = 4096


class ReadMemo:
    def __init__(self, generation: Callable[[], int]) -> None:
        self.generation = generation
        self._values: dict[Hashable, Any] = {}
        self._valid_for: int | None = None

    def get(self, key: Hashable) -> tuple[bool, Any]:
        generation = self.generation()
        if generation != self._valid_for:
            self._values.clear()
            self._valid_for = generation
            return False, None
        if key in self._values:
            return True, self._values[key]
        return False, None

    def put(self, key: Hashable, value: Any, started: int) -> None:
        if self.generation() != started:
            return
        if self._valid_for != started or len(self._values) >= _MAX:
            self._values.clear()
            self._valid_for = started
        self._values[key] = value


async def remembered(db: AsyncSession, key: Hashable, read: Callable[[], Awaitable[T]]) -> T:
    """`read()`'s result, from the memo when this is a read transaction and nothing changed since."""
    memo: ReadMemo | None = db.info.get(MEMO)
    if memo is None:
        return await read()
    found, value = memo.get(key)
    if found:
        return value
    value = await read()
    memo.put(key, value, db.info[STARTED])
    return value
