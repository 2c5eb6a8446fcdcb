"""Events of a room's messages."""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.documents import MessageDoc, RoomDoc
from frontdesk.events.event import Event


@dataclass(frozen=True)
class MessageSaved(Event):
    """A message was written or edited; `room` is the room as the transaction left it."""

    room: RoomDoc
    message: MessageDoc
    subscriber_ids: tuple[str, ...]  # agents subscribed to the room when it was saved


@dataclass(frozen=True)
class MessageDeleted(Event):
    rid: str
    message_id: str
