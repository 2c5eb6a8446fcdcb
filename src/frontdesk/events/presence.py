"""Events of who is there: agents' status, visitors' details, typing in a room."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from frontdesk.documents import VisitorDoc
from frontdesk.events.event import Event


@dataclass(frozen=True)
class AgentStatusChanged(Event):
    """An agent's presence changed (online, away, busy, offline), by whichever door."""

    agent_id: str
    status: str
    open_room_ids: tuple[str, ...]  # the open chats the agent serves: their visitors are told
    status_text: str | None = None  # the status message set with it, if one was


@dataclass(frozen=True)
class StatusTextChanged(Event):
    """A user set their status message alone (users.setStatus with `message` and no `status`)."""

    user_id: str
    status_text: str


@dataclass(frozen=True)
class AgentAvailabilityChanged(Event):
    """An agent became available for chats, or stopped being (statusLivechat), by whichever door: every
    client of the agent hears it as a change of their own user record (`<uid>/userData`)."""

    agent_id: str
    status: str  # available | not-available


@dataclass(frozen=True)
class VisitorChanged(Event):
    visitor: VisitorDoc
    open_room_ids: tuple[str, ...]


@dataclass(frozen=True)
class UserActivity(Event):
    """Someone in a room is typing (or stopped): `activity` is `typing`, `user-activity` or another
    client-defined room event, with the arguments the client sent."""

    rid: str
    activity: str
    username: str
    args: tuple[Any, ...]
