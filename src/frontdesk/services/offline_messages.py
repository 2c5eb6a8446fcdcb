"""Messages visitors leave through the widget's offline form: checked, kept for managers, and mailed to
the department's address or Livechat_offline_email through the outbox (in the same transaction)."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.clock import iso
from frontdesk.documents import JsonObject, MailDoc, OfflineMessageDoc
from frontdesk.errors import FrontdeskError, MeteorError
from frontdesk.ids import random_id
from frontdesk.mail_domains import MailDomains
from frontdesk.models.users import User
from frontdesk.services import settings as settings_service
from frontdesk.services.access import public
from frontdesk.services.mail import do_queue_mail, html_text, is_address, one_line
from frontdesk.services.pagination import ListPage, ListQuery, read_list_query
from frontdesk.services.permissions import check_permission
from frontdesk.store import departments as department_store
from frontdesk.store import offline_messages as store

log = logging.getLogger("frontdesk.mail")

# Rocket.Chat answers every refusal of the offline form with this one text (API.v1.failure: no stack).
FAILED = "Error sending livechat offline message"
SENT = "Livechat offline message sent"


async def _destination(db: AsyncSession, department: str | None) -> str:
    """The department's address (by id or name) if it has one, else Livechat_offline_email."""
    fallback = str(await settings_service.get_value(db, "Livechat_offline_email") or "").strip()
    if not department:
        return fallback
    found = await department_store.get_department(db, department)
    if found is None:
        found = await department_store.get_department_by_name(db, department)
    email = found.get("email") if found is not None else None
    return (email or "").strip() or fallback


def _mail(doc: OfflineMessageDoc, to: str) -> MailDoc:
    name, email = one_line(doc["name"]), one_line(doc["email"])
    parts = ["<h1>New livechat message</h1>"]
    if doc.get("host"):
        host = html_text(doc["host"])
        parts.append(f"<p><strong>Sent from:</strong> <a href='{host}'>{host}</a></p>")
    parts += [
        f"<p><strong>Visitor name:</strong> {html_text(name)}</p>",
        f"<p><strong>Visitor email:</strong> {html_text(email)}</p>",
        f"<p><strong>Message:</strong><br>{html_text(doc['message'])}</p>",
    ]
    text = f"New livechat message\n\nVisitor name: {name}\nVisitor email: {email}\n"
    if doc.get("host"):
        text += f"Sent from: {doc['host']}\n"
    text += f"\n{doc['message']}\n"
    return {
        "to": [to],
        "subject": one_line(f"Livechat offline message from {name}: {doc['message'][:20]}"),
        "html": "\n".join(parts),
        "text": text,
        "replyTo": f"{name} <{email}>",
        "fromName": f"{name} - {email}",
    }


@public("anyone may leave a message while nobody is online, as in Rocket.Chat")
async def check_offline_message(db: AsyncSession, data: JsonObject, now: int, domains: MailDomains) -> str:
    """livechat/offline.message: kept for managers and mailed; Rocket.Chat's answer on success (the widget
    shows Livechat_offline_success_message instead when it is set, from its config)."""
    if not await settings_service.get_value(db, "Livechat_display_offline_form"):
        raise FrontdeskError(FAILED)
    email = str(data["email"]).strip()
    if not is_address(email):
        raise FrontdeskError(FAILED)
    validate = await settings_service.get_value(db, "Livechat_validate_offline_email")
    if validate and await domains.accepts_mail(email.rpartition("@")[2]) is False:
        raise FrontdeskError(FAILED)
    department = data.get("department") or None
    doc: OfflineMessageDoc = {
        "_id": random_id(),
        "ts": iso(now),
        "name": str(data["name"]),
        "email": email,
        "message": str(data["message"]),
    }
    if department:
        doc["department"] = department
    if data.get("host"):
        doc["host"] = str(data["host"])
    to = await _destination(db, department)
    if to and is_address(to):
        doc["mailedTo"] = [to]
        await do_queue_mail(db, "offline-message", _mail(doc, to), now)
    elif to:
        log.warning("offline message %s kept but not mailed: %r is not a mail address", doc["_id"], to)
    await store.insert_offline_message(db, doc, now)
    return SENT


async def check_list_offline_messages(
    db: AsyncSession, user: User, query: ListQuery
) -> ListPage[OfflineMessageDoc]:
    """livechat/offline.messages (a Frontdesk addition): the offline form's messages, newest first."""
    await check_permission(db, user, "view-livechat-manager")
    paging, sort = await read_list_query(db, query, [("ts", -1)])
    newest_first = _newest_first(sort)
    docs, total = await store.offline_messages_page(
        db, newest_first=newest_first, offset=paging.offset, limit=paging.count
    )
    return ListPage(docs, paging.offset, total)


def _newest_first(sort: list[tuple[str, int]]) -> bool:
    if [key for key, _ in sort] != ["ts"]:  # kept by time: the one order the ts index gives
        raise MeteorError("error-invalid-sort", "Offline messages sort by ts only")
    return sort[0][1] < 0
