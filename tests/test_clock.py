"""clock.iso writes dates exactly as JavaScript's Date.toJSON; parse_iso reads them back."""

from __future__ import annotations

from datetime import UTC, datetime

from frontdesk.clock import iso, parse_iso

NOW = 1_700_000_000_000


def reference(ms: int) -> str:
    dt = datetime.fromtimestamp(ms / 1000, tz=UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"


def test_iso_matches_the_strftime_form_and_round_trips() -> None:
    samples = [0, 1, 999, 86_399_999, 86_400_000, NOW, NOW + 123, 951_782_400_000, 4_102_444_799_999]
    samples += [NOW + i * 7_777_777 for i in range(2_000)]
    assert all(iso(ms) == reference(ms) for ms in samples)
    assert all(parse_iso(iso(ms)) == ms for ms in samples)
