"""The official widget (@rocket.chat/livechat 1.13.3) with the agent's daily tools behind it: an image the
visitor uploads shows in the chat, the transcript the widget offers at the end reaches a mail server, and
the offline form's message reaches it too (real browser, real server, real SMTP server in-process)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chat import make_agent, set_setting
from frontdesk.mail_domains import MailDomains
from mail_sink import MailSink, body_text, use_sink
from realtime.browser import screenshot_path, skip_reason
from uploads_helpers import png

REASON = skip_reason()
pytestmark = [pytest.mark.asyncio, pytest.mark.skipif(REASON is not None, reason=REASON or "")]


async def _widget(browser: Any, live: Any) -> Any:
    page = await browser.new_page(viewport={"width": 420, "height": 680})
    await page.goto(f"{live.url}/livechat?mode=popout")
    return page


async def _register_and_say(page: Any, name: str, email: str, text: str) -> None:
    composer = page.locator('[contenteditable="true"]')
    name_field = page.locator('input[name="name"]')
    await composer.or_(name_field).first.wait_for(timeout=15_000)
    if await name_field.count():
        await name_field.fill(name)
        await page.locator('input[name="email"]').fill(email)
        await page.locator('button[type="submit"]').click()
    await composer.click(timeout=15_000)
    await composer.type(text)
    await composer.press("Enter")
    await page.get_by_text(text).first.wait_for(timeout=10_000)


async def _room_of(live: Any, agent: dict[str, Any]) -> str:
    rooms = (await live.client.get("/api/v1/livechat/rooms", headers=agent["headers"])).json()["rooms"]
    assert rooms, "the widget opened no room"
    rid: str = rooms[0]["_id"]
    return rid


async def test_an_image_the_visitor_uploads_shows_in_the_widget(
    live: Any, browser: Any, tmp_path: Path
) -> None:
    agent = await make_agent(live.client, live.db, roles=("livechat-manager",))
    page = await _widget(browser, live)
    await _register_and_say(page, "Ada Upload", "ada@example.com", "Here is the broken part")
    picture = tmp_path / "broken-part.png"
    picture.write_bytes(png(160, 120, (30, 120, 220)))
    await page.locator('input[type="file"]').set_input_files(str(picture))
    image = page.locator('img[src*="/file-upload/"]')
    await image.wait_for(timeout=10_000)
    # the browser fetched it with the widget's own cookies: it has pixels
    await page.wait_for_function(
        "img => img.complete && img.naturalWidth === 160", arg=await image.element_handle()
    )
    rid = await _room_of(live, agent)
    history = await live.client.get(
        "/api/v1/channels.files", params={"roomId": rid}, headers=agent["headers"]
    )
    assert [f["name"] for f in history.json()["files"]] == ["broken-part.png"]
    await page.screenshot(path=str(screenshot_path("widget-upload.png", tmp_path)))


async def test_the_transcript_the_widget_offers_reaches_the_mail_server(
    live: Any, browser: Any, mail_sink: MailSink, tmp_path: Path
) -> None:
    agent = await make_agent(live.client, live.db, roles=("livechat-manager",))
    await use_sink(live.client, mail_sink)
    await set_setting(live.client, "Livechat_enable_transcript", True)
    await set_setting(live.client, "Livechat_transcript_message", "Would you like this chat by mail?")
    page = await _widget(browser, live)
    await _register_and_say(page, "Ben Transcript", "ben@example.com", "Where is my parcel?")
    rid = await _room_of(live, agent)
    res = await live.client.post(
        "/api/v1/chat.sendMessage",
        json={"message": {"rid": rid, "msg": "It arrives tomorrow"}},
        headers=agent["headers"],
    )
    assert res.status_code == 200
    await page.get_by_text("It arrives tomorrow").wait_for(timeout=10_000)
    closed = await live.client.post(
        "/api/v1/livechat/room.closeByUser",
        json={"rid": rid, "comment": "answered"},
        headers=agent["headers"],
    )
    assert closed.status_code == 200, closed.text
    # the chat ends: the widget asks (Livechat_transcript_message), the visitor says yes
    await page.get_by_text("Would you like this chat by mail?").wait_for(timeout=10_000)
    await page.wait_for_timeout(800)  # the modal's fade-in, for the picture
    await page.screenshot(path=str(screenshot_path("widget-transcript.png", tmp_path)))
    await page.get_by_role("button", name="Yes").click()
    [mail] = await mail_sink.wait_for(1)
    assert mail["To"] == "ben@example.com" and mail["Subject"] == "Transcript of your livechat conversation"
    text = body_text(mail)
    assert "Where is my parcel?" in text and "It arrives tomorrow" in text and "You  " in text


async def test_the_offline_form_reaches_the_mail_server(
    live: Any, browser: Any, mail_sink: MailSink, dns_server: str, tmp_path: Path
) -> None:
    live.app.state.mail_domains = MailDomains(dns_server)  # Livechat_validate_offline_email asks this DNS
    await use_sink(live.client, mail_sink)
    await set_setting(live.client, "Livechat_offline_email", "support@frontdesk.test")
    page = await _widget(browser, live)  # nobody online: the widget shows its offline form
    await page.locator('input[name="name"]').fill("Cleo Offline")
    await page.locator('input[name="email"]').fill("cleo@example.com")
    await page.locator('textarea[name="message"]').fill("Please call me back tomorrow morning")
    await page.screenshot(path=str(screenshot_path("widget-offline-form.png", tmp_path)))
    await page.locator('button[type="submit"]').click()
    await page.get_by_text("Livechat offline message sent").wait_for(timeout=10_000)
    [mail] = await mail_sink.wait_for(1)
    assert mail["To"] == "support@frontdesk.test" and mail["Reply-To"] == "Cleo Offline <cleo@example.com>"
    assert "Please call me back tomorrow morning" in body_text(mail)
    listed = await live.client.get("/api/v1/livechat/offline.messages", headers={**await _admin(live)})
    assert listed.json()["messages"][0]["email"] == "cleo@example.com"


async def _admin(live: Any) -> dict[str, str]:
    from factories import admin_headers

    return await admin_headers(live.client)
