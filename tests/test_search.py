"""Search: every wording, imported email and attachment name is found, best first, one
hit per entry; filters work; a bad query is a plain error; verify, restore and import
keep the index true to the entries."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from test_integrity import make_eml

KEYS = ["id", "kind", "when", "snippet", "rank", "child", "found_in", "withdrawn"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A few entries of each kind, a correction, a withdrawal, an attachment and an email.

    Built once for the module and copied for each test: logging through the commands
    is the slow part.
    """
    from conftest import Cli

    from refusal_log import paths

    folder = tmp_path_factory.mktemp("search")
    home = folder / "home"
    cli = Cli()

    def run(*args):
        cli("--home", str(home), *args, ok=True)

    run("init", "--child", "Sam", "--school", "Hill Primary")
    run("add-call", "--with", "Mrs Patel", "--when", "08/09/2026 09:10",
        "--summary", "Talked about the nurse visit", "--agreed", "Patel will ring the SENCo")  # 1
    run("add-note", "Sam slept badly; panic before the bus", "--when", "09/09/2026 07:30")  # 2
    run("add-absence", "--date", "10/09/2026", "--reason", "Too unwell to attend: anxiety and nausea")  # 3
    run("add-meeting", "--date", "15/09/2026 15:30", "--with", "Mr Jones", "--summary", "Support plan agreed",
        "--agreed", "Quiet room at break")  # 4
    run("add-note", "Logged by mistake: panic", "--when", "16/09/2026 08:00")  # 5
    run("withdraw", "5", "--reason", "wrong child")
    diary = folder / "sleep-diary-september.pdf"
    diary.write_bytes(b"%PDF-1.4 diary")
    run("attach", "2", str(diary))
    run("edit", "1", "--summary", "Talked about the flamingo timetable", "--why", "misheard")
    run("import-email", str(make_eml(folder / "m.eml", subject="Kestrel review on Friday")))  # 6
    paths.set_home(None)
    return home


@pytest.fixture
def searchable(built, home):
    shutil.copytree(built, home)
    return home


def ids(cli, *args):
    return [hit["id"] for hit in cli.json("search", *args)]


def test_a_planted_word_finds_exactly_its_entry(cli, searchable):
    hits = cli.json("search", "nausea")
    assert [h["id"] for h in hits] == [3]
    assert list(hits[0]) == KEYS
    assert hits[0]["kind"] == "absence" and hits[0]["when"].startswith("2026-09-10")
    assert "[nausea]" in hits[0]["snippet"] and isinstance(hits[0]["rank"], float)


def test_several_words_need_no_quotes(cli, searchable):
    # `search SENCo Patel` is `search "SENCo Patel"`: every word must be in the entry.
    assert ids(cli, "Patel", "Kestrel") == ids(cli, "Patel Kestrel") == [6]


def test_an_absent_word_gives_an_empty_list(cli, searchable):
    result = cli("search", "xylophone", "--json", ok=True)
    assert result.stdout.strip() == "[]"
    plain = cli("search", "xylophone", ok=True)
    assert plain.stdout == "" and "No entries match" in plain.stderr


def test_every_revision_is_searched_and_one_hit_per_entry(cli, searchable):
    assert ids(cli, "flamingo") == [1]  # the correction
    assert ids(cli, "nurse") == [1]  # the original wording, kept
    assert sorted(ids(cli, "Patel")) == [1, 6]  # the call (both revisions) and the email
    plain = cli("search", "nurse", ok=True).stdout
    assert "earlier wording" in plain and "[nurse]" in plain
    # JSON says the same: where the words were found, and whose entry it is.
    [hit] = cli.json("search", "nurse")
    assert hit["found_in"] == "earlier_wording" and hit["withdrawn"] is False and hit["child"]
    assert cli.json("search", "flamingo")[0]["found_in"] is None


