"""WritesFirst: reads wait while a write request runs, for a bounded time, and a write storm cannot starve
them."""

from __future__ import annotations

import asyncio
from typing import Any

from frontdesk.api.writes_first import WritesFirst


class Recorder:
    """An ASGI app whose write requests end when `release` is set; it notes what ran, in order."""

    def __init__(self) -> None:
        self.ran: list[str] = []
        self.release = asyncio.Event()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["method"] == "POST":
            await self.release.wait()
        self.ran.append(scope["method"])


def request(gate: WritesFirst, method: str) -> asyncio.Task[None]:
    return asyncio.create_task(gate({"type": "http", "method": method}, None, None))


async def turns(n: int = 5) -> None:
    for _ in range(n):
        await asyncio.sleep(0)  # let the other tasks run as far as they can (no time passes)


async def test_a_read_waits_for_the_write_in_flight() -> None:
    app = Recorder()
    gate = WritesFirst(app, priority_seconds=60)
    write = request(gate, "POST")
    await turns()
    read = request(gate, "GET")
    await turns()
    assert app.ran == [] and gate.writes_in_flight == 1
    app.release.set()
    await asyncio.gather(write, read)
    assert app.ran == ["POST", "GET"] and gate.writes_in_flight == 0
    await request(gate, "GET")  # the door is open again
    assert app.ran[-1] == "GET"


async def test_a_long_write_lets_reads_in_after_its_priority_and_later_writes_do_not_close_the_door() -> None:
    app = Recorder()
    gate = WritesFirst(app, priority_seconds=0.01)
    slow = request(gate, "POST")
    await turns()
    await asyncio.wait_for(request(gate, "GET"), 5)  # in once the write's priority has run out
    second = request(gate, "POST")
    await turns()
    read = request(gate, "GET")
    await turns()
    assert read.done()  # at once: two writes in flight, and the loop shared
    assert app.ran == ["GET", "GET"]
    app.release.set()
    await asyncio.gather(slow, second)
    assert gate.writes_in_flight == 0


async def test_websockets_and_reads_alone_pass_straight_through() -> None:
    seen: list[str] = []

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        seen.append(scope["type"])

    gate = WritesFirst(app)
    await gate({"type": "websocket"}, None, None)
    await gate({"type": "http", "method": "HEAD"}, None, None)
    assert seen == ["websocket", "http"]
