"""The websocket protocol `frontdesk serve` runs uvicorn with: uvicorn's own, plus a way for a DDP connection
to write frames framed once for every subscriber (realtime/frames.py) straight to its transport.

Through ASGI every frame is a `websocket.send` that walks the middleware and is framed (and deflated) again
for each socket: a broadcast to 5,000 sockets paid that 5,000 times. Here a frame is framed once per
encoding and each socket only gets bytes appended to its transport's buffer. Anything unusual (another
server, a socket that is closing, a deflate window we do not build) falls back to ASGI sends.
"""

from __future__ import annotations

from typing import Any

from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol
from websockets.extensions.permessage_deflate import PerMessageDeflate
from websockets.protocol import State

from frontdesk.realtime.frames import PLAIN, OutFrame

SCOPE_KEY = "frontdesk.wire_socket"
MAX_BUFFERED = 16 * 1024 * 1024  # bytes waiting in one socket's transport before it counts as stalled


class WireSocketProtocol(WebSocketsSansIOProtocol):
    """Leaves itself in the ASGI scope, where realtime/ddp.py finds it (`wire_socket_of`)."""

    def handle_connect(self, event: Any) -> None:
        super().handle_connect(event)
        scope = getattr(self, "scope", None)
        if scope is not None and not self.close_sent:
            scope[SCOPE_KEY] = self

    def frame_encoding(self) -> int | None:
        """How frames are written on this socket: PLAIN, deflate window bits, or None (use ASGI)."""
        extensions = self.conn.extensions
        if not extensions:
            return PLAIN
        if len(extensions) == 1 and isinstance(extensions[0], PerMessageDeflate):
            bits = extensions[0].local_max_window_bits
            return bits if 9 <= bits <= 15 else None
        return None

    def is_open(self) -> bool:
        return not (self.close_sent or self.conn.state is not State.OPEN or self.transport.is_closing())

    def write_frames(self, frames: list[OutFrame], encoding: int) -> bool:
        """Append the frames to the socket in one write; False if the socket is closing or stalled (more than
        MAX_BUFFERED bytes it has not read), in which case nothing was written."""
        transport = self.transport
        if not self.is_open() or transport.get_write_buffer_size() > MAX_BUFFERED:
            return False
        if len(frames) == 1:
            transport.write(frames[0].wire(encoding))
        else:
            transport.write(b"".join(f.wire(encoding) for f in frames))
        return True


def wire_socket_of(scope: Any) -> WireSocketProtocol | None:
    socket = scope.get(SCOPE_KEY) if isinstance(scope, dict) else None
    return socket if isinstance(socket, WireSocketProtocol) else None
