"""Right after `frontdesk demo`: a visitor in the official widget starts a chat in a department and it
reaches that department's demo agent on duty, whose login the demo printed; no console errors on the way."""

from __future__ import annotations

import re
from typing import Any

import pytest

from factories import login
from frontdesk.demo import load_demo
from realtime.browser import screenshot_path, skip_reason
from realtime.test_widget_browser import watch

REASON = skip_reason()
pytestmark = [pytest.mark.asyncio, pytest.mark.skipif(REASON is not None, reason=REASON or "")]


def printed_logins(out: str) -> tuple[dict[str, str], str, str]:
    """What the demo printed: {department: agent on duty}, the manager, the password."""
    block = out.split("On duty now", 1)[1]
    on_duty = dict(
        (dept, user) for user, dept in re.findall(r"^  (\S+)\s+(\w+)$", block, re.M) if dept != "manager"
    )
    manager = re.search(r"^  (\S+)\s+manager:", block, re.M)
    password = re.search(r"^Password of every demo account: (\S+)$", out, re.M)
    assert manager and password, out
    return on_duty, manager.group(1), password.group(1)


async def test_demo_then_widget_chat_reaches_the_agent_on_duty(
    live: Any, browser: Any, settings: Any, tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    await load_demo(settings.model_copy(update={"ROOT_URL": live.url}), rooms=40, seed=7, progress=False)
    out = capsys.readouterr().out
    assert f"{live.url}/livechat?mode=popout" in out
    on_duty, manager, password = printed_logins(out)
    assert set(on_duty) == {"Support", "Sales", "Billing"}

    page = await browser.new_page(viewport={"width": 420, "height": 680})
    errors, _ = watch(page)
    await page.goto(f"{live.url}/livechat?mode=popout")
    await page.locator('input[name="name"]').fill("Grace Demo")
    await page.locator('input[name="email"]').fill("grace.demo@example.com")
    await page.locator('select[name="department"]').select_option(label="Sales")
    await page.locator('button[type="submit"]').click()
    composer = page.locator('[contenteditable="true"]')
    await composer.wait_for(timeout=15_000)
    await composer.click()
    await composer.type("Hi, can I get a quote for 20 seats?")
    await composer.press("Enter")
    await page.get_by_text("Hi, can I get a quote for 20 seats?").first.wait_for(timeout=10_000)

    boss = await login(live.client, manager, password)
    res = await live.client.get("/api/v1/livechat/rooms", params={"open": "true", "count": 0}, headers=boss)
    room = next(r for r in res.json()["rooms"] if r["fname"] == "Grace Demo")
    assert room["servedBy"]["username"] == on_duty["Sales"]  # routed at once, not queued
    assert room["department"]["name"] == "Sales"

    agent = await login(live.client, on_duty["Sales"], password)
    reply = "Hello Grace, a quote for 20 seats is on its way."
    res = await live.client.post(
        "/api/v1/chat.sendMessage", json={"message": {"rid": room["_id"], "msg": reply}}, headers=agent
    )
    assert res.status_code == 200, res.text
    await page.get_by_text(reply).wait_for(timeout=10_000)
    await page.screenshot(path=str(screenshot_path("demo-widget-chat.png", tmp_path)))
    assert errors == [], errors
