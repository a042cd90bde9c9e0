"""What is due: request clocks, agreed actions, `due` (Done when 1 to 4 of issue 14)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from conftest import MadeOnce
from refusal_log import actions, clocks, paths


_homes = MadeOnce()  # the homes this module sets up once and copies


def _school(cli, school_type: str = "maintained", region: str | None = None) -> None:
    """The school's home: its five commands run once per module for each school type and nation,
    and copied into this test's (still empty) home."""
    _homes.into(paths.home_dir(), (school_type, region), lambda once: _set_up_school(once, school_type, region))


def _set_up_school(cli, school_type: str, region: str | None) -> None:
    args = ["init", "--child", "Sam Taylor", "--school", "Hill School", "--parent", "Alex Taylor",
            "--email", "alex@example.org", "--school-email", "office@hill.example"]
    cli(*args, *(["--region", region] if region else []), ok=True)
    cli("child", "edit", "Sam Taylor", "--school-type", school_type, ok=True)
    cli("calendar", "add-term", "Autumn 1", "--from", "03/09/2026", "--to", "23/10/2026", ok=True)
    cli("calendar", "add-term", "Autumn 2", "--from", "02/11/2026", "--to", "18/12/2026", ok=True)
    cli("calendar", "add-closure", "--from", "27/11/2026", "--reason", "INSET day", ok=True)


def _due(cli, as_of: str) -> list[dict]:
    return cli.json("due", "--as-of", as_of)


def test_records_request_to_a_maintained_school_runs_15_school_days(cli, home):
    _school(cli)
    added = cli("request", "add", "records", "--to", "Hill School", "--sent", "08/09/2026", "--via", "email", ok=True)
    assert "due 29/09/2026" in added.stdout and "Pupil Information" in added.stdout
    [item] = _due(cli, "28/09/2026")
    assert (item["due"], item["overdue"], item["owed_by"]) == ("2026-09-29", False, "Hill School")
    assert "regulation 5" in item["source"] and item["rule"].startswith("15 school days")
    assert _due(cli, "01/10/2026")[0]["overdue"] is True
    cli("request", "reply", "1", "--date", "02/10/2026", "--summary", "Copy of the record sent", ok=True)
    assert _due(cli, "05/10/2026") == []
    [listed] = cli.json("request", "list")
    assert listed["state"] == "answered late"


def test_sar_to_an_academy_runs_one_calendar_month(cli, home):
    _school(cli, "academy")
    cli("request", "add", "sar", "--to", "Hill Academy", "--sent", "08/09/2026", ok=True)
    cli("request", "add", "records", "--to", "Hill Academy", "--sent", "08/09/2026", ok=True)
    found = _due(cli, "01/10/2026")
    assert [i["due"] for i in found] == ["2026-10-08", "2026-10-08"]
    assert all("Article 15" in i["source"] for i in found)


def test_ehc_request_decision_and_final_plan_and_ics(cli, home, tmp_path):
    _school(cli)
    cli("request", "add", "ehc-assessment", "--to", "Shire Council", "--sent", "08/09/2026", ok=True)
    found = _due(cli, "09/09/2026")
    assert [(i["due"], "5(1)" in i["source"] or "13(2)" in i["source"]) for i in found] == [
        ("2026-10-20", True), ("2026-01-26".replace("2026-01", "2027-01"), True)]
    assert all(i["rule"] and i["source"] for i in found)
    ics = tmp_path / "due.ics"
    result = cli("due", "--as-of", "09/09/2026", "--ics", str(ics), ok=True)
    assert "Wrote 2 events" in result.stderr
    text = ics.read_text()
    assert text.count("BEGIN:VEVENT") == 2 and "DTSTART;VALUE=DATE:20261020" in text
    assert "regulation 5(1)" in text.replace("\r\n ", "")
    # A decision closes the first stage; the final plan's date stays.
    cli("request", "reply", "1", "--date", "15/10/2026", "--summary", "Agreed to assess", ok=True)
    assert [i["due"] for i in _due(cli, "16/10/2026")] == ["2027-01-26"]


def test_ehc_request_outside_england_names_that_nations_system(cli, home):
    _school(cli, region="wales")
    result = cli("request", "add", "ehc-assessment", "--to", "Cyngor", "--sent", "08/09/2026")
    assert result.exit_code == 1 and "Wales" in result.stderr and "individual development plan" in result.stderr


