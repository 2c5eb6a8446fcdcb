"""The desk in a real browser against a real server: a visitor in the official widget and agents in the
desk, every step taken as a person would (accessible names are the selectors)."""

from __future__ import annotations

import re

import pytest

from agent_chat import call_method
from chat import make_agent, set_setting
from desk.desk_pages import (
    assert_accessible,
    desk_skip_reason,
    new_desk,
    open_chat,
    send,
    shoot,
    widget_chat,
    widget_send,
)
from factories import admin_headers

REASON = desk_skip_reason()
QUEUE_LINK = re.compile(r"^Queue( \d+ waiting)?$")
pytestmark = [pytest.mark.asyncio, pytest.mark.skipif(REASON is not None, reason=REASON or "")]


async def test_visitor_and_agent_converse_live_both_ways(desk, browser, tmp_path) -> None:
    agent = await make_agent(desk.client, desk.db)
    page = await new_desk(browser, desk.url, agent)
    await page.get_by_role("switch", name="Availability: Available").wait_for()
    await assert_accessible(page, "home")
    await shoot(page, "desk-home.png", tmp_path)

    widget = await widget_chat(browser, desk.url, "Ada Visitor")
    await widget_send(widget, "Hello, my order *1234* never arrived :package:", shown="never arrived")
    await open_chat(page, "Ada Visitor")
    messages = page.get_by_role("region", name="Messages")
    await messages.get_by_text("never arrived").wait_for()
    # started, then routed to the agent in the same request: the story reads in the order it happened
    await messages.get_by_text("joined the chat").wait_for()
    timeline = await messages.inner_text()
    assert (
        timeline.index("Chat started") < timeline.index("joined the chat") < timeline.index("never arrived")
    )
    # rendered from the server's md tree: bold and emoji, not asterisks and colons
    assert await messages.locator("strong", has_text="1234").count() == 1
    assert await messages.get_by_role("img", name="package").count() == 1

    await send(page, "Hi Ada, **sorry** about that. Which address?")
    await widget.get_by_text("Which address?").wait_for(timeout=10_000)  # live, over DDP
    composer = widget.locator('[contenteditable="true"]')
    await composer.click()
    await composer.type("10 Downing")
    await page.get_by_text("Ada Visitor is typing…").wait_for(timeout=10_000)
    await composer.press("Enter")
    await messages.get_by_text("10 Downing").wait_for(timeout=10_000)
    await page.get_by_text("Ada Visitor is typing…").wait_for(state="hidden", timeout=20_000)

    # Shift+Enter writes a new line; Enter sends both lines as one message
    box = page.get_by_role("textbox", name="Message")
    await box.type("Line one")
    await box.press("Shift+Enter")
    await box.type("Line two")
    await box.press("Enter")
    await widget.get_by_text("Line two").wait_for(timeout=10_000)
    assert await box.input_value() == ""
    # answered: the room's new state (no `waitingResponse`) replaces the old one in the header
    await page.get_by_text("Waiting for your response").wait_for(state="hidden", timeout=10_000)
    await assert_accessible(page, "chat")
    await shoot(page, "desk-chat.png", tmp_path)
    assert not page.errors, page.errors


async def test_take_from_the_queue(desk, browser, tmp_path) -> None:
    await set_setting(desk.client, "Livechat_Routing_Method", "Manual_Selection")
    agent = await make_agent(desk.client, desk.db)
    page = await new_desk(browser, desk.url, agent)
    widget = await widget_chat(browser, desk.url, "Queued Quinn")
    await widget_send(widget, "Can someone help with billing?")

    await page.get_by_role("navigation", name="Desk").get_by_role("link", name=QUEUE_LINK).click()
    queue = page.get_by_role("list", name="Waiting visitors")
    await queue.get_by_text("Can someone help with billing?").wait_for(timeout=10_000)  # live, first message
    await assert_accessible(page, "queue")
    await shoot(page, "desk-queue.png", tmp_path)

    # preview before taking: the history is readable, no composer yet
    await queue.get_by_role("link", name="Queued Quinn").click()
    await page.get_by_text("waiting in the queue").wait_for()
    assert await page.get_by_role("textbox", name="Message").count() == 0
    await page.get_by_role("toolbar", name="Chat actions").get_by_role("button", name="Take").click()
    await page.get_by_role("textbox", name="Message").wait_for(timeout=10_000)
    await page.get_by_role("navigation", name="Desk").get_by_role("link", name="Queued Quinn").wait_for()
    await send(page, "Hello Quinn, I can help.")
    await widget.get_by_text("Hello Quinn, I can help.").wait_for(timeout=10_000)
    await page.get_by_role("navigation", name="Desk").get_by_role("link", name=QUEUE_LINK).click()
    await page.get_by_text("Nobody is waiting").wait_for(timeout=10_000)


async def test_forward_between_two_agents(desk, browser, tmp_path) -> None:
    admin = await admin_headers(desk.client)
    roles = ["livechat-manager", "livechat-monitor", "admin", "livechat-agent"]  # agents may forward here
    res = await desk.client.post(
        "/api/v1/permissions.update",
        json={"permissions": [{"_id": "transfer-livechat-guest", "roles": roles}]},
        headers=admin,
    )
    assert res.status_code == 200, res.text
    first = await make_agent(desk.client, desk.db)
    one = await new_desk(browser, desk.url, first)
    widget = await widget_chat(browser, desk.url, "Forwarded Fay")
    await widget_send(widget, "I need the billing team")
    second = await make_agent(desk.client, desk.db)
    two = await new_desk(browser, desk.url, second)  # its own browser context: another agent

    await open_chat(one, "Forwarded Fay")
    await one.get_by_role("button", name="Forward").click()
    dialog = one.get_by_role("dialog", name="Forward this chat")
    await dialog.get_by_label("Agent", exact=True).select_option(
        label=f"{second['username'].title()} ({second['username']})"  # name (username), as listed
    )
    await dialog.get_by_label("Comment (optional)").fill("Billing question, over to you")
    await assert_accessible(one, "forward dialog")
    await shoot(one, "desk-forward.png", tmp_path)
    await dialog.get_by_role("button", name="Forward").click()

    # the second agent gets it live, with the history and the transfer line
    await open_chat(two, "Forwarded Fay")
    await two.get_by_text("Billing question, over to you").first.wait_for(timeout=10_000)
    await two.get_by_text("I need the billing team").wait_for()
    desk_one = one.get_by_role("navigation", name="Desk")
    await desk_one.get_by_role("link", name="Forwarded Fay").wait_for(state="detached", timeout=10_000)
    await send(two, "Billing here, hello!")
    await widget.get_by_text("Billing here, hello!").wait_for(timeout=10_000)


