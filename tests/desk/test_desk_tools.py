"""The agent's daily tools in the desk, in a real browser against a real server: searching a chat, files both
ways (the visitor's image from the official widget, the agent's file from the composer), `!shortcut` canned
responses, and the managers' offline messages screen fed by the widget's offline form."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

import pytest

from agent_chat import served_room
from chat import make_agent, send_visitor_message, set_setting
from desk.desk_pages import (
    assert_accessible,
    desk_skip_reason,
    new_desk,
    open_chat,
    shoot,
    widget_chat,
    widget_send,
)
from factories import admin_headers
from frontdesk.mail_domains import MailDomains
from mail_sink import MailSink, body_text, use_sink
from uploads_helpers import png

REASON = desk_skip_reason()
pytestmark = [pytest.mark.asyncio, pytest.mark.skipif(REASON is not None, reason=REASON or "")]


async def _agent_says(desk: Any, chat: dict[str, Any], text: str) -> None:
    res = await desk.client.post(
        "/api/v1/chat.sendMessage",
        json={"message": {"rid": chat["rid"], "msg": text}},
        headers=chat["agent"]["headers"],
    )
    assert res.status_code == 200, res.text


async def test_search_a_chat(desk, browser, tmp_path) -> None:
    chat = await served_room(desk.client, desk.db, name="Sam Search")
    token, rid = chat["visitor"]["token"], chat["rid"]
    await send_visitor_message(desk.client, token, rid, "My order 1234 has not arrived")
    await send_visitor_message(desk.client, token, rid, "Can I get a refund for it?")
    await _agent_says(desk, chat, "Refunds take three working days.")
    await send_visitor_message(desk.client, token, rid, "OK, a REFUND is fine, thanks")
    for n in range(1, 61):  # more than a page of history after them: the first ones are not loaded yet
        await send_visitor_message(desk.client, token, rid, f"Tracking update {n}: the parcel is on its way")
    page = await new_desk(browser, desk.url, chat["agent"])
    await open_chat(page, "Sam Search")

    await page.get_by_role("button", name="Search messages").click()
    panel = page.get_by_role("complementary", name="Search messages")
    await panel.get_by_role("searchbox", name="Search in this chat").fill("refund")
    await panel.get_by_role("status").get_by_text("3 messages found").wait_for(timeout=10_000)
    results = panel.get_by_role("list", name="Search results").get_by_role("listitem")
    texts = await results.all_inner_texts()
    assert (
        len(texts) == 3 and "REFUND is fine" in texts[0] and "Can I get a refund" in texts[2]
    )  # newest first
    assert await panel.locator("mark").all_inner_texts() == ["REFUND", "Refund", "refund"]

    # choosing the oldest result loads the history back to it and shows it in the chat, marked
    messages = page.get_by_role("region", name="Messages")
    assert await messages.get_by_text("Can I get a refund for it?").count() == 0  # beyond the first page
    await results.nth(2).get_by_role("button").click()
    shown = messages.locator(".timeline-found").get_by_text("Can I get a refund for it?")
    await shown.wait_for(timeout=15_000)
    assert await shown.is_visible()
    await assert_accessible(page, "chat search")
    await shoot(page, "desk-search.png", tmp_path)

    await panel.get_by_role("searchbox", name="Search in this chat").fill("zebra")
    await panel.get_by_role("status").get_by_text("0 messages found").wait_for(timeout=10_000)
    await panel.get_by_role("button", name="Close the search").click()
    await page.get_by_role("complementary", name="Search messages").wait_for(state="detached")
    assert not page.errors, page.errors


async def test_files_in_the_timeline_and_from_the_composer(desk, browser, tmp_path) -> None:
    agent = await make_agent(desk.client, desk.db)
    page = await new_desk(browser, desk.url, agent)
    widget = await widget_chat(browser, desk.url, "Fiona Files")
    await widget_send(widget, "The part arrived broken, photo below")
    picture = tmp_path / "broken-part.png"
    picture.write_bytes(png(160, 120, (30, 120, 220)))
    await widget.locator('input[type="file"]').set_input_files(str(picture))

    # the visitor's image, fetched with the agent's own headers, drawn in the desk's timeline
    await open_chat(page, "Fiona Files")
    messages = page.get_by_role("region", name="Messages")
    image = messages.get_by_role("img", name="broken-part.png")
    await image.wait_for(timeout=15_000)
    await page.wait_for_function(
        "img => img.complete && img.naturalWidth === 160", arg=await image.element_handle()
    )

    # the agent sends a file from the composer, with a description; the visitor gets it in the widget
    notes = tmp_path / "return-label.txt"
    notes.write_text("Return label: print me and tape me to the box.\n")
    await page.get_by_label("File to send").set_input_files(str(notes))
    dialog = page.get_by_role("dialog", name="Send a file")
    await dialog.get_by_text("return-label.txt").wait_for()
    await dialog.get_by_label("Description (optional)").fill("Your return label")
    await assert_accessible(page, "attach dialog")
    await shoot(page, "desk-attach.png", tmp_path)
    await dialog.get_by_role("button", name="Send").click()
    await dialog.wait_for(state="detached", timeout=15_000)
    download_button = messages.get_by_role("button", name="Download return-label.txt")
    await download_button.wait_for(timeout=10_000)
    await messages.get_by_text("Your return label").wait_for()
    await widget.get_by_text("return-label.txt").first.wait_for(timeout=10_000)
    async with page.expect_download() as info:
        await download_button.click()
    download = await info.value
    assert download.suggested_filename == "return-label.txt"
    assert Path(await download.path()).read_text() == notes.read_text()
    # a file from the agent answers the visitor, as a text would (Rocket.Chat's metrics count it)
    await page.get_by_text("Waiting for your response").wait_for(state="hidden", timeout=10_000)
    await assert_accessible(page, "chat with files")
    await shoot(page, "desk-files.png", tmp_path)

    # over the limit: the server's refusal, in its words, and nothing sent
    await set_setting(desk.client, "FileUpload_MaxFileSize", 1024)
    big = tmp_path / "big.txt"
    big.write_text("x" * 5000)
    await page.get_by_label("File to send").set_input_files(str(big))
    dialog = page.get_by_role("dialog", name="Send a file")
    await dialog.get_by_role("button", name="Send").click()
    await (
        dialog.get_by_role("alert")
        .get_by_text(re.compile("File exceeds allowed size"))
        .wait_for(timeout=10_000)
    )
    await dialog.get_by_role("button", name="Cancel").click()
    assert await messages.get_by_text("big.txt").count() == 0
    assert not page.errors, page.errors


async def test_shortcut_inserts_a_canned_response(desk, browser, tmp_path) -> None:
    admin = await admin_headers(desk.client)
    for shortcut, text in (
        ("greet", "Hello! I am here to help."),
        ("refund-policy", "Refunds are paid within three working days."),
        ("bye", "Thanks for writing to us. Goodbye!"),
    ):
        body = {"shortcut": shortcut, "text": text, "scope": "global"}
        res = await desk.client.post("/api/v1/canned-responses", json=body, headers=admin)
        assert res.status_code == 200, res.text
    chat = await served_room(desk.client, desk.db, name="Carl Canned")
    page = await new_desk(browser, desk.url, chat["agent"])
    await open_chat(page, "Carl Canned")

    box = page.get_by_role("textbox", name="Message")
    await box.type("Hi Carl. !ref")
    listbox = page.get_by_role("listbox", name="Canned responses")
    options = listbox.get_by_role("option")
    await options.first.wait_for(timeout=10_000)
    assert await options.count() == 1
    assert re.match(r"^!refund-policy\s+Refunds are paid", await options.first.inner_text())
    for _ in "ref":
        await box.press("Backspace")
    await page.get_by_role("option", name=re.compile("^!bye")).wait_for()  # "!" alone: every response
    assert [re.split(r"\s", t)[0] for t in await options.all_inner_texts()] == [
        "!bye",
        "!greet",
        "!refund-policy",
    ]
    await box.type("re")  # shortcuts starting with it first, then those containing it
    await page.get_by_role("option", name=re.compile("^!bye")).wait_for(state="detached")
    assert [re.split(r"\s", t)[0] for t in await options.all_inner_texts()] == ["!refund-policy", "!greet"]
    await box.press("ArrowDown")
    await page.get_by_role("option", name=re.compile("^!greet"), selected=True).wait_for()
    greet_id = await page.get_by_role("option", name=re.compile("^!greet")).get_attribute("id")
    assert await box.get_attribute("aria-activedescendant") == greet_id
    await assert_accessible(page, "canned responses")
    await shoot(page, "desk-canned.png", tmp_path)
    await box.press("Enter")  # the list's Enter: inserts, does not send
    assert await box.input_value() == "Hi Carl. Hello! I am here to help. "
    assert await page.get_by_role("listbox", name="Canned responses").count() == 0
    await box.type("!nothing-like-this")
    await page.wait_for_timeout(300)
    assert await page.get_by_role("listbox", name="Canned responses").count() == 0
    for _ in "!nothing-like-this":
        await box.press("Backspace")
    await box.press("Enter")  # now the composer's Enter: sends
    await (
        page.get_by_role("region", name="Messages")
        .get_by_text("Hi Carl. Hello! I am here to help.")
        .wait_for()
    )
    sent: list[str] = []
    for _ in range(100):  # the desk shows its copy at once; the server's is stored a moment later
        history = await desk.client.get(
            f"/api/v1/livechat/{chat['rid']}/messages",
            params={"searchTerm": "here to help"},
            headers=chat["agent"]["headers"],
        )
        sent = [m["msg"] for m in history.json()["messages"]]
        if sent:
            break
        await asyncio.sleep(0.1)
    assert sent == ["Hi Carl. Hello! I am here to help."]
    assert not page.errors, page.errors


async def test_offline_messages_reach_the_mail_server_and_the_managers_screen(
    desk, browser, tmp_path, mail_sink: MailSink, dns_server: str
) -> None:
    desk.app.state.mail_domains = MailDomains(dns_server)  # Livechat_validate_offline_email asks this DNS
    await use_sink(desk.client, mail_sink)
    await set_setting(desk.client, "Livechat_offline_email", "support@frontdesk.test")
    manager = await make_agent(desk.client, desk.db, available=False, roles=("livechat-manager",))
    widget = await browser.new_page(viewport={"width": 420, "height": 680})
    await widget.goto(f"{desk.url}/livechat?mode=popout")  # nobody available: the offline form
    await widget.locator('input[name="name"]').fill("Olga Offline")
    await widget.locator('input[name="email"]').fill("olga@example.com")
    await widget.locator('textarea[name="message"]').fill(
        "Please call me back tomorrow morning about invoice 77"
    )
    await widget.locator('button[type="submit"]').click()
    await widget.get_by_text("Livechat offline message sent").wait_for(timeout=10_000)
    [mail] = await mail_sink.wait_for(1)
    assert mail["To"] == "support@frontdesk.test" and "invoice 77" in body_text(mail)

    page = await new_desk(browser, desk.url, manager)
    await page.get_by_role("navigation", name="Desk").get_by_role("link", name="Offline messages").click()
    table = page.get_by_role("table", name="Offline messages, newest first")
    row = table.get_by_role("row", name=re.compile("Olga Offline"))
    await row.wait_for(timeout=10_000)
    cells = await row.get_by_role("cell").all_inner_texts()
    assert (
        "olga@example.com" in cells[1] and "invoice 77" in cells[3] and cells[4] == "support@frontdesk.test"
    )
    await page.get_by_role("heading", name="Offline messages (1)").wait_for()
    await assert_accessible(page, "offline messages")
    await shoot(page, "desk-offline-messages.png", tmp_path)

    # an agent without the managers' permission: no link, and the server's refusal at the address
    agent = await make_agent(desk.client, desk.db)
    other = await new_desk(browser, desk.url, agent)
    assert await other.get_by_role("link", name="Offline messages").count() == 0
    await other.goto(f"{desk.url}/offline-messages")
    await other.get_by_role("alert").get_by_text(re.compile("permission", re.I)).wait_for(timeout=10_000)
    assert await other.get_by_role("table").count() == 0
    assert not page.errors and not other.errors, (page.errors, other.errors)
