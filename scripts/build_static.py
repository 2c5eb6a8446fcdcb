#!/usr/bin/env python3
"""Build the front-end files the server serves into src/frontdesk/static/ (git-ignored, carried in the wheel).

  static/livechat/    the official visitor widget's build (npm @rocket.chat/livechat), unchanged
  static/swagger-ui/  Swagger UI's browser bundle (npm swagger-ui-dist), for /api/docs
  static/desk/        the agent desk, built from web/ (`npm ci && npm run build`) when web/package.json exists

The two npm packages are fetched with `npm pack` (the tarball alone: no dependencies, no install scripts),
pinned by version and checked against the integrity recorded below. Run by `make`, by the wheel build
(setup.py) and by the Containerfile. npm's output is shown only when a step fails.

    python scripts/build_static.py [--root DIR] [--no-desk]
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class NpmBundle:
    package: str
    version: str
    integrity: str  # `npm view <package>@<version> dist.integrity`
    target: str  # directory under static/
    keep: tuple[str, ...]  # files of the package to copy, relative to package/<source>/
    source: str = ""

    @property
    def spec(self) -> str:
        return f"{self.package}@{self.version}"


WIDGET = NpmBundle(
    "@rocket.chat/livechat",
    "1.13.3",
    "sha512-gEX3V2Cr+7Nr+j4CFwBBX7R/1mZxWvnmpbz/jc+gJOa7zKJOdyv4waLc5RegmoubxpNlzbpbMiNkwg5GQuhyWA==",
    "livechat",
    keep=(),  # the whole build/ directory but its source maps
    source="build",
)
SWAGGER_UI = NpmBundle(
    "swagger-ui-dist",
    "5.35.0",
    "sha512-U06rpMtW9V3XPGOBeamTUSr0Z09jMX4IJuANpE/EZbAhw0G8CgwrzU4YmXkn/h0wCDNsXdGarTNNHC3sU8yVUQ==",
    "swagger-ui",
    keep=("swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png", "LICENSE", "NOTICE"),
)
BUNDLES = (WIDGET, SWAGGER_UI)
STAMP = ".npm-package"


class BuildError(RuntimeError):
    pass


def run(cmd: list[str], cwd: Path) -> None:
    """Run quietly; on failure show what the command printed."""
    result = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout)
        raise BuildError(f"`{' '.join(cmd)}` failed in {cwd} (exit {result.returncode})")


def npm() -> str:
    found = shutil.which("npm")
    if found is None:
        raise BuildError("npm is not installed: the front-end files are built with Node.js and npm")
    return found


def _integrity(path: Path) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode()


def build_bundle(bundle: NpmBundle, static: Path) -> bool:
    """Unpack the package's files into static/<target>; False when they are already there."""
    target = static / bundle.target
    stamp = target / STAMP
    wanted = f"{bundle.spec} {bundle.integrity}\n"
    if stamp.is_file() and stamp.read_text() == wanted:
        return False
    with tempfile.TemporaryDirectory() as tmp:
        run([npm(), "pack", bundle.spec, "--silent", "--pack-destination", tmp], cwd=Path(tmp))
        tarball = next(Path(tmp).glob("*.tgz"))
        if _integrity(tarball) != bundle.integrity:
            raise BuildError(f"{bundle.spec}: the tarball's integrity is not the one recorded in {__file__}")
        unpacked = Path(tmp) / "unpacked"
        with tarfile.open(tarball) as archive:
            # the "data" filter refuses links and paths outside the target (Python >= 3.11.4)
            safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
            archive.extractall(unpacked, **safe)  # type: ignore[arg-type]
        source = unpacked / "package" / bundle.source
        staging = static / f".{bundle.target}.new"
        shutil.rmtree(staging, ignore_errors=True)
        if bundle.keep:
            staging.mkdir(parents=True)
            for name in bundle.keep:
                shutil.copy2(source / name, staging / name)
        else:
            shutil.copytree(source, staging, ignore=shutil.ignore_patterns("*.map", "*.tar.gz"))
        (staging / STAMP).write_text(wanted)
        shutil.rmtree(target, ignore_errors=True)
        staging.rename(target)
    return True


def _newest(tree: Path, skip: set[str]) -> float:
    newest = 0.0
    for dirpath, dirnames, filenames in os.walk(tree):
        dirnames[:] = [d for d in dirnames if d not in skip]
        for name in filenames:
            newest = max(newest, (Path(dirpath) / name).stat().st_mtime)
    return newest


def build_desk(web: Path, static: Path) -> bool:
    """`npm ci && npm run build` in web/ (its build writes static/desk/); False when nothing changed."""
    if not (web / "package.json").is_file():
        return False
    built = static / "desk" / "index.html"
    sources = _newest(web, {"node_modules", "dist", ".vite"})
    if built.is_file() and built.stat().st_mtime >= sources:
        return False
    modules = web / "node_modules" / ".package-lock.json"
    lock = web / "package-lock.json"
    if not modules.is_file() or (lock.is_file() and lock.stat().st_mtime > modules.stat().st_mtime):
        run([npm(), "ci", "--no-audit", "--no-fund"], cwd=web)
    run([npm(), "run", "build"], cwd=web)
    if not built.is_file():
        raise BuildError(f"`npm run build` in {web} did not write {built}")
    built.touch()
    return True


def build_all(root: Path = ROOT, desk: bool = True) -> list[str]:
    static = root / "src" / "frontdesk" / "static"
    static.mkdir(parents=True, exist_ok=True)
    done = [bundle.spec for bundle in BUNDLES if build_bundle(bundle, static)]
    if desk and build_desk(root / "web", static):
        done.append("desk (web/)")
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository (default: this script's)")
    parser.add_argument("--no-desk", action="store_true", help="do not build the desk from web/")
    args = parser.parse_args(argv)
    try:
        done = build_all(args.root, desk=not args.no_desk)
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if done:
        print(f"Front end built into src/frontdesk/static/: {', '.join(done)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