def test_agreed_actions_are_due_and_overdue_until_done(cli, home):
    _school(cli)
    cli("add-meeting", "--with", "Mr Hughes", "--summary", "Support plan review", "--date", "01/10/2026",
        "--agreed", "Mr Hughes to set up a quiet room by 12/10/2026\nSchool to send the minutes by 19 October", ok=True)
    found = cli.json("action", "list")
    assert [(a["id"], a["owed_by"], a["due"]) for a in found] == [("1.1", "Mr Hughes", "2026-10-12"),
                                                                  ("1.2", "School", "2026-10-19")]
    due = _due(cli, "15/10/2026")
    assert [(i["due"], i["overdue"]) for i in due] == [("2026-10-12", True), ("2026-10-19", False)]
    cli("action", "done", "1.1", "--date", "14/10/2026", ok=True)
    assert [i["due"] for i in _due(cli, "15/10/2026")] == ["2026-10-19"]
    again = cli("action", "done", "1.1")
    assert again.exit_code == 1 and "already" in again.stderr
    assert cli("verify", ok=True).exit_code == 0


def test_an_action_with_nobody_named_says_so_in_words(cli, home):
    # The newcomer on round 146 saw "Owed by not said".
    _school(cli)
    cli("add-meeting", "--with", "Mrs Khan", "--summary", "Review", "--date", "01/10/2026",
        "--agreed", "Keep a diary of mornings\nMrs Khan to send the referral form", ok=True)
    shown = " ".join(cli("due", "--as-of", "20/10/2026", ok=True).stdout.split())
    assert "Who owes it was not said" in shown and "Owed by Mrs Khan" in shown and "Owed by not said" not in shown
    for fmt in ("txt", "md"):  # the timeline's open list too (the newcomer on round 147)
        timeline = " ".join(cli("timeline", "--format", fmt, ok=True).stdout.split())
        assert "who owes it was not said" in timeline and "owed by not said" not in timeline, fmt


def test_an_action_agreed_with_no_date_is_still_listed_as_owed(cli, home, tmp_path):
    # The newcomer on round 139: "Mrs Khan to send the referral form" had no date in it, so `due` and the timeline's
    # open list left it out, and a parent preparing for a meeting could forget it was ever promised.
    _school(cli)
    cli("add-meeting", "--with", "Mrs Khan", "--summary", "Support plan review", "--date", "01/10/2026",
        "--agreed", "Mrs Khan to send the referral form\nSchool to send the minutes by 19 October", ok=True)
    found = _due(cli, "20/10/2026")
    assert [(i["ref"], i["due"], i["overdue"]) for i in found] == [("action 1.2", "2026-10-19", True),
                                                                   ("action 1.1", None, False)]
    assert found[1]["rule"] == "agreed at the meeting on 01/10/2026"
    shown = cli("due", "--as-of", "20/10/2026", ok=True).stdout
    assert "No date agreed" in shown and "Mrs Khan to send the referral form" in shown
    ics = tmp_path / "due.ics"
    written = cli("due", "--as-of", "20/10/2026", "--ics", str(ics), ok=True).stderr
    assert "Wrote 1 event" in written and "1 agreed action has no date" in written
    assert ics.read_text().count("BEGIN:VEVENT") == 1
    summary = cli("timeline", "--format", "txt", ok=True).stdout.split("Open requests and actions:")[1]
    assert "No date agreed: Mrs Khan to send the referral form" in " ".join(summary.split())
    html = cli("timeline", "--format", "html", ok=True).stdout
    assert "No date agreed</td><td>Mrs Khan to send the referral form" in html
    cli("action", "done", "1.1", "--date", "21/10/2026", ok=True)
    assert [i["ref"] for i in _due(cli, "22/10/2026")] == ["action 1.2"]
    # The newcomer on round 143: minutes asked for at the meeting have their own follow-up date; an undated "to send
    # the minutes" line beside them is the same item, not a second one.
    cli("add-meeting", "--with", "Mrs Khan", "--summary", "Review", "--date", "02/11/2026", "--minutes-requested",
        "--agreed", "Mrs Khan to send the minutes\nMrs Khan to book the nurse", ok=True)
    found = [(i["ref"], i["due"]) for i in _due(cli, "03/11/2026") if i["entry"] == 2]
    assert found == [("action 2.0", found[0][1]), ("action 2.2", None)] and found[0][1]
    # Ticking the line in the parent's own words clears the minutes too (the newcomer on round 145).
    cli("action", "done", "2.1", "--date", "04/11/2026", ok=True)
    assert [i["ref"] for i in _due(cli, "05/11/2026") if i["entry"] == 2] == ["action 2.2"]


