"""The child in full, the kind of absence, and the law of the child's nation.

Never words in the family's mouth: each kind of absence drafts its own email (only an
illness is worded as illness), and a child outside England gets none of England's law.
Run as a user runs them: the command line, a fresh home, real rules and templates.
"""

from __future__ import annotations

import re
import sqlite3

import pytest

from conftest import build_home, copy_home

NO_ILLNESS = ("unwell", "illness", "well enough", "code I")


@pytest.fixture(scope="module")
def _sam_once(tmp_path_factory):
    """`sam`'s init, run once for the module (conftest.build_home); each test copies it."""
    return build_home(tmp_path_factory.mktemp("sam-master") / "home", lambda cli: cli(
        "init", "--child", "Sam Jones", "--year-group", "Year 8", "--school-type", "academy",
        "--school", "Hill Academy", "--parent", "Alex Jones", "--school-email", "office@hill.example", ok=True))


@pytest.fixture
def sam(_sam_once, home):
    """A home set up by `init` for Sam Jones, Year 8 at Hill Academy: a private copy of the module's."""
    return copy_home(_sam_once, home)


def absence(cli, day: str, reason: str, *extra: str) -> dict:
    return cli.json("add-absence", "--date", day, "--reason", reason, "--accept-wording", *extra)


def email(cli, day: str, *extra: str) -> str:
    return cli("draft", "absence-email", "--date", day, *extra, ok=True).stdout


# --- Done when 3: the child in full ---------------------------------------------------

def test_init_takes_the_child_in_full_and_letters_name_them(cli, sam):
    [child] = cli.json("child", "list")
    assert child == {"id": 1, "name": "Sam Jones", "school": "Hill Academy", "born": None, "year_group": "Year 8",
                     "form": None, "upn": None, "school_type": "academy"}
    absence(cli, "08/09/2026", "Too unwell to attend: a high temperature.")
    text = email(cli, "08/09/2026")
    assert "Subject: Sam Jones (Year 8): absence on Tuesday 8 September 2026\n" in text
    assert "I am writing to report the absence of Sam Jones (Year 8) from school on Tuesday 8 September 2026." in text


def test_child_option_finds_the_child_by_first_name_or_start(cli, sam):
    cli("child", "add", "Samira Khan", ok=True)
    cli("add-note", "A quiet day", "--when", "08/09/2026 18:00", "--child", "Sam", ok=True)
    cli("add-note", "Tired", "--when", "08/09/2026 18:00", "--child", "samira", ok=True)
    assert [e["child"] for e in cli.json("list")] == ["Sam Jones", "Samira Khan"]
    ambiguous = cli("list", "--child", "Sa")
    assert ambiguous.exit_code == 1
    assert ambiguous.stderr == ("'Sa' could mean more than one child (Sam Jones, Samira Khan); give the full name "
                                "with --child \"FULL NAME\".\n")


def test_with_two_children_the_child_is_asked_for_before_the_wording(cli, sam):
    # The newcomer on round 125: the wording gate came first, and only after --accept-wording did the parent hear which
    # child was needed. Nothing is logged either way; the draft's hint names --child.
    cli("child", "add", "Ella Jones", ok=True)
    before = cli("list").stdout
    result = cli("add-absence", "--date", "08/09/2026", "--reason", "she's refusing", "--via", "phone")
    assert result.exit_code == 1
    assert result.stderr == ("This log has 2 children (Sam Jones, Ella Jones); say which one with --child NAME.\n")
    assert cli("list").stdout == before  # nothing logged
    hint = cli("draft", "absence-email", "--date", "08/09/2026", "--child", "Ella").stderr
    assert hint.count('--reason "WHAT HAPPENED" --child "Ella Jones"') == 2, hint


