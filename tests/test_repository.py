"""The repository is self-contained: no file refers to material outside it, and what the code cites exists."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Split so that this file does not match itself.
OUTSIDE = re.compile("|".join(re.escape(a + b) for a, b in (("../", "shared"), ("/work", "/shared"))))
CITED = re.compile(r"\bdocs/[\w./-]+\.md\b")


def tracked_files() -> list[Path]:
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, text=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [ROOT / name for name in out.split("\0") if name and (ROOT / name).is_file()]


def text_of(path: Path) -> str | None:
    if path.suffix in {".png", ".mp3", ".jpg", ".ico"}:
        return None
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None


def test_no_file_refers_to_material_outside_the_repository() -> None:
    offenders = []
    for path in tracked_files():
        text = text_of(path)
        if text is not None and OUTSIDE.search(text):
            offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, f"these files refer outside the repository: {offenders}"


def test_every_cited_doc_exists() -> None:
    missing = set()
    for path in tracked_files():
        text = text_of(path)
        if text is None or path.suffix not in {".py", ".md", ".toml", ".sh", ".yaml"}:
            continue
        for cited in CITED.findall(text):
            if not (ROOT / cited).is_file() and not (path.parent / cited).is_file():
                missing.add(f"{path.relative_to(ROOT)} -> {cited}")
    assert not missing, sorted(missing)
