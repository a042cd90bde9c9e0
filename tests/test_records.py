"""What is stored is what was said, and what a reader sees of it (issue 9, points 4-10).

The gate and the questions are tested in a real pseudo-terminal (pexpect), since a
terminal is what they depend on; everything else in-process, as a user runs it.
"""

from __future__ import annotations

import json
import re
import sys

import pytest

from conftest import snapshot

# --- the gate: Enter asks again; the words first typed are kept ---------------------------------

pexpect = pytest.importorskip("pexpect", reason="pexpect drives a pseudo-terminal (not on Windows)")
from test_terminal import listed, spawn  # noqa: E402

RISKY = "She is refusing to go in, migraine"


def test_at_the_gate_enter_asks_again_and_the_suggestion_keeps_the_typed_words(cli, ready):
    child = spawn(ready, "add-absence", "--date", "09/09/2026", "--reason", RISKY)
    child.expect("log the suggested wording instead")
    child.sendline("")  # Enter alone chooses nothing
    child.expect("Please type s, k or c")
    child.sendline("maybe")  # nor does anything unclear
    child.expect("Please type s, k or c")
    child.sendline("s")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    shown = cli.json("show", "1")
    assert shown["typed_reason"] == RISKY and shown["reason"] != RISKY and shown["verdict"] == "ok"
    screen = cli("show", "1", ok=True).stdout
    assert "Words first typed" in screen and "refusing to go in" in screen
    # The suggestion is labelled as such, never as the reason the school was given (the newcomer on round 155).
    assert "Suggested wording logged" in screen and "Reason given" not in screen
    # The check's "fine" is the suggested wording's, said so (the newcomer on round 72 read it as the typed words').
    assert "for the suggested wording that was logged" in " ".join(screen.split())
    # So does the timeline that shows the checks (an attacker on 53b863a: it printed a bare "ok" there).
    for fmt in ("txt", "md", "html"):
        timeline = " ".join(cli("timeline", "--format", fmt, "--show-checks", ok=True).stdout.split())
        assert re.search(r"ording check when logged:\W*ok \(for the suggested wording that was logged\)", timeline)
    # The timeline keeps both too: the reason logged, and the words first typed beside it.
    for fmt in ("txt", "md", "html"):
        page = cli("timeline", "--format", fmt, ok=True).stdout
        assert "Words first typed" in page and "refusing to go in" in page, fmt
        assert "Suggested wording logged" in page, fmt


def test_a_suggestion_with_a_gap_asks_what_is_wrong_and_never_guesses(cli, ready):
    child = spawn(ready, "add-absence", "--date", "09/09/2026", "--reason", "She won't go to school")
    child.expect("log the suggested wording instead")
    child.sendline("s")
    # Asked about the day being logged, not "today".
    child.expect_exact("Was Sam unwell on Wed 9 Sep 2026? What was wrong?")
    child.sendline("")  # no answer, no illness: asked again
    child.expect_exact("Was Sam unwell on Wed 9 Sep 2026? What was wrong?")
    child.sendline("a migraine")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    entry = listed(ready)[0]
    assert "migraine" in entry["reason"] and "[what is wrong]" not in entry["reason"]
    assert entry["typed_reason"] == "She won't go to school"


def test_a_suggestion_chosen_for_an_absence_already_reported_is_never_cited_as_what_was_reported(cli, ready):
    # The newcomer on round 153: "s" for an absence already phoned in as "refusin" made the register-correction letter
    # say "I reported by phone that Sam was unwell"; the school was told the first words, not the suggested ones.
    child = spawn(ready, "add-absence", "--date", "09/09/2026", "--via", "phone", "--reason", "She is refusin")
    child.expect("log the suggested wording instead")
    child.sendline("s")
    child.expect_exact("Was Sam unwell on Wed 9 Sep 2026? What was wrong?")
    child.sendline("anxiety")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0 and listed(ready)[0]["typed_reason"] == "She is refusin"
    cli("calendar", "add-term", "Autumn", "--from", "01/09/2026", "--to", "18/12/2026", ok=True)
    cli("register", "set", "09/09/2026", "--am", "O", "--pm", "O", ok=True)
    letter = cli("draft", "register-correction", "--date", "09/09/2026", ok=True)
    body = " ".join(letter.stdout.split())
    assert "I reported" not in body and "by phone" not in body
    assert "My log records that Sam was unwell and unable to attend that day (entry 1 in my log" in body
    assert "corrected on" not in body and "not what you told the school at the time" in " ".join(letter.stderr.split())


