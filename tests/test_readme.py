"""The README's configuration table names every environment variable the server reads."""

from __future__ import annotations

import re
from pathlib import Path

from frontdesk.cli import MULTIPROC_ENV
from frontdesk.config import Settings

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_setting_is_in_the_readme_table() -> None:
    table = [line for line in README.read_text().splitlines() if line.startswith("| `")]
    documented = {name for line in table for name in re.findall(r"`([A-Z][A-Z0-9_]+)`", line.split("|")[1])}
    read = set(Settings.model_fields) | {MULTIPROC_ENV}
    assert read - documented == set(), "add these to the README's configuration table"
    assert documented - read == set(), "the README documents variables nothing reads"
