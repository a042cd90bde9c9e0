"""Setting up and logging evidence, as a user runs it; and what happens on bad input."""

from __future__ import annotations

import json
import os
import stat

import pytest

from conftest import snapshot


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_init_asks_nothing_and_keeps_the_home_private(cli, home):
    result = cli("init", "--child", "Sam", "--school", "Hill Primary", "--parent", "Alex",
                 "--email", "alex@example.org", "--school-email", "office@hill.example", ok=True)
    assert "Sam" in result.stderr
    assert mode(home) == 0o700
    files = [p for p in home.rglob("*") if p.is_file()]
    assert files and all(mode(p) == 0o600 for p in files)


def test_init_twice_changes_nothing_logged(cli, ready):
    cli("add-note", "first night without sleep", "--when", "yesterday 23:00", ok=True)
    before = cli.json("list")
    result = cli("init", "--child", "Sam", "--school", "Hill Primary", ok=True)
    assert "already has Sam" in result.stderr
    assert cli.json("list") == before
    assert len(cli.json("child", "list")) == 1


def test_init_without_a_terminal_needs_the_child(cli, home):
    result = cli("init", "--school", "Hill Primary")
    assert result.exit_code == 1
    assert "--child" in result.stderr
    assert not home.exists()


def test_init_prompts_only_in_a_terminal(cli, home, monkeypatch):
    # CliRunner's stdin is not a terminal: with all flags missing it must not hang on a prompt.
    result = cli("init", input="Sam\nHill\n")
    assert result.exit_code == 1


def test_add_call_round_trip(cli, ready):
    added = cli.json("add-call", "--with", "Mrs Patel", "--role", "attendance officer",
                     "--when", "08/09/2026 09:10", "--summary", "Said Sam's absences are being reviewed.",
                     "--agreed", "She will ask the SENCo to ring me", "--direction", "in", "--minutes", "12")
    assert added["kind"] == "call"
    assert added["when"] == "2026-09-08T09:10:00+01:00"
    assert added["with"] == "Mrs Patel" and added["role"] == "attendance officer"
    assert added["summary"] == "Said Sam's absences are being reviewed."
    assert added["agreed"] == "She will ask the SENCo to ring me"
    assert added["direction"] == "in" and added["minutes"] == 12
    assert added["recorded"] and added["recorded"] != added["when"]
    listed = cli.json("list")
    assert [e["id"] for e in listed] == [added["id"]]
    assert listed[0]["when"] == "2026-09-08T09:10:00+01:00"
    shown = cli.json("show", str(added["id"]))
    assert {k: shown[k] for k in added} == added
    assert shown["history"][0]["summary"] == added["summary"]


def test_text_is_kept_word_for_word(cli, ready):
    words = "  She said: “we can’t authorise this” — twice.\nThen hung up.  😞 "
    added = cli.json("add-note", words, "--when", "08/09/2026 10:00")
    assert cli.json("show", str(added["id"]))["text"] == words


def test_each_kind_is_logged_with_its_fields(cli, ready):
    gp = cli.json("add-gp", "--date", "01/09/2026 10:00", "--clinician", "Dr Khan",
                  "--summary", "Anxiety discussed", "--referral", "CAMHS", "--referral", "Paediatrics",
                  "--letter", "requested")
    assert gp["referral"] == ["CAMHS", "Paediatrics"] and gp["letter"] == "requested"
    meeting = cli.json("add-meeting", "--date", "15/09/2026 15:30", "--with", "Mr Jones, Ms Reid",
                       "--witness", "Jo", "--summary", "Support plan", "--agreed", "Safe space at break",
                       "--minutes-requested")
    assert meeting["with"] == "Mr Jones, Ms Reid" and meeting["witness"] == "Jo"
    assert meeting["minutes_requested"] is True
    note = cli.json("add-note", "Could not face the bus", "--when", "yesterday 8am")
    assert note["text"] == "Could not face the bus"
    absence = cli.json("add-absence", "--date", "08/09/2026", "--until", "10/09/2026", "--sessions", "am",
                       "--reason", "Too unwell to attend school today", "--via", "email", "--told", "Office")
    assert absence["date"] == "2026-09-08" and absence["until"] == "2026-09-10"
    assert absence["sessions"] == "am" and absence["via"] == "email" and absence["told"] == "Office"
    assert absence["reason"] == "Too unwell to attend school today"
    assert absence["verdict"] == "ok"
    assert absence["when"] == "2026-09-08"  # a day, with no made-up time
    kinds = [e["kind"] for e in cli.json("list")]
    assert sorted(kinds) == ["absence", "gp", "meeting", "note"]


