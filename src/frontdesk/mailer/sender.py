"""The mail sender: a background task of each process that sends what the outbox holds.

A mail is claimed under a lease in a short transaction, sent with no transaction open, then deleted
(or given its next try, with backoff) in another short one: no database lock is held while a mail
server answers. With several processes each mail is tried by one of them at a time; a process killed
mid-send leaves its lease to run out, and the mail is tried again (at least once: a server may see it
twice, never zero times).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from urllib.parse import urlsplit

from frontdesk.background import running_task
from frontdesk.clock import Clock
from frontdesk.config import Settings
from frontdesk.db.engine import Database
from frontdesk.events.bus import EventBus
from frontdesk.events.event import Event
from frontdesk.events.mail import MailQueued
from frontdesk.mailer import smtp
from frontdesk.services import settings as settings_service
from frontdesk.store import mail_outbox as store

log = logging.getLogger("frontdesk.mail")

BATCH = 20
LEASE_MS = 120_000  # longer than one send can take (smtp.TIMEOUT_SECONDS per step)
FIRST_RETRY_MS = 5_000
LAST_RETRY_MS = 30 * 60_000
SMTP_SETTINGS = [
    "SMTP_Protocol",
    "SMTP_Host",
    "SMTP_Port",
    "SMTP_IgnoreTLS",
    "SMTP_Username",
    "SMTP_Password",
    "From_Email",
]


def retry_delay_ms(attempts: int) -> int:
    """5 s after the first failure, doubling, at most 30 minutes: a mail waits as long as it must."""
    return min(FIRST_RETRY_MS * 2 ** max(attempts - 1, 0), LAST_RETRY_MS)


class MailSender:
    def __init__(self, db: Database, settings: Settings, clock: Clock) -> None:
        self.db = db
        self.settings = settings
        self.clock = clock
        self.owner = f"{os.getpid()}-{secrets.token_hex(4)}"
        self._wake = asyncio.Event()
        host = urlsplit(settings.ROOT_URL).hostname or "localhost"
        self.default_sender = f"no-reply@{host}"

    async def on_events(self, events: Sequence[Event]) -> None:
        """Event-bus subscriber: new mail wakes the sender at once."""
        if any(isinstance(e, MailQueued) for e in events):
            self._wake.set()

    @asynccontextmanager
    async def running(self, bus: EventBus) -> AsyncIterator[None]:
        """Send in the background while the app runs; new mail (MailQueued) wakes the sender."""
        bus.subscribe(self.on_events)
        try:
            async with running_task(self._run(), "frontdesk-mail-sender"):
                yield
        finally:
            bus.unsubscribe(self.on_events)

    async def _run(self) -> None:
        while True:
            try:
                while await self.send_due() == BATCH:
                    pass  # a full batch: there may be more waiting
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("the mail sender failed; it tries again shortly")
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.settings.MAIL_POLL_SECONDS)

    async def send_due(self) -> int:
        """Claim and send up to BATCH due mails; how many were claimed."""
        now = self.clock.now_ms()
        # a look first, without writing: an idle outbox commits nothing (a commit would end every
        # process's cached listing pages)
        async with self.db.session(write=False) as session:
            candidates = await store.due_ids(session, now, BATCH)
        if not candidates:
            return 0
        async with self.db.session() as session:
            claimed = [m for m in candidates if await store.claim(session, m, self.owner, now, LEASE_MS)]
        if not claimed:
            return 0
        async with self.db.session(write=False) as session:
            values = await settings_service.get_values(session, SMTP_SETTINGS)
        try:
            server: smtp.SmtpServer | None = smtp.server_from(
                values, self.settings.MAIL_URL, self.default_sender
            )
            problem = ""
        except smtp.NotConfigured as exc:
            server, problem = None, str(exc)
        for mail_id in claimed:
            await self._send_one(mail_id, server, problem)
        return len(claimed)

    async def _send_one(self, mail_id: str, server: smtp.SmtpServer | None, problem: str) -> None:
        async with self.db.session(write=False) as session:
            found = await store.get_mail(session, mail_id)
        if found is None:
            return
        mail, attempts = found
        error, final = problem, False
        if server is not None:
            try:
                message = smtp.message_of(mail, server.sender, self.clock.now_ms() / 1000)
            except (ValueError, TypeError) as exc:  # a mail that cannot be written never will be
                server, error, final = None, f"malformed mail: {exc}", True
        if server is not None:
            try:
                await smtp.send(server, message)
            except Exception as exc:  # any failure leaves the mail queued (or, if refused for good, kept)
                error, final = f"{type(exc).__name__}: {exc}", smtp.is_final(exc)
        now = self.clock.now_ms()
        async with self.db.session() as session:
            if not error:
                await store.delete_sent(session, mail_id, self.owner)
                return
            log.warning("mail %s not sent (try %d): %s", mail_id, attempts, error)
            await store.record_failure(
                session,
                mail_id,
                self.owner,
                error,
                retry_at=None if final else now + retry_delay_ms(attempts),
                failed_at=now if final else None,
            )
