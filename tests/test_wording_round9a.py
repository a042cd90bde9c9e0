"""Wording round 9a: reasons that are not the child's illness (the "round 9a" block at the end
of rules.toml). The own-words rows are in wording_cases.CASES_ROUND9A (run with CASES by
test_wording.py); the independent rows and what a parent is offered are checked here."""

import pytest

from refusal_log.wording import check_text
from wording_cases import INDEPENDENT_ROUND9A


def test_the_round9a_independent_rows_keep_their_verdicts():
    misses = [(text, allowed, check_text(text).verdict) for text, allowed in INDEPENDENT_ROUND9A
              if check_text(text).verdict not in allowed]
    assert len(INDEPENDENT_ROUND9A) >= 15 and not misses, misses


@pytest.mark.parametrize("text,hint_says", [
    ("Off to Tenerife for a week, cheaper than half term!", "leave"),
    ("Her grandad is in hospital so we're all driving down to see him tomorrow.", "leave"),
    ("It's chucking it down and it's a long walk, she'll get drenched, so she's home.", "plainly"),
    ("I have to go to work early and his nan can't bring him today.", "plainly"),
    ("Mia's got a hair appointment at 2, so she won't be in this afternoon.", "outside school hours"),
    ("The school shop still hasn't got his blazer so he's off.", "uniform"),
])
def test_another_reason_is_never_worded_as_illness(text, hint_says):
    # The parent gave a reason that is not the child's illness: no "too unwell" sentence is
    # offered (withheld), and the hint says what to do instead.
    result = check_text(text)
    assert result.verdict == "avoid" and result.withheld and result.suggestion is None
    assert any(hint_says in h for h in result.hints), result.hints


@pytest.mark.parametrize("text", [
    "The school still haven't got him a TA so he's not coming in.",
    "Her 1:1 is off sick again this week so she's at home.",
])
def test_missing_support_points_to_the_routes_for_needs_not_to_leave(text):
    result = check_text(text)
    assert result.verdict == "avoid"
    hints = " ".join(result.hints)
    assert "EHC" in hints or "SEN" in hints or "adjustments" in hints, result.hints
    assert "leave" not in hints.lower().split("ehc")[0] or "head teacher for leave" not in hints


@pytest.mark.parametrize("text", [
    "He's poorly with a sore throat and honestly I'm not fighting him any more.",
    "Sam has a migraine but I've given up arguing with him about school.",
])
def test_giving_up_beside_an_illness_is_avoid_and_nothing_is_worded_as_illness(text):
    # Giving up the battle says the absence is about school, not the illness named beside it:
    # wording it as "too unwell" could state a reason the parent has just said is not the one.
    result = check_text(text)
    assert result.verdict == "avoid" and result.withheld and not result.suggestion


@pytest.mark.parametrize("text", [
    "We are visiting grandparents in Pakistan who are not well, back on the 3rd.",
    "Cheaper than half term so we're in Portugal, and she's had a bit of a cough.",
])
def test_a_trip_or_visit_beside_an_illness_word_still_has_a_suggestion_or_is_withheld(text):
    # A trip or family visit is softened only by leave, so an illness word beside it does not
    # make it fine; with nothing else to word a suggestion on, none is offered (withheld).
    result = check_text(text)
    assert result.verdict == "avoid"
    assert result.withheld or (result.suggestion and check_text(result.suggestion).verdict == "ok")
