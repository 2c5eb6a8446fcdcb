"""DDP over a raw websocket (`/websocket`): one Connection per socket, frames handled one at a time in the
order they arrive; each method runs in one transaction and its events leave after the commit."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass
from typing import Any

import orjson
from starlette.websockets import WebSocket, WebSocketDisconnect

from frontdesk.clock import Clock
from frontdesk.db.engine import Database, NeedsWrite
from frontdesk.ejson import EJSONError, from_ejson, to_ejson
from frontdesk.errors import FrontdeskError, MeteorError
from frontdesk.ids import random_id
from frontdesk.rate_windows import Windows
from frontdesk.realtime import ddp_methods
from frontdesk.realtime.broker import Broker
from frontdesk.realtime.frames import OutFrame
from frontdesk.realtime.hub import Hub, Key
from frontdesk.realtime.streams import StreamRefused, check_subscription
from frontdesk.realtime.wire_socket import WireSocketProtocol, wire_socket_of
from frontdesk.services import visitors

log = logging.getLogger("frontdesk.realtime")

HEARTBEAT_S = 30.0  # send a ping after this much silence (Meteor's heartbeat interval is similar)
DEAD_S = 90.0  # close a socket that said nothing, not even a pong, for this long
MAX_BACKLOG = 10_000  # frame batches queued for one slow client (ASGI sends) before it is disconnected


@dataclass
class Realtime:
    """What the websocket needs from the app: the database, the hub and broker, the clock, the shared
    rate-limit windows."""

    db: Database
    hub: Hub
    broker: Broker
    clock: Clock
    windows: Windows
    state: Any  # the app's state: test_mode (which tests may switch at run time) turns rate limits off

    def limits(self) -> Windows | None:
        """The shared rate-limit windows, or None in TEST_MODE."""
        return None if getattr(self.state, "test_mode", False) else self.windows


def meteor_error(exc: BaseException) -> dict[str, Any]:
    """A method or subscription error as Meteor serialises `Meteor.Error`."""
    if isinstance(exc, MeteorError):
        code: Any = int(exc.code) if exc.code.isdigit() else exc.code
        body: dict[str, Any] = {"isClientSafe": True, "error": code, "reason": exc.reason or "",
                                "message": exc.error, "errorType": "Meteor.Error"}  # fmt: skip
        if exc.details is not None:
            body["details"] = exc.details
        return body
    if isinstance(exc, FrontdeskError):
        return {"isClientSafe": True, "error": exc.error, "reason": exc.error,
                "message": f"{exc.error} [{exc.error}]", "errorType": "Meteor.Error"}  # fmt: skip
    return {"isClientSafe": True, "error": 500, "reason": "Internal server error",
            "message": "Internal server error [500]", "errorType": "Meteor.Error"}  # fmt: skip


class _Held:
    """A subscription's events while its access check runs (realtime/hub.py Listener)."""

    def __init__(self) -> None:
        self.frames: list[OutFrame] = []

    def send_frames(self, frames: list[OutFrame]) -> None:
        self.frames.extend(frames)