def test_child_edit_adds_a_revision_that_is_chained(cli, sam):
    cli("add-note", "A quiet day", "--when", "08/09/2026 18:00", ok=True)
    changed = cli("child", "edit", "Sam", "--form", "8R", "--upn", "a123456789012", "--why", "from the school's letter")
    assert changed.exit_code == 0 and "earlier ones are kept" in changed.stdout
    [child] = cli.json("child", "list")
    assert (child["form"], child["upn"], child["year_group"]) == ("8R", "A123456789012", "Year 8")
    db = sqlite3.connect(sam / "refusal-log.db")
    assert db.execute("SELECT form FROM child").fetchone() == (None,)  # the original stays as it was
    assert db.execute("SELECT revision, change_reason FROM child_revision").fetchall() == [
        (2, "from the school's letter")]
    assert cli("verify").exit_code == 0
    same = cli("child", "edit", "Sam", "--form", "8R")
    assert same.exit_code == 1 and "nothing was changed" in same.stderr
    db.execute("UPDATE child_revision SET form = '8X'")
    db.commit()
    broken = cli("verify")
    assert broken.exit_code == 1 and "changed outside refusal-log" in broken.stderr


def test_bad_child_details_are_plain_errors(cli, sam):
    wrong = cli("child", "edit", "Sam", "--school-type", "grammar")
    assert wrong.exit_code == 1 and "--school-type must be one of maintained, academy" in wrong.stderr
    nobody = cli("child", "edit", "Kit", "--form", "3B")
    assert nobody.exit_code == 1 and "no child called 'Kit'" in nobody.stderr


def test_init_with_a_new_name_says_so_and_how_to_undo_it(cli, home):
    cli("init", "--child", "Sam", "--school", "Hill Primary", ok=True)
    result = cli("init", "--child", "Sammy", "--school", "Hill Primary", ok=True)
    assert "This log already had Sam, so Sammy was added as another child" in result.stderr
    assert 'refusal-log child remove "Sammy"' in result.stderr
    assert [c["name"] for c in cli.json("child", "list")] == ["Sam", "Sammy"]
    cli("child", "remove", "Sammy", ok=True)
    assert [c["name"] for c in cli.json("child", "list")] == ["Sam"]
    assert cli("verify").exit_code == 0
    # A child with entries is never removed.
    cli("add-note", "A quiet day", ok=True)
    kept = cli("child", "remove", "Sam")
    assert kept.exit_code == 1 and "cannot be removed" in kept.stderr


def test_init_again_with_details_keeps_the_name_and_adds_them(cli, home):
    cli("init", "--child", "Maya Bennett", "--school", "Hollins Park", ok=True)
    again = cli("init", "--child", "Maya", "--school", "Hollins Park", "--form", "9R")
    assert again.exit_code == 0 and "already has Maya Bennett" in again.stderr
    [child] = cli.json("child", "list")
    assert (child["name"], child["form"]) == ("Maya Bennett", "9R")


# --- Done when 1: each kind of absence its own email -----------------------------------

@pytest.mark.parametrize(("reason", "kind", "asks"), [
    ("Orthodontist appointment at 10am", "appointment",
     ["record this as a medical appointment (attendance code M)", "appointment card"]),
    ("Leave granted by the head teacher for a family funeral", "leave",
     ["leave of absence the school granted", "(attendance code C)"]),
    ("Afternoon off under her agreed part-time timetable", "part-time",
     ["part-time timetable agreed with the school", "(attendance code C2)"]),
])
def test_appointment_leave_and_part_time_are_never_worded_as_illness(cli, sam, reason, kind, asks):
    entry = absence(cli, "08/09/2026", reason)
    assert entry["type"] == kind
    assert cli.json("list")[0]["type"] == kind
    text = email(cli, "08/09/2026")
    for words in asks:
        assert words in text
    for claim in NO_ILLNESS:
        assert claim not in text, claim
    assert f"Reason for absence: {reason}." in text


def test_illness_still_asks_for_illness(cli, sam):
    assert absence(cli, "08/09/2026", "Too unwell to attend: a migraine since last night.")["type"] == "illness"
    text = email(cli, "08/09/2026")
    assert "Please record this as an authorised absence for illness (attendance code I)." in text
    # (A day already past promises no "I will let you know when ... is well enough to return": test_letters.py.)