def test_keep_my_words_stores_them_verbatim_and_no_draft(cli, ready):
    child = spawn(ready, "add-absence", "--date", "09/09/2026", "--reason", RISKY)
    child.expect("keep my words")
    child.sendline("k")
    child.expect(pexpect.EOF)
    child.close()
    entry = listed(ready)[0]
    assert entry["reason"] == RISKY and entry["typed_reason"] is None and entry["verdict"] == "avoid"


def test_the_help_says_what_the_gate_offers(cli):
    text = " ".join(cli("add-absence", "--help", ok=True).stdout.split())
    assert "logs the suggested wording instead" in text and "nothing is sent anywhere" in text and "keeps your words" in text
    assert "Enter alone asks again" in text


# --- asked, not refused -------------------------------------------------------------------------

def test_add_call_in_a_terminal_asks_for_everything_missing(ready):
    child = spawn(ready, "add-call")
    for question, answer in (("Who did you speak to?", "Mrs Patel"), ("When was the call?", "14/09/2026"),
                             ("What was said?", "Absences will be reviewed"), ("What was agreed?", "")):
        child.expect_exact(question)
        child.sendline(answer)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    [call] = listed(ready)
    assert (call["with"], call["summary"], call["agreed"], call["when"]) == (
        "Mrs Patel", "Absences will be reviewed", None, "2026-09-14")


@pytest.mark.parametrize(("args", "says"), [
    (["add-call"], "Missing options --with and --summary."),
    (["add-meeting", "--with", "Mr Jones"], "Missing option --summary."),
    (["add-gp"], "Missing option --summary."),
    (["add-note"], "Missing argument TEXT."),
    (["add-absence", "--reason", "Too unwell to attend"], "Missing option --date."),
])
def test_without_a_terminal_the_usage_error_stays(cli, ready, args, says):
    before = snapshot(ready)
    result = cli(*args)
    assert result.exit_code == 2 and says in result.stderr and "Usage: refusal-log" in result.stderr
    assert snapshot(ready) == before


def test_edit_writes_the_long_text_in_the_editor(cli, ready, tmp_path, monkeypatch):
    editor = tmp_path / "editor.py"
    editor.write_text("import sys\np = sys.argv[1]\ntext = open(p).read()\n"
                      "open(p, 'w').write('Said the SENCo will call.\\nSecond line.\\n' + text)\n")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    monkeypatch.delenv("VISUAL", raising=False)
    call = cli.json("add-call", "--with", "Mr Hughes", "--edit")
    assert call["summary"] == "Said the SENCo will call.\nSecond line."
    empty = tmp_path / "empty.py"
    empty.write_text("import sys\nopen(sys.argv[1], 'w').write('# nothing\\n')\n")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {empty}")
    stopped = cli("add-note", "--edit")
    assert stopped.exit_code == 1 and "left empty" in stopped.stderr
    assert len(cli.json("list")) == 1


# --- times as given -----------------------------------------------------------------------------

