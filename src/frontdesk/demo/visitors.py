"""Demo visitors: who opens the chats, on which channel, and what the room says about them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from frontdesk.clock import iso
from frontdesk.demo import catalog
from frontdesk.demo.randomness import DemoRandom, Shares

WIDGET, WHATSAPP, API, EMAIL = "widget", "whatsapp", "api", "email"
# share of new visitors per channel, cumulative
_CHANNELS = Shares(((0.55, WIDGET), (0.80, WHATSAPP), (0.92, API), (1.0, EMAIL)))
_SOURCES = {WIDGET: catalog.WIDGET_SOURCE, API: catalog.API_SOURCE, EMAIL: catalog.EMAIL_SOURCE}
WHATSAPP_SESSION_MS = 24 * 3600 * 1000


@dataclass
class DemoVisitor:
    doc: dict[str, Any]
    channel: str
    line: int  # which WhatsApp business number they write to


class VisitorFactory:
    """New visitors numbered from the server's guest counter, so usernames never repeat across runs."""

    def __init__(self, rand: DemoRandom, guest_base: int) -> None:
        self.rand = rand
        self.next_guest = guest_base

    def new(self, ts_ms: int) -> DemoVisitor:
        rand = self.rand
        roll = rand.random()
        channel = _CHANNELS.at(roll)
        number = self.next_guest
        self.next_guest += 1
        first, last = rand.pick(catalog.FIRST_NAMES), rand.pick(catalog.LAST_NAMES)
        stamp = iso(ts_ms)
        doc: dict[str, Any] = {
            "_id": rand.object_id(),
            "username": f"guest-{number}",
            "ts": stamp,
            "_updatedAt": stamp,
            "token": rand.token(),
            "name": f"{first} {last}",
            "status": "online",
        }
        if channel == WHATSAPP:  # WhatsApp contacts are known by their number, as in the seed document
            phone = f"{rand.pick(('91', '55', '234', '44', '351'))}{7_000_000_000 + number}"
            doc["username"] = phone
            doc["phone"] = [{"phoneNumber": "+" + phone}]
        elif rand.random() < 0.6:
            doc["visitorEmails"] = [{"address": f"{first}.{last}{number}@example.com".lower()}]
        return DemoVisitor(doc, channel, int(rand.random() * len(catalog.WHATSAPP_SOURCES)))

    def room_fields(self, visitor: DemoVisitor, ts_ms: int) -> tuple[dict[str, Any], dict[str, Any]]:
        """(source, extra room fields) for a chat this visitor opens at ts_ms."""
        if visitor.channel != WHATSAPP:
            return _SOURCES[visitor.channel], self._livechat_data()
        wa_id = visitor.doc["username"]
        extra = {
            "default": False,
            "ro": False,
            "sysMes": True,
            "customFields": {
                "whatsAppCloudMessage": {
                    "visitorWaId": wa_id,
                    "contactWaId": catalog.WHATSAPP_CONTACT_IDS[visitor.line],
                },
                "whatsAppCloudSessionExpiration": iso(ts_ms + WHATSAPP_SESSION_MS),
            },
            **self._livechat_data(),
        }
        return catalog.WHATSAPP_SOURCES[visitor.line], extra

    def _livechat_data(self) -> dict[str, Any]:
        """Room custom fields (what the listing's customFields filter searches) on about a third of rooms."""
        rand = self.rand
        if rand.random() >= 0.35:
            return {}
        data = {"plan": rand.pick(catalog.PLANS), "country": rand.pick(catalog.COUNTRIES)}
        if rand.random() < 0.5:
            data["orderNumber"] = f"A-{rand.between(1000, 99999)}"
        return {"livechatData": data}