def test_type_given_wins_and_can_be_corrected(cli, sam):
    entry = absence(cli, "08/09/2026", "Eid al-Fitr", "--type", "religious")
    assert entry["type"] == "religious"
    assert "religious observance (attendance code R)" in email(cli, "08/09/2026")
    cli("edit", str(entry["id"]), "--type", "leave", "--why", "the head agreed it as leave", ok=True)
    shown = cli.json("show", str(entry["id"]))
    assert shown["type"] == "leave" and [r["type"] for r in shown["history"]] == ["religious", "leave"]
    wrong = cli("add-absence", "--date", "09/09/2026", "--reason", "Too unwell", "--type", "holiday")
    assert wrong.exit_code == 1 and "--type must be one of illness, appointment" in wrong.stderr


def test_transport_and_exclusion(cli, sam):
    absence(cli, "08/09/2026", "The school taxi did not turn up", "--type", "transport")
    text = email(cli, "08/09/2026")
    assert "transport normally provided" in text and "(attendance code Y1)" in text
    absence(cli, "09/09/2026", "Suspended for two days", "--type", "exclusion")
    excluded = cli("draft", "absence-email", "--date", "09/09/2026")
    assert excluded.exit_code == 1 and "the school decided it" in excluded.stderr and excluded.stdout == ""


def test_reason_given_for_an_unlogged_day_is_checked_and_typed(cli, sam):
    text = email(cli, "10/09/2026", "--reason", "Dentist appointment at 2pm")
    assert "medical appointment (attendance code M)" in text
    assert cli.json("list") == []
    logged = absence(cli, "11/09/2026", "Too unwell to attend: flu.")
    clash = cli("draft", "absence-email", "--date", "11/09/2026", "--reason", "Dentist")
    assert clash.exit_code == 1 and f"entry {logged['id']}" in clash.stderr


def test_types_survive_export_and_import(cli, sam, tmp_path):
    absence(cli, "08/09/2026", "Orthodontist appointment at 10am")
    cli("child", "edit", "Sam", "--name", "Samuel Jones", "--form", "8R", ok=True)
    exported = tmp_path / "log.json"
    cli("export", "--out", str(exported), ok=True)
    before = cli.json("list")
    cli("--home", str(tmp_path / "other"), "import", str(exported), ok=True)
    assert cli.json("--home", str(tmp_path / "other"), "list")[0]["type"] == before[0]["type"] == "appointment"
    assert cli.json("--home", str(tmp_path / "other"), "child", "list") == cli.json("child", "list")
    assert cli("--home", str(tmp_path / "other"), "verify").exit_code == 0


# --- Done when 2: the nation decides the law -------------------------------------------

ENGLAND_ONLY = re.compile(r"Education Act 1996|\(England\)|attendance code|\bcode [A-Z]\d?\b")


@pytest.mark.parametrize("region", ["scotland", "wales", "northern-ireland"])
def test_outside_england_letters_cite_none_of_englands_law(cli, home, region):
    cli("init", "--child", "Ailsa Ross", "--school", "Kirk Academy", "--region", region, ok=True)
    absence(cli, "08/09/2026", "Too unwell to attend: a migraine since last night.")
    absence(cli, "09/09/2026", "Dentist appointment at 9am")
    for day in ("08/09/2026", "09/09/2026"):
        result = cli("draft", "absence-email", "--date", day, ok=True)
        assert not ENGLAND_ONLY.search(result.stdout), result.stdout
        assert not re.search(r"\(England\)|\bcode [A-Z]\d?\b|Education Act 1996", result.stderr), result.stderr
        assert "ask the school" in result.stderr
    assert "authorised absence for illness." in email(cli, "08/09/2026")


