"""Wording round 8: the generalised classes (generalised.py, [statements.generalised] in
rules.toml). The own-words rows are in wording_cases.CASES_ROUND8 (run with CASES by
test_wording.py); the independent rows are checked here in one test."""

import pytest

from refusal_log.wording import check_text
from wording_cases import INDEPENDENT_ROUND8


def test_the_round8_independent_rows_keep_their_verdicts():
    misses = [(text, allowed, check_text(text).verdict) for text, allowed in INDEPENDENT_ROUND8
              if check_text(text).verdict not in allowed]
    assert len(INDEPENDENT_ROUND8) >= 300 and not misses, misses


@pytest.mark.parametrize("text,words", [
    ("Sam is refusing to go this week, he is terrified and overwhelmed", ["terrified", "overwhelmed"]),
    ("Ellie's petrified and won't go in", ["petrified"]),
    ("He's refusing again, scared stiff and shaking", ["scared stiff", "shaking"]),
])
def test_the_childs_fear_is_kept_in_the_suggestion(text, words):
    result = check_text(text)
    assert result.verdict == "avoid" and result.suggestion
    for word in words:
        assert word in result.suggestion, result.suggestion
    assert check_text(result.suggestion).verdict == "ok", result.suggestion


@pytest.mark.parametrize("text", [
    "Ryan is unwell. Well, not physically unwell, but he can't face it today.",
    "Put her down as ill. She's not really poorly but she's shattered.",
    "He's ill. Well, sort of, he's not physically ill but he can't face school.",
    "She's unwell, not physically, more in her head, she can't go in.",
])
def test_an_illness_taken_back_is_never_suggested_as_plain_fact(text):
    result = check_text(text)
    assert result.verdict != "ok"
    assert not (result.suggestion and "too unwell" in result.suggestion and "[what is wrong]" not in result.suggestion)
