"""The shape of the tool: start-up stays light, the contract's spelling exists, the
schema the migrations build is the one the models describe, and every command is
documented."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from refusal_log.cli import app

HEAVY = ("sqlalchemy", "sqlmodel", "jinja2", "pydantic", "pydantic_core", "holidays", "icalendar")
ROOT = Path(__file__).resolve().parent.parent


def imported_modules(*args: str) -> set[str]:
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "refusal_log", *args],
                            capture_output=True, text=True, timeout=60)
    return {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["add-call", "--help"], ["check", "Too unwell to attend today"]])
def test_start_up_imports_nothing_heavy(args):
    modules = imported_modules(*args)
    assert modules, "importtime printed nothing"
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY)
    assert heavy == []


def test_python_dash_m_runs_the_cli():
    result = subprocess.run([sys.executable, "-m", "refusal_log", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("refusal-log ")


def _command(path: list[str]):
    command = typer.main.get_command(app)
    for name in path:
        command = command.commands[name]
    return command


CONTRACT = {
    (): ["--home", "--version"],
    ("init",): ["--child", "--school", "--parent", "--email", "--school-email", "--region"],
    ("child", "add"): ["--school", "--born"],
    ("child", "list"): ["--json"],
    ("contact", "add"): ["--role", "--email", "--phone"],
    ("contact", "list"): ["--json"],
    ("add-absence",): ["--date", "--until", "--sessions", "--reason", "--via", "--told", "--child", "--accept-wording", "--json"],
    ("add-call",): ["--with", "--role", "--when", "--direction", "--summary", "--agreed", "--minutes", "--child", "--json"],
    ("add-gp",): ["--date", "--clinician", "--summary", "--referral", "--letter", "--child", "--json"],
    ("add-meeting",): ["--date", "--with", "--witness", "--summary", "--agreed", "--minutes-requested", "--child", "--json"],
    ("add-note",): ["--when", "--child", "--json"],
    ("list",): ["--kind", "--from", "--to", "--child", "--json"],
    ("show",): ["--json"],
    ("check",): ["--json", "--file"],
}


@pytest.mark.parametrize("path", list(CONTRACT), ids=lambda p: " ".join(p) or "refusal-log")
def test_contract_spelling(path):
    command = _command(list(path))
    options = {opt for param in command.params for opt in param.opts}
    missing = [o for o in CONTRACT[path] if o not in options]
    assert missing == []


def _all_commands(command=None, prefix=()):
    command = command or typer.main.get_command(app)
    for name, sub in getattr(command, "commands", {}).items():
        yield prefix + (name,), sub
        yield from _all_commands(sub, prefix + (name,))


def test_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for path, command in _all_commands():
        assert (command.help or "").strip(), f"{' '.join(path)} has no help"
        if len(path) == 1:
            name = path[0]
            mentions = (f"refusal-log {name}", f" {name} ", f"`{name} ", f"`{name}`")
            assert any(m in readme for m in mentions), f"README does not mention {name}"


def test_migrations_build_the_schema_the_models_describe(tmp_path):
    from sqlmodel import SQLModel

    import refusal_log.models

    refusal_log.models.build_all()  # tables are otherwise built on first use
    from refusal_log.migrations import MIGRATIONS, SCHEMA_VERSION

    db = sqlite3.connect(tmp_path / "blank.db")
    for step in MIGRATIONS:
        step(db)
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    # The search index (FTS5 and its own tables) is derived from the entries, not a model.
    tables = {t for t in tables if not t.startswith("search_index")}
    assert tables == set(SQLModel.metadata.tables)
    for name, table in SQLModel.metadata.tables.items():
        columns = {row[1]: (row[2].upper(), bool(row[3])) for row in db.execute(f'PRAGMA table_info("{name}")')}
        expected = {c.name: (c.type.compile(dialect=_sqlite()).upper(), not c.nullable and not c.primary_key)
                    for c in table.columns}
        assert {k: v[0] for k, v in columns.items()} == {k: v[0] for k, v in expected.items()}, name
        for column, (_, not_null) in expected.items():
            if not_null:
                assert columns[column][1], f"{name}.{column} should be NOT NULL"
    assert SCHEMA_VERSION == len(MIGRATIONS)


def _sqlite():
    from sqlalchemy.dialects import sqlite

    return sqlite.dialect()


def test_store_uses_wal_and_foreign_keys(cli, ready):
    db = sqlite3.connect(ready / "refusal-log.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] >= 1
    names = [r[0] for r in db.execute("SELECT name FROM _migrations ORDER BY rowid")]
    assert names[0] == "m001_initial"


def test_stored_times_keep_their_offset(cli, ready):
    cli("add-call", "--with", "Office", "--summary", "Reported absence", "--when", "08/09/2026 09:10", ok=True)
    cli("add-call", "--with", "Office", "--summary", "Reported absence", "--when", "08/12/2026 09:10", ok=True)
    db = sqlite3.connect(ready / "refusal-log.db")
    stored = [r[0] for r in db.execute("SELECT happened_at FROM call ORDER BY id")]
    assert stored == ["2026-09-08T09:10:00+01:00", "2026-12-08T09:10:00+00:00"]
    assert all(re.search(r"[+-]\d\d:\d\d$", r[0]) for r in db.execute("SELECT recorded_at FROM entry"))


@pytest.mark.parametrize("args", [["list"], ["show", "1"], ["verify"], ["timeline", "--format", "html"]])
def test_reading_never_imports_the_orm(cli, ready, args):
    import os

    cli("add-note", "one", ok=True)
    env = {**os.environ, "REFUSAL_LOG_HOME": str(ready)}
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "refusal_log", *args],
                            capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr[-500:]
    modules = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert not [m for m in modules if m.split(".")[0] in ("sqlalchemy", "sqlmodel")]


def test_option_values_are_read_without_pydantic(cli, ready):
    from refusal_log import cli_params

    assert cli_params.install() is True  # Typer still has the hook cli_params wraps
    wrong = cli("add-call", "--with", "Office", "--summary", "Rang", "--minutes", "ten")
    assert wrong.exit_code == 2 and "Input should be a valid integer" in wrong.stderr
    assert cli("show", "0").exit_code == 2
    logged = cli.json("add-call", "--with", "Office", "--summary", "Rang", "--minutes", " 12")
    assert logged["minutes"] == 12 and logged["with"] == "Office"
    assert [e["kind"] for e in cli.json("list", "--kind", "call", "--kind", "note")] == ["call"]


def test_the_shipped_schema_snapshot_is_what_the_migrations_make():
    # Writes compare the store with schema.json instead of replaying every migration. After
    # adding a migration, rebuild it with: python -m refusal_log.store
    import json

    from refusal_log import store
    from refusal_log.migrations import SCHEMA_VERSION

    with open(store.SCHEMA_SNAPSHOT, encoding="utf-8") as handle:
        shipped = json.load(handle)
    assert shipped["version"] == SCHEMA_VERSION, "schema.json is stale: run python -m refusal_log.store"
    assert {tuple(o) for o in shipped["objects"]} == store.schema_from_migrations(SCHEMA_VERSION)


def test_the_root_builds_only_the_command_that_runs(cli, ready, monkeypatch):
    # The console script's root (cli.command) builds a command when it is used, not all
    # of them at start-up; help, suggestions and completion still know every name.
    import typer.testing

    from refusal_log import cli as cli_module

    root = cli_module.command()
    eager = typer.main.get_command(app)
    assert list(root.commands) == list(eager.commands)
    assert root.commands._built == {}
    runner = typer.testing.CliRunner()

    def run(command, args, **extra):
        monkeypatch.setattr(typer.testing, "_get_command", lambda _: command)
        return runner.invoke(app, args, **extra)

    assert run(root, ["list", "--json"]).exit_code == 0
    assert list(root.commands._built) == ["list"]
    lazy_help = run(root, ["--help"], terminal_width=100).stdout
    assert lazy_help == run(eager, ["--help"], terminal_width=100).stdout
    assert "add-call" in lazy_help and "region" in lazy_help and list(root.commands._built) == ["list"]
    typo = run(root, ["add-cal"])
    assert typo.exit_code == 2 and "Did you mean 'add-call'" in typo.stderr
    env = {"_REFUSAL_LOG_COMPLETE": "complete_bash", "COMP_WORDS": "refusal-log ad", "COMP_CWORD": "1"}
    assert run(root, [], env=env).stdout.split() == ["add-absence", "add-call", "add-gp", "add-meeting", "add-note"]
    env = {"_REFUSAL_LOG_COMPLETE": "complete_bash", "COMP_WORDS": "refusal-log child ", "COMP_CWORD": "2"}
    assert run(root, [], env=env).stdout.split() == ["add", "list", "edit", "remove"]


def test_bank_holidays_are_what_the_holidays_package_gives():
    # Due dates read bank holidays from bank_holidays.json instead of importing the package,
    # while the package installed is the version the file was written from.
    from refusal_log import schoolcalendar

    years = schoolcalendar.SNAPSHOT_YEARS
    for nation, subdiv in schoolcalendar.NATIONS.items():
        assert schoolcalendar.bank_holidays(nation, years) == dict(schoolcalendar.holidays_from_package(subdiv, years))
    if schoolcalendar._snapshot() is None:
        pytest.skip("bank_holidays.json was written from another version of `holidays`, so it is not used "
                    "(slower, still right): rebuild it with python -m refusal_log.schoolcalendar")


def test_bank_holidays_of_another_package_version_come_from_the_package(monkeypatch):
    from datetime import date

    from refusal_log import schoolcalendar

    schoolcalendar._snapshot.cache_clear()
    schoolcalendar._bank_holidays.cache_clear()
    monkeypatch.setattr(schoolcalendar, "installed_holidays_version", lambda: "0.0")
    try:
        assert schoolcalendar._snapshot() is None
        assert schoolcalendar.bank_holidays("wales", [2024])[date(2024, 12, 26)] == "Boxing Day"
    finally:
        schoolcalendar._snapshot.cache_clear()
        schoolcalendar._bank_holidays.cache_clear()