def test_scotland_check_and_draft_cite_no_english_law(cli, home):
    checked = cli("check", "--region", "scotland", "--json", "She is refusing to go in", ok=True)
    assert not ENGLAND_ONLY.search(checked.stdout)
    cli("init", "--child", "Ailsa Ross", "--school", "Kirk Academy", ok=True)
    cli("region", "set", "Scotland", ok=True)
    assert cli("region", "show", ok=True).stdout == "scotland (Scotland)\n"
    assert not ENGLAND_ONLY.search(cli("check", "She is refusing to go in", ok=True).stdout)
    absence(cli, "08/09/2026", "Too unwell to attend: a migraine since last night.")
    assert not ENGLAND_ONLY.search(email(cli, "08/09/2026"))
    wrong = cli("region", "set", "atlantis")
    assert wrong.exit_code == 1 and "england, wales, scotland, northern-ireland" in wrong.stderr


def test_the_law_of_each_nation_is_data_with_sources():
    from refusal_log import nations

    for key in nations.REGIONS:
        law = nations.nation(key)
        assert law.source.startswith("http") and law.offence
        assert set(law.codes) <= set(nations.ABSENCE_TYPES)
    assert nations.nation("england").code_for("illness") == "I"
    assert nations.nation("england").code_for("other") is None
    for key in ("wales", "scotland", "northern-ireland"):
        assert nations.nation(key).codes == {} and nations.nation(key).unverified
    assert nations.nation("scotland").penalty is None
    assert "s42(1)(b)" in nations.nation("scotland").illness_defence
    assert nations.nation("northern-ireland").illness_defence is None  # Sch 13 para 3 is unverified


# --- Done when 7: letters to a person, checked ----------------------------------------

def test_call_confirmation_quotes_the_notes_and_names_risky_words(cli, sam):
    cli("add-call", "--with", "Mrs Patel", "--when", "08/09/2026 09:10", "--summary", "I said Sam is refusing to go in.",
        "--agreed", "Mrs Patel will ring the SENCo", ok=True)
    result = cli("draft", "call-confirmation", "--call", "1")
    assert result.exit_code == 0
    assert "Dear Mrs Patel," in result.stdout and "Thank you for speaking with me on Tuesday 8 September 2026 at 09:10" in result.stdout
    assert "My notes of what was said:\n    I said Sam is refusing to go in." in result.stdout
    assert "Subject: Our phone call on Tuesday 8 September 2026 about Sam Jones (Year 8)" in result.stdout
    assert re.search(r'Wording check \(avoid\): "refusing"', result.stderr)


def test_a_clean_meeting_summary_has_no_wording_notes(cli, sam):
    cli("add-meeting", "--date", "01/10/2026 15:30", "--with", "Mr Hughes", "--summary", "We agreed a support plan.",
        ok=True)
    result = cli("draft", "meeting-summary", "--meeting", "1")
    assert result.exit_code == 0 and "Wording check" not in result.stderr
    assert "My notes of what we discussed:\n    We agreed a support plan." in result.stdout
    assert "Thursday 1 October 2026" in result.stdout and not re.search(r"\b1 Oct\b|Thu 1", result.stdout)


def test_an_illness_with_nothing_named_leaves_a_gap_for_the_parent(cli, sam):
    result = cli("draft", "absence-email", "--date", "09/09/2026", "--reason", "She is refusing to go in",
                 "--type", "illness", ok=True)
    assert "([what is wrong])" in result.stdout and "refusing" not in result.stdout
    assert "fill it in before you send it" in result.stderr
    assert "Your log keeps" not in result.stderr  # nothing was logged


def test_an_unwell_child_seen_by_the_gp_is_an_illness_absence_not_an_appointment(cli, ready):
    reason = "Too unwell to attend school today: anxiety with sickness. Seen by the GP and referred to CAMHS."
    cli("add-absence", "--date", "14/09/2026", "--reason", reason, ok=True)
    cli("add-absence", "--date", "15/09/2026", "--reason", "GP appointment for her anxiety at 10", ok=True)
    assert [e["type"] for e in cli.json("list", "--kind", "absence")] == ["illness", "appointment"]
    email = cli("draft", "absence-email", "--date", "14/09/2026", ok=True).stdout
    assert "code M" not in email and "appointment card" not in email


