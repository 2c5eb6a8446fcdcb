"""A real SMTP server in the test process (aiosmtpd), collecting what Frontdesk sends, and pointing
Frontdesk's SMTP settings at it."""

from __future__ import annotations

import asyncio
import email
import email.policy
import socket
from email.message import EmailMessage
from typing import Any

import httpx
from aiosmtpd.controller import Controller

from chat import set_setting


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Collect:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.envelopes.append(envelope)
        parsed = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append(parsed)
        return "250 Message accepted for delivery"


class MailSink:
    """Started on a free port; `stop()` and `start()` again on the same port play a mail server outage."""

    def __init__(self) -> None:
        self.port = free_port()
        self.handler = _Collect()
        self._controller: Controller | None = None

    @property
    def messages(self) -> list[EmailMessage]:
        return self.handler.messages

    def start(self) -> None:
        self._controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    async def wait_for(self, count: int, timeout: float = 10.0) -> list[EmailMessage]:
        for _ in range(int(timeout / 0.05)):
            if len(self.messages) >= count:
                return self.messages
            await asyncio.sleep(0.05)
        raise AssertionError(f"expected {count} mails, the sink got {len(self.messages)}")


async def use_sink(client: httpx.AsyncClient, sink: MailSink, sender: str = "desk@frontdesk.test") -> None:
    await set_setting(client, "SMTP_Host", "127.0.0.1")
    await set_setting(client, "SMTP_Port", sink.port)
    await set_setting(client, "From_Email", sender)


def body_text(message: EmailMessage, subtype: str = "plain") -> str:
    part = message.get_body(preferencelist=(subtype,))
    assert part is not None
    content: str = part.get_content()
    return content.replace("\r\n", "\n")
