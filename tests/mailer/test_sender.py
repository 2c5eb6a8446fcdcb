"""The mail sender: mail waits in the outbox while the server is down and leaves when it is back, survives
a restart, is sent once with several senders, and a final refusal is kept, not retried."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select

from chat import set_setting
from conftest import FixedClock
from frontdesk.config import Settings
from frontdesk.db.engine import Database
from frontdesk.mail_domains import MailDomains
from frontdesk.mailer import sender, smtp
from frontdesk.main import create_app
from frontdesk.models.mail import OutboxMail
from frontdesk.store import mail_outbox
from mail_sink import MailSink, body_text, free_port, use_sink


async def _offline_message(client: httpx.AsyncClient, text: str) -> None:
    body = {"name": "Zed", "email": "zed@example.com", "message": text}
    res = await client.post("/api/v1/livechat/offline.message", json=body)
    assert res.json()["success"] is True, res.text


async def _waiting(db: Database) -> int:
    async with db.session(write=False) as session:
        return await mail_outbox.waiting_count(session)


async def _rows(db: Database) -> list[Any]:
    """The outbox's rows as plain rows (attributes by column name)."""
    async with db.session(write=False) as session:
        return list((await session.execute(select(OutboxMail.__table__))).all())


async def _eventually(check: Any, timeout: float = 10.0) -> None:
    for _ in range(int(timeout / 0.05)):
        if await check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("condition not reached")


async def test_mail_waits_while_the_server_is_down_and_leaves_when_it_is_back(
    client: httpx.AsyncClient, db: Database, clock: FixedClock
) -> None:
    down = MailSink()  # its port, nothing listening yet
    await use_sink(client, down)
    await set_setting(client, "Livechat_offline_email", "support@frontdesk.test")
    await _offline_message(client, "while the server is down")

    async def tried() -> bool:
        rows = await _rows(db)
        return bool(rows) and rows[0].attempts >= 1 and rows[0].lease_owner is None

    await _eventually(tried)
    [row] = await _rows(db)
    assert row.last_error and row.failed_at is None
    assert row.next_attempt_at == clock.now_ms() + sender.FIRST_RETRY_MS  # backoff, not a busy loop
    assert await _waiting(db) == 1
    down.start()
    try:
        await asyncio.sleep(0.5)
        assert down.messages == []  # not before its time
        clock.advance(sender.FIRST_RETRY_MS / 1000)
        [mail] = await down.wait_for(1)
        assert "while the server is down" in mail.get_body(preferencelist=("plain",)).get_content()
        await _eventually(lambda: _zero(db))
    finally:
        down.stop()


async def _zero(db: Database) -> bool:
    return await _waiting(db) == 0


async def test_queued_mail_survives_a_restart(
    settings: Settings, dns_server: str, mail_sink: MailSink
) -> None:
    clock = FixedClock(1_700_000_000_000)
    first = create_app(settings.model_copy(update={"MAIL_URL": f"smtp://127.0.0.1:{free_port()}"}), clock)
    first.state.mail_domains = MailDomains(dns_server)
    async with first.router.lifespan_context(first):
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=first), base_url="http://t")
        async with client:
            await set_setting(client, "Livechat_offline_email", "support@frontdesk.test")
            await _offline_message(client, "queued before the restart")
        await _eventually(lambda: _tried_once(first.state.db))
    # a new process on the same database, now with a mail server that answers
    second = create_app(settings.model_copy(update={"MAIL_URL": f"smtp://127.0.0.1:{mail_sink.port}"}), clock)
    async with second.router.lifespan_context(second):
        clock.advance(sender.LAST_RETRY_MS / 1000)
        [mail] = await mail_sink.wait_for(1)
        assert mail["To"] == "support@frontdesk.test"
        await _eventually(lambda: _zero(second.state.db))


async def _tried_once(db: Database) -> bool:
    rows = await _rows(db)
    return bool(rows) and rows[0].attempts == 1 and rows[0].lease_owner is None


async def test_several_senders_send_each_mail_once(
    app: FastAPI, client: httpx.AsyncClient, db: Database, clock: FixedClock, mail_sink: MailSink
) -> None:
    await use_sink(client, mail_sink)
    await set_setting(client, "Livechat_offline_email", "support@frontdesk.test")
    await set_setting(client, "Livechat_validate_offline_email", False)
    others = [sender.MailSender(Database(app.state.settings), app.state.settings, clock) for _ in range(3)]
    await asyncio.gather(*(_offline_message(client, f"mail {n}") for n in range(30)))
    await asyncio.gather(*(s.send_due() for s in others))  # racing the app's own sender
    await mail_sink.wait_for(30)
    await _eventually(lambda: _zero(db))
    await asyncio.sleep(0.3)
    texts = sorted(body_text(m).strip().splitlines()[-1] for m in mail_sink.messages)
    assert texts == sorted(f"mail {n}" for n in range(30))  # each once
    for other in others:
        await other.db.dispose()


class _Refusing(MailSink):
    """A server that refuses the recipient for good (550)."""

    def __init__(self) -> None:
        super().__init__()

        async def handle_RCPT(server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
            return "550 5.1.1 No such user here"

        self.handler.handle_RCPT = handle_RCPT  # type: ignore[attr-defined]


async def test_a_final_refusal_is_kept_and_not_retried(
    client: httpx.AsyncClient, db: Database, clock: FixedClock
) -> None:
    refusing = _Refusing()
    refusing.start()
    try:
        await use_sink(client, refusing)
        await set_setting(client, "Livechat_offline_email", "nobody@frontdesk.test")
        await _offline_message(client, "to nobody")

        async def failed() -> bool:
            rows = await _rows(db)
            return bool(rows) and rows[0].failed_at is not None

        await _eventually(failed)
        assert await _waiting(db) == 0 and refusing.messages == []
        [row] = await _rows(db)
        assert "550" in (row.last_error or "") and row.attempts == 1
    finally:
        refusing.stop()


async def test_without_a_mail_server_mail_waits(client: httpx.AsyncClient, db: Database) -> None:
    await set_setting(client, "Livechat_offline_email", "support@frontdesk.test")
    await _offline_message(client, "nowhere to send")
    await _eventually(lambda: _tried_once(db))
    [row] = await _rows(db)
    assert row.last_error == "SMTP_Host is not set" and await _waiting(db) == 1


def test_retry_delays_double_up_to_half_an_hour() -> None:
    assert [sender.retry_delay_ms(n) for n in (1, 2, 3)] == [5_000, 10_000, 20_000]
    assert sender.retry_delay_ms(40) == sender.LAST_RETRY_MS


def test_mail_url_wins_over_the_settings() -> None:
    values = {"SMTP_Host": "settings.example", "SMTP_Port": 2525, "From_Email": "a@b.example"}
    server = smtp.server_from(values, "smtps://user%40x:p%3Ass@mail.example", "no-reply@localhost")
    assert (server.host, server.port, server.username, server.password) == (
        "mail.example",
        465,
        "user@x",
        "p:ss",
    )
    assert server.use_tls and server.start_tls is False and server.sender == "a@b.example"
    assert smtp.server_from(values, "smtp://mail.example", "x@y.example").start_tls is None  # when offered
    plain = smtp.server_from(values, None, "no-reply@localhost")
    assert (plain.host, plain.port, plain.use_tls, plain.start_tls) == (
        "settings.example",
        2525,
        False,
        False,
    )
    with pytest.raises(smtp.NotConfigured):
        smtp.server_from({}, None, "no-reply@localhost")
    with pytest.raises(smtp.NotConfigured):
        smtp.server_from({}, "http://x", "no-reply@localhost")
