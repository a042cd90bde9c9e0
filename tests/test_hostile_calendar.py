"""Calendar data from files (.ics, CSV, a JSON export) gets the checks the commands apply.

A tester found that an imported term in the year 9999 broke every later timeline,
attendance and draft; these tests keep each door shut.
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from test_attendance import setup_terms


def _ics(*events: str) -> str:
    body = "".join(f"BEGIN:VEVENT\r\nUID:{n}\r\n{e}END:VEVENT\r\n" for n, e in enumerate(events))
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//T//T//EN\r\n{body}END:VCALENDAR\r\n"


BAD_EVENTS = {
    "year 9999": "SUMMARY:Far term\r\nDTSTART;VALUE=DATE:99990901\r\nDTEND;VALUE=DATE:99991201\r\n",
    "end before start": "SUMMARY:Backwards term\r\nDTSTART:20261201T090000\r\nDTEND:20260901T150000\r\n",
    "all-day end before start": "SUMMARY:Backwards term\r\nDTSTART;VALUE=DATE:20261201\r\nDTEND;VALUE=DATE:20260901\r\n",
    "huge duration": "SUMMARY:Endless term\r\nDTSTART;VALUE=DATE:20260901\r\nDURATION:P99999999D\r\n",
    "closure in 1900": "SUMMARY:INSET day\r\nDTSTART;VALUE=DATE:19001102\r\n",
    "a term of two years": "SUMMARY:Long term\r\nDTSTART;VALUE=DATE:20250901\r\nDTEND;VALUE=DATE:20270901\r\n",
}


@pytest.mark.parametrize("case", list(BAD_EVENTS))
def test_a_calendar_file_with_an_event_the_commands_would_refuse_is_refused_whole(cli, tmp_path, case):
    setup_terms(cli, [], inset=False)
    good = "SUMMARY:Autumn term\r\nDTSTART;VALUE=DATE:20260903\r\nDTEND;VALUE=DATE:20261219\r\n"
    ics = tmp_path / "terms.ics"
    ics.write_text(_ics(good, BAD_EVENTS[case]))
    result = cli("calendar", "import", str(ics))
    assert result.exit_code == 1, result.stdout
    named = BAD_EVENTS[case].split("\r\n")[0].removeprefix("SUMMARY:")
    assert named in result.stderr and "nothing was imported" in result.stderr
    assert "went wrong" not in result.stderr
    assert cli.json("calendar", "list")["terms"] == []


def test_an_all_day_closure_written_as_midnight_to_midnight_closes_one_day(cli, tmp_path):
    setup_terms(cli, [], inset=False)
    ics = tmp_path / "terms.ics"
    ics.write_text(_ics(
        "SUMMARY:Autumn term\r\nDTSTART;VALUE=DATE:20260903\r\nDTEND;VALUE=DATE:20261219\r\n",
        "SUMMARY:INSET day\r\nDTSTART:20261102T000000\r\nDTEND:20261103T000000\r\n"))
    cli("calendar", "import", str(ics), ok=True)
    closures = cli.json("calendar", "list")["closures"]
    assert [(c["from"], c["to"]) for c in closures] == [("2026-11-02", "2026-11-02")]


def test_a_duration_gives_the_days_it_says(cli, tmp_path):
    setup_terms(cli, [], inset=False)
    ics = tmp_path / "terms.ics"
    ics.write_text(_ics("SUMMARY:Autumn term\r\nDTSTART;VALUE=DATE:20260903\r\nDURATION:P10D\r\n"))
    cli("calendar", "import", str(ics), ok=True)
    terms = cli.json("calendar", "list")["terms"]
    assert [(t["from"], t["to"]) for t in terms] == [("2026-09-03", "2026-09-12")]


def test_a_far_term_already_in_the_log_leaves_the_timeline_working_with_a_note(cli, tmp_path, home):
    setup_terms(cli)
    cli("add-absence", "--date", "06/10/2026", "--reason", "Anxious, could not go in", ok=True)
    db = sqlite3.connect(home / "refusal-log.db")
    db.execute("UPDATE school_term SET ends = '9999-12-31' WHERE name = 'Autumn 2'")
    db.commit()
    db.close()
    for fmt in ("txt", "md", "html"):
        result = cli("timeline", "--format", fmt)
        assert result.exit_code == 0, result.stderr
        assert "left out" in result.stdout


_EXPORT: list[str] = []


def _export_with_terms(cli, tmp_path) -> dict:
    if not _EXPORT:
        setup_terms(cli)
        out = tmp_path / "e.json"
        cli("export", "--out", str(out), ok=True)
        _EXPORT.append(out.read_text())
    return json.loads(_EXPORT[0])


def _overlap(doc):
    doc["school"]["terms"][1]["from"] = "2026-10-01"


def _backwards(doc):
    doc["school"]["terms"][0]["from"], doc["school"]["terms"][0]["to"] = "2026-10-23", "2026-09-03"


def _far(doc):
    doc["school"]["terms"][1]["to"] = "9999-12-18"


def _old_closure(doc):
    doc["school"]["closures"][0]["from"] = doc["school"]["closures"][0]["to"] = "1900-11-27"


def _atlantis(doc):
    doc["profile"]["region"] = "atlantis"


def _bad_email(doc):
    doc["profile"]["school_email"] = "not an address"


@pytest.mark.parametrize("change", [_overlap, _backwards, _far, _old_closure, _atlantis, _bad_email])
def test_an_import_with_calendar_or_details_the_commands_refuse_writes_nothing(cli, tmp_path, change):
    doc = _export_with_terms(cli, tmp_path)
    change(doc)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    fresh = tmp_path / "fresh"
    result = cli("--home", str(fresh), "import", str(bad))
    assert result.exit_code == 1 and "nothing was imported" in result.stderr, result.stderr
    assert "went wrong" not in result.stderr
    assert not (fresh / "refusal-log.db").exists() or cli("--home", str(fresh), "calendar", "list").exit_code == 1


def test_an_unchanged_export_with_terms_still_imports(cli, tmp_path):
    doc = _export_with_terms(cli, tmp_path)
    good = tmp_path / "good.json"
    good.write_text(json.dumps(doc))
    fresh = tmp_path / "fresh"
    cli("--home", str(fresh), "import", str(good), ok=True)
    assert len(cli.json("--home", str(fresh), "calendar", "list")["terms"]) == 2


# --- register and calendar files: repeated days, huge cells, odd names ------------------

def test_a_register_file_giving_the_same_day_twice_is_refused_naming_both_lines(cli, tmp_path):
    setup_terms(cli)
    twice = tmp_path / "r.csv"
    twice.write_text("date,am,pm\n08/09/2026,/,\\\n09/09/2026,/,\\\n2026-09-08,N,N\n")
    result = cli("register", "import", str(twice))
    assert result.exit_code == 1 and "lines 2 and 4" in result.stderr, result.stderr
    assert cli.json("register", "list") == []


@pytest.mark.parametrize("command", [("calendar", "import"), ("register", "import")])
def test_a_csv_with_a_huge_cell_is_refused_plainly(cli, tmp_path, command):
    setup_terms(cli)
    big = tmp_path / "big.csv"
    big.write_text("name,from,to,date,am,pm\n\"" + "x" * 140_000 + "\",03/09/2026,23/10/2026,08/09/2026,/,/\n")
    result = cli(*command, str(big))
    assert result.exit_code == 1 and "went wrong" not in result.stderr and "big.csv" in result.stderr, result.stderr


@pytest.mark.parametrize("command", [("calendar", "import"), ("register", "import")])
def test_a_file_whose_name_is_not_utf8_gets_a_plain_sentence(cli, tmp_path, command):
    import os
    from pathlib import Path

    setup_terms(cli)
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.csv"))
    odd.write_bytes(b"date,am,pm\n08/09/2026,/,/\n")
    result = cli(*command, str(odd))
    assert result.exit_code == 1 and "not valid text (UTF-8)" in result.stderr, result.stderr


@pytest.mark.parametrize("region, letters", [("scotland", False), ("england", True)])
def test_the_attendance_legend_uses_englands_code_letters_only_in_england(cli, region, letters, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")
    setup_terms(cli, region=region)
    out = " ".join(cli("attendance", "--to", "18/12/2026", ok=True).stdout.split(" "))
    assert "authorised absence" in out and "unauthorised absence" in out
    assert ("I  authorised absence" in out) is letters and ("O  unauthorised absence" in out) is letters


def test_an_import_with_a_child_name_init_would_refuse_writes_nothing(cli, tmp_path):
    renamed = json.loads(json.dumps(_export_with_terms(cli, tmp_path)).replace('"Sam"', '"Sam\\u001b[2J"'))
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(renamed))
    result = cli("--home", str(tmp_path / "fresh"), "import", str(bad))
    assert result.exit_code == 1 and "control characters" in result.stderr, result.stderr
