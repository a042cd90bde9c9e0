"""Where the child stands: the school calendar, the school's register and the figures.

The numbers of issue 13's "Done when" are checked here as a user would reach them,
through the commands, on fresh homes. The property test and the codes table work on
the domain objects directly (no store), to stay cheap.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import shutil
import subprocess
import sys
import sqlite3
import tempfile
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from refusal_log import attendance, register, schoolcalendar

AUTUMN = [("Autumn 1", "03/09/2026", "23/10/2026"), ("Autumn 2", "02/11/2026", "18/12/2026")]


_BUILT: dict[tuple, Path] = {}


def setup_terms(cli, terms=AUTUMN, region="england", inset=True):
    """A fresh home with the child and the terms: built once per set-up, then copied
    (a handful of commands each time would cost the suite seconds)."""
    home = Path(os.environ["REFUSAL_LOG_HOME"])
    key = (tuple(terms), region, inset)
    if key in _BUILT:
        shutil.copytree(_BUILT[key], home)
        return
    cli("init", "--child", "Sam", "--school", "Hill Primary", "--parent", "Alex", "--region", region,
        "--school-email", "office@hill.example", ok=True)
    for name, a, b in terms:
        cli("calendar", "add-term", name, "--from", a, "--to", b, ok=True)
    if inset:
        cli("calendar", "add-closure", "--from", "27/11/2026", "--reason", "INSET day", ok=True)
    if not _BUILT:
        atexit.register(shutil.rmtree, _cache_dir(), True)
    _BUILT[key] = _cache_dir() / str(len(_BUILT))
    shutil.copytree(home, _BUILT[key])


@cache
def _cache_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="refusal-log-test-terms-"))


# --- 1. school days ---------------------------------------------------------------------

def test_two_autumn_terms_with_an_inset_day_give_142_sessions(cli):
    setup_terms(cli)
    data = cli.json("calendar", "list")
    assert data["sessions"] == 142
    # The figures run to today at the latest: days still to come are not counted as attended (the newcomer on round 114).
    from datetime import date
    standing = cli.json("attendance", "--to", "18/12/2026")
    if date.today() >= date(2026, 12, 18):
        assert standing["possible_sessions"] == 142
    else:
        assert standing["to"] == date.today().isoformat() and standing["possible_sessions"] < 142
    # A period that starts after today, with or without --to, is one plain sentence (the newcomer on 5c17235).
    later = f"{date.fromordinal(date.today().toordinal() + 400):%d/%m/%Y}"
    for args in (["--from", later], ["--from", later, "--to", later]):
        refused = cli("attendance", *args)
        assert refused.exit_code == 1 and "after today" in refused.stderr


def test_a_summer_term_in_england_gives_48_sessions(cli):
    setup_terms(cli, [("Summer", "20/04/2026", "22/05/2026")], inset=False)
    data = cli.json("calendar", "list")
    assert data["sessions"] == 48
    assert data["bank_holidays"] == [{"date": "2026-05-04", "name": "May Day"}]


def test_absences_after_the_last_term_are_said_not_counted_and_the_period_ends_with_the_term(cli):
    # The newcomer on round 148: absences logged after the only term set left the figures at 100% for a period said to
    # run to today, with no word about them.
    setup_terms(cli, [("Summer", "20/04/2026", "22/05/2026")], inset=False)
    for day in ("03/06/2026", "04/06/2026"):
        cli("add-absence", "--date", day, "--reason", "Sam is too unwell to attend school (migraine).", ok=True)
    standing = cli.json("attendance")
    assert standing["to"] == "2026-05-22" and standing["absent_sessions"] == 0
    assert standing["absent_days_not_school_days"] == ["2026-06-03", "2026-06-04"]
    shown = " ".join(cli("timeline", "--format", "txt", ok=True).stdout.split())
    assert "School days Mon 20 Apr 2026 to Fri 22 May 2026" in shown and "Not counted: 2 weekdays" in shown
    # A period that starts after the last term says so (the newcomer on round 149: "--to ... is before --from").
    refused = cli("attendance", "--from", "01/06/2026")
    assert refused.exit_code == 1 and "No school term is set on or after Mon 1 Jun 2026" in refused.stderr
    later = " ".join(cli("timeline", "--format", "txt", "--from", "01/06/2026", ok=True).stdout.split())
    assert "left out of this timeline: no school term is set on or after Mon 1 Jun 2026" in later


@pytest.mark.parametrize("nation, first, last, sessions", [
    # The early May bank holiday (4 May) falls in the summer term everywhere.
    ("england", date(2026, 4, 20), date(2026, 5, 22), 48),
    ("wales", date(2026, 4, 20), date(2026, 5, 22), 48),
    # St Andrew's Day (Mon 30 Nov 2026) is a bank holiday in Scotland only.
    ("scotland", date(2026, 11, 2), date(2026, 12, 18), 68),
    ("england", date(2026, 11, 2), date(2026, 12, 18), 70),
    # St Patrick's Day (Tue 17 Mar 2026) in Northern Ireland only; Good Friday 3 Apr in all.
    ("northern-ireland", date(2026, 3, 2), date(2026, 4, 3), 46),
    ("england", date(2026, 3, 2), date(2026, 4, 3), 48),
])
def test_school_days_leave_out_each_nations_bank_holidays(nation, first, last, sessions):
    cal = schoolcalendar.SchoolCalendar("Sam", nation, [schoolcalendar.Term(1, "T", first, last)])
    assert 2 * len(cal.days) == sessions


def test_half_term_and_closures_are_not_school_days(cli):
    setup_terms(cli, [("Autumn", "01/09/2026", "18/12/2026")], inset=False)
    cli("calendar", "add-closure", "--from", "26/10/2026", "--to", "30/10/2026", "--reason", "half term", ok=True)
    cli("calendar", "add-closure", "--from", "27/11/2026", "--reason", "INSET day", ok=True)
    # Tue 1 Sep to Fri 18 Dec: 4 + 15 weeks of weekdays, less 5 days of half term and the INSET day.
    assert cli.json("calendar", "list")["school_days"] == 4 + 15 * 5 - 5 - 1


def test_calendar_import_reads_a_councils_ics(cli, tmp_path):
    setup_terms(cli, [], inset=False)
    ics = tmp_path / "terms.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Council//Terms//EN\r\n"
        "BEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Autumn term\r\nDTSTART;VALUE=DATE:20260903\r\n"
        "DTEND;VALUE=DATE:20261219\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:2\r\nSUMMARY:Half term\r\nDTSTART;VALUE=DATE:20261026\r\n"
        "DTEND;VALUE=DATE:20261031\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:3\r\nSUMMARY:INSET day\r\nDTSTART;VALUE=DATE:20261127\r\n"
        "DTEND;VALUE=DATE:20261128\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:4\r\nSUMMARY:Christmas concert\r\nDTSTART;VALUE=DATE:20261216\r\n"
        "END:VEVENT\r\n"
        # Some councils give a term as two one-day events.
        "BEGIN:VEVENT\r\nUID:5\r\nSUMMARY:Spring term starts\r\nDTSTART;VALUE=DATE:20270105\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:6\r\nSUMMARY:Spring term ends\r\nDTSTART;VALUE=DATE:20270212\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n")
    result = cli("calendar", "import", str(ics), ok=True)
    assert "Christmas concert" in result.stderr
    data = cli.json("calendar", "list")
    assert data["terms"][1] == {"id": 2, "name": "Spring term", "from": "2027-01-05", "to": "2027-02-12"}
    # Autumn: 142 sessions; spring 5 Jan (Tue) to 12 Feb (Fri): 29 school days.
    assert data["sessions"] == 142 + 2 * 29


def test_calendar_import_reads_a_csv_and_refuses_a_bad_one(cli, tmp_path):
    setup_terms(cli, [], inset=False)
    good = tmp_path / "terms.csv"
    good.write_text("kind,name,from,to\nterm,Autumn 1,03/09/2026,23/10/2026\nterm,Autumn 2,2026-11-02,2026-12-18\n"
                    "closure,INSET day,27/11/2026,27/11/2026\n")
    cli("calendar", "import", str(good), ok=True)
    assert cli.json("calendar", "list")["sessions"] == 142
    bad = tmp_path / "bad.csv"
    bad.write_text("when,what\n1,2\n")
    result = cli("calendar", "import", str(bad))
    assert result.exit_code == 1 and "name, from and to" in result.stderr


# --- 2. the figures from both sides -----------------------------------------------------

ILLNESS = [("15/09/2026", "16/09/2026"), ("25/09/2026", "28/09/2026"), ("08/10/2026", None), ("05/11/2026", None)]


def _school_days(first: date, last: date, skip=()) -> list[date]:
    days, day = [], first
    while day <= last:
        if day.weekday() < 5 and not date(2026, 10, 26) <= day <= date(2026, 10, 30) and day not in skip:
            days.append(day)
        day += timedelta(days=1)
    return days


@pytest.fixture(scope="module")
def _built_term(tmp_path_factory):
    """Built once per module (a dozen commands), copied into each test's home."""
    import os

    from conftest import Cli

    from refusal_log import paths

    folder = tmp_path_factory.mktemp("term") / "home"
    before = {k: os.environ.get(k) for k in ("REFUSAL_LOG_HOME", "REFUSAL_LOG_TZ")}
    os.environ.update(REFUSAL_LOG_HOME=str(folder), REFUSAL_LOG_TZ="Europe/London")
    paths.set_home(None)
    try:
        _build_term(Cli(), tmp_path_factory.mktemp("files"))
    finally:
        for key, value in before.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        paths.set_home(None)
    return folder


