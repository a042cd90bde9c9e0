"""`refusal-log check` and the add-absence gate, as a user runs them."""

from __future__ import annotations

import json

import pytest

from conftest import snapshot


def test_check_json_is_the_contracts_shape(cli):
    result = json.loads(cli("check", "She is refusing to go in", "--json", ok=True).stdout)
    assert set(result) >= {"text", "verdict", "findings", "suggestion"}
    assert result["verdict"] == "avoid"
    finding = result["findings"][0]
    assert set(finding) >= {"rule", "severity", "matched", "why", "source"}
    assert "FAQ" in finding["source"] and finding["matched"] == "refusing"
    assert "refus" not in result["suggestion"].lower()
    again = json.loads(cli("check", result["suggestion"], "--json", ok=True).stdout)
    assert again["verdict"] == "ok" and again["suggestion"] is None


def test_check_ok_wording(cli):
    result = json.loads(cli("check", "Too unwell to attend school today", "--json", ok=True).stdout)
    assert (result["verdict"], result["findings"], result["suggestion"]) == ("ok", [], None)


def test_check_negation_and_family_reasons(cli):
    negated = json.loads(cli("check", "She's not refusing, she's too unwell to go in", "--json", ok=True).stdout)
    assert negated["verdict"] != "avoid"
    family = json.loads(cli("check", "Family reasons", "--json", ok=True).stdout)
    assert family["verdict"] in ("caution", "avoid")
    assert "sickness" in " ".join(f["why"] for f in family["findings"]).lower()


def test_check_for_people_shows_why_and_the_suggestion(cli):
    out = cli("check", "He won't go in", ok=True).stdout
    assert "Better not" in out and "Source:" in out and "Suggested wording:" in out


def test_check_reads_standard_input(cli):
    result = json.loads(cli("check", "-", "--json", input="She is refusing to go in\n", ok=True).stdout)
    assert result["verdict"] == "avoid"


def test_check_a_whole_draft(cli, tmp_path):
    draft = tmp_path / "email.txt"
    text = "Dear Mrs Patel,\n\nSam will not be in today. He is refusing to get up after panic attacks.\n\nKind regards,\nAlex\n"
    draft.write_text(text)
    result = json.loads(cli("check", "--file", str(draft), "--json", ok=True).stdout)
    assert result["verdict"] == "avoid"
    for sentence in result["sentences"]:
        assert text[sentence["start"]:sentence["end"]] == sentence["text"]
    risky = [s for s in result["sentences"] if s["verdict"] == "avoid"]
    assert len(risky) == 1 and "refusing" in risky[0]["text"]
    assert "Line 3: He is refusing" in cli("check", "--file", str(draft), ok=True).stdout


def test_check_bad_input(cli, tmp_path):
    for args, says in [(["check", "   "], "no text"), (["check"], "Give the text"),
                       (["check", "--file", str(tmp_path / "missing.txt")], "no file"),
                       (["check", "--file", ""], "No file name was given")]:
        result = cli(*args)
        assert result.exit_code == 1 and says in result.stderr and "Traceback" not in result.stderr
    empty = cli("check", "-", input="")
    assert empty.exit_code == 1


def test_gate_without_a_terminal_stores_nothing(cli, ready):
    before = snapshot(ready)
    result = cli("add-absence", "--date", "08/09/2026", "--reason", "refusing again")
    assert result.exit_code == 1
    assert "Suggested wording:" in result.stderr and "--accept-wording" in result.stderr
    assert result.stdout == ""
    assert snapshot(ready) == before


def test_a_caution_logged_with_no_illness_named_says_to_use_the_wording_only_if_true(cli, ready):
    # The newcomer on round 143: `check` gave the tip, the note after add-absence did not.
    result = cli("add-absence", "--date", "08/09/2026", "--reason", "Bad morning, meltdown at the gate", ok=True)
    assert "Suggested wording:" in result.stderr and "only if it is true" in result.stderr


def test_gate_accepted_keeps_the_words_and_the_verdict(cli, ready):
    added = cli.json("add-absence", "--date", "08/09/2026", "--reason", "refusing again", "--accept-wording")
    assert added["reason"] == "refusing again" and added["verdict"] == "avoid"
    assert "refusal" in added["wording_rules"]
    assert cli.json("show", str(added["id"]))["verdict"] == "avoid"
    assert "wording: avoid" in cli("list", ok=True).stdout
    shown = cli("show", str(added["id"]), ok=True).stdout
    # Plain words on screen, never the rule's id.
    assert "better not" in shown and "(refusal)" not in shown


def test_caution_is_logged_with_a_note(cli, ready):
    result = cli("add-absence", "--date", "08/09/2026", "--reason", "Family reasons", ok=True)
    assert "Logged entry" in result.stdout and "note on this reason" in result.stderr


# --- the nation decides the law (issue 9, point 2) --------------------------------------

ENGLISH_ONLY = ("Education Act 1996", "(England)", "code I", "code C", "code G", "code Y1", "EHCP")


