"""Events a transaction produces wait on its session and leave only after it commits.

A rolled-back transaction drops its events, and so does a rolled-back savepoint (`begin_nested`) the
ones queued inside it: method.call runs each method in a savepoint and answers a refusal with a 200,
and a refused method's events must not reach anyone.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from sqlalchemy import event as sa_event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, SessionTransaction

from frontdesk.events.event import Event

Publisher = Callable[[Sequence[Event]], Awaitable[None]]

_KEY = "frontdesk.outbox"
_MARKS = "frontdesk.outbox.marks"  # savepoint -> how many events were queued when it began


def emit(db: AsyncSession, event: Event) -> None:
    """Queue an event on the session's transaction."""
    queued: list[Event] = db.info.setdefault(_KEY, [])
    queued.append(event)


def take(db: AsyncSession) -> list[Event]:
    """Remove and return the queued events (the caller publishes them after commit, or drops them)."""
    events: list[Event] = db.info.pop(_KEY, [])
    db.info.pop(_MARKS, None)
    return events


@sa_event.listens_for(Session, "after_transaction_create")
def _mark_savepoint(session: Session, transaction: SessionTransaction) -> None:
    if transaction.nested:
        marks: dict[SessionTransaction, int] = session.info.setdefault(_MARKS, {})
        marks[transaction] = len(session.info.get(_KEY, ()))


@sa_event.listens_for(Session, "after_soft_rollback")
def _drop_rolled_back(session: Session, previous_transaction: SessionTransaction) -> None:
    # (SQLAlchemy ends the transaction before this runs, so its mark is kept until now, or until take)
    marks: dict[SessionTransaction, int] = session.info.get(_MARKS, {})
    mark = marks.pop(previous_transaction, None) if previous_transaction.nested else 0
    queued: list[Event] | None = session.info.get(_KEY)
    if queued and mark is not None:
        del queued[mark:]
