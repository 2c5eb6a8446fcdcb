"""scripts/build_static.py builds the desk from web/ when web/package.json exists, again when it changes."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_static.py"
pytestmark = pytest.mark.skipif(shutil.which("npm") is None, reason="npm is not installed")


def load() -> Any:
    spec = importlib.util.spec_from_file_location("build_static_under_test", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_desk_is_built_from_web_with_npm_ci_and_build(tmp_path: Path) -> None:
    build_static = load()
    web = tmp_path / "web"
    web.mkdir()
    out = "../src/frontdesk/static/desk"
    writer = (
        f"const fs=require('fs');fs.mkdirSync('{out}',{{recursive:true}});"
        f"fs.writeFileSync('{out}/index.html','<div id=desk></div>')"
    )
    package = {
        "name": "desk",
        "version": "0.0.0",
        "private": True,
        "scripts": {"build": f'node -e "{writer}"'},
    }
    (web / "package.json").write_text(json.dumps(package))
    lock = {"name": "desk", "version": "0.0.0", "lockfileVersion": 3, "requires": True, "packages": {"": {}}}
    (web / "package-lock.json").write_text(json.dumps(lock))
    static = tmp_path / "src" / "frontdesk" / "static"
    static.mkdir(parents=True)

    assert build_static.build_desk(web, static) is True
    assert (static / "desk" / "index.html").read_text() == "<div id=desk></div>"
    assert build_static.build_desk(web, static) is False  # nothing changed
    later = (static / "desk" / "index.html").stat().st_mtime + 5
    os.utime(web / "package.json", (later, later))
    assert build_static.build_desk(web, static) is True


def test_no_web_folder_no_desk(tmp_path: Path) -> None:
    build_static = load()
    assert build_static.build_desk(tmp_path / "web", tmp_path) is False
