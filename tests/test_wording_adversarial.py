"""Crafted input must not make the wording check hang (a parent's tool must never freeze on
the words they paste). The bounds are ten and more times what was measured (~0.1 s)."""

from __future__ import annotations

import time

import pytest

from refusal_log.wording import check_text

RUN = "'" * 40


@pytest.mark.parametrize("text", [
    f"we {RUN} agreed {RUN} zzz.",            # a frame's gap: apostrophes are both word and separator
    f"his plan {RUN}. not getting it",
    f"she is ill {RUN}. every monday",
    f"i {RUN} decided {RUN} he {RUN} can {RUN} stay {RUN} home",
    "we " + " ".join(["'-/:,"] * 60) + " agreed",
    "she " + "not " * 400 + "refusing",
])
def test_crafted_runs_are_answered_quickly(text):
    started = time.perf_counter()
    check_text(text)
    assert time.perf_counter() - started < 3


@pytest.mark.parametrize("text, name", [
    ("Maya\u202e is refusing", "Maya"),
    ("His sister Ava has flu so Sam is off today.", None),  # Ava's flu is never Sam's
    ("Maya's twin Ella has a temperature so Maya is staying home too", None),
])
def test_names_survive_invisible_marks_and_a_named_sibling_is_not_the_child(text, name):
    result = check_text(text)
    if name:
        assert result.suggestion and result.suggestion.startswith(name)
    else:
        assert result.verdict != "ok" and (result.suggestion is None or "flu" not in result.suggestion
                                           and "temperature" not in result.suggestion)


def test_a_paste_longer_than_a_reason_or_an_email_is_refused_plainly(cli):
    result = cli("check", "refusing " * 3000)
    assert result.exit_code == 1 and "reads up to 20,000" in result.stderr
    started = time.perf_counter()
    check_text("refusing\n" * 2000)  # just under the bound, every line a finding: still answered
    assert time.perf_counter() - started < 30
