"""The request letters (Done when 1, 2 and 5 of issue 14): each names the child in full,
cites only its nation's law, lists the family's entries by number and date, and passes
the wording check."""

from __future__ import annotations

import pytest

from conftest import MadeOnce
from refusal_log import paths
from refusal_log.wording import check_document


_homes = MadeOnce()  # the homes this module sets up once and copies


def _setup(cli, school_type: str = "maintained", region: str = "england") -> None:
    """Sam's home: its five commands run once per module for each school type and nation, and
    copied into this test's (still empty) home."""
    _homes.into(paths.home_dir(), (school_type, region), lambda once: _set_up(once, school_type, region))


def _set_up(cli, school_type: str, region: str) -> None:
    cli("init", "--child", "Sam Taylor", "--school", "Hill School", "--parent", "Alex Taylor",
        "--email", "alex@example.org", "--school-email", "office@hill.example", "--region", region, ok=True)
    cli("child", "edit", "Sam Taylor", "--school-type", school_type, ok=True)
    cli("calendar", "add-term", "Autumn 1", "--from", "03/09/2026", "--to", "23/10/2026", ok=True)
    cli("add-absence", "--date", "14/09/2026", "--reason", "Sam has a migraine", "--type", "illness", ok=True)
    cli("add-gp", "--summary", "Saw Dr Lee about headaches", "--date", "15/09/2026", ok=True)


def _body(cli, *args: str, region: str = "england") -> str:
    text = cli("draft", *args, ok=True).stdout
    assert check_document(text, region=region).verdict != "avoid"
    return text


def test_records_request_follows_the_school_type(cli, home):
    _setup(cli)
    maintained = _body(cli, "records-request")
    assert "Education (Pupil Information) (England) Regulations 2005" in maintained
    assert "15 school days" in maintained and "Sam Taylor" in maintained
    assert "Entry 1, 14 September 2026: absence (illness)" in maintained
    assert check_document(maintained).verdict == "ok"
    cli("child", "edit", "Sam Taylor", "--school-type", "academy", ok=True)
    academy = _body(cli, "records-request", "--log")
    assert "subject access request" in academy and "Article 15" in academy and "Pupil Information" not in academy
    assert cli.json("request", "list")[0]["kind"] == "records"


def test_chaser_names_the_rule_and_the_date_it_was_due(cli, home):
    _setup(cli)
    cli("request", "add", "records", "--to", "Hill School", "--sent", "08/09/2026", ok=True)
    text = _body(cli, "chaser", "--request", "3")
    assert "29 September 2026" in text and "regulation 5" in text and "entry 3" in text


def test_ehc_request_cites_s36_and_entries_and_is_england_only(cli, home):
    _setup(cli)
    text = _body(cli, "ehc-request", "--need", "Anxiety in a busy classroom")
    assert "section 36(1) of the Children and Families Act 2014" in text and "section 36(8)" in text
    assert "Entry 2, 15 September 2026: GP visit" in text and "1. Anxiety in a busy classroom" in text
    assert "regulation 5(1)" in text


def test_ehc_request_in_wales_names_wales(cli, home):
    _setup(cli, region="wales")
    result = cli("draft", "ehc-request")
    assert result.exit_code == 1 and "Wales" in result.stderr and "Traceback" not in result.stderr


S19_LAW = [
    ("england", "section 19 of the Education Act 1996", "19A"),
    ("wales", "section 19A of the Education Act 1996", "Department for Education"),
    ("scotland", "section 14 of the Education (Scotland) Act 1980", "Education Act 1996"),
    ("northern-ireland", "Education Authority", "section"),
]


def test_s19_request_cites_only_its_nations_law(cli, home):
    _setup(cli)
    for region, law, absent in S19_LAW:
        cli("region", "set", region, ok=True)
        text = _body(cli, "s19-request", region=region)
        assert law in text and absent not in text, region
        assert "1 school day (2 sessions)" in text and "too unwell" in text


def test_gp_and_part_time_timetable_letters(cli, home):
    _setup(cli)
    gp = _body(cli, "gp-letter-request", "--to", "Dr Lee")
    assert "Dear Dr Lee" in gp and "Sam Taylor" in gp and "Entry 2" in gp
    assert "Dear Doctor," in _body(cli, "gp-letter-request")  # no doctor named at a GP visit yet
    cli("add-gp", "--clinician", "Dr Okafor", "--summary", "Seen about her sleep", ok=True)
    assert "Dear Dr Okafor," in _body(cli, "gp-letter-request")  # the doctor named at the latest visit
    cli("add-gp", "--clinician", "Dr Okafor's registrar", "--summary", "Seen again", ok=True)
    gp = _body(cli, "gp-letter-request")  # "Dr Okafor's registrar" names no one: the doctor named before stands
    assert "Dear Dr Okafor," in gp and "Dear Dr Okafor's" not in gp
    ptt = _body(cli, "part-time-timetable", "--start", "01/10/2026", "--review", "15/10/2026", "--end", "06/11/2026")
    assert "C2" in ptt and "15 October 2026" in ptt and "6 November 2026" in ptt and "I agree" in ptt
    bad = cli("draft", "part-time-timetable", "--review", "15/12/2026", "--end", "06/11/2026")
    assert bad.exit_code == 1 and "review date" in bad.stderr


def test_a_chaser_to_the_council_is_never_addressed_to_the_school(cli, ready):
    cli("request", "add", "sar", "--to", "Countyshire Council", "--sent", "08/09/2026", ok=True)
    result = cli("draft", "chaser", "--request", "1", ok=True)
    first = result.stdout.splitlines()[0]
    assert not first.startswith("To:") or "office@" not in first
    assert "not addressed to the school" in result.stderr


def test_a_chaser_before_the_due_date_says_it_is_due_not_that_it_was(cli, ready):
    """The newcomer on round 111: "it was due by 7 December" for a date still to come."""
    from datetime import date, timedelta

    sent = date.today() - timedelta(days=2)
    cli("request", "add", "records", "--to", "Hill School", "--sent", f"{sent:%d/%m/%Y}", ok=True)
    result = cli("draft", "chaser", "--request", "1", ok=True)
    assert "it is due by" in result.stdout and "it was due by" not in result.stdout
    assert "not overdue yet" in result.stderr


def test_a_chaser_for_guidance_reads_as_guidance(cli, ready):
    # The newcomer on round 156: "Official guidance (...) says guidance, not a legal deadline: 15 school days from ..."
    # and "confirm that education arranged by the council ... will be with me by".
    from datetime import date, timedelta

    sent = date.today() - timedelta(days=2)
    cli("request", "add", "s19", "--to", "Countyshire Council", "--sent", f"{sent:%d/%m/%Y}", ok=True)
    body = " ".join(cli("draft", "chaser", "--request", "1", ok=True).stdout.split())
    assert "says guidance" not in body and "will be with me" not in body
    assert "It is guidance, not a time limit in law" in body and "what is being arranged" in body