def test_due_reads_as_things_stood_on_its_day_and_names_control_characters(cli, home):
    # The attacker on round 143: `due --as-of` listed actions agreed after that day and dropped ones done only after
    # it; `due` and `action list` printed typed control characters raw; `--ics` could replace the log's write lock.
    _school(cli)
    cli("add-call", "--with", "Mrs \x1b]0;X\x07Patel", "--when", "05/10/2026 10:00", "--summary", "Rang",
        "--agreed", "School to phone \x1b[5mback\x1b[0m by 9 October\nSchool to send the \u202eplan", ok=True)
    assert _due(cli, "01/10/2026") == []
    cli("action", "done", "1.1", "--date", "12/10/2026", ok=True)
    assert [(i["ref"], i["overdue"]) for i in _due(cli, "10/10/2026")] == [("action 1.1", True), ("action 1.2", False)]
    assert [i["ref"] for i in _due(cli, "13/10/2026")] == ["action 1.2"]
    for args in (("due", "--as-of", "10/10/2026"), ("action", "list")):
        out = cli(*args, ok=True).stdout
        assert "\x1b" not in out and "\u202e" not in out and "\u27e8ESC\u27e9" in out, args
        assert "\u27e8U+202E\u27e9" in out, args
    # Asked for, then answered after the day in question: still open as things stood then (the attacker on round 144).
    cli("request", "add", "other", "--to", "Council", "--sent", "20/11/2026", "--due", "30/11/2026", ok=True)
    cli("request", "reply", "2", "--summary", "Answered", "--date", "02/12/2026", ok=True)
    assert [i["ref"] for i in _due(cli, "01/12/2026") if i["ref"].startswith("request")] == ["request 2"]
    assert not [i for i in _due(cli, "03/12/2026") if i["ref"].startswith("request")]
    from datetime import timedelta

    future = cli("action", "done", "1.2", "--date", f"{date.today() + timedelta(days=7):%d/%m/%Y}")
    assert future.exit_code == 1 and "has not come yet" in future.stderr
    assert cli("due", "--ics", "").exit_code == 1
    lock = home / "refusal-log.lock"
    before = lock.stat().st_ino if lock.exists() else None
    refused = cli("due", "--ics", str(lock))
    assert refused.exit_code == 1 and "part of your log" in refused.stderr
    assert (lock.stat().st_ino if lock.exists() else None) == before
    cli("backup", ok=True)
    made = next((home / "backups").iterdir())
    kept = made.read_bytes()
    assert cli("due", "--ics", str(made)).exit_code == 1 and made.read_bytes() == kept


def test_an_agreement_of_none_is_no_action(cli, home):
    _school(cli)
    for agreed in ("none", "Nothing agreed.", "n/a", "None yet", "nothing at all", "Nil", "Not applicable", "--"):
        cli("add-call", "--with", "Office", "--summary", "Rang about Monday", "--agreed", agreed, ok=True)
    cli("add-call", "--with", "Office", "--summary", "Rang again", "--agreed", "None\nSchool to ring back by 12/10/2026",
        ok=True)
    cli("add-call", "--with", "Office", "--summary", "Rang a third time", "--agreed", "none, but Mrs Khan will email by "
        "15/10/2026", ok=True)
    assert [(a["id"], a["text"], a["owed_by"]) for a in cli.json("action", "list")] == [
        ("9.2", "School to ring back by 12/10/2026", "School"), ("10.1", "Mrs Khan will email by 15/10/2026", "Mrs Khan")]


def test_bad_input_is_one_plain_sentence(cli, home):
    _school(cli)
    for args, words in ((("request", "add", "visa", "--to", "X"), "not a kind of request"),
                        (("request", "add", "other", "--to", "X"), "--due"),
                        (("request", "reply", "99", "--summary", "x"), "no request"),
                        (("action", "done", "abc"), "not an action number"),
                        (("due", "--as-of", "31/02/2026"), "")):
        result = cli(*args)
        assert result.exit_code == 1 and words in result.stderr and "Traceback" not in result.stderr


