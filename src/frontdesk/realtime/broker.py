"""Fan-out of committed events: straight to this process's hub, or through Redis pub/sub to every process."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any, Protocol

import orjson

from frontdesk.realtime.hub import Hub
from frontdesk.realtime.stream_message import StreamMessage

log = logging.getLogger("frontdesk.realtime")

CHANNEL = "frontdesk:events"


class Broker(Protocol):
    hub: Hub

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def publish(self, events: list[StreamMessage]) -> None: ...


class LocalBroker:
    """One process: events go to the local hub synchronously, so they leave in commit order."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        return None

    async def publish(self, events: list[StreamMessage]) -> None:
        self.hub.deliver(events)


class RedisBroker:
    """Several processes: each transaction's events are one Redis message; every process (this one too)
    delivers what it receives to its own subscribers, so all see the same events in the same order."""

    def __init__(self, hub: Hub, url: str, channel: str = CHANNEL) -> None:
        self.hub = hub
        self.url = url
        self.channel = channel
        self._redis: Any = None
        self._task: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()

    async def start(self) -> None:
        from redis import asyncio as aioredis

        self._redis = aioredis.from_url(self.url)
        self._task = asyncio.create_task(self._listen(), name="frontdesk-redis-listener")
        await asyncio.wait_for(self._ready.wait(), timeout=10)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        if self._redis is not None:
            await self._redis.aclose()

    async def publish(self, events: list[StreamMessage]) -> None:
        payload = orjson.dumps([e.to_dict() for e in events])
        await self._redis.publish(self.channel, payload)

    async def _listen(self) -> None:
        while True:
            try:
                async with self._redis.pubsub() as pubsub:
                    await pubsub.subscribe(self.channel)
                    self._ready.set()
                    async for message in pubsub.listen():
                        if message.get("type") != "message":
                            continue
                        self._deliver(message["data"])
            except asyncio.CancelledError:
                raise
            except Exception:  # the connection dropped: subscribers miss events until it is back
                log.exception("redis subscription failed; reconnecting")
                await asyncio.sleep(1)

    def _deliver(self, data: bytes) -> None:
        try:
            events = [StreamMessage.from_dict(d) for d in orjson.loads(data)]
        except (orjson.JSONDecodeError, KeyError, TypeError):
            log.warning("ignoring a malformed realtime message on %s", self.channel)
            return
        self.hub.deliver(events)


def make_broker(hub: Hub, redis_url: str | None) -> Broker:
    return RedisBroker(hub, redis_url) if redis_url else LocalBroker(hub)
