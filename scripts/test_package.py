#!/usr/bin/env python3
"""CI step (`make test-package`): the wheel, installed into a new virtualenv, serves from any directory.

1. `python -m build` makes the sdist and the wheel from it (setup.py builds the front end into both);
2. the wheel must carry the widget, Swagger UI, the sound, the migrations and the desk (from web/);
3. a new venv gets the wheel with pip (what `pipx install dist/frontdesk-*.whl` does, without needing pipx);
4. `frontdesk serve` runs from an empty directory elsewhere, on a free port and a throwaway SQLite file, and
   the widget, its files, the sound, the API docs and their assets, /, /livez and /readyz must answer.

    .venv/bin/python scripts/test_package.py [--keep]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REQUIRED_IN_WHEEL = (
    "frontdesk/static/livechat/index.html",
    "frontdesk/static/livechat/rocketchat-livechat.min.js",
    "frontdesk/static/swagger-ui/swagger-ui-bundle.js",
    "frontdesk/static/swagger-ui/swagger-ui.css",
    "frontdesk/sounds/chime.mp3",
    "frontdesk/migrations/env.py",
    "frontdesk/migrations/script.py.mako",
)
DESK_IN_WHEEL = "frontdesk/static/desk/index.html"


def step(text: str) -> None:
    print(f"test-package: {text}", flush=True)


def run(cmd: list[str]) -> None:
    result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        sys.stdout.write(result.stdout)
        raise SystemExit(f"test-package: `{' '.join(cmd)}` failed (exit {result.returncode})")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as res:
            return res.status, res.headers.get("content-type", ""), res.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("content-type", ""), exc.read()


def check_wheel(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = list(REQUIRED_IN_WHEEL)
    if (ROOT / "web" / "package.json").is_file():
        wanted.append(DESK_IN_WHEEL)
    missing = [name for name in wanted if name not in names]
    if missing:
        raise SystemExit(f"test-package: the wheel lacks {missing}")
    step(f"{wheel.name}: {len(names)} files, front end included")


def serve_and_check(venv: Path, work: Path) -> None:
    port = free_port()
    elsewhere = work / "elsewhere"
    elsewhere.mkdir()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))},
        "PORT": str(port),
        "DATABASE_URL": f"sqlite:///{work / 'data' / 'frontdesk.db'}",
        "ADMIN_USERNAME": "admin",
        "ADMIN_PASS": "package-test",
        "BCRYPT_ROUNDS": "4",
    }
    env.pop("LIVECHAT_WIDGET_DIR", None)
    log = (work / "serve.log").open("w")
    server = subprocess.Popen(
        [str(venv / "bin" / "frontdesk"), "serve"], cwd=elsewhere, env=env, stdout=log, stderr=log
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if get(f"{base}/livez")[0] == 200:
                    break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                output = (work / "serve.log").read_text()
                raise SystemExit(f"test-package: `frontdesk serve` did not start:\n{output}")
            time.sleep(0.3)
        checks = {
            "/livechat?mode=popout": ("text/html", b"SERVER_URL = 'http://localhost:%d'" % port),
            "/livechat/rocketchat-livechat.min.js": ("javascript", b"RocketChat"),
            "/sounds/chime.mp3": ("audio/mpeg", b""),
            "/api/docs": ("text/html", b"/api/docs/assets/swagger-ui-bundle.js"),
            "/api/docs/assets/swagger-ui-bundle.js": ("javascript", b"SwaggerUIBundle"),
            "/": ("text/html", b"Frontdesk"),
            "/readyz": ("application/json", b'"status":"ok"'),
        }
        if (ROOT / "web" / "package.json").is_file():  # the desk, built: `/` is its page, its assets load
            checks["/"] = ("text/html", b'src="/_desk/assets/')
            found = re.search(r'src="(/_desk/assets/[^"]+)"', get(base + "/")[2].decode())
            script = found.group(1) if found else "/_desk/assets/missing.js"
            checks[script] = ("javascript", b"")
        for path, (content_type, needle) in checks.items():
            status, got_type, body = get(base + path)
            if status != 200 or content_type not in got_type or needle not in body:
                raise SystemExit(f"test-package: GET {path} gave {status} {got_type} {body[:200]!r}")
            step(f"GET {path}: {status} {got_type.split(';')[0]}, {len(body)} bytes")
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    if not (elsewhere.is_dir() and not any(elsewhere.iterdir())):
        raise SystemExit(f"test-package: serve wrote into its working directory: {list(elsewhere.iterdir())}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="frontdesk-package-"))
    try:
        step("python -m build (sdist, then the wheel from it)")
        run([sys.executable, "-m", "build", "--outdir", str(work / "dist"), str(ROOT)])
        wheel = next((work / "dist").glob("frontdesk-*.whl"))
        check_wheel(wheel)
        step("a new venv, pip install the wheel")
        run([sys.executable, "-m", "venv", str(work / "venv")])
        pip = [str(work / "venv" / "bin" / "python"), "-m", "pip", "install", "--disable-pip-version-check"]
        run([*pip, str(wheel)])
        step("frontdesk serve from another directory")
        serve_and_check(work / "venv", work)
    finally:
        if args.keep:
            step(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    step(f"passed in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
