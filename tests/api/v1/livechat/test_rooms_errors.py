"""GET livechat/rooms: every error row of docs/api/livechat-api.md §2.6, the order they win, permissions."""

from __future__ import annotations

import httpx
import pytest

from factories import admin_headers, insert_rooms, login, make_user, room_doc
from frontdesk.clock import iso
from frontdesk.db.engine import Database

URL = "/api/v1/livechat/rooms"
T0 = 1_700_000_000_000


def invalid_params(message: str) -> dict[str, object]:
    return {"success": False, "error": f"{message} [invalid-params]", "errorType": "invalid-params"}


async def test_unauthenticated_is_401(client: httpx.AsyncClient) -> None:
    res = await client.get(URL)
    assert res.status_code == 401
    assert res.json() == {
        "success": False,
        "error": "You must be logged in to do this.",
        "status": "error",
        "message": "You must be logged in to do this.",
    }
    # authentication is checked before anything else
    assert (await client.get(f"{URL}?foo=bar&sort=bad")).status_code == 401


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("agents=invalid", "must be array"),
        ("tags=invalid", "must be array"),
        ("roomName[]=invalid", "must be string"),
        ("departmentId[test]=true", "must be string\n must be array\n must match a schema in anyOf"),
        ("open[]=true", "must be string\n must be boolean\n must match a schema in anyOf"),
        ("count=abc", "must be number"),
        ("offset=1x", "must be number"),
        ("foo=bar", "must NOT have additional properties"),
    ],
)
async def test_schema_violations(client: httpx.AsyncClient, query: str, message: str) -> None:
    res = await client.get(f"{URL}?{query}", headers=await admin_headers(client))
    assert res.status_code == 400
    assert res.json() == invalid_params(message)


@pytest.mark.parametrize("raw", ['{"ts":2}', "notjson", '["ts"]', '{"ts":"1"}', '{"ts":true}', "{", "null"])
async def test_bad_sort(client: httpx.AsyncClient, raw: str) -> None:
    res = await client.get(URL, params={"sort": raw}, headers=await admin_headers(client))
    assert res.status_code == 400
    assert res.json() == {
        "success": False,
        "error": f'Invalid sort parameter provided: "{raw}" [error-invalid-sort]',
        "errorType": "error-invalid-sort",
    }


@pytest.mark.parametrize("raw", ['{"fname":1,"msgs":0}', '{"fname":2}', "nope", '["fname"]'])
async def test_bad_fields(client: httpx.AsyncClient, raw: str) -> None:
    res = await client.get(URL, params={"fields": raw}, headers=await admin_headers(client))
    assert res.status_code == 400
    assert res.json() == {
        "success": False,
        "error": f'Invalid fields parameter provided: "{raw}" [error-invalid-fields]',
        "errorType": "error-invalid-fields",
    }


async def test_bad_dates(client: httpx.AsyncClient) -> None:
    h = await admin_headers(client)
    res = await client.get(URL, params={"createdAt": "invalid"}, headers=h)
    assert res.status_code == 400
    body = res.json()
    assert body["success"] is False and "errorType" not in body
    assert body["error"] == "Unexpected token 'i', \"invalid\" is not valid JSON"
    for name in ("createdAt", "closedAt"):
        for edge in ("start", "end"):
            res = await client.get(URL, params={name: f'{{"{edge}":"yesterday-ish"}}'}, headers=h)
            assert res.status_code == 400
            assert res.json()["error"] == f'The "{name}.{edge}" query parameter must be a valid date.'


@pytest.mark.parametrize("raw", ["invalid", "[1]", "null", '"text"', "5"])
async def test_bad_custom_fields(client: httpx.AsyncClient, raw: str) -> None:
    res = await client.get(URL, params={"customFields": raw}, headers=await admin_headers(client))
    assert res.status_code == 400
    assert res.json()["error"] == 'The "customFields" query parameter must be a valid JSON.'


async def test_invalid_regex_in_custom_fields_is_a_400(client: httpx.AsyncClient) -> None:
    res = await client.get(URL, params={"customFields": '{"a":"("}'}, headers=await admin_headers(client))
    assert res.status_code == 400 and res.json()["success"] is False


async def test_error_precedence(client: httpx.AsyncClient, db: Database) -> None:
    """validation, then sort, then dates, then permission, then customFields."""
    agent = await make_user(db, ["user", "livechat-agent"])
    h = await login(client, agent["username"], agent["password"])
    r = await client.get(URL, params={"foo": "1", "sort": "bad"}, headers=h)
    assert r.json()["errorType"] == "invalid-params"
    r = await client.get(URL, params={"sort": "bad", "createdAt": "bad"}, headers=h)
    assert r.json()["errorType"] == "error-invalid-sort"
    r = await client.get(URL, params={"createdAt": "bad"}, headers=h)
    assert r.status_code == 400 and "JSON" in r.json()["error"]
    r = await client.get(URL, params={"customFields": "bad"}, headers=h)
    assert r.status_code == 403


