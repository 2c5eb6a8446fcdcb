"""`frontdesk demo` leaves a desk someone can try: departments with agents, one on duty in each, whose
login it prints, and a visitor's chat routed at once to the department's agent on duty."""

from __future__ import annotations

import httpx
import pytest

from chat import make_visitor, open_room
from factories import admin_headers, login
from frontdesk.config import Settings
from frontdesk.demo import load_demo
from frontdesk.demo.catalog import TEAMS

NOW = 1_700_000_000_000


async def test_every_department_has_agents_and_one_on_duty(
    client: httpx.AsyncClient, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    headers = await admin_headers(client)
    cast = await load_demo(settings, rooms=80, seed=5, now_ms=NOW, progress=False, password="demo-pass-1")
    out = capsys.readouterr().out
    for url in ("http://localhost:3000/", "/livechat?mode=popout", "http://localhost:3000/api/docs"):
        assert url in out
    assert "Password of every demo account: demo-pass-1" in out
    for username in (*cast.on_duty.values(), cast.manager):
        assert username in out

    departments = (await client.get("/api/v1/livechat/department", headers=headers)).json()["departments"]
    assert {d["name"] for d in departments} == set(TEAMS)
    agents = (await client.get("/api/v1/livechat/users/agent", params={"count": 0}, headers=headers)).json()[
        "users"
    ]
    available = {a["username"] for a in agents if a.get("statusLivechat") == "available"}
    assert available == set(cast.on_duty.values())
    for department in departments:
        members = (
            await client.get(f"/api/v1/livechat/department/{department['_id']}/agents", headers=headers)
        ).json()["agents"]
        assert [m["username"] for m in members] == list(TEAMS[department["name"]])
        assert department["numAgents"] == len(TEAMS[department["name"]])

    for department in departments:
        on_duty = cast.on_duty[department["name"]]
        agent = await login(client, on_duty, "demo-pass-1")  # the printed password works
        visitor = await make_visitor(client, department=department["_id"])
        room = await open_room(client, visitor["token"])
        assert room["servedBy"]["username"] == on_duty
        res = await client.get("/api/v1/subscriptions.getOne", params={"roomId": room["_id"]}, headers=agent)
        assert res.status_code == 200 and res.json()["subscription"]["u"]["username"] == on_duty


async def test_a_second_run_resets_the_password_and_keeps_one_team(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    headers = await admin_headers(client)
    await load_demo(settings, rooms=20, seed=1, now_ms=NOW, progress=False, password="first")
    cast = await load_demo(settings, rooms=20, seed=2, now_ms=NOW, progress=False)
    assert cast.password and cast.password != "first"
    await login(client, cast.manager, cast.password)
    res = await client.post("/api/v1/login", json={"user": cast.manager, "password": "first"})
    assert res.status_code == 401
    departments = (await client.get("/api/v1/livechat/department", headers=headers)).json()["departments"]
    for department in departments:
        members = (
            await client.get(f"/api/v1/livechat/department/{department['_id']}/agents", headers=headers)
        ).json()["agents"]
        assert len(members) == len(TEAMS[department["name"]])  # not added twice


async def test_rooms_of_a_department_are_served_by_its_team(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    from frontdesk.demo.loader import Plan, generate_batch

    cast = await load_demo(settings, rooms=10, seed=1, now_ms=NOW, progress=False, password="x")
    batch = generate_batch(Plan(1, 0, NOW, 300, cast, 4), 0)
    team_of = {d.id: {cast.agents[i]["_id"] for i in d.team} for d in cast.departments}
    served = [r for r in batch.rooms if r.get("servedBy") and r.get("departmentId")]
    assert served and all(r["servedBy"]["_id"] in team_of[r["departmentId"]] for r in served)
