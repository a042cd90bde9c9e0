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