# --- the child the absence is logged for ----------------------------------------------

def test_another_childs_illness_in_a_reason_is_not_the_logged_childs(cli, sam):
    """Logged for Sam, "Josh has been sick all night so Sam is staying home" is Josh's illness: never typed or
    drafted as Sam's (the sixteenth session; before, the earliest name was taken as the child's)."""
    entry = absence(cli, "08/09/2026", "Josh has been sick all night so Sam is staying home")
    assert entry["verdict"] == "caution" and entry["type"] == "other"
    text = email(cli, "08/09/2026")
    assert not any(word in text for word in NO_ILLNESS)
    # Without the child's own name, another first name as the subject is someone else too...
    assert absence(cli, "09/09/2026", "Tom has a fever.")["type"] == "other"
    # ...but not a short form of the child's name, nor the child in their own words.
    cli("child", "add", "Oliver Jones", ok=True)
    assert absence(cli, "10/09/2026", "Ollie has a temperature.", "--child", "Oliver")["type"] == "illness"
    assert absence(cli, "11/09/2026", "Sam has a fever.", "--child", "Sam")["type"] == "illness"


def test_a_corrected_reason_is_read_for_the_same_child(cli, sam):
    entry = absence(cli, "08/09/2026", "Sam has a fever.")
    corrected = cli.json("edit", str(entry["id"]), "--reason", "Ella has a fever so Sam is at home", "--why", "typo")
    # A new reason is typed afresh (the newcomer on round 63: the old "illness" stayed and still counted).
    assert corrected["verdict"] == "caution" and corrected["type"] == "other"
    back = cli.json("edit", str(entry["id"]), "--reason", "Sam has a high temperature", "--why", "it was Sam after all")
    assert back["type"] == "illness"
    # A type given with the correction is kept as given, and a type chosen when logging survives a wording fix.
    kept = cli.json("edit", str(entry["id"]), "--reason", "Sam had a temperature", "--type", "other", "--why", "unsure")
    assert kept["type"] == "other"
    leave = absence(cli, "09/09/2026", "Grandad's funeral in Leeds, the head agreed", "--type", "leave")
    fixed = cli.json("edit", str(leave["id"]), "--reason", "Grandad's funeral in Leeds, Mrs Patel agreed", "--why", "name")
    assert fixed["type"] == "leave"


def test_a_brother_or_sister_at_another_school_never_gets_the_first_schools_address(cli, sam):
    # The log keeps one school address, given for Sam's school: a draft about a child at another
    # school has no To line (and says why) rather than go to the wrong school.
    cli("child", "add", "Ruby Jones", "--school", "Brook High", ok=True)
    for child in ("Sam", "Ruby"):
        absence(cli, "08/09/2026", "Too unwell to attend: a high temperature.", "--child", child)
    assert email(cli, "08/09/2026", "--child", "Sam").startswith("To: office@hill.example\n")
    ruby = cli("draft", "absence-email", "--date", "08/09/2026", "--child", "Ruby", ok=True)
    assert not ruby.stdout.startswith("To:") and "office@hill.example" not in ruby.stdout
    assert "is for Hill Academy, and Ruby Jones is at Brook High, so the draft has no To line" in ruby.stderr
    # Given again for Ruby's school, it is Ruby's: now Sam's drafts have none, never Brook High's.
    cli("init", "--child", "Ruby", "--school-email", "attendance@brook.example", ok=True)
    assert email(cli, "08/09/2026", "--child", "Ruby").startswith("To: attendance@brook.example\n")
    sam_now = cli("draft", "absence-email", "--date", "08/09/2026", "--child", "Sam", ok=True)
    assert not sam_now.stdout.startswith("To:") and "is for Brook High, and Sam Jones is at Hill Academy" in sam_now.stderr
    records = cli("draft", "records-request", "--child", "Sam", ok=True)
    assert "brook.example" not in records.stdout and "no To line" in records.stderr