def test_with_given_twice_keeps_everyone(cli, ready):
    """--with repeated keeps each person, as --referral does (the newcomer on round 111 lost the SENCo)."""
    meeting = cli.json("add-meeting", "--date", "15/09/2026 15:30", "--with", "Mr Lewis (SENCo)",
                       "--with", "Mrs Green (attendance officer)", "--summary", "Support plan")
    assert meeting["with"] == "Mr Lewis (SENCo), Mrs Green (attendance officer)"
    call = cli.json("add-call", "--with", "Mrs Khan", "--with", "Mr Obi", "--summary", "Rang about Monday")
    assert call["with"] == "Mrs Khan, Mr Obi"
    # One --role for two people is refused: it would give both the same role (the newcomer on round 114).
    two = cli("add-call", "--with", "Mr Ahmed", "--with", "Ms Lowe", "--role", "head of year", "--summary", "x")
    assert two.exit_code == 1 and "Put each person's role with their name" in " ".join(two.stderr.split())


def test_add_prints_the_new_id(cli, ready):
    result = cli("add-note", "A calm morning", ok=True)
    assert "Logged entry 1" in result.stdout


def test_role_filled_in_from_contacts(cli, ready):
    cli("contact", "add", "Mrs Patel", "--role", "attendance officer", "--email", "patel@hill.example", ok=True)
    call = cli.json("add-call", "--with", "mrs patel", "--summary", "Asked for a meeting")
    assert call["role"] == "attendance officer"
    contacts = cli.json("contact", "list")
    assert contacts[0]["name"] == "Mrs Patel" and contacts[0]["email"] == "patel@hill.example"


def test_list_filters(cli, ready):
    cli("add-note", "September note", "--when", "10/09/2026 08:00", ok=True)
    cli("add-note", "October note", "--when", "10/10/2026 08:00", ok=True)
    cli("add-call", "--with", "Office", "--summary", "Reported absence", "--when", "12/10/2026 08:30", ok=True)
    cli("add-absence", "--date", "28/09/2026", "--until", "02/10/2026", "--reason", "Too unwell to attend", ok=True)
    october = cli.json("list", "--from", "01/10/2026", "--to", "31/10/2026")
    # The absence runs into October, so it belongs to an October view too.
    assert [e["kind"] for e in october] == ["absence", "note", "call"]
    assert [e["kind"] for e in cli.json("list", "--kind", "call")] == ["call"]
    assert len(cli.json("list", "--kind", "note", "--kind", "call")) == 3
    assert len(cli.json("list", "--child", "sam")) == 4


def test_list_is_in_the_order_things_happened(cli, ready):
    for when in ("12/10/2026 08:30", "01/09/2026 09:00", "20/09/2026 18:00"):
        cli("add-note", f"note for {when}", "--when", when, ok=True)
    listed = cli.json("list")
    assert [e["when"][:10] for e in listed] == ["2026-09-01", "2026-09-20", "2026-10-12"]


def test_list_table_for_people(cli, ready):
    cli("add-call", "--with", "Mrs Patel", "--summary", "Reported absence", "--when", "08/09/2026 09:10", ok=True)
    result = cli("list", ok=True)
    assert "Tue 8 Sep 2026" in result.stdout and "Mrs Patel" in result.stdout


def test_several_children_need_naming(cli, ready):
    cli("child", "add", "Kit", "--school", "Hill Primary", "--born", "03/04/2015", ok=True)
    result = cli("add-note", "Kit was sick")
    assert result.exit_code == 1 and "--child" in result.stderr
    cli("add-note", "Kit was sick", "--child", "Kit", ok=True)
    assert cli.json("list", "--child", "Kit")[0]["child"] == "Kit"
    assert cli.json("child", "list")[1] == {"id": 2, "name": "Kit", "school": "Hill Primary", "born": "2015-04-03",
                                              "year_group": None, "form": None, "upn": None,
                                              "school_type": None}
    missing = cli("list", "--child", "Nobody")
    assert missing.exit_code == 1 and "no child called 'Nobody'" in missing.stderr


