"""Whose unread count a message in a livechat room raises, by Unread_Count_Omni (Rocket.Chat's rule):
`all_messages` every other subscriber's, `mentions_only` only those it mentions (@username, or @all /
@here); never the author's, and never for a system message or a reply inside a thread."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from frontdesk.documents import MessageDoc

GROUP_MENTIONS = frozenset({"all", "here"})


def _mentions(nodes: Any) -> Iterator[str]:
    """Usernames the message's `md` tree mentions."""
    if isinstance(nodes, list):
        for node in nodes:
            yield from _mentions(node)
    elif isinstance(nodes, dict):
        if nodes.get("type") == "MENTION_USER":
            value = nodes.get("value")
            if isinstance(value, dict) and isinstance(value.get("value"), str):
                yield value["value"]
            return
        yield from _mentions(nodes.get("value"))


def mentioned(message: MessageDoc) -> set[str]:
    named = {m["username"] for m in message.get("mentions") or [] if m.get("username")}
    return named | set(_mentions(message.get("md")))


def raises_unread(setting: str, message: MessageDoc, subscriber_id: str, subscriber_username: str) -> bool:
    if message.get("t") or (message.get("tmid") and not message.get("tshow")):
        return False
    if message["u"]["_id"] == subscriber_id:
        return False
    if setting == "all_messages":
        return True
    names = mentioned(message)
    return subscriber_username in names or bool(names & GROUP_MENTIONS)
