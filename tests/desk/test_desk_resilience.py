"""The desk when things go wrong or get busy: a lost connection, a refused action, notifications while
the tab is hidden, hold / resume and editing the room, and two server processes joined by Redis."""

from __future__ import annotations

import pytest

from chat import make_agent
from desk.desk_pages import (
    DESKTOP,
    assert_accessible,
    desk_skip_reason,
    login,
    new_desk,
    open_chat,
    send,
    shoot,
    widget_chat,
    widget_send,
)
from factories import admin_headers

REASON = desk_skip_reason()
pytestmark = [pytest.mark.asyncio, pytest.mark.skipif(REASON is not None, reason=REASON or "")]


async def test_lost_connection_shows_a_banner_and_sends_the_message_after_reconnecting(
    desk, browser, tmp_path
) -> None:
    agent = await make_agent(desk.client, desk.db)
    page = await new_desk(browser, desk.url, agent)
    widget = await widget_chat(browser, desk.url, "Patient Pat")
    await widget_send(widget, "Hello?")
    await open_chat(page, "Patient Pat")
    rid = page.url.rsplit("/", 1)[-1]

    await desk.stop(force=True)  # the server goes away: every socket drops, every request fails
    await page.get_by_text("Connection lost.").wait_for(timeout=15_000)
    await send(page, "Still there? One moment please.")
    await page.get_by_text("Waiting for the connection").wait_for(timeout=10_000)
    await shoot(page, "desk-connection-lost.png", tmp_path)
    await assert_accessible(page, "connection lost")

    await desk.start()  # back on the same port: the desk reconnects and sends what waited
    await page.get_by_text("Connection lost.").wait_for(state="hidden", timeout=30_000)
    await page.get_by_text("Waiting for the connection").wait_for(state="hidden", timeout=15_000)
    await widget.get_by_text("Still there? One moment please.").wait_for(timeout=30_000)
    headers = agent["headers"]
    res = await desk.client.get(f"/api/v1/livechat/{rid}/messages", params={"count": 50}, headers=headers)
    texts = [m["msg"] for m in res.json()["messages"]]
    assert texts.count("Still there? One moment please.") == 1  # sent once, never lost, never doubled


async def test_a_refused_action_shows_the_server_error(desk, browser) -> None:
    agent = await make_agent(desk.client, desk.db)
    page = await new_desk(browser, desk.url, agent)
    widget = await widget_chat(browser, desk.url, "Hasty Hal")
    await widget_send(widget, "Please don't put me on hold")
    await open_chat(page, "Hasty Hal")
    # the visitor wrote last: the server refuses to hold the chat, and the desk says what it answered
    await page.get_by_role("button", name="Place on hold").click()
    alert = page.get_by_role("toolbar", name="Chat actions").locator("xpath=..").get_by_role("alert")
    await alert.wait_for(timeout=10_000)
    assert "error-contact-sent-last-message-so-cannot-place-on-hold" in await alert.inner_text()


async def test_hold_resume_and_edit_room_info(desk, browser, tmp_path) -> None:
    agent = await make_agent(desk.client, desk.db)
    page = await new_desk(browser, desk.url, agent)
    widget = await widget_chat(browser, desk.url, "Holding Hana")
    await widget_send(widget, "I'll find the receipt")
    await open_chat(page, "Holding Hana")
    await send(page, "Sure, take your time.")
    await widget.get_by_text("Sure, take your time.").wait_for(timeout=10_000)

    await page.get_by_role("button", name="Place on hold").click()
    await page.get_by_text("This chat is on hold.").wait_for(timeout=10_000)
    sidebar = page.get_by_role("navigation", name="Desk")
    await sidebar.get_by_role("heading", name="On hold (1)").wait_for(timeout=10_000)
    await page.get_by_role("button", name="Resume").click()
    await page.get_by_role("textbox", name="Message").wait_for(timeout=10_000)

    panel = page.get_by_role("complementary", name="Visitor")
    await panel.get_by_role("button", name="Edit").click()
    dialog = page.get_by_role("dialog", name="Edit room info")
    await dialog.get_by_label("Topic").fill("Missing receipt")
    await assert_accessible(page, "edit room info")
    await shoot(page, "desk-edit-info.png", tmp_path)
    await dialog.get_by_role("button", name="Save").click()
    await panel.get_by_text("Missing receipt").wait_for(timeout=10_000)


