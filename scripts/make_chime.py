#!/usr/bin/env python3
"""Synthesise the widget's notification sound, src/frontdesk/sounds/chime.mp3 (committed, ~6 KB).

Rocket.Chat's livechat config points the widget at `<ROOT_URL>/sounds/chime.mp3`, a file of its own
distribution. Frontdesk ships this one instead, made here from scratch: two soft bell tones (a struck
partial plus a quieter octave, each with a short attack and an exponential decay), mono, 22.05 kHz,
encoded with LAME. Re-run to change it (needs `pip install lameenc`):

    .venv/bin/python scripts/make_chime.py
"""

from __future__ import annotations

import math
import struct
from pathlib import Path

RATE = 22_050
TARGET = Path(__file__).resolve().parents[1] / "src" / "frontdesk" / "sounds" / "chime.mp3"
# (start in seconds, frequency in Hz): E6 then B5, a falling fourth as doorbells ring
NOTES = ((0.0, 1318.51), (0.16, 987.77))
LENGTH = 0.9


def samples() -> list[int]:
    out = []
    for i in range(int(RATE * LENGTH)):
        t = i / RATE
        value = 0.0
        for start, freq in NOTES:
            local = t - start
            if local < 0:
                continue
            envelope = min(1.0, local / 0.004) * math.exp(-local * 6.0)
            phase = 2 * math.pi * freq * local
            value += envelope * (math.sin(phase) + 0.3 * math.sin(2 * phase))
        fade = min(1.0, (LENGTH - t) / 0.05)  # no click at the end
        out.append(int(max(-1.0, min(1.0, 0.35 * value * fade)) * 32767))
    return out


def main() -> None:
    import lameenc

    encoder = lameenc.Encoder()
    encoder.set_bit_rate(48)
    encoder.set_in_sample_rate(RATE)
    encoder.set_channels(1)
    encoder.set_quality(2)
    values = samples()
    pcm = struct.pack(f"<{len(values)}h", *values)
    data = encoder.encode(pcm) + encoder.flush()
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(bytes(data))
    print(f"wrote {TARGET} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