@pytest.fixture
def term_so_far(cli, home, _built_term):
    """3 Sep to 20 Nov 2026: 13 absent sessions logged; a register coding one of those
    days and one unlogged day O."""
    import shutil

    shutil.copytree(_built_term, home)
    return cli.json("attendance", "--from", "03/09/2026", "--to", "20/11/2026")


def _build_term(cli, tmp_path):
    setup_terms(cli)
    for first, until in ILLNESS:
        extra = ["--until", until] if until else []
        cli("add-absence", "--date", first, *extra, "--reason", "Sam is unwell with a high temperature",
            "--via", "email", ok=True)
    cli("add-absence", "--date", "19/10/2026", "--sessions", "pm", "--reason", "Dentist appointment", "--via", "email",
        ok=True)
    illness = {date(2026, 9, 15), date(2026, 9, 16), date(2026, 9, 25), date(2026, 9, 28), date(2026, 11, 5)}
    rows = ["Date,AM,PM"]
    for day in _school_days(date(2026, 9, 3), date(2026, 11, 20)):
        am, pm = "/", "\\"
        if day in illness:
            am = pm = "I"
        elif day in (date(2026, 10, 8), date(2026, 11, 12)):
            am = pm = "O"
        elif day == date(2026, 10, 19):
            pm = "M"
        rows.append(f"{day:%d/%m/%Y},{am},{pm}")
    register_csv = tmp_path / "register.csv"
    register_csv.write_text("\n".join(rows) + "\n")
    cli("register", "import", str(register_csv), "--source", "SAR reply", ok=True)