def test_requests_are_searchable_and_chained(cli, home):
    _school(cli)
    cli("request", "add", "sar", "--to", "Hill School", "--sent", "08/09/2026", "--about", "attendance codes", ok=True)
    cli("request", "extend", "1", "--date", "01/10/2026", "--reason", "Many records to gather", ok=True)
    assert _due(cli, "09/10/2026")[0]["due"] == "2026-12-08"
    assert "Request" in cli("search", "attendance codes", ok=True).stdout
    assert cli("verify", ok=True).stdout.startswith("0 entries and 1 request, chain intact")


@pytest.mark.parametrize(("start", "rule", "expected"), [
    ("2026-01-31", "sar", "2026-03-02"),  # 28 Feb 2026 is a Saturday: next working day
    ("2028-01-31", "sar", "2028-02-29"),  # a leap year's short month
    ("2026-03-03", "sar", "2026-04-07"),  # 3 Apr 2026 is Good Friday, 6 Apr Easter Monday
    ("2026-05-03", "sar", "2026-06-03"),
    ("2026-12-24", "sar", "2027-01-25"),  # 24 Jan 2027 is a Sunday
    ("2027-01-31", "sar", "2027-03-01"),  # no 31 Feb: the 28th, a Sunday, so Monday 1 March
    ("2026-09-08", "ehc-decision", "2026-10-20"),
    ("2026-09-08", "ehc-final-plan", "2027-01-26"),
])
def test_calendar_clocks(start, rule, expected):
    days = clocks.SchoolDays("england")
    assert clocks.due_date(date.fromisoformat(start), clocks.rule(rule), days) == date.fromisoformat(expected)


def test_school_days_without_terms_are_weekdays_less_bank_holidays():
    days = clocks.SchoolDays("england")
    # Sent on Saturday 19 Dec 2026: Christmas, Boxing Day (Mon 28 Dec) and New Year are not counted.
    due = clocks.due_date(date(2026, 12, 19), clocks.rule("records-maintained"), days)
    assert due == date(2027, 1, 13) and days.assumed


def test_half_term_is_not_counted(cli, home):
    _school(cli)
    cli("request", "add", "records", "--to", "Hill School", "--sent", "16/10/2026", ok=True)
    # 19-23 Oct (5), half term, then 2-6, 9-13 Nov (10 more): 13 Nov.
    assert _due(cli, "16/10/2026")[0]["due"] == "2026-11-13"


@pytest.mark.parametrize(("text", "owed", "due"), [
    ("Mr Hughes to set up a quiet room by 12/10/2026", "Mr Hughes", "2026-10-12"),
    ("School to send the minutes by 19 October", "School", "2026-10-19"),
    ("I will send the GP letter by Friday", "you", "2026-10-02"),
    ("Mrs Patel will ring back next Tuesday", "Mrs Patel", "2026-10-06"),
    ("the SENCO to make 3 referrals by end of the week", "The SENCO", "2026-10-02"),
    ("Council to reply by 10 January", "Council", "2027-01-10"),
    ("Review at 3.30 on 5/11", "not said", "2026-11-05"),
    ("We agreed to meet again in 2 weeks", "both sides", "2026-10-15"),
    ("Keep a diary of mornings", "not said", None),
    ("She will send the referral by Friday", "not said", "2026-10-02"),  # she: not guessed
    ("They'll ring back by Friday", "not said", "2026-10-02"),
    # A day already past, with no deadline word, is what the action is about (the newcomer on round 101).
    ("Mrs Khan to recode 28 September once the plan is in place", "Mrs Khan", None),
])
def test_agreed_lines(text, owed, due):
    said = date(2026, 10, 1)
    assert actions.owed_by(text) == owed
    assert (actions.due_in(text, said) or None) == (date.fromisoformat(due) if due else None)


def test_every_clock_names_its_length_unit_start_nations_and_source():
    for rule in clocks.rules().values():
        assert rule.unit in clocks.UNITS and rule.status in clocks.STATUSES
        assert rule.runs_from and rule.source and set(rule.nations) <= {"england", "wales", "scotland",
                                                                         "northern-ireland"}
    assert clocks.rule("s19-guidance").describe().startswith("guidance, not a legal deadline")
    assert "follow-up" in clocks.rule("gp-letter").describe()


