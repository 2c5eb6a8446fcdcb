"""GET livechat/analytics/*: every route's Rocket.Chat shape and values over a small known set of rooms,
and its errors (bad dates, end before start, unknown department, no permission) in Rocket.Chat's shape."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from factories import admin_headers, insert_rooms, login, make_department, make_user, room_doc
from frontdesk.clock import iso
from frontdesk.db.engine import Database

T0 = 1_793_577_600_000  # 2026-11-02T00:00:00Z, a Monday
HOUR = 3_600_000
DAY = 24 * HOUR
PERIOD = f"start={iso(T0)}&end={iso(T0 + DAY - 1)}"
DASHBOARDS = [
    "conversation-totalizers",
    "agents-productivity-totalizers",
    "chats-totalizers",
    "productivity-totalizers",
    "charts/chats",
    "charts/chats-per-agent",
    "charts/chats-per-department",
    "charts/timings",
    "charts/agents-status",
    "conversations-by-source",
    "conversations-by-status",
    "conversations-by-department",
    "conversations-by-tags",
    "conversations-by-agent",
]


@pytest.fixture
async def desk(client: httpx.AsyncClient, db: Database) -> dict[str, Any]:
    sales, support = await make_department(db, "Sales"), await make_department(db, "Support")
    a = await make_user(db, ["user", "livechat-agent"])
    b = await make_user(db, ["user", "livechat-agent"])

    def by(agent: dict[str, str], ts: int) -> dict[str, Any]:
        return {"_id": agent["id"], "username": agent["username"], "ts": iso(ts)}

    closed = {"response": {"avg": 10, "ft": 20}, "reaction": {"ft": 5}, "chatDuration": 100}
    await insert_rooms(
        db,
        [
            room_doc(
                T0 + HOUR,
                departmentId=sales,
                servedBy=by(a, T0 + HOUR),
                msgs=4,
                tags=["vip"],
                open=None,
                closedAt=iso(T0 + 2 * HOUR),
                metrics=closed,
                waitingResponse=False,
            ),
            room_doc(
                T0 + 2 * HOUR,
                departmentId=sales,
                servedBy=by(b, T0 + 2 * HOUR),
                msgs=6,
                tags=["vip", "bug"],
                metrics={"response": {"avg": 30, "ft": 40}, "reaction": {"ft": 15}},
            ),
            room_doc(T0 + 3 * HOUR, msgs=1, source={"type": "api"}),
            room_doc(
                T0 + 10 * HOUR, departmentId=support, servedBy=by(a, T0 + 10 * HOUR), msgs=3, onHold=True
            ),
            room_doc(T0 + 3 * DAY, departmentId=sales, servedBy=by(b, T0 + 3 * DAY), msgs=50),
        ],
    )
    return {"headers": await admin_headers(client), "sales": sales, "support": support, "a": a, "b": b}


async def _get(client: httpx.AsyncClient, desk: dict[str, Any], path: str, query: str = PERIOD) -> Any:
    res = await client.get(f"/api/v1/livechat/analytics/{path}?{query}", headers=desk["headers"])
    assert res.status_code == 200, res.text
    return res.json()


def _titles(body: Any) -> dict[str, Any]:
    assert body["success"] is True
    return {t["title"]: t["value"] for t in body["totalizers"]}


async def test_totalizers(client: httpx.AsyncClient, desk: dict[str, Any]) -> None:
    got = _titles(await _get(client, desk, "dashboards/conversation-totalizers"))
    assert got == {
        "Total_conversations": 4,
        "Open_conversations": 1,
        "On_Hold_conversations": 1,
        "Total_messages": 14,
        "Total_visitors": 4,
    }
    got = _titles(await _get(client, desk, "dashboards/productivity-totalizers"))
    assert got == {
        "Avg_response_time": "00:00:20",
        "Avg_first_response_time": "00:00:30",
        "Avg_reaction_time": "00:00:10",
        "Avg_of_waiting_time": "00:00:20",
    }
    got = _titles(await _get(client, desk, "dashboards/chats-totalizers"))
    assert got == {
        "Total_abandoned_chats": 0,
        "Avg_of_abandoned_chats": "0%",
        "Avg_of_chat_duration_time": "00:01:40",
    }
    got = _titles(await _get(client, desk, "dashboards/agents-productivity-totalizers"))
    assert got["Busiest_time"] == "2AM - 3AM"
    assert set(got) == {"Busiest_time", "Avg_of_available_service_time", "Avg_of_service_time"}
    in_sales = _titles(
        await _get(
            client, desk, "dashboards/conversation-totalizers", f"{PERIOD}&departmentId={desk['sales']}"
        )
    )
    assert in_sales["Total_conversations"] == 2 and in_sales["Total_messages"] == 10


async def test_charts(client: httpx.AsyncClient, desk: dict[str, Any]) -> None:
    a, b = desk["a"]["username"], desk["b"]["username"]
    chats = await _get(client, desk, "dashboards/charts/chats")
    assert chats == {"open": 1, "closed": 1, "queued": 1, "onhold": 1, "success": True}
    per_agent = await _get(client, desk, "dashboards/charts/chats-per-agent")
    assert per_agent == {
        a: {"open": 0, "closed": 1, "onhold": 1},
        b: {"open": 1, "closed": 0, "onhold": 0},
        "success": True,
    }
    per_dept = await _get(client, desk, "dashboards/charts/chats-per-department")
    assert per_dept == {"Sales": {"open": 1, "closed": 1}, "success": True}
    timings = await _get(client, desk, "dashboards/charts/timings")
    assert timings == {
        "response": {"avg": 20, "longest": 30},
        "reaction": {"avg": 10, "longest": 15},
        "chatDuration": {"avg": 100, "longest": 100},
        "success": True,
    }
    status = await _get(client, desk, "dashboards/charts/agents-status", "")
    assert status == {"offline": 2, "away": 0, "busy": 0, "available": 0, "success": True}


async def test_reports(client: httpx.AsyncClient, desk: dict[str, Any]) -> None:
    by_status = await _get(client, desk, "dashboards/conversations-by-status")
    assert by_status["total"] == 4
    assert {d["label"]: d["value"] for d in by_status["data"]} == {
        "Open": 1,
        "Closed": 1,
        "Queued": 1,
        "On_Hold": 1,
    }
    by_source = await _get(client, desk, "dashboards/conversations-by-source")
    assert by_source == {
        "data": [{"label": "widget", "value": 3}, {"label": "api", "value": 1}],
        "total": 4,
        "success": True,
    }
    by_dept = await _get(client, desk, "dashboards/conversations-by-department")
    assert by_dept == {
        "data": [{"label": "Support", "value": 1}, {"label": "Sales", "value": 2}],
        "total": 3,
        "unspecified": 1,
        "success": True,
    }
    by_dept = await _get(
        client, desk, "dashboards/conversations-by-department", f'{PERIOD}&sort={{"total":-1}}'
    )
    assert [d["label"] for d in by_dept["data"]] == ["Sales", "Support"]
    by_tags = await _get(client, desk, "dashboards/conversations-by-tags")
    assert by_tags == {
        "data": [{"label": "bug", "value": 1}, {"label": "vip", "value": 2}],
        "total": 3,
        "unspecified": 2,
        "success": True,
    }
    by_agent = await _get(client, desk, "dashboards/conversations-by-agent")
    names = {desk["a"]["username"].title(): 2, desk["b"]["username"].title(): 1}
    assert {d["label"]: d["value"] for d in by_agent["data"]} == names
    assert by_agent["total"] == 3 and by_agent["unspecified"] == 1


async def test_overview_and_agent_overview(client: httpx.AsyncClient, desk: dict[str, Any]) -> None:
    days = "from=2026-11-02&to=2026-11-02"
    body = await _get(client, desk, "overview", f"{days}&name=Conversations")
    assert {t["title"]: t["value"] for t in body} == {
        "Total_conversations": 4,
        "Open_conversations": 1,
        "On_Hold_conversations": 1,
        "Total_messages": 14,
        "Busiest_day": "Monday",
        "Conversations_per_day": "4.00",
        "Busiest_time": "2AM - 3AM",
    }
    body = await _get(client, desk, "overview", f"{days}&name=Productivity")
    assert [t["title"] for t in body] == ["Avg_response_time", "Avg_first_response_time", "Avg_reaction_time"]
    assert await _get(client, desk, "overview", f"{days}&name=Nope") == {"success": True}
    body = await _get(client, desk, "agent-overview", f"{days}&name=Total_conversations")
    assert body["head"] == [{"name": "Agent"}, {"name": "Total_conversations"}]
    assert body["data"] == [
        {"name": desk["a"]["username"], "value": "66.67%"},
        {"name": desk["b"]["username"], "value": "33.33%"},
    ]
    body = await _get(client, desk, "agent-overview", f"{days}&name=Avg_first_response_time")
    assert body["data"] == [
        {"name": desk["a"]["username"], "value": "00:00:20"},
        {"name": desk["b"]["username"], "value": "00:00:40"},
    ]
    body = await _get(client, desk, "agent-overview", "from=2026-11-02&to=2026-11-05&name=Total_messages")
    assert body["data"] == [
        {"name": desk["b"]["username"], "value": 56},
        {"name": desk["a"]["username"], "value": 7},
    ]


@pytest.mark.parametrize("path", DASHBOARDS)
async def test_every_dashboard_checks_its_input(
    client: httpx.AsyncClient, desk: dict[str, Any], path: str
) -> None:
    url = f"/api/v1/livechat/analytics/dashboards/{path}"
    headers, period = desk["headers"], "" if path == "charts/agents-status" else PERIOD
    assert (await client.get(f"{url}?{period}")).status_code == 401
    agent = await login(client, desk["a"]["username"], desk["a"]["password"])
    refused = await client.get(f"{url}?{period}", headers=agent)
    assert refused.status_code == 403
    denied = "User does not have the permissions required for this action [error-unauthorized]"
    assert refused.json() == {"success": False, "error": denied}
    unknown = await client.get(f"{url}?{period}&departmentId=nope", headers=headers)
    assert unknown.status_code == 400 and unknown.json()["success"] is False
    assert "departmentId" in unknown.json()["error"]
    if path == "charts/agents-status":
        return
    cases = {
        "": "must have required property 'start'",
        f"start=yesterday&end={iso(T0)}": 'The "start" query parameter must be a valid date.',
        f"start={iso(T0)}&end=2026-13-45": 'The "end" query parameter must be a valid date.',
        f"start={iso(T0 + DAY)}&end={iso(T0)}": 'The "start" query parameter must be before the "end"',
    }
    for query, error in cases.items():
        res = await client.get(f"{url}?{query}", headers=headers)
        assert res.status_code == 400, (query, res.text)
        assert res.json()["success"] is False and error in res.json()["error"], (query, res.text)


@pytest.mark.parametrize("path", ["overview", "agent-overview"])
async def test_overviews_check_their_input(
    client: httpx.AsyncClient, desk: dict[str, Any], path: str
) -> None:
    url = f"/api/v1/livechat/analytics/{path}"
    agent = await login(client, desk["a"]["username"], desk["a"]["password"])
    days = "from=2026-11-02&to=2026-11-03"
    assert (await client.get(f"{url}?{days}&name=Total_conversations", headers=agent)).status_code == 403
    for query, error in {
        f"{days}&name=": "invalid-chart-name",
        "from=02/11/2026&to=2026-11-03&name=Conversations": 'The "from" query parameter must be a date',
        "from=2026-11-03&to=2026-11-02&name=Conversations": 'The "from" query parameter must be before',
        f"{days}&name=Conversations&departmentId=nope": "departmentId",
        "name=Conversations": "must have required property",
    }.items():
        res = await client.get(f"{url}?{query}", headers=desk["headers"])
        assert res.status_code == 400, (query, res.text)
        assert error in res.json()["error"], (query, res.text)
