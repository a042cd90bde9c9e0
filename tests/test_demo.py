"""The demo: a made-up term's log, built through the domain functions, never in a real home."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
import re
import shlex
import tempfile
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from refusal_log import dates, demo, paths
from refusal_log.cli import app
from refusal_log.wording import check_text

runner = CliRunner()


def run(*args: str, code: int = 0):
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    return result


def test_demo_builds_its_files_in_the_folder_given(built_demo, tmp_path):
    # The session's one build (conftest.py), looked at as built; commands run on a copy.
    built = built_demo.folder
    files = [Path(line) for line in built_demo.stdout.splitlines()]
    assert [f.name for f in files] == ["timeline.html", "timeline.md", "absence-email.eml"]
    for f in files:
        assert f.parent == built and f.is_file() and f.stat().st_size > 0
        assert f.stat().st_mode & 0o777 == 0o600
    assert f"refusal-log --home {built} list" in built_demo.stderr
    assert "Nothing in it is real" in built_demo.stderr
    # Built before the story's last day, the demo says why its later entries are "still to come" (the newcomer on
    # round 169 read past-tense calls marked so); after it, nothing is ahead and nothing is said.
    assert ("Its story runs to 18 December 2026" in built_demo.stderr) == (dates.today() <= demo.LAST_DAY)
    folder = built_demo.copy(tmp_path / "demo")

    entries = json.loads(run("--home", str(folder), "list", "--json").stdout)
    assert len(entries) == 43
    assert {e["kind"] for e in entries} == {"absence", "call", "gp", "meeting", "note"}
    verdicts = [e["verdict"] for e in entries if e["kind"] == "absence"]
    assert verdicts.count("ok") >= 10 and "avoid" in verdicts
    assert any(e["kind"] == "gp" and "CAMHS" in e["referral"] for e in entries)
    assert any(e["kind"] == "meeting" and e["witness"] for e in entries)
    # In time order, over the autumn term of 2026.
    assert [e["when"] for e in entries] == sorted(e["when"] for e in entries)
    assert entries[0]["when"].startswith("2026-09-07") and entries[-1]["when"].startswith("2026-12-18")

    # It shows a corrected entry, a withdrawn one, an appointment and a part-time session.
    assert any(e["revision"] == 2 and e["history"][0]["minutes"] == 9
               for e in [json.loads(run("--home", str(folder), "show", str(e["id"]), "--json").stdout)
                         for e in entries if e["corrected"]])
    assert [e["withdrawn"]["reason"][:16] for e in entries if e["withdrawn"]] == ["Logged twice by "]
    assert any("orthodontist appointment" in e.get("reason", "") and e["sessions"] == "am" for e in entries)
    assert any("part-time timetable" in e.get("reason", "") and e["sessions"] == "pm" for e in entries)

    html = (folder / "timeline.html").read_text(encoding="utf-8")
    assert "Record of events: Maya" in html and html.count('class="late">recorded') == 2
    assert "orthodontist" in html and "part-time timetable" in html and "Withdrawn" in html
    # "Generated" is when it truly was, not a moment of the story.
    generated = datetime.fromisoformat(re.search(r'<time datetime="([^"]+)">', html).group(1))
    # (to the second it is written in)
    assert built_demo.began - timedelta(seconds=1) <= generated <= built_demo.ended + timedelta(seconds=1)
    message = BytesParser(policy=policy.default).parsebytes((folder / "absence-email.eml").read_bytes())
    assert message["To"] == demo.SCHOOL_EMAIL and "14 December 2026" in message["Subject"]
    body = message.get_body(("plain",)).get_content()
    assert check_text(body).verdict == "ok" and "refus" not in body.lower()


@pytest.fixture(scope="module")
def demo_under_global_home(tmp_path_factory):
    """`refusal-log --home FOLDER demo` (the global option, not the demo's own), built once for the
    module: one test checks where it went, the other compares it with the session's build. Both
    only read it. REFUSAL_LOG_HOME names another folder, which it must not use."""
    root = tmp_path_factory.mktemp("global-demo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REFUSAL_LOG_HOME", str(root / "not-the-demo"))
        patch.setenv("REFUSAL_LOG_TZ", "Europe/London")
        patch.delenv("CI_FAKE_TTY", raising=False)
        paths.set_home(None)
        dates.use_log_zone(None)
        try:
            result = run("--home", str(root / "global"), "demo")
        finally:
            paths.set_home(None)
            dates.use_log_zone(None)
    return root, result


def test_demo_output_is_the_same_every_time(built_demo, demo_under_global_home):
    # A second build (`--home FOLDER demo`), beside the session's (`demo --home FOLDER`).
    second = demo_under_global_home[0] / "global"
    for name in ("timeline.html", "timeline.md"):
        one, two = ((folder / name).read_text() for folder in (built_demo.folder, second))
        # Only the moment each was generated may differ.
        assert _without_generated(one) == _without_generated(two)


def _without_generated(text: str) -> str:
    return re.sub(r"(?m)^.*Generated.*$", "", text)


def test_global_home_is_used_and_the_demos_own_home_wins(demo_under_global_home, tmp_path):
    root, result = demo_under_global_home
    assert (root / "global" / "timeline.html").is_file()
    assert str(root / "global") in result.stdout
    assert not (root / "not-the-demo").exists()
    run("--home", str(tmp_path / "other"), "demo", "--home", str(tmp_path / "own"))
    assert (tmp_path / "own" / "timeline.md").is_file()
    assert not (tmp_path / "other").exists()


def test_without_home_it_never_touches_the_real_log(home, tmp_path, monkeypatch):
    # REFUSAL_LOG_HOME points at the "real" log (conftest): the demo must not use it.
    run("init", "--child", "Sam", "--school", "Hill Primary")
    before = (home / paths.DB_NAME).read_bytes()
    # Keep the fresh demo folder inside this test's tmp_path (tempfile caches TMPDIR).
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    result = run("demo")
    folder = Path(result.stdout.splitlines()[0]).parent
    assert folder.name.startswith("refusal-log-demo-") and folder.parent == tmp_path
    assert (home / paths.DB_NAME).read_bytes() == before
    assert run("list", "--json").stdout.strip() == "[]"


def test_a_folder_that_already_holds_a_log_is_refused(home):
    run("init", "--child", "Sam", "--school", "Hill Primary")
    before = (home / paths.DB_NAME).read_bytes()
    result = run("demo", "--home", str(home), code=1)
    assert "already holds a log" in result.stderr and "never mix" in result.stderr
    assert (home / paths.DB_NAME).read_bytes() == before
    assert not (home / "timeline.html").exists()


def test_the_suggested_commands_work(built_demo, demo_home):
    commands = re.findall(r"^  refusal-log (.+)$", built_demo.stderr, flags=re.MULTILINE)
    assert len(commands) == 7
    for command in commands:
        args = shlex.split(command)
        if args[0] == "--home":  # run on the copy: the session's build is never changed
            assert args[1] == str(built_demo.folder)
            args[1] = str(demo_home)
        run(*args)
    # What is due: requests in every state, and agreed actions overdue and done.
    as_of = ["--home", str(demo_home)]
    states = [r["state"] for r in json.loads(run(*as_of, "request", "list", "--json").stdout)]
    assert set(states) >= {"answered", "answered late", "in progress", "overdue"} or "overdue" in states
    due = json.loads(run(*as_of, "due", "--as-of", "01/12/2026", "--json").stdout)
    assert any(i["overdue"] and i["ref"].startswith("request") for i in due)
    assert any(i["overdue"] and "support plan" in i["what"] for i in due)
    assert all(i["rule"] and i["source"] for i in due)
    done = [a for a in json.loads(run(*as_of, "action", "list", "--json").stdout) if a["done"]]
    assert [a["text"][:30] for a in done] == ["Mr Hughes to set up a quiet ro"]