class Connection:
    def __init__(self, websocket: WebSocket, realtime: Realtime) -> None:
        self.ws = websocket
        self.rt = realtime
        self.user_id: str | None = None
        self.visitor_token: str | None = None
        self.subscriptions: dict[str, Key | None] = {}
        # Frames go straight to the socket when `frontdesk serve` runs it (realtime/wire_socket.py), else
        # through this queue to ASGI sends; a connection uses one way from its first frame to its last.
        self._wire: WireSocketProtocol | None = None
        self._encoding = 0
        self._out: asyncio.Queue[list[OutFrame] | None] = asyncio.Queue()
        self._last_seen = time.monotonic()
        self._closed = False
        self.id = random_id()
        self.address = websocket.client.host if websocket.client else "?"

    def transactions(self) -> Database:
        return self.rt.db

    def rate_windows(self) -> Windows | None:
        return self.rt.limits()

    # -- sending ------------------------------------------------------------------------------------
    def send_frames(self, frames: list[OutFrame]) -> None:
        """Queue frames in order without waiting (the hub calls this for every subscriber of an event)."""
        if self._closed:
            return
        if self._wire is not None:
            if not self._wire.write_frames(frames, self._encoding):
                if self._wire.is_open():  # not merely closing as the frames came
                    log.warning("closing a websocket that stopped reading")
                self._close_soon()
            return
        if self._out.qsize() >= MAX_BACKLOG:
            log.warning("closing a websocket that fell %d batches behind", MAX_BACKLOG)
            self._close_soon()
            return
        self._out.put_nowait(frames)

    def send(self, frame: dict[str, Any]) -> None:
        self.send_frames([OutFrame(orjson.dumps(frame).decode(), shared=False)])

    def _close_soon(self) -> None:
        self._closed = True
        self._out.put_nowait(None)

    async def _write_loop(self) -> None:
        while True:
            frames = await self._out.get()
            if frames is None:
                await self.ws.close()
                return
            for frame in frames:
                await self.ws.send_text(frame.text)

    async def _heartbeat(self) -> None:
        while True:
            await asyncio.sleep(HEARTBEAT_S / 3)
            idle = time.monotonic() - self._last_seen
            if idle >= DEAD_S:
                self._close_soon()
                return
            if idle >= HEARTBEAT_S:
                self.send({"msg": "ping"})

    # -- lifecycle ----------------------------------------------------------------------------------
    async def serve(self) -> None:
        await self.ws.accept()
        wire = wire_socket_of(self.ws.scope)
        encoding = wire.frame_encoding() if wire is not None else None
        if wire is not None and encoding is not None:
            self._wire, self._encoding = wire, encoding
        self.send({"server_id": "0"})
        tasks = [asyncio.create_task(self._write_loop()), asyncio.create_task(self._heartbeat())]
        try:
            while True:
                message = await self.ws.receive()
                if message["type"] == "websocket.disconnect":
                    break
                self._last_seen = time.monotonic()
                text = message.get("text")
                if text is None:
                    text = (message.get("bytes") or b"").decode("utf-8", "replace")
                await self.handle(text)
        except (WebSocketDisconnect, RuntimeError):
            pass
        finally:
            self._closed = True
            self.drop_subscriptions()
            for task in tasks:
                task.cancel()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
            await self._on_close()

    async def _on_close(self) -> None:
        """A widget's socket is gone: its visitor shows as offline (Rocket.Chat does the same)."""
        if self.visitor_token is None:
            return
        try:
            async with self.rt.db.session() as db:
                await visitors.check_connection_closed(db, self.visitor_token, self.rt.clock.now_ms())
        except Exception:
            log.debug("could not mark visitor offline", exc_info=True)

    def drop_subscriptions(self) -> None:
        for key in self.subscriptions.values():
            if key is not None:
                self.rt.hub.remove(key, self)
        self.subscriptions.clear()

    # -- frames -------------------------------------------------------------------------------------
    async def handle(self, text: str) -> None:
        try:
            frame = from_ejson(orjson.loads(text))
        except (orjson.JSONDecodeError, EJSONError):
            self.send({"msg": "error", "reason": "Bad request"})
            return
        if not isinstance(frame, dict):
            self.send({"msg": "error", "reason": "Bad request"})
            return
        kind = frame.get("msg")
        if kind == "connect":
            self.send({"msg": "connected", "session": random_id()})
        elif kind == "ping":
            self.send({"msg": "pong", **({"id": frame["id"]} if "id" in frame else {})})
        elif kind == "pong":
            return
        elif kind == "method":
            await self._method(frame)
        elif kind == "sub":
            await self._sub(frame)
        elif kind == "unsub":
            self._unsub(frame)
        else:
            self.send({"msg": "error", "reason": "Bad request", "offendingMessage": frame})

    async def _method(self, frame: dict[str, Any]) -> None:
        call_id, name, params = frame.get("id"), frame.get("method"), frame.get("params") or []
        if not isinstance(call_id, str) or not isinstance(name, str) or not isinstance(params, list):
            self.send({"msg": "error", "reason": "Bad request", "offendingMessage": frame})
            return
        reply: dict[str, Any] = {"msg": "result", "id": call_id}
        try:
            try:
                async with self.rt.db.session(write=name not in ddp_methods.READ_FIRST) as db:
                    result = await ddp_methods.call(self, db, name, params, self.rt.clock.now_ms())
            except NeedsWrite:  # a method read first has something to write after all
                async with self.rt.db.session() as db:
                    result = await ddp_methods.call(self, db, name, params, self.rt.clock.now_ms())
            if result is not None:
                reply["result"] = to_ejson(result)
        except FrontdeskError as exc:
            reply["error"] = meteor_error(exc)
        except Exception as exc:
            log.exception("DDP method %s failed", name)
            reply["error"] = meteor_error(exc)
        self.send(reply)
        self.send({"msg": "updated", "methods": [call_id]})

    async def _sub(self, frame: dict[str, Any]) -> None:
        sub_id, name, params = frame.get("id"), frame.get("name"), frame.get("params") or []
        if not isinstance(sub_id, str) or not isinstance(name, str) or not isinstance(params, list):
            self.send({"msg": "error", "reason": "Bad request", "offendingMessage": frame})
            return
        # Events published while the access check reads the database are held, and sent after `ready` if
        # it passes: a client that unsubscribes and subscribes again (the widget, after its first message)
        # loses nothing in between.
        held = _Held()
        asked = (name, params[0]) if params and isinstance(params[0], str) else None
        if asked is not None:
            self.rt.hub.add(asked, held)
        try:
            async with self.rt.db.session(write=False) as db:
                user = await ddp_methods.current_user(self, db)
                key = await check_subscription(db, user, self.visitor_token, name, params)
        except StreamRefused:
            error = MeteorError("not-allowed", "Not allowed")
            self.send({"msg": "nosub", "id": sub_id, "error": meteor_error(error)})
            return
        except Exception as exc:
            log.exception("DDP subscription to %s failed", name)
            self.send({"msg": "nosub", "id": sub_id, "error": meteor_error(exc)})
            return
        finally:
            if asked is not None:
                self.rt.hub.remove(asked, held)
        heard = key in self.subscriptions.values()  # then the held events already came that way
        previous = self.subscriptions.pop(sub_id, None)
        if previous is not None:
            self.rt.hub.remove(previous, self)
        self.subscriptions[sub_id] = key
        if key is not None:
            self.rt.hub.add(key, self)
        self.send({"msg": "ready", "subs": [sub_id]})
        if key is not None and key == asked and held.frames and not heard:
            self.send_frames(held.frames)

    def _unsub(self, frame: dict[str, Any]) -> None:
        sub_id = frame.get("id")
        if not isinstance(sub_id, str):
            return
        key = self.subscriptions.pop(sub_id, None)
        if key is not None:
            self.rt.hub.remove(key, self)
        self.send({"msg": "nosub", "id": sub_id})


async def websocket_endpoint(websocket: WebSocket) -> None:
    realtime: Realtime = websocket.app.state.realtime
    await Connection(websocket, realtime).serve()
