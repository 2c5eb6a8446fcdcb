"""The `frontdesk` command: --version, a help line on every option, settings errors in one line."""

from __future__ import annotations

import argparse
import subprocess
import sys
from typing import Any

import pytest

from frontdesk import __version__
from frontdesk.cli import main, parser


def subcommands(top: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in top._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0 and capsys.readouterr().out.strip() == f"frontdesk {__version__}"


def test_every_command_and_option_has_help() -> None:
    top = parser()
    commands = subcommands(top)
    assert set(commands) == {"serve", "migrate", "demo", "create-user"}
    action = next(a for a in top._actions if isinstance(a, argparse._SubParsersAction))
    assert all(choice.help for choice in action._choices_actions)
    for name, command in [("frontdesk", top), *commands.items()]:
        for option in command._actions:
            if isinstance(option, argparse._SubParsersAction):
                continue
            assert option.help, f"{name} {option.dest} has no help"


def test_a_bad_setting_is_one_line_not_a_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "frontdesk.cli", "migrate"],
        env={"PORT": "not-a-port", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().startswith("error: PORT:") and "Traceback" not in result.stderr


def test_several_workers_on_sqlite_are_refused_with_the_reason(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/one.db")
    assert main(["serve", "--workers", "2"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("error: --workers N needs PostgreSQL") and "--workers 1" in error
    assert not (tmp_path / "one.db").exists()  # refused before anything was migrated or served
