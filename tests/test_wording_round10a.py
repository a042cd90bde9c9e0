"""Wording round 10a: everyday reasons that are not the child's illness (the "round 10a" block at
the end of rules.toml). The own-words rows are in wording_cases.CASES_ROUND10A (run with CASES by
test_wording.py); the independent rows and what a parent is offered are checked here."""

import pytest

from refusal_log.wording import check_text
from wording_cases import INDEPENDENT_ROUND10A


def test_the_round10a_independent_rows_keep_their_verdicts():
    misses = [(text, allowed, check_text(text).verdict) for text, allowed in INDEPENDENT_ROUND10A
              if check_text(text).verdict not in allowed]
    assert len(INDEPENDENT_ROUND10A) >= 20 and not misses, misses


@pytest.mark.parametrize("text,hint_says", [
    ("Lily has a gymnastics competition in Leeds so she won't be in on Friday.", "head teacher"),
    ("We got back late from Cornwall last night so she's having a rest day.", "bring them in"),
    ("His mum has him this week and she hasn't taken him in.", "other parent"),
    ("I need her home to help me with the twins today.", "young carers"),
    ("It's only a non-uniform day so she's not bothering.", "expected in school"),
])
def test_an_everyday_reason_is_never_worded_as_illness(text, hint_says):
    # The parent gave a reason that is not the child's illness: no "too unwell" sentence is
    # offered (withheld), and the hint says what to do instead.
    result = check_text(text)
    assert result.verdict == "avoid" and result.withheld and result.suggestion is None
    assert any(hint_says in h for h in result.hints), result.hints


def test_missing_support_points_to_the_routes_for_needs():
    result = check_text("She's had no SENCO support since September so honestly what's the point "
                        "of her being there. She's home with me.")
    assert result.verdict == "avoid"
    assert "EHC" in " ".join(result.hints), result.hints


@pytest.mark.parametrize("text", [
    "He's got beef with some lads in year 10 and I'm not risking it.",
    "She won't be in after what Mrs Cole said to her in front of everyone.",
])
def test_a_cause_in_school_keeps_a_suggestion_that_passes(text):
    # A cause given as the reason (other pupils, a teacher) is avoid like bullying; the sentence
    # offered asks for the illness rather than stating one, and passes the check once filled in.
    result = check_text(text)
    assert result.verdict == "avoid" and result.suggestion and not result.withheld


def test_the_check_command_says_withheld_for_an_event(cli):
    data = cli.json("check", "Tiegan isn't in as she's got her driving theory test this morning.")
    assert data["verdict"] == "avoid" and data["withheld"] is True and data["suggestion"] is None
    assert any(f["rule"] == "activity" for f in data["findings"])


def test_an_exclusion_from_a_club_is_not_an_exclusion_from_school():
    assert check_text("He has been excluded from after-school club, but he's in today.").verdict != "avoid"
    assert check_text("Harley's been excluded from breakfast club so I've no way to get him in "
                      "for 8.45 with my work.").verdict == "avoid"
    assert check_text("He has been excluded until Thursday, letter attached.").verdict == "ok"


@pytest.mark.parametrize("text,not_in", [
    ("He won't be going in after the way his head of year spoke to him yesterday.", "yesterday"),
    ("She's scared of a boy in her class who hit her last week.", "last week"),
    ("He hasn't had his 1:1 for three weeks now so he's at home.", "three weeks"),
])
def test_a_day_that_dates_the_cause_is_not_put_in_the_suggestion(text, not_in):
    # The day tells when the cause happened, not when the child is off: the sentence offered
    # must not say the child was unwell then.
    result = check_text(text)
    assert result.verdict == "avoid" and result.suggestion and not_in not in result.suggestion


def test_the_welsh_cannot_get_him_in_offers_no_english_sentence_without_his_name():
    result = check_text("Dw i ddim yn gallu cael Elis i'r ysgol heddiw. Sori.")
    assert result.verdict == "avoid" and result.withheld and result.suggestion is None
    assert any("Welsh or English" in h for h in result.hints), result.hints
