"""The second reading (wording/readers.py): a small model of how independent readers labelled
16,350 everyday phrasings. It reads the words alone; it may only make a verdict one step stricter,
never milder; it never words a suggestion; it never calls the FAQ's own words harmful; short
reasons are the rules' alone; a missing or damaged model leaves the rules to decide."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from refusal_log.wording import check_text, readers
from refusal_log.wording.verdict import check_document
from wording_cases import CASES, INDEPENDENT_BLIND20_46

_RANK = {"ok": 0, "caution": 1, "avoid": 2}


def test_the_model_ships_beside_the_rules_and_reads_in_a_moment():
    import time

    readers._model.cache_clear()
    start = time.process_time()
    model = readers._model()
    assert model is not None and len(model["index"]) > 1000
    assert time.process_time() - start < 0.5
    assert model["classes"] == ["ok", "caution", "avoid"] and 0.5 <= model["threshold"] < 1


_READ_TEXTS = [t for t, _ in INDEPENDENT_BLIND20_46[::7]] + [t for t, _ in CASES[::25]]


def _never_milder(text):
    plain, read = check_text(text, second_reading=False), check_text(text)
    assert _RANK[read.verdict] >= _RANK[plain.verdict]
    # Raised to avoid with no illness of the child's named, nothing is worded as illness; otherwise
    # the rules' suggestion stands as it was.
    assert read.suggestion == plain.suggestion or (read.verdict == "avoid" and read.suggestion is None and read.withheld)
    if read.verdict != plain.verdict:
        assert read.findings[-1].rule == "second_reading" and read.findings[-1].severity == read.verdict
        assert read.verdict != "avoid" or read.suggestion is not None or read.withheld


@pytest.mark.parametrize("part", range(4))  # in parts, so that the parallel run shares the texts out
def test_it_never_makes_a_verdict_milder_nor_adds_a_suggestion(part):
    failed = []
    for text in _READ_TEXTS[part::4]:
        try:
            _never_milder(text)
        except AssertionError as error:
            failed.append((text, str(error)[:300]))
    assert not failed, failed


def test_a_long_reason_the_rules_find_milder_is_read_more_strictly_and_says_why():
    text = "Kyle won't be in, my mum's in hospital and I need to be with her, there's no one to take him."
    result = check_text(text)
    assert check_text(text, second_reading=False).verdict == "caution"
    assert result.verdict == "avoid" and result.suggestion is None and result.withheld
    assert result.findings[-1].rule == "second_reading" and "Parent advocates" in result.findings[-1].why


def test_a_short_reason_is_the_rules_alone():
    for text, allowed in CASES[:400]:
        if len(text.split()) < readers._model()["min_words"]:
            assert check_text(text).verdict == check_text(text, second_reading=False).verdict, text


def test_a_damaged_model_leaves_the_rules_to_decide(tmp_path, monkeypatch):
    broken = tmp_path / "readers.json"
    broken.write_text('{"terms": "a\\nb", "weights": "!!!"', encoding="utf-8")
    monkeypatch.setattr(readers, "MODEL_PATH", broken)
    readers._model.cache_clear()
    try:
        text = "We are away in Spain this week for my brother's wedding and the kids are so excited to see everyone."
        assert readers.stricter(text, "caution") is None
        assert check_text(text).verdict == check_text(text, second_reading=False).verdict
    finally:
        readers._model.cache_clear()


def test_the_json_shows_the_second_reading_as_a_finding(cli):
    text = "Kyle won't be in, my mum's in hospital and I need to be with her, there's no one to take him."
    result = cli("check", "--json", text)
    data = json.loads(result.stdout)
    assert data["verdict"] == "avoid" and data["withheld"] is True and data["suggestion"] is None


def test_the_trainer_and_its_phrasings_are_in_the_repository():
    root = Path(__file__).resolve().parents[1]
    rows = (root / "tools" / "phrasings.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(rows) >= 6000 and {"text", "label", "acceptable", "set"} <= set(json.loads(rows[0]))
    assert "second_reading=False" in (root / "tools" / "train_readers.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("content", ['[1, 2, 3]', 'null', '{"terms": "a", "weights": 5}',
                                     '{"classes": ["ok", "caution", "refuse"], "terms": "", "weights": ""}',
                                     '{"classes": ["ok", "caution", "avoid"], "terms": "", "weights": "", '
                                     '"intercept": [0, 0, 0], "illness_threshold": 0.8, "threshold": "high", "min_words": 16}',
                                     "[" * 5000 + "]" * 5000])
def test_any_damage_to_the_model_leaves_the_rules_to_decide(tmp_path, monkeypatch, content):
    broken = tmp_path / "readers.json"
    broken.write_text(content, encoding="utf-8")
    monkeypatch.setattr(readers, "MODEL_PATH", broken)
    readers._model.cache_clear()
    try:
        text = "Kyle won't be in, my mum's in hospital and I need to be with her, there's no one to take him."
        assert readers._model() is None and readers.stricter(text, "caution") is None
        assert check_text(text).verdict == check_text(text, second_reading=False).verdict
    finally:
        readers._model.cache_clear()


def test_a_childs_name_never_decides_and_an_appointment_is_the_rules_alone():
    template = ("{} has an appointment with the educational psychologist at the hospital today, my husband is at "
                "work and I have to take the car so we will see how things go this week.")
    verdicts = {check_text(template.format(name)).verdict for name in ("Sam", "Jess", "Lauren", "Daisy", "Connor")}
    assert verdicts == {check_text(template.format("Sam"), second_reading=False).verdict}
    text = ("Connor has an appointment with the educational psychologist at the hospital this morning, we will "
            "take him straight back to school afterwards.")
    assert check_text(text).verdict == check_text(text, second_reading=False).verdict


def test_raised_to_avoid_nothing_is_worded_as_illness():
    text = "Theo is having a mental health day. He's fine, just needs a rest from the place."
    result = check_text(text)
    if result.verdict == "avoid" and any(f.rule == "second_reading" for f in result.findings):
        assert result.suggestion is None and result.withheld


def test_it_raises_one_step_unless_sure_and_asks_more_before_calling_an_illness_harmful():
    model = readers._model()
    # From ok straight to avoid only when the reading is sure enough (jump_threshold); else one step.
    jump = model["jump_threshold"]
    assert readers.decide(model, "ok", "avoid", jump - 0.01, False) == "caution"
    assert readers.decide(model, "ok", "avoid", jump, False) == "avoid"
    # Over an illness of the child's named, a jump that is not sure enough for avoid stops at caution.
    assert readers.decide(model, "ok", "avoid", max(jump, model["illness_threshold"]) - 0.01, True) == "caution"
    assert readers.decide(model, "caution", "avoid", 0.99, False) == "avoid"
    assert readers.decide(model, "caution", "avoid", model["threshold"] - 0.01, False) is None
    # With an illness of the child's named, avoid needs the model surer still.
    assert readers.decide(model, "caution", "avoid", model["illness_threshold"] - 0.01, True) is None
    assert readers.decide(model, "caution", "avoid", model["illness_threshold"] + 0.01, True) == "avoid"
    assert readers.decide(model, "avoid", "avoid", 0.99, False) is None
    assert readers.decide(model, "caution", "ok", 0.99, False) is None  # never milder


def test_the_faqs_own_words_are_never_called_harmful_by_the_second_reading():
    # The rules ask for more (the parent's own situation is beside it); the model would read the
    # second sentence as the reason, but "too ill to attend" is the defence in the FAQ's words.
    text = "She's too ill to attend. Also I'm not well myself so I can't do the school run anyway."
    result = check_text(text)
    assert result.verdict == "caution" and not any(f.rule == "second_reading" for f in result.findings)


def test_a_late_arrival_is_the_rules_alone():
    # Coming in after lunch is lateness, which the rules read; the model learned from absences.
    text = "Tilly's shattered after getting back late from her cousin's wedding in Glasgow, so she'll be in after lunch."
    assert check_text(text).verdict == check_text(text, second_reading=False).verdict == "caution"



@pytest.mark.parametrize("change", [{"threshold": -1}, {"threshold": 5}, {"illness_threshold": 0},
                                    {"min_words": -3}, {"min_words": 2.5}])
def test_a_model_with_impossible_settings_leaves_the_rules_to_decide(tmp_path, monkeypatch, change):
    model = json.loads(Path(readers.MODEL_PATH).read_text(encoding="utf-8"))
    model.update(change)
    broken = tmp_path / "readers.json"
    broken.write_text(json.dumps(model), encoding="utf-8")
    monkeypatch.setattr(readers, "MODEL_PATH", broken)
    readers._model.cache_clear()
    try:
        assert readers._model() is None
    finally:
        readers._model.cache_clear()


def test_a_model_path_that_is_not_a_file_is_never_read(tmp_path, monkeypatch):
    import os

    fifo = tmp_path / "readers.json"
    os.mkfifo(fifo)  # reading it would wait for ever
    monkeypatch.setattr(readers, "MODEL_PATH", fifo)
    readers._model.cache_clear()
    try:
        text = "Kyle won't be in, my mum's in hospital and I need to be with her, there's no one to take him."
        assert readers._model() is None
        assert check_text(text).verdict == check_text(text, second_reading=False).verdict
    finally:
        readers._model.cache_clear()


def test_a_draft_is_read_again_sentence_by_sentence(cli, tmp_path):
    # check --file: the same long sentence inside a letter gets the same second reading, where it
    # is; the greeting and the sign-off are not reasons and are not read.
    reason = "Kyle won't be in, my mum's in hospital and I need to be with her, there's no one to take him."
    draft = tmp_path / "email.txt"
    draft.write_text(f"Dear Mrs Shah,\n\n{reason}\n\nThanks, Dee\n", encoding="utf-8")
    data = json.loads(cli("check", "--file", str(draft), "--json").stdout)
    assert data["verdict"] == "avoid"
    [read] = [s for s in data["sentences"] if any(f["rule"] == "second_reading" for f in s["findings"])]
    assert read["text"] == reason and read["suggestion"] is None
    document = check_document(draft.read_text(encoding="utf-8"), second_reading=False)
    assert document.verdict == "caution"


def test_a_death_in_the_family_is_never_read_again():
    # A newcomer's find after the threshold was lowered to 0.5: the model called this avoid, "a choice".
    text = "Mia's dad died last week and she isn't coming in this week."
    result = check_text(text)
    assert result.verdict == "caution" and not any(f.rule == "second_reading" for f in result.findings)


def test_the_letters_block_reads_runs_inside_each_word_as_scikit_learn_makes_them():
    # "char_wb", 2 to 5 letters: each word padded with a space; a word no longer than a run gives
    # itself once, and no longer runs.
    runs = ["ab", " a", "b ", " ab", "ab ", " ab ", " ab  ", "xyz"]
    index = {r: i for i, r in enumerate(runs)}
    counts = readers._letter_counts("ab", index, 2, 5)
    assert {runs[i]: c for i, c in counts.items()} == {" a": 1, "ab": 1, "b ": 1, " ab": 1, "ab ": 1, " ab ": 1}
    # Runs of spaces are one, as scikit-learn's; counts add up across words.
    counts = readers._letter_counts("ab   ab", index, 2, 5)
    assert counts[index["ab"]] == 2 and counts[index[" ab "]] == 2


def test_a_model_without_the_letters_block_still_reads(tmp_path, monkeypatch):
    model = json.loads(Path(readers.MODEL_PATH).read_text(encoding="utf-8"))
    for key in ("char_terms", "char_weights", "char_ngrams", "jump_threshold"):
        model.pop(key)
    older = tmp_path / "readers.json"
    older.write_text(json.dumps(model), encoding="utf-8")
    monkeypatch.setattr(readers, "MODEL_PATH", str(older))
    readers._model.cache_clear()
    try:
        loaded = readers._model()
        assert loaded is not None and not loaded["char_index"]
        label, probability = readers.reading("he says he is not going to school and that is that")
        assert label in ("ok", "caution", "avoid") and 0 < probability <= 1
        assert readers.decide(loaded, "ok", "avoid", 0.99, False) == "caution"  # no jump without a threshold
    finally:
        readers._model.cache_clear()
