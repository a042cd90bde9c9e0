"""The kinds registry (kinds.py) is the one place a kind of entry is described.

A kind registered in-process, with nothing else changed, is logged, listed, counted
in a timeline, corrected, exported and verified: every layer reads the registry.
(It shares the note table, so no migration is needed for the test.)
"""

from __future__ import annotations

import json

import pytest

from refusal_log import entries, kinds


@pytest.fixture
def school_request():
    kind = kinds.register(kinds.Kind(
        "school_request", "School request", "school requests", "note", "refusal_log.tables.note:Note",
        aliases=("request",), editable=("when", "text"), said_label="What I asked for",
        fields="refusal_log.entries:note_fields"))
    yield kind
    kinds.unregister(kind.name)


def test_a_kind_registered_once_is_known_everywhere(cli, ready, school_request):
    cli("add-note", "--when", "07/09/2026 18:00", "A quiet day.", ok=True)
    view = entries.add_entry("school_request", None, *entries.note_fields("Asked for an EHCP assessment.",
                                                                   "08/09/2026 10:00"))
    assert view.label == "School request"

    listed = cli.json("list", "--kind", "request")
    assert [(e["kind"], e["text"]) for e in listed] == [("school_request", "Asked for an EHCP assessment.")]
    assert "School request" in cli("list", ok=True).stdout

    timeline = cli("timeline", "--format", "txt", ok=True).stdout
    assert "1 note, 1 school request" in timeline
    assert "What I asked for" in timeline

    cli("edit", str(view.id), "--text", "Asked in writing for an EHCP assessment.", "--why", "fuller", ok=True)
    assert cli.json("show", str(view.id))["revision"] == 2
    refused = cli("edit", str(view.id), "--summary", "x", "--why", "y")
    assert refused.exit_code == 1 and "--when, --text" in refused.stderr

    exported = json.loads(cli("export", ok=True).stdout)
    assert {e["kind"] for e in exported["entries"]} == {"note", "school_request"}
    cli("verify", ok=True)  # its table is chained as a kind's: nothing looks added behind its back


def test_the_kinds_on_offer_come_from_the_registry(cli, ready):
    assert kinds.names() == ("absence", "call", "gp", "meeting", "note", "email")
    assert "register" in kinds.names(listed_only=False)
    assert "absence, call, gp, meeting, note or email" in cli("list", "--help", ok=True).stdout
    wrong = cli("list", "--kind", "letters")
    assert wrong.exit_code == 1
    assert wrong.stderr == "--kind must be one of absence, call, gp, meeting, note, email; 'letters' is not.\n"
    assert [kinds.parse(w) for w in ("GP-visit", "calls", "phone calls", "notes")] == ["gp", "call", "call", "note"]


def test_every_kind_names_a_table_its_model_has():
    from refusal_log.models import REVISION_TABLES

    for kind in kinds.every():
        assert REVISION_TABLES[kind.name].__tablename__ == kind.table
        columns = set(REVISION_TABLES[kind.name].model_fields)
        assert set(kind.options) | set(kind.lists) | set(kind.flags) <= columns, kind.name
