"""WritesFirst: while a write request is in flight, read requests wait (for at most PRIORITY_SECONDS).

A write's request makes a dozen trips between the event loop and the database (authenticate, lock,
update, commit, publish); under a read storm each trip queued behind a whole round of reads (16 cached
pages at a time), so a 15 ms status change took ~95 ms. Reads that arrive while a write runs are parked
at the door instead: the loop turns over only the write's steps, and the parked reads go on together when
it ends. A write gets that priority for PRIORITY_SECONDS at most; after it, reads and writes share the
loop as before until no write is left in flight (a write storm cannot starve reads).

Only HTTP requests count: GET and HEAD read, any other method writes. Websockets (DDP) pass untouched.
"""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Receive, Scope, Send

PRIORITY_SECONDS = 0.05
_READS = frozenset({"GET", "HEAD"})


class WritesFirst:
    def __init__(self, app: ASGIApp, priority_seconds: float = PRIORITY_SECONDS) -> None:
        self.app = app
        self._priority = priority_seconds
        self._writes = 0  # write requests in flight
        self._open = asyncio.Event()  # set: reads go in
        self._open.set()
        self._shared = False  # a write outlived its priority: no write closes the door until none is left
        self._deadline: asyncio.TimerHandle | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] in _READS:
            if not self._open.is_set():
                await self._open.wait()
            await self.app(scope, receive, send)
            return
        self._started()
        try:
            await self.app(scope, receive, send)
        finally:
            self._ended()

    @property
    def writes_in_flight(self) -> int:
        return self._writes

    def _started(self) -> None:
        self._writes += 1
        if self._open.is_set() and not self._shared:
            self._open.clear()
            self._deadline = asyncio.get_running_loop().call_later(self._priority, self._share)

    def _ended(self) -> None:
        self._writes -= 1
        if not self._writes:
            self._shared = False
            self._let_reads_in()

    def _share(self) -> None:
        self._deadline = None
        self._shared = True
        self._let_reads_in()

    def _let_reads_in(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None
        self._open.set()