NOTIFICATION_SPY = """
window.__notes = [];
window.__chimes = 0;
window.__hidden = false;
class FakeNotification {
  constructor(title, options) { window.__notes.push({ title, body: options && options.body }); }
  static get permission() { return 'granted'; }
  static requestPermission() { return Promise.resolve('granted'); }
  close() {}
}
window.Notification = FakeNotification;
Object.defineProperty(document, 'hidden', { configurable: true, get: () => window.__hidden });
const RealAudio = window.AudioContext;
window.AudioContext = class extends RealAudio {
  createOscillator() { window.__chimes += 1; return super.createOscillator(); }
};
"""


async def test_notifications_while_the_tab_is_hidden(desk, browser) -> None:
    agent = await make_agent(desk.client, desk.db)
    context = await browser.new_context(viewport=DESKTOP)
    await context.add_init_script(NOTIFICATION_SPY)
    page = await context.new_page()
    await login(page, desk.url, agent["username"], agent["password"])
    await page.evaluate("window.__hidden = true")  # the agent looks at another tab

    widget = await widget_chat(browser, desk.url, "Nightly Nia")
    await widget_send(widget, "Anyone awake?")
    await page.wait_for_function("window.__notes.some(n => n.title === 'New chat')", timeout=15_000)
    await page.wait_for_function(
        "window.__notes.some(n => n.title === 'Nightly Nia' && n.body === 'Anyone awake?')", timeout=15_000
    )
    assert await page.evaluate("window.__chimes") >= 2  # a two-note chime per alert
    await page.wait_for_function("/^\\(\\d+\\) Frontdesk$/.test(document.title)")  # the unread total

    # a visible desk shows the change itself: no sound, no notification
    await page.evaluate("window.__hidden = false; window.__notes = []")
    await widget_send(widget, "Hello again")
    await open_chat(page, "Nightly Nia")
    await page.get_by_role("region", name="Messages").get_by_text("Hello again").wait_for()
    assert await page.evaluate("window.__notes.length") == 0


async def test_two_processes_and_redis(two_processes, browser) -> None:
    """The desk on process A, the visitor's widget on process B: events cross through Redis."""
    import httpx

    url_a, url_b = two_processes
    async with httpx.AsyncClient(base_url=url_a, timeout=10) as client:
        admin = await admin_headers(client)
        body = {"username": "redisagent", "email": "redis@example.com", "name": "Redis Agent",
                "password": "pw-redis", "roles": ["user", "livechat-agent"]}  # fmt: skip
        res = await client.post("/api/v1/users.create", json=body, headers=admin)
        assert res.status_code == 200, res.text
    agent = {"username": "redisagent", "password": "pw-redis"}
    page = await new_desk(browser, url_a, agent)
    await page.get_by_role("switch", name="Availability: Not available").click()  # offline until now
    await page.get_by_role("switch", name="Availability: Available").wait_for(timeout=20_000)

    widget = await widget_chat(browser, url_b, "Distant Dora")
    await widget_send(widget, "Hello from process B")
    await open_chat(page, "Distant Dora")
    messages = page.get_by_role("region", name="Messages")
    await messages.get_by_text("Hello from process B").wait_for()
    await send(page, "Answered from process A")
    await widget.get_by_text("Answered from process A").wait_for(timeout=20_000)
    await widget_send(widget, "And back to A")
    await messages.get_by_text("And back to A").wait_for(timeout=20_000)

    await page.get_by_role("button", name="Close", exact=True).click()
    await page.get_by_role("dialog", name="Close this chat").get_by_role("button", name="Close chat").click()
    await widget.get_by_text("Chat Finished").wait_for(timeout=20_000)
