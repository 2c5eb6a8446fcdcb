"""Events of outgoing mail."""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.events.event import Event


@dataclass(frozen=True)
class MailQueued(Event):
    """A mail was put in the outbox: the sender (frontdesk/mailer) wakes to send it."""

    mail_id: str
    kind: str
