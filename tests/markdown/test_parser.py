"""Behaviour worth pinning beyond the corpora: options, offsets, dates and host checks."""

from __future__ import annotations

from frontdesk.markdown import KatexOptions, ParserOptions, parse
from frontdesk.markdown.domains import can_parse_url, inspect_host
from frontdesk.markdown.timestamps import js_date_seconds


def test_empty_text_gives_empty_tree() -> None:
    assert parse("") == []


def test_default_options_are_a_default_servers() -> None:
    options = ParserOptions()
    assert options.colors and options.emoticons and not options.custom_domains
    assert options.katex == KatexOptions(dollar_syntax=False, parenthesis_syntax=True)


def test_options_change_the_tree() -> None:
    assert parse(":)", ParserOptions(emoticons=False)) == [
        {"type": "PARAGRAPH", "value": [{"type": "PLAIN_TEXT", "value": ":)"}]}
    ]
    dollar = ParserOptions(katex=KatexOptions(dollar_syntax=True))
    assert parse("$x$", dollar)[0]["value"] == [{"type": "INLINE_KATEX", "value": "x"}]
    custom = ParserOptions(custom_domains=("intranet",))
    assert parse("tool.intranet", custom)[0]["value"][0]["type"] == "LINK"


def test_offsets_count_utf16_units_like_javascript() -> None:
    assert parse("😀 ---")[0]["type"] == "PARAGRAPH"
    assert parse("😀\n---")[1] == {"type": "HORIZONTAL_RULE", "fallback": [3, 6]}


def test_dates_follow_v8() -> None:
    assert js_date_seconds(2025, 7, 22, 10, 0, 0, 0, "+02:00") == "1753171200"
    assert js_date_seconds(2025, 2, 30, 10, 0, 0, 0, "+00:00") == "1740909600"  # rolls into March
    assert js_date_seconds(2025, 13, 1, 10, 0, 0, 0, "+00:00") == "0"
    assert js_date_seconds(9999, 12, 31, 23, 59, 59, 0, "+00:00") == "-769665"  # `| 0` wraps to int32


def test_host_checks() -> None:
    assert inspect_host("rocket.chat", True, ("localhost",)).is_icann
    assert inspect_host("foo.blogspot.com", True, ("localhost",)).is_private
    assert inspect_host("10.0.0.1", True, ("localhost",)).is_ip
    assert inspect_host("b.localhost", True, ("localhost",)).domain == "localhost"
    assert not inspect_host("file.notatld", True, ("localhost",)).is_icann
    assert can_parse_url("localhost:3000") and not can_parse_url("example.com/x")


def test_a_lone_carriage_return_joins_the_word_before_it() -> None:
    # From the real parser (scripts/md_oracle): `a\r` is one plain text, so the emoji touching it is text too.
    assert parse("a\r:heart:") == [
        {"type": "PARAGRAPH", "value": [{"type": "PLAIN_TEXT", "value": "a\r:heart:"}]}
    ]
    assert parse("ok b\r:smile:") == [
        {"type": "PARAGRAPH", "value": [{"type": "PLAIN_TEXT", "value": "ok b\r:smile:"}]}
    ]