def test_figures_from_the_log_and_the_register_side_by_side(term_so_far):
    data = term_so_far
    assert data["possible_sessions"] == 104
    assert (data["absent_sessions"], data["present_sessions"]) == (13, 91)
    assert data["attendance_percent"] == 87.5
    school = data["school"]
    assert school["attendance_percent"] == 85.6
    assert (school["authorised_sessions"], school["unauthorised_sessions"]) == (11, 4)
    assert school["possible_sessions"] == 104 and school["covers_period"] is True
    assert school["by_code"]["O"] == 4 and school["by_code"]["I"] == 10 and school["by_code"]["M"] == 1
    assert data["persistent"] is True and data["severe"] is False and data["figures_from"] == "school"
    assert data["illness_school_days"] == 6
    assert data["illness"]["point"] == 15 and "s19" in data["illness"]["law"]


def test_exactly_the_four_disagreeing_sessions_are_mismatches(term_so_far):
    found = [(m["date"], m["session"], m["logged"], m["school_code"]) for m in term_so_far["mismatches"]]
    assert found == [("2026-10-08", "am", "illness", "O"), ("2026-10-08", "pm", "illness", "O"),
                     ("2026-11-12", "am", None, "O"), ("2026-11-12", "pm", None, "O")]
    proof = term_so_far["mismatches"][0]
    assert proof["entry"] is not None and "reported illness" in proof["why"] and "I" in proof["why"]
    assert "nothing is in your log" in term_so_far["mismatches"][2]["why"]


def test_the_terminal_view_draws_the_map_beside_the_figures(cli, term_so_far):
    out = cli("attendance", "--from", "03/09/2026", "--to", "20/11/2026", ok=True).stdout
    assert "Week of" in out and "Mon" in out and "Fri" in out
    assert "07/09/2026" in out and "OO!" in out.replace(" ", "")
    assert "85.6%" in out and "87.5%" in out and "your record and the school's differ" in out


def test_a_corrected_code_is_a_new_revision_and_the_first_is_kept(cli, term_so_far, home):
    result = cli("register", "set", "08/10/2026", "--am", "I", "--pm", "I", "--source", "letter of 20 Nov",
                 "--why", "school corrected it after my email", ok=True)
    assert "corrected 2" in result.stdout
    data = cli.json("attendance", "--from", "03/09/2026", "--to", "20/11/2026")
    assert data["school"]["unauthorised_sessions"] == 2 and len(data["mismatches"]) == 2
    db = sqlite3.connect(home / "refusal-log.db")
    codes = [r[0] for r in db.execute("SELECT code FROM register_mark WHERE date = '2026-10-08' ORDER BY id")]
    assert codes == ["O", "O", "I", "I"]
    # The school's codes are in the chain but are not counted as entries the family logged.
    logged = len(cli.json("list"))
    marks = db.execute("SELECT count(*) FROM entry WHERE kind = 'register'").fetchone()[0]
    assert cli("verify", ok=True).stdout.startswith(f"{logged} entries and {marks} register codes, chain intact")


def test_the_register_correction_letter_cites_the_entry_and_passes_the_check(cli, term_so_far):
    from refusal_log.wording import check_text

    result = cli("draft", "register-correction", "--date", "08/10/2026", ok=True)
    body = result.stdout
    assert "8 October 2026" in body and "code I" in body and "entry" in body.lower()
    assert "code O" in body and "by email" in body
    assert check_text(body.split("\n\n", 1)[1]).verdict == "ok"
    nothing = cli("draft", "register-correction", "--date", "09/10/2026")
    assert nothing.exit_code == 1 and "Fri 9 Oct 2026" in nothing.stderr and "do not disagree" in nothing.stderr


# --- 3. the penalty-notice threshold -------------------------------------------------------

SEPTEMBER = [("Autumn 1", "07/09/2026", "23/10/2026"), ("Autumn 2", "02/11/2026", "18/12/2026")]


def test_nine_sessions_do_not_reach_the_threshold_and_the_tenth_does(cli):
    setup_terms(cli, SEPTEMBER, inset=False)
    cli("register", "set", "07/09/2026", "--to", "10/09/2026", "--am", "O", "--pm", "O", ok=True)
    cli("register", "set", "11/09/2026", "--am", "O", ok=True)
    penalty = cli.json("attendance", "--to", "18/12/2026")["penalty_threshold"]
    assert (penalty["reached"], penalty["sessions"]) == (False, 9)
    # Mon 16 Nov is school week 10: half term is no school week.
    cli("register", "set", "16/11/2026", "--am", "N", "--source", "parent app", ok=True)
    penalty = cli.json("attendance", "--to", "18/12/2026")["penalty_threshold"]
    assert (penalty["reached"], penalty["sessions"]) == (True, 10)
    assert penalty["window_start"] == "2026-09-07" and penalty["window_end"] == "2026-11-20"


def test_sessions_in_the_first_and_eleventh_school_weeks_are_not_in_one_window(cli):
    setup_terms(cli, SEPTEMBER, inset=False)
    cli("register", "set", "07/09/2026", "--to", "09/09/2026", "--am", "O", "--pm", "G", ok=True)
    cli("register", "set", "23/11/2026", "--to", "25/11/2026", "--am", "U", "--pm", "O", ok=True)
    cli("register", "set", "09/09/2026", "--pm", "I", "--why", "corrected", ok=True)
    cli("register", "set", "25/11/2026", "--pm", "I", "--why", "corrected", ok=True)
    data = cli.json("attendance", "--to", "18/12/2026")
    assert data["school"]["unauthorised_sessions"] == 10
    assert (data["penalty_threshold"]["reached"], data["penalty_threshold"]["sessions"]) == (False, 5)
    assert "must consider" in data["penalty_threshold_note"]


def test_illness_coded_i_never_counts_towards_the_threshold(cli):
    setup_terms(cli, SEPTEMBER, inset=False)
    cli("register", "set", "07/09/2026", "--to", "18/09/2026", "--am", "I", "--pm", "I", ok=True)
    penalty = cli.json("attendance", "--to", "18/12/2026")["penalty_threshold"]
    assert penalty["sessions"] == 0 and penalty["reached"] is False