def test_a_withdrawn_entry_is_marked_and_hits_come_in_rank_order(cli, searchable):
    plain = cli("search", "panic", "--include-withdrawn", ok=True).stdout
    assert "(withdrawn)" in plain and "(withdrawn)" not in cli("search", "panic", ok=True).stdout
    ranks = [hit["rank"] for hit in cli.json("search", "panic", "--include-withdrawn")]
    assert ranks == sorted(ranks)
    assert any(hit["withdrawn"] for hit in cli.json("search", "panic", "--include-withdrawn"))


def test_a_word_in_the_current_wording_is_not_called_earlier(cli, searchable):
    # "Patel" is in both revisions of the call: the hit is the entry as it now reads.
    plain = cli("search", "Patel", ok=True).stdout
    assert "earlier wording" not in plain and "flamingo" in plain
    assert "earlier wording" not in cli("search", "Kestrel", ok=True).stdout  # an email


def test_imported_email_and_attachment_names_are_searched(cli, searchable):
    assert ids(cli, "kestrel") == [6]  # subject
    assert ids(cli, "Friday 2pm") == [6]  # body
    assert ids(cli, '"patel@hill.example"') == [6]  # from
    assert ids(cli, "diary") == [2]
    assert "attached file" in cli("search", "diary", ok=True).stdout


def test_phrases_prefixes_and_best_first(cli, searchable):
    assert ids(cli, '"quiet room"') == [4]
    assert ids(cli, '"room quiet"') == []
    assert ids(cli, "flam*") == [1]
    cli("add-note", "Panic, panic, panic all morning", "--when", "17/09/2026 08:00", ok=True)  # 7
    assert ids(cli, "panic") == [7, 2]


def test_filters(cli, searchable):
    assert ids(cli, "panic") == [2]
    assert sorted(ids(cli, "panic", "--include-withdrawn")) == [2, 5]
    assert ids(cli, "panic OR anxiety", "--kind", "absence") == [3]
    assert sorted(ids(cli, "panic OR anxiety", "--kind", "note", "--kind", "absence")) == [2, 3]
    assert ids(cli, "panic OR anxiety", "--from", "10/09/2026") == [3]
    assert ids(cli, "panic OR anxiety", "--to", "09/09/2026") == [2]
    cli("child", "add", "Robin", ok=True)
    cli("add-note", "Robin had a panic too", "--child", "Robin", "--when", "18/09/2026 08:00", ok=True)
    assert ids(cli, "panic", "--child", "Robin") == [7]
    assert ids(cli, "panic", "--child", "Sam") == [2]
    bad = cli("search", "panic", "--kind", "pigeon")
    assert bad.exit_code == 1 and "--kind" in bad.stderr


@pytest.mark.parametrize("query", ["Re: meeting", "AND", '"unfinished', "o'brien"])
def test_a_query_fts5_cannot_read_is_a_plain_error(cli, searchable, query):
    result = cli("search", query)
    assert result.exit_code == 1 and result.stdout == ""
    assert "could not be read" in result.stderr and "double quotes" in result.stderr
    assert "Traceback" not in result.stderr and "damaged" not in result.stderr


def test_empty_query_and_empty_home(cli, searchable, tmp_path):
    assert cli("search", "  ").exit_code == 1
    nothing = cli("--home", str(tmp_path / "none"), "search", "panic")
    assert nothing.exit_code == 1 and "Nothing is logged yet" in nothing.stderr


def test_plain_output_marks_the_matched_words(cli, searchable):
    out = cli("search", "anxiety", ok=True).stdout
    assert out.splitlines() == ["3  Thu 10 Sep 2026  Absence: Too unwell to attend: [anxiety] and nausea"]


def _tamper(home, sql, *params):
    db = sqlite3.connect(home / "refusal-log.db")
    db.execute(sql, params)
    db.commit()
    db.close()


