"""The API docs in a browser: Swagger UI from this server only, then Authorize and Try it out with a login."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from factories import ADMIN_PASSWORD
from frontdesk.services.bootstrap import TEST_ADMIN
from realtime.browser import screenshot_path, skip_reason
from realtime.test_widget_browser import watch

REASON = skip_reason()
pytestmark = [pytest.mark.asyncio, pytest.mark.skipif(REASON is not None, reason=REASON or "")]


async def test_swagger_ui_offline_authorize_and_try_it_out(live: Any, browser: Any, tmp_path: Any) -> None:
    page = await browser.new_page(viewport={"width": 1200, "height": 900})
    errors, _ = watch(page)
    hosts: set[str] = set()
    page.on("request", lambda req: hosts.add(urlsplit(req.url).netloc))
    await page.goto(f"{live.url}/api/docs")
    await page.get_by_text("livechat/rooms", exact=True).first.wait_for(timeout=15_000)
    assert hosts == {urlsplit(live.url).netloc}, hosts  # nothing from a CDN or validator.swagger.io

    login = await live.client.post("/api/v1/login", json={"user": TEST_ADMIN, "password": ADMIN_PASSWORD})
    data = login.json()["data"]
    await page.get_by_role("button", name="Authorize").first.click()
    dialog = page.locator(".modal-ux")
    apply = dialog.get_by_role("button", name="Apply credentials")  # each scheme's "Authorize"
    await apply.first.wait_for()
    inputs = dialog.locator("input[type=text], input[type=password]")
    await inputs.nth(0).fill(data["userId"])  # userId (X-User-Id), then authToken (X-Auth-Token)
    await inputs.nth(1).fill(data["authToken"])
    for remaining in (2, 1):
        assert await apply.count() == remaining
        await apply.first.click()
    assert await dialog.get_by_role("button", name="Remove authorization").count() == 2
    await dialog.get_by_role("button", name="Close").first.click()

    # Tags start folded (124 operations unfolded at once left Swagger UI 5.35 drawing only the first few tags)
    for tag in ("livechat/rooms", "me"):
        await page.locator(f'h3.opblock-tag[data-tag="{tag}"]').click()
    rooms = page.locator(".opblock-summary-path", has_text="/api/v1/livechat/rooms")
    await rooms.first.wait_for()
    operation = page.locator("#operations-me-me_api_v1_me_get")
    await operation.locator(".opblock-summary").click()
    await operation.get_by_role("button", name="Execute").click()
    response = operation.locator(".live-responses-table tbody .response-col_status").first
    await response.wait_for(timeout=10_000)
    assert (await response.inner_text()).strip() == "200"
    body = await operation.locator(".live-responses-table .microlight").first.inner_text()
    assert f'"username": "{TEST_ADMIN}"' in body
    await page.screenshot(path=str(screenshot_path("api-docs.png", tmp_path)))
    assert errors == [], errors


async def test_landing_page(live: Any, browser: Any, tmp_path: Any) -> None:
    live.app.state.desk_dir = tmp_path / "no-desk"  # the links page is `/` while the desk is not built
    page = await browser.new_page(viewport={"width": 900, "height": 600})
    errors, _ = watch(page)
    await page.goto(f"{live.url}/")
    widget = page.get_by_role("link", name="The visitor widget")
    assert await widget.get_attribute("href") == "/livechat?mode=popout"
    assert await page.get_by_role("link", name="API documentation").get_attribute("href") == "/api/docs"
    await page.screenshot(path=str(screenshot_path("landing.png", tmp_path)))
    assert errors == [], errors