def test_the_school_address_follows_its_school_not_how_many_schools_are_left(cli, sam):
    # The newcomer on the fix above: with the other child removed, or Sam's school corrected to another, one school is
    # left in the log, and the address given for Hill Academy still never goes to it; a brother or sister whose school
    # is not recorded gets none either; init replacing the address says what it means for the other school.
    absence(cli, "08/09/2026", "Too unwell to attend: a high temperature.")
    cli("child", "edit", "Sam", "--school", "Brook High", "--why", "moved schools", ok=True)
    moved = cli("draft", "absence-email", "--date", "08/09/2026", ok=True)
    assert not moved.stdout.startswith("To:") and "is for Hill Academy, and Sam Jones is at Brook High" in moved.stderr
    cli("child", "edit", "Sam", "--school", "  hill   ACADEMY ", "--why", "back again", ok=True)
    assert email(cli, "08/09/2026").startswith("To: office@hill.example\n")
    cli("child", "add", "Mia Jones", ok=True)
    absence(cli, "08/09/2026", "Too unwell to attend: a high temperature.", "--child", "Mia")
    mia = cli("draft", "absence-email", "--date", "08/09/2026", "--child", "Mia", ok=True)
    assert not mia.stdout.startswith("To:") and "Mia Jones's school is not recorded" in mia.stderr
    replaced = cli("init", "--child", "Ruby Jones", "--school", "Brook High", "--school-email", "office@brook.example")
    assert replaced.exit_code == 0
    assert "The school email is now the one for Brook High" in replaced.stderr
    assert "drafts about a child at Hill Academy will have no To line" in replaced.stderr
    cli("child", "remove", "Ruby Jones", ok=True)
    assert "office@brook.example" not in email(cli, "08/09/2026", "--child", "Sam")


def test_init_with_a_shorter_name_never_takes_over_another_child(cli, home):
    # The attack on the school fix: "init --child Sam" in a log with Samira Jones corrected Samira's school to Sam's and
    # put the school email on it. A start of a name must end where a word does; "Maya" still finds "Maya Bennett".
    cli("init", "--child", "Samira Jones", "--school", "Hillside", ok=True)
    added = cli("init", "--child", "Sam", "--school", "Oakwood Primary", "--school-email", "office@oakwood.example")
    assert added.exit_code == 0 and "so Sam was added as another child" in added.stderr
    assert {c["name"]: c["school"] for c in cli.json("child", "list")} == {"Samira Jones": "Hillside",
                                                                            "Sam": "Oakwood Primary"}
    absence(cli, "08/09/2026", "Too unwell to attend: a high temperature.", "--child", "Samira Jones")
    samira = cli("draft", "absence-email", "--date", "08/09/2026", "--child", "Samira Jones", ok=True)
    assert "oakwood" not in samira.stdout and "no To line" in samira.stderr


def test_an_address_given_with_a_child_of_no_school_goes_to_no_other_school(cli, home):
    cli("init", "--child", "Sam Jones", "--school", "Oakwood Primary", ok=True)
    cli("child", "add", "Mia Jones", ok=True)
    cli("init", "--child", "Mia Jones", "--school-email", "office@mias-school.example", ok=True)
    absence(cli, "08/09/2026", "Too unwell to attend: a high temperature.", "--child", "Sam")
    sam = cli("draft", "absence-email", "--date", "08/09/2026", "--child", "Sam", ok=True)
    assert "mias-school" not in sam.stdout and "no To line" in sam.stderr


def test_a_chaser_for_a_request_sent_to_the_other_school_is_not_sent_to_this_one(cli, sam):
    cli("child", "add", "Ruby Jones", "--school", "Brook High", ok=True)
    for number, to in enumerate(("Brook High", "The Brook High School office", "Mrs Green at Brook High."), 1):
        cli("request", "add", "sar", "--to", to, "--child", "Sam", "--sent", "01/09/2026", ok=True)
        chaser = cli("draft", "chaser", "--request", str(number), ok=True)
        assert "office@hill.example" not in chaser.stdout
        assert f"The request went to {to}, and the school email in your details" in chaser.stderr
    cli("request", "add", "sar", "--to", "Hill Academy", "--child", "Sam", "--sent", "01/09/2026", ok=True)
    assert cli("draft", "chaser", "--request", "4", ok=True).stdout.startswith("To: office@hill.example")


