"""The timeline in its three formats: order, filters, escaping, overrides, golden copies.

Every test has its own home under tmp_path (conftest.py's autouse `home`) and a real
SQLite store. The small data set is dated September and October 2026 and recorded
at one pinned moment (see setup_small_log), so the golden copies do not change with
the day the tests run. The "Generated" moment is passed in (domain calls) or
normalised (command-line calls).

To rewrite the golden copies after an intended change:
    REFUSAL_LOG_UPDATE_GOLDEN=1 python -m pytest tests/test_timeline.py
and read the diff before committing it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from typer.testing import CliRunner

from conftest import MadeOnce
from refusal_log import dates, paths, render
from refusal_log.cli import app

GOLDEN = Path(__file__).parent / "golden"
GENERATED = datetime(2026, 10, 9, 17, 0, tzinfo=ZoneInfo("Europe/London"))
RECORDED = datetime(2026, 10, 8, 20, 30, tzinfo=ZoneInfo("Europe/London"))  # when the small set is logged
runner = CliRunner()


def run(*args: str, code: int = 0):
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    return result


_homes = MadeOnce()  # the homes this module sets up once and copies


def setup_small_log() -> None:
    """The golden data set: one child, a few of every kind, logged out of order.

    Everything is recorded at one fixed moment (the clock is pinned), so the golden
    copies never depend on the day the tests run; the entries from September are
    therefore marked as recorded later, which the copies show. Being pinned, it is the
    same every time: it is logged once for the module, through the same commands, and
    each test's home is a private copy of it.
    """
    _homes.into(paths.home_dir(), "small set", lambda cli: _log_small_set_pinned())


def _log_small_set_pinned() -> None:
    with dates.story_clock(RECORDED):
        _log_small_set()


def _log_small_set() -> None:
    run("init", "--child", "Maya", "--school", "Hollins Park Academy", "--parent", "Sarah Bennett",
        "--email", "sarah@example.org", "--school-email", "attendance@hollinspark.example.org")
    run("contact", "add", "Mrs Patel", "--role", "attendance officer", "--email", "patel@hollinspark.example.org")
    run("add-note", "--when", "02/10/2026 18:00",
        "Maya managed two lessons today with her friend meeting her at the gate. She came home tired but "
        "said the quiet room at lunch helped. She asked whether she could do the same tomorrow, and I said "
        "we would see how she feels in the morning.")
    run("add-absence", "--date", "07/09/2026", "--reason", "Too unwell to attend: sickness and a high temperature.",
        "--via", "email", "--told", "Mrs Patel")
    run("add-call", "--with", "Mrs Patel", "--when", "07/09/2026 09:10", "--direction", "in", "--minutes", "8",
        "--summary", "Mrs Patel rang about today's absence. I explained that Maya was sick in the night.",
        "--agreed", "I will send the GP's letter when it comes; Mrs Patel will tell the head of year")
    run("add-gp", "--date", "08/09/2026 10:20", "--clinician", "Dr Shah", "--summary",
        "Dr Shah said the sickness fits with anxiety and Maya is not fit for school for now.",
        "--referral", "CAMHS", "--letter", "requested")
    run("add-absence", "--date", "08/09/2026", "--until", "10/09/2026", "--reason", "She is refusing to go in",
        "--accept-wording", "--via", "phone")
    run("add-meeting", "--date", "01/10/2026 15:30", "--with", "Mr Hughes (SENCo), Ms Okafor (head of year)",
        "--witness", "Claire Morgan", "--summary", "We went through Maya's attendance and the GP's letter.",
        "--agreed", "Mr Hughes to set up a quiet room by 12 October; Ms Okafor to brief Maya's teachers by 9 October",
        "--minutes-requested")
    run("add-absence", "--date", "05/10/2026", "--sessions", "am", "--reason", "Too unwell to attend this morning.",
        "--via", "app")


def timeline_ids(text: str, fmt: str) -> list[int]:
    """The entry ids in the order the entry blocks appear (not the summary tables)."""
    patterns = {"txt": r"^Entry (\d+) \|", "md": r"^### Entry (\d+):", "html": r'<article class="entry[^"]*" id="entry-(\d+)"'}
    return [int(n) for n in re.findall(patterns[fmt], text, flags=re.MULTILINE)]


# --- golden copies -----------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_golden(fmt):
    setup_small_log()
    text = render.timeline(fmt, generated=GENERATED).text
    golden = GOLDEN / f"timeline.{fmt}"
    if os.environ.get("REFUSAL_LOG_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
    # The command prints the same document, with the log's fingerprint at the foot;
    # only the moment it was generated differs.
    from refusal_log import integrity

    head = integrity.current_head()
    printed = run("timeline", "--format", fmt).stdout
    assert printed.count(head) == 2  # the fingerprint, and the command that checks it
    assert printed == render.timeline(fmt, generated=GENERATED, head_hash=head).text.replace(
        render.dates.human_datetime(GENERATED), _generated_line(printed))


def _generated_line(printed: str) -> str:
    """The moment the command says it generated the document, as printed."""
    match = re.search(r"Generated:?\**:? (\w{3} \d{1,2} \w{3} \d{4} \d\d:\d\d)", printed)
    return match.group(1)


def test_txt_fits_80_columns():
    setup_small_log()
    run("add-note", "--when", "03/10/2026 09:00", "x" * 150 + " https://example.org/" + "a" * 120)
    text = run("timeline").stdout
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "x" * 70 in text  # the long word was broken, not dropped


# --- order and filters ---------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_entries_logged_out_of_order_come_out_in_time_order(fmt):
    setup_small_log()
    text = run("timeline", "--format", fmt).stdout
    # Logged as 1 note (2 Oct), 2 absence (7 Sep), 3 call (7 Sep 09:10), 4 GP (8 Sep),
    # 5 absence (8-10 Sep), 6 meeting (1 Oct), 7 absence (5 Oct).
    # An absence is a whole day, so it comes before a visit later that day.
    assert timeline_ids(text, fmt) == [2, 3, 5, 4, 6, 1, 7]


def test_filters_by_date_kind_and_child():
    setup_small_log()
    run("child", "add", "Sam", "--school", "Hollins Park Academy")
    run("add-note", "--child", "Sam", "--when", "08/09/2026 12:00", "Sam had a good day.")
    both = run("timeline").stdout
    assert "Children" not in both and "Maya, Sam" in both and "Child: Sam" in both

    only_sam = run("timeline", "--child", "sam").stdout
    assert timeline_ids(only_sam, "txt") == [8]
    assert "RECORD OF EVENTS: Sam" in only_sam

    september = run("timeline", "--child", "Maya", "--from", "08/09/2026", "--to", "30/09/2026").stdout
    # The absence of 8-10 September overlaps the period; the call on the 7th does not.
    assert timeline_ids(september, "txt") == [5, 4]
    assert "Period: 8 September 2026 to 30 September 2026" in september

    calls_and_gp = run("timeline", "--child", "Maya", "--kind", "call", "--kind", "gp", "--format", "md").stdout
    assert timeline_ids(calls_and_gp, "md") == [3, 4]
    assert "**Showing only:** phone calls, GP visits" in calls_and_gp

    result = run("timeline", "--kind", "holiday", code=1)
    assert "--kind must be one of" in result.stderr
    result = run("timeline", "--from", "10/10/2026", "--to", "01/10/2026", code=1)
    assert "before --from" in result.stderr


def test_nothing_logged_for_the_period_is_said_plainly():
    setup_small_log()
    result = run("timeline", "--from", "01/01/2030")
    assert "Nothing is logged for this period." in result.stdout
    assert "No entries match" in result.stderr


def test_without_a_log_it_says_how_to_start():
    result = run("timeline", code=1)
    assert "refusal-log init" in result.stderr
    assert result.stdout == ""


def test_unknown_format_is_a_plain_error():
    setup_small_log()
    result = run("timeline", "--format", "docx", code=1)
    assert "--format must be txt, md, html or pdf" in result.stderr
    assert "give its name with --out" in run("timeline", "--format", "pdf", code=1).stderr


# --- what the entries show -----------------------------------------------------------

def test_summary_counts_reporting_referrals_and_agreements():
    setup_small_log()
    text = run("timeline").stdout
    assert "Entries: 7 (3 absences, 1 phone call, 1 GP visit, 1 meeting, 1 note)" in text
    # 7 Sep (2 sessions), 8-10 Sep (3 days, 6 sessions), 5 Oct morning (1 session).
    assert "Absences: 3, covering 5 weekdays (9 sessions)" in text
    assert "reported by email to Mrs Patel" in text
    assert "reported by phone" in text and "reported through the school app" in text
    assert "Referrals made: CAMHS" in text
    assert "Mr Hughes to set up a quiet room by 12 October" in text
    assert "Meetings where I asked for the school's minutes:" in text


def test_absences_show_the_wording_check_kept_with_them_when_asked():
    setup_small_log()
    assert "ording check" not in run("timeline").stdout
    text = run("timeline", "--show-checks").stdout
    blocks = text.split("\nEntry ")
    risky = next(b for b in blocks if b.startswith("5 |"))
    fine = next(b for b in blocks if b.startswith("2 |"))
    assert "Wording check when logged: avoid" in risky
    assert "Wording check when logged: ok" in fine
    html = run("timeline", "--format", "html", "--show-checks").stdout
    assert "Wording check when logged: avoid" in html


def test_an_entry_recorded_late_shows_when_it_was_recorded():
    setup_small_log()
    marks = (("txt", "(more than a day after)"), ("md", "more than a day after"), ("html", 'class="late">recorded '))
    before = {fmt: run("timeline", "--format", fmt).stdout.count(mark) for fmt, mark in marks}
    run("add-note", "--when", "03/03/2020 10:00", "Written down long after.")
    for fmt, mark in marks:
        assert run("timeline", "--format", fmt).stdout.count(mark) == before[fmt] + 1, fmt


def test_a_meeting_still_to_come_is_marked_so_in_every_format():
    # The newcomer on round 143: a timeline printed for tomorrow's meeting showed that meeting, logged ahead to plan
    # for it, as if it had been held.
    from datetime import date, timedelta

    setup_small_log()
    ahead = date.today() + timedelta(days=3)
    run("add-meeting", "--date", f"{ahead:%d/%m/%Y} 10:00", "--with", "Mrs Khan", "--summary", "Review meeting")
    marks = (("txt", "| STILL TO COME"), ("md", "(still to come)"), ("html", 'class="ahead">still to come'))
    for fmt, mark in marks:
        out = run("timeline", "--format", fmt).stdout
        assert out.count(mark) == 1, fmt
    # A bare weekday is read as the one just gone: said, with the fix (the newcomer on round 145).
    gone = (date.today() - timedelta(days=1)).strftime("%A").lower()
    said = run("add-meeting", "--date", f"{gone} 16:00", "--with", "Mrs Khan", "--summary", "Review").stderr
    assert "the one just gone" in said and "--date DATE" in said


def test_a_day_logged_early_the_next_morning_is_not_called_late():
    # A newcomer's find: yesterday's absence written down at 3 am today was marked "more than a day
    # after", as if a day with no time began and ended at midnight. A whole day ends at midnight.
    from datetime import date, timedelta

    from refusal_log import dates
    from refusal_log.entry_views import EntryView

    day = date(2026, 3, 2)
    early = dates.start_of_day(day + timedelta(days=1)) + timedelta(hours=3)
    later = dates.start_of_day(day + timedelta(days=2)) + timedelta(hours=1)
    for recorded, late in ((early, False), (later, True)):
        entry = EntryView(id=1, kind="absence", child="Maya", when=dates.start_of_day(day), recorded=recorded,
                          fields={"reason": "Too unwell to attend."})
        assert entry.late is late, recorded
    # A time written down still counts from that time.
    timed = EntryView(id=2, kind="call", child="Maya", when=dates.start_of_day(day) + timedelta(hours=9),
                      recorded=dates.start_of_day(day + timedelta(days=1)) + timedelta(hours=10), fields={})
    assert timed.late


def test_out_writes_an_owner_only_file_and_guesses_the_format(tmp_path):
    setup_small_log()
    target = tmp_path / "out" / "timeline.html"
    result = run("timeline", "--out", str(target))
    assert result.stdout == ""
    assert f"Saved the timeline (7 entries) to {target}." in result.stderr
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert target.stat().st_mode & 0o777 == 0o600
    md = tmp_path / "t.md"
    run("timeline", "--out", str(md))
    assert md.read_text(encoding="utf-8").startswith("# Record of events: Maya")
    clash = tmp_path / "t.html"
    assert "does not match the file name" in run("timeline", "--out", str(clash), "--format", "txt", code=1).stderr
    assert not clash.exists()


def test_a_mistyped_folder_is_reported_and_nothing_is_made(tmp_path):
    # One new folder is made (above); a path missing two is more likely a typo: the parent is told, nothing is made.
    setup_small_log()
    target = tmp_path / "Documnets" / "school" / "timeline.html"
    result = run("timeline", "--out", str(target), code=1)
    assert f"The folder {tmp_path / 'Documnets'} does not exist, so nothing was written." in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "Documnets").exists()
    # A folder named with a slash is a folder, even before it exists: never a file called "reports".
    result = run("timeline", "--out", f"{tmp_path / 'reports'}/", code=1)
    assert "is a folder; give a file name" in result.stderr and not (tmp_path / "reports").exists()
    assert "is a folder" in run("timeline", "--out", f"{tmp_path / 'reports'}/.", code=1).stderr
    # A pipe is no document to replace; a name too long or a home that does not exist is one plain sentence.
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert "is not an ordinary file" in run("timeline", "--out", str(pipe), code=1).stderr and pipe.is_fifo()
    for bad in (str(tmp_path / ("a" * 300 + ".html")), "~no_such_user_here/t.html"):
        result = run("timeline", "--out", bad, code=1)
        assert "Traceback" not in result.stderr and "Something went wrong" not in result.stderr, result.stderr


def test_html_is_self_contained_and_ready_to_print():
    setup_small_log()
    html = run("timeline", "--format", "html").stdout
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), "nothing may be fetched"
    assert "@page" in html and "size: A4" in html and "break-inside: avoid" in html
    for text in ("Entry 3", "Mon 7 Sep 2026", "09:10", "Phone call from Mrs Patel (attendance officer)",
                 "I will send the GP&#39;s letter when it comes", "September 2026", "October 2026",
                 "Hollins Park Academy", "Period</dt><dd>7 September 2026 to 5 October 2026"):
        assert text in html, text


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.data: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.data.append(data)


def test_typed_script_is_escaped_in_every_field():
    evil = "<script>alert(1)</script>"
    run("init", "--child", f"Maya {evil}", "--school", f"School {evil}", "--parent", f"Parent {evil}")
    run("contact", "add", f"Mrs Patel {evil}", "--role", f"attendance {evil}")
    run("add-absence", "--date", "07/09/2026", "--reason", f"Too unwell {evil}", "--told", f"Office {evil}",
        "--via", "email", "--accept-wording")
    run("add-call", "--with", f"Mrs Patel {evil}", "--role", f"officer {evil}", "--when", "07/09/2026 09:10",
        "--summary", f"Said {evil}", "--agreed", f"Agreed {evil}")
    run("add-gp", "--date", "08/09/2026 10:00", "--clinician", f"Dr {evil}", "--summary", f"GP {evil}",
        "--referral", f"CAMHS {evil}")
    run("add-meeting", "--date", "09/09/2026 15:00", "--with", f"SENCo {evil}", "--witness", f"Friend {evil}",
        "--summary", f"Talked {evil}", "--agreed", f"Plan {evil}", "--minutes-requested")
    run("add-note", "--when", "10/09/2026 18:00", f"Note {evil}")
    html = run("timeline", "--format", "html").stdout
    parser = _Tags()
    parser.feed(html)
    assert "script" not in parser.tags
    shown = "".join(parser.data)
    # Each field shows what was typed, as text: 2 (title, heading) + 13 typed fields at least.
    assert shown.count(evil) >= 13


def test_html_escapes_exactly_as_jinja_and_markupsafe_do(monkeypatch):
    # The shipped templates escape text the short way (escaping.py); the page must be the
    # very one Jinja2's own autoescape writes, hostile characters and all.
    from jinja2 import Environment

    hostile = """<b>&amp; "quoted" 'single' & < > \u202e</b>"""
    run("init", "--child", f"Maya {hostile}", "--school", f"School {hostile}", "--parent", f"Parent {hostile}")
    run("add-call", "--with", f"Mrs Patel {hostile}", "--when", "07/09/2026 09:10", "--summary", f"Said {hostile}",
        "--agreed", f"Agreed {hostile}", "--minutes", "12")
    run("add-meeting", "--date", "09/09/2026 15:00", "--with", f"SENCo {hostile}", "--summary", f"Talked {hostile}",
        "--minutes-requested")
    run("add-absence", "--date", "07/09/2026", "--reason", f"Too unwell {hostile}", "--accept-wording")
    fixed = datetime(2026, 10, 1, 12, 0, tzinfo=ZoneInfo("Europe/London"))
    ours = render.timeline("html", generated=fixed, show_checks=True).text
    assert "environment_class" in type(render.environment()).__qualname__
    monkeypatch.setattr(render, "_shipped_environment", lambda: Environment)
    assert render.timeline("html", generated=fixed, show_checks=True).text == ours
    assert "Said &lt;b&gt;&amp;amp; &#34;quoted&#34; &#39;single&#39; &amp; &lt; &gt;" in ours


# --- templates ----------------------------------------------------------------------

def test_a_home_template_overrides_the_shipped_one(home):
    setup_small_log()
    (home / "templates").mkdir()
    (home / "templates" / "timeline.html.j2").write_text(
        "<p>Our own layout for {{ children | join(', ') }}: {{ entries | length }} entries</p>\n", encoding="utf-8")
    assert run("timeline", "--format", "html").stdout == "<p>Our own layout for Maya: 7 entries</p>\n"
    # The text format still comes from the shipped template.
    assert run("timeline").stdout.startswith("=" * 78)


def test_a_home_template_can_extend_the_shipped_one(home):
    setup_small_log()
    (home / "templates").mkdir()
    (home / "templates" / "timeline.html.j2").write_text(
        '{% extends "default:timeline.html.j2" %}\n'
        "{% block footer %}<footer>Prepared for the review on {{ period }}, {{ parent }}</footer>{% endblock %}\n",
        encoding="utf-8")
    html = run("timeline", "--format", "html").stdout
    assert "Prepared for the review on 7 September 2026 to 5 October 2026, Sarah Bennett</footer>" in html
    assert "Entry 3" in html and "End of record" not in html


def test_a_broken_home_template_is_a_plain_error(home):
    setup_small_log()
    (home / "templates").mkdir()
    (home / "templates" / "timeline.txt.j2").write_text("{{ no_such_thing }}\n", encoding="utf-8")
    result = run("timeline", code=1)
    assert "timeline.txt.j2 could not be used" in result.stderr
    assert "no_such_thing" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="session")
def installed_wheel(tmp_path_factory) -> Path:
    """This checkout built into a real wheel (`python -m build`) and installed into a folder.

    Built once per session. With hatchling at hand the build runs without isolation, so
    nothing is downloaded; `--no-deps --target` installs only refusal-log itself (its
    dependencies are the ones this interpreter already has)."""
    import importlib.util

    repo = Path(__file__).resolve().parents[1]
    if not (repo / "pyproject.toml").is_file():
        pytest.skip("not running from a checkout: no pyproject.toml to build a wheel from")
    dist = tmp_path_factory.mktemp("wheel")
    isolation = ["--no-isolation"] if importlib.util.find_spec("hatchling") else []
    built = subprocess.run([sys.executable, "-m", "build", "--wheel", *isolation, "--outdir", str(dist), str(repo)],
                           capture_output=True, text=True, cwd=dist)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    wheels = list(dist.glob("refusal_log-*.whl"))
    assert len(wheels) == 1, wheels
    site = dist / "site"
    installed = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                                "--disable-pip-version-check", "--target", str(site), str(wheels[0])],
                               capture_output=True, text=True, cwd=dist)
    assert installed.returncode == 0, installed.stderr[-2000:]
    return site


def test_templates_are_found_when_installed_from_a_wheel(installed_wheel, tmp_path):
    """A wheel holds the package with templates/ inside it (pyproject's force-include)."""
    site = installed_wheel
    shipped = Path(__file__).resolve().parents[1] / "templates"
    inside = site / "refusal_log" / "templates"
    assert sorted(p.relative_to(inside) for p in inside.rglob("*") if p.is_file()) == \
        sorted(p.relative_to(shipped) for p in shipped.rglob("*") if p.is_file())
    code = ("from refusal_log import render; p = render.shipped_templates(); print(p); "
            "print(render.environment().get_template('timeline.txt.j2').filename)")
    env = {**os.environ, "PYTHONPATH": str(site)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
                         cwd=tmp_path).stdout.splitlines()
    assert out[0] == str(site / "refusal_log" / "templates")
    assert out[1].startswith(str(site))


def test_editable_install_uses_the_repository_templates():
    repo = Path(__file__).resolve().parents[1]
    if not Path(render.__file__).resolve().is_relative_to(repo / "src"):
        pytest.skip("refusal-log is installed from a wheel here, not from this checkout")
    assert render.shipped_templates() == Path(__file__).resolve().parents[1] / "templates"
    assert (render.shipped_templates() / "timeline.html.j2").is_file()


def test_wrap_keeps_line_breaks_and_hangs_under_the_label():
    text = render.wrap("one two three four five six\n\nseven", width=16, first="  Said: ", indent="    ")
    assert text.splitlines() == ["  Said: one two", "    three four", "    five six", "", "    seven"]


# --- the slots kept for corrections, withdrawals and the hash chain -----------------

def test_corrected_and_withdrawn_entries_are_marked():
    from refusal_log import entries

    if not hasattr(entries, "withdraw_entry"):
        pytest.skip("corrections and withdrawals are not in this build yet")
    setup_small_log()
    run("edit", "1", "--text", "Maya managed two lessons today.", "--why", "Shortened")
    run("withdraw", "3", "--reason", "Logged twice")
    text = run("timeline").stdout
    assert "Entry 3 " not in text and "Entries: 6" in text
    # Left out, but counted: a reader sees that something was taken back (an earlier newcomer's find).
    assert "and 1 withdrawn, left out" in " ".join(text.split())  # (the summary line wraps at 78 columns)
    assert "and 1 withdrawn, left out" in run("timeline", "--format", "md").stdout
    assert "and 1 withdrawn, left out" in run("timeline", "--format", "html").stdout
    assert re.search(r"Corrected on \w{3} \d+ \w{3} \d{4}, because: Shortened \(version 2; earlier versions are kept\)", text)
    shown = run("timeline", "--include-withdrawn").stdout
    assert "Entry 3 | Mon 7 Sep 2026 09:10 | Phone call from Mrs Patel" in shown and "| WITHDRAWN" in shown
    assert "  Withdrawn: Logged twice" in shown
    # Withdrawn entries are shown, marked, but not counted in the summary.
    assert "Entries: 6" in shown and "left out" not in shown
    html = run("timeline", "--include-withdrawn", "--format", "html").stdout
    assert '<article class="entry kind-call withdrawn" id="entry-3">' in html
    assert '<p class="corrected">corrected on ' in html


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_footer_shows_the_log_fingerprint_when_given(fmt):
    setup_small_log()
    head = "ab" * 32
    assert head not in render.timeline(fmt, generated=GENERATED).text
    text = render.timeline(fmt, generated=GENERATED, head_hash=head).text
    assert f"refusal-log verify --head {head}" in text.replace("\n", " ")


def test_summary_counts_each_childs_half_days_once():
    """Two entries for the same day (a report and its repeat) are still two sessions, not four."""
    from refusal_log import entries, people

    people.setup("Maya", "Hollins Park Academy")
    people.add_child("Ella")
    entries.add_absence("23/11/2026", "Too unwell to attend (migraine)", child="Maya")
    entries.add_absence("23/11/2026", "Too unwell to attend (migraine)", child="Maya", sessions="am")
    entries.add_absence("23/11/2026", "Too unwell to attend (tonsillitis)", child="Ella", sessions="pm")
    text = render.timeline("txt").text
    assert "covering 2 weekdays (3 sessions)" in text


def test_a_timeline_of_several_children_gives_each_childs_own_figures():
    """The newcomer on round 59: with three children the summary added their absences into one figure and
    listed them without names. Each child's count is given, and each absence in the list is named."""
    from refusal_log import entries, people

    people.setup("Maya", "Hollins Park Academy")
    people.add_child("Ella")
    entries.add_absence("23/11/2026", "Too unwell to attend (migraine)", child="Maya")
    entries.add_absence("24/11/2026", "Too unwell to attend (tonsillitis)", child="Ella")
    entries.add_absence("25/11/2026", "Too unwell to attend (tonsillitis)", child="Ella")
    for fmt in ("txt", "md", "html"):
        text = render.timeline(fmt).text
        assert "By child: Maya, 1 absence over 1 weekday; Ella, 2 absences over 2 weekdays" in text, fmt
    assert "- Ella, Tue 24 Nov 2026, all day" in render.timeline("md").text
    # One child: no breakdown.
    assert "By child" not in render.timeline("txt", child="Ella").text


def test_an_absence_without_how_it_was_reported_reads_plainly():
    from refusal_log import entries, people

    people.setup("Maya", "Hollins Park Academy")
    entries.add_absence("23/11/2026", "Too unwell to attend (migraine)")
    for fmt in ("txt", "md", "html"):
        text = render.timeline(fmt).text
        assert "reported how" not in text
        assert ("how school was told was not logged" in text) or ("not logged" in text)


def test_line_breaks_typed_in_an_agreement_stay_line_breaks_in_markdown():
    from markdown_it import MarkdownIt

    run("init", "--child", "Maya", "--school", "Hollins Park Academy")
    run("add-meeting", "--date", "05/10/2026", "--with", "Mr Hughes", "--summary", "Support plan",
        "--agreed", "Quiet room at lunch\nLate start on Mondays\n\nReview on 19 October")
    html = MarkdownIt("commonmark").render(run("timeline", "--format", "md").stdout)
    assert "Quiet room at lunch<br />\nLate start on Mondays</p>" in html
    assert "<p>Review on 19 October</p>" in html


def test_a_corrected_reason_keeps_the_first_one_beside_it():
    run("init", "--child", "Lily", "--school", "Hill Primary")
    run("add-absence", "--date", "01/10/2026", "--reason", "She's refusing", "--via", "text", "--accept-wording")
    run("edit", "1", "--reason", "Lily was too unwell to attend after a panic attack at the gate", "--type", "illness",
        "--why", "what happened", "--accept-wording")
    for fmt in ("txt", "md", "html"):
        text = run("timeline", "--format", fmt).stdout
        assert "Reason as corrected: Lily was too unwell" in text.replace("**", "").replace("</dt><dd>", ": ") and "Reason first logged" in text and ("She's refusing" in text or "She&#39;s refusing" in text), fmt


def test_a_blank_line_in_a_first_reason_stays_inside_its_entry_in_markdown():
    from markdown_it import MarkdownIt

    run("init", "--child", "Lily", "--school", "Hill Primary")
    run("add-absence", "--date", "01/10/2026", "--reason", "Unwell\n\nstill in bed", "--accept-wording")
    run("edit", "1", "--reason", "Lily is too unwell to attend", "--why", "shorter", "--accept-wording")
    html = MarkdownIt("commonmark").render(run("timeline", "--format", "md").stdout)
    item = html[html.index("Reason first logged"):]
    assert "still in bed" in item[:item.index("</li>")]  # the second paragraph is still inside the same list item
