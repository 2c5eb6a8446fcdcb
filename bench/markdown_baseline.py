"""The markdown parser as an older commit had it, loaded from git so a bench can time both in one run.

`load_baseline(rev)` copies `src/frontdesk/markdown/` at `rev` (via `git show`) into a temporary directory as
the package `md_baseline_<rev>` and returns its `parse`. Nothing is committed twice: the old code lives only
in git history and in that temporary directory.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "src/frontdesk/markdown"
# The last commit of the parser before the speed work of issue 16 (item 4).
DEFAULT_REV = "337ff3b33b0e34d8a71236451cce7e6f3d607801"


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout


def load_baseline(rev: str = DEFAULT_REV) -> Callable[..., Any]:
    """Import the parser of `rev` under a private name and return its `parse` function."""
    name = f"md_baseline_{_git('rev-parse', '--short=12', rev).strip()}"
    if name not in sys.modules:
        target = Path(tempfile.mkdtemp(prefix="md-baseline-")) / name
        target.mkdir()
        for path in _git("ls-tree", "--name-only", f"{rev}:{PACKAGE}").split():
            if path.endswith(".py"):
                source = _git("show", f"{rev}:{PACKAGE}/{path}")
                (target / path).write_text(source.replace("frontdesk.markdown", name), encoding="utf-8")
        sys.path.insert(0, str(target.parent))
        importlib.import_module(name)
    return sys.modules[name].parse
