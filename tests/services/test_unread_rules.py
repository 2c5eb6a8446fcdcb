"""Unread_Count_Omni: whose unread count a message raises."""

from __future__ import annotations

import pytest

from frontdesk.services.chat_messages import build_message
from frontdesk.services.unread_rules import mentioned, raises_unread


def _message(text: str, **extra: object) -> dict[str, object]:
    return build_message("r1", text, {"_id": "visitor1", "username": "guest-1"}, 0, **extra)


@pytest.mark.parametrize(
    ("setting", "text", "extra", "agent_counts"),
    [
        ("all_messages", "hello", {}, True),
        ("mentions_only", "hello", {}, False),
        ("mentions_only", "hello @ana", {}, True),
        ("mentions_only", "hello @bob", {}, False),
        ("mentions_only", "hello @all", {}, True),
        ("mentions_only", "@here anyone?", {}, True),
        ("all_messages", "joined", {"t": "uj"}, False),
        ("all_messages", "in a thread", {"tmid": "m1"}, False),
        ("all_messages", "in a thread, shown", {"tmid": "m1", "tshow": True}, True),
    ],
)
def test_whose_count_rises(setting: str, text: str, extra: dict[str, object], agent_counts: bool) -> None:
    message = _message(text, **extra)
    assert raises_unread(setting, message, "agent1", "ana") is agent_counts
    assert raises_unread(setting, message, "visitor1", "guest-1") is False  # the author


def test_mentions_from_the_markdown_tree() -> None:
    assert mentioned(_message("ping @ana, @all and `@code`")) == {"ana", "all"}
