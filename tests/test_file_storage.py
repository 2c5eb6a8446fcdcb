"""Upload bytes on disk: a body cut short leaves nothing behind, memory stays bounded, and what a killed
process left is put right at the next start."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from starlette.requests import ClientDisconnect, Request

from frontdesk.api.multipart import receive_file
from frontdesk.file_storage import BLOCK, STALE_SECONDS, FileStorage
from frontdesk.services.upload_policy import UploadPolicy

POLICY = UploadPolicy("r1", 10 << 20, (), (), widget=True)


def _request(chunks: list[bytes], disconnect: bool) -> Request:
    messages: list[dict[str, Any]] = [{"type": "http.request", "body": c, "more_body": True} for c in chunks]
    messages.append({"type": "http.disconnect"} if disconnect else {"type": "http.request", "body": b""})
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/",
        "headers": [(b"content-type", b"multipart/form-data; boundary=b0undary")],
    }

    async def receive() -> dict[str, Any]:
        return messages.pop(0)

    return Request(scope, receive)


def _body_parts(size: int) -> list[bytes]:
    head = b'--b0undary\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n'
    head += b"Content-Type: application/octet-stream\r\n\r\n"
    data = [b"x" * 65536] * (size // 65536)
    return [head, *data, b"\r\n--b0undary--\r\n"]


async def test_a_dropped_connection_leaves_nothing(tmp_path: Path) -> None:
    storage = FileStorage(tmp_path)
    parts = _body_parts(3 * BLOCK)
    with pytest.raises(ClientDisconnect):
        await receive_file(_request(parts[:-10], disconnect=True), storage, POLICY)
    assert list((tmp_path / "tmp").iterdir()) == []


async def test_a_whole_body_is_staged_then_promoted(tmp_path: Path) -> None:
    storage = FileStorage(tmp_path)
    received = await receive_file(_request(_body_parts(3 * BLOCK), disconnect=False), storage, POLICY)
    assert received.size == 3 * BLOCK and received.name == "big.bin"
    assert storage.staged(received.file_id).stat().st_size == 3 * BLOCK
    assert not storage.exists(received.file_id)
    await storage.promote(received.file_id)
    assert storage.exists(received.file_id) and not storage.staged(received.file_id).exists()


async def test_recovery_after_a_kill(tmp_path: Path) -> None:
    storage = FileStorage(tmp_path)
    storage.tmp.mkdir(parents=True)
    for name in ("committed", "abandoned", "arriving"):
        storage.staged(name).write_bytes(b"data")
    old = time.time() - STALE_SECONDS - 5
    os.utime(storage.staged("abandoned"), (old, old))
    os.utime(storage.staged("committed"), (old, old))

    async def committed(ids: list[str]) -> set[str]:
        return {"committed"} & set(ids)

    assert await storage.recover(committed) == 2
    assert storage.path("committed").read_bytes() == b"data"  # its row committed: put in place
    assert not storage.staged("abandoned").exists() and not storage.path("abandoned").exists()
    assert storage.staged("arriving").exists()  # may still be arriving in another process