async def test_non_utf8_and_odd_input_never_500(client: httpx.AsyncClient) -> None:
    h = await admin_headers(client)
    for raw in (
        b"roomName=%ff%fe",
        b"roomName=%",
        b"%%%=1",
        b"sort=%7B%22ts%22%3A-1%7D&&&&",
        b"count=-5",
        b"offset=-3",
        b"count=1e3",
        b"open=",
        b"onhold=",
        b"queued=",
        b"departmentId=",
        b"roomName=" + b"a" * 5000,
        b"a[b][c][d][e][f][g]=1",
    ):
        res = await client.get(URL + "?" + raw.decode("latin-1"), headers=h)
        assert res.status_code in (200, 400), (raw, res.status_code, res.text)
        assert res.json()["success"] is (res.status_code == 200)


async def test_permissions(client: httpx.AsyncClient, db: Database) -> None:
    agent = await make_user(db, ["user", "livechat-agent"])
    other = await make_user(db, ["user", "livechat-agent"])
    manager = await make_user(db, ["user", "livechat-manager"])
    plain = await make_user(db, ["user"])
    mine = room_doc(T0, servedBy={"_id": agent["id"], "username": agent["username"], "ts": iso(T0)})
    theirs = room_doc(T0 + 1, servedBy={"_id": other["id"], "username": other["username"], "ts": iso(T0)})
    await insert_rooms(db, [mine, theirs])
    forbidden = {"success": False, "error": "unauthorized"}

    ah = await login(client, agent["username"], agent["password"])
    assert (await client.get(URL, headers=ah)).status_code == 403
    assert (await client.get(URL, headers=ah)).json() == forbidden
    own = await client.get(f"{URL}?agents[]={agent['id']}", headers=ah)
    assert own.status_code == 200 and [r["_id"] for r in own.json()["rooms"]] == [mine["_id"]]
    assert (await client.get(f"{URL}?agents[]={other['id']}", headers=ah)).status_code == 403
    both = f"{URL}?agents[]={agent['id']}&agents[]={other['id']}"
    assert (await client.get(both, headers=ah)).status_code == 403

    mh = await login(client, manager["username"], manager["password"])
    assert (await client.get(URL, headers=mh)).json()["total"] == 2

    ph = await login(client, plain["username"], plain["password"])
    assert (await client.get(f"{URL}?agents[]={plain['id']}", headers=ph)).status_code == 403

    # permissions are data: granting view-livechat-rooms to livechat-agent opens the full list
    admin = await admin_headers(client)
    roles = ["livechat-manager", "livechat-monitor", "admin", "livechat-agent"]
    res = await client.post(
        "/api/v1/permissions.update",
        headers=admin,
        json={"permissions": [{"_id": "view-livechat-rooms", "roles": roles}]},
    )
    assert res.status_code == 200, res.text
    assert (await client.get(URL, headers=ah)).json()["total"] == 2


async def test_filters_endpoint(client: httpx.AsyncClient, db: Database) -> None:
    app_source = {
        "type": "app",
        "id": "wa-1",
        "alias": "WhatsApp Cloud",
        "label": "+1 555",
        "sidebarIcon": "whatsapp",
        "defaultIcon": "whatsapp",
    }
    await insert_rooms(
        db,
        [
            room_doc(T0, source={"type": "api"}),
            room_doc(T0 + 1, source={"type": "widget"}),
            room_doc(T0 + 2, source=app_source),
            room_doc(T0 + 3, source=app_source),
        ],
    )
    res = await client.get("/api/v1/livechat/rooms/filters", headers=await admin_headers(client))
    assert res.status_code == 200
    filters = res.json()["filters"]
    assert {"type": "api"} in filters and {"type": "widget"} in filters
    assert {
        "type": "app",
        "id": "wa-1",
        "alias": "WhatsApp Cloud",
        "sidebarIcon": "whatsapp",
        "defaultIcon": "whatsapp",
    } in filters
    assert len(filters) == 3
    plain = await make_user(db, ["user"])
    ph = await login(client, plain["username"], plain["password"])
    assert (await client.get("/api/v1/livechat/rooms/filters", headers=ph)).status_code == 403


async def test_regex_is_judged_the_same_on_both_engines(client: httpx.AsyncClient) -> None:
    # RE2 matches customFields on SQLite and PostgreSQL alike: a named group is valid on both (PostgreSQL's
    # own engine refused it), a backreference is refused on both.
    headers = await admin_headers(client)
    res = await client.get(URL, params={"customFields": '{"a":"(?P<n>y)"}'}, headers=headers)
    assert res.status_code == 200
    res = await client.get(URL, params={"customFields": '{"a":"(y)\\\\1"}'}, headers=headers)
    assert res.status_code == 400 and res.json()["error"].startswith("Invalid regular expression")
