"""Every test gets a fresh, private home in tmp_path; no test touches a real one."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from refusal_log import dates, paths
from refusal_log.cli import app


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "home"
    monkeypatch.setenv("REFUSAL_LOG_HOME", str(folder))
    monkeypatch.setenv("REFUSAL_LOG_TZ", "Europe/London")
    monkeypatch.delenv("CI_FAKE_TTY", raising=False)
    paths.set_home(None)
    dates.use_log_zone(None)
    yield folder
    paths.set_home(None)
    dates.use_log_zone(None)


class Cli:
    """Runs refusal-log as a user would, in-process, and keeps stdout and stderr apart."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None, ok: bool | None = None):
        result = self.runner.invoke(app, list(args), input=input)
        if ok is True:
            assert result.exit_code == 0, f"exit {result.exit_code}\nstdout: {result.stdout}\nstderr: {result.stderr}\n{result.exception!r}"
        return result

    def json(self, *args: str):
        result = self(*args, "--json", ok=True)
        return json.loads(result.stdout)


@pytest.fixture
def cli() -> Cli:
    return Cli()


@pytest.fixture
def ready(cli, home) -> Path:
    """A home set up as in the README: one child, the parent's and school's details."""
    cli("init", "--child", "Sam", "--school", "Hill Primary", "--parent", "Alex",
        "--email", "alex@example.org", "--school-email", "office@hill.example", ok=True)
    return home


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under a folder with the hash of its bytes: to prove nothing changed."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}
