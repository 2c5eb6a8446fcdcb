"""Prometheus metrics at /metrics: requests by route template, pool, page cache, chats waiting."""

from __future__ import annotations

from pathlib import Path

import httpx
from prometheus_client.parser import text_string_to_metric_families

from chat import make_visitor, open_room, set_setting
from factories import admin_headers
from frontdesk.config import Settings
from frontdesk.main import create_app


async def scrape(client: httpx.AsyncClient) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    res = await client.get("/metrics")
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/plain")
    values = {}
    for family in text_string_to_metric_families(res.text):
        for sample in family.samples:
            values[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return values


def requests(values: dict, route: str, status: str, method: str = "GET") -> float:  # type: ignore[type-arg]
    key = ("frontdesk_http_requests_total", (("method", method), ("route", route), ("status", status)))
    return float(values.get(key, 0.0))


async def test_requests_are_counted_by_route_template(client: httpx.AsyncClient) -> None:
    before = await scrape(client)
    for token in ("a-token", "another-token", "a-third"):
        await client.get(f"/api/v1/livechat/visitor/{token}")
    await client.get("/api/v1/no.such.thing")
    await client.request("BREW", "/livez")
    after = await scrape(client)
    brewed = [k for k in after if k[0] == "frontdesk_http_requests_total" and ("route", "/livez") in k[1]]
    assert {dict(k[1])["method"] for k in brewed} <= {"GET", "other"}  # invented methods stay one label
    template = "/api/v1/livechat/visitor/{token}"
    assert requests(after, template, "400") - requests(before, template, "400") == 3
    assert requests(after, "(unmatched)", "404") - requests(before, "(unmatched)", "404") == 1
    assert not [k for k in after if "a-token" in str(k)]  # raw paths never become labels
    latency = ("frontdesk_http_request_duration_seconds_count", (("method", "GET"), ("route", template)))
    assert after[latency] - before.get(latency, 0.0) == 3


async def test_page_cache_lookups_and_pool(client: httpx.AsyncClient) -> None:
    headers = await admin_headers(client)
    before = await scrape(client)
    for _ in range(3):  # a miss, then two hits
        assert (await client.get("/api/v1/livechat/rooms", headers=headers)).status_code == 200
    after = await scrape(client)
    hit = ("frontdesk_page_cache_lookups_total", (("result", "hit"),))
    miss = ("frontdesk_page_cache_lookups_total", (("result", "miss"),))
    assert after[hit] - before[hit] == 2 and after[miss] - before[miss] == 1
    rooms = "/api/v1/livechat/rooms"  # cached answers are counted under their route too
    assert requests(after, rooms, "200") - requests(before, rooms, "200") == 3
    assert after[("frontdesk_db_pool_size", ())] >= 4
    assert after[("frontdesk_db_pool_connections_in_use", ())] >= 0


async def test_chats_waiting_for_an_agent(client: httpx.AsyncClient) -> None:
    await set_setting(client, "Livechat_accept_chats_with_no_agents", True)
    for _ in range(2):
        visitor = await make_visitor(client)
        await open_room(client, visitor["token"])
    values = await scrape(client)
    waiting = values[("frontdesk_inquiries_waiting", (("status", "ready"),))]
    waiting += values[("frontdesk_inquiries_waiting", (("status", "queued"),))]
    assert waiting == 2


async def test_metrics_port_moves_them_off_the_main_port(settings: Settings, tmp_path: Path) -> None:
    app = create_app(settings.model_copy(update={"METRICS_PORT": 9464}))
    app.state.desk_dir = tmp_path  # not built: `/` is the links page, which says where the metrics went
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            res = await client.get("/metrics")
            page = await client.get("/")
    assert res.status_code == 404
    assert "port 9464" in page.text
