"""Files for upload tests: real PNG images of any size, and posting them as a browser's form would."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import Any

import httpx


def png(width: int = 8, height: int = 8, color: tuple[int, int, int] = (220, 40, 40)) -> bytes:
    """A valid PNG of one colour."""
    raw = b"".join(b"\x00" + bytes(color) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


async def visitor_upload(
    client: httpx.AsyncClient,
    token: str | None,
    rid: str,
    content: bytes,
    name: str = "photo.png",
    media_type: str = "image/png",
    **fields: str,
) -> httpx.Response:
    headers = {"x-visitor-token": token} if token else {}
    files = {"file": (name, content, media_type)}
    return await client.post(f"/api/v1/livechat/upload/{rid}", files=files, data=fields, headers=headers)


async def agent_upload(
    client: httpx.AsyncClient, path: str, headers: dict[str, str], content: bytes, name: str = "doc.pdf",
    media_type: str = "application/pdf", **fields: str,
) -> httpx.Response:  # fmt: skip
    files = {"file": (name, content, media_type)}
    return await client.post(f"/api/v1/{path}", files=files, data=fields, headers=headers)


def leftovers(root: Path) -> list[str]:
    """Everything in the upload folder's staging area (nothing may be left there after a refusal)."""
    tmp = root / "tmp"
    return sorted(p.name for p in tmp.iterdir()) if tmp.is_dir() else []


def stored(root: Path) -> list[str]:
    files = root / "files"
    return sorted(p.name for p in files.rglob("*") if p.is_file()) if files.is_dir() else []


def download_path(message: dict[str, Any]) -> str:
    url: str = message["attachments"][0]["title_link"]
    return url


def cookies(**values: str) -> dict[str, str]:
    """A Cookie header, as a browser sends the widget's or the desk's cookies with an <img> request."""
    return {"Cookie": "; ".join(f"{k}={v}" for k, v in values.items())}
