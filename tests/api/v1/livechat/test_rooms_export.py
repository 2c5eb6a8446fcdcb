"""GET livechat/rooms.export: a CSV round trip. For each query, the CSV has exactly `total` rows, in the
listing's order, and every cell equals the JSON of the same room (and of its visitor); cells that would
start a formula are quoted; the permission and errors are the listing's."""

from __future__ import annotations

import csv
import io
import random
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest

from factories import admin_headers, insert_rooms, login, make_user, room_doc
from frontdesk.clock import iso, parse_iso
from frontdesk.db.engine import Database
from frontdesk.services import room_export
from frontdesk.store import custom_fields as custom_field_store
from frontdesk.store import visitors as visitor_store

T0 = 1_700_000_000_000
HOUR = 3_600_000
NASTY = ['=HYPERLINK("http://x")', "+1 555", "-5", "@SUM(A1)", "\tTab", 'Ana, "the" Silva\nline 2', "Zoë"]


def _visitor(i: int) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "_id": f"visitor{i:04d}",
        "username": f"guest-{i}",
        "token": f"tok-{i}",
        "ts": iso(T0),
    }
    if i % 2:
        doc["visitorEmails"] = [{"address": f"v{i}@example.com"}]
        doc["phone"] = [{"phoneNumber": f"+55 11 9{i:04d}"}]
        doc["livechatData"] = {"company": NASTY[i % len(NASTY)]}
    return doc


def _room(rng: random.Random, i: int, visitor: dict[str, Any]) -> dict[str, Any]:
    ts = T0 + i * HOUR
    v = {"_id": visitor["_id"], "username": visitor["username"], "token": visitor["token"]}
    fields: dict[str, Any] = {"fname": rng.choice([*NASTY, None]), "v": v, "msgs": rng.randint(0, 40)}
    if rng.random() < 0.7:
        fields["servedBy"] = {
            "_id": "agentA",
            "username": rng.choice(["ana", "@bob"]),
            "ts": iso(ts + 61_500),
        }
        fields["metrics"] = {"response": {"ft": 1.5, "avg": rng.random() * 9, "tt": 3, "total": 2}}
    if rng.random() < 0.4:
        fields.update(
            open=None, closedAt=iso(ts + rng.randint(1, 9) * HOUR), closer="user", tags=["vip", "-x"]
        )
        fields["lastMessage"] = {
            "_id": f"m{i}",
            "rid": "x",
            "t": "livechat-close",
            "msg": rng.choice(NASTY),
            "ts": iso(ts),
            "u": {"_id": "agentA", "username": "ana"},
            "_updatedAt": iso(ts),
        }
        fields["metrics"] = {**fields.get("metrics", {}), "chatDuration": rng.randint(1, 900) / 7}
    elif rng.random() < 0.2:
        fields["onHold"] = True
    if rng.random() < 0.5:
        fields["livechatData"] = {"plan": rng.choice(["gold", "=1+1", "silver"])}
    if rng.random() < 0.3:
        fields["source"] = {"type": "app", "id": "wa", "alias": "WhatsApp"}
    return room_doc(ts, **fields)


