"""One DDP stream message: which stream, which event name within it, and its arguments."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class StreamMessage:
    """A `changed` frame of a Rocket.Chat stream: `{collection: stream, fields: {eventName, args}}`."""

    stream: (
        str  # e.g. "stream-room-messages", "stream-livechat-room", "stream-notify-room", "stream-notify-user"
    )
    name: str  # e.g. the room id, "<rid>/typing", "<uid>/rooms-changed"
    args: list[Any] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"stream": self.stream, "name": self.name, "args": self.args}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StreamMessage:
        return cls(stream=data["stream"], name=data["name"], args=list(data.get("args") or []))
