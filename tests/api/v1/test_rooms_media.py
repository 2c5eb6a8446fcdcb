"""Agents' uploads: rooms.media + rooms.mediaConfirm (Rocket.Chat 7), rooms.upload (6), channels.files,
and files kept by rooms.media but never confirmed going away after a day."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from agent_chat import served_room
from chat import make_agent, set_setting
from factories import admin_headers
from frontdesk.clock import FixedClock
from frontdesk.config import Settings
from frontdesk.db.engine import Database
from frontdesk.upload_sweeper import UploadSweeper
from uploads_helpers import agent_upload, leftovers, png, stored

PDF = b"%PDF-1.4\n% a tiny pdf\n"


async def test_media_then_confirm(client: httpx.AsyncClient, db: Database, settings: Settings) -> None:
    chat = await served_room(client, db)
    h, rid, token = chat["agent"]["headers"], chat["rid"], chat["visitor"]["token"]
    res = await agent_upload(client, f"rooms.media/{rid}", h, PDF, "invoice.pdf")
    assert res.status_code == 200, res.text
    file = res.json()["file"]
    assert file["url"] == f"/file-upload/{file['_id']}/invoice.pdf"
    # kept, not yet in a message: its uploader may fetch it, the visitor may not
    assert (await client.get(file["url"], headers=h)).content == PDF
    assert (await client.get(file["url"], params={"rc_token": token})).status_code == 403
    body = {"msg": "Here is your invoice", "description": "March", "fileName": "invoice-march.pdf"}
    confirmed = await client.post(f"/api/v1/rooms.mediaConfirm/{rid}/{file['_id']}", json=body, headers=h)
    assert confirmed.status_code == 200, confirmed.text
    message = confirmed.json()["message"]
    assert message["msg"] == "Here is your invoice" and message["u"]["_id"] == chat["agent"]["id"]
    assert message["file"] == {
        "_id": file["_id"], "name": "invoice-march.pdf", "type": "application/pdf",
        "size": len(PDF), "format": "pdf",
    }  # fmt: skip
    url = f"/file-upload/{file['_id']}/invoice-march.pdf"
    assert message["attachments"] == [
        {
            "title": "invoice-march.pdf", "type": "file", "title_link": url, "title_link_download": True,
            "description": "March", "format": "pdf", "size": len(PDF),
        }
    ]  # fmt: skip
    assert (await client.get(url, params={"rc_token": token})).content == PDF  # now the visitor's too
    again = await client.post(f"/api/v1/rooms.mediaConfirm/{rid}/{file['_id']}", json=body, headers=h)
    assert again.status_code == 400 and again.json()["errorType"] == "invalid-file"
    assert leftovers(settings.upload_dir) == [] and stored(settings.upload_dir) == [file["_id"]]


async def test_who_may_upload(client: httpx.AsyncClient, db: Database) -> None:
    chat = await served_room(client, db)
    stranger = await make_agent(client, db)
    res = await agent_upload(client, f"rooms.media/{chat['rid']}", stranger["headers"], PDF)
    assert res.status_code == 403 and res.json() == {"success": False, "error": "unauthorized"}
    assert (await agent_upload(client, f"rooms.media/{chat['rid']}", {}, PDF)).status_code == 401
    assert (await agent_upload(client, "rooms.media/nope", chat["agent"]["headers"], PDF)).status_code == 403
    # another agent's kept file cannot be confirmed
    mine = (await agent_upload(client, f"rooms.media/{chat['rid']}", chat["agent"]["headers"], PDF)).json()[
        "file"
    ]
    manager = await admin_headers(client)
    res = await client.post(
        f"/api/v1/rooms.mediaConfirm/{chat['rid']}/{mine['_id']}", json={}, headers=manager
    )
    assert res.json()["errorType"] == "invalid-file"


async def test_limits(client: httpx.AsyncClient, db: Database, settings: Settings) -> None:
    chat = await served_room(client, db)
    h = chat["agent"]["headers"]
    await set_setting(client, "FileUpload_MaxFileSize", 10)
    big = await agent_upload(client, f"rooms.media/{chat['rid']}", h, PDF)
    assert big.status_code == 400
    assert big.json() == {
        "success": False,
        "error": "File exceeds allowed size of 10 B [error-file-too-large]",
        "errorType": "error-file-too-large",
    }
    await set_setting(client, "FileUpload_MaxFileSize", 104_857_600)
    svg = await agent_upload(client, f"rooms.media/{chat['rid']}", h, b"<svg/>", "x.svg", "image/svg+xml")
    assert svg.json()["errorType"] == "error-invalid-file-type"
    await set_setting(client, "FileUpload_Enabled", False)
    off = await agent_upload(client, f"rooms.media/{chat['rid']}", h, PDF)
    assert off.json()["errorType"] == "error-file-upload-disabled"
    assert leftovers(settings.upload_dir) == [] and stored(settings.upload_dir) == []


async def test_rooms_upload_and_channels_files(
    client: httpx.AsyncClient, db: Database, clock: FixedClock
) -> None:
    chat = await served_room(client, db)
    h, rid = chat["agent"]["headers"], chat["rid"]
    first = await agent_upload(
        client, f"rooms.upload/{rid}", h, png(), "shot.png", "image/png", msg="a screenshot"
    )
    assert first.status_code == 200, first.text
    assert first.json()["message"]["attachments"][0]["image_type"] == "image/png"
    clock.advance(5)
    await agent_upload(client, f"rooms.upload/{rid}", h, PDF, "terms.pdf")
    await agent_upload(client, f"rooms.media/{rid}", h, PDF, "draft.pdf")  # kept, not sent: not listed
    files = (await client.get("/api/v1/channels.files", params={"roomId": rid}, headers=h)).json()
    assert [f["name"] for f in files["files"]] == ["terms.pdf", "shot.png"] and files["total"] == 2
    assert files["files"][0]["user"]["_id"] == chat["agent"]["id"]
    images = await client.get(
        "/api/v1/channels.files", params={"roomId": rid, "typeGroup": "image"}, headers=h
    )
    assert [f["name"] for f in images.json()["files"]] == ["shot.png"]
    named = await client.get("/api/v1/channels.files", params={"roomId": rid, "name": "TER"}, headers=h)
    assert [f["name"] for f in named.json()["files"]] == ["terms.pdf"]
    oldest = await client.get(
        "/api/v1/channels.files", params={"roomId": rid, "sort": '{"uploadedAt": 1}', "count": 1}, headers=h
    )
    assert [f["name"] for f in oldest.json()["files"]] == ["shot.png"]
    stranger = await make_agent(client, db)
    res = await client.get("/api/v1/channels.files", params={"roomId": rid}, headers=stranger["headers"])
    assert res.json()["errorType"] == "error-not-allowed"
    # the room closed: no more files from the agent
    await client.post("/api/v1/livechat/room.closeByUser", json={"rid": rid}, headers=h)
    late = await agent_upload(client, f"rooms.upload/{rid}", h, PDF)
    assert late.status_code in (400, 403)


async def test_unconfirmed_files_go_after_a_day(
    app: FastAPI, client: httpx.AsyncClient, db: Database, clock: FixedClock, settings: Settings
) -> None:
    chat = await served_room(client, db)
    h, rid = chat["agent"]["headers"], chat["rid"]
    kept = (await agent_upload(client, f"rooms.media/{rid}", h, PDF, "draft.pdf")).json()["file"]
    sent = (await agent_upload(client, f"rooms.upload/{rid}", h, PDF, "final.pdf")).json()["message"]["file"]
    sweeper = UploadSweeper(db, app.state.file_storage, clock)
    assert await sweeper.sweep() == 0
    clock.advance(24 * 3600 + 1)
    assert await sweeper.sweep() == 1
    assert (await client.get(kept["url"], headers=h)).status_code == 404
    assert stored(settings.upload_dir) == [sent["_id"]]
    res = await client.post(f"/api/v1/rooms.mediaConfirm/{rid}/{kept['_id']}", json={}, headers=h)
    assert res.json()["errorType"] == "invalid-file"
