"""A small DDP client for tests: method calls matched by id, subscriptions, the `changed` frames received."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import itertools
import json
import time
from typing import Any

from websockets.asyncio.client import ClientConnection, connect


class DDPError(Exception):
    def __init__(self, error: dict[str, Any]) -> None:
        super().__init__(error.get("message") or error.get("reason"))
        self.error = error


class DDPClient:
    def __init__(self, url: str, compression: str | None = "deflate") -> None:
        self.url = url
        self.compression = compression
        self.ws: ClientConnection | None = None
        self.frames: list[dict[str, Any]] = []
        self.changed: asyncio.Queue[tuple[float, dict[str, Any]]] = asyncio.Queue()
        self._ids = itertools.count(1)
        self._waiting: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self._reader: asyncio.Task[None] | None = None
        self._connected: asyncio.Future[dict[str, Any]] | None = None
        self._skipped: list[dict[str, Any]] = []

    async def __aenter__(self) -> DDPClient:
        self.ws = await connect(self.url, max_size=None, compression=self.compression)
        self._connected = asyncio.get_running_loop().create_future()
        self._reader = asyncio.create_task(self._read())
        await self.send({"msg": "connect", "version": "1", "support": ["1", "pre2", "pre1"]})
        await asyncio.wait_for(self._connected, 5)
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self.ws is not None
        await self.ws.close()
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reader

    async def send(self, frame: dict[str, Any]) -> None:
        assert self.ws is not None
        await self.ws.send(json.dumps(frame))

    async def _read(self) -> None:
        assert self.ws is not None
        async for raw in self.ws:
            frame = json.loads(raw)
            self.frames.append(frame)
            kind = frame.get("msg")
            if kind == "connected" and self._connected and not self._connected.done():
                self._connected.set_result(frame)
            elif kind == "ping":
                await self.send({"msg": "pong"})
            elif kind == "changed":
                self.changed.put_nowait((time.perf_counter(), frame))
            elif kind == "result" or kind == "pong":
                fut = self._waiting.pop(str(frame.get("id")), None)
                if fut and not fut.done():
                    fut.set_result(frame)
            elif kind in ("ready", "nosub"):
                for sub_id in frame.get("subs") or [frame.get("id")]:
                    fut = self._waiting.pop(str(sub_id), None)
                    if fut and not fut.done():
                        fut.set_result(frame)

    def _future(self, key: str) -> asyncio.Future[dict[str, Any]]:
        fut: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiting[key] = fut
        return fut

    async def call_raw(self, method: str, *params: Any) -> dict[str, Any]:
        call_id = str(next(self._ids))
        fut = self._future(call_id)
        await self.send({"msg": "method", "method": method, "params": list(params), "id": call_id})
        return await asyncio.wait_for(fut, 5)

    async def call(self, method: str, *params: Any) -> Any:
        frame = await self.call_raw(method, *params)
        if "error" in frame:
            raise DDPError(frame["error"])
        return frame.get("result")

    async def sub(self, name: str, *params: Any) -> dict[str, Any]:
        sub_id = f"ddp-{next(self._ids)}"
        fut = self._future(sub_id)
        await self.send({"msg": "sub", "id": sub_id, "name": name, "params": list(params)})
        return await asyncio.wait_for(fut, 5)

    async def login(self, username: str, password: str) -> str:
        digest = hashlib.sha256(password.encode()).hexdigest()
        result = await self.call(
            "login", {"user": {"username": username}, "password": {"digest": digest, "algorithm": "sha-256"}}
        )
        return str(result["id"])

    async def next_changed(
        self, collection: str | None = None, timeout: float = 1.0, event_name: str | None = None
    ) -> dict[str, Any]:
        """The oldest unclaimed `changed` frame (of a collection / eventName), waiting at most `timeout` s.
        Frames that do not match stay for a later call."""

        def matches(frame: dict[str, Any]) -> bool:
            return (collection is None or frame["collection"] == collection) and (
                event_name is None or frame["fields"]["eventName"] == event_name
            )

        for i, frame in enumerate(self._skipped):
            if matches(frame):
                return self._skipped.pop(i)
        deadline = time.perf_counter() + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"no {collection or 'changed'} frame within {timeout}s")
            try:
                _, frame = await asyncio.wait_for(self.changed.get(), left)
            except TimeoutError:
                raise TimeoutError(f"no {collection or 'changed'} frame within {timeout}s") from None
            if matches(frame):
                return frame
            self._skipped.append(frame)


def visitor_args(token: str) -> dict[str, Any]:
    """Stream options as the widget sends them."""
    return {"useCollection": False, "args": [{"token": token, "visitorToken": token}]}
