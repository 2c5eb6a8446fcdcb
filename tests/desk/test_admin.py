"""The administration screens in a real browser: a manager adds an agent and gives them a department,
creates a department, a tag and a custom field, changes a routing setting (and the API answers with it),
copies the widget's install snippet; an administrator creates a user with a role; an agent is offered
none of these screens. One flow per screen, each checked with axe and pictured in docs/desk-admin-*.png."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chat import make_agent
from desk.desk_pages import DESKTOP, assert_accessible, desk_skip_reason, login, new_desk, shoot
from factories import ADMIN_PASSWORD, admin_headers, make_user
from frontdesk.services.bootstrap import TEST_ADMIN

REASON = desk_skip_reason()
pytestmark = [pytest.mark.asyncio, pytest.mark.skipif(REASON is not None, reason=REASON or "")]


async def _get(desk: Any, headers: dict[str, str], path: str, **params: Any) -> Any:
    res = await desk.client.get(f"/api/v1/{path}", params=params, headers=headers)
    assert res.status_code == 200, res.text
    return res.json()


async def _open(page: Any, label: str) -> Any:
    """Open an administration screen from the sidebar; returns its main region."""
    nav = page.get_by_role("navigation", name="Desk")
    links = nav.get_by_role("list", name="Administration")
    if not await links.is_visible():
        await nav.get_by_text("Administration", exact=True).click()
    await links.get_by_role("link", name=label, exact=True).click()
    main = page.get_by_role("main")
    await main.get_by_role("heading", level=1, name=label).wait_for(timeout=10_000)
    return main


async def _dialog(page: Any, title: str) -> Any:
    dialog = page.get_by_role("dialog", name=title)
    await dialog.wait_for(timeout=10_000)
    return dialog


async def test_a_manager_keeps_the_desk(desk, browser, tmp_path: Path) -> None:
    manager = await make_user(desk.db, ["user", "livechat-manager"])
    newcomer = await make_user(desk.db, ["user"], username="newcomer")
    admin = await admin_headers(desk.client)
    page = await new_desk(browser, desk.url, manager)
    await page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=desk.url)

    # departments: a new one, with its settings
    main = await _open(page, "Departments")
    await main.get_by_role("button", name="New department").click()
    dialog = await _dialog(page, "New department")
    await dialog.get_by_label("Name", exact=True).fill("Support")
    await dialog.get_by_label("Email").fill("support@example.com")
    await dialog.get_by_label("A tag is required to close a chat").check()
    await dialog.get_by_role("button", name="Save").click()
    # the server's refusal, in its words: a department that requires a tag must name the tags
    await dialog.get_by_role("alert").filter(has_text="closing tag is required").wait_for()
    await dialog.get_by_label("Closing tags (comma-separated)").fill("solved, billing")
    await dialog.get_by_role("button", name="Save").click()
    table = main.get_by_role("table", name="Departments")
    await table.get_by_role("cell", name="Support", exact=True).wait_for()
    [support] = (await _get(desk, admin, "livechat/department"))["departments"]
    assert support["name"] == "Support" and support["requestTagBeforeClosingChat"] is True
    assert support["chatClosingTags"] == ["solved", "billing"]
    await assert_accessible(page, "departments")
    await shoot(page, "desk-admin-departments.png", tmp_path)

    # agents: add one by username, then give them the department and a chat limit
    main = await _open(page, "Agents")
    await main.get_by_label("Username to add").fill("newcomer")
    await main.get_by_role("button", name="Add agent").click()
    await main.get_by_role("button", name="Edit newcomer").click()
    dialog = await _dialog(page, "Edit agent newcomer")
    await dialog.get_by_label("Support").check()
    await dialog.get_by_label("Max simultaneous chats").fill("3")
    await dialog.get_by_role("button", name="Save").click()
    await dialog.wait_for(state="detached")
    await main.get_by_role("table", name="Agents").get_by_role("cell", name="3", exact=True).wait_for()
    memberships = await _get(desk, admin, f"livechat/agents/{newcomer['id']}/departments")
    assert [m["departmentId"] for m in memberships["departments"]] == [support["_id"]]
    user = (await _get(desk, admin, "users.info", userId=newcomer["id"]))["user"]
    assert "livechat-agent" in user["roles"] and user["livechat"]["maxNumberSimultaneousChat"] == 3
    await assert_accessible(page, "agents")
    await shoot(page, "desk-admin-agents.png", tmp_path)

    # managers: who runs the desk
    main = await _open(page, "Managers")
    await (
        main.get_by_role("table", name="Managers")
        .get_by_role("cell", name=manager["username"], exact=True)
        .wait_for()
    )
    await assert_accessible(page, "managers")
    await shoot(page, "desk-admin-managers.png", tmp_path)

    # tags: one limited to the department
    main = await _open(page, "Tags")
    await main.get_by_role("button", name="New tag").click()
    dialog = await _dialog(page, "New tag")
    await dialog.get_by_label("Name", exact=True).fill("vip")
    await dialog.get_by_label("Description").fill("Our best customers")
    await dialog.get_by_label("Support").check()
    await dialog.get_by_role("button", name="Save").click()
    await main.get_by_role("table", name="Tags").get_by_role("cell", name="vip", exact=True).wait_for()
    [tag] = (await _get(desk, admin, "livechat/tags", text=""))["tags"]
    assert tag["name"] == "vip" and tag["departments"] == [support["_id"]]
    await assert_accessible(page, "tags")
    await shoot(page, "desk-admin-tags.png", tmp_path)

    # custom fields: a room field with choices; the server's refusal of a bad name is shown as it says it
    main = await _open(page, "Custom fields")
    await main.get_by_role("button", name="New custom field").click()
    dialog = await _dialog(page, "New custom field")
    await dialog.get_by_label("Field name").fill("plan tier")
    await dialog.get_by_label("Label").fill("Plan")
    await dialog.get_by_label("Scope").select_option("room")
    await dialog.get_by_label("Type").select_option("select")
    await dialog.get_by_label("Options (comma-separated)").fill("free,pro")
    await dialog.get_by_role("button", name="Save").click()
    await dialog.get_by_role("alert").filter(has_text="Use only letters").wait_for()
    await dialog.get_by_label("Field name").fill("plan")
    await dialog.get_by_role("button", name="Save").click()
    await (
        main.get_by_role("table", name="Custom fields")
        .get_by_role("cell", name="Plan", exact=True)
        .wait_for()
    )
    field = (await _get(desk, admin, "livechat/custom-fields/plan"))["customField"]
    assert field["scope"] == "room" and field["options"] == "free,pro"
    await assert_accessible(page, "custom fields")
    await shoot(page, "desk-admin-custom-fields.png", tmp_path)

    # routing: manual selection takes effect (the API's routing config, and the desk's queue link)
    assert (await _get(desk, admin, "livechat/config/routing"))["config"]["showQueue"] is False
    main = await _open(page, "Routing")
    form = main.get_by_role("form", name="Routing settings")
    await form.get_by_label("Routing method").select_option("Manual_Selection")
    await form.get_by_label("Max simultaneous chats per agent (0: no limit)").fill("4")
    await form.get_by_label("A comment is required to close a chat").check()
    await form.get_by_role("button", name="Save changes").click()
    await form.get_by_role("status").filter(has_text="Saved").wait_for()
    assert (await _get(desk, admin, "livechat/config/routing"))["config"]["showQueue"] is True
    limit = await _get(desk, admin, "settings/Livechat_maximum_chats_per_agent")
    comment = await _get(desk, admin, "settings/Livechat_request_comment_when_closing_conversation")
    assert limit["value"] == 4 and comment["value"] is True
    await page.get_by_role("navigation", name="Desk").get_by_role("link", name="Queue").wait_for()
    await assert_accessible(page, "routing")
    await shoot(page, "desk-admin-routing.png", tmp_path)

    # the widget: a title, and the snippet copied as a site would paste it
    main = await _open(page, "Widget")
    form = main.get_by_role("form", name="Widget settings")
    await form.get_by_label("Title", exact=True).fill("Talk to us")
    await form.get_by_role("button", name="Save changes").click()
    await form.get_by_role("status").filter(has_text="Saved").wait_for()
    config = (await desk.client.get("/api/v1/livechat/config")).json()["config"]
    assert config["theme"]["title"] == "Talk to us"
    await main.get_by_role("button", name="Copy snippet").click()
    await main.get_by_role("status").filter(has_text="Copied to the clipboard").wait_for()
    copied = await page.evaluate("navigator.clipboard.readText()")
    assert f"j.src = '{desk.url}/livechat/rocketchat-livechat.min.js" in copied
    assert f"'script', '{desk.url}/livechat')" in copied
    await assert_accessible(page, "widget")
    await shoot(page, "desk-admin-widget.png", tmp_path)

    # a manager may not administer users: the screen is not offered, its address says so
    assert await page.get_by_role("link", name="Users", exact=True).count() == 0
    assert not page.errors, page.errors
    await page.context.close()


async def test_an_administrator_creates_a_user_with_a_role(desk, browser, tmp_path: Path) -> None:
    context = await browser.new_context(viewport=DESKTOP)
    page = await context.new_page()
    await login(page, desk.url, TEST_ADMIN, ADMIN_PASSWORD)
    main = await _open(page, "Users")
    await main.get_by_role("table", name="Users").get_by_role("cell", name=TEST_ADMIN, exact=True).wait_for()
    await main.get_by_role("button", name="New user").click()
    dialog = await _dialog(page, "New user")
    await dialog.get_by_label("Name", exact=True).fill("Mia Monitor")
    await dialog.get_by_label("Username").fill("mia")
    await dialog.get_by_label("Email").fill("mia@example.com")
    await dialog.get_by_label("Password").fill("a-good-password")
    await dialog.get_by_role("group", name="Roles").get_by_label("livechat-monitor", exact=False).check()
    await dialog.get_by_role("button", name="Save").click()
    await main.get_by_role("table", name="Users").get_by_role("cell", name="mia", exact=True).wait_for()
    admin = await admin_headers(desk.client)
    mia = (await _get(desk, admin, "users.info", username="mia"))["user"]
    assert sorted(mia["roles"]) == ["livechat-monitor", "user"] and mia["name"] == "Mia Monitor"
    await assert_accessible(page, "users")
    await shoot(page, "desk-admin-users.png", tmp_path)
    await context.close()


async def test_an_agent_is_offered_no_administration(desk, browser) -> None:
    agent = await make_agent(desk.client, desk.db)
    page = await new_desk(browser, desk.url, agent)
    nav = page.get_by_role("navigation", name="Desk")
    await nav.get_by_role("switch").wait_for()
    assert await nav.get_by_text("Administration").count() == 0
    await page.goto(f"{desk.url}/admin/agents")
    await page.get_by_role("heading", name="Not available").wait_for(timeout=10_000)
    assert not page.errors, page.errors
    await page.context.close()
