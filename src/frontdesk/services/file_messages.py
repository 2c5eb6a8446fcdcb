"""An uploaded file as Rocket.Chat shows it: the upload document (IUpload) and the message carrying it,
with `file`, `files` and an `attachments` entry the widget and desks render (images inline)."""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import quote

from frontdesk.clock import iso
from frontdesk.documents import FileRef, JsonObject, UploadDoc

STORE = "FileSystem:Uploads"
_URI_SAFE = "-_.!~*'();:@&=+$,"  # what JavaScript's encodeURI leaves alone (besides letters, digits, / ? #)


def file_url(file_id: str, name: str) -> str:
    """Where the file is downloaded: /file-upload/<id>/<name> (encodeURI'd, as Rocket.Chat writes it)."""
    return f"/file-upload/{file_id}/{quote(name, safe=_URI_SAFE)}"


def upload_doc(
    file_id: str,
    rid: str,
    name: str,
    media_type: str,
    size: int,
    now: int,
    *,
    user_id: str | None = None,
    visitor_token: str | None = None,
    description: str | None = None,
    expires_at: int | None = None,
) -> UploadDoc:
    url = file_url(file_id, name)
    doc: UploadDoc = {
        "_id": file_id,
        "name": name,
        "size": size,
        "type": media_type,
        "rid": rid,
        "store": STORE,
        "complete": True,
        "uploading": False,
        "extension": PurePosixPath(name).suffix.lstrip(".").lower(),
        "progress": 1,
        "uploadedAt": iso(now),
        "_updatedAt": iso(now),
        "url": url,
        "path": url,
        "typeGroup": media_type.split("/", 1)[0],
    }
    if user_id:
        doc["userId"] = user_id
    if visitor_token:
        doc["visitorToken"] = visitor_token
    if description:
        doc["description"] = description
    if expires_at is not None:
        doc["expiresAt"] = iso(expires_at)
    return doc


def attachment(upload: UploadDoc) -> JsonObject:
    """The message attachment Rocket.Chat builds for a file (image/audio/video ones play inline)."""
    out: JsonObject = {
        "title": upload["name"],
        "type": "file",
        "title_link": upload["url"],
        "title_link_download": True,
    }
    if upload.get("description"):
        out["description"] = upload["description"]
    group, media, size = upload["typeGroup"], upload["type"], upload["size"]
    if group in ("image", "audio", "video"):
        out[f"{group}_url"] = upload["url"]
        out[f"{group}_type"] = media
        out[f"{group}_size"] = size
    else:
        out["format"] = upload["extension"]
        out["size"] = size
    return out


def file_ref(upload: UploadDoc, *, detailed: bool) -> FileRef:
    """`file` / `files[i]`: the widget's door gives id, name and type; the agents' size and format too."""
    ref: FileRef = {"_id": upload["_id"], "name": upload["name"], "type": upload["type"]}
    if detailed:
        ref["size"] = upload["size"]
        ref["format"] = upload["extension"]
    return ref
