"""Realtime monitoring and Analytics in a real browser: a manager reads the numbers of rooms the test made,
changes the period and the department and sees them follow, sees a new chat arrive live; an agent is not
offered either screen."""

from __future__ import annotations

import re
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from chat import make_agent, make_visitor, open_room
from desk.desk_pages import assert_accessible, desk_skip_reason, new_desk, shoot
from factories import insert_rooms, make_department, make_user, room_doc
from frontdesk.clock import iso

REASON = desk_skip_reason()
pytestmark = [pytest.mark.asyncio, pytest.mark.skipif(REASON is not None, reason=REASON or "")]
DAY = 86_400_000


def _day(ms: int) -> str:
    return iso(ms)[:10]


async def _corpus(desk: Any) -> dict[str, Any]:
    """Today: Sales 3 (2 open, 1 closed), Support 2 (1 queued, 1 on hold); 3 days ago: Sales 2 and Support 1,
    closed; 12 days ago: Support 2, closed."""
    sales, support = await make_department(desk.db, "Sales"), await make_department(desk.db, "Support")
    agent = await make_agent(desk.client, desk.db)
    now = int(time.time() * 1000)
    today = now - now % DAY

    def at(i: int) -> int:  # the i-th of today's rooms, all before now
        return today + (now - today) * i // 10

    def served(ts: int) -> dict[str, Any]:
        return {"servedBy": {"_id": agent["id"], "username": agent["username"], "ts": iso(ts)}}

    def closed(ts: int, department: str) -> dict[str, Any]:
        metrics = {"response": {"avg": 30, "ft": 20}, "reaction": {"ft": 5}, "chatDuration": 600}
        return room_doc(ts, departmentId=department, **served(ts), open=None, closedAt=iso(ts + 600_000),
                        metrics=metrics, waitingResponse=False)  # fmt: skip

    earlier, older = today - 3 * DAY + 3_600_000, today - 12 * DAY + 3_600_000
    await insert_rooms(
        desk.db,
        [
            room_doc(at(1), departmentId=sales, **served(at(1))),
            room_doc(at(2), departmentId=sales, **served(at(2))),
            closed(at(3), sales),
            room_doc(at(4), departmentId=support),
            room_doc(at(5), departmentId=support, **served(at(5)), onHold=True),
            closed(earlier, sales),
            closed(earlier + 60_000, sales),
            closed(earlier + 120_000, support),
            closed(older, support),
            closed(older + 60_000, support),
        ],
    )
    days = {"earlier": _day(earlier), "older": _day(older)}
    return {"sales": sales, "support": support, "agent": agent, **days}


def _counter(page: Any, section: str, title: str) -> Any:
    region = page.get_by_role("region", name=section, exact=True)
    return region.locator(".counter", has=page.get_by_text(title, exact=True)).locator("dd")


def _cell(page: Any, figure: str, row: str, column: int = 0) -> Any:
    """A number in a chart's table (hidden until opened: read as text, not seen)."""
    chart = page.get_by_role("figure", name=re.compile(rf"^{re.escape(figure)}( \(\d+\))?$"))
    header = page.locator("th", has_text=re.compile(rf"^{re.escape(row)}$"))
    return chart.locator("tbody tr", has=header).locator("td").nth(column)


async def _text(locator: Any, want: str) -> None:
    from playwright.async_api import expect

    await expect(locator).to_have_text(want, timeout=15_000)