def test_a_request_sent_on_a_saturday_counts_from_monday():
    days = clocks.SchoolDays("england")
    # Sat 12 Sep 2026: Mon 14 is day 1, so 15 school days end on Fri 2 Oct.
    assert clocks.due_date(date(2026, 9, 12), clocks.rule("records-maintained"), days) == date(2026, 10, 2)


def test_nothing_logged_means_nothing_due(cli, home):
    result = cli("due", ok=True)
    assert "Nothing is due" in result.stderr and result.stdout == ""


def test_a_withdrawn_request_leaves_due_and_the_timeline_lists_what_is_open(cli, home):
    _school(cli, region="wales")
    cli("request", "add", "records", "--to", "Ysgol", "--sent", "08/09/2026", ok=True)  # Wales: a SAR
    cli("request", "add", "gp-letter", "--to", "Dr Lee", "--sent", "08/09/2026", "--due", "30/09/2026", ok=True)
    cli("add-call", "--with", "Mrs Patel", "--when", "09/09/2026 10:00", "--summary", "About the week",
        "--agreed", "Mrs Patel to ring back by 11 September", ok=True)
    assert [i["due"] for i in _due(cli, "10/09/2026")] == ["2026-09-11", "2026-09-30", "2026-10-08"]
    text = cli("timeline", "--format", "txt", ok=True).stdout
    summary = text.split("Open requests and actions:")[1]
    assert "Mrs Patel to ring back by 11 September" in summary and "Pupil Information" not in text
    cli("withdraw", "2", "--reason", "Logged by mistake", ok=True)
    assert [i["entry"] for i in _due(cli, "10/09/2026")] == [3, 1]


def test_a_timeline_reaching_past_today_calls_nothing_overdue_that_is_not_yet_due(cli, home):
    # The newcomer on round 126: with an absence logged ahead, the timeline judged "overdue" as of its last day and
    # printed "Overdue since" for a date still to come, which a parent could take into a meeting.
    from datetime import timedelta

    _school(cli)
    today = date.today()
    ahead = today + timedelta(days=3)
    cli("add-meeting", "--with", "Mr Hughes", "--summary", "Support plan", "--date", f"{today:%d/%m/%Y}",
        "--agreed", f"Mr Hughes to ring back by {ahead:%d/%m/%Y}", ok=True)
    cli("add-absence", "--date", f"{today + timedelta(days=10):%d/%m/%Y}", "--reason", "Dentist appointment at 9",
        "--accept-wording", ok=True)
    summary = cli("timeline", "--format", "txt", ok=True).stdout.split("Open requests and actions:")[1]
    assert "Mr Hughes to ring back" in summary and "Overdue since" not in summary, summary


def _requests_in_every_state(cli) -> None:
    _school(cli, "academy")
    cli("add-meeting", "--with", "Mr Hughes", "--summary", "Support plan review", "--date", "01/10/2026",
        "--agreed", "Mr Hughes to set up a quiet room by 12/10/2026\nSchool to send the minutes by 19 October", ok=True)
    cli("request", "add", "sar", "--to", "Hill Academy", "--sent", "08/09/2026", "--via", "online-form", ok=True)
    cli("request", "reply", "2", "--date", "02/10/2026", "--summary", "Records sent by email", ok=True)
    cli("request", "add", "sar", "--to", "Shire Council", "--sent", "14/09/2026", ok=True)
    cli("request", "extend", "3", "--date", "10/10/2026", "--reason", "A complex request", ok=True)
    cli("request", "add", "other", "--to", "Dr Shah", "--sent", "15/09/2026", "--due", "30/09/2026", ok=True)
    cli("withdraw", "4", "--reason", "Logged by mistake", ok=True)
    cli("action", "done", "1.1", "--date", "09/10/2026", "--note", "Quiet room open", ok=True)


def _views(cli, *home: str) -> list:
    return [cli.json(*home, *args) for args in (("request", "list"), ("action", "list"),
                                                ("due", "--as-of", "01/12/2026"), ("list",))]