BAD_INPUT = [
    (["add-call", "--with", "Mrs Patel", "--when", "31/02/2026", "--summary", "x"], "31/02/2026"),
    (["add-call", "--with", "Mrs Patel", "--when", "next blursday", "--summary", "x"], "next blursday"),
    (["add-call", "--with", "Mrs Patel", "--summary", "   "], "--summary is empty"),
    (["add-call", "--with", "", "--summary", "x"], "--with is empty"),
    (["add-call", "--with", "A", "--summary", "x", "--direction", "sideways"], "--direction"),
    (["add-call", "--with", "A", "--summary", "x", "--minutes", "-3"], "--minutes"),
    (["add-absence", "--date", "29/02/2027", "--reason", "Too unwell to attend"], "29 February 2027"),
    (["add-absence", "--date", "08/09/2026", "--reason", ""], "--reason is empty"),
    (["add-absence", "--date", "08/09/2026", "--until", "01/09/2026", "--reason", "Too unwell"], "before --date"),
    (["add-absence", "--date", "08/09/2026", "--sessions", "evening", "--reason", "Too unwell"], "--sessions"),
    (["add-absence", "--date", "08/09/2026", "--via", "pigeon", "--reason", "Too unwell"], "--via"),
    (["add-gp", "--summary", "x", "--letter", "lost"], "--letter"),
    (["add-meeting", "--with", "Mr Jones", "--summary", "", "--date", "today"], "--summary is empty"),
    (["add-note", " "], "The note is empty"),
    # Only marks that show nothing (a zero-width space, a soft hyphen): blank too, refused before anything is stored.
    (["add-note", "\u200b"], "The note is empty"),
    (["add-note", " \u00ad\ufeff "], "The note is empty"),
    (["add-absence", "--date", "08/09/2026", "--reason", "\u200b\u200d"], "--reason is empty"),
    (["add-call", "--with", "Mrs Patel", "--summary", "\u2060"], "--summary is empty"),
    # And letters drawn blank, marks with no letter to sit on, tags (the attacker on round 122).
    (["add-note", "\u3164"], "The note is empty"),
    (["add-call", "--with", "\u2800", "--summary", "x"], "--with is empty"),
    (["add-absence", "--date", "08/09/2026", "--reason", "\u0301\ufe0f\U000e0020"], "--reason is empty"),
    (["add-note", "x", "--child", "Nobody"], "no child called"),
    (["show", "999"], "no entry 999"),
    (["list", "--kind", "letters"], "--kind"),
    (["list", "--from", "31/02/2026"], "31/02/2026"),
    (["list", "--from", "10/10/2026", "--to", "01/10/2026"], "before --from"),
    (["contact", "add", "Mrs Patel", "--role", " "], "--role is empty"),
    (["contact", "add", "Mrs Patel", "--role", "SENCo", "--email", "not-an-address"], "email"),
    (["child", "add", "Sam"], "already set up"),
    (["child", "add", "Kit", "--born", "31/04/2015"], "31 April 2015"),
    (["init", "--child", "Sam", "--region", "atlantis"], "--region"),
]


@pytest.mark.parametrize(("args", "says"), BAD_INPUT, ids=[" ".join(a[:3]) for a, _ in BAD_INPUT])
def test_bad_input_is_one_sentence_and_changes_nothing(cli, ready, args, says):
    cli("add-note", "something already logged", "--when", "01/09/2026 08:00", ok=True)
    before = snapshot(ready)
    result = cli(*args)
    assert result.exit_code == 1, result.stdout + result.stderr
    assert says in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""
    assert snapshot(ready) == before


def test_usage_errors_are_typers_exit_2(cli, ready):
    assert cli("add-call", "--summary", "no --with").exit_code == 2
    assert cli("show", "not-a-number").exit_code == 2
    # --home after the command says where it goes (the newcomer on round 169 was told only "No such option").
    wrong = cli("list", "--home", "elsewhere")
    assert wrong.exit_code == 2 and "--home goes before the command: refusal-log --home DIR list" in wrong.stderr


def test_read_commands_on_an_empty_home_create_nothing(cli, home):
    for args in (["list"], ["show", "1"], ["child", "list"], ["contact", "list"]):
        result = cli(*args)
        assert result.exit_code == 1
        assert "Nothing is logged yet" in result.stderr and "refusal-log init" in result.stderr
    assert not home.exists()


def test_adding_before_init_explains_how_to_start(cli, home):
    result = cli("add-note", "first note")
    assert result.exit_code == 1 and "refusal-log init" in result.stderr
    assert not home.exists()


GARBAGE = b"this is not a database, just some words that overwrote it\n" * 50


