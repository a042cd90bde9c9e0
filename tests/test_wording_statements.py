"""What kind of statement (statements.py, rules.toml [statements]): frames and lexicons are
data; a new frame needs no code; the loader names a mistake; the child's vaguer distress
gets a caution and a suggestion in the parent's own words."""

from __future__ import annotations

import pytest
from wording_cases import CASES, INDEPENDENT, INDEPENDENT_STATEMENTS

from refusal_log.wording import check_text
from refusal_log.wording.engine import RULES_PATH
from refusal_log.wording.loading import load_rules
from refusal_log.wording.statements import _frames


def _rules_with(tmp_path, old: str, new: str):
    text = open(RULES_PATH, encoding="utf-8").read()
    assert old in text
    path = tmp_path / "rules.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return load_rules(str(path))


def test_the_dev7_rows_keep_their_verdicts():
    # Rows from the round 7 dev sets (written by people who never saw the rules), folded in
    # after measuring: one test, every miss listed at once.
    misses = [(text, allowed, check_text(text).verdict) for text, allowed in INDEPENDENT_STATEMENTS
              if check_text(text).verdict not in allowed]
    assert not misses, misses
    for text, _ in INDEPENDENT_STATEMENTS:
        result = check_text(text)
        if result.verdict == "avoid":
            assert result.suggestion or result.withheld, text


def test_every_frame_hit_contains_one_of_its_triggers():
    from refusal_log.wording.analysis import _Norm

    rules = load_rules()
    frames = _frames(rules)
    assert frames and all(f.triggers for f in frames), "every shipped frame has triggers"
    for text, _ in CASES + INDEPENDENT + INDEPENDENT_STATEMENTS:
        norm = _Norm(text, rules).text
        for frame in frames:
            for m in frame.rx().finditer(norm):
                assert any(t in m.group() for t in frame.triggers), (frame.kind, m.group(), text)


def test_a_statement_frame_is_added_by_editing_the_data_file(tmp_path):
    assert check_text("She is shunning school again today").verdict == "caution"
    frame = ('[[statements.frames]]\nkind = "refusal"\nrule = "will_not_go"\n'
             "parts = ['(?:he|she) is shunning', 'school']\ngap = 2\n\n[statements.extend.health]")
    rules = _rules_with(tmp_path, "[statements.extend.health]", frame)
    result = check_text("She is shunning school again today", rules=rules)
    assert result.verdict == "avoid" and "will_not_go" in [f.rule for f in result.findings]
    assert result.suggestion == "She is too unwell to attend school again today ([what is wrong])."
    # Words in a clause of their own are not one frame: the gap stays inside the clause.
    assert "will_not_go" not in [f.rule for f in check_text("She is shunning. School is shut.", rules=rules).findings]


def test_a_lexicon_word_reaches_every_frame_that_uses_it(tmp_path):
    # @parent is one list: adding "grandma and me" makes the decision frames hear it.
    text = "Grandma and me have agreed she's not going back there."
    assert "kept_off" not in [f.rule for f in check_text(text).findings]
    rules = _rules_with(tmp_path, "parent = '(?:i|we|", "parent = '(?:grandma and me|i|we|")
    result = check_text(text, rules=rules)
    assert result.verdict == "avoid" and "kept_off" in [f.rule for f in result.findings]


@pytest.mark.parametrize("old,new,says", [
    ('kind = "refusal"\nrule = "refusal"', 'kind = "sulk"\nrule = "refusal"', "statement frame"),
    ('kind = "refusal"\nrule = "refusal"', 'kind = "refusal"\nrule = "refusl"', "statement frame"),
    ("[statements.extend.context]", "[statements.extend.email]", "cannot extend [email]"),
    ("[statements.words]", "[statements.wordz]", "unknown key 'wordz'"),
    ("ill_word = '", "advice = '", "'advice' is already a macro"),
    ("gap = [8, 4, 1]", "gap = [8, 4]", "4 parts but 2 gaps"),
    # A frame written inside a later block would be read as nothing: refused, with where it belongs.
    ('name = "2026-12-03 tenth session, round 35, words"\n',
     'name = "2026-12-03 tenth session, round 35, words"\n[[statements.more.frames]]\nkind = "refusal"\n',
     "write [[statements.frames]]"),
])
def test_a_mistake_in_the_statements_block_is_named(tmp_path, old, new, says):
    with pytest.raises(ValueError, match=says.replace("[", r"\[").replace("]", r"\]")):
        rules = _rules_with(tmp_path, old, new)
        check_text("He is refusing", rules=rules)  # frames compile on first use


@pytest.mark.parametrize("text,suggestion", [
    # Vaguer distress named alone: a caution, and a suggestion that keeps the child's name
    # and every word the parent used for it, condition words included.
    ("Maya is very anxious today.", "Maya is too anxious to attend school today."),
    ("Leo is autistic and completely overwhelmed this morning.",
     "Leo is too unwell to attend school this morning (autistic, overwhelmed)."),
    ("Finn's off today, he's just not in a good place.", "Finn is too unwell to attend school today (not in a good place)."),
    ("Ava is non-verbal and in bits today", "Ava is too unwell to attend school today (non-verbal, in bits)."),
])
def test_vaguer_distress_alone_is_a_caution_in_the_parents_words(text, suggestion):
    result = check_text(text)
    assert result.verdict == "caution" and not result.withheld
    assert result.suggestion == suggestion
    assert check_text(result.suggestion).verdict == "ok"
    assert any("only if it is true" in h for h in result.hints)


@pytest.mark.parametrize("text", [
    "She's 'ill' again \U0001f644",
    "He says his head hurts but I think he just doesn't want to do the test.",
    "The doctor says there's nothing wrong with her but she still says she feels sick.",
    "Tummy ache, same story every Monday.",
])
def test_doubt_in_any_words_is_avoid_and_nothing_is_worded_as_illness(text, cli):
    data = cli.json("check", text)
    assert data["verdict"] == "avoid" and data["withheld"] is True and data["suggestion"] is None


def test_a_hedged_illness_is_asked_about_not_stated():
    result = check_text("He was sick in the night, I think. He's at home.")
    assert result.verdict == "caution"
    assert "sick" not in (result.suggestion or "").lower()