def test_a_day_without_a_time_keeps_no_time_anywhere(cli, ready, tmp_path):
    cli("add-call", "--with", "Mrs Patel", "--summary", "Timed", "--when", "14/09/2026 00:00", ok=True)
    cli("add-call", "--with", "Mrs Patel", "--summary", "Day only", "--when", "14/09/2026", ok=True)
    cli("add-note", "Earlier", "--when", "13/09/2026 23:30", ok=True)
    listed_ = cli.json("list")
    # The day alone sorts before the timed entries of that day (even one at 00:00).
    assert [e.get("summary") or e.get("text") for e in listed_] == ["Earlier", "Day only", "Timed"]
    assert [e["when"] for e in listed_] == ["2026-09-13T23:30:00+01:00", "2026-09-14", "2026-09-14T00:00:00+01:00"]
    assert cli.json("show", "2")["history"][0]["when"] == "2026-09-14"
    for fmt in ("txt", "md", "html"):
        text = cli("timeline", "--format", fmt, ok=True).stdout
        day_only = text[text.index("Entry 2"):text.index("Entry 1", text.index("Entry 2"))]
        assert "Mon 14 Sep 2026" in day_only and "00:00" not in day_only, (fmt, day_only)
    assert "00:00" not in cli("show", "2", ok=True).stdout
    assert "Mon 14 Sep 2026)" in cli("add-note", "x", "--when", "14/09/2026", ok=True).stdout
    cli("edit", "2", "--summary", "Day only, corrected", "--why", "typo", ok=True)
    assert cli.json("show", "2")["when"] == "2026-09-14"
    # The chain and an export/import round trip keep it as a day.
    assert cli("verify").exit_code == 0
    before = cli.json("list")
    cli("export", "--format", "json", "--out", str(tmp_path / "log.json"), ok=True)
    copy = str(tmp_path / "copy")
    cli("--home", copy, "import", str(tmp_path / "log.json"), ok=True)
    assert json.loads(cli("--home", copy, "list", "--json", ok=True).stdout) == before
    assert cli("--home", copy, "verify").exit_code == 0


def test_a_time_later_than_now_warns_calmly(cli, ready):
    soon = cli("add-call", "--with", "A", "--summary", "B", "--when", "tomorrow 9:10", ok=True)
    assert "later than now" in soon.stderr and "refusal-log edit 1 --when" in soon.stderr
    ahead = cli("add-absence", "--date", "tomorrow", "--reason", "Orthodontist appointment at 10:30", ok=True)
    assert "has not come yet" in ahead.stderr and "telling school ahead" in ahead.stderr
    assert cli("add-note", "Now", ok=True).stderr == ""


def test_an_absence_far_ahead_is_asked_about_as_a_likely_typo(cli, ready):
    # The newcomer on round 185: "--date 07/12/2027" was logged with only the note for telling school ahead.
    from datetime import date, timedelta

    next_year = (date.today() + timedelta(days=366)).strftime("%d/%m/%Y")
    far = cli("add-absence", "--date", next_year, "--reason", "Dentist appointment at 9:00", ok=True)
    assert "more than two months from now" in far.stderr and 'refusal-log edit 1 --date DATE --why "wrong date"' in far.stderr
    assert "telling school ahead" not in far.stderr


# --- what the reader sees -----------------------------------------------------------------------

def test_timelines_show_wording_checks_only_when_asked(cli, ready):
    cli("add-absence", "--date", "08/09/2026", "--reason", "She is refusing to go in", "--accept-wording", ok=True)
    for fmt in ("txt", "md", "html"):
        plain = cli("timeline", "--format", fmt, ok=True).stdout
        assert "ording check when logged" not in plain and 'class="check"' not in plain
        checked = cli("timeline", "--format", fmt, "--show-checks", ok=True).stdout
        assert re.search(r"ording check when logged:\W*avoid", checked), checked


def test_show_names_every_changed_field_in_plain_words(cli, ready):
    cli("add-call", "--with", "Mrs Patel", "--summary", "Said it", "--when", "14/09/2026", "--minutes", "9", ok=True)
    cli("edit", "1", "--when", "14/09/2026 09:10", "--minutes", "11", "--agreed", "Call back", "--why", "call log",
        ok=True)
    history = cli("show", "1", ok=True).stdout.split("History")[1]
    assert "because: call log" in history
    assert "When: Mon 14 Sep 2026 → Mon 14 Sep 2026 09:10" in history
    assert "Length of call: 9 minutes → 11 minutes" in history and "Agreed: (none) → Call back" in history
    cli("add-absence", "--date", "08/09/2026", "--reason", "refusing again", "--accept-wording", ok=True)
    shown = cli("show", "2", ok=True).stdout
    assert "better not" in shown and "refusal" not in shown.replace("refusing", "")

