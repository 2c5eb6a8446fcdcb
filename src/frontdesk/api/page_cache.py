"""PageCache: response bodies kept until the database changes, for listings that are asked again and again.

A manager's screen polls the same listing every few seconds; between two commits the answer cannot
change. Entries are kept against the number of the database's change signal (db/changes.py) read
*before* the answer was computed: once any process commits anything, the number moves and the whole
cache is dropped at the next look-up. The key holds the caller's credentials as sent, so a hit answers
exactly who was answered before; logging out, a role or a permission change is a commit like any other.

Misses of one page since the same commit are computed once (single_flight): after a commit, a read
storm would otherwise run the same query once per waiting request.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from hashlib import sha256
from typing import TypeVar

Key = tuple[str, bytes, bytes]
R = TypeVar("R")


class NotShared(Exception):
    """The first computation of a page has nothing to share (a stream, or it was cancelled)."""


def key(user_id: str, token: str, query_string: bytes) -> Key:
    # the token is kept hashed, like everywhere else tokens are stored
    return (user_id, sha256(token.encode()).digest(), query_string)


class PageCache:
    """Least-recently-used bodies, bounded by count and by bytes; all of it valid for one generation."""

    def __init__(
        self, generation: Callable[[], int], max_entries: int = 1024, max_bytes: int = 32 << 20
    ) -> None:
        self._generation = generation
        self._max_entries = max_entries
        self._max_bytes = max_bytes
        self._entries: OrderedDict[Key, bytes] = OrderedDict()
        self._bytes = 0
        self._valid_for: int | None = None
        self.hits = 0
        self.misses = 0
        # pages being computed, by (key, generation read before): later misses wait for the same body
        self._flights: dict[tuple[Key, int], asyncio.Future[bytes]] = {}

    def get(self, k: Key) -> bytes | None:
        generation = self._generation()
        if generation != self._valid_for:
            self._clear(generation)
            self.misses += 1
            return None
        body = self._entries.get(k)
        if body is None:
            self.misses += 1
            return None
        self._entries.move_to_end(k)
        self.hits += 1
        return body

    def generation(self) -> int:
        """The number to pass to put(): read it before computing the answer."""
        return self._generation()

    async def single_flight(
        self, k: Key, generation: int, compute: Callable[[], Awaitable[R]], answer: Callable[[bytes], R]
    ) -> R:
        """`compute()`, unless the same page is being computed since the same commit: then `answer` with
        the body that computation put(), or its error (the same input gives the same one). A stream or a
        cancelled computation is not shared: its waiters compute their own."""
        flight = (k, generation)
        running = self._flights.get(flight)
        if running is not None:
            try:
                return answer(await asyncio.shield(running))
            except NotShared:
                return await compute()
        future: asyncio.Future[bytes] = asyncio.get_running_loop().create_future()
        self._flights[flight] = future
        try:
            result = await compute()
        except BaseException as exc:
            if not future.done():
                future.set_exception(exc if isinstance(exc, Exception) else NotShared())
                future.exception()  # retrieved here, whether or not anyone waits
            raise
        finally:
            del self._flights[flight]
        if not future.done():
            future.set_exception(NotShared())
            future.exception()
        return result

    def put(self, k: Key, body: bytes, generation: int) -> None:
        """Keep `body` if nothing was committed since `generation` was read (and hand it to the requests
        waiting for the same page: it is at least as new as what they asked for)."""
        future = self._flights.get((k, generation))
        if future is not None and not future.done():
            future.set_result(body)
        if len(body) > self._max_bytes // 8:
            return
        if self._generation() != generation:
            return
        if self._valid_for != generation:
            self._clear(generation)
        old = self._entries.pop(k, None)
        if old is not None:
            self._bytes -= len(old)
        self._entries[k] = body
        self._bytes += len(body)
        while len(self._entries) > self._max_entries or self._bytes > self._max_bytes:
            _, dropped = self._entries.popitem(last=False)
            self._bytes -= len(dropped)

    def __len__(self) -> int:
        return len(self._entries)

    def _clear(self, generation: int | None) -> None:
        self._entries.clear()
        self._bytes = 0
        self._valid_for = generation
