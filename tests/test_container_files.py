"""Containerfile and compose.yaml, checked without a container engine (this machine cannot pull images).

What a linter would catch, and what this project relies on: a Node stage builds the front end, the runtime
stage is slim Python run by an unprivileged user, compose runs two workers on PostgreSQL and Redis, and
every health check asks /readyz.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
INSTRUCTIONS = {
    "FROM", "RUN", "CMD", "LABEL", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER",
    "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
}  # fmt: skip


def instructions(path: Path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    out: list[tuple[str, str]] = []
    pending = ""
    for line in path.read_text().splitlines():
        stripped = line.strip()
        if not pending and (not stripped or stripped.startswith("#")):
            continue
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        full = pending + stripped
        pending = ""
        keyword, _, rest = full.partition(" ")
        out.append((keyword.upper(), rest.strip()))
    assert not pending, "a continuation line runs off the end of the file"
    return out


def stages(parsed: list[tuple[str, str]]) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(image, name, instructions) per FROM."""
    found: list[tuple[str, str, list[tuple[str, str]]]] = []
    for keyword, rest in parsed:
        if keyword == "FROM":
            image, _, name = rest.partition(" AS ")
            found.append((image.strip(), name.strip(), []))
        else:
            assert found, f"{keyword} before the first FROM"
            found[-1][2].append((keyword, rest))
    return found


def test_containerfile_stages() -> None:
    parsed = instructions(ROOT / "Containerfile")
    assert {keyword for keyword, _ in parsed} <= INSTRUCTIONS
    built = stages(parsed)
    assert [name for _, name, _ in built] == ["frontend", "wheel", "runtime"]
    assert re.match(r"docker\.io/library/node:\d+", built[0][0])
    runtime_image, _, runtime = built[-1]
    assert re.match(r"docker\.io/library/python:3\.11-slim", runtime_image)
    names = [name for _, name, _ in built]
    for index, (_, _, steps) in enumerate(built):
        for keyword, rest in steps:
            source = re.match(r"--from=(\S+)", rest) if keyword == "COPY" else None
            if source:
                assert source.group(1) in names[:index], f"COPY --from={source.group(1)} in stage {index}"
    users = [rest for keyword, rest in runtime if keyword == "USER"]
    assert users and users[-1] not in ("root", "0"), "the runtime must not run as root"
    assert ("EXPOSE", "3000") in runtime
    commands = [rest for keyword, rest in runtime if keyword == "CMD"]
    assert commands and shlex.split(commands[-1].strip("[]").replace(",", " ")) == ["frontdesk", "serve"]
    assert any(k == "HEALTHCHECK" and "/readyz" in rest for k, rest in runtime)
    node_steps = " ".join(rest for keyword, rest in built[0][2] if keyword == "RUN")
    assert "scripts/build_static.py" in node_steps and (ROOT / "scripts" / "build_static.py").is_file()
    assert any(k == "ENV" and "FRONTDESK_PREBUILT_FRONTEND=1" in rest for k, rest in built[1][2])


def test_the_build_context_leaves_out_local_state() -> None:
    for name in (".containerignore", ".dockerignore"):
        ignored = set((ROOT / name).read_text().split())
        assert {".git", ".venv", "**/node_modules", "src/frontdesk/static", "data"} <= ignored, name


def service(compose: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = compose["services"][name]
    return found


def test_compose_runs_two_workers_on_postgresql_and_redis() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    assert set(compose["services"]) == {"frontdesk", "postgres", "redis"}
    app = service(compose, "frontdesk")
    assert app["build"]["dockerfile"] == "Containerfile"
    command = app["command"]
    assert command[:2] == ["frontdesk", "serve"] and command[command.index("--workers") + 1] == "2"
    env = app["environment"]
    assert env["DATABASE_URL"].startswith("postgresql://") and "@postgres:5432/" in env["DATABASE_URL"]
    assert env["REDIS_URL"].startswith("redis://redis:")
    assert app["depends_on"] == {
        "postgres": {"condition": "service_healthy"},
        "redis": {"condition": "service_healthy"},
    }
    assert any("/readyz" in part for part in app["healthcheck"]["test"])
    assert "3000:3000" in app["ports"]
    for name in ("postgres", "redis"):
        check = service(compose, name)["healthcheck"]
        assert check["test"] and check["interval"] and check["retries"] >= 3
    assert "pgdata" in compose["volumes"]
    postgres_env = service(compose, "postgres")["environment"]
    assert postgres_env["POSTGRES_DB"] == "frontdesk" and postgres_env["POSTGRES_USER"] == "frontdesk"