def test_verify_names_a_missing_or_planted_index_row(cli, searchable):
    assert cli("verify", ok=True)
    _tamper(searchable, "DELETE FROM search_index WHERE source = 'absence'")
    missing = cli("verify")
    assert missing.exit_code == 1 and "entry 3 (revision 1)" in missing.stderr
    assert "--rebuild-index" in missing.stderr
    assert ids(cli, "nausea") == []
    cli("search", "--rebuild-index", ok=True)
    assert ids(cli, "nausea") == [3]
    cli("verify", ok=True)
    _tamper(searchable, "INSERT INTO search_index (text, entry_id, source, source_id) VALUES (?, 4, 'note', 99)",
            "planted words")
    planted = cli("verify")
    assert planted.exit_code == 1 and "entry 4" in planted.stderr and "planted words" in planted.stderr


def test_restore_and_import_rebuild_the_index(cli, searchable, tmp_path):
    _tamper(searchable, "DELETE FROM search_index WHERE source = 'email'")
    archive = tmp_path / "b.tar.gz"
    cli("backup", "--out", str(archive), ok=True)
    restored = tmp_path / "restored"
    cli("--home", str(restored), "restore", str(archive), ok=True)
    assert [h["id"] for h in cli.json("--home", str(restored), "search", "kestrel")] == [6]
    export = tmp_path / "e.json"
    cli("export", "--out", str(export), ok=True)
    imported = tmp_path / "imported"
    cli("--home", str(imported), "import", str(export), ok=True)
    for home in (restored, imported):
        cli("--home", str(home), "verify", ok=True)
        assert sorted(h["id"] for h in cli.json("--home", str(home), "search", "nurse OR diary")) == [1, 2]


def test_an_older_log_gets_its_index_on_first_use(cli, searchable):
    from refusal_log import store
    from refusal_log.migrations import MIGRATIONS

    # The log as it was before the search index: whatever that migration and the later
    # ones made is taken away, and the version set back.
    names = [step.__name__ for step in MIGRATIONS]
    older = names.index("m006_search_index")
    kept = {name for _, name, _, _ in store.expected_schema(older)}
    db = sqlite3.connect(searchable / "refusal-log.db")
    for kind in ("trigger", "view", "index", "table"):
        for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%'",
                                  (kind,)).fetchall():
            if name not in kept and db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone():
                db.execute(f'DROP {kind.upper()} "{name}"')
    db.executemany("DELETE FROM _migrations WHERE name = ?", [(n,) for n in names[older:]])
    db.execute(f"PRAGMA user_version = {older}")
    db.commit()
    db.close()
    assert ids(cli, "flamingo") == [1]
    cli("verify", ok=True)


def test_a_terminal_gets_a_highlight_not_brackets(searchable):
    pexpect = pytest.importorskip("pexpect", reason="pexpect drives a pseudo-terminal (not on Windows)")
    import os
    import sys

    env = {**os.environ, "REFUSAL_LOG_HOME": str(searchable), "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    child = pexpect.spawn(sys.executable, ["-m", "refusal_log", "search", "nausea"], env=env, encoding="utf-8",
                          timeout=30, dimensions=(40, 200))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "[nausea]" not in child.before
    assert "\x1b[" in child.before and "nausea" in child.before


def test_search_loads_neither_the_orm_nor_pydantic(searchable):
    import os
    import subprocess
    import sys

    env = {**os.environ, "REFUSAL_LOG_HOME": str(searchable)}
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "refusal_log", "search", "nausea", "--json"],
                            capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0 and '"id": 3' in result.stdout
    modules = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert not [m for m in modules if m.split(".")[0] in ("sqlalchemy", "sqlmodel", "pydantic", "jinja2")]


def test_a_day_without_a_time_is_a_plain_date_in_search_as_in_list(cli, ready):
    cli("add-absence", "--date", "14/09/2026", "--reason", "Too unwell to attend (flamingo flu)", ok=True)
    cli("add-note", "flamingo sighting", "--when", "15/09/2026", ok=True)
    found = {h["id"]: h["when"] for h in cli.json("search", "flamingo")}
    listed = {e["id"]: e["when"] for e in cli.json("list")}
    assert found == listed == {1: "2026-09-14", 2: "2026-09-15"}
