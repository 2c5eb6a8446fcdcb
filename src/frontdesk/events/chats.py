"""Events of a chat's way through the queue: queued, taken by an agent, closed, and the queue moving."""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.documents import AgentCard, HiddenAgent, InquiryDoc, RoomDoc, SubscriptionDoc
from frontdesk.events.event import Event


@dataclass(frozen=True)
class ChatQueued(Event):
    """A new chat waits in the queue (manual routing or the waiting queue)."""

    room: RoomDoc
    inquiry: InquiryDoc  # as it was queued
    spot: int  # the visitor's place in the queue
    online_agent_ids: tuple[str, ...]  # agents who could take it


@dataclass(frozen=True)
class AgentAssigned(Event):
    """An agent took the chat, was routed it, or had it forwarded to them."""

    room: RoomDoc
    inquiry: InquiryDoc  # as it was taken
    agent_id: str
    agent: AgentCard | HiddenAgent  # what the visitor may learn about the agent
    subscription: SubscriptionDoc | None  # the agent's new subscription, None if they had one
    previous_agent_id: str | None


@dataclass(frozen=True)
class ChatClosing(Event):
    """A chat is being closed: its subscriptions go, and a queued chat leaves the queue."""

    room: RoomDoc
    subscriptions: tuple[SubscriptionDoc, ...]  # as they were before they were deleted
    queued_inquiry: InquiryDoc | None  # the inquiry, if it was still waiting in the queue


@dataclass(frozen=True)
class InquiryChanged(Event):
    """A waiting inquiry changed while it stays in the queue (its visitor wrote: `message`, `lastMessage`)."""

    inquiry: InquiryDoc


@dataclass(frozen=True)
class QueueMoved(Event):
    """Waiting visitors' new places, first in line first."""

    spots: tuple[tuple[str, int], ...]  # (room id, place)