async def test_close_with_comment_and_tags_finishes_the_widget_chat(desk, browser, tmp_path) -> None:
    admin = await admin_headers(desk.client)
    for tag in ("billing", "refund"):
        reply = await call_method(
            desk.client, admin, "livechat:saveTag", None, {"name": tag, "description": ""}, []
        )
        assert "error" not in reply, reply
    await set_setting(desk.client, "Livechat_request_comment_when_closing_conversation", True)
    agent = await make_agent(desk.client, desk.db)
    page = await new_desk(browser, desk.url, agent)
    widget = await widget_chat(browser, desk.url, "Closing Cleo")
    await widget_send(widget, "All sorted, thanks!")
    await open_chat(page, "Closing Cleo")

    await page.get_by_role("button", name="Close", exact=True).click()
    dialog = page.get_by_role("dialog", name="Close this chat")
    submit = dialog.get_by_role("button", name="Close chat")
    comment = dialog.get_by_label("Comment (required)")  # the server's public setting says so
    await comment.wait_for()
    assert await submit.is_disabled()
    await comment.fill("Refund issued")
    await dialog.get_by_role("checkbox", name="refund").check()
    await assert_accessible(page, "close dialog")
    await shoot(page, "desk-close.png", tmp_path)
    await submit.click()

    await widget.get_by_text("Chat Finished").wait_for(timeout=10_000)
    await page.get_by_text("This chat is closed.").wait_for(timeout=10_000)
    await page.get_by_text("Chat closed by").first.wait_for()
    rooms = (await desk.client.get("/api/v1/livechat/rooms", params={"open": "false"}, headers=admin)).json()
    (room,) = rooms["rooms"]
    assert room["tags"] == ["refund"] and room["lastMessage"]["msg"] == "Refund issued"


async def test_reload_keeps_the_session_and_logout_ends_it(desk, browser) -> None:
    agent = await make_agent(desk.client, desk.db)
    page = await new_desk(browser, desk.url, agent)
    await page.goto(f"{desk.url}/queue")
    await page.reload()
    await page.get_by_role("navigation", name="Desk").wait_for(timeout=10_000)
    assert await page.get_by_label("Password").count() == 0
    await page.get_by_role("button", name="Log out").click()
    await page.get_by_label("Password").wait_for()
    await page.reload()
    await page.get_by_label("Password").wait_for()
    await assert_accessible(page, "login")
    # the keyboard alone: the name field has the focus, Tab to the password, Enter logs in
    await page.keyboard.type(agent["username"])
    await page.keyboard.press("Tab")
    await page.keyboard.type(agent["password"])
    await page.keyboard.press("Enter")
    await page.get_by_role("navigation", name="Desk").wait_for(timeout=10_000)


async def test_unavailable_agent_makes_the_widget_offline(desk, browser, tmp_path) -> None:
    agent = await make_agent(desk.client, desk.db)
    page = await new_desk(browser, desk.url, agent)
    switch = page.get_by_role("switch", name="Availability: Available")
    await switch.click()
    await page.get_by_role("switch", name="Availability: Not available").wait_for()
    await page.get_by_text("You are not available: no new chats are routed to you.").wait_for()
    await assert_accessible(page, "not available")
    widget = await browser.new_page(viewport={"width": 420, "height": 640})
    await widget.goto(f"{desk.url}/livechat?mode=popout")
    await widget.get_by_text("We are not online right now").wait_for(timeout=15_000)
    # and back: one control sets both presence and livechat status
    await page.get_by_role("button", name="Go available").click()
    await page.get_by_role("switch", name="Availability: Available").wait_for()
    config = (await desk.client.get("/api/v1/livechat/config")).json()["config"]
    assert config["online"] is True


async def test_user_without_a_livechat_role_is_told_so(desk, browser, tmp_path) -> None:
    from factories import make_user

    user = await make_user(desk.db, ["user"])
    context = await browser.new_context(viewport={"width": 1360, "height": 820})
    page = await context.new_page()
    await page.goto(f"{desk.url}/")
    await assert_accessible(page, "login")
    await shoot(page, "desk-login.png", tmp_path)
    await page.get_by_label("Username or email").fill(user["username"])
    await page.get_by_label("Password").fill(user["password"])
    await page.get_by_role("button", name="Log in").click()
    await page.get_by_role("heading", name="This account is not a livechat agent").wait_for(timeout=10_000)
    await page.get_by_text("Ask an administrator").wait_for()
    await assert_accessible(page, "no role")
    await shoot(page, "desk-no-role.png", tmp_path)
    await page.get_by_role("button", name="Log out").click()
    await page.get_by_label("Username or email").fill(user["username"])
    await page.get_by_label("Password").fill("wrong password")
    await page.get_by_role("button", name="Log in").click()
    await page.get_by_role("alert").wait_for()
