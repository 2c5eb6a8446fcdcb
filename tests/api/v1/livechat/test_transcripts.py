"""Transcripts by mail: the visitor's request, an agent's request for the close, closeByUser's
transcriptEmail, livechat:sendTranscript, and what the mail holds."""

from __future__ import annotations

from typing import Any

import httpx

from agent_chat import FORBIDDEN, call_method, served_room
from chat import make_agent, room_info, send_visitor_message, set_setting
from factories import admin_headers
from frontdesk.clock import FixedClock
from frontdesk.db.engine import Database
from frontdesk.store import messages as message_store
from mail_sink import MailSink, body_text, use_sink


async def _chat(client: httpx.AsyncClient, db: Database, clock: FixedClock) -> dict[str, Any]:
    chat = await served_room(client, db, name="Ada Lovelace", email="ada@example.com")
    clock.advance(60)
    await send_visitor_message(client, chat["visitor"]["token"], chat["rid"], "My order <#42> is late")
    clock.advance(60)
    res = await client.post(
        "/api/v1/chat.sendMessage",
        json={"message": {"rid": chat["rid"], "msg": "Sorry Ada, it ships today"}},
        headers=chat["agent"]["headers"],
    )
    assert res.status_code == 200
    return chat


async def test_the_visitor_asks_for_the_transcript(
    client: httpx.AsyncClient, db: Database, clock: FixedClock, mail_sink: MailSink
) -> None:
    await use_sink(client, mail_sink)
    await set_setting(client, "Livechat_enable_transcript", True)
    await set_setting(client, "Livechat_transcript_message", "Want a copy?")
    cfg = (await client.get("/api/v1/livechat/config")).json()["config"]
    assert cfg["settings"]["transcript"] is True and cfg["messages"]["transcriptMessage"] == "Want a copy?"
    chat = await _chat(client, db, clock)
    body = {"token": chat["visitor"]["token"], "rid": chat["rid"], "email": "ada@example.com"}
    res = await client.post("/api/v1/livechat/transcript", json=body)
    assert res.json() == {"message": "Livechat transcript sent", "success": True}
    [mail] = await mail_sink.wait_for(1)
    assert mail["To"] == "ada@example.com" and mail["Subject"] == "Transcript of your livechat conversation"
    text = body_text(mail)
    agent_name = chat["agent"]["username"].title()
    assert text.index("You  November 14, 2023 10:14 PM UTC\nMy order <#42> is late") < text.index(
        f"{agent_name}  November 14, 2023 10:15 PM UTC\nSorry Ada, it ships today"
    )
    assert "livechat-started" not in text  # system messages are left out
    assert "My order &lt;#42&gt; is late" in body_text(mail, "html")
    async with db.session(write=False) as session:
        notes = [
            m
            for m in await message_store.room_messages(session, chat["rid"])
            if m.get("t") == "livechat_transcript_history"
        ]
    assert notes[0]["requestData"]["type"] == "visitor" and notes[0]["u"]["username"] == "rocket.cat"


async def test_visitor_transcript_refusals(
    client: httpx.AsyncClient, db: Database, clock: FixedClock
) -> None:
    chat = await _chat(client, db, clock)
    other = await served_room(client, db)
    body = {"token": chat["visitor"]["token"], "rid": chat["rid"], "email": "ada@example.com"}
    res = await client.post("/api/v1/livechat/transcript", json=body)
    assert res.status_code == 400 and res.json()["error"] == "error-transcript-not-enabled"
    await set_setting(client, "Livechat_enable_transcript", True)
    for changed, error in (
        ({"token": "nobody"}, "error-invalid-token"),
        ({"rid": other["rid"]}, "error-invalid-room"),
        ({"email": "not an address"}, "error-invalid-email"),
    ):
        res = await client.post("/api/v1/livechat/transcript", json={**body, **changed})
        assert res.status_code == 400 and res.json()["error"] == error, changed
    res = await client.post("/api/v1/livechat/transcript", json={"token": "x", "rid": "y"})
    assert res.json()["errorType"] == "invalid-params"


