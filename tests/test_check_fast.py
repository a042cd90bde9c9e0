"""The fast `check` (cli_check.fast_main, no Typer) says exactly what the Typer command says."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from refusal_log import cli_check

DRAFT = ("Dear Mrs Patel,\n\nSam will not be in today. He is refusing to get up after panic attacks.\n"
         "He won't go in tomorrow either.\tFamily reasons.\n\nKind regards,\nAlex\n")

FORMS = {
    "ok": ["check", "Too unwell to attend school today (anxiety)"],
    "caution": ["check", "Family reasons"],
    "avoid": ["check", "He won't go in"],
    "json first": ["check", "--json", "She is refusing to go in"],
    "stdin": ["check", "-"],
    "stdin json": ["check", "-", "--json"],
    "file": ["check", "--file", "{draft}"],
    "file json": ["check", "--json", "--file={draft}"],
    "file and text": ["check", "ignored", "--file", "{draft}"],
    "region": ["check", "--region", "scotland", "He won't go in"],
    "region json": ["check", "--region=wales", "Family reasons", "--json"],
    "home with a region": ["--home", "{nation_home}", "check", "He won't go in"],
    "home= with a region json": ["--home={nation_home}", "check", "--json", "Family reasons"],
    "controls, tabs, wide": ["check", "头痛\tHe\twon't go in\r today\x07\x0b  "],
    "trailing newline": ["check", "She is refusing to go in\n\n"],
    "empty": ["check", ""],
    "blank": ["check", "   "],
    "missing file": ["check", "--file", "{missing}"],
    "directory": ["check", "--file", "{tmp}"],
    "dev zero": ["check", "--file", "/dev/zero"],
    "bad region": ["check", "--region", "mars", "Too unwell to attend school today"],
    "bad region, file": ["check", "--region", "mars", "--file", "{draft}"],
}


@pytest.fixture(scope="module")
def nation_home(tmp_path_factory):
    from typer.testing import CliRunner

    from refusal_log import paths
    from refusal_log.cli import app

    folder = tmp_path_factory.mktemp("nation") / "home"
    result = CliRunner().invoke(app, ["--home", str(folder), "init", "--child", "Sam", "--school", "Hill",
                                      "--region", "scotland"])
    paths.set_home(None)
    assert result.exit_code == 0, result.stderr
    return folder


@pytest.mark.parametrize("form", FORMS)
def test_fast_check_matches_the_typer_command(form, cli, tmp_path, nation_home, monkeypatch, capsys):
    draft = tmp_path / "email.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    values = {"draft": draft, "nation_home": nation_home, "missing": tmp_path / "nope.txt", "tmp": tmp_path}
    args = [arg.format(**values) for arg in FORMS[form]]
    stdin = "She is refusing to go in\n"
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)

    typer_result = cli(*args, input=stdin)

    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli_check.fast_main(args)
    fast = capsys.readouterr()
    assert code is not None, "the fast path should have taken this form"
    assert (fast.out, fast.err, int(code)) == (typer_result.stdout, typer_result.stderr, typer_result.exit_code)
    assert fast.out or fast.err


@pytest.mark.parametrize("args", [
    [], ["check"], ["check", "--help"], ["check", "-h"], ["--help"], ["--version"], ["check", "a", "b"],
    ["check", "--json", "--json", "a"], ["check", "--region"], ["check", "--region", "--json", "a"],
    ["check", "--file="], ["check", "-x"], ["check", "--", "a"], ["check", "--jso", "a"], ["list"],
    ["--home", "d", "list"], ["--home", "d", "--home", "e", "check", "a"], ["--home"], ["check", "a", "--home", "d"],
    ["check", "--region", "wales"], ["check", "bad \udcff bytes"],
])
def test_everything_else_is_left_to_typer(args):
    assert cli_check.parse(args) is None


def test_a_terminal_or_forced_colour_is_left_to_typer(monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert cli_check.fast_main(["check", "Too unwell to attend school today"]) is None


@pytest.mark.parametrize("args", [["check", "He won't go in"], ["check", "--json", "--file", "{draft}"]])
def test_fast_check_imports_no_framework(args, tmp_path):
    draft = tmp_path / "email.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "refusal_log",
                             *(arg.format(draft=draft) for arg in args)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "avoid" in result.stdout
    modules = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "refusal_log.cli_check" in modules
    framework = ("typer", "click", "rich", "pydantic", "pydantic_core", "sqlalchemy", "sqlmodel", "jinja2")
    assert sorted(m for m in modules if m.split(".")[0] in framework) == []