def test_an_import_with_names_init_would_never_write_is_refused(cli, sam, tmp_path):
    # The attack on the school address: "Sam  Jones" beside "Sam Jones", or two names differing only in case, made a
    # draft about one child find the other.
    import json

    cli("child", "add", "Ruby Jones", "--school", "Brook High", ok=True)
    exported = tmp_path / "log.json"
    cli("export", "--out", str(exported), ok=True)
    document = json.loads(exported.read_text())
    for untidy in ("Sam  Jones", "Sam Jones ", " Ruby Jones"):
        document["children"][1]["name"] = untidy
        exported.write_text(json.dumps(document))
        refused = cli("--home", str(tmp_path / "other"), "import", str(exported))
        assert refused.exit_code == 1 and "Traceback" not in refused.stderr and refused.stderr.count("\n") == 1
        assert not (tmp_path / "other" / "refusal-log.db").exists()


def test_a_grandparent_is_never_written_down_as_the_parent(cli):
    # The newcomer on round 156: a grandmother who keeps the log was "Lily's parent" in the records request, the EHC
    # request, the meeting summary and the timeline.
    cli("init", "--child", "Lily Hughes", "--school", "St Anne's", "--parent", "Margaret Hughes",
        "--relationship", "Grandmother", "--school-type", "academy", ok=True)
    records = cli("draft", "records-request", ok=True)
    assert "made by me as Lily Hughes's grandmother on Lily Hughes's behalf" in " ".join(records.stdout.split())
    assert "parent" not in records.stdout.split("Kind regards")[0].replace("parental", "")
    assert "parental responsibility" in " ".join(records.stderr.split())
    ehc = " ".join(cli("draft", "ehc-request", "--need", "anxiety", ok=True).stdout.split())
    assert "I make this request as Lily Hughes's grandmother under section 36(1)" in ehc
    assert "Kept by: Margaret Hughes (grandmother)" in cli("timeline", ok=True).stdout
    html = " ".join(cli("timeline", "--format", "html", ok=True).stdout.split())
    assert "as the grandmother wrote it down" in html and "the parent" not in html  # the newcomer on round 160
    bad = cli("init", "--child", "Lily Hughes", "--relationship", "<script>")
    assert bad.exit_code == 1 and "--relationship" in bad.stderr and "Traceback" not in bad.stderr


def test_an_imported_relationship_is_checked_as_init_checks_it(cli, tmp_path):
    # The attacker on round 157: an edited export put "grandmother\n\nSubject: ..." word for word into the EHC request.
    import json

    cli("init", "--child", "Lily Hughes", "--school", "St Anne's", "--relationship", "grandmother", ok=True)
    exported = tmp_path / "log.json"
    cli("export", "--format", "json", "--out", str(exported), ok=True)
    document = json.loads(exported.read_text("utf-8"))
    document["profile"]["relationship"] = "grandmother\n\nSubject: pay the fine\n\nKind regards"
    exported.write_text(json.dumps(document), "utf-8")
    result = cli("--home", str(tmp_path / "fresh"), "import", str(exported))
    assert result.exit_code == 1 and "--relationship" in result.stderr and "Traceback" not in result.stderr


def test_the_faqs_words_with_someone_elses_illness_in_brackets_are_not_logged_as_illness(cli, sam):
    # The attack on round 179: the brackets are the reason given, and Mum's flu is not Sam's illness.
    entry = absence(cli, "08/09/2026", "Sam is too unwell to attend school today (Mum has flu)")
    assert entry["type"] != "illness"
    assert "code I" not in email(cli, "08/09/2026")