@pytest.mark.parametrize("args", [
    ["list"], ["list", "--json"], ["show", "1"], ["child", "list"], ["contact", "list"],
    ["add-note", "a note"], ["add-call", "--with", "A", "--summary", "B"],
    ["add-absence", "--date", "today", "--reason", "Too unwell to attend"],
    ["init", "--child", "Sam", "--school", "Hill"], ["child", "add", "Kit"],
    ["contact", "add", "A", "--role", "GP"],
])
def test_a_damaged_database_is_left_exactly_as_it_is(cli, ready, args):
    db = ready / "refusal-log.db"
    for extra in ready.glob("refusal-log.db-*"):
        extra.unlink()
    db.write_bytes(GARBAGE)
    result = cli(*args)
    assert result.exit_code == 1
    assert "is damaged and nothing was changed" in result.stderr
    assert "with no backup, keep the file safe" in result.stderr  # a next step for those without one too
    assert len(result.stderr.strip().splitlines()) == 1
    assert db.read_bytes() == GARBAGE
    # The lock file is init's (writers queue on it); the failed command added nothing.
    assert sorted(p.name for p in ready.iterdir()) == ["refusal-log.db", "refusal-log.lock"]


def test_a_write_into_a_log_damaged_further_in_is_refused(cli, ready):
    # The attack on round 172: damage past the header went unseen by add-note, which wrote into the file that the next
    # timeline refused; now the write is refused and the file is left exactly as it was.
    cli("add-note", "a note before the damage", ok=True)
    db = ready / "refusal-log.db"
    for extra in ready.glob("refusal-log.db-*"):
        extra.unlink()
    data = bytearray(db.read_bytes())
    data[4096:4096 * 20] = b"\xff" * (4096 * 19)
    db.write_bytes(bytes(data))
    result = cli("add-note", "a note after it")
    assert result.exit_code == 1 and "is damaged and nothing was changed" in result.stderr
    assert db.read_bytes() == bytes(data)


def test_a_truncated_database_is_reported_as_damaged(cli, ready):
    for i in range(30):
        cli("add-note", f"note {i} " + "x" * 500, ok=True)
    db = ready / "refusal-log.db"
    data = db.read_bytes()
    db.write_bytes(data[:100] + b"\xff" * 4000 + data[4100:])
    result = cli("list")
    assert result.exit_code == 1
    assert "damaged" in result.stderr and "Traceback" not in result.stderr


@pytest.fixture
def read_only(ready):
    os.chmod(ready / "refusal-log.db", 0o400)
    os.chmod(ready, 0o500)
    yield ready
    os.chmod(ready, 0o700)
    os.chmod(ready / "refusal-log.db", 0o600)


def test_read_only_home_can_be_read_but_not_written(cli, ready):
    cli("add-note", "written before the folder was locked", "--when", "01/09/2026 08:00", ok=True)
    os.chmod(ready / "refusal-log.db", 0o400)
    os.chmod(ready, 0o500)
    try:
        before = snapshot(ready)
        listed = cli.json("list")
        assert listed[0]["text"] == "written before the folder was locked"
        result = cli("add-note", "another")
        assert result.exit_code == 1 and "read-only" in result.stderr
        assert "Traceback" not in result.stderr
        assert snapshot(ready) == before
    finally:
        os.chmod(ready, 0o700)
        os.chmod(ready / "refusal-log.db", 0o600)


def test_json_output_is_only_json(cli, ready):
    cli("add-note", "one", ok=True)
    for args in (["list", "--json"], ["show", "1", "--json"], ["child", "list", "--json"], ["contact", "list", "--json"]):
        json.loads(cli(*args, ok=True).stdout)


def test_version(cli):
    result = cli("--version", ok=True)
    assert result.stdout.startswith("refusal-log ")


