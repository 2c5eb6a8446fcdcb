"""livechat/offline.message (checked, kept, mailed through the outbox) and livechat/offline.messages."""

from __future__ import annotations

import httpx

from agent_chat import FORBIDDEN, create_department
from chat import make_agent, set_setting
from factories import admin_headers
from frontdesk.db.engine import Database
from mail_sink import MailSink, body_text, use_sink

FAILED = {"success": False, "error": "Error sending livechat offline message"}


async def _leave(client: httpx.AsyncClient, **fields: str) -> httpx.Response:
    body = {"name": "Zed Visitor", "email": "zed@example.com", "message": "Please call me back", **fields}
    return await client.post("/api/v1/livechat/offline.message", json=body)


async def test_config_shows_the_offline_form_when_nobody_is_online(client: httpx.AsyncClient) -> None:
    cfg = (await client.get("/api/v1/livechat/config")).json()["config"]
    assert cfg["online"] is False and cfg["settings"]["displayOfflineForm"] is True
    assert cfg["theme"]["offlineTitle"] == "Leave a message"
    await set_setting(client, "Livechat_display_offline_form", False)
    await set_setting(client, "Livechat_offline_form_unavailable", "We are closed today")
    cfg = (await client.get("/api/v1/livechat/config")).json()["config"]
    assert cfg["settings"]["displayOfflineForm"] is False
    assert cfg["messages"]["offlineUnavailableMessage"] == "We are closed today"


async def test_offline_message_is_mailed_and_kept(client: httpx.AsyncClient, mail_sink: MailSink) -> None:
    await use_sink(client, mail_sink)
    await set_setting(client, "Livechat_offline_email", "support@frontdesk.test")
    res = await _leave(client, host="https://shop.example", message="Line one\n<b>Line two</b>")
    assert res.json() == {"message": "Livechat offline message sent", "success": True}
    [mail] = await mail_sink.wait_for(1)
    assert mail["To"] == "support@frontdesk.test"
    assert mail["Subject"] == "Livechat offline message from Zed Visitor: Line one <b>Line two"  # 20 chars
    assert mail["Reply-To"] == "Zed Visitor <zed@example.com>"
    assert "desk@frontdesk.test" in mail["From"] and "Zed Visitor - zed@example.com" in mail["From"]
    html = body_text(mail, "html")
    assert "&lt;b&gt;Line two&lt;/b&gt;" in html and "<b>Line two</b>" not in html  # escaped
    assert "Line one" in body_text(mail) and "https://shop.example" in body_text(mail)
    listed = (
        await client.get("/api/v1/livechat/offline.messages", headers=await admin_headers(client))
    ).json()
    assert listed["total"] == 1 and listed["count"] == 1 and listed["offset"] == 0
    [kept] = listed["messages"]
    assert kept["name"] == "Zed Visitor" and kept["email"] == "zed@example.com"
    assert kept["message"] == "Line one\n<b>Line two</b>" and kept["host"] == "https://shop.example"
    assert kept["mailedTo"] == ["support@frontdesk.test"]


async def test_department_address_wins(client: httpx.AsyncClient, mail_sink: MailSink) -> None:
    await use_sink(client, mail_sink)
    await set_setting(client, "Livechat_offline_email", "support@frontdesk.test")
    sales = await create_department(client, "Sales", email="sales@frontdesk.test")
    await create_department(client, "Billing", email="")
    assert (await _leave(client, department=sales["_id"])).json()["success"] is True
    assert (await _leave(client, department="Billing")).json()["success"] is True  # by name, no address
    mails = await mail_sink.wait_for(2)
    assert sorted(m["To"] for m in mails) == ["sales@frontdesk.test", "support@frontdesk.test"]


async def test_refusals(client: httpx.AsyncClient) -> None:
    assert (await _leave(client, email="not-an-address")).json() == FAILED
    # Livechat_validate_offline_email (on by default): the domain must have mail exchangers
    res = await _leave(client, email="someone@nowhere.invalid")
    assert res.status_code == 400 and res.json() == FAILED
    await set_setting(client, "Livechat_validate_offline_email", False)
    assert (await _leave(client, email="someone@nowhere.invalid")).json()["success"] is True
    await set_setting(client, "Livechat_display_offline_form", False)
    assert (await _leave(client)).json() == FAILED
    missing = await client.post("/api/v1/livechat/offline.message", json={"name": "Zed", "email": "z@x.io"})
    assert missing.json()["errorType"] == "invalid-params"


async def test_without_an_address_the_message_is_kept_unmailed(client: httpx.AsyncClient) -> None:
    assert (await _leave(client)).json()["success"] is True
    listed = (
        await client.get("/api/v1/livechat/offline.messages", headers=await admin_headers(client))
    ).json()
    assert listed["total"] == 1 and "mailedTo" not in listed["messages"][0]


async def test_listing_pages_newest_first_for_managers_only(
    client: httpx.AsyncClient, db: Database, clock
) -> None:
    for n in range(3):
        assert (await _leave(client, message=f"message {n}")).json()["success"] is True
        clock.advance(1)
    h = await admin_headers(client)
    page = (await client.get("/api/v1/livechat/offline.messages", params={"count": 2}, headers=h)).json()
    assert [m["message"] for m in page["messages"]] == ["message 2", "message 1"] and page["total"] == 3
    oldest = await client.get(
        "/api/v1/livechat/offline.messages", params={"sort": '{"ts": 1}', "count": 1}, headers=h
    )
    assert [m["message"] for m in oldest.json()["messages"]] == ["message 0"]
    bad = await client.get("/api/v1/livechat/offline.messages", params={"sort": '{"name": 1}'}, headers=h)
    assert bad.status_code == 400 and bad.json()["errorType"] == "error-invalid-sort"
    agent = await make_agent(client, db)
    res = await client.get("/api/v1/livechat/offline.messages", headers=agent["headers"])
    assert res.status_code == 403 and res.json() == FORBIDDEN
    assert (await client.get("/api/v1/livechat/offline.messages")).status_code == 401
