"""Every test gets a fresh, private home of its own (in tmp_path where it has one); no test touches a real one."""

from __future__ import annotations

import hashlib
import itertools
import json
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import pytest
import typer.testing as _typer_testing
from typer.testing import CliRunner

from refusal_log import dates, paths
from refusal_log.cli import app
from refusal_log.cli import command as cli_root

# Typer's CliRunner rebuilds the whole click command tree (every command's signature and
# type hints) on each invoke: two thirds of an in-process call. A user's process builds it
# once; so do the tests, once per app for the session. Every invoke still parses its own
# arguments into a fresh click context.
_build_command = getattr(_typer_testing, "_get_command", None)
_built: dict[int, tuple[object, object]] = {}


def _command_built_once(typer_app):
    kept = _built.get(id(typer_app))
    if kept is None or kept[0] is not typer_app:
        # The app's own root, as the console script builds it (each command built when first used).
        built = cli_root() if typer_app is app else _build_command(typer_app)
        kept = _built[id(typer_app)] = (typer_app, built)
    return kept[1]


if _build_command is not None:  # else (a newer Typer) each invoke just builds it again
    _typer_testing._get_command = _command_built_once


def pytest_addoption(parser):
    parser.addoption(
        "--full-table", action="store_true",
        help="check every row of the wording tables; by default a fixed sixth of the older independent sets is "
             "checked (the newest whole), which keeps the suite quick. Run it after editing rules.toml.")


@pytest.fixture
def full_table(request) -> bool:
    return request.config.getoption("full_table")


@pytest.fixture(scope="session")
def _homes(tmp_path_factory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("homes")
    return (root / f"home{n}" for n in itertools.count())


@pytest.fixture(autouse=True)
def home(request, _homes, monkeypatch) -> Path:
    # tmp_path/"home" where the test has a tmp_path; otherwise a new name in a session folder,
    # not made until used: most tests (the wording cases) never touch a home, and making a
    # numbered tmp_path for each of them cost seconds of the suite.
    if "tmp_path" in request.fixturenames:
        folder = request.getfixturevalue("tmp_path") / "home"
    else:
        folder = next(_homes)
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


READY_INIT = ("init", "--child", "Sam", "--school", "Hill Primary", "--parent", "Alex",
              "--email", "alex@example.org", "--school-email", "office@hill.example")


def build_home(folder: Path, build) -> Path:
    """Run `build(cli)` with `folder` as the home, as a test's commands would run (the log's
    zone Europe/London, no fake terminal), for a fixture wider than a test: a home made once
    that each test copies (copy_home). Leaves nothing set for the tests that follow."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REFUSAL_LOG_HOME", str(folder))
        patch.setenv("REFUSAL_LOG_TZ", "Europe/London")
        patch.delenv("CI_FAKE_TTY", raising=False)
        paths.set_home(None)
        dates.use_log_zone(None)
        try:
            build(Cli())
        finally:
            paths.set_home(None)
            dates.use_log_zone(None)
    settle(folder)
    return folder


class MadeOnce:
    """Homes a module's tests set up the same way, each built (build_home) the first time a test
    asks for it, then copied into that test's home: so each test still starts from exactly what
    the commands make, and may change its copy freely."""

    factory = None  # the session's tmp_path_factory, set by _made_once_factory below

    def __init__(self) -> None:
        self.made = {}

    def into(self, target: Path, key, build) -> Path:
        folder = self.made.get(key)
        if folder is None:
            folder = self.made[key] = build_home(MadeOnce.factory.mktemp("made-once") / "home", build)
        return copy_home(folder, target)


@pytest.fixture(scope="session", autouse=True)
def _made_once_factory(tmp_path_factory):
    """Where MadeOnce builds its homes: a module keeps one `MadeOnce()` at its top, with no fixture of its own."""
    MadeOnce.factory = tmp_path_factory


@pytest.fixture(scope="session")
def initialised(tmp_path_factory) -> Path:
    """A home `init` set up once for the session (never changed): `ready` copies it."""
    return build_home(tmp_path_factory.mktemp("ready-master") / "home", lambda cli: cli(*READY_INIT, ok=True))


@pytest.fixture
def ready(initialised, home) -> Path:
    """A home set up as in the README: one child, the parent's and school's details.

    The same `init` as a user would run, made once and copied (owner-only modes kept):
    a fresh database and its migrations cost more than most of the tests that use it."""
    return copy_home(initialised, home)


@dataclass(frozen=True)
class BuiltDemo:
    """The demo as `refusal-log demo` built it once for the session: never change `folder`."""

    folder: Path
    stdout: str
    stderr: str
    began: datetime
    ended: datetime

    def copy(self, target: Path) -> Path:
        """A private copy to use; copytree keeps the 0700 folder and 0600 files as they were built."""
        return copy_home(self.folder, target)


def settle(folder: Path) -> None:
    """Fold any write-ahead log into the database file, so that a copy is complete on its own
    even if this process still holds a connection to the original."""
    database = folder / paths.DB_NAME
    if database.exists():
        with closing(sqlite3.connect(database)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def copy_home(source: Path, target: Path) -> Path:
    # SQLite rebuilds a -shm index itself; a copied one could describe the original's state.
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("*-shm"))
    return target


@pytest.fixture(scope="session")
def built_demo(tmp_path_factory) -> BuiltDemo:
    # Building the demo is the dearest set-up in the suite; it is built once and copied.
    # Its own home and zone, since a session fixture is made before the test's `home`.
    folder = tmp_path_factory.mktemp("demo-master") / "demo"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REFUSAL_LOG_HOME", str(folder.parent / "not-the-demo"))
        patch.setenv("REFUSAL_LOG_TZ", "Europe/London")
        patch.delenv("CI_FAKE_TTY", raising=False)
        paths.set_home(None)
        dates.use_log_zone(None)
        try:
            began = datetime.now(timezone.utc)
            result = CliRunner().invoke(app, ["demo", "--home", str(folder)])
            ended = datetime.now(timezone.utc)
        finally:
            paths.set_home(None)
            dates.use_log_zone(None)
    assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
    settle(folder)
    return BuiltDemo(folder, result.stdout, result.stderr, began, ended)


@pytest.fixture
def demo_home(built_demo, tmp_path) -> Path:
    """A fresh copy of the session's demo, this test's to change."""
    return built_demo.copy(tmp_path / "demo")


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under a folder with the hash of its bytes: to prove nothing changed."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}
