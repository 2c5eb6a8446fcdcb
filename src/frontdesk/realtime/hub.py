"""This process's stream subscribers, and handing each published event to those that subscribed to it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

import orjson

from frontdesk.ejson import to_ejson
from frontdesk.realtime.frames import OutFrame
from frontdesk.realtime.stream_message import StreamMessage

Key = tuple[str, str]  # (stream, eventName)


class Listener(Protocol):
    """A websocket connection as the hub sees it: something that takes frames without waiting."""

    def send_frames(self, frames: list[OutFrame]) -> None: ...


def changed_frame(event: StreamMessage) -> str:
    """The DDP frame Rocket.Chat's Streamer sends; the same text for every subscriber."""
    frame = {
        "msg": "changed",
        "collection": event.stream,
        "id": "id",
        "fields": {"eventName": event.name, "args": to_ejson(event.args)},
    }
    return orjson.dumps(frame).decode()


class Hub:
    """Subscriptions by (stream, eventName). A connection that subscribed twice still gets one frame per
    event: clients dispatch a frame to every listener of the stream themselves."""

    def __init__(self) -> None:
        self._listeners: dict[Key, dict[Listener, int]] = {}

    def add(self, key: Key, listener: Listener) -> None:
        targets = self._listeners.setdefault(key, {})
        targets[listener] = targets.get(listener, 0) + 1

    def remove(self, key: Key, listener: Listener) -> None:
        targets = self._listeners.get(key)
        if not targets or listener not in targets:
            return
        targets[listener] -= 1
        if targets[listener] <= 0:
            del targets[listener]
        if not targets:
            del self._listeners[key]

    def listener_count(self) -> int:
        return sum(len(t) for t in self._listeners.values())

    def deliver(self, events: Iterable[StreamMessage]) -> None:
        """Each event is serialised once (and framed once per wire encoding, realtime/frames.py); each
        listener gets all of its frames of the batch in one call, in event order."""
        batches: dict[Listener, list[OutFrame]] = {}
        for event in events:
            targets = self._listeners.get((event.stream, event.name))
            if not targets:
                continue
            frame = OutFrame(changed_frame(event))
            for listener in targets:
                batch = batches.get(listener)
                if batch is None:
                    batches[listener] = [frame]
                else:
                    batch.append(frame)
        for listener, frames in batches.items():
            listener.send_frames(frames)
