"""Frames framed once for every subscriber: the wire bytes, and delivery in order whichever way a socket
is written (straight to the transport, plain or deflated, or through ASGI sends)."""

from __future__ import annotations

import asyncio
import struct
import zlib

import pytest

from chat import make_agent, make_visitor, open_room
from frontdesk.realtime.frames import PLAIN, OutFrame, deflate
from realtime.ddp_client import DDPClient, visitor_args


def unframe(data: bytes) -> tuple[int, bytes, bytes]:
    """(first byte, payload, rest) of one unmasked server frame."""
    length, at = data[1] & 0x7F, 2
    if length == 126:
        (length,), at = struct.unpack("!H", data[2:4]), 4
    elif length == 127:
        (length,), at = struct.unpack("!Q", data[2:10]), 10
    return data[0], data[at : at + length], data[at + length :]


@pytest.mark.parametrize("size", [0, 125, 126, 65535, 65536, 70000])
def test_plain_frame_header_carries_the_length(size: int) -> None:
    text = "x" * size
    first, payload, rest = unframe(OutFrame(text).wire(PLAIN))
    assert (first, payload.decode(), rest) == (0x81, text, b"")


def test_deflated_frames_decode_after_earlier_context() -> None:
    """A peer that keeps its window between messages (context takeover) decodes messages compressed on
    their own, and an OutFrame compresses once per window size."""
    decoder = zlib.decompressobj(-15)
    texts = [f'{{"msg":"changed","n":{i},"text":"{"héllo " * i}"}}' for i in range(40, 80)]
    for text in texts:
        frame = OutFrame(text)
        wire = frame.wire(12)
        assert frame.wire(12) is wire
        first, payload, rest = unframe(wire)
        assert first == 0xC1 and rest == b""
        assert decoder.decompress(payload + b"\x00\x00\xff\xff").decode() == text
    for small in (OutFrame("x" * 40), OutFrame("y" * 400, shared=False)):  # not worth a compressor
        first, payload, _ = unframe(small.wire(12))
        assert first == 0x81 and payload.decode() == small.text
    assert len(deflate(b"a" * 10_000, 9)) < 100


@pytest.mark.asyncio
@pytest.mark.parametrize("live", [None, "auto"], indirect=True, ids=["wire", "asgi"])
async def test_burst_reaches_plain_and_deflate_sockets_in_order(live) -> None:
    await make_agent(live.client, live.db)
    visitor = await make_visitor(live.client)
    room = await open_room(live.client, visitor["token"])
    token, rid = visitor["token"], room["_id"]
    async with DDPClient(live.ws_url) as deflated, DDPClient(live.ws_url, compression=None) as plain:
        for ddp in (deflated, plain):
            ready = await ddp.sub("stream-room-messages", rid, visitor_args(token))
            assert ready["msg"] == "ready"
        texts = [f"burst {i} " + "é" * (i * 50) for i in range(30)]
        for text in texts:
            res = await live.client.post(
                "/api/v1/livechat/message", json={"token": token, "rid": rid, "msg": text}
            )
            assert res.status_code == 200, res.text
        for ddp in (deflated, plain):
            got = [(await ddp.next_changed("stream-room-messages", timeout=5))["fields"]["args"][0]["msg"]
                   for _ in texts]  # fmt: skip
            assert got == texts
            assert (await ddp.call_raw("livechat:getInitSettings"))["msg"] == "result"  # replies still flow
            await asyncio.sleep(0)


class _StalledSocket:
    """A wire socket whose peer stopped reading: nothing more can be written."""

    def write_frames(self, frames: list[OutFrame], encoding: int) -> bool:
        return False

    def is_open(self) -> bool:
        return True


def test_a_socket_that_stopped_reading_is_closed_and_gets_nothing_more() -> None:
    from types import SimpleNamespace
    from typing import Any, cast

    from frontdesk.realtime.ddp import Connection

    websocket = SimpleNamespace(client=None)
    connection = Connection(cast(Any, websocket), cast(Any, SimpleNamespace()))
    connection._wire = cast(Any, _StalledSocket())
    connection.send_frames([OutFrame("{}")])
    assert connection._closed and connection._out.get_nowait() is None
    connection.send_frames([OutFrame("{}")])
    assert connection._out.empty()
