"""POST livechat/upload/:rid (the visitor's files) and who may download them at /file-upload/:id/:name."""

from __future__ import annotations

import httpx
import pytest

from agent_chat import served_room
from chat import make_agent, make_visitor, set_setting
from factories import admin_headers
from frontdesk.config import Settings
from frontdesk.db.engine import Database
from uploads_helpers import cookies, download_path, leftovers, png, stored, visitor_upload

FORBIDDEN = {"success": False, "error": "unauthorized"}


async def test_a_visitor_sends_an_image(client: httpx.AsyncClient, db: Database, settings: Settings) -> None:
    chat = await served_room(client, db, name="Ada")
    token, rid = chat["visitor"]["token"], chat["rid"]
    image = png(64, 48)
    res = await visitor_upload(client, token, rid, image, name="my photo.png", description="the broken part")
    assert res.status_code == 200, res.text
    message = res.json()
    assert message["success"] is True and message["newRoom"] is False and message["showConnecting"] is False
    file_id = message["file"]["_id"]
    assert message["file"] == {"_id": file_id, "name": "my photo.png", "type": "image/png"}
    assert message["files"] == [message["file"]]
    url = f"/file-upload/{file_id}/my%20photo.png"
    assert message["attachments"] == [
        {
            "title": "my photo.png",
            "type": "file",
            "title_link": url,
            "title_link_download": True,
            "description": "the broken part",
            "image_url": url,
            "image_type": "image/png",
            "image_size": len(image),
        }
    ]
    assert message["token"] == token and message["msg"] == "" and message["groupable"] is False
    assert message["alias"] == "Ada" and message["u"]["_id"] == chat["visitor"]["_id"]
    assert stored(settings.upload_dir) == [file_id] and leftovers(settings.upload_dir) == []
    # the visitor downloads it with the widget's cookies, or its token as a query parameter
    got = await client.get(url, headers=cookies(rc_token=token, rc_rid=rid, rc_room_type="l"))
    assert got.status_code == 200 and got.content == image
    assert got.headers["content-type"] == "image/png" and got.headers["x-content-type-options"] == "nosniff"
    assert got.headers["content-disposition"].startswith("inline")
    assert (await client.get(url, params={"rc_token": token})).status_code == 200
    # the serving agent and a manager too; another visitor, another agent, or nobody may not
    assert (await client.get(url, headers=chat["agent"]["headers"])).content == image
    admin = await admin_headers(client)
    assert (
        await client.get(url, headers=cookies(rc_uid=admin["X-User-Id"], rc_token=admin["X-Auth-Token"]))
    ).status_code == 200
    stranger = await make_visitor(client)
    assert (await client.get(url, headers=cookies(rc_token=stranger["token"]))).status_code == 403
    other_agent = await make_agent(client, db)
    assert (await client.get(url, headers=other_agent["headers"])).status_code == 403
    assert (await client.get(url)).status_code == 403
    assert (await client.get(url, headers={"X-User-Id": "x", "X-Auth-Token": "y"})).status_code == 401
    assert (await client.get("/file-upload/nope/x.png", params={"rc_token": token})).status_code == 404
    # the file message is the room's last message, in the visitor's history
    history = await client.get(f"/api/v1/livechat/messages.history/{rid}", params={"token": token})
    assert [m["file"]["_id"] for m in history.json()["messages"] if "file" in m] == [file_id]
    # also after the chat closed
    await client.post("/api/v1/livechat/room.close", json={"rid": rid, "token": token})
    assert (await client.get(url, params={"rc_token": token})).status_code == 200
    assert (await client.get(url, headers=chat["agent"]["headers"])).status_code == 200


async def test_the_message_text_and_other_fields(client: httpx.AsyncClient, db: Database) -> None:
    chat = await served_room(client, db)
    res = await visitor_upload(
        client, chat["visitor"]["token"], chat["rid"], b"hello", "notes.txt", "text/plain", msg="see attached"
    )
    body = res.json()
    assert body["msg"] == "see attached"
    assert body["attachments"][0]["format"] == "txt" and body["attachments"][0]["size"] == 5
    assert "image_url" not in body["attachments"][0]
    got = await client.get(download_path(body), params={"rc_token": chat["visitor"]["token"], "download": ""})
    assert got.headers["content-disposition"].startswith("attachment")


async def test_config_and_settings(client: httpx.AsyncClient, db: Database) -> None:
    assert (await client.get("/api/v1/livechat/config")).json()["config"]["settings"]["fileUpload"] is True
    chat = await served_room(client, db)
    for setting in ("FileUpload_Enabled", "Livechat_fileupload_enabled"):
        await set_setting(client, setting, False)
        assert (await client.get("/api/v1/livechat/config")).json()["config"]["settings"][
            "fileUpload"
        ] is False
        res = await visitor_upload(client, chat["visitor"]["token"], chat["rid"], png())
        assert res.status_code == 400 and res.json() == {
            "success": False,
            "reason": "error-file-upload-disabled",
        }
        await set_setting(client, setting, True)


