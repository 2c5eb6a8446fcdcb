"""GET /favicon.ico: a small icon drawn here (a speech bubble on Frontdesk blue), so browsers that ask for it
(the widget's popout page has no icon of its own) get one instead of a 404 in their console."""

from __future__ import annotations

import struct
import zlib
from functools import lru_cache

from fastapi import APIRouter
from starlette.responses import Response

router = APIRouter(include_in_schema=False)

SIZE = 32
BLUE = (0x1D, 0x74, 0xF5, 0xFF)
WHITE = (0xFF, 0xFF, 0xFF, 0xFF)
CLEAR = (0, 0, 0, 0)


def _pixel(x: float, y: float) -> tuple[int, int, int, int]:
    if (x - 15.5) ** 2 + (y - 15.5) ** 2 > 15.5**2:
        return CLEAR
    bubble = ((x - 16) / 9.5) ** 2 + ((y - 14) / 7) ** 2 <= 1
    tail = 9 <= x <= 14 and 18 <= y <= 25 and (x - 9) >= (y - 18) * 0.7
    return WHITE if bubble or tail else BLUE


def _png() -> bytes:
    rows = b"".join(
        b"\x00" + b"".join(bytes(_pixel(x + 0.5, y + 0.5)) for x in range(SIZE)) for y in range(SIZE)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


@lru_cache(maxsize=1)
def icon() -> bytes:
    """An ICO file holding one PNG image (the form every current browser reads)."""
    png = _png()
    directory = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", SIZE, SIZE, 0, 0, 1, 32, len(png), 6 + 16)
    return directory + entry + png


@router.get("/favicon.ico")
async def favicon() -> Response:
    return Response(icon(), media_type="image/x-icon", headers={"Cache-Control": "public, max-age=86400"})
