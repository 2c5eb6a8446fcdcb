"""Debian's chromium driven by Playwright from PyPI (never a downloaded browser), or a reason to skip."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from frontdesk.assets import WIDGET_DIR

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# As the machine notes say: headless as root, and no background traffic to hosts this machine cannot reach.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
DOCS = Path(__file__).resolve().parents[2] / "docs"


def screenshot_path(name: str, tmp_path: Path) -> Path:
    """docs/<name> when it is missing or SAVE_SCREENSHOTS=1 (so test runs leave the tree clean), else tmp."""
    target = DOCS / name
    if os.environ.get("SAVE_SCREENSHOTS") == "1" or not target.exists():
        DOCS.mkdir(exist_ok=True)
        return target
    return tmp_path / name


def skip_reason() -> str | None:
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[dev]')"
    if not Path(CHROMIUM).exists():
        return "Debian chromium is not installed (make system-deps, as root)"
    if not (WIDGET_DIR / "index.html").is_file():
        return "the livechat widget is not built (make static)"
    return None
