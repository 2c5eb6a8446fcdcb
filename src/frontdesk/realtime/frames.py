"""One outgoing DDP frame, serialised once and framed for the wire once per encoding, however many sockets
receive it: a broadcast to 5,000 subscribers costs one JSON encoding and at most one deflate, not 5,000."""

from __future__ import annotations

import struct
import zlib

PLAIN = 0  # the frame's encoding on a socket without permessage-deflate; else the deflate window bits
MIN_DEFLATE = 256  # bytes: a shorter payload goes uncompressed (RFC 7692 lets each message choose)
_SYNC_TAIL = b"\x00\x00\xff\xff"  # what a sync flush ends with; RFC 7692 has the sender drop it


def _header(length: int, compressed: bool) -> bytes:
    """A final text frame's header as a server writes it (no mask); RSV1 marks a deflated message."""
    first = 0xC1 if compressed else 0x81
    if length < 126:
        return bytes((first, length))
    if length < 1 << 16:
        return struct.pack("!BBH", first, 126, length)
    return struct.pack("!BBQ", first, 127, length)


def deflate(payload: bytes, window_bits: int) -> bytes:
    """The message compressed on its own (a fresh compressor, no earlier context): valid for every peer that
    accepted permessage-deflate with at least this window, with or without context takeover."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -window_bits, memLevel=5)
    data = compressor.compress(payload) + compressor.flush(zlib.Z_SYNC_FLUSH)
    return data[:-4] if data.endswith(_SYNC_TAIL) else data


class OutFrame:
    """A DDP frame's text, and its websocket framing per encoding, each built the first time it is asked.
    `shared`: the frame goes to many sockets, so compressing it once pays; a frame for one socket (a method's
    result, a ping) goes uncompressed, as a fresh compressor per small frame would cost more than it saves."""

    __slots__ = ("_wire", "shared", "text")

    def __init__(self, text: str, shared: bool = True) -> None:
        self.text = text
        self.shared = shared
        self._wire: dict[int, bytes] = {}

    def wire(self, encoding: int) -> bytes:
        """The whole websocket frame: PLAIN, or deflated with `encoding` window bits (9..15)."""
        data = self._wire.get(encoding)
        if data is None:
            payload = self.text.encode()
            compress = encoding != PLAIN and self.shared and len(payload) >= MIN_DEFLATE
            if compress:
                payload = deflate(payload, encoding)
            data = self._wire[encoding] = _header(len(payload), compress) + payload
        return data
