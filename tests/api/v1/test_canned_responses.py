"""Canned responses at Rocket.Chat's paths, with its scopes, tags, permissions and errors."""

from __future__ import annotations

from typing import Any

import httpx

from agent_chat import FORBIDDEN, call_method, create_department
from chat import make_agent
from factories import admin_headers
from frontdesk.db.engine import Database

URL = "/api/v1/canned-responses"


async def _save(client: httpx.AsyncClient, headers: dict[str, str], **body: Any) -> httpx.Response:
    return await client.post(URL, json=body, headers=headers)


async def _shortcuts(client: httpx.AsyncClient, headers: dict[str, str], **params: Any) -> list[str]:
    res = await client.get(URL, params=params, headers=headers)
    assert res.status_code == 200, res.text
    return [r["shortcut"] for r in res.json()["cannedResponses"]]


async def test_scopes_and_who_sees_them(client: httpx.AsyncClient, db: Database) -> None:
    mh = await admin_headers(client)
    ana = await make_agent(client, db)
    bob = await make_agent(client, db)
    sales = await create_department(client, "Sales", agents=(ana["id"],))
    support = await create_department(client, "Support", agents=(bob["id"],))
    assert (
        await _save(
            client, mh, shortcut="hello", text="Hello! How can I help?", scope="global", tags=["greeting"]
        )
    ).json() == {"success": True}
    assert (
        await _save(
            client,
            mh,
            shortcut="prices",
            text="See our price list",
            scope="department",
            departmentId=sales["_id"],
        )
    ).json()["success"]
    assert (
        await _save(
            client,
            mh,
            shortcut="refund",
            text="Refunds take 5 days",
            scope="department",
            departmentId=support["_id"],
            tags=["money"],
        )
    ).json()["success"]
    assert (
        await _save(client, ana["headers"], shortcut="ana-bye", text="Bye from Ana", scope="user")
    ).json()["success"]
    # an agent sees global, their departments' and their own
    assert await _shortcuts(client, ana["headers"]) == ["ana-bye", "hello", "prices"]
    assert await _shortcuts(client, bob["headers"]) == ["hello", "refund"]
    # a manager (view-all-canned-responses) sees them all
    assert await _shortcuts(client, mh) == ["ana-bye", "hello", "prices", "refund"]
    got = (await client.get(f"{URL}.get", headers=ana["headers"])).json()
    assert got["success"] is True and [r["shortcut"] for r in got["responses"]] == [
        "ana-bye",
        "hello",
        "prices",
    ]
    mine = (await client.get(URL, params={"shortcut": "ana-bye"}, headers=ana["headers"])).json()[
        "cannedResponses"
    ][0]
    assert (
        mine["scope"] == "user"
        and mine["userId"] == ana["id"]
        and mine["createdBy"] == {"_id": ana["id"], "username": ana["username"]}
    )
    assert mine["_createdAt"] and mine["_updatedAt"] and "departmentId" not in mine
    one = await client.get(f"{URL}/{mine['_id']}", headers=ana["headers"])
    assert one.json() == {"cannedResponse": mine, "success": True}
    hidden = await client.get(f"{URL}/{mine['_id']}", headers=bob["headers"])
    assert hidden.status_code == 404 and hidden.json() == {"success": False, "error": "Resource not found"}


async def test_filters_paging_and_sort(client: httpx.AsyncClient) -> None:
    mh = await admin_headers(client)
    for shortcut, text, tags in (
        ("a1", "Order status", ["orders"]),
        ("b2", "Shipping times", ["orders", "ship"]),
        ("c3", "Opening hours", []),
    ):
        await _save(client, mh, shortcut=shortcut, text=text, scope="global", tags=tags)
    assert await _shortcuts(client, mh, text="ORDER") == ["a1"]  # shortcut or text, any case
    assert await _shortcuts(client, mh, text="b2") == ["b2"]
    assert await _shortcuts(client, mh, tags="ship") == ["b2"]
    assert await _shortcuts(client, mh, **{"tags[]": ["orders", "nope"]}) == ["a1", "b2"]
    assert await _shortcuts(client, mh, scope="user") == []
    page = (
        await client.get(URL, params={"count": 2, "offset": 1, "sort": '{"shortcut": -1}'}, headers=mh)
    ).json()
    assert (
        [r["shortcut"] for r in page["cannedResponses"]] == ["b2", "a1"]
        and page["total"] == 3
        and page["offset"] == 1
    )
    assert await _shortcuts(client, mh, text='"quoted"') == []