def test_likely_slips_get_a_gentle_note_and_are_still_logged(cli, ready):
    weekend = cli("add-absence", "--date", "09/08/2026", "--reason", "Too unwell to attend (migraine)", ok=True)
    assert "Sun 9 Aug 2026 is a Sunday" in weekend.stderr and "day first" in weekend.stderr
    again = cli("add-absence", "--date", "07/08/2026", "--until", "10/08/2026", "--reason", "Too unwell to attend", ok=True)
    assert "already logged (entry 1)" in again.stderr
    twice = cli("add-absence", "--date", "09/08/2026", "--reason", "Too unwell to attend (migraine)", ok=True)
    assert "already logged (entries 1 and 2)" in twice.stderr
    future = cli("add-call", "--with", "A", "--summary", "B", "--when", "08/09/2030 09:10", ok=True)
    assert "later than now" in future.stderr and "refusal-log edit 4 --when" in future.stderr
    assert len(cli.json("list")) == 4
    quiet = cli("add-absence", "--date", "08/09/2026", "--reason", "Too unwell to attend (migraine)", ok=True)
    assert "Note:" not in quiet.stderr
    # A morning and an afternoon are two halves of a day, not one logged twice (the newcomer on round 160).
    morning = cli("add-absence", "--date", "10/09/2026", "--sessions", "morning", "--reason", "Too unwell to attend", ok=True)
    afternoon = cli("add-absence", "--date", "10/09/2026", "--sessions", "afternoon", "--reason", "Too unwell to attend",
                    ok=True)
    assert "already logged" not in morning.stderr + afternoon.stderr
    whole = cli("add-absence", "--date", "10/09/2026", "--reason", "Too unwell to attend", ok=True)
    assert "already logged (entries 6 and 7)" in whole.stderr


def test_init_again_says_which_details_it_updated(cli, ready):
    result = cli("init", "--child", "Sam", "--school", "Hill Primary", "--school-email", "attendance@hill.example", ok=True)
    assert "Updated your details: --school-email." in result.stderr
    same = cli("init", "--child", "Sam", "--school", "Hill Primary", "--school-email", "attendance@hill.example", ok=True)
    assert "Updated" not in same.stderr


def test_list_shows_the_child_when_there_are_several(cli, ready):
    cli("child", "add", "Kit", ok=True)
    cli("add-note", "Sam's note", "--child", "Sam", ok=True)
    cli("add-note", "Kit's note", "--child", "Kit", ok=True)
    both = cli("list", ok=True).stdout
    assert "child" in both and "Kit" in both and "Sam" in both
    assert "child" not in cli("list", "--child", "Kit", ok=True).stdout.split("\n")[1]


def test_an_absence_reported_by_text_message_is_logged_and_said_so(cli, ready):
    # The newcomer on round 72: "--via text" was refused, though many parents report an absence by text. The
    # contract's own values still work (tested above); "text" is one more.
    added = cli.json("add-absence", "--date", "08/09/2026", "--reason", "Too unwell to attend school (a fever)",
                     "--via", "text")
    assert added["via"] == "text"
    timeline = cli("timeline", "--format", "md")
    assert timeline.exit_code == 0 and "by text message" in timeline.stdout


@pytest.mark.parametrize("typed, kept", [("sms", "text"), ("Text message", "text"), ("in person", "in-person"),
                                          ("e-mail", "email"), ("phone call", "phone"), ("txt", "text"),
                                          ("face to face", "in-person"), ("school app", "app")])
def test_how_school_was_told_is_read_in_a_parents_words(cli, ready, typed, kept):
    # The newcomer on cc5231c: "--via sms" and "--via 'in person'" were refused. Each is stored as the contract's word.
    added = cli.json("add-absence", "--date", "08/09/2026", "--reason", "Too unwell to attend school (a fever)",
                     "--via", typed)
    assert added["via"] == kept


def test_a_long_refused_choice_is_shown_shortened(cli, ready):
    refused = cli("add-absence", "--date", "08/09/2026", "--reason", "Too unwell to attend school (a fever)",
                  "--via", "carrier pigeon " * 40)
    assert refused.exit_code == 1 and "--via must be one of email, phone, app, letter, in-person, text" in refused.stderr
    assert "…" in refused.stderr and len(refused.stderr) < 200
    assert cli.json("list", "--json") == []


def test_list_shows_square_brackets_as_typed(cli, ready):
    # The attack on the session's last commit: one note with "[/red]" in it made `list` fail for the whole log.
    cli("add-note", "she said [/red] to me, and [bold]no[/bold]", ok=True)
    listed = cli("list", ok=True).stdout
    assert "[/red]" in listed and "[bold]no[/bold]" in listed


def test_a_reason_with_the_suggestions_gap_left_in_is_refused(cli):
    # The attack on round 177: "Sam is too unwell to attend school today ([what is wrong])." was logged as illness and the
    # draft email sent the brackets to school.
    cli("init", "--child", "Sam", "--school", "Oak", ok=True)
    result = cli("add-absence", "--date", "2026-09-09", "--reason",
                 "Sam is too unwell to attend school today ([what is wrong]).", "--accept-wording")
    assert result.exit_code == 1 and "[what is wrong]" in result.stderr and "Traceback" not in result.stderr
    assert json.loads(cli("list", "--json", ok=True).stdout) == []