def _cited(result: dict) -> str:
    return " ".join([f["why"] + " " + f["source"] for f in result["findings"]] + result["hints"]
                    + [result["disclaimer"]])


def test_check_without_a_home_follows_england_and_says_how_to_change_it(cli, home):
    out = cli("check", "He won't go in", ok=True).stdout
    assert "Education Act 1996 s444(2A)" in out
    assert out.count("follows the law in England") == 1 and "--region" in out and "region set" in out
    assert out.count("Guidance, not legal advice") == 1
    data = cli.json("check", "He won't go in")
    assert data["region"] == "england" and "not legal advice" in data["disclaimer"]
    assert "England" in data["region_note"]
    assert not home.exists(), "check never creates a log"


@pytest.mark.parametrize("region,law", [
    ("scotland", "Education (Scotland) Act 1980 s35"),
    ("northern-ireland", "Education and Libraries (Northern Ireland) Order 1986, Schedule 13"),
])
def test_scotland_and_northern_ireland_get_their_own_law_only(cli, region, law):
    for text in ("He won't go in", "Family holiday to Spain", "Keeping her off in protest until they act",
                 "My mum is poorly", "Mental health day", "She's anxious about school"):
        data = cli.json("check", text, "--region", region)
        cited = _cited(data)
        assert data["region"] == region and "region_note" not in data
        assert not [w for w in ENGLISH_ONLY if w in cited], (text, cited)
        assert "penalty notice" not in cited, (text, cited)
    assert law in _cited(cli.json("check", "He won't go in", "--region", region))


def test_wales_has_section_444_but_no_english_code_letters(cli):
    data = cli.json("check", "Mental health day", "--region", "wales")
    cited = _cited(data)
    assert "s444(2A)" in " ".join(f["source"] for f in data["findings"]) or data["findings"][0]["source"]
    assert "code I" not in cited and "(England)" not in cited
    assert "ask the school which code it used" in cited


def test_check_reads_the_region_from_the_log(cli, home):
    cli("init", "--child", "Sam", "--school", "Hill", "--parent", "Alex", "--email", "a@example.org",
        "--school-email", "o@example.org", "--region", "scotland", ok=True)
    data = cli.json("check", "He won't go in")
    assert data["region"] == "scotland" and "region_note" not in data
    assert "Education (Scotland) Act 1980" in data["findings"][0]["source"]
    # --region still wins over the log's.
    assert cli.json("check", "He won't go in", "--region", "england")["region"] == "england"


def test_check_on_a_damaged_log_says_it_could_not_read_the_nation(cli, home):
    # The newcomer on round 169: a Scottish log damaged on disk, and `check` cited England's law with no word why.
    cli("init", "--child", "Sam", "--school", "Hill", "--parent", "Alex", "--region", "scotland", ok=True)
    database = next(home.glob("*.db"))
    with database.open("r+b") as f:
        f.write(b"\x00" * 100)
    data = cli.json("check", "He won't go in")
    assert data["region"] == "england" and data["region_note"].startswith("Your log could not be read")


def test_check_reads_the_nation_of_its_own_log_only(tmp_path):
    # The attack on that change: a folder where the log should be was read as "no log" (England, in silence), and a
    # "%41" in the home's path was read by SQLite as "A", so a neighbour's log set the law.
    from refusal_log.wording.region import read_home_region

    (tmp_path / "folder.db").mkdir()
    assert read_home_region(tmp_path / "folder.db") == (None, "unreadable")
    assert read_home_region(tmp_path / "missing.db") == (None, None)
    import sqlite3

    for name, nation in (("pcA", "wales"), ("pc%41", "scotland")):
        (tmp_path / name).mkdir()
        with sqlite3.connect(tmp_path / name / "log.db") as db:
            db.execute("CREATE TABLE setting (key TEXT, value TEXT)")
            db.execute("INSERT INTO setting VALUES ('region', ?)", (nation,))
        db.close()
    assert read_home_region(tmp_path / "pc%41" / "log.db") == ("scotland", None)