def test_export_and_import_keep_requests_replies_extensions_and_actions_done(cli, home, tmp_path):
    _requests_in_every_state(cli)
    before = _views(cli)
    assert [r["state"] for r in before[0]] == ["answered", "in progress"] and before[0][1]["stages"][0]["extended"]
    assert [a["done"] for a in before[1]] == ["2026-10-09", None]
    export = tmp_path / "log.json"
    export.write_text(cli("export", "--format", "json", ok=True).stdout)
    fresh = str(tmp_path / "fresh")
    cli("--home", fresh, "import", str(export), ok=True)
    assert _views(cli, "--home", fresh) == before
    assert cli("--home", fresh, "verify").exit_code == 0
    shown = cli.json("--home", fresh, "show", "4")
    assert shown["withdrawn"]["reason"] == "Logged by mistake"


def test_import_refuses_a_reply_dated_before_its_request(cli, home, tmp_path):
    _requests_in_every_state(cli)
    document = json.loads(cli("export", "--format", "json", ok=True).stdout)
    document["requests"]["replies"][0]["date"] = "2026-09-01"
    export = tmp_path / "tampered.json"
    export.write_text(json.dumps(document))
    fresh = tmp_path / "fresh"
    result = cli("--home", str(fresh), "import", str(export))
    assert result.exit_code == 1 and "nothing was imported" in result.stderr
    assert "before" in result.stderr and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert cli.json("--home", str(fresh), "request", "list") == []


def test_rewording_the_agreed_text_keeps_done_marks_on_their_own_actions(cli, home):
    _school(cli)
    cli("add-meeting", "--with", "Mr Hughes", "--summary", "Review", "--date", "01/10/2026",
        "--agreed", "Mr Hughes to set up a quiet room\nSchool to send the minutes", ok=True)
    cli("action", "done", "1.1", "--date", "05/10/2026", ok=True)
    cli("action", "done", "1.2", "--date", "06/10/2026", ok=True)
    cli("edit", "1", "--agreed", "I will send the GP letter\nMr Hughes to set up a quiet room\nSchool to send the minutes",
        "--why", "x", ok=True)
    found = {a["text"]: a["done"] for a in cli.json("action", "list")}
    assert found == {"I will send the GP letter": None, "Mr Hughes to set up a quiet room": "2026-10-05",
                     "School to send the minutes": "2026-10-06"}
    cli("edit", "1", "--agreed", "I will send the GP letter", "--why", "x", ok=True)
    listed = cli("action", "list", ok=True).stdout
    assert "reworded or removed" in listed and "quiet room" in listed
    assert [a["done"] for a in cli.json("action", "list") if not a["gone"]] == [None]


def test_days_before_the_first_recorded_term_count_as_weekdays_with_the_caveat(cli, home):
    _school(cli)
    added = cli("request", "add", "records", "--to", "Hill School", "--sent", "01/06/2026", ok=True)
    assert "due 22/06/2026" in added.stdout
    [listed] = cli.json("request", "list")
    assert listed["school_days_assumed"] is True


def test_a_gap_between_recorded_terms_is_a_holiday_only_when_it_is_short():
    class Term:
        def __init__(self, starts, ends):
            self.starts, self.ends = starts, ends

    class Cal:
        terms = [Term(date(2026, 1, 5), date(2026, 2, 13)), Term(date(2026, 9, 3), date(2026, 10, 23)),
                 Term(date(2026, 11, 2), date(2026, 12, 18))]

        def is_school_day(self, day):
            return day.weekday() < 5

    days = clocks.SchoolDays("england", Cal())
    assert days.is_school_day(date(2026, 10, 28)) is False and days.assumed is False  # half term
    assert days.is_school_day(date(2026, 6, 1)) is True and days.assumed is True  # terms missing
    assert clocks.SchoolDays("england", Cal()).is_school_day(date(2025, 12, 1)) is True


def test_a_date_the_parent_sets_is_labelled_theirs_with_the_legal_date_beside_it(cli, home):
    _school(cli)
    added = cli("request", "add", "records", "--to", "Hill School", "--sent", "08/09/2026", "--due", "02/10/2026",
                ok=True).stdout
    assert "due 02/10/2026" in added and "your own date" in added and "The legal date: 29/09/2026" in added
    [item] = _due(cli, "01/10/2026")
    assert item["due"] == "2026-10-02" and item["rule"].startswith("your own date") and "29/09/2026" in item["rule"]
    [stage] = cli.json("request", "list")[0]["stages"]
    assert (stage["legal_due"], "regulation 5" in stage["legal_source"]) == ("2026-09-29", True)
    letter = cli("draft", "chaser", "--request", "1", ok=True).stdout
    assert "hoped for a reply by 2 October 2026" in letter
    assert "regulation 5" in letter and "that is 29 September 2026" in letter
    assert "it was due by 2 October" not in letter