@pytest.fixture
async def corpus(client: httpx.AsyncClient, db: Database, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.setattr(room_export, "BATCH", 7)  # many batches: the keyset is crossed often
    rng = random.Random(17)
    visitors = [_visitor(i) for i in range(12)]
    async with db.session() as session:
        await visitor_store.insert_visitors(session, visitors)  # type: ignore[arg-type]
        for field_id, scope in (("plan", "room"), ("company", "visitor")):
            doc = {"_id": field_id, "_updatedAt": iso(T0), "label": field_id.title(), "scope": scope}
            await custom_field_store.save_custom_field(session, doc)  # type: ignore[arg-type]
    await insert_rooms(db, [_room(rng, i, visitors[i % len(visitors)]) for i in range(60)])
    return {"headers": await admin_headers(client), "visitors": {v["_id"]: v for v in visitors}}


def _safe(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _cell(value: Any) -> str:
    return "" if value is None else _safe(str(value))


def expected_row(room: dict[str, Any], visitor: dict[str, Any]) -> list[str]:
    """The CSV row of a room, read off its listing JSON (and its visitor's) column by column."""
    served, metrics = room.get("servedBy") or {}, room.get("metrics") or {}
    status = (
        "closed"
        if not room.get("open")
        else "onhold"
        if room.get("onHold")
        else ("open" if served else "queued")
    )
    waiting = (parse_iso(served["ts"]) - parse_iso(room["queuedAt"])) / 1000 if served else None  # type: ignore[operator]
    source = room["source"]
    last = room.get("lastMessage") or {}
    return [
        _cell(value)
        for value in (
            room["_id"],
            room.get("fname"),
            room["v"]["username"],
            (visitor.get("visitorEmails") or [{}])[0].get("address"),
            (visitor.get("phone") or [{}])[0].get("phoneNumber"),
            (room.get("department") or {}).get("name") or room.get("departmentId"),
            served.get("username"),
            "app: WhatsApp" if source["type"] == "app" else source["type"],
            status,
            room["ts"],
            room.get("closedAt"),
            room.get("queuedAt"),
            waiting,
            (metrics.get("response") or {}).get("ft"),
            (metrics.get("response") or {}).get("avg"),
            metrics.get("chatDuration"),
            room["msgs"],
            ", ".join(room.get("tags") or []) or None,
            room.get("closer"),
            last.get("msg") if last.get("t") == "livechat-close" else None,
            (visitor.get("livechatData") or {}).get("company"),  # custom fields by id
            (room.get("livechatData") or {}).get("plan"),
        )
    ]


@pytest.mark.parametrize(
    "query",
    [
        [],
        [("open", "false")],
        [("sort", '{"closedAt":-1}')],
        [("sort", '{"fname":1,"msgs":-1}')],
        [("sort", '{"v.username":1}'), ("tags[]", "vip")],
        [("sort", '{"metrics.chatDuration":1}'), ("customFields", '{"plan":"^gold$"}')],
        [("roomName", "zzz-nobody")],
    ],
)
async def test_csv_round_trip(
    client: httpx.AsyncClient, corpus: dict[str, Any], query: list[tuple[str, str]]
) -> None:
    headers, qs = corpus["headers"], urlencode(query)
    res = await client.get(f"/api/v1/livechat/rooms.export?{qs}", headers=headers)
    assert res.status_code == 200, res.text
    assert res.headers["content-type"].startswith("text/csv; charset=utf-8")
    assert res.headers["content-disposition"].startswith('attachment; filename="rooms-')
    assert b"\r\n" in res.content and res.content.endswith(b"\r\n")
    rows = list(csv.reader(io.StringIO(res.content.decode("utf-8"), newline="")))
    listing = (await client.get(f"/api/v1/livechat/rooms?{qs}&count=0", headers=headers)).json()
    assert rows[0][:3] == ["Id", "Visitor name", "Visitor username"] and rows[0][-2:] == ["Company", "Plan"]
    assert len(rows) - 1 == listing["total"]
    want = [expected_row(room, corpus["visitors"][room["v"]["_id"]]) for room in listing["rooms"]]
    assert rows[1:] == want


async def test_no_cell_starts_a_formula(client: httpx.AsyncClient, corpus: dict[str, Any]) -> None:
    res = await client.get("/api/v1/livechat/rooms.export", headers=corpus["headers"])
    cells = [c for row in csv.reader(io.StringIO(res.content.decode(), newline="")) for c in row]
    assert cells and not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert '\'=HYPERLINK("http://x")' in cells and "'-x" not in cells and "vip, -x" in cells


async def test_the_listing_permission_and_errors(client: httpx.AsyncClient, db: Database) -> None:
    assert (await client.get("/api/v1/livechat/rooms.export")).status_code == 401
    agent = await make_user(db, ["user", "livechat-agent"])
    mine = {"_id": agent["id"], "username": agent["username"], "ts": iso(T0)}
    await insert_rooms(db, [room_doc(T0, servedBy=mine), room_doc(T0 + 1)])
    headers = await login(client, agent["username"], agent["password"])
    assert (await client.get("/api/v1/livechat/rooms.export", headers=headers)).status_code == 403
    own = await client.get(f"/api/v1/livechat/rooms.export?agents[]={agent['id']}", headers=headers)
    assert own.status_code == 200 and len(own.content.decode().splitlines()) == 2
    admin = await admin_headers(client)
    bad = await client.get("/api/v1/livechat/rooms.export?sort=nope", headers=admin)
    assert bad.status_code == 400 and bad.json()["success"] is False