# --- 4. other nations, and bad input ----------------------------------------------------------

def test_scotland_has_no_threshold_and_keeps_the_schools_code_as_written(cli):
    setup_terms(cli, region="scotland")
    result = cli("register", "set", "08/09/2026", "--am", "Sick 21")
    assert result.exit_code == 1 and "--category" in result.stderr and "Traceback" not in result.stderr
    cli("register", "set", "08/09/2026", "--am", "Sick 21", "--pm", "Sick 21", "--category", "authorised", ok=True)
    data = cli.json("attendance", "--to", "18/12/2026")
    assert data["penalty_threshold"] is None and "Scotland" in data["penalty_threshold_note"]
    assert data["school"]["by_code"] == {"Sick 21": 2} and data["school"]["authorised_sessions"] == 2
    assert "1980 Act" in data["illness"]["law"] or "Scotland) Act 1980 s14" in data["illness"]["law"]
    assert cli.json("register", "list")[0]["code"] == "Sick 21"


def test_an_unknown_code_is_an_error_naming_it_and_the_date(cli, tmp_path):
    setup_terms(cli)
    result = cli("register", "set", "08/09/2026", "--am", "H")
    assert result.exit_code == 1 and "'H'" in result.stderr and "8 Sep 2026" in result.stderr
    bad = tmp_path / "r.csv"
    bad.write_text("date,am,pm\n08/09/2026,/,\\\n09/09/2026,/,ZZ\n")
    result = cli("register", "import", str(bad))
    assert result.exit_code == 1 and "'ZZ'" in result.stderr and "line 3" in result.stderr
    assert cli.json("register", "list") == []  # nothing half-imported


def test_bad_input_is_said_plainly(cli):
    setup_terms(cli)
    assert "at least one session" in cli("register", "set", "08/09/2026").stderr
    assert cli("calendar", "add-term", "X", "--from", "10/10/2026", "--to", "01/10/2026").exit_code == 1
    overlap = cli("calendar", "add-term", "Again", "--from", "01/10/2026", "--to", "10/10/2026")
    assert overlap.exit_code == 1 and "overlaps" in overlap.stderr
    assert "not a school day" in cli("register", "set", "26/10/2026", "--am", "O", ok=True).stderr


def test_attendance_without_terms_says_what_to_do(cli, ready):
    result = cli("attendance")
    assert result.exit_code == 1 and "calendar add-term" in result.stderr


# --- the codes table, and consistency for any register ------------------------------------------

# facts.md section 4, one row per code: possible session (Y/N) and category.
FACTS_SECTION_4 = """
/ Y present|\\ Y present|L Y present|K Y approved|V Y approved|P Y approved|W Y approved|B Y approved|
D N not-counted|C1 Y authorised|M Y authorised|J1 Y authorised|S Y authorised|X N not-counted|
C2 Y authorised|C Y authorised|T Y authorised|R Y authorised|I Y authorised|E Y authorised|
Q N not-counted|Y1 N not-counted|Y2 N not-counted|Y3 N not-counted|Y4 N not-counted|Y5 N not-counted|
Y6 N not-counted|Y7 N not-counted|G Y unauthorised|N Y unauthorised|O Y unauthorised|U Y unauthorised|
Z N not-counted|# N not-counted
"""


def test_englands_codes_match_the_fact_sheet():
    expected = {}
    for item in FACTS_SECTION_4.replace("\n", "").split("|"):
        code, possible, category = item.split()
        expected[code] = (possible == "Y", category)
    table = register.england_codes()
    assert {c: (v.possible, v.category) for c, v in table.items()} == expected
    assert {c for c, v in table.items() if v.penalty} == {"G", "N", "O", "U"}
    assert "2024/208" in register.codes_source()["codes"]


_CODES = sorted(register.england_codes())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_CODES), st.booleans()), min_size=0, max_size=40),
       st.sets(st.integers(0, 39), max_size=40))
