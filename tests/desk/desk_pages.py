"""What a person does in the desk and in the widget, as Playwright steps on accessible names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from frontdesk.api.desk import is_built
from realtime.browser import screenshot_path, skip_reason

DESKTOP = {"width": 1360, "height": 820}


def desk_skip_reason() -> str | None:
    return skip_reason() or (None if is_built() else "the desk is not built (make static)")


async def login(page: Any, url: str, username: str, password: str) -> None:
    await page.goto(f"{url}/")
    await page.get_by_label("Username or email").fill(username)
    await page.get_by_label("Password").fill(password)
    await page.get_by_role("button", name="Log in").click()
    await page.get_by_role("navigation", name="Desk").wait_for(timeout=15_000)


async def new_desk(browser: Any, url: str, agent: dict[str, Any]) -> Any:
    """A fresh browser context (its own storage) with the agent logged in to the desk."""
    context = await browser.new_context(viewport=DESKTOP)
    page = await context.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    await login(page, url, agent["username"], agent["password"])
    return page


async def open_chat(page: Any, name: str) -> None:
    """Click the chat in the sidebar (it appears there live) and wait for its composer or notice."""
    link = page.get_by_role("navigation", name="Desk").get_by_role("link", name=name)
    await link.first.wait_for(timeout=15_000)
    await link.first.click()
    try:
        await page.get_by_role("heading", level=1, name=name).wait_for(timeout=10_000)
    except Exception:
        await page.screenshot(path="/tmp/open_chat_failure.png")
        raise


async def send(page: Any, text: str) -> None:
    box = page.get_by_role("textbox", name="Message")
    await box.fill(text)
    await box.press("Enter")


async def widget_chat(browser: Any, url: str, name: str) -> Any:
    """The official widget, popped out, past its registration form: a visitor ready to write."""
    page = await browser.new_page(viewport={"width": 420, "height": 640})
    await page.goto(f"{url}/livechat?mode=popout")
    composer = page.locator('[contenteditable="true"]')
    name_field = page.locator('input[name="name"]')
    await composer.or_(name_field).first.wait_for(timeout=15_000)
    if await name_field.count():
        await name_field.fill(name)
        await page.locator('input[name="email"]').fill(f"{name.lower().replace(' ', '.')}@example.com")
        await page.locator('button[type="submit"]').click()
    await composer.wait_for(timeout=15_000)
    return page


async def widget_send(page: Any, text: str, shown: str | None = None) -> None:
    """Type and send; the widget shows its own message only from the server's echo (`shown`: what of it
    to wait for, when markdown changes how it reads)."""
    composer = page.locator('[contenteditable="true"]')
    await composer.click()
    await composer.type(text)
    await composer.press("Enter")
    await page.get_by_text(shown or text).first.wait_for(timeout=20_000)


async def assert_accessible(page: Any, screen: str) -> None:
    """axe-core on the page as it is: no serious or critical violation."""
    from axe_playwright_python.async_playwright import Axe

    results = await Axe().run(page)
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    details = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:4]}" for v in bad]
    assert not bad, f"{screen}: {details}"


async def shoot(page: Any, name: str, tmp_path: Path) -> None:
    await page.screenshot(path=str(screenshot_path(name, tmp_path)))
