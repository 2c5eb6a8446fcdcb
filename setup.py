"""Build hooks: the wheel and the sdist carry the front end, built into src/frontdesk/static/ from npm.

Everything else about the package is in pyproject.toml. `python -m build` makes the sdist (front end built
first, so it is inside) and then the wheel from it; `pip install .` builds the wheel directly. Either way
scripts/build_static.py runs: the widget and Swagger UI always, the desk when web/package.json exists.
An editable install (`pip install -e .`, what `make` does) leaves the front end to `make static`;
FRONTDESK_PREBUILT_FRONTEND=1 says it is built already (the Containerfile's Node stage did it).
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

ROOT = Path(__file__).resolve().parent


def build_front_end() -> None:
    if os.environ.get("FRONTDESK_PREBUILT_FRONTEND"):  # the Containerfile built it in a Node stage
        if not (ROOT / "src" / "frontdesk" / "static" / "livechat" / "index.html").is_file():
            raise SystemExit(
                "error: FRONTDESK_PREBUILT_FRONTEND is set but src/frontdesk/static/ is not built"
            )
        return
    spec = importlib.util.spec_from_file_location("build_static", ROOT / "scripts" / "build_static.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    try:
        done = module.build_all(ROOT)
    except module.BuildError as exc:
        raise SystemExit(f"error: {exc}") from None
    if done:
        print(f"front end built: {', '.join(done)}")


class BuildPy(build_py):
    def run(self) -> None:
        if not getattr(self, "editable_mode", False):
            build_front_end()
        super().run()


class Sdist(sdist):
    def run(self) -> None:
        build_front_end()
        super().run()


setup(cmdclass={"build_py": BuildPy, "sdist": Sdist})