def test_figures_stay_consistent_for_any_register(codes, logged_days):
    days = [date(2026, 9, 7) + timedelta(days=i + 2 * (i // 5)) for i in range(20)]
    marks = {}
    for i, (code, pm) in enumerate(codes):
        day, slot = days[i % 20], ("pm" if pm else "am")
        info = register.england_codes()[code]
        marks[(day, slot)] = register.Mark(i + 1, day, slot, code, info.category, None)
    logged = {(days[i // 2], "am" if i % 2 == 0 else "pm"): attendance.Logged(1, "illness", "email", "")
              for i in logged_days}
    cal = schoolcalendar.SchoolCalendar("Sam", "england")
    cal.__dict__["days"] = days
    standing = attendance.Standing("Sam", "england", days[0], days[-1], days, logged, marks,
                                   attendance.penalty_window(cal, [m.date for m in marks.values() if m.penalty]),
                                   calendar=cal)
    data = standing.to_json()
    assert data["possible_sessions"] == data["present_sessions"] + data["absent_sessions"]
    assert 0 <= data["attendance_percent"] <= 100
    school = data["school"]
    if school:
        assert school["coded_sessions"] == (school["present_sessions"] + school["authorised_sessions"]
                                            + school["unauthorised_sessions"] + school["not_counted_sessions"])
        assert school["possible_sessions"] == (school["present_sessions"] + school["authorised_sessions"]
                                               + school["unauthorised_sessions"])
        if school["attendance_percent"] is not None:
            assert 0 <= school["attendance_percent"] <= 100
        assert sum(school["by_code"].values()) == school["coded_sessions"]
    assert 0 <= data["penalty_threshold"]["sessions"] <= sum(1 for m in marks.values() if m.penalty)
    assert 0 <= data["absence_percent"] <= 100


# --- 5. the timeline shows the same figures and map ------------------------------------------

def test_the_html_timeline_shows_the_figures_and_an_svg_calendar(cli, term_so_far):
    html = cli("timeline", "--from", "03/09/2026", "--to", "20/11/2026", "--format", "html", ok=True).stdout
    summary = html[html.index('class="summary"'):html.index("</section>", html.index('class="attendance"'))]
    assert "Where Sam stands" in summary and "85.6%" in summary and "87.5%" in summary
    assert "<svg" in summary and "<script" not in html.lower()
    assert "stroke-dasharray" in summary  # the sessions that differ are marked
    assert summary.count("You reported illness") == 2


def test_the_text_and_markdown_timelines_carry_a_compact_map(cli, term_so_far):
    for fmt in ("txt", "md"):
        text = cli("timeline", "--from", "03/09/2026", "--to", "20/11/2026", "--format", fmt, ok=True).stdout
        assert "Week of     Mon    Tue    Wed    Thu    Fri" in text
        assert "O O !" in text and "85.6%" in text
        assert max(len(line) for line in text.splitlines()) <= 80 or fmt == "md"
        # Which sessions differ, by day, as the HTML's table says (the newcomer on round 156: only a count before).
        listed = " ".join(text[text.index("register differ"):].split())
        assert "code O: You reported illness" in listed, fmt
    # Days of the last week after the period are not "no school" (the newcomer on round 160: coming school days were).
    html = cli("timeline", "--from", "03/09/2026", "--to", "18/11/2026", "--format", "html", ok=True).stdout
    assert "2026-11-19 am: outside the period shown" in html and "2026-11-19 am: no school" not in html


def test_a_timeline_of_two_children_shows_where_each_stands(cli, term_so_far):
    # The newcomer on round 151: with a second child and no --child, the figures were silently left out.
    cli("child", "add", "Ella Jones", ok=True)
    cli("add-absence", "--child", "Ella", "--date", "09/09/2026", "--reason", "Ella has a high temperature",
        "--via", "phone", ok=True)
    for fmt in ("txt", "md", "html"):
        text = cli("timeline", "--from", "03/09/2026", "--to", "20/11/2026", "--format", fmt, ok=True).stdout
        assert "Where Sam stands" in text and "Where Ella Jones stands" in text, fmt
        assert "No school terms are set yet" in " ".join(text.split())  # Ella's: said, not silently dropped
    html = cli("timeline", "--from", "03/09/2026", "--to", "20/11/2026", "--format", "html", ok=True).stdout
    assert 'id="attendance-heading-1"' in html and 'id="attendance-heading-2"' in html  # ids stay unique
    only_ella = cli("timeline", "--child", "Ella", "--format", "txt", ok=True).stdout
    assert "Where Sam stands" not in only_ella


def test_a_timeline_without_a_calendar_is_as_before(cli, ready):
    cli("add-note", "A note", "--when", "08/09/2026", ok=True)
    assert "Where Sam stands" not in cli("timeline", "--format", "txt", ok=True).stdout


def test_export_and_import_keep_the_calendar_and_the_register(cli, term_so_far, tmp_path):
    cli("register", "set", "08/10/2026", "--am", "I", "--why", "corrected after my email", ok=True)
    before = cli.json("attendance", "--from", "03/09/2026", "--to", "20/11/2026")
    exported = tmp_path / "log.json"
    cli("export", "--format", "json", "--out", str(exported), ok=True)
    new_home = tmp_path / "elsewhere"
    cli("--home", str(new_home), "import", str(exported), ok=True)
    after = cli.json("--home", str(new_home), "attendance", "--from", "03/09/2026", "--to", "20/11/2026")
    assert after == before
    history = cli.json("--home", str(new_home), "register", "list")
    assert [m["revision"] for m in history if m["date"] == "2026-10-08"] == [2, 1]
    assert "chain intact" in cli("--home", str(new_home), "verify", ok=True).stdout


def test_the_demo_has_a_calendar_and_a_register_with_two_days_that_differ(cli, demo_home):
    folder = demo_home
    data = cli.json("--home", str(folder), "attendance", "--to", "27/11/2026")
    assert sorted({m["date"] for m in data["mismatches"]}) == ["2026-10-05", "2026-10-12"]
    assert data["school"]["covers_period"] is True and data["penalty_threshold"]["reached"] is False
    assert "Where Maya stands" in (folder / "timeline.html").read_text()
    letter = cli("--home", str(folder), "draft", "register-correction", "--date", "12/10/2026", ok=True).stdout
    assert "code I" in letter and "entry" in letter
    # Two sessions coded, nothing logged: "these sessions", not "this session" (the newcomer on round 160).
    both = " ".join(cli("--home", str(folder), "draft", "register-correction", "--date", "05/10/2026", ok=True).stdout.split())
    assert "no record of an absence for these sessions" in both



def test_the_markdown_calendar_shows_the_codes_as_they_are(demo_home):
    # Inside a code fence nothing is Markdown: a present afternoon's "\\" was escaped and showed as two backslashes.
    from markdown_it import MarkdownIt

    fences = [t.content for t in MarkdownIt("commonmark").parse((demo_home / "timeline.md").read_text())
              if t.type == "fence"]
    assert fences and "/ \\ " in fences[0] and "\\\\" not in fences[0], fences[:1]
    # A code typed outside England is free text: a run of backticks in it can never close the fence.
    from refusal_log.escaping import code_block

    assert "```" not in code_block("```` x ```")


@pytest.mark.parametrize("region", ["wales", "scotland", "northern-ireland"])
def test_a_letter_outside_england_names_no_english_code_or_law(cli, region):
    from refusal_log.wording import check_text

    setup_terms(cli, region=region)
    cli("add-absence", "--date", "08/10/2026", "--reason", "Sam is unwell with a fever", "--via", "phone", ok=True)
    cli("register", "set", "08/10/2026", "--am", "Unauth", "--category", "unauthorised", "--source", "app", ok=True)
    body = cli("draft", "register-correction", "--date", "08/10/2026", ok=True).stdout
    assert "England" not in body and "code I" not in body and '"Unauth"' in body
    assert "authorised absence for illness" in body
    assert check_text(body.split("\n\n", 1)[1]).verdict == "ok"
    data = cli.json("attendance", "--to", "18/12/2026")
    assert data["penalty_threshold"] is None and "England" not in (data["illness"]["law"] or "")
    # Without England's letters the swatches are colour alone, so the key names each colour.
    key = cli("attendance", "--to", "18/12/2026", ok=True).stdout
    assert "red: unauthorised absence" in key and "green: present" in key and "O unauthorised" not in key
    # England's 15-day health-needs point and its persistent/severe measures are not another nation's (the newcomer on
    # round 169 saw both printed for a Scottish child).
    flat = " ".join(key.split())
    assert "15 school days" not in flat and "persistent" not in flat and data["illness"]["point"] is None
    # After the count, the law's name opens no sentence of its own: "...illness: 1. Education (Scotland) Act" read as a list.
    assert re.search(r"lost to illness: [0-9.]+\. (?:The law here \(|Refusal-log knows)", flat), flat


def test_moving_to_another_nation_names_the_codes_kept_with_englands_letters(cli):
    # The newcomer on round 169: after `region set scotland` the O and U entered under England kept England's meaning,
    # and nothing said so.
    setup_terms(cli)
    cli("register", "set", "08/10/2026", "--am", "O", "--pm", "U", ok=True)
    moved = " ".join(cli("region", "set", "scotland", ok=True).stderr.split())
    assert "2 register codes already in the log (the first, O, on Thu 8 Oct 2026)" in moved and "--category" in moved
    assert "England's letters" not in cli("region", "set", "england", ok=True).stderr


def test_a_damaged_calendar_file_is_refused_plainly(cli, tmp_path):
    setup_terms(cli, [], inset=False)
    broken = tmp_path / "broken.ics"
    broken.write_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Autumn term\nDTSTART:notadate\nEND:VEVENT\nEND:VCALENDAR\n")
    result = cli("calendar", "import", str(broken))
    assert result.exit_code == 1 and "Autumn term" in result.stderr and "went wrong" not in result.stderr
    garbage = tmp_path / "garbage.ics"
    garbage.write_bytes(b"\x00\xffnot a calendar")
    result = cli("calendar", "import", str(garbage))
    assert result.exit_code == 1 and "not a calendar file" in result.stderr
    assert cli.json("calendar", "list")["terms"] == []


def test_an_appointment_coded_o_and_an_absence_coded_present_are_mismatches(cli):
    setup_terms(cli)
    cli("add-absence", "--date", "06/10/2026", "--sessions", "am", "--reason", "Dentist appointment", "--via", "app",
        ok=True)
    cli("add-absence", "--date", "07/10/2026", "--reason", "Sam is unwell with a fever", "--via", "email", ok=True)
    cli("register", "set", "06/10/2026", "--am", "O", "--pm", "\\", ok=True)
    cli("register", "set", "07/10/2026", "--am", "/", "--pm", "I", ok=True)
    found = {(m["date"], m["session"]): m for m in cli.json("attendance", "--to", "18/12/2026")["mismatches"]}
    assert set(found) == {("2026-10-06", "am"), ("2026-10-07", "am")}
    assert "appointment" in found[("2026-10-06", "am")]["why"] and "M" in found[("2026-10-06", "am")]["why"]
    assert "coded this session present" in found[("2026-10-07", "am")]["why"]


def test_an_illness_type_whose_reason_names_someone_elses_illness_claims_no_illness(cli):
    # The newcomer on round 97: --type illness for "his brother has flu" was worded as Sam's illness.
    setup_terms(cli)
    cli("add-absence", "--date", "06/10/2026", "--reason", "Kept home as his brother has flu", "--type", "illness",
        "--accept-wording", ok=True)
    cli("add-absence", "--date", "07/10/2026", "--reason", "Sam has a fever", ok=True)
    cli("register", "set", "06/10/2026", "--to", "07/10/2026", "--am", "O", "--pm", "O", ok=True)
    data = cli.json("attendance", "--to", "18/12/2026")
    assert data["illness_school_days"] == 1 and data["illness_unsaid_entries"] == [1]
    assert [m["date"] for m in data["mismatches"]] == ["2026-10-07", "2026-10-07"]
    assert "Entry 1 is logged as illness, but the reason does not say Sam was unwell" in " ".join(
        cli("attendance", "--to", "18/12/2026", ok=True).stdout.split())
    assert "nothing to ask" in cli("draft", "register-correction", "--date", "06/10/2026").stderr
    s19 = cli("draft", "s19-request", ok=True)
    assert "1 school day (2 sessions)" in s19.stdout and "Entry 1, 6 October 2026: absence\n" in s19.stdout
    # The newcomer on round 111: short of the guidance's 15 days, the note says so.
    assert "1 school day is logged as illness so far" in " ".join(s19.stderr.split())
    # The attacker on round 101: the council's driver off sick, and a brother's sickness in simple English, are not the
    # child's illness either; a migraine beside "even if he wasn't ill I wouldn't send him" still is.
    for day, reason in [("08/10/2026", "The minibus driver rang in sick so he can't get to school"),
                        ("09/10/2026", "Brother vomit in night, he stay home"),
                        ("12/10/2026", "He has a migraine. Even if he wasn't ill I wouldn't send him after how Miss Reid "
                                       "spoke to him."),
                        # Another child named as the one too unwell (the newcomer on round 103).
                        ("13/10/2026", "Owen is too unwell to attend, he has a fever")]:
        cli("add-absence", "--date", day, "--reason", reason, "--type", "illness", "--accept-wording", ok=True)
    data = cli.json("attendance", "--to", "18/12/2026")
    assert data["illness_school_days"] == 2 and data["illness_unsaid_entries"] == [1, 7, 8, 10]  # (entries 3 to 6: the register codes)
    assert cli("draft", "absence-email", "--date", "08/10/2026").exit_code == 1


def test_a_corrected_entry_is_cited_as_what_the_log_records_not_as_what_was_reported(cli):
    # The newcomer on round 101: "He won't go in", corrected later to an illness, was cited as "I reported ... unwell".
    setup_terms(cli)
    cli("add-absence", "--date", "06/10/2026", "--reason", "He won't go in, I can't get him out of the car",
        "--via", "text", "--accept-wording", ok=True)
    cli("edit", "1", "--reason", "Too unwell to attend school (anxiety)", "--type", "illness",
        "--why", "this is what was wrong", ok=True)
    cli("register", "set", "06/10/2026", "--am", "O", "--pm", "O", ok=True)
    letter = cli("draft", "register-correction", "--date", "06/10/2026", ok=True)
    body = " ".join(letter.stdout.split())
    assert "I reported" not in body and "by text" not in body
    assert "My log records that Sam was unwell and unable to attend that day (entry 1 in my log, first written on" in body
    assert "corrected on" in body and "was corrected after it was first logged" in letter.stderr
    why = cli.json("attendance", "--to", "18/12/2026")["mismatches"][0]["why"]
    assert why.startswith("Your log has illness") and "corrected after it was first logged" in why


def test_the_letter_says_i_reported_only_what_the_log_says_was_told_and_half_a_day_as_half(cli):
    # The newcomer on round 155: with no --via or --told the letter still said "I reported that Sam was unwell", and an
    # afternoon's absence was "unable to attend that day".
    setup_terms(cli)
    cli("add-absence", "--date", "06/10/2026", "--reason", "Sam has a migraine", ok=True)
    cli("add-absence", "--date", "07/10/2026", "--sessions", "pm", "--via", "phone", "--reason",
        "Sam was sent home at lunch with a temperature", ok=True)
    for day in ("06/10/2026", "07/10/2026"):
        cli("register", "set", day, "--am", "O" if day == "06/10/2026" else "/", "--pm", "O", ok=True)
    untold = " ".join(cli("draft", "register-correction", "--date", "06/10/2026", ok=True).stdout.split())
    assert "I reported" not in untold and "My log records that Sam was unwell and unable to attend that day" in untold
    told = " ".join(cli("draft", "register-correction", "--date", "07/10/2026", ok=True).stdout.split())
    assert "I reported by phone that Sam was unwell and unable to attend that afternoon." in told
    # A half day is half a day towards the 15-day point, not a whole one.
    assert cli.json("attendance", "--to", "18/12/2026")["illness_school_days"] == 1.5
    assert "1.5 school days (3 sessions)" in " ".join(cli("draft", "s19-request", ok=True).stdout.split())


def test_a_letter_asks_only_about_the_sessions_its_entry_covers(cli):
    # The attacker on round 156: a morning's illness, the register O all day, asked for code I for the afternoon too;
    # an afternoon's absence with the morning unlogged read "I have no record of an absence for this session".
    setup_terms(cli)
    cli("add-absence", "--date", "06/10/2026", "--sessions", "am", "--via", "phone", "--reason", "Sam has a migraine",
        ok=True)
    cli("add-absence", "--date", "07/10/2026", "--sessions", "pm", "--told", "Mrs Lowe", "--reason",
        "Sam has a temperature", ok=True)
    for day in ("06/10/2026", "07/10/2026"):
        cli("register", "set", day, "--am", "O", "--pm", "O", ok=True)
    morning = cli("draft", "register-correction", "--date", "06/10/2026", ok=True)
    body = " ".join(morning.stdout.split())
    assert "records the morning session as code O" in body and "afternoon" not in body
    assert "This letter is about the morning session only." in " ".join(morning.stderr.split())
    afternoon = " ".join(cli("draft", "register-correction", "--date", "07/10/2026", ok=True).stdout.split())
    assert "records the afternoon session as code O" in afternoon and "no record" not in afternoon
    assert "unable to attend that afternoon (I told Mrs Lowe)" in afternoon


def test_the_letter_gives_a_codes_meaning_without_brackets_inside_brackets(cli):
    # The newcomer on round 164: "code / (present (morning))" read as a typo in a formal letter.
    setup_terms(cli)
    cli("add-absence", "--date", "06/10/2026", "--reason", "Sam has a temperature", "--via", "phone", ok=True)
    cli("register", "set", "06/10/2026", "--am", "/", "--pm", "I", ok=True)
    body = " ".join(cli("draft", "register-correction", "--date", "06/10/2026", ok=True).stdout.split())
    assert "as code / (present, morning)" in body
    assert not re.search(r"\([^()]*\(", body)


def test_a_transport_day_coded_unauthorised_is_a_mismatch_and_its_letter_claims_nothing(cli):
    # The newcomer on round 103: a council taxi day coded O was not flagged, so no letter could ask about it.
    setup_terms(cli)
    cli("add-absence", "--date", "06/10/2026", "--reason", "The council taxi did not turn up and I don't drive",
        "--via", "email", ok=True)
    cli("register", "set", "06/10/2026", "--am", "O", "--pm", "O", ok=True)
    found = cli.json("attendance", "--to", "18/12/2026")["mismatches"]
    assert len(found) == 2 and found[0]["why"].startswith("You logged transport that did not come")
    body = " ".join(cli("draft", "register-correction", "--date", "06/10/2026", ok=True).stdout.split())
    assert "I told the school by email about Sam's absence that day and its reason." in body
    assert "unwell" not in body and "no record" not in body and "code I" not in body


def test_codes_and_names_are_shown_as_typed_never_as_markup(cli):
    setup_terms(cli, region="wales")
    cli("register", "set", "08/09/2026", "--am", "[red]X[/red]", "--category", "authorised",
        "--source", "[bold]app", ok=True)
    out = cli("register", "list", ok=True).stdout
    assert "[red]X[/red]" in out and "[bold]app" in out
    cli("calendar", "add-closure", "--from", "09/09/2026", "--reason", "[blink]strike", ok=True)
    assert "[blink]strike" in cli("calendar", "list", ok=True).stdout


def test_a_register_code_can_be_shown_and_withdrawn_but_not_edited(cli):
    setup_terms(cli)
    cli("register", "set", "08/09/2026", "--am", "O", "--source", "printout", ok=True)
    mark = cli.json("register", "list")[0]
    shown = cli("show", str(mark["entry"]), ok=True).stdout
    assert "Register code" in shown and "printout" in shown
    edit = cli("edit", str(mark["entry"]), "--reason", "x")
    assert edit.exit_code == 1 and "register set" in edit.stderr
    cli("withdraw", str(mark["entry"]), "--reason", "typed on the wrong day", ok=True)
    assert cli.json("register", "list") == []
    assert cli.json("list") == []  # register codes are not listed with the family's own entries


def test_a_letter_for_a_day_with_nothing_logged_claims_no_reason(cli, term_so_far):
    from refusal_log.wording import check_text

    result = cli("draft", "register-correction", "--date", "12/11/2026", ok=True)
    assert "Nothing is logged for Thu 12 Nov 2026" in result.stderr
    body = result.stdout.split("\n\n", 1)[1]
    assert "unwell" not in body and "appointment" not in body and "code I" not in body
    assert check_text(body).verdict != "avoid"


def test_a_register_with_only_a_few_codes_gives_no_school_attendance_figure(cli):
    setup_terms(cli)
    cli("register", "set", "08/10/2026", "--am", "O", "--pm", "O", "--source", "parent app", ok=True)
    data = cli.json("attendance", "--from", "03/09/2026", "--to", "20/11/2026")
    assert data["school"]["coded_sessions"] == 2 and data["school"]["attendance_percent"] is None
    assert data["figures_from"] == "family"
    text = cli("attendance", "--from", "03/09/2026", "--to", "20/11/2026", ok=True).stdout
    flat = " ".join(text.split())
    assert "register: 0.0%" not in flat and "codes for 2 of" in flat


# --- a term or closure typed wrongly ------------------------------------------------------------

def test_a_term_typed_wrongly_is_removed_from_the_count_and_kept(cli, tmp_path):
    setup_terms(cli)
    before = cli.json("calendar", "list")
    autumn2 = next(t for t in before["terms"] if t["name"] == "Autumn 2")
    listed = cli("calendar", "list", ok=True).stdout
    assert f"T{autumn2['id']}" in listed  # the ID a parent types
    removed = cli("calendar", "remove", f"T{autumn2['id']}", "--why", "typed the wrong dates", ok=True)
    assert "Autumn 2" in removed.stdout and "kept" in removed.stdout
    after = cli.json("calendar", "list")
    assert [t["name"] for t in after["terms"]] == ["Autumn 1"] and after["school_days"] < before["school_days"]
    # The corrected term can then be added over the same days.
    cli("calendar", "add-term", "Autumn 2", "--from", "02/11/2026", "--to", "17/12/2026", ok=True)
    # Kept as evidence: chained, exported and imported with the reason.
    cli("verify", ok=True)
    exported = tmp_path / "export.json"
    cli("export", "--out", str(exported), ok=True)
    removals = json.loads(exported.read_text())["school"]["removals"]
    assert [r["reason"] for r in removals] == ["typed the wrong dates"]
    fresh = tmp_path / "copy"
    cli("--home", str(fresh), "import", str(exported), ok=True)
    assert [t["name"] for t in cli.json("--home", str(fresh), "calendar", "list")["terms"]] == ["Autumn 1", "Autumn 2"]
    cli("--home", str(fresh), "verify", ok=True)


@pytest.mark.parametrize("args, says", [
    (("T999", "--why", "x"), "There is no term T999"),
    (("Z1", "--why", "x"), "is not a term or closure"),
    (("C1", "--why", " "), "--why is empty"),
])
def test_removing_what_is_not_there_is_refused_plainly(cli, args, says):
    setup_terms(cli)
    result = cli("calendar", "remove", *args)
    assert result.exit_code == 1 and says in result.stderr
    assert len(cli.json("calendar", "list")["terms"]) == 2


def test_a_term_is_removed_once(cli):
    setup_terms(cli)
    term = cli.json("calendar", "list")["terms"][0]["id"]
    cli("calendar", "remove", f"t{term}", "--why", "wrong", ok=True)
    again = cli("calendar", "remove", f"T{term}", "--why", "wrong")
    assert again.exit_code == 1 and "already removed" in again.stderr


def test_each_calendar_and_register_write_works_in_a_fresh_process(tmp_path):
    # Table models are built only when a command needs them; each command here runs in a
    # new process, so one whose rows name a table no import has built yet would fail.
    env = {**os.environ, "REFUSAL_LOG_HOME": str(tmp_path / "home")}
    for args in (["init", "--child", "Sam", "--school", "Hill"],
                 ["calendar", "add-term", "Autumn", "--from", "03/09/2026", "--to", "23/10/2026"],
                 ["calendar", "add-closure", "--from", "05/10/2026", "--reason", "INSET"],
                 ["register", "set", "08/10/2026", "--am", "O", "--pm", "O"],
                 ["calendar", "remove", "C1", "--why", "wrong day"],
                 ["verify"]):
        done = subprocess.run([sys.executable, "-m", "refusal_log", *args], env=env, capture_output=True,
                              text=True, timeout=60)
        assert done.returncode == 0, (args, done.stderr)