def test_impossible_extensions_are_refused_and_the_rule_says_what_the_extension_is(cli, home):
    from datetime import timedelta

    _school(cli, "academy")
    today = date.today()
    sent = today - timedelta(days=10)
    cli("request", "add", "sar", "--to", "Hill Academy", "--sent", f"{sent:%d/%m/%Y}", ok=True)
    cli("request", "add", "complaint", "--to", "Hill Academy", "--sent", f"{sent:%d/%m/%Y}", ok=True)
    due_now = cli.json("request", "list")[1]["stages"][0]["due"]
    for args, words in [
        (("--date", f"{today + timedelta(days=2):%d/%m/%Y}"), "in the future"),
        (("--date", f"{sent - timedelta(days=1):%d/%m/%Y}"), "before the request was sent"),
        (("--to", "01/01/2020"), "in the past"),
        (("--to", due_now[8:10] + "/" + due_now[5:7] + "/" + due_now[:4]), "not later than"),
    ]:
        result = cli("request", "extend", "2", "--reason", "Busy", *args)
        assert result.exit_code == 1 and words in result.stderr and "Traceback" not in result.stderr
    cli("request", "extend", "1", "--reason", "Many records", ok=True)
    again = cli("request", "extend", "1", "--reason", "Even more")
    assert again.exit_code == 1 and "only once" in again.stderr
    stage = cli.json("request", "list")[0]["stages"][0]
    assert "extended by two further months" in stage["rule"] and "Article 12(3)" in stage["rule"]


def test_a_reply_in_the_future_or_to_an_answered_request_is_refused(cli, home):
    from datetime import timedelta

    _school(cli)
    cli("request", "add", "records", "--to", "Hill School", "--sent", "08/09/2026", ok=True)
    cli("request", "add", "ehc-assessment", "--to", "Shire Council", "--sent", "08/09/2026", ok=True)
    future = cli("request", "reply", "1", "--date", f"{date.today() + timedelta(days=3):%d/%m/%Y}", "--summary", "x")
    assert future.exit_code == 1 and "in the future" in future.stderr
    cli("request", "reply", "1", "--date", "02/10/2026", "--summary", "Copy sent", ok=True)
    again = cli("request", "reply", "1", "--date", "03/10/2026", "--summary", "More")
    assert again.exit_code == 1 and "already answered" in again.stderr and "Traceback" not in again.stderr
    cli("request", "reply", "2", "--date", "10/10/2026", "--summary", "Will assess", ok=True)
    cli("request", "reply", "2", "--date", "20/11/2026", "--summary", "Final plan", ok=True)
    assert [r["state"] for r in cli.json("request", "list")] == ["answered late", "answered"]


def test_letters_counted_past_the_recorded_terms_say_so_and_do_not_assert_the_date(cli, home):
    cli("init", "--child", "Sam Taylor", "--school", "Hill School", "--parent", "Alex Taylor",
        "--email", "alex@example.org", "--school-email", "office@hill.example", ok=True)
    cli("child", "edit", "Sam Taylor", "--school-type", "maintained", ok=True)
    cli("calendar", "add-term", "Autumn 1", "--from", "03/09/2025", "--to", "23/10/2025", ok=True)
    letter = cli("draft", "records-request", "--log", ok=True)
    assert "subject to the school's own term dates" in letter.stdout and "I make it" not in letter.stdout
    assert letter.stderr.count("your term dates do not cover") == 1
    chaser = cli("draft", "chaser", "--request", "1", ok=True)
    assert "subject to the school's own term dates" in chaser.stdout and "term dates do not cover" in chaser.stderr


def test_control_characters_typed_in_text_do_not_reach_the_calendar_file_raw(cli, home, tmp_path):
    _school(cli)
    cli("request", "add", "other", "--to", "Dr \x1b[31mShah\x07", "--sent", "15/09/2026", "--due", "30/09/2026",
        "--about", "a letter\x9b", ok=True)
    ics = tmp_path / "due.ics"
    cli("due", "--as-of", "16/09/2026", "--ics", str(ics), ok=True)
    text = ics.read_text()
    assert "Shah" in text and not any(ch in text for ch in "\x1b\x07\x9b")