def test_check_on_a_busy_log_says_busy_not_damaged(cli, home):
    # The attack on round 172: a log held by another program was "could not be read (it may be damaged)".
    import sqlite3

    cli("init", "--child", "Sam", "--school", "Oak", "--region", "wales", ok=True)
    holder = sqlite3.connect(home / "refusal-log.db", isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("SELECT 1 FROM setting").fetchall()
        data = cli.json("check", "He won't go in")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert data["region"] == "england" and data["region_note"].startswith("Your log is busy")
    assert "damaged" not in data["region_note"]


def test_an_unknown_region_is_a_plain_error(cli):
    result = cli("check", "He won't go in", "--region", "mars")
    assert result.exit_code == 1 and "mars" in result.stderr and "scotland" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_draft_gets_the_disclaimer_and_region_too(cli, tmp_path):
    draft = tmp_path / "email.txt"
    draft.write_text("Dear Mrs Patel,\n\nSam is refusing to go in today.\n\nKind regards,\nAlex\n")
    data = cli.json("check", "--file", str(draft), "--region", "scotland")
    assert data["region"] == "scotland" and "Scotland" in data["disclaimer"]
    assert "needs_input" in data and "withheld" in data
    out = cli("check", "--file", str(draft), ok=True).stdout
    assert out.count("Guidance, not legal advice") == 1


def test_json_says_when_a_suggestion_needs_the_parents_words_or_is_withheld(cli):
    gap = cli.json("check", "He won't go in today")
    assert gap["needs_input"] is True and gap["withheld"] is False
    assert gap["suggestion"] == "He is too unwell to attend school today ([what is wrong])."
    named = cli.json("check", "He won't go in today, he has a migraine")
    assert named["needs_input"] is False and "(migraine)" in named["suggestion"]
    held = cli.json("check", "She isn't ill, she just won't go")
    assert held["withheld"] is True and held["suggestion"] is None and held["needs_input"] is False


def test_check_reads_the_log_without_changing_it(cli, ready):
    from conftest import snapshot

    before = snapshot(ready)
    assert cli.json("check", "He won't go in")["region"] == "england"
    after = snapshot(ready)
    # A reader of a write-ahead-logged database may create or tidy away SQLite's own -wal and
    # -shm files; the database itself is byte for byte the same, and nothing else appears.
    assert after["refusal-log.db"] == before["refusal-log.db"]
    assert set(after) ^ set(before) <= {"refusal-log.db-wal", "refusal-log.db-shm"}


def test_an_escape_typed_into_a_reason_never_reaches_the_terminal(cli):
    # Round 17 review: control characters rich does not strip show as one visible mark each.
    result = cli("check", "she is refusing \x1b[31mRED")
    assert "\x1b" not in result.stdout and "\ufffd[31mRED" in result.stdout


def test_c1_controls_and_direction_marks_never_reach_the_terminal(cli):
    result = cli("check", "she is refusing \u009b31m \u009d0;t\u009c and \u202egnisufer")
    assert not any(c in result.stdout for c in "\u009b\u009c\u009d\u202e")


def test_text_piped_in_that_is_not_utf8_is_named_plainly(cli):
    # Read as --file reads a file: a pipe of bytes that are not text is one plain sentence.
    result = cli("check", "-", input=b"\xff\xfe not text")
    assert result.exit_code == 1 and "not plain text (UTF-8)" in result.stderr


def test_text_piped_in_that_is_too_long_says_so_even_when_a_character_is_cut(cli):
    # The attack on round 27: the last character read was cut in half and the message said "not plain text".
    result = cli("check", "-", input=b"a" * 80_003 + "\u00e9".encode())
    assert result.exit_code == 1 and "characters long" in result.stderr and "UTF-8" not in result.stderr


def test_standard_input_closed_is_one_plain_sentence(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "REFUSAL_LOG_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "refusal_log", "check", "-"], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, env=env, close_fds=True,
                          preexec_fn=lambda: os.close(0))
    assert done.returncode == 1 and "Nothing came in on standard input" in done.stderr
    assert "Traceback" not in done.stderr and "went wrong" not in done.stderr


def test_text_given_that_is_not_utf8_is_named_plainly_and_never_echoed(tmp_path):
    # The second attack on this session's rounds: bytes that were not UTF-8 on the command line were echoed into the
    # JSON, which then was not UTF-8 itself.
    import os
    import subprocess
    import sys

    env = {**os.environ, "REFUSAL_LOG_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "refusal_log", "check", "--json", os.fsdecode(b"\xff\xfe Sam has a cold")],
                          capture_output=True, env=env)
    assert done.returncode == 1 and b"not plain text (UTF-8)" in done.stderr and b"\xff" not in done.stdout


def test_a_withheld_suggestion_is_said_in_plain_output(cli):
    """A newcomer's find: when no wording is offered on purpose, the plain output says so instead of leaving it out."""
    out = " ".join(cli("check", "She swears her tummy hurts, funny that it's PE", ok=True).stdout.split())
    assert "No wording is suggested" in out and "Suggested wording" not in out
    assert "No wording is suggested" not in cli("check", "She is refusing to go in", ok=True).stdout


def test_check_reads_a_reason_for_the_child_named_with_child(cli):
    """`check --child NAME` reads a reason as add-absence does for that child: another child's illness is theirs."""
    text = "Josh has been sick all night so Mia is staying home"
    plain = json.loads(cli("check", text, "--json", ok=True).stdout)
    assert plain["suggestion"] is None or "Josh" not in plain["suggestion"]
    for_mia = json.loads(cli("check", "--child", "Mia Clarke", "Tom has a fever.", "--json", ok=True).stdout)
    assert for_mia["verdict"] == "caution" and for_mia["suggestion"] is None
    assert [f["rule"] for f in for_mia["findings"]] == ["family_illness"]
    # The fast way in (no Typer) takes the option in both spellings.
    from refusal_log.cli_check import parse

    assert parse(["check", "--child", "Mia", "Tom has a fever"])["child"] == "Mia"
    assert parse(["check", "--child=Mia", "Tom has a fever"])["child"] == "Mia"
