"""GET /api/v1/livechat/rooms over HTTP: filters, errors, permissions, page edges, sort, fields."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from factories import admin_headers, insert_rooms, make_department, make_user, room_doc
from frontdesk.clock import iso
from frontdesk.db.engine import Database

URL = "/api/v1/livechat/rooms"
DAY = 86_400_000
T0 = 1_700_000_000_000


@pytest.fixture
async def world(client: httpx.AsyncClient, db: Database) -> dict[str, Any]:
    """Five rooms, one per status, across two departments and two agents."""
    agent_a = await make_user(db, ["user", "livechat-agent"])
    agent_b = await make_user(db, ["user", "livechat-agent"])
    sales = await make_department(db, "Sales")
    support = await make_department(db, "Support")

    def served(agent: dict[str, str], ts: int) -> dict[str, Any]:
        return {"_id": agent["id"], "username": agent["username"], "ts": iso(ts)}

    rooms = {
        "served": room_doc(
            T0,
            fname="Alice Smith",
            departmentId=sales,
            servedBy=served(agent_a, T0 + 5),
            tags=["vip"],
            livechatData={"plan": "Gold", "region": "EU"},
        ),
        "queued": room_doc(T0 + DAY, fname="Bob Jones", departmentId=support),
        "onhold": room_doc(
            T0 + 2 * DAY,
            fname="Carol 100%_off",
            servedBy=served(agent_a, T0 + 2 * DAY),
            onHold=True,
            livechatData={"plan": "silver"},
        ),
        "closed": room_doc(
            T0 + 3 * DAY,
            fname="Dave Smith",
            departmentId=sales,
            open=None,
            servedBy=served(agent_b, T0 + 3 * DAY),
            closedAt=iso(T0 + 3 * DAY + 60_000),
            closer="user",
            tags=["billing", "vip"],
            metrics={"chatDuration": 60.0},
        ),
        "closed_unserved": room_doc(
            T0 + 4 * DAY,
            fname="Émile Zola",
            open=None,
            closedAt=iso(T0 + 4 * DAY + 30_000),
            closer="visitor",
            source={"type": "api"},
        ),
    }
    await insert_rooms(db, list(rooms.values()))
    return {
        "rooms": {k: v["_id"] for k, v in rooms.items()},
        "docs": rooms,
        "agent_a": agent_a,
        "agent_b": agent_b,
        "sales": sales,
        "support": support,
        "admin": await admin_headers(client),
    }


async def ids(client: httpx.AsyncClient, headers: dict[str, str], query: str) -> set[str]:
    res = await client.get(f"{URL}?{query}", headers=headers)
    assert res.status_code == 200, res.text
    body = res.json()
    assert body["count"] == len(body["rooms"])
    return {r["_id"] for r in body["rooms"]}


def names(world: dict[str, Any], *keys: str) -> set[str]:
    return {world["rooms"][k] for k in keys}


ALL = ("served", "queued", "onhold", "closed", "closed_unserved")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ALL),
        ("open=true", ("served",)),
        ("open=false", ("closed", "closed_unserved")),
        ("open=maybe", ALL),
        ("queued=true", ("queued",)),
        ("queued=1&open=false", ("queued",)),
        ("onhold=true", ("onhold",)),
        ("onhold=t&open=true", ("onhold",)),
        ("onhold=false", ALL),
        ("roomName=smith", ("served", "closed")),
        ("roomName=SMITH", ("served", "closed")),
        ("roomName=%22Alice%20Smith%22", ("served",)),
        ("roomName=%22alice smith%22", ()),
        ("roomName=100%25_", ("onhold",)),
        ("roomName=%25", ("onhold",)),
        ("roomName=.*", ()),
        ("roomName=émile", ("closed_unserved",)),
        ("tags[]=vip", ("served", "closed")),
        ("tags[]=billing&tags[]=nothing", ("closed",)),
        ("tags[0]=nothing", ()),
        ('customFields={"plan":"gold"}', ("served",)),
        ('customFields={"plan":"^s"}', ("onhold",)),
        ('customFields={"plan":"l","region":"eu"}', ("served",)),
        ("customFields={}", ALL),
    ],
)
async def test_filters(
    client: httpx.AsyncClient, world: dict[str, Any], query: str, expected: tuple[str, ...]
) -> None:
    assert await ids(client, world["admin"], query) == names(world, *expected)


async def test_department_and_agent_filters(client: httpx.AsyncClient, world: dict[str, Any]) -> None:
    h = world["admin"]
    assert await ids(client, h, f"departmentId={world['sales']}") == names(world, "served", "closed")
    both = f"departmentId[]={world['sales']}&departmentId[]={world['support']}"
    assert await ids(client, h, both) == names(world, "served", "closed", "queued")
    assert await ids(client, h, "departmentId=undefined") == names(world, *ALL)
    assert await ids(client, h, f"agents[]={world['agent_a']['id']}") == names(world, "served", "onhold")
    two = f"agents[]={world['agent_a']['id']}&agents[]={world['agent_b']['id']}"
    assert await ids(client, h, two + "&open=false") == names(world, "closed")


async def test_date_filters(client: httpx.AsyncClient, world: dict[str, Any]) -> None:
    h = world["admin"]
    start, end = iso(T0 + DAY), iso(T0 + 3 * DAY)
    got = await ids(client, h, f'createdAt={{"start":"{start}","end":"{end}"}}')
    assert got == names(world, "queued", "onhold", "closed")
    assert await ids(client, h, f'createdAt={{"start":"{iso(T0 + 4 * DAY)}"}}') == names(
        world, "closed_unserved"
    )
    assert await ids(client, h, f'closedAt={{"end":"{iso(T0 + 3 * DAY + 60_000)}"}}') == names(
        world, "closed"
    )
    # Rocket.Chat turns `{}` into `ts: {}`, which matches nothing.
    assert await ids(client, h, "createdAt={}") == set()


async def test_response_shape_and_department_attached(
    client: httpx.AsyncClient, world: dict[str, Any]
) -> None:
    res = await client.get(f"{URL}?roomName=%22Alice%20Smith%22", headers=world["admin"])
    assert res.headers["content-type"] == "application/json"
    assert res.headers["cache-control"] == "no-store" and res.headers["pragma"] == "no-cache"
    body = res.json()
    assert list(body) == ["rooms", "count", "offset", "total", "success"]
    assert body["count"] == 1 and body["offset"] == 0 and body["total"] == 1 and body["success"] is True
    room = body["rooms"][0]
    expected = dict(world["docs"]["served"])
    expected["department"] = {"_id": world["sales"], "name": "Sales"}
    assert room == expected
    assert (
        "department"
        not in (await client.get(f"{URL}?queued=true&departmentId=x", headers=world["admin"])).json()
    )


async def test_default_sort_newest_first_and_custom_sorts(
    client: httpx.AsyncClient, world: dict[str, Any]
) -> None:
    h = world["admin"]
    r = world["rooms"]
    newest = [x["_id"] for x in (await client.get(URL, headers=h)).json()["rooms"]]
    assert newest == [r["closed_unserved"], r["closed"], r["onhold"], r["queued"], r["served"]]
    oldest = [x["_id"] for x in (await client.get(f'{URL}?sort={{"ts":1}}', headers=h)).json()["rooms"]]
    assert oldest == newest[::-1]
    by_name = [x["fname"] for x in (await client.get(f'{URL}?sort={{"fname":1}}', headers=h)).json()["rooms"]]
    assert by_name == sorted(by_name)
    # closed rooms have no `open` field and sort before open ones ascending, as in MongoDB
    by_open = [
        x.get("open") for x in (await client.get(f'{URL}?sort={{"open":1}}', headers=h)).json()["rooms"]
    ]
    assert by_open == [None, None, True, True, True]
    desc = [x.get("open") for x in (await client.get(f'{URL}?sort={{"open":-1}}', headers=h)).json()["rooms"]]
    assert desc == [True, True, True, None, None]
    # a field without a column of its own is sorted from the stored document
    chat = (await client.get(f'{URL}?sort={{"metrics.chatDuration":-1}}', headers=h)).json()["rooms"]
    assert chat[0]["_id"] == r["closed"]
    multi = (await client.get(f'{URL}?sort={{"departmentId":1,"ts":-1}}', headers=h)).json()["rooms"]
    assert [x["_id"] for x in multi][:2] == [r["closed_unserved"], r["onhold"]]


async def test_fields_projection(client: httpx.AsyncClient, world: dict[str, Any]) -> None:
    h = world["admin"]
    inc = (await client.get(f'{URL}?fields={{"fname":1,"v.username":1}}&open=true', headers=h)).json()[
        "rooms"
    ]
    assert inc == [
        {
            "_id": world["rooms"]["served"],
            "fname": "Alice Smith",
            "v": {"username": world["docs"]["served"]["v"]["username"]},
        }
    ]
    exc = (await client.get(f'{URL}?fields={{"v":0,"msgs":0}}&open=true', headers=h)).json()["rooms"][0]
    assert "v" not in exc and "msgs" not in exc and exc["fname"] == "Alice Smith"
    assert exc["department"]["name"] == "Sales"
    dept = (await client.get(f'{URL}?fields={{"department.name":1}}&open=true', headers=h)).json()["rooms"][0]
    assert dept == {"_id": world["rooms"]["served"], "department": {"name": "Sales"}}


async def test_pagination_edges(client: httpx.AsyncClient, db: Database) -> None:
    h = await admin_headers(client)
    await insert_rooms(db, [room_doc(T0 + i * 1000) for i in range(130)])

    async def page(q: str) -> dict[str, Any]:
        res = await client.get(f"{URL}?{q}", headers=h)
        assert res.status_code == 200, res.text
        body: dict[str, Any] = res.json()
        return body

    assert (await page(""))["count"] == 50
    assert (await page("count=1"))["count"] == 1
    assert (await page("count=100"))["count"] == 100
    assert (await page("count=101"))["count"] == 100
    everything = await page("count=0")
    assert everything["count"] == 130 and everything["total"] == 130
    assert len({r["_id"] for r in everything["rooms"]}) == 130
    past = await page("offset=500")
    assert past["rooms"] == [] and past["count"] == 0 and past["total"] == 130 and past["offset"] == 500
    huge = await page("offset=99999999999999999999")
    assert huge["count"] == 0 and huge["total"] == 130
    tail = await page("offset=120&count=50")
    assert tail["count"] == 10
    # paging through with offset/count visits every room exactly once, in order
    seen: list[str] = []
    offset = 0
    while True:
        chunk = await page(f"offset={offset}&count=7")
        seen += [r["_id"] for r in chunk["rooms"]]
        if chunk["count"] < 7:
            break
        offset += 7
    assert seen == [r["_id"] for r in everything["rooms"]]
    streamed_offset = await page("count=0&offset=125")
    assert streamed_offset["count"] == 5 and streamed_offset["offset"] == 125


async def test_infinite_count_can_be_disabled(client: httpx.AsyncClient, db: Database) -> None:
    h = await admin_headers(client)
    await insert_rooms(db, [room_doc(T0 + i) for i in range(60)])
    res = await client.post("/api/v1/settings/API_Allow_Infinite_Count", json={"value": False}, headers=h)
    assert res.status_code == 200
    assert (await client.get(f"{URL}?count=0", headers=h)).json()["count"] == 50