async def test_save_rules_and_errors(client: httpx.AsyncClient, db: Database) -> None:
    mh = await admin_headers(client)
    ana = await make_agent(client, db)
    sales = await create_department(client, "Sales", agents=(ana["id"],))
    res = await _save(client, ana["headers"], shortcut="g", text="x", scope="global")
    assert res.status_code == 400 and res.json()["errorType"] == "error-not-allowed"
    assert (
        res.json()["error"] == "Not allowed to modify canned responses on *global* scope [error-not-allowed]"
    )
    res = await _save(
        client, ana["headers"], shortcut="d", text="x", scope="department", departmentId=sales["_id"]
    )
    assert (
        res.json()["error"]
        == "Not allowed to modify canned responses on *department* scope [error-not-allowed]"
    )
    await _save(client, mh, shortcut="dup", text="x", scope="global")
    assert (await _save(client, mh, shortcut="dup", text="y", scope="global")).json()[
        "errorType"
    ] == "error-invalid-shortcut"
    assert (await _save(client, mh, shortcut="d2", text="x", scope="department")).json()[
        "errorType"
    ] == "error-invalid-department"
    assert (await _save(client, mh, shortcut="d3", text="x", scope="department", departmentId="nope")).json()[
        "errorType"
    ] == "error-invalid-department"
    assert (await _save(client, mh, shortcut="s", text="x", scope="everyone")).json()[
        "errorType"
    ] == "error-invalid-scope"
    assert (await _save(client, mh, shortcut="", text="x", scope="global")).json()[
        "errorType"
    ] == "invalid-params"
    missing = await _save(client, mh, _id="nope", shortcut="n", text="x", scope="global")
    assert missing.json()["errorType"] == "error-canned-response-not-found"
    # update keeps the author; user scope drops a department
    [dup] = (await client.get(URL, params={"shortcut": "dup"}, headers=mh)).json()["cannedResponses"]
    assert (
        await _save(client, mh, _id=dup["_id"], shortcut="dup", text="changed", scope="global", tags=["t"])
    ).json()["success"]
    [after] = (await client.get(URL, params={"shortcut": "dup"}, headers=mh)).json()["cannedResponses"]
    assert after["text"] == "changed" and after["tags"] == ["t"] and after["createdBy"] == dup["createdBy"]
    assert after["_createdAt"] == dup["_createdAt"]
    # an agent cannot change or see another's private one; the route's permission answers 403
    await _save(client, mh, shortcut="mine", text="x", scope="user")
    [private] = (await client.get(URL, params={"shortcut": "mine"}, headers=mh)).json()["cannedResponses"]
    res = await _save(client, ana["headers"], _id=private["_id"], shortcut="mine", text="taken", scope="user")
    assert res.json()["errorType"] == "error-canned-response-not-found"
    plain = await make_agent(client, db)
    revoke = {"permissions": [{"_id": "save-canned-responses", "roles": ["admin"]}]}
    assert (await client.post("/api/v1/permissions.update", json=revoke, headers=mh)).status_code == 200
    res = await _save(client, plain["headers"], shortcut="p", text="x", scope="user")
    assert res.status_code == 403 and res.json() == FORBIDDEN


async def test_remove(client: httpx.AsyncClient, db: Database) -> None:
    mh = await admin_headers(client)
    ana = await make_agent(client, db)
    await _save(client, mh, shortcut="g", text="x", scope="global")
    await _save(client, ana["headers"], shortcut="own", text="x", scope="user")
    ids = {r["shortcut"]: r["_id"] for r in (await client.get(URL, headers=mh)).json()["cannedResponses"]}
    res = await client.request("DELETE", URL, json={"_id": ids["g"]}, headers=ana["headers"])
    assert res.json()["errorType"] == "error-canned-response-not-found"  # not the agent's to remove
    assert (await client.request("DELETE", URL, json={"_id": ids["own"]}, headers=ana["headers"])).json() == {
        "success": True
    }
    assert (await client.request("DELETE", URL, json={"_id": ids["g"]}, headers=mh)).json() == {
        "success": True
    }
    assert await _shortcuts(client, mh) == []
    gone = await client.request("DELETE", URL, json={"_id": ids["g"]}, headers=mh)
    assert gone.json()["errorType"] == "error-canned-response-not-found"
    assert (await client.request("DELETE", URL, json={}, headers=mh)).json()["errorType"] == "invalid-params"
    assert (await client.get(URL)).status_code == 401


async def test_methods(client: httpx.AsyncClient, db: Database) -> None:
    ana = await make_agent(client, db)
    saved = await call_method(
        client,
        ana["headers"],
        "saveCannedResponse",
        None,
        {"shortcut": "m", "text": "via DDP", "scope": "user"},
    )
    assert saved["result"]["shortcut"] == "m" and saved["result"]["scope"] == "user"
    refused = await call_method(
        client, ana["headers"], "saveCannedResponse", None, {"shortcut": "g", "text": "x", "scope": "global"}
    )
    assert refused["error"]["error"] == "error-not-allowed"
    removed = await call_method(client, ana["headers"], "removeCannedResponse", saved["result"]["_id"])
    assert "error" not in removed