async def test_a_manager_watches_realtime_monitoring(desk, browser, tmp_path: Path) -> None:
    corpus = await _corpus(desk)
    manager = await make_user(desk.db, ["user", "livechat-manager"])
    page = await new_desk(browser, desk.url, manager)
    await page.get_by_role("navigation", name="Desk").get_by_role("link", name="Realtime monitoring").click()
    total = _counter(page, "Conversations", "Total conversations")
    await _text(total, "5")
    await _text(_cell(page, "Chats", "Closed"), "1")
    await _text(_cell(page, "Chats", "Queued"), "1")
    await _text(_cell(page, "Chats per agent", corpus["agent"]["username"], 2), "1")  # Open, On hold, Closed
    await _text(_cell(page, "Chats per department", "Sales"), "2")  # open in Sales today

    # live: a visitor's new chat shows up without a reload, well before the 1-minute poll
    filters = page.get_by_role("form", name="Monitoring filters")
    await filters.get_by_label("Update every").select_option(label="1 minute")
    visitor = await make_visitor(desk.client)
    await open_room(desk.client, visitor["token"])
    await _text(total, "6")

    await filters.get_by_label("Department").select_option(label="Sales")
    await _text(total, "3")
    await filters.get_by_label("Period").select_option(label="Last 7 days")
    await _text(total, "5")
    assert "department=" in page.url and "period=last7" in page.url
    await _text(_cell(page, "Chats", "Closed"), "3")
    await assert_accessible(page, "realtime monitoring")
    await shoot(page, "desk-monitoring.png", tmp_path)
    assert not page.errors, page.errors


async def test_a_manager_reads_analytics(desk, browser, tmp_path: Path) -> None:
    corpus = await _corpus(desk)
    manager = await make_user(desk.db, ["user", "livechat-manager"])
    page = await new_desk(browser, desk.url, manager)
    await page.get_by_role("navigation", name="Desk").get_by_role("link", name="Analytics").click()
    total = _counter(page, "Conversations overview", "Total conversations")
    await _text(total, "8")  # the last 7 days: today's 5 and the 3 of three days ago
    earlier = date.fromisoformat(corpus["earlier"])
    day_label = f"{earlier:%b} {earlier.day}"  # as the chart's table names its days
    await _text(_cell(page, "Chats over time", day_label, 3), "3")  # Open, Queued, On hold, Closed
    await _text(_cell(page, "Conversations by department", "Sales"), "5")
    await _text(_cell(page, "Conversations by department", "Support"), "3")
    await _text(_cell(page, "Conversations by status", "Closed"), "4")

    filters = page.get_by_role("form", name="Analytics filters")
    await filters.get_by_label("Period").select_option(label="Last 30 days")
    await _text(total, "10")
    await filters.get_by_label("Department").select_option(label="Support")
    await _text(total, "5")
    await _text(_cell(page, "Conversations by department", "Support"), "5")
    # a custom range: the one day twelve days ago
    await filters.get_by_label("From").fill(corpus["older"])
    await filters.get_by_label("To").fill(corpus["older"])
    await _text(total, "2")
    assert "period=custom" in page.url and f"from={corpus['older']}" in page.url
    # each agent's share of the conversations, as Rocket.Chat's table shows it
    agents = page.get_by_role("table", name="Agents: Total conversations")
    await _text(agents.locator("tbody td").first, "100.00%")
    # a reversed range is refused in words, before any request
    await filters.get_by_label("From").fill(corpus["earlier"])
    await page.get_by_role("alert").filter(has_text="The start date is after the end date.").wait_for()
    await filters.get_by_label("Period").select_option(label="Last 7 days")
    await filters.get_by_label("Department").select_option(label="All departments")
    await _text(total, "8")
    await page.get_by_role("heading", name="Analytics").click()  # no date field focused in the picture
    await assert_accessible(page, "analytics")
    await shoot(page, "desk-analytics.png", tmp_path)
    assert not page.errors, page.errors


async def test_an_agent_is_not_offered_the_dashboards(desk, browser) -> None:
    agent = await make_agent(desk.client, desk.db)
    page = await new_desk(browser, desk.url, agent)
    async with page.expect_response(re.compile(r"/api/v1/permissions\.listAll")):
        await page.reload()
    nav = page.get_by_role("navigation", name="Desk")
    await nav.get_by_role("switch", name=re.compile("^Availability")).wait_for(timeout=15_000)
    assert await nav.get_by_role("link", name="Realtime monitoring").count() == 0
    assert await nav.get_by_role("link", name="Analytics").count() == 0
    # and the server refuses the numbers to anyone who opens the address anyway
    await page.goto(f"{desk.url}/analytics")
    await page.get_by_role("alert").first.wait_for(timeout=15_000)