async def test_an_agent_asks_for_the_transcript_at_close(
    client: httpx.AsyncClient, db: Database, clock: FixedClock, mail_sink: MailSink
) -> None:
    await use_sink(client, mail_sink)
    chat = await _chat(client, db, clock)
    rid, mh = chat["rid"], await admin_headers(client)
    request = {"email": "ada@example.com", "subject": "Your chat with us"}
    # the permission is known to permissions.update and held by managers and admins, not agents
    res = await client.post(
        f"/api/v1/livechat/transcript/{rid}", json=request, headers=chat["agent"]["headers"]
    )
    assert res.status_code == 403 and res.json() == FORBIDDEN
    grant = {
        "permissions": [
            {
                "_id": "send-omnichannel-chat-transcript",
                "roles": ["admin", "livechat-manager", "livechat-agent"],
            }
        ]
    }
    assert (await client.post("/api/v1/permissions.update", json=grant, headers=mh)).status_code == 200
    res = await client.post(
        f"/api/v1/livechat/transcript/{rid}", json=request, headers=chat["agent"]["headers"]
    )
    assert res.json() == {"success": True}
    assert (await room_info(client, rid))["transcriptRequest"]["email"] == "ada@example.com"
    again = await client.post(f"/api/v1/livechat/transcript/{rid}", json=request, headers=mh)
    assert again.json()["errorType"] == "error-transcript-already-requested"
    assert (await client.delete(f"/api/v1/livechat/transcript/{rid}", headers=mh)).json() == {"success": True}
    gone = await client.delete(f"/api/v1/livechat/transcript/{rid}", headers=mh)
    assert gone.status_code == 400 and gone.json()["error"] == "error-transcript-not-requested"
    missing = await client.post("/api/v1/livechat/transcript/nope", json=request, headers=mh)
    assert missing.json()["errorType"] == "error-invalid-room"
    assert (await client.post(f"/api/v1/livechat/transcript/{rid}", json=request, headers=mh)).json()[
        "success"
    ]
    assert mail_sink.messages == []  # nothing until the chat closes
    close = {"rid": rid, "comment": "thanks"}
    assert (await client.post("/api/v1/livechat/room.closeByUser", json=close, headers=mh)).json()["success"]
    [mail] = await mail_sink.wait_for(1)
    assert mail["Subject"] == "Your chat with us" and "Sorry Ada, it ships today" in body_text(mail)
    closed = await room_info(client, rid)
    assert "transcriptRequest" not in closed
    async with db.session(write=False) as session:
        messages = await message_store.room_messages(session, rid)
    [close_message] = [m for m in messages if m.get("t") == "livechat-close"]
    assert close_message["transcriptRequested"] is True
    [note] = [m for m in messages if m.get("t") == "livechat_transcript_history"]
    assert note["requestData"]["type"] == "user"
    closed_room = await client.post(f"/api/v1/livechat/transcript/{rid}", json=request, headers=mh)
    assert closed_room.json()["errorType"] == "error-invalid-room"


async def test_close_with_transcript_email(
    client: httpx.AsyncClient, db: Database, clock: FixedClock, mail_sink: MailSink
) -> None:
    await use_sink(client, mail_sink)
    mh = await admin_headers(client)
    chat = await _chat(client, db, clock)
    body = {
        "rid": chat["rid"],
        "transcriptEmail": {
            "sendToVisitor": True,
            # a header injection stays one Subject line
            "requestData": {"email": "ada@example.com", "subject": "Copy\r\nBcc: everyone@example.org"},
        },
    }
    assert (await client.post("/api/v1/livechat/room.closeByUser", json=body, headers=mh)).json()["success"]
    [mail] = await mail_sink.wait_for(1)
    assert mail["Subject"] == "Copy Bcc: everyone@example.org" and mail["Bcc"] is None
    assert mail_sink.handler.envelopes[0].rcpt_tos == ["ada@example.com"]
    # sendToVisitor false wins over an earlier request: no mail
    other = await _chat(client, db, clock)
    request = {"email": "ada@example.com", "subject": "x"}
    await client.post(f"/api/v1/livechat/transcript/{other['rid']}", json=request, headers=mh)
    no = {"rid": other["rid"], "transcriptEmail": {"sendToVisitor": False}}
    assert (await client.post("/api/v1/livechat/room.closeByUser", json=no, headers=mh)).json()["success"]
    bad = await _chat(client, db, clock)
    wrong = {**body, "rid": bad["rid"]}
    wrong["transcriptEmail"] = {"sendToVisitor": True, "requestData": {"email": "nope", "subject": "x"}}
    res = await client.post("/api/v1/livechat/room.closeByUser", json=wrong, headers=mh)
    assert res.json()["error"] == "error-invalid-email"
    await asyncio_sleep(0.5)
    assert len(mail_sink.messages) == 1


async def asyncio_sleep(seconds: float) -> None:
    import asyncio

    await asyncio.sleep(seconds)


async def test_send_transcript_method(
    client: httpx.AsyncClient, db: Database, clock: FixedClock, mail_sink: MailSink
) -> None:
    await use_sink(client, mail_sink)
    chat = await _chat(client, db, clock)
    token = chat["visitor"]["token"]
    params = [token, chat["rid"], "ada@example.com", "From the desk"]
    refused = await call_method(client, chat["agent"]["headers"], "livechat:sendTranscript", *params)
    assert refused["error"]["error"] == "error-not-allowed"
    manager = await make_agent(client, db, roles=("livechat-manager",))
    done = await call_method(client, manager["headers"], "livechat:sendTranscript", *params)
    assert done["result"] is True
    [mail] = await mail_sink.wait_for(1)
    assert mail["Subject"] == "From the desk"
    wrong = await call_method(
        client, manager["headers"], "livechat:sendTranscript", "x", chat["rid"], "a@b.example", "s"
    )
    assert wrong["error"]["error"] == "error-invalid-token"


async def test_transcript_sent_always(
    client: httpx.AsyncClient, db: Database, clock: FixedClock, mail_sink: MailSink
) -> None:
    await use_sink(client, mail_sink)
    await set_setting(client, "Livechat_transcript_send_always", True)
    await set_setting(client, "Livechat_transcript_email_subject", "Your conversation")
    chat = await _chat(client, db, clock)
    res = await client.post(
        "/api/v1/livechat/room.close", json={"rid": chat["rid"], "token": chat["visitor"]["token"]}
    )
    assert res.json()["success"] is True
    [mail] = await mail_sink.wait_for(1)
    assert mail["To"] == "ada@example.com" and mail["Subject"] == "Your conversation"
