"""Current Chats in a real browser: a manager filters, sorts, pages, chooses columns, shares the link,
opens a room's metrics and downloads what is on screen as CSV; an agent is not offered the screen."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from chat import make_agent
from desk.desk_pages import assert_accessible, desk_skip_reason, new_desk, shoot
from factories import admin_headers, insert_rooms, make_department, make_user, room_doc
from frontdesk.clock import iso

REASON = desk_skip_reason()
pytestmark = [pytest.mark.asyncio, pytest.mark.skipif(REASON is not None, reason=REASON or "")]
T0 = 1_790_000_000_000  # 2026-09-21
HOUR = 3_600_000
NAMES = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Edsger Dijkstra", "Barbara Liskov"]


async def _corpus(desk: Any) -> dict[str, Any]:
    sales = await make_department(desk.db, "Sales")
    support = await make_department(desk.db, "Support")
    agent = await make_agent(desk.client, desk.db)
    served = {"_id": agent["id"], "username": agent["username"], "ts": iso(T0)}
    rooms = []
    for i in range(40):
        fields: dict[str, Any] = {
            "fname": f"{NAMES[i % 5]} {i}",
            "msgs": i,
            "departmentId": [sales, support][i % 2],
        }
        if i % 4:
            fields["servedBy"] = served
            fields["metrics"] = {
                "response": {"ft": 12.5, "avg": 30.25, "tt": 60.5, "total": 2},
                "reaction": {"ft": 4.0},
            }
        if i % 3 == 0:
            fields.update(open=None, closedAt=iso(T0 + i * HOUR + HOUR), closer="user", tags=["billing"])
            fields["metrics"] = {**fields.get("metrics", {}), "chatDuration": 754.0}
        elif i % 5 == 0:
            fields["tags"] = ["vip"]
        rooms.append(room_doc(T0 + i * HOUR, **fields))
    await insert_rooms(desk.db, rooms)
    return {"sales": sales, "support": support, "agent": agent}


async def _api(desk: Any, headers: dict[str, str], query: str) -> dict[str, Any]:
    res = await desk.client.get(f"/api/v1/livechat/rooms?{query}", headers=headers)
    assert res.status_code == 200, res.text
    body: dict[str, Any] = res.json()
    return body


async def test_a_manager_works_the_current_chats_screen(desk, browser, tmp_path: Path) -> None:
    corpus = await _corpus(desk)
    manager = await make_user(desk.db, ["user", "livechat-manager"])
    admin = await admin_headers(desk.client)
    page = await new_desk(browser, desk.url, manager)
    await page.get_by_role("navigation", name="Desk").get_by_role("link", name="Current chats").click()
    status = page.get_by_role("status").filter(has_text=" of ")
    await status.filter(has_text="1–25 of 40").wait_for(timeout=15_000)

    # facet counts beside each filter, exactly as the API counts them (asked apart from the page: they may
    # arrive after the table)
    everything = await _api(desk, admin, "count=1&facets=status,department,tag")
    closed = everything["facets"]["status"]["closed"]
    filters = page.get_by_role("search", name="Filter chats")
    status_filter = filters.get_by_label("Status", exact=True)
    await status_filter.locator("option", has_text=f"Closed ({closed})").wait_for(state="attached")
    department_filter = filters.get_by_label("Department", exact=True)
    sales = f"Sales ({everything['facets']['department'][corpus['sales']]})"
    await department_filter.locator("option", has_text=sales).wait_for(state="attached")
    await filters.get_by_label(f"billing ({everything['facets']['tag']['billing']})").wait_for()

    # a filter: the URL carries it, the total is the API's, the other facets follow
    await status_filter.select_option("closed")
    await status.filter(has_text=f"of {closed}").wait_for()
    assert parse_qs(urlparse(page.url).query)["status"] == ["closed"]
    await department_filter.select_option(corpus["sales"])
    both = await _api(desk, admin, f"count=1&open=false&departmentId={corpus['sales']}")
    await status.filter(has_text=re.compile(rf"(1|0)–\d+ of {both['total']}$")).wait_for()

    # sorting by a column: fewest messages first
    table = page.get_by_role("table", name="Chats")
    await table.get_by_role("button", name="Messages").click()
    await table.get_by_role("button", name="Messages").click()
    await page.wait_for_function("document.querySelector('th[aria-sort=ascending]') !== null")
    first_row = table.get_by_role("row").nth(1)
    want = await _api(desk, admin, f'count=1&open=false&departmentId={corpus["sales"]}&sort={{"msgs":1}}')
    await first_row.get_by_text(want["rooms"][0]["fname"]).wait_for()

    # the column chooser: the list then asks only for the columns shown
    async with page.expect_request(re.compile(r"/api/v1/livechat/rooms\?")) as asked:
        await page.get_by_text("Columns", exact=True).click()
        await page.get_by_role("group", name="Columns shown").get_by_label("Tags", exact=True).uncheck()
    fields = parse_qs(urlparse((await asked.value).url).query)["fields"][0]
    assert '"tags"' not in fields and '"msgs"' in fields
    assert await table.get_by_role("columnheader", name="Tags").count() == 0
    await page.get_by_text("Columns", exact=True).click()

    # a shared link opens the same list
    shared = page.url
    other = await new_desk(browser, desk.url, manager)
    await other.goto(shared)
    await other.get_by_role("status").filter(has_text=f"of {both['total']}").wait_for(timeout=15_000)
    shared_filters = other.get_by_role("search", name="Filter chats")
    assert await shared_filters.get_by_label("Status", exact=True).input_value() == "closed"
    await other.context.close()

    # a row opens the room read-only with its metrics
    await first_row.get_by_role("button").first.click()
    details = page.get_by_role("complementary", name="Chat details")
    await details.get_by_text("Average response").wait_for()
    await details.get_by_text("12 min 34 s").wait_for()  # chatDuration 754 s
    await details.get_by_text("Transfers").wait_for()
    assert await details.get_by_role("textbox").count() == 0  # read-only: nowhere to write
    await assert_accessible(page, "current chats")
    await shoot(page, "desk-current-chats.png", tmp_path)

    # the CSV is what is on screen: the same filter and sort, every matching room
    async with page.expect_download() as download_info:
        await page.get_by_role("button", name="Download CSV").click()
    download = await download_info.value
    text = Path(await download.path()).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) - 1 == both["total"]
    assert rows[1][0] == want["rooms"][0]["_id"]
    assert {r[8] for r in rows[1:]} == {"closed"} and {r[5] for r in rows[1:]} == {"Sales"}
    assert not page.errors, page.errors


async def test_an_agent_is_not_offered_current_chats(desk, browser) -> None:
    agent = await make_agent(desk.client, desk.db)
    page = await new_desk(browser, desk.url, agent)
    async with page.expect_response(re.compile(r"/api/v1/permissions\.listAll")):
        await page.reload()
    nav = page.get_by_role("navigation", name="Desk")
    await nav.get_by_role("switch", name=re.compile("^Availability")).wait_for(timeout=15_000)
    assert await nav.get_by_role("link", name="Current chats").count() == 0
    # and the server refuses the list to anyone who opens the address anyway
    await page.goto(f"{desk.url}/current-chats")
    await page.get_by_role("alert").filter(has_text="unauthorized").wait_for(timeout=15_000)