async def test_only_the_visitor_of_an_open_room(
    client: httpx.AsyncClient, db: Database, settings: Settings
) -> None:
    chat = await served_room(client, db)
    other = await served_room(client, db)
    for token, rid in (
        (None, chat["rid"]),
        ("no-such-token", chat["rid"]),
        (other["visitor"]["token"], chat["rid"]),
        (chat["visitor"]["token"], "no-such-room"),
    ):
        res = await visitor_upload(client, token, rid, png())
        assert res.status_code == 403 and res.json() == FORBIDDEN, (token, rid)
    await client.post(
        "/api/v1/livechat/room.close", json={"rid": chat["rid"], "token": chat["visitor"]["token"]}
    )
    res = await visitor_upload(client, chat["visitor"]["token"], chat["rid"], png())
    assert res.status_code == 403
    assert stored(settings.upload_dir) == [] and leftovers(settings.upload_dir) == []


async def test_size_limit(client: httpx.AsyncClient, db: Database, settings: Settings) -> None:
    chat = await served_room(client, db)
    await set_setting(client, "FileUpload_MaxFileSize", 1000)
    res = await visitor_upload(
        client, chat["visitor"]["token"], chat["rid"], b"x" * 1001, "big.bin", "application/octet-stream"
    )
    assert res.status_code == 400
    assert res.json() == {
        "success": False,
        "reason": "error-size-not-allowed",
        "sizeAllowed": "1000 B",
        "error": "File size exceeds the allowed limit [error-file-too-large]",
        "errorType": "error-file-too-large",
    }
    assert stored(settings.upload_dir) == [] and leftovers(settings.upload_dir) == []
    exact = await visitor_upload(
        client, chat["visitor"]["token"], chat["rid"], b"x" * 1000, "ok.bin", "application/octet-stream"
    )
    assert exact.status_code == 200


@pytest.mark.parametrize(
    ("whitelist", "name", "media_type", "allowed"),
    [
        ("", "a.svg", "image/svg+xml", False),  # the default black list
        ("image/*", "a.txt", "text/plain", False),
        ("image/*", "a.jpg", "image/jpeg", True),
        ("image/png", "a.png", "application/octet-stream", True),  # the type from the extension
        ("application/pdf,image/*", "a.pdf", "application/pdf", True),
    ],
)
async def test_media_types(
    client: httpx.AsyncClient,
    db: Database,
    settings: Settings,
    whitelist: str,
    name: str,
    media_type: str,
    allowed: bool,
) -> None:
    chat = await served_room(client, db)
    await set_setting(client, "FileUpload_MediaTypeWhiteList", whitelist)
    res = await visitor_upload(client, chat["visitor"]["token"], chat["rid"], b"data", name, media_type)
    if allowed:
        assert res.status_code == 200, res.text
    else:
        assert res.status_code == 400 and res.json() == {"success": False, "reason": "error-type-not-allowed"}
        assert leftovers(settings.upload_dir) == [] and stored(settings.upload_dir) == []


async def test_malformed_forms(client: httpx.AsyncClient, db: Database, settings: Settings) -> None:
    chat = await served_room(client, db)
    url, headers = f"/api/v1/livechat/upload/{chat['rid']}", {"x-visitor-token": chat["visitor"]["token"]}
    no_file = await client.post(
        url, data={"description": "x"}, files={"other": (None, "text")}, headers=headers
    )
    assert no_file.status_code == 400 and no_file.json()["errorType"] == "error-no-file"
    json_body = await client.post(url, json={"file": "x"}, headers=headers)
    assert json_body.json()["errorType"] == "error-no-file"
    wrong_field = await client.post(url, files={"image": ("a.png", png(), "image/png")}, headers=headers)
    assert wrong_field.json()["errorType"] == "invalid-field"
    two = await client.post(
        url,
        files=[("file", ("a.png", png(), "image/png")), ("file", ("b.png", png(), "image/png"))],
        headers=headers,
    )
    assert two.json()["errorType"] == "invalid-field"
    broken = await client.post(
        url, content=b"--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nabc",
        headers={**headers, "content-type": "multipart/form-data; boundary=xyz"},
    )  # fmt: skip
    assert broken.status_code == 400 and broken.json()["errorType"] in (
        "error-no-file",
        "error-upload-failed",
    )
    assert leftovers(settings.upload_dir) == [] and stored(settings.upload_dir) == []
    ugly = await visitor_upload(
        client, chat["visitor"]["token"], chat["rid"], png(), "..\\../etc/pass wd.png"
    )
    assert ugly.json()["file"]["name"] == "pass wd.png"
