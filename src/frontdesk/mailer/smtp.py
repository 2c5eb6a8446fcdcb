"""One mail to one SMTP server with aiosmtplib: the server's address from MAIL_URL or the SMTP_* settings,
and which refusals are final."""

from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid
from typing import Any
from urllib.parse import unquote, urlsplit

import aiosmtplib

from frontdesk.documents import MailDoc

TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True)
class SmtpServer:
    host: str
    port: int
    username: str
    password: str
    use_tls: bool  # smtps: TLS from the first byte
    start_tls: bool | None  # False: never; None: when the server offers it (aiosmtplib's meaning)
    sender: str  # the From address


class NotConfigured(Exception):
    """No mail server is set: mail waits in the outbox until one is."""


def server_from(values: dict[str, Any], mail_url: str | None, default_sender: str) -> SmtpServer:
    """MAIL_URL wins over the settings, as in Rocket.Chat."""
    sender = str(values.get("From_Email") or "").strip() or default_sender
    if mail_url:
        url = urlsplit(mail_url)
        if url.scheme not in ("smtp", "smtps") or not url.hostname:
            raise NotConfigured(f"MAIL_URL must be smtp:// or smtps:// with a host, not {url.scheme}://")
        tls = url.scheme == "smtps"
        return SmtpServer(
            url.hostname,
            url.port or (465 if tls else 25),
            unquote(url.username or ""),
            unquote(url.password or ""),
            tls,
            False if tls else None,
            sender,
        )
    host = str(values.get("SMTP_Host") or "").strip()
    if not host:
        raise NotConfigured("SMTP_Host is not set")
    tls = values.get("SMTP_Protocol") == "smtps"
    port = int(values.get("SMTP_Port") or 0) or (465 if tls else 25)
    return SmtpServer(
        host,
        port,
        str(values.get("SMTP_Username") or ""),
        str(values.get("SMTP_Password") or ""),
        tls,
        False if tls or values.get("SMTP_IgnoreTLS", True) else None,
        sender,
    )


def message_of(mail: MailDoc, sender: str, now_seconds: float) -> EmailMessage:
    message = EmailMessage()
    message["From"] = formataddr((mail["fromName"], sender)) if mail.get("fromName") else sender
    message["To"] = ", ".join(mail["to"])
    if mail.get("replyTo"):
        message["Reply-To"] = mail["replyTo"]
    message["Subject"] = mail["subject"]
    message["Date"] = formatdate(now_seconds, usegmt=True)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    message.set_content(mail["text"])
    message.add_alternative(mail["html"], subtype="html")
    return message


async def send(server: SmtpServer, message: EmailMessage) -> None:
    await aiosmtplib.send(
        message,
        hostname=server.host,
        port=server.port,
        username=server.username or None,
        password=server.password or None,
        use_tls=server.use_tls,
        start_tls=server.start_tls,
        timeout=TIMEOUT_SECONDS,
    )


def is_final(exc: BaseException) -> bool:
    """A refusal of this mail itself (every recipient, or the content, refused with 5xx): trying again
    cannot help. Anything else (server down, a 4xx, bad credentials or sender) is retried: it is the
    server's or the configuration's problem, and the mail must not be lost to it."""
    if isinstance(exc, aiosmtplib.SMTPRecipientsRefused):
        return bool(exc.recipients) and all(r.code >= 500 for r in exc.recipients)
    if isinstance(exc, aiosmtplib.SMTPDataError):
        return exc.code >= 500
    return False