def test_show_gives_a_long_change_in_full(cli, ready):
    long = "Sam is too unwell to attend school today with a high temperature and a cough that kept him up"
    cli("add-absence", "--date", "08/09/2026", "--reason", long + " all night", "--accept-wording", ok=True)
    cli("edit", "1", "--reason", long + " until four", "--why", "the time", "--accept-wording", ok=True)
    history = " ".join(cli("show", "1", ok=True).stdout.split("History")[1].split())
    assert f"Reason given, before: {long} all night" in history and f"Reason given, now: {long} until four" in history



def test_edit_needs_why(cli, ready):
    cli("add-note", "Slept badly", ok=True)
    before = snapshot(ready)
    result = cli("edit", "1", "--text", "Slept very badly")
    assert result.exit_code == 1 and "needs --why" in result.stderr
    assert snapshot(ready) == before


def test_help_and_errors_are_in_plain_words(cli):
    from refusal_log.cli import app
    from typer.main import get_command

    def commands(group, path):
        for name, command in getattr(group, "commands", {}).items():
            yield [*path, name]
            yield from commands(command, [*path, name])

    for path in commands(get_command(app), []):
        text = cli(*path, "--help", ok=True).stdout
        for bad in ("<str>", "<int", "{", "<=", "9223372036854775807"):
            assert bad not in text, (path, bad, text)
    wrong = cli("show", "abc")
    assert wrong.exit_code == 2 and "'abc' is not an entry number" in wrong.stderr


# --- timeline files -----------------------------------------------------------------------------

@pytest.mark.parametrize(("args", "says"), [
    (["--out", "t.docx"], "cannot write a .docx file"),
    (["--out", "t.html", "--format", "md"], "does not match the file name"),
    (["--format", "pdf"], "give its name with --out"),
])
def test_timeline_files_that_cannot_be_written_are_refused(cli, ready, tmp_path, monkeypatch, args, says):
    monkeypatch.chdir(tmp_path)
    result = cli("timeline", *args)
    assert result.exit_code == 1 and says in result.stderr
    assert not list(tmp_path.glob("t.*"))


def test_a_pdf_without_a_browser_writes_nothing_and_says_how_to_print(cli, ready, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "no-browsers-here"))
    monkeypatch.delenv("REFUSAL_LOG_BROWSER", raising=False)
    result = cli("timeline", "--out", str(tmp_path / "t.pdf"))
    assert result.exit_code == 1 and "nothing was written" in result.stderr and "Save as PDF" in result.stderr
    assert not (tmp_path / "t.pdf").exists()


@pytest.mark.parametrize(("name", "starts"), [("t.md", "# Record of events"), ("t.html", "<!DOCTYPE html>"),
                                              ("t.txt", "=====")])
def test_the_format_comes_from_the_file_name(cli, ready, tmp_path, name, starts):
    cli("timeline", "--out", str(tmp_path / name), ok=True)
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(starts)


@pytest.mark.parametrize("reason, says", [
    # The newcomer's find: without a terminal, the refusal names only what was offered.
    ("We're away till Thursday, back Friday", "write the reason again in your own words"),
    ("she cant face school today", "fill in the gap in the suggested wording"),
])
def test_without_a_terminal_the_gate_says_only_what_was_offered(cli, ready, reason, says):
    result = cli("add-absence", "--date", "08/09/2026", "--reason", reason, "--via", "email")
    assert result.exit_code == 1
    assert says in " ".join(result.stderr.split()) and "Nothing was logged yet" in result.stderr
