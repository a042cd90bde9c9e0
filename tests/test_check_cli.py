"""`refusal-log check` and the add-absence gate, as a user runs them."""

from __future__ import annotations

import json

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
                       (["check", "--file", str(tmp_path / "missing.txt")], "no file")]:
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
