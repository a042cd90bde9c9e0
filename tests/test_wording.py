"""The wording check: verdicts on everyday phrasings, the suggestion's promises (it passes
the rules, keeps the parent's facts and adds none), documents, and start-up cost."""

from __future__ import annotations

import re
from pathlib import Path
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from refusal_log.errors import InvalidInput
from refusal_log.text import blank
from refusal_log.wording import GAP, check_document, check_text, load_rules
from refusal_log.wording.engine import _Analysis

from wording_cases import CASES, INDEPENDENT


def specific_terms(text: str) -> set[str]:
    """The health words the engine finds in a text that it would carry into a suggestion."""
    # The parent's own words, compared without case ("Anxiety" opening a sentence is "anxiety").
    # Distress too: "anxious" alone is the child's distress, "too anxious to attend" names it.
    return {t.text.lower() for t in _Analysis(text, load_rules()).health if t.kind in ("specific", "episode", "distress")}


def assert_offsets(text, findings):
    for f in findings:
        assert text[f.start:f.end] == f.matched, f


WITHHOLD_HINT = "If your child is not unwell, the sickness defence does not apply"
DOUBT_RULES = ("illness_denied", "illness_doubted")


def withheld(result) -> bool:
    """True if the parent's own words rule out illness: they deny or doubt it, or give
    another reason and name no illness of the child's (see engine.py)."""
    return result.withheld


def denied(result) -> bool:
    return any(f.rule in DOUBT_RULES for f in result.findings)


# --- the table ------------------------------------------------------------------------

def _table_row_holds(text, allowed):
    result = check_text(text)
    assert result.verdict in allowed, [(f.rule, f.severity, f.matched) for f in result.findings]
    assert_offsets(text, result.findings)
    if result.verdict == "ok":
        assert result.suggestion is None
    if withheld(result):
        # The one exception: the parent's own words rule out illness (see engine.py): no
        # suggestion, and a hint says what to do instead.
        assert result.suggestion is None, result.suggestion
        assert result.hints
        if denied(result):
            assert any(WITHHOLD_HINT in h for h in result.hints)
    elif result.verdict == "avoid":
        assert result.suggestion, "every avoid verdict comes with a suggestion"
    if result.suggestion:
        assert check_text(result.suggestion).verdict == "ok", result.suggestion
        assert "refus" not in result.suggestion.lower()
        assert specific_terms(result.suggestion) <= specific_terms(text)


# The table in eight parts rather than a test per row: the same checks on every row, and every row
# that fails is listed at once, without the cost of running 3,300 tests one by one.
@pytest.mark.parametrize("part", range(8))
def test_everyday_phrasings(part):
    failures = []
    for text, allowed in CASES[part::8]:
        try:
            _table_row_holds(text, allowed)
        except AssertionError as failure:
            failures.append((text, str(failure).splitlines()[0]))
    assert not failures, failures


def test_the_table_is_big_enough():
    assert len(CASES) >= 80


# --- the contract cases ---------------------------------------------------------------

def test_refusing_to_go_in_is_avoid_with_a_clean_suggestion():
    result = check_text("She is refusing to go in")
    assert result.verdict == "avoid"
    assert any("Not Fine in School" in f.source and "FAQ" in f.source for f in result.findings)
    assert "refus" not in result.suggestion.lower()
    assert check_text(result.suggestion).verdict == "ok"
    assert result.suggestion == "She is too unwell to attend school ([what is wrong])."


def test_too_unwell_is_ok_with_nothing_to_say():
    result = check_text("Too unwell to attend school today")
    assert (result.verdict, result.findings, result.suggestion) == ("ok", [], None)


def test_a_denied_refusal_is_not_avoid():
    assert check_text("She's not refusing, she's too unwell to go in").verdict != "avoid"


def test_family_reasons_points_to_sickness():
    result = check_text("Family reasons")
    assert result.verdict in ("caution", "avoid")
    assert any("sickness" in f.why for f in result.findings)
    assert any("s444(2A)" in f.source for f in result.findings)


@pytest.mark.parametrize("text", ["", "   ", "\n\t "])
def test_empty_text_is_a_user_error(text):
    with pytest.raises(InvalidInput):
        check_text(text)
    with pytest.raises(InvalidInput):
        check_document(text)


def test_to_dict_has_exactly_the_contract_keys():
    data = check_text("Sam won't go, he has a migraine").to_dict()
    assert list(data) == ["text", "verdict", "findings", "suggestion", "needs_input", "withheld", "region", "hints",
                          "urgent"]
    assert data["urgent"] is None
    assert list(data["findings"][0]) == ["rule", "severity", "matched", "why", "source", "start", "end"]
    assert data["suggestion"] == "Sam is too unwell to attend school (migraine)."


# --- what the suggestion keeps and adds -----------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Sam is refusing to go in today", "Sam is too unwell to attend school today ([what is wrong])."),
    ("She is refusing to go in, panic attacks all night", "She is too unwell to attend school (panic attacks)."),
    ("I can't get Ellie to school this morning, she has a migraine and has been vomiting",
     "Ellie is too unwell to attend school this morning (migraine, vomiting)."),
    ("My son won't go in again, his anxiety is awful", "My son is too unwell to attend school again (anxiety)."),
    ("She refused yesterday", "She was too unwell to attend school yesterday ([what is wrong])."),
    ("The twins are refusing to go in", "The twins are too unwell to attend school ([what is wrong])."),
    ("They won't go in", "They are too unwell to attend school ([what is wrong])."),
    ("She refuses, she's anxious", "She is too anxious to attend school."),
    ("He's poorly and won't go", "He is too poorly to attend school."),
    # An appointment is a medical reason, not an illness: it is never put in the brackets.
    ("Kept him off on Monday, CAMHS appointment", "He is too unwell to attend school on Monday ([what is wrong])."),
    ("Anxiety is through the roof since the bullying started, GP has signed her off",
     "She is too unwell to attend school (anxiety)."),
    # The child is the subject, never other children named in a "because of" clause.
    ("He's too scared to go because of the kids in his class", "He is too unwell to attend school ([what is wrong])."),
    ("Too scared to go because of the boys", "My child is too unwell to attend school ([what is wrong])."),
    ("Child is staying home today.", "My child is too unwell to attend school today ([what is wrong])."),
    ("hes off cos of the bullying", "He is too unwell to attend school ([what is wrong])."),
    ("The kids are both refusing", "The kids are too unwell to attend school ([what is wrong])."),
    # The parent's own phrase for anxiety, not the symptom "(sick)".
    ("the wee lad won't go, he's sick with worry", "He is too unwell to attend school (sick with worry)."),
    ("I haven't been able to get Oliver into school today. He was very distressed.",
     "Oliver is too distressed to attend school today."),
    ("Kept off with a high temp", "My child is too unwell to attend school (high temp)."),
    ("meltdown this morning", "My child is too unwell to attend school this morning (meltdown)."),
    # Days come from the first sentence that names one ("Wednesday" is the GP's day).
    ("Poppy won't go in today. She has a migraine. GP on Wednesday.",
     "Poppy is too unwell to attend school today (migraine)."),
    ("cannae get him tae school the day, he's greetin and shaking",
     "He is too unwell to attend school the day (shaking)."),
    ("Refusing college again", "My child is too unwell to attend college again ([what is wrong])."),
    # Typed in capitals: the draft keeps the parent's words, not their caps lock (was "MY is too unwell ... (FLU)").
    ("MY SON HAS FLU, STAYING HOME TODAY", "My son is too unwell to attend school today (flu)."),
    ("ELLA HAS A TEMPERATURE AND IS STAYING HOME", "Ella is too unwell to attend school (temperature)."),
    ("TOM HAS A UTI SO HE IS STAYING HOME", "Tom is too unwell to attend school (UTI)."),
])
def test_suggestion_keeps_name_days_and_illness_words(text, expected):
    assert check_text(text).suggestion == expected


def test_no_illness_written_means_none_invented_and_an_honesty_hint():
    result = check_text("He just won't go")
    assert result.suggestion == "He is too unwell to attend school ([what is wrong])."
    assert specific_terms(result.suggestion) == set()
    assert any("only if it is true" in h for h in result.hints)


def test_no_honest_rewording_for_a_holiday():
    # Round 7: a reason stated that is neither the child's illness nor lawful is avoid.
    result = check_text("Family holiday to Spain")
    assert result.verdict == "avoid" and result.suggestion is None and result.withheld
    assert any("code G" in f.source for f in result.findings)
    assert any("leave" in h for h in result.hints)


def test_a_risky_cause_gets_a_hint_to_log_it_as_a_note():
    result = check_text("We're keeping him home as he's being bullied")
    assert result.verdict == "avoid"
    assert {f.rule for f in result.findings} == {"kept_off", "bullying"}
    hint = next(h for h in result.hints if "bullying" in h)
    assert "refusal-log add-note" in hint and "SENCo" in hint


def test_quoted_words_are_a_caution_and_drive_no_suggestion():
    text = 'The school called it "refusal" again'
    result = check_text(text)
    assert result.verdict == "caution" and result.suggestion is None
    finding = result.findings[0]
    assert finding.matched == "refusal" and finding.why.startswith("These look like someone else's words")


def test_a_quoted_or_denied_word_next_to_a_named_illness_is_treated_the_same():
    # The parent's own reason is the illness whether they deny the word or quote it.
    for text in ('it is NOT refusal!! she is ill', 'school called it "refusal" but he is ill',
                 'The school called it "refusal" but she has anxiety', "She isn't refusing, she's ill."):
        assert check_text(text).verdict == "ok", text


def test_a_negation_denies_only_the_first_risky_phrase_after_it():
    assert check_text("He's not refusing he just won't go").verdict == "avoid"
    result = check_text("He's not refusing \u2014 he genuinely can't face it. His anxiety is through the roof")
    assert result.verdict == "caution" and [f.rule for f in result.findings] == ["reluctance"]
    assert result.suggestion == "He is too unwell to attend school (anxiety)."


def test_an_illness_word_does_not_rescue_cant_get_wording():
    result = check_text("Hi Mrs Jones, unfortunately I haven't been able to get Oliver into school today. "
                        "He was very distressed.")
    assert result.verdict == "avoid" and result.findings[0].rule == "cannot_get_to_school"


def test_travel_and_leave_are_cautions_with_advice_and_no_invented_illness():
    for text, rule, says in [("The bus was cancelled, can't get him to school", "travel", "Y1"),
                             ("trains on strike", "travel", "Y2"),
                             ("funeral", "leave", "code C"), ("family emergency", "leave", "code C")]:
        result = check_text(text)
        assert (result.verdict, result.suggestion) == ("caution", None), text
        assert [f.rule for f in result.findings] == [rule], text
        assert any(says in h for h in result.hints), text
    # The family's own car keeping the child out all day is the FAQ's "can't get him to school".
    result = check_text("Car broke down, can't get him to school")
    assert (result.verdict, result.suggestion, [f.rule for f in result.findings]) == ("avoid", None, ["travel"])
    assert any("Y1" in h for h in result.hints)
    # Council transport that does not come has its own code; so does a closed school.
    assert check_text("The school taxi didn't turn up").verdict == "ok"
    assert check_text("School closed due to snow").verdict == "ok"


def test_refusing_food_is_not_school_refusal_but_refusing_school_still_is():
    assert check_text("He is refusing food and feels sick").verdict == "ok"
    assert check_text("He is refusing school and feels sick").verdict == "avoid"


def test_offsets_point_into_the_original_text_through_contractions_and_curly_quotes():
    text = "Honestly \u2019tis hard \u2014 she\u2019s REFUSING and I can\u2019t get her in.  She won\u2019t go."
    result = check_text(text)
    matched = [f.matched for f in result.findings]
    assert matched == ["REFUSING", "can\u2019t get her in", "won\u2019t go"]
    assert_offsets(text, result.findings)


# --- the parent's words rule out illness: the one avoid without a suggestion ----------

@pytest.mark.parametrize("text,verdict", [
    ("She isn't ill, she just won't go", "avoid"),
    ("she says she's ill but I think she's just avoiding maths", "avoid"),
    ("I reckon he's putting it on to get out of PE", "avoid"),
    ("I don't think he's really ill", "caution"),
    ("she's not sick, she's just tired", "caution"),
    ("She says she's poorly but I'm not convinced", "avoid"),  # 2026-12-02: 15 of 16 independent rows
    # Round 4, point 2: general forms of doubt and denial.
    ("He says he feels sick but I'm not sure he is.", "caution"),
    # Round 7: everyday life carrying on, given against the illness, is doubt (WORDING.md): avoid.
    ("She reckons she's ill but she was fine at the party last night", "avoid"),
    ("she says her tummy hurts but seemed fine at breakfast", "caution"),
    ("Not convinced tbh, she says her tummy hurts", "caution"),
    ("I don't believe her, she was on her phone all morning", "caution"),
    ("He's supposedly ill again", "avoid"),  # round 7: sarcasm is doubt
    ("She's allegedly got a migraine", "avoid"),
    ("He says he's poorly, if you believe him", "caution"),
    ("I'm not sure she really is", "caution"),
    ("It's not that she's ill, she just can't face it.", "avoid"),
    ("It isn't that he's unwell, he just won't go", "avoid"),
    ("It's not like she's poorly, she just hates it there", "avoid"),
    ("She's not ill as such, just really low", "avoid"),  # fifth session: a denial, then only a low mood (blind374)
    ("Not poorly, just fed up with school", "avoid"),  # round 5: a dislike idiom as the reason
    ("He's tired, not ill.", "avoid"),  # 2026-12-02: a denial beside tiredness (57 of 57 independent rows)
    ("I reckon it's all put on", "avoid"),
])
def test_denied_or_doubted_illness_gets_no_suggestion_but_a_hint(text, verdict):
    result = check_text(text)
    assert (result.verdict, result.suggestion) == (verdict, None)
    assert any(WITHHOLD_HINT in h and "meeting about support" in h for h in result.hints)
    # Nothing that presumes an illness: no "use only if true", no "evidence of the illness".
    assert not any("only if it is true" in h or "evidence of the illness" in h for h in result.hints)


def test_a_denial_next_to_another_named_illness_is_fine():
    # "Not ill as such" but anxiety named: the parent's reason is the anxiety, which (round 10b)
    # named alone asks for more to be said: a caution, never an avoid, and worded as illness.
    result = check_text("He's not ill as such, his anxiety is really bad")
    assert result.verdict == "caution" and result.suggestion == "He is too unwell to attend school (anxiety)."
    result = check_text("She isn't sick but she won't go, she has a migraine")
    assert result.verdict == "avoid" and result.suggestion == "She is too unwell to attend school (migraine)."


def test_a_denial_anywhere_in_a_draft_withholds_every_suggestion():
    doc = check_document("Sam won't go in today. Honestly I don't think he's really ill.")
    assert doc.verdict == "avoid"
    assert all(s.suggestion is None for s in doc.sentences)


def test_only_a_rule_that_says_what_to_do_may_leave_an_avoid_without_a_suggestion(tmp_path):
    from refusal_log.wording.engine import RULES_PATH

    text = open(RULES_PATH, encoding="utf-8").read()
    avoid_none = '[[rules]]\nid = "x"\nseverity = "avoid"\nsuggest = "none"\nsource = ["faq"]\nwhy = "x"\npatterns = [\'zz\']\n\n'
    withhold_no_hint = avoid_none.replace('"none"', '"withhold"')
    for extra in (avoid_none, withhold_no_hint):
        bad = tmp_path / "rules.toml"
        bad.write_text(text.replace("[positive]", extra + "[positive]", 1), encoding="utf-8")
        with pytest.raises(ValueError):
            load_rules(str(bad))
    # With a hint (what to do instead), "another reason stated" may be avoid (round 4).
    good = tmp_path / "good.toml"
    good.write_text(text.replace("[positive]", avoid_none.replace('why = "x"', 'why = "x"\nhint = "Ask."') + "[positive]", 1),
                    encoding="utf-8")
    result = check_text("zz", rules=load_rules(str(good)))
    assert (result.verdict, result.suggestion, result.withheld) == ("avoid", None, True)


@pytest.mark.parametrize("text,hint", [
    # Round 4, point 3: another reason stated that is not the child's illness. The parent's
    # words rule it out, so there is no "too unwell" sentence, and the hint says what to do.
    ("Millie is staying home today as I'm unwell and can't do the school run.", "you are unwell"),
    ("I'm unwell and can't do the school run", "you are unwell"),
    ("I've got flu so she's staying home with me", "you are unwell"),
    ("My husband is in hospital so we're keeping the kids home", "code C"),
    ("Her nan is really poorly so we're going up to see her", "code C"),
    ("Kids have head lice, keeping them off till treated", "Head lice"),
    ("Nits again, so she's off", "Head lice"),
    ("Ella's stressed about exams so staying home to revise.", "code C"),
    ("Revision day at home before her exam", "code C"),
    ("We decided to keep her at home today, she needs a break.", "code C"),
    ("Lexi's dad and I have agreed she can stay home today to rest.", "code C"),
    ("He's just resting today", "code C"),
    ("Keeping him off in protest until the school puts his EHCP support in place.", "in writing"),
    ("He won't be in until the school puts his support in place", "in writing"),
    ("Twins' birthday today so we're treating them to a day out!", "code C"),
    ("It's her birthday so she's having the day off", "code C"),
    ("Car broke down and she won't go in anyway", "Y1"),
    ("Family holiday, she's refusing to come back early", "s444(3)"),
])
def test_another_reason_stated_is_never_worded_as_illness(text, hint):
    result = check_text(text)
    assert result.verdict != "ok" and result.suggestion is None and result.withheld, result
    assert any(hint in h for h in result.hints), result.hints
    assert not any("only if it is true" in h or "evidence of the illness" in h for h in result.hints)
    assert not denied(result)  # not a denial: the other reason is what rules out illness
    doc = check_document(text + " Thanks, Jo")
    assert all(s.suggestion is None for s in doc.sentences)


@pytest.mark.parametrize("text,expected", [
    # With the child's own illness named, the other reason no longer rules it out.
    ("She's staying home to rest, she has flu", "She is too unwell to attend school (flu)."),
    ("Keeping him off, he has head lice and a temperature", "He is too unwell to attend school (temperature)."),
    ("It's her birthday but she's got tonsillitis and won't go in",
     "She is too unwell to attend school (tonsillitis)."),
])
def test_another_reason_next_to_the_childs_own_illness_still_gets_a_suggestion(text, expected):
    result = check_text(text)
    assert result.suggestion == expected and not result.withheld


# --- round 4, point 1: the refusal family, whatever illness is named -------------------

# "Will not attend" left this list on 2026-12-02: after the child's illness it is the formal notice of
# the absence ("Ellie is unwell and will not attend"), and all six independent rows so written say ok.
REFUSAL_FAMILY = ["is school refusing", "is school-refusing again", "has been school refusing",
                  "is a school refuser", "is refusing school", "refused to go in", "won't go in",
                  "won't get out of bed", "wouldn't get in the car",
                  "says she's not going", "is having none of it", "is digging her heels in",
                  "won't wear her uniform"]
ILLNESS_CLAUSES = [("has anxiety", "she has anxiety", "anxiety"),
                   ("has a migraine", "she has a migraine", "migraine"),
                   ("is poorly", "she is poorly", None), ("is unwell", "she's unwell", None),
                   ("has been sick all night", "she's been sick all night", "been sick"),
                   ("has a temperature", "she has a temperature", "temperature"),
                   ("is not feeling well", "she's not feeling well", None),
                   ("has EBSA and anxiety", "she has EBSA and anxiety", "anxiety"),
                   ("has depression", "she has depression", "depression"),
                   ("is having panic attacks", "she's having panic attacks", "panic attacks")]


@pytest.mark.parametrize("form", REFUSAL_FAMILY)
@pytest.mark.parametrize("before,after,word", ILLNESS_CLAUSES)
def test_no_illness_word_turns_the_refusal_family_ok(form, before, after, word):
    for text in (f"Ellie {before} and {form}.", f"Ellie {form}, {after}."):
        result = check_text(text)
        assert result.verdict == "avoid", (text, [(f.rule, f.severity) for f in result.findings])
        assert result.suggestion and result.suggestion.startswith("Ellie is too"), (text, result.suggestion)
        if word:
            assert word in result.suggestion, (text, result.suggestion)


@pytest.mark.parametrize("text", [
    "I can't get her in, she has anxiety", "She has a migraine and I couldn't get her out of the house",
    "Poorly and I can't make him go", "Her words were 'I'm not going back there' and I can't make her.",
    "He's unwell and we've given up trying to get him in", "not feeling well won't go",
    "Ellie has anxiety and is school refusing.", "EBSA and school refusing, she has panic attacks",
])
def test_cant_get_and_quoted_refusal_stay_avoid_next_to_an_illness(text):
    assert check_text(text).verdict == "avoid"


def test_school_refusing_with_anxiety_is_avoid_with_the_anxiety_carried():
    result = check_text("Ellie has anxiety and is school refusing.")
    assert result.verdict == "avoid" and result.findings[0].rule == "refusal"
    assert result.suggestion == "Ellie is too unwell to attend school (anxiety)."
    # The school refusing something is still not the child.
    for text in ("The school refused our request for leave", "the school refused", "school have refused to help"):
        assert not any(f.rule == "refusal" for f in check_text(text).findings), text


def test_not_going_as_a_stance_is_a_caution_but_a_report_of_the_day_is_not():
    result = check_text("He's not going, he's anxious.")
    assert result.verdict == "caution" and [f.rule for f in result.findings] == ["not_going"]
    assert result.suggestion == "He is too anxious to attend school."
    assert check_text("She's not going in today, she has a fever").verdict == "ok"
    assert check_text("The pain is not going, so she's off").verdict == "ok"


@pytest.mark.parametrize("text", ["Kids giving him grief so he's stopping home", "He's getting picked on",
                                  "She's being got at", "The other kids are horrible to her",
                                  "Girls in her form are being really nasty"])
def test_slang_for_bullying_is_bullying(text):
    assert "bullying" in {f.rule for f in check_text(text).findings}


# --- round 4, points 4-6 ----------------------------------------------------------------

@pytest.mark.parametrize("text", ["She won't stop being sick, off today sorry", "He won't stop coughing",
                                  "He hasn't stopped vomiting since 4", "She can't stop shivering"])
def test_wont_stop_is_a_symptom_not_a_negation(text):
    result = check_text(text)
    assert result.verdict == "ok" and not result.findings, result
    assert "will_not_go" not in {f.rule for f in check_text("She won't stop crying").findings}


@pytest.mark.parametrize("text", ["Amy doesn't want to miss school but she's got a fever, so she has to stay home.",
                                  "He really wanted to go in but he's been sick",
                                  "She didn't want to miss the trip but she's got a temperature"])
def test_a_wish_to_attend_is_not_choice_wording(text):
    assert check_text(text).verdict == "ok"


@pytest.mark.parametrize("text", [
    "Leave authorised by the head.", "Leave was approved by the head for Chloe to attend the parade.",
    "The head has agreed she can miss Friday", "Authorised absence for her brother's graduation",
    "Family holiday, authorised by the head teacher", "As agreed with the head, Sam is away Monday",
    "Aisha will be absent today for Eid al-Fitr", "Religious observance for Rosh Hashanah",
])
def test_lawful_absences_of_their_own_are_ok(text):
    assert check_text(text).verdict == "ok", text


def test_unauthorised_leave_says_that_leave_the_head_grants_is_lawful():
    for text, verdict in (("Holiday to Spain", "avoid"), ("Holiday not authorised by the head", "avoid"),
                          ("It's her birthday", "avoid")):
        result = check_text(text)
        assert result.verdict == verdict and result.suggestion is None, text
        assert any("s444(3)" in h and "code C" in h for h in result.hints), (text, result.hints)


@pytest.mark.parametrize("text,verdict,suggestion", [
    # Round 4, point 6: "staying home" the same in every phrasing.
    ("She has a fever and is staying home", "caution", "She is too unwell to attend school (fever)."),
    ("She has a fever and will stay home", "caution", "She is too unwell to attend school (fever)."),
    ("She has a fever and is stopping home", "caution", "She is too unwell to attend school (fever)."),
    ("She has a fever so she has to stay home", "ok", None),
    ("She has a fever, we had to keep her off", "ok", None),
    ("She has a fever, keeping her home to be safe", "caution", "She is too unwell to attend school (fever)."),
    ("Bit of a sniffle so keeping him home", "caution", "He is too unwell to attend school (sniffle)."),
    ("Keeping him off as per the 48 hour rule, he was sick last night", "ok", None),
    ("She is staying home today", "avoid", "She is too unwell to attend school today ([what is wrong])."),
    ("She's stopping home today", "avoid", "She is too unwell to attend school today ([what is wrong])."),
    # Round 6: the parent's own decision, with no refusal or cause given, is a caution.
    ("Keeping her home to be safe", "avoid", "She is too unwell to attend school ([what is wrong])."),
    # The child's distress with no illness named: a caution.
    # Round 5 (issue 10): the child's distress, named, is carried into the suggestion as written.
    ("Amelia is struggling today and will be staying home.", "caution",
     "Amelia is too unwell to attend school today (struggling)."),
    ("She's having a hard time and is stopping home today", "caution",
     "She is too unwell to attend school today (having a hard time)."),
    ("Amelia is struggling with anxiety today and will be staying home.", "caution",
     "Amelia is too unwell to attend school today (struggling, anxiety)."),
    # "Keeping" is the parent's decision; beside the child's distress a caution (round 7: every
    # independent set reads it so), with the distress carried.
    ("He's struggling, we're keeping him home", "caution", "He is too unwell to attend school (struggling)."),
    # ...but beside the parent's own denial of illness it is avoid, with nothing suggested.
    ("He isn't ill as such, just fed up, so we're keeping him home", "avoid", None),
])
def test_staying_home_is_treated_the_same_in_every_phrasing(text, verdict, suggestion):
    result = check_text(text)
    assert (result.verdict, result.suggestion) == (verdict, suggestion), result


# --- whose illness, which day, and "ill" that is "I'll" --------------------------------

@pytest.mark.parametrize("text", [
    "Her little brother was rushed to hospital overnight",
    "my wife is in labour", "my mum is poorly", "nan's in hospital",
    "had to take her sister to A&E", "Baby brother has bronchiolitis and we're in hospital",
])
def test_someone_elses_illness_is_leave_and_never_moved_onto_the_child(text):
    result = check_text(text)
    assert result.verdict == "caution" and result.suggestion is None, text
    assert [f.rule for f in result.findings][:1] == ["family_illness"]
    assert any("code C" in h for h in result.hints)
    assert any("code C" in f.source for f in result.findings)


def test_cant_bring_them_in_for_a_parents_emergency_stays_avoid_and_is_never_worded_as_illness():
    # Round 4: another reason stated (someone else's emergency) and no illness of the child's,
    # so no "too unwell" sentence at all; the hint points to leave (code C).
    result = check_text("My wife is in labour so we can't bring Tomos in")
    assert result.verdict == "avoid"
    assert result.suggestion is None and result.withheld
    assert any("code C" in h for h in result.hints)
    assert not any("only if it is true" in h for h in result.hints)


@pytest.mark.parametrize("text,expected", [
    ("ds has sensory overload after yesterday and won't go in", "My child is too unwell to attend school (sensory overload)."),
    ("She has refused since Monday", "She is too unwell to attend school ([what is wrong])."),
    ("won't go, back on Monday hopefully", "My child is too unwell to attend school ([what is wrong])."),
    ("She's having the day off, back tomorrow", "She is too unwell to attend school ([what is wrong])."),
    ("He had a meltdown yesterday and won't go in today",
     "He is too unwell to attend school today (meltdown)."),
    ("I couldn't get Ryan in today. I will try again tomorrow.", "Ryan is too unwell to attend school today ([what is wrong])."),
    ("The wee man's refusin' tae go in the day", "The wee man is too unwell to attend school the day ([what is wrong])."),
])
def test_only_the_days_of_the_absence_reach_the_suggestion(text, expected):
    assert check_text(text).suggestion == expected


def test_the_evaluators_sensory_overload_case_is_ok():
    text = ("ds has sensory overload after yesterday and is unwell with exhaustion and headaches, "
            "the OT has advised rest")
    assert check_text(text).verdict == "ok"


@pytest.mark.parametrize("text", ["Im sorry i just cant do it today, ill explain", "ill ring you later",
                                  "not in today, ill be in touch"])
def test_ill_for_ill_is_not_an_illness(text):
    assert check_text(text).verdict != "ok"
    assert check_text("she's ill, ill keep you posted").verdict == "ok"


def test_a_hedged_symptom_gets_the_say_it_plainly_hint():
    result = check_text("He has a sore tummy, he says")
    assert result.verdict == "caution" and result.findings[0].rule == "reported_illness"
    assert any("say so plainly" in h for h in result.hints)


def test_weather_and_transport_are_one_caution():
    for text in ("Snow day - can't get down the hill", "can't get out of the village", "road flooded",
                 "the buses aren't running", "Snowed in"):
        result = check_text(text)
        assert result.verdict == "caution" and {f.rule for f in result.findings} == {"travel"}, text
    assert check_text("snow day").verdict == "ok"  # the school is closed
    assert check_text("his council taxi didn't come").verdict == "ok"


# --- documents ------------------------------------------------------------------------

EMAIL = (
    "Dear Mrs Patel,\n\n"
    "I\u2019m afraid Mia is refusing to come in again this morning. She was sick in the night and "
    "has not slept.\n\n"
    "Kind regards,\n"
    "Alex"
)


def test_document_offsets_match_sentences_and_findings():
    doc = check_document(EMAIL)
    assert [s.text for s in doc.sentences] == [
        "Dear Mrs Patel,",
        "I\u2019m afraid Mia is refusing to come in again this morning.",
        "She was sick in the night and has not slept.",
        "Kind regards,",
        "Alex",
    ]
    for s in doc.sentences:
        assert EMAIL[s.start:s.end] == s.text
        assert_offsets(EMAIL, s.findings)
    assert doc.verdict == "avoid"
    refusing = doc.sentences[1]
    assert refusing.findings[0].matched == "refusing"
    assert refusing.suggestion == "Mia is too unwell to attend school again this morning."
    assert check_text(refusing.suggestion).verdict == "ok"


def test_document_to_dict_shape():
    data = check_document(EMAIL).to_dict()
    assert list(data) == ["verdict", "withheld", "needs_input", "region", "urgent", "sentences"]
    assert list(data["sentences"][0]) == ["start", "end", "text", "verdict", "findings", "suggestion",
                                          "needs_input", "withheld"]


def test_greetings_and_sign_offs_do_not_trigger_the_positive_rule():
    doc = check_document("Dear Mrs Patel,\nSam has a temperature and a cough.\nKind regards,\nAlex")
    assert doc.verdict == "ok" and doc.findings == []


def test_the_positive_rule_applies_once_to_the_whole_draft():
    text = "Hi Mrs Patel,\nI hope you are well.\nSam won't be in school today.\nThanks,\nAlex"
    doc = check_document(text)
    assert doc.verdict == "caution"
    flagged = [s for s in doc.sentences if s.findings]
    assert len(flagged) == 1 and flagged[0].text == "Sam won't be in school today."
    assert flagged[0].findings[0].rule == "no_illness_named"
    # Named in another sentence, the illness satisfies the rule for the whole draft.
    assert check_document("Sam won't be in school today. He has tonsillitis.").verdict == "ok"


def test_a_decision_word_is_softened_by_an_illness_elsewhere_in_the_draft():
    doc = check_document("I've kept him off today. He has been sick all night.")
    assert doc.verdict == "caution"
    assert doc.sentences[0].findings[0].rule == "kept_off"


def test_a_wrapped_line_stays_one_sentence():
    text = "Sam won't\ngo in today.\nThanks"
    doc = check_document(text)
    assert doc.sentences[0].text == "Sam won't\ngo in today."
    assert doc.sentences[0].findings[0].matched == "won't\ngo"


# --- the rules are data ---------------------------------------------------------------

def test_every_rule_explains_itself_and_names_its_source():
    rules = load_rules()
    assert "not legal advice" in rules.disclaimer
    ids = [r.id for r in rules.rules]
    for expected in ("refusal", "will_not_go", "cannot_get_to_school", "not_want", "chose_not_to",
                     "kept_off", "staying_off", "truancy", "bullying", "fear_of_teacher",
                     "sensory_overload", "anxiety_about_school"):
        assert expected in ids
    for rule in rules.rules:
        assert rule.why and rule.source and rule.severity in ("avoid", "caution")
        # Every rule that offers no rewording says what to do instead.
        assert rule.suggest == "health" or rule.hint, rule.id
        if rule.suggest == "withhold":
            assert rule.id in DOUBT_RULES and WITHHOLD_HINT in rule.hint


def test_adding_a_rule_is_editing_the_data_file(tmp_path):
    from refusal_log.wording.engine import RULES_PATH

    extra = tmp_path / "rules.toml"
    text = open(RULES_PATH, encoding="utf-8").read()
    text = text.replace("[positive]", (
        '[[rules]]\nid = "sulking"\nseverity = "caution"\nsource = ["faq"]\n'
        'why = "Sulking sounds like a mood."\npatterns = [\'sulk[a-z]*\']\n\n[positive]'), 1)
    extra.write_text(text, encoding="utf-8")
    result = check_text("He is sulking today", rules=load_rules(str(extra)))
    assert [f.rule for f in result.findings] == ["sulking"]
    assert check_text("He is sulking today").findings[0].rule == "no_illness_named"


# --- property tests -------------------------------------------------------------------

NAMES = ["Sam", "Ellie", "My son", "My daughter", "She", "He"]
RISKY = ["is refusing to go in", "won't go", "refused point blank", "refuses school", "will not get dressed",
         "doesn't want to go in", "is being bullied", "is scared of school", "hates school",
         "is a school refuser", "is having a day off", "is staying home", "is terrified of her teacher"]
ILLNESS = [("has a migraine", "migraine"), ("panic attacks all night", "panic attacks"),
           ("has been vomiting", "vomiting"), ("has a temperature", "temperature"),
           ("is not sleeping", "not sleeping"), ("her anxiety is bad", "anxiety"),
           ("has tonsillitis", "tonsillitis"), ("had a meltdown", "meltdown"),
           ("has a bad cold", "bad cold"), ("has diarrhoea", "diarrhoea"),
           ("autistic burnout", "autistic burnout"), ("low mood", "low mood"),
           ("has a headache", "headache"), ("sick with worry", "sick with worry"),
           ("has a high temp", "high temp"),  # round 8: a measured one ("of 39") makes it ok
           # An appointment names a medical reason but is not carried into the suggestion.
           ("has a CAMHS appointment", None)]
DAYS = ["", "today", "this morning", "again", "tomorrow", "on Monday", "this week"]
FILLERS = ["", "Sorry, ", "Just to let you know, ", "Unfortunately ", "Hi, "]
# Doubt withholds the suggestion whatever else is said; a plain denial ("isn't ill") only
# when no other illness is named ("not ill as such, it's her anxiety" is fine).
DOUBTS = ["I don't think she's really ill", "He says he's ill but I think he's just avoiding maths",
          "I reckon he's putting it on", "She says she's poorly but I'm not convinced"]
DENIALS = ["She isn't ill", "he's not sick, just tired", "There's nothing wrong with her"]
# Another reason stated that is not the child's illness (round 4, point 3): it too rules out
# illness, unless the child's own illness is named alongside.
OTHERS = ["It's her birthday", "I'm unwell myself and can't do the school run", "Her nan is in hospital",
          "She needs a break", "He has head lice", "Staying home to revise", "Keeping her off in protest",
          "Grandad's funeral is today", "We're off on holiday"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FILLERS), st.sampled_from(NAMES), st.sampled_from(RISKY),
       st.lists(st.sampled_from(ILLNESS), max_size=3, unique=True), st.sampled_from(DAYS),
       st.sampled_from([""] * 5 + DOUBTS + DENIALS + OTHERS))
def test_suggestions_pass_and_keep_the_parents_facts(filler, name, risky, illnesses, day, extra):
    if extra in DENIALS:
        illnesses = []
    if extra == "Her nan is in hospital":
        # Round 7: lost sleep beside someone else's emergency is the worry, not illness.
        illnesses = [i for i in illnesses if i[1] != "not sleeping"]
    opening = name if not filler or name in ("Sam", "Ellie") else name[0].lower() + name[1:]
    text = f"{filler}{opening} {risky}" + (f" {day}" if day else "")
    text += "".join(f", {phrase}" for phrase, _ in illnesses) + "."
    if extra:
        text += f" {extra}."
    # The rules' suggestions (the second reading may only raise a verdict; an avoid it gives over
    # no illness named plainly is withheld, as checked here first).
    read_again = check_text(text)
    assert read_again.verdict != "ok"
    assert read_again.suggestion or withheld(read_again), text
    result = check_text(text, second_reading=False)
    assert result.verdict != "ok"
    suggestion = result.suggestion
    # The suggestion may be None only where the parent's own words rule out illness: they
    # deny or doubt it, or give another reason and name no illness of the child's.
    # An episode is not illness, nor (round 7) is lost sleep: both are the child's distress.
    child_ill = any(word not in (None, "meltdown", "not sleeping") for _, word in illnesses)
    if extra in DOUBTS + DENIALS or (extra in OTHERS and not child_ill):
        assert suggestion is None and withheld(result), (text, suggestion)
        assert result.hints, text
        if extra in DOUBTS + DENIALS:
            assert any(WITHHOLD_HINT in h for h in result.hints), text
        assert not any("only if it is true" in h or "gather evidence" in h for h in result.hints), text
        return
    if extra in OTHERS and withheld(result):
        # Round 43: another reason that stays an avoid beside the illness (a holiday, a protest) is the reason: no
        # illness wording is offered for it (README: "or give another reason ... no wording is suggested at all").
        assert result.verdict == "avoid" and suggestion is None, text
        return
    assert not withheld(result), text
    if extra in OTHERS and not suggestion:
        # The other reason explains the absence ("I'm unwell myself": the parent's illness,
        # not a decision): a caution, with nothing to reword.
        assert result.verdict == "caution", text
        return
    assert suggestion, text
    assert check_text(suggestion).verdict == "ok", (text, suggestion)
    assert "refus" not in suggestion.lower()
    for _, word in illnesses:
        if word:
            assert word.lower() in suggestion.lower(), (text, suggestion)
    assert "camhs" not in suggestion.lower()
    assert specific_terms(suggestion) <= specific_terms(text), (text, suggestion)
    if not any(word for _, word in illnesses):
        # Nothing named: the parent is asked what is wrong, nothing is guessed (issue 10).
        assert "too unwell" in suggestion and result.needs_input and GAP in suggestion
    if day:
        assert day.lower() in suggestion.lower()
    if name in ("Sam", "Ellie", "My son", "My daughter"):
        assert suggestion.startswith(name), (text, suggestion)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=200).filter(
    # Not text that shows nothing (direction marks, controls, a lone accent: no text, as the check says).
    lambda t: not blank(t)))
def test_any_text_gives_sound_offsets_and_sound_suggestions(text):
    result = check_text(text)
    assert result.verdict in ("ok", "caution", "avoid")
    assert_offsets(text, result.findings)
    if result.suggestion:
        assert check_text(result.suggestion).verdict == "ok"
    doc = check_document(text)
    for s in doc.sentences:
        assert text[s.start:s.end] == s.text
        assert_offsets(text, s.findings)


# --- start-up -------------------------------------------------------------------------

def test_importing_the_wording_engine_pulls_in_nothing_heavy():
    code = ("import sys, refusal_log.wording; "
            "heavy = {'sqlmodel', 'sqlalchemy', 'jinja2', 'pydantic', 'rich', 'typer'}; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_rules_file_ships_inside_the_package():
    from importlib.resources import files

    assert files("refusal_log.wording").joinpath("rules.toml").is_file()
    assert re.search(r"^disclaimer = ", files("refusal_log.wording").joinpath("rules.toml").read_text("utf-8"), re.M)


def test_fine_in_herself_is_a_denial_and_honestly_is_not_a_name():
    denied = check_text("She's fine in herself but just doesn't want to go")
    assert denied.verdict == "avoid" and denied.suggestion is None and denied.withheld
    named = check_text("Honestly can't face the battle this morning, he won't go in")
    assert named.suggestion and not named.suggestion.startswith("Honestly")


# --- the interface other parts of the tool use (issue 9 and 10) --------------------------

@pytest.mark.parametrize("text,kind", [
    ("Orthodontist appointment at 10am", "appointment"),
    ("Sam has a hospital appointment this afternoon", "appointment"),
    ("Dentist this morning, back after lunch", "appointment"),
    ("Her twin's appointment at the dentist, so she came along", "other"),
    ("I have a dentist appointment so can't do the school run", "other"),
    # Round 7: whose appointment it is, clause by clause.
    ("I've got my own hospital appointment this morning and there's no one to take Alfie", "other"),
    ("Hospital appointment for his little brother today, so Leo is coming with me", "other"),
    ("My dentist appointment is at 9 so Kai is off", "other"),
    ("My son's dentist appointment is at 9", "appointment"),
    ("I've taken him to his GP appointment", "appointment"),
    ("She's on an agreed part-time timetable, mornings only", "part-time"),
    ("Reduced timetable as agreed with the SENCo", "part-time"),
    ("Leave granted by the head for a family funeral", "leave"),
    ("The head has agreed leave for my brother's wedding", "leave"),
    ("The head refused leave but we went anyway", "other"),
    ("Eid al-Fitr", "religious"),
    ("Absent for Yom Kippur", "religious"),
    ("The council taxi didn't turn up", "transport"),
    ("His school transport never came this morning", "transport"),
    ("Sam has been suspended for 2 days", "exclusion"),
    ("His sister was excluded", "other"),
    ("Kept off under the 48 hour exclusion rule after vomiting", "illness"),
    ("She has a migraine", "illness"),
    ("Too anxious to go in, panic attack at the gate", "illness"),
    # Distress alone names no illness, as the check says: not typed as illness (the newcomer on round 139).
    ("Struggling badly today, in tears all morning", "other"),
    ("School call it avoidance, she was shaking", "other"),
    # The newcomer on round 141: a hospital infusion is an appointment; the council's routes not running, transport;
    # thanks for leave the head agreed, leave.
    ("Rosie has her infusion at the hospital today so she won't be in", "appointment"),
    ("The council's taxi firm rang to say the routes aren't running today so Rosie is at home", "transport"),
    ("Thanks to the head for agreeing to Rosie's leave for her cousin's wedding, she'll be back on Monday", "leave"),
    ("Her brother has flu", "other"),
    # The newcomer on round 144: a fever told by its reading alone is an illness absence; a room's heat is not.
    ("Temp 38,9", "illness"),
    ("She's 38.6 again this morning", "illness"),
    ("The room was 38.5 degrees", "other"),
    ("It was 102.1 F outside so we are staying at the pool.", "other"),
    ("I'm unwell myself and can't do the school run", "other"),
    ("He isn't ill, he just won't go", "other"),
    ("She is refusing to go", "other"),
    ("Family reasons", "other"),
    # The newcomer on round 101: an infection seen by the GP is an illness absence, and a child in hospital too.
    ("Chest infection, seeing the GP this morning", "illness"),
    ("Ear infection, GP appointment at 11 and he'll be in after lunch", "appointment"),
    ("Sam has been admitted to hospital", "illness"),
    ("His nan has been admitted to hospital", "other"),
])
def test_absence_type_from_the_parents_words(text, kind):
    from refusal_log.wording import TYPES, infer_absence_type

    assert infer_absence_type(text) == kind
    assert kind in TYPES


@pytest.mark.parametrize("text", ["School call it avoidance, she was shaking", "Struggling badly today, in tears all morning"])
def test_a_suggestion_for_distress_alone_says_to_use_it_only_if_true(text):
    # The newcomer on round 139: where no illness is named, the suggested "too unwell" came with the tip to gather
    # evidence of the illness, as if the check had found one.
    from refusal_log.wording import check_text

    result = check_text(text)
    assert result.suggestion and any("only if it is true" in h for h in result.hints), result.hints
    assert not any("evidence of the illness" in h for h in result.hints)


def test_absence_type_sources_follow_the_nation():
    from refusal_log.wording import absence_type_source

    assert "code M" in absence_type_source("appointment")
    assert absence_type_source("appointment", "scotland") == ""
    assert "code" not in absence_type_source("religious", "wales")


def test_fill_gap_puts_the_parents_answer_where_the_gap_is():
    from refusal_log.wording import GAP, fill_gap

    suggestion = check_text("Sam won't go in today").suggestion
    assert GAP in suggestion
    filled = fill_gap(suggestion, "  a migraine. ")
    assert filled == "Sam is too unwell to attend school today (a migraine)."
    assert check_text(filled).verdict == "ok"
    assert fill_gap("Sam is too unwell to attend school (migraine).", "x") == "Sam is too unwell to attend school (migraine)."
    with pytest.raises(InvalidInput):
        fill_gap(suggestion, "   ")


def test_every_region_cites_only_its_own_law():
    rules = load_rules()
    for region in ("wales", "scotland", "northern-ireland"):
        for text in ("He won't go in", "Family holiday", "My mum is poorly", "Mental health day",
                     "Keeping her off in protest", "The car broke down"):
            result = check_text(text, region=region)
            cited = " ".join([f.why + f.source for f in result.findings] + result.hints)
            assert "(England)" not in cited and "code I" not in cited and "code C" not in cited, (region, cited)
            if region != "wales":
                assert "Education Act 1996" not in cited and "s444" not in cited and "penalty" not in cited, cited
        assert "England" not in rules.disclaimer_for(region)
    with pytest.raises(InvalidInput):
        check_text("He won't go in", region="france")


# --- round 5: suggestions ask rather than guess (issue 10) ---------------------------------

@pytest.mark.parametrize("text,expected", [
    # Feelings and conditions the parent named are carried as written.
    ("Ava won't go in, she's stressed and non-verbal this morning",
     "Ava is too unwell to attend school this morning (stressed, non-verbal)."),
    ("Leo won't go, he's exhausted and in tears", "Leo is too unwell to attend school (exhausted, in tears)."),
    ("Priya is refusing today, overwhelmed and shut down",
     "Priya is too unwell to attend school today (overwhelmed, shut down)."),
    # Hedged or doubted: never stated as fact, the parent is asked.
    ("Not sure if it's a migraine, Isla won't go in", "Isla is too unwell to attend school ([what is wrong])."),
    ("He says his ear hurts and won't go in today", "He is too unwell to attend school today ([what is wrong])."),
    # The name is kept, also in simple English ("Fatima she...", "Kuba not...").
    ("Fatima she not want go school today", "Fatima is too unwell to attend school today ([what is wrong])."),
    ("Kuba not want to go school, he cry", "Kuba is too unwell to attend school ([what is wrong])."),
    # A day that dates the cause is not the day of the absence.
    ("He's refusing since the way he was spoken to on Monday", "He is too unwell to attend school ([what is wrong])."),
])
def test_round5_suggestions_keep_the_parents_words_and_ask_for_the_rest(text, expected):
    result = check_text(text)
    assert result.suggestion == expected
    assert result.needs_input == (GAP in expected)
    assert check_text(result.suggestion).verdict == "ok"


@pytest.mark.parametrize("text", [
    "Jack's sister has D&V. Jack's fine but I've kept him off just in case.",
    "Our youngest has chickenpox so Tom is staying home",
    "The baby has croup so I can't bring Ellie in",
    "His one to one is off sick so he's at home",
])
def test_someone_elses_illness_never_reaches_the_childs_suggestion(text):
    result = check_text(text)
    for word in ("D&V", "chickenpox", "croup", "off sick"):
        assert word.lower() not in (result.suggestion or "").lower(), (text, result.suggestion)


def test_welsh_illness_reads_as_illness_and_welsh_refusal_as_refusal():
    assert check_text("Mae Osian yn sâl heddiw").verdict == "ok"
    assert check_text("Mae hi'n rhy dost i fynd i'r ysgol").verdict == "ok"
    assert check_text("Dyw e ddim moyn mynd i'r ysgol heddiw").verdict == "avoid"


def test_needs_point_to_their_own_routes_not_to_leave():
    result = check_text("His needs aren't being met so he's at home")
    assert result.verdict == "avoid"
    tips = " ".join(result.hints)
    assert "EHC" in tips and "section 19" in tips and "ask the head teacher for leave" not in tips.lower()
    scottish = " ".join(check_text("His needs aren't being met so he's at home", region="scotland").hints)
    assert "EHC" not in scottish and "additional support for learning" in scottish


# --- issue 12: triggers, the rules file's layout -------------------------------------------

def _every_lazy_pattern(rules):
    for rule in rules.rules:
        yield rule.id, rule.triggers, rule.regex
    for kind, lazy in rules.health:
        yield f"health {kind}", lazy.triggers, lazy.rx
    for lazy in rules.unavoidable.parts:
        yield "unavoidable", lazy.triggers, lazy.rx


def _assert_triggers_hold(rules, norm):
    for name, triggers, regex in _every_lazy_pattern(rules):
        if not triggers:
            continue
        for m in regex.finditer(norm):
            assert any(t in m.group() for t in triggers), (name, m.group(), norm)


def test_every_hit_in_the_case_table_contains_one_of_its_rules_triggers(full_table):
    from refusal_log.wording.analysis import _Norm

    rules = load_rules()
    assert all(rule.triggers for rule in rules.rules), "every shipped rule has triggers"
    # One pass of each pattern over all the texts at once (a line with a full stop between them, which
    # no pattern reads across) rather than 20,000 passes: the same hits, in a tenth of the time. A quarter of
    # the texts unless --full-table (the triggers are derived from the patterns, tested above; this is the
    # check on the derivation).
    texts = CASES + INDEPENDENT if full_table else (CASES + INDEPENDENT)[::4]
    _assert_triggers_hold(rules, "\n.\n".join(_Norm(text, rules).text for text, _ in texts))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([c[0] for c in CASES[::7]]), min_size=1, max_size=3), st.text(max_size=40))
def test_no_trigger_hides_a_hit_in_mixed_text(parts, noise):
    from refusal_log.wording.analysis import _Norm

    rules = load_rules()
    text = noise.join(parts)
    _assert_triggers_hold(rules, _Norm(text, rules).text)


def test_a_trigger_is_the_rarest_literal_a_match_must_hold_not_the_commonest_words():
    """A rule is tried only on a text holding one of its triggers: "at the " is in nearly every message, so the
    trigger is taken from the words that say what the rule is about (round 47: 37 rules tried per text, 1.2 matched)."""
    from refusal_log.wording.triggers import derive

    assert derive(r"\b(?:at|from) (?:a|the) (?:gig|party) (?:till|until) midnight") == {"till midnight", "until midnight"}
    assert derive(r"(?:he|she) (?:is|was) (?:shattered|exhausted)") == {"shattered", "exhausted"}
    # Never a piece of a word too short to choose anything ("sh" is in "she", "wash" and "shop").
    assert all(len(t) >= 3 for t in derive(r"(?:sh|ch)ould (?:stay|be) off"))


def test_the_shipped_triggers_are_as_derived_from_the_patterns():
    from refusal_log.wording.triggers import _rewrite
    from refusal_log.wording.engine import RULES_PATH

    assert _rewrite(RULES_PATH, check=True) == 0


def test_the_parsed_copy_is_the_toml_and_an_edited_toml_wins(tmp_path, monkeypatch):
    """`check` reads rules.parsed.json (fast) only while it matches rules.toml byte for byte:
    the TOML stays the one place rules live, and an edit to it is never ignored."""
    import shutil
    import tomllib

    from refusal_log.wording import loading

    shipped = Path(loading.RULES_PATH)
    assert loading._load.__wrapped__(str(shipped)).hints == tomllib.loads(shipped.read_text("utf-8"))["hints"]
    rules, parsed = tmp_path / "rules.toml", tmp_path / "rules.parsed.json"
    shutil.copy(shipped, rules)
    shutil.copy(loading.PARSED_PATH, parsed)
    monkeypatch.setattr(loading, "RULES_PATH", str(rules))
    monkeypatch.setattr(loading, "PARSED_PATH", str(parsed))
    assert loading.parsed_copy_current()
    text = rules.read_text("utf-8").replace("[hints]\n", "[hints]\nround_trip = 'edited'\n", 1)
    rules.write_text(text, "utf-8")
    assert not loading.parsed_copy_current()
    assert loading._load.__wrapped__(str(rules)).hints["round_trip"] == "edited"


def test_a_short_reason_compiles_only_the_rules_it_could_match():
    from refusal_log.wording.loading import _load

    rules = _load.__wrapped__(RULES_PATH_FOR_TESTS())
    check_text("Too unwell to attend school today (migraine)", rules=rules)
    compiled = [r.id for r in rules.rules if not isinstance(r._compiled[0], str)]
    assert len(compiled) <= 5, compiled


def RULES_PATH_FOR_TESTS():
    from refusal_log.wording.engine import RULES_PATH

    return RULES_PATH


@pytest.mark.parametrize("change,says", [
    (('id = "refusal"\nseverity = "avoid"', 'id = "refusal"\nsoruce = ["x"]\nseverity = "avoid"'),
     "rule 'refusal' has an unknown key 'soruce'"),
    (('overrides = ["cannot_get_to_school"]\nsource = ["s444", "travel"]', 'overrides = ["cannot_get_to_shcool"]\nsource = ["s444", "travel"]'),
     "rule 'travel' overrides an unknown rule 'cannot_get_to_shcool'"),
    (('id = "mental_health_day"\nseverity = "caution"', 'id = "mental_health_day"\nseverity = "severe"'),
     "rule 'mental_health_day' has an unknown severity"),
    (('id = "mental_health_day"\nseverity = "caution"\nsuggest = "health"\nsource = ["faq", "code_i"]',
      'id = "mental_health_day"\nseverity = "caution"\nsuggest = "health"\nsource = ["faq", "code_x"]'),
     "rule 'mental_health_day' cites an unknown source 'code_x'"),
    (('with_denial = "avoid"', 'with_denial = "ok"'), "rule 'kept_off' has an unknown severity"),
])
def test_a_mistake_in_the_rules_file_is_a_load_error_naming_the_rule(tmp_path, change, says):
    from refusal_log.wording.engine import RULES_PATH

    text = open(RULES_PATH, encoding="utf-8").read()
    assert text.count(change[0]) == 1, change[0]
    bad = tmp_path / "rules.toml"
    bad.write_text(text.replace(change[0], change[1]), encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(says)):
        load_rules(str(bad))


def test_a_new_rule_without_triggers_is_added_by_editing_the_data_alone(tmp_path):
    from refusal_log.wording.engine import RULES_PATH

    text = open(RULES_PATH, encoding="utf-8").read()
    rule = ('[[rules]]\nid = "gnome"\nseverity = "avoid"\nsuggest = "health"\nsource = ["faq"]\n'
            'why = "Garden gnomes are not illness."\npatterns = [\'garden gnomes?\']\n\n')
    path = tmp_path / "rules.toml"
    path.write_text(text.replace("[positive]", rule + "[positive]", 1), encoding="utf-8")
    result = check_text("He won't go in because of the garden gnome", rules=load_rules(str(path)))
    assert "gnome" in [f.rule for f in result.findings]


def test_a_condition_is_kept_but_never_made_the_illness():
    result = check_text("He's autistic and won't go in today")
    assert result.suggestion == "He is too unwell to attend school today (autistic, [what is wrong])."
    assert result.needs_input
    from refusal_log.wording import fill_gap

    assert fill_gap(result.suggestion, "a migraine") == "He is too unwell to attend school today (autistic, a migraine)."
    assert check_text("Harvey's autism means he can't cope with the noise").suggestion.count("autism") == 1


# --- round 6: the layers behind the phrasings ----------------------------------------------


def test_a_decision_asks_for_the_illness_and_a_denied_one_gets_no_suggestion():
    # The parent's own decision is the wording the FAQ warns about (avoid, with a gap for the
    # illness, if there is one, to fill); beside their own denial of illness nothing is suggested.
    plain = check_text("We're keeping Noor home today.")
    assert (plain.verdict, plain.needs_input, plain.withheld) == ("avoid", True, False)
    assert "Noor" in plain.suggestion
    denied = check_text("Noor isn't ill, she's just drained, so we're keeping her home today.")
    assert (denied.verdict, denied.suggestion, denied.withheld) == ("avoid", None, True)


def test_a_condition_on_the_school_is_avoid_and_a_named_illness_is_carried():
    result = check_text("Cerys has panic attacks and won't be back until the school sorts the bullying out.")
    assert result.verdict == "avoid"
    assert result.suggestion == "Cerys is too unwell to attend school (panic attacks)."
    # A negator before the condition does not deny it.
    assert check_text("He is not going in till things are sorted.").verdict == "avoid"
    # With no illness named, nothing is worded as illness.
    bare = check_text("Keeping him off until the school sorts his support out.")
    assert (bare.verdict, bare.suggestion, bare.withheld) == ("avoid", None, True)


def test_another_persons_emergency_stays_theirs_however_it_is_spelt():
    result = check_text("Her twin was blue-lighted to A&E last night, Ffion is with us.")
    assert result.verdict == "caution" and result.suggestion is None and result.withheld


def test_a_clinicians_suspicion_with_care_stated_is_ok():
    result = check_text("The GP thinks it may be appendicitis and sent us to A&E, Leo is off.")
    assert result.verdict == "ok"


def test_the_independent_rows_keep_their_verdicts():
    # 500 rows written by people who never saw the rules (round 6), with the verdicts we
    # decided (see wording_cases.txt): one test, every miss listed at once.
    results = [(text, allowed, check_text(text)) for text, allowed in INDEPENDENT]
    misses = [(text, allowed, result.verdict) for text, allowed, result in results if result.verdict not in allowed]
    assert len(INDEPENDENT) == 500 and not misses, misses
    # Every avoid among them comes with a suggestion that passes, or is marked withheld.
    for text, _, result in results:
        if result.verdict == "avoid":
            assert result.suggestion or result.withheld, text
        if result.suggestion:
            assert check_text(result.suggestion.replace("[what is wrong]", "a migraine")).verdict == "ok", text



# --- round 7: whose reason it is, and which ----------------------------------------------


@pytest.mark.parametrize("text,phrase,whose", [
    ("I've got my own hospital appointment this morning", "hospital appointment", "parent"),
    ("I'm suffering with my depression", "depression", "parent"),
    ("Hospital appointment for his little brother today", "hospital appointment", "sibling"),
    ("His sister's got flu so I'm keeping both at home", "flu", "sibling"),
    ("I need to take her brother to his appointment", "appointment", "sibling"),
    ("Nan is poorly in hospital", "poorly", "relative"),
    ("Her best friend has covid", "covid", "friend"),
    ("The dog is poorly", "poorly", "pet"),
    ("Noah and his sister both have chickenpox", "chickenpox", "child"),
    ("I'm keeping her off with a temperature", "temperature", "child"),
    ("I think he has a fever", "fever", "child"),
    ("I've given her Calpol for her temperature", "temperature", "child"),
    ("Her brother has flu and a temperature", "temperature", "sibling"),
    ("Her brother has flu. Temperature of 39 this morning", "temperature", "child"),
    ("We all have the bug", "bug", "family"),
])
def test_whose_each_phrase_is(text, phrase, whose):
    from refusal_log.wording.analysis import _Norm
    from refusal_log.wording.clauses import owner

    rules = load_rules()
    norm = _Norm(text, rules).text
    a = norm.index(phrase)
    names = [w.lower() for w in re.findall(r"\b[A-Z][a-z]+\b", text) if w not in ("I", "Her", "His", "Hospital", "Nan",
                                                                                    "The", "We", "Temperature")]
    assert owner(norm, a, a + len(phrase), rules, names) == whose


@pytest.mark.parametrize("text,word", [
    ("I'm suffering bad with my depression and couldn't face the school run today so the kids are home.", "depression"),
    ("His sister's got flu so I'm keeping both of them at home.", "flu"),
    ("Our youngest has a fever, so Mia is off today.", "fever"),
    ("I've got a migraine and can't drive, Leo won't be in.", "migraine"),
])
def test_another_persons_illness_is_never_the_childs_in_a_suggestion(text, word):
    result = check_text(text)
    assert result.verdict == "avoid" and result.withheld and result.suggestion is None
    assert all(word not in (f.why + " ".join(result.hints)) for f in result.findings)
    doc = check_document(text)
    assert not any(s.suggestion for s in doc.sentences)


def test_a_new_owner_or_reason_word_is_a_data_edit(tmp_path):
    from refusal_log.wording.engine import RULES_PATH

    text = open(RULES_PATH, encoding="utf-8").read()
    # A housemate is nobody the rules know; named as a relative, their flu is theirs.
    text = text.replace("\nrelative = '", "\nrelative = '(?:the|our) housemate|", 1)
    # And a new everyday reason: the boiler.
    text = text.replace("  # Money.\n", "  'boiler (?:is )?(?:broken|broke|not working)',\n  # Money.\n", 1)
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    from refusal_log.wording.triggers import _rewrite

    _rewrite(str(path), False)  # as a maintainer does after changing patterns
    rules = load_rules(str(path))
    assert check_text("The housemate has flu so Amy is at home", rules=rules).verdict != "ok"
    assert check_text("The housemate has flu so Amy is at home").verdict == "ok"
    assert [f.rule for f in check_text("Boiler's broken so Amy is at home", rules=rules).findings] == ["everyday_reason"]


def test_the_cue_words_miss_no_one():
    # A text with none of [reasons] cues skips the clause layer: it must read the same as with it.
    from refusal_log.wording.clauses import cued
    from refusal_log.wording.loading import _load
    from refusal_log.wording.engine import RULES_PATH

    full = _load.__wrapped__(RULES_PATH)
    full.reasons_cues = None  # no short cut: every text goes through the clause layer
    rules = load_rules()
    from refusal_log.wording.analysis import _Norm

    texts = [t for t, _ in CASES[::3] + INDEPENDENT[::3]]
    skipped = [t for t in texts if not cued(_Norm(t, rules).text, rules)][:150]
    assert len(skipped) > 100
    assert [check_text(t, rules=full).to_dict() for t in skipped] == [check_text(t).to_dict() for t in skipped]


@pytest.mark.parametrize("reason", [
    "Hello, Oscar has been really struggling this week and this morning he just couldn't face it. Thanks",
    "The party next door went on till 3 so she didn't sleep, she's staying home.",
])
def test_with_nothing_worded_no_tip_says_use_the_wording_only_if_true(reason):
    # The newcomer on round 149: a reading with no suggestion (the second reading took it away) ended with "use the
    # suggested wording only if it is true"; the same in a draft, sentence by sentence.
    honest = load_rules().hints["honest"]
    result = check_text(reason)
    assert result.suggestion is None and honest not in result.hints and result.hints
    for sentence in check_document(f"Dear Mrs Jones,\n\n{reason}\n\nThanks, Sarah").sentences:
        assert sentence.suggestion or honest not in sentence.hints


def test_whose_it_is_is_read_across_the_whole_draft():
    # "He" in the second sentence is the brother named in the first: his illness is never hers.
    doc = check_document("Dear Miss Jones,\n\nHer brother has flu. He was sick all night. She is staying home "
                         "today.\n\nThanks, Sarah")
    assert doc.verdict == "avoid" and doc.withheld
    assert not any(s.suggestion for s in doc.sentences)
    # The child's own illness in a later sentence is still hers.
    doc = check_document("Her brother had flu last week. She has it now and was sick all night.")
    assert doc.verdict == "ok"


@pytest.mark.parametrize("text, not_verdict", [
    # A letter's own words, and the school's question quoted in it, are not the parent's reason.
    ("I am writing to confirm what was said in our call.", "avoid"),
    ("We agreed a quiet room for break and lunch.", "avoid"),
    ("She said attendance below 90% is flagged and asked whether Maya was 'just not wanting to come in'.", "avoid"),
])
def test_letter_wording_is_not_taken_for_a_reason(text, not_verdict):
    result = check_text(text)
    assert result.verdict != not_verdict and not any(f.rule in ("kept_off", "other_reason") for f in result.findings)


@pytest.mark.parametrize("text", ["Keeping him home today, it was our call.", "She needs a break from school today."])
def test_the_same_ideas_said_as_the_reason_are_still_flagged(text):
    assert check_text(text).verdict == "avoid"
# --- round 8b: dev8a's classes, generalised ------------------------------------------------


# Rows from independent writers, each list from one round (see wording_cases.txt for how each
# was measured before it joined), with the fewest rows each must keep: every miss is listed at once.
ROUND_SETS = [
    ("INDEPENDENT_REASONS", 50),
    ("INDEPENDENT_ROUND8B", 20),
    ("INDEPENDENT_BLIND8", 80),
    ("INDEPENDENT_BLIND9_11", 280),
    ("INDEPENDENT_BLIND12_13", 190),
    ("INDEPENDENT_BLIND14_15", 180),
    ("INDEPENDENT_BLIND16", 130),
    ("INDEPENDENT_BLIND17", 135),
    ("INDEPENDENT_BLIND18", 140),
    ("INDEPENDENT_BLIND19", 140),
    ("INDEPENDENT_BLIND20_46", 3200),
    ("INDEPENDENT_BLIND50_80", 1500),
    ("INDEPENDENT_BLIND81_111", 1500),
    ("INDEPENDENT_BLIND112_142", 1500),
    ("INDEPENDENT_BLIND143_148", 280),
    ("INDEPENDENT_BLIND149_154", 280),
    ("INDEPENDENT_BLIND155_160", 280),
    ("INDEPENDENT_BLIND161_166", 290),
    ("INDEPENDENT_BLIND167_178", 580),
    ("INDEPENDENT_BLIND179_184", 290),
    ("INDEPENDENT_BLIND185_196", 570),
    ("INDEPENDENT_BLIND197_202", 280),
    ("INDEPENDENT_BLIND233_250", 850),
    ("INDEPENDENT_BLIND251_256", 280),
    ("INDEPENDENT_BLIND467_478", 1050),
    ("INDEPENDENT_BLIND479_484", 540),
    ("INDEPENDENT_BLIND485_490", 540),
    ("INDEPENDENT_BLIND491_496", 540),
    ("INDEPENDENT_BLIND497_502", 540),
    ("INDEPENDENT_BLIND503_508", 540),
    ("INDEPENDENT_BLIND509_514", 540),
    ("INDEPENDENT_BLIND515_520", 540),
    ("INDEPENDENT_BLIND521_526", 540),
    ("INDEPENDENT_BLIND533_538", 570),
    ("INDEPENDENT_BLIND539_544", 570),
    ("INDEPENDENT_BLIND545_550", 570),
    ("INDEPENDENT_BLIND551_556", 570),
    ("INDEPENDENT_BLIND557_562", 560),
    ("INDEPENDENT_BLIND563_568", 560),
    ("INDEPENDENT_BLIND575_580", 560),
    ("INDEPENDENT_BLIND569_574", 580),
    ("INDEPENDENT_BLIND581_586", 580),
    ("INDEPENDENT_BLIND587_592", 580),
    ("INDEPENDENT_BLIND593_598", 580),
    ("INDEPENDENT_BLIND599_604", 580),
    ("INDEPENDENT_BLIND605_610", 580),
    ("INDEPENDENT_BLIND611_616", 560),
    ("INDEPENDENT_BLIND617_622", 580),
    ("INDEPENDENT_BLIND623_628", 570),
    ("INDEPENDENT_BLIND629_634", 570),
    ("INDEPENDENT_BLIND635_640", 570),
    ("INDEPENDENT_BLIND641_646", 590),
    ("INDEPENDENT_BLIND647_652", 580),
    ("INDEPENDENT_BLIND653_658", 570),
    ("INDEPENDENT_BLIND659_664", 570),
    ("INDEPENDENT_BLIND665_670", 570),
    ("INDEPENDENT_BLIND671_676", 570),
    ("INDEPENDENT_BLIND677_682", 590),
    ("INDEPENDENT_BLIND683_688", 570),
    ("INDEPENDENT_BLIND689_694", 580),
    ("INDEPENDENT_BLIND695_700", 560),
    ("INDEPENDENT_BLIND701_706", 590),
    ("INDEPENDENT_BLIND707_712", 590),
    ("INDEPENDENT_BLIND713_718", 590),
    ("INDEPENDENT_BLIND719_724", 580),
    ("INDEPENDENT_BLIND725_730", 550),
    ("INDEPENDENT_BLIND731_736", 560),
    ("INDEPENDENT_BLIND737_742", 560),
    ("INDEPENDENT_BLIND743_748", 560),
    ("INDEPENDENT_BLIND749_754", 560),
    ("INDEPENDENT_BLIND755_760", 550),
    ("INDEPENDENT_BLIND761_766", 575),
    ("INDEPENDENT_BLIND767_772", 574),
    ("INDEPENDENT_BLIND773_778", 573),
    ("INDEPENDENT_BLIND779_784", 579),
    ("INDEPENDENT_BLIND785_790", 575),
    ("INDEPENDENT_BLIND791_796", 560),
    ("INDEPENDENT_BLIND797_802", 580),
    ("INDEPENDENT_BLIND803_808", 575),
    ("INDEPENDENT_BLIND809_814", 570),
    ("INDEPENDENT_BLIND815_820", 560),
    ("INDEPENDENT_BLIND821_826", 570),
    ("ROUND74_OWN_WORDS", 12),
    ("INDEPENDENT_BLIND827_832", 560),
    ("ROUND75_OWN_WORDS", 11),
    ("INDEPENDENT_BLIND833_838", 560),
    ("ROUND76_OWN_WORDS", 10),
    ("ROUND74_ATTACK", 9),
    ("INDEPENDENT_BLIND839_844", 570),
    ("ROUND77_OWN_WORDS", 10),
    ("ROUND76_ATTACK", 12),
    ("INDEPENDENT_BLIND845_850", 570),
    ("INDEPENDENT_BLIND851_856", 580),
    ("ROUND79_OWN_WORDS", 14),
    ("INDEPENDENT_BLIND857_862", 570),
    ("ROUND79_ATTACK", 36),
    ("INDEPENDENT_BLIND863_868", 570),
    ("ROUND80_ATTACK", 26),
    ("INDEPENDENT_BLIND869_874", 560),
    ("ROUND81_ATTACK", 16),
    ("INDEPENDENT_BLIND875_880", 570),
    ("ROUND82_ATTACK", 18),
    ("INDEPENDENT_BLIND881_886", 570),
    ("ROUND84_ATTACK", 8),
    ("INDEPENDENT_BLIND887_892", 578),
    ("INDEPENDENT_BLIND893_898", 579),
    ("ROUND85_ATTACK", 15),
    ("INDEPENDENT_BLIND899_904", 574),
    ("ROUND86_ATTACK", 12),
    ("INDEPENDENT_BLIND905_910", 560),
    ("ROUND87_ATTACK", 10),
    ("ROUND88_ATTACK", 9),
    ("INDEPENDENT_BLIND911_916", 579),
    ("INDEPENDENT_BLIND917_922", 586),
    ("INDEPENDENT_BLIND923_928", 582),
    ("ROUND89_ATTACK", 31),
    ("ROUND90_ATTACK", 15),
    ("INDEPENDENT_BLIND929_934", 579),
    ("ROUND90_NEWCOMER", 7),
    ("INDEPENDENT_BLIND935_940", 576),
    ("ROUND91_ATTACK", 13),
    ("INDEPENDENT_BLIND941_946", 574),
    ("INDEPENDENT_BLIND947_952", 576),
    ("INDEPENDENT_BLIND953_958", 571),
    ("ROUND95_OWN_WORDS", 14),
    ("INDEPENDENT_BLIND959_964", 584),
    ("ROUND95_ATTACK", 38),
    ("INDEPENDENT_BLIND965_970", 586),
    ("ROUND96_ATTACK", 27),
    ("INDEPENDENT_BLIND971_976", 582),
    ("ROUND97_ATTACK", 11),
    ("INDEPENDENT_BLIND977_982", 583),
    ("ROUND98_ATTACK", 11),
    ("INDEPENDENT_BLIND983_988", 580),
    ("ROUND100_ATTACK", 7),
    ("INDEPENDENT_BLIND989_994", 587),
    ("ROUND101_OWN_WORDS", 16),
    ("INDEPENDENT_BLIND995_1000", 587),
    ("ROUND102_OWN_WORDS", 14),
    ("ROUND101_ATTACK", 29),
    ("INDEPENDENT_BLIND1001_1006", 587),
    ("INDEPENDENT_BLIND1007_1012", 590),
    ("ROUND103_OWN_WORDS", 14),
    ("INDEPENDENT_BLIND1013_1018", 583),
    ("ROUND104_OWN_WORDS", 11),
    ("ROUND106_OWN_WORDS", 12),
    ("INDEPENDENT_BLIND1025_1030", 592),
    ("ROUND107_OWN_WORDS", 17),
    ("ROUND106_ATTACK", 19),
    ("INDEPENDENT_BLIND1031_1036", 580),
    ("ROUND108_OWN_WORDS", 12),
    ("INDEPENDENT_BLIND1037_1042", 585),
    ("ROUND107_ATTACK", 26),
    ("ROUND109_OWN_WORDS", 12),
    ("INDEPENDENT_BLIND1043_1048", 580),
    ("ROUND109_ATTACK", 10),
    ("ROUND110_OWN_WORDS", 9),
    ("INDEPENDENT_BLIND1049_1054", 586),
    ("ROUND111_OWN_WORDS", 14),
    ("INDEPENDENT_BLIND1055_1060", 584),
    ("ROUND112_OWN_WORDS", 10),
    ("INDEPENDENT_BLIND1061_1066", 589),
    ("ROUND111_ATTACK", 55),
    ("INDEPENDENT_BLIND1067_1072", 585),
    ("INDEPENDENT_BLIND1073_1078", 587),
    ("ROUND113_OWN_WORDS", 17),
    ("ROUND113_ATTACK", 46),
    ("INDEPENDENT_BLIND1079_1084", 588),
    ("INDEPENDENT_BLIND1085_1090", 586),
    ("ROUND114_OWN_WORDS", 17),
    ("INDEPENDENT_BLIND1091_1096", 587),
    ("ROUND114_ATTACK", 55),
    ("ROUND115_OWN_WORDS", 12),
    ("INDEPENDENT_BLIND1097_1102", 588),
    ("ROUND116_OWN_WORDS", 18),
    ("ROUND116_ATTACK", 66),
    ("INDEPENDENT_BLIND1103_1108", 591),
    ("ROUND117_OWN_WORDS", 14),
    ("ROUND117_ATTACK", 38),
    ("INDEPENDENT_BLIND1109_1114", 586),
    ("ROUND118_OWN_WORDS", 16),
    ("ROUND118_ATTACK", 25),
    ("INDEPENDENT_BLIND1115_1120", 592),
    ("ROUND119_OWN_WORDS", 10),
    ("INDEPENDENT_BLIND1121_1126", 589),
    ("ROUND120_OWN_WORDS", 9),
    ("INDEPENDENT_BLIND1127_1132", 581),
    ("ROUND121_OWN_WORDS", 12),
    ("INDEPENDENT_BLIND1133_1138", 592),
    ("ROUND122_OWN_WORDS", 14),
    ("INDEPENDENT_BLIND1139_1144", 590),
    ("ROUND123_OWN_WORDS", 12),
    ("ROUND122_ATTACK", 23),
    ("INDEPENDENT_BLIND1145_1150", 588),
    ("ROUND124_OWN_WORDS", 11),
    ("ROUND124_ATTACK", 16),
    ("INDEPENDENT_BLIND1151_1156", 594),
    ("ROUND125_OWN_WORDS", 13),
    ("INDEPENDENT_BLIND1157_1162", 593),
    ("ROUND126_OWN_WORDS", 15),
    ("INDEPENDENT_BLIND1163_1168", 590),
    ("ROUND127_OWN_WORDS", 10),
    ("INDEPENDENT_BLIND1169_1174", 587),
    ("ROUND128_OWN_WORDS", 9),
    ("INDEPENDENT_BLIND1175_1180", 588),
    ("ROUND129_OWN_WORDS", 10),
    ("INDEPENDENT_BLIND1181_1186", 591),
    ("ROUND130_OWN_WORDS", 12),
    ("INDEPENDENT_BLIND1187_1192", 591),
    ("ROUND131_OWN_WORDS", 12),
    ("INDEPENDENT_BLIND1193_1198", 593),
    ("ROUND132_OWN_WORDS", 8),
    ("INDEPENDENT_BLIND1199_1204", 581),
    ("ROUND133_OWN_WORDS", 15),
    ("INDEPENDENT_BLIND1205_1210", 574),
    ("ROUND134_OWN_WORDS", 16),
    ("INDEPENDENT_BLIND1211_1216", 578),
    ("ROUND135_OWN_WORDS", 16),
    ("INDEPENDENT_BLIND1217_1222", 582),
    ("ROUND136_OWN_WORDS", 15),
    ("INDEPENDENT_BLIND1223_1228", 582),
    ("ROUND137_OWN_WORDS", 15),
    ("INDEPENDENT_BLIND1229_1234", 580),
    ("ROUND138_OWN_WORDS", 12),
    ("INDEPENDENT_BLIND1235_1240", 593),
    ("ROUND139_OWN_WORDS", 18),
    ("INDEPENDENT_BLIND1241_1246", 586),
    ("ROUND140_OWN_WORDS", 15),
    ("ROUND139_ATTACK", 15),
    ("INDEPENDENT_BLIND1247_1252", 587),
    ("ROUND141_OWN_WORDS", 15),
    ("ROUND140_ATTACK", 12),
    ("ROUND141_NEWCOMER", 4),
    ("INDEPENDENT_BLIND1253_1258", 573),
    ("ROUND142_OWN_WORDS", 12),
    ("INDEPENDENT_BLIND1259_1264", 592),
    ("ROUND143_OWN_WORDS", 24),
    ("INDEPENDENT_BLIND1265_1270", 596),
    ("ROUND144_OWN_WORDS", 46),
    ("INDEPENDENT_BLIND1271_1276", 585),
    ("ROUND145_OWN_WORDS", 24),
    ("INDEPENDENT_BLIND1277_1282", 597),
    ("ROUND146_OWN_WORDS", 26),
    ("INDEPENDENT_BLIND1283_1288", 595),
    ("ROUND147_OWN_WORDS", 63),
    ("ROUND147_ATTACK", 30),
    ("INDEPENDENT_BLIND1289_1294", 590),
    ("ROUND148_OWN_WORDS", 33),
    ("ROUND148_ATTACK", 38),
    ("INDEPENDENT_BLIND1295_1300", 585),
    ("ROUND149_OWN_WORDS", 28),
    ("ROUND149_ATTACK", 36),
    ("INDEPENDENT_BLIND1301_1306", 575),
    ("ROUND150_OWN_WORDS", 17),
    ("ROUND150_ATTACK", 37),
    ("INDEPENDENT_BLIND1307_1312", 587),
    ("ROUND151_OWN_WORDS", 31),
    ("ROUND151_ATTACK", 55),
    ("INDEPENDENT_BLIND1313_1318", 581),
    ("ROUND152_OWN_WORDS", 22),
    ("INDEPENDENT_BLIND1319_1324", 592),
    ("ROUND153_OWN_WORDS", 19),
    ("ROUND152_ATTACK", 51),
    ("INDEPENDENT_BLIND1325_1330", 578),
    ("ROUND154_OWN_WORDS", 14),
    ("ROUND153_ATTACK", 64),
    ("INDEPENDENT_BLIND1331_1336", 589),
    ("ROUND155_OWN_WORDS", 34),
    ("INDEPENDENT_BLIND1337_1342", 586),
    ("ROUND156_OWN_WORDS", 35),
    ("ROUND155_ATTACK", 52),
    ("INDEPENDENT_BLIND1343_1348", 587),
    ("ROUND157_OWN_WORDS", 25),
    ("ROUND156_ATTACK", 53),
    ("INDEPENDENT_BLIND1349_1354", 584),
    ("ROUND158_OWN_WORDS", 14),
    ("ROUND158_ATTACK", 6),
    ("ROUND157_ATTACK", 21),
    ("INDEPENDENT_BLIND1355_1360", 588),
    ("ROUND159_OWN_WORDS", 22),
    ("INDEPENDENT_BLIND1361_1366", 590),
    ("ROUND160_OWN_WORDS", 15),
    ("ROUND159_ATTACK", 33),
    ("INDEPENDENT_BLIND1367_1372", 589),
    ("ROUND161_OWN_WORDS", 14),
    ("ROUND160_ATTACK", 35),
    ("INDEPENDENT_BLIND1373_1378", 593),
    ("ROUND162_OWN_WORDS", 15),
    ("ROUND161_ATTACK", 32),
    ("INDEPENDENT_BLIND1379_1384", 595),
    ("ROUND163_OWN_WORDS", 11),
    ("ROUND162_ATTACK", 25),
    ("INDEPENDENT_BLIND1385_1390", 594),
    ("ROUND164_OWN_WORDS", 8),
    ("ROUND163_ATTACK", 22),
    ("INDEPENDENT_BLIND1391_1396", 587),
    ("ROUND165_OWN_WORDS", 11),
    ("ROUND165_ATTACK", 5),
    ("INDEPENDENT_BLIND1397_1402", 585),
    ("ROUND166_OWN_WORDS", 24),
    ("INDEPENDENT_BLIND1403_1408", 588),
    ("ROUND167_OWN_WORDS", 21),
    ("INDEPENDENT_BLIND1409_1414", 584),
    ("ROUND168_OWN_WORDS", 20),
    ("ROUND167_ATTACK", 24),
    ("INDEPENDENT_BLIND1415_1420", 595),
    ("ROUND169_OWN_WORDS", 19),
    ("INDEPENDENT_BLIND1421_1426", 592),
    ("ROUND170_OWN_WORDS", 15),
    ("ROUND169_ATTACK", 25),
    ("ROUND170_NEWCOMER", 4),
    ("INDEPENDENT_BLIND1427_1432", 589),
    ("ROUND171_OWN_WORDS", 13),
    ("INDEPENDENT_BLIND1433_1438", 562),
    ("ROUND172_OWN_WORDS", 17),
    ("INDEPENDENT_BLIND1439_1444", 571),
    ("ROUND173_ATTACK", 14),
    ("ROUND173_OWN_WORDS", 10),
    ("INDEPENDENT_BLIND1445_1450", 577),
    ("ROUND174_OWN_WORDS", 14),
    ("INDEPENDENT_BLIND1451_1456", 570),
    ("ROUND175_OWN_WORDS", 9),
    ("ROUND175_ATTACK", 7),
    ("INDEPENDENT_BLIND1457_1462", 576),
    ("ROUND176_OWN_WORDS", 9),
    ("INDEPENDENT_BLIND1463_1468", 559),
    ("ROUND176_ATTACK", 6),
    ("ROUND177_OWN_WORDS", 3),
    ("INDEPENDENT_BLIND1469_1474", 582),
    ("ROUND178_OWN_WORDS", 11),
    ("ROUND178_ATTACK", 18),
    ("INDEPENDENT_BLIND1475_1480", 573),
    ("ROUND179_OWN_WORDS", 9),
    ("ROUND179_ATTACK", 10),
    ("INDEPENDENT_BLIND1481_1486", 571),
    ("ROUND180_OWN_WORDS", 5),
    ("ROUND180_ATTACK", 6),
    ("INDEPENDENT_BLIND1487_1492", 564),
    ("ROUND181_OWN_WORDS", 1),
    ("INDEPENDENT_BLIND1493_1498", 578),
    ("ROUND182_OWN_WORDS", 23),
    ("INDEPENDENT_BLIND1499_1504", 576),
    ("ROUND182_ATTACK", 24),
    ("ROUND183_OWN_WORDS", 15),
    ("INDEPENDENT_BLIND1505_1510", 573),
    ("ROUND183_ATTACK", 18),
    ("INDEPENDENT_BLIND1511_1516", 569),
    ("ROUND183_LAST", 2),
    ("INDEPENDENT_BLIND1517_1522", 570),
    ("INDEPENDENT_BLIND1523_1528", 567),
    ("INDEPENDENT_BLIND1529_1534", 568),
    ("INDEPENDENT_BLIND1535_1540", 570),
    ("INDEPENDENT_BLIND1541_1546", 577),
    ("INDEPENDENT_BLIND1547_1552", 589),
    ("INDEPENDENT_BLIND1553_1558", 589),
    ("INDEPENDENT_BLIND1559_1564", 580),
    ("INDEPENDENT_BLIND1565_1570", 587),
    ("INDEPENDENT_BLIND1571_1576", 565),
    ("INDEPENDENT_BLIND1019_1024", 558),
    ("ROUND103_ATTACK", 24),
    ("ROUND78_OWN_WORDS", 8),
    ("ROUND78_ATTACK", 14),
    ("INDEPENDENT_ROUND9B", 10),
    ("INDEPENDENT_ROUND10B", 20),
]
# The newest independent set, checked whole on every run: the rules' latest edges.
NEWEST_SETS = ("INDEPENDENT_BLIND1571_1576",)
# The older big sets are sampled: a 128th of each (the same rows every run), unless `--full-table` asks for
# every row, as it should after any edit to rules.toml (the whole table is about 102,000 rows and would be most of the
# suite's time; each older set has held for many rounds). An older short list (a round's own words or its attacker's
# finds, about 3,300 rows in all) is checked every fourth row: the newest round's lists and set are checked whole.
OLDER_SAMPLE = 128
OLDER_SHORT_SAMPLE = 4
NEWEST_SHORT = ("ROUND183_LAST", "ROUND183_ATTACK", "ROUND183_OWN_WORDS", "ROUND182_ATTACK")


def _round_misses(names, pick):
    import wording_cases

    return [(name, text, allowed, verdict) for name in names for text, allowed in pick(getattr(wording_cases, name))
            if (verdict := check_text(text).verdict) not in allowed]


def test_every_round_of_independent_rows_is_kept_whole():
    import wording_cases

    assert not [(name, len(getattr(wording_cases, name)), at_least) for name, at_least in ROUND_SETS
                if len(getattr(wording_cases, name)) < at_least]
    assert set(NEWEST_SETS) <= {name for name, _ in ROUND_SETS}


@pytest.mark.parametrize("part", range(3))  # in parts, so that the parallel run shares the rows out
def test_the_newest_rounds_of_independent_rows_keep_their_verdicts(part):
    assert not _round_misses(NEWEST_SETS, lambda rows: rows[part::3])


@pytest.mark.parametrize("part", range(6))
def test_the_older_rounds_of_independent_rows_keep_their_verdicts(part, full_table):
    names = [name for name, _ in ROUND_SETS if name not in NEWEST_SETS + NEWEST_SHORT][part::6]
    assert not _round_misses(names, lambda rows: rows if full_table else rows[::OLDER_SAMPLE] if len(rows) >= 200
                             else rows[::OLDER_SHORT_SAMPLE])


def test_the_newest_short_lists_are_checked_whole():
    assert set(NEWEST_SHORT) <= {name for name, _ in ROUND_SETS}
    assert not _round_misses(NEWEST_SHORT, lambda rows: rows)


def test_mental_health_words_alone_ask_for_more_and_keep_the_parents_words():
    # Round 10b: the writers label these caution; the suggestion keeps the parent's own word.
    result = check_text("Erin's anxiety was really bad this morning.")
    assert result.verdict == "caution" and [f.rule for f in result.findings] == ["mental_health_named"]
    assert result.suggestion == "Erin is too unwell to attend school this morning (anxiety)."
    assert check_text(result.suggestion).verdict == "ok"
    # Another finding already asks for more: the mental-health one is not added beside it.
    assert [f.rule for f in check_text("Ellie has anxiety and is school refusing.").findings] == ["refusal"]


def test_the_school_asking_to_keep_the_child_home_is_never_the_parents_decision():
    result = check_text("Mr Singh rang and asked us to keep Jayden at home tomorrow while they look into it.")
    assert result.verdict == "caution" and [f.rule for f in result.findings] == ["informal_exclusion"]
    assert result.suggestion is None and any("in writing" in h or "email" in h for h in result.hints)


def test_a_draft_that_states_the_illness_elsewhere_needs_nothing_more_for_her_anxiety():
    from refusal_log.wording import check_document

    assert check_document("Not in today. She has a temperature of 39. Her anxiety is bad too.").verdict == "ok"
    doc = check_document("Dear Mrs Smith,\n\nErin's anxiety was really bad this morning.\n\nKind regards, Jo")
    assert doc.verdict == "caution" and doc.sentences[1].suggestion == (
        "Erin is too unwell to attend school this morning (anxiety).")



@pytest.mark.parametrize("text,verdict", [
    # Round 17: an infinitive "to say" has the clause's subject as its speaker, the parent when
    # none is named.
    ("Just to say she refuses to go.", "avoid"),
    ("I'm writing to say he won't go in today.", "avoid"),
    ("The school rang to say he's refusing.", "caution"),
    ("Mrs Patel rang to say Maya was refusing.", "caution"),
    ("Just to say he's ill today, sorry.", "ok"),
])
def test_to_say_belongs_to_whoever_is_saying_it(text, verdict):
    assert check_text(text).verdict == verdict


def test_a_later_block_can_cancel_a_rule_from_the_text_after_its_hit():
    # Round 17: [statements.more.unless_after] narrows an older rule from a later block.
    assert check_text("Grace has chickenpox. Keeping her off until they've crusted over, like the NHS says.").verdict == "ok"
    assert check_text("Keeping her off until she feels better.").verdict == "avoid"


def test_a_later_block_naming_an_unknown_rule_is_refused(tmp_path):
    from refusal_log.wording.engine import RULES_PATH
    from refusal_log.wording.loading import _load

    text = open(RULES_PATH, encoding="utf-8").read().replace(
        "[statements.more.unless_after]\n", "[statements.more.unless_after]\nno_such_rule = ['x']\n", 1)
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="names no rule 'no_such_rule'"):
        _load.__wrapped__(str(path))


@pytest.mark.parametrize("answer, told", [
    ("no", "says nothing is wrong"), ("No, he is not ill", "says nothing is wrong"), ("nothing", "says nothing is wrong"),
    ("he's fine", "says nothing is wrong"), ("n", "says nothing is wrong"),
    # Not knowing is not "nothing is wrong" (the newcomer's find: the message put words in the parent's mouth),
    # and an answer that opens with it fills nothing ("dunno really, he is just upset" was logged as illness).
    ("not sure", "not sure what is wrong"), ("Dunno", "not sure what is wrong"),
    ("dunno really, he is just upset", "not sure what is wrong"),
])
def test_a_gap_is_never_filled_with_an_answer_that_nothing_is_wrong(answer, told):
    from refusal_log.errors import InvalidInput
    from refusal_log.wording import fill_gap

    with pytest.raises(InvalidInput, match=told):
        fill_gap("Sam is too unwell to attend school today ([what is wrong]).", answer)
    assert fill_gap("Sam is too unwell to attend school today ([what is wrong]).", "a migraine") \
        == "Sam is too unwell to attend school today (a migraine)."
    assert fill_gap("Sam is too unwell to attend school today ([what is wrong]).", "nausea") \
        == "Sam is too unwell to attend school today (nausea)."


def test_a_mistake_in_an_edited_rules_file_is_named_plainly(tmp_path):
    from refusal_log.errors import RefusalLogError
    from refusal_log.wording.engine import RULES_PATH

    bad = tmp_path / "rules.toml"
    bad.write_text(open(RULES_PATH, encoding="utf-8").read().replace(
        'id = "mental_health_day"\nseverity = "caution"', 'id = "mental_health_day"\nseverity = "cautoin"', 1),
        encoding="utf-8")
    with pytest.raises(RefusalLogError, match="has a mistake, so the check cannot run: .*unknown severity"):
        load_rules(str(bad))


def test_the_trigger_index_finds_exactly_the_rules_their_triggers_find():
    """A batch of checks finds each text's rules through an index of their triggers (index.py,
    TriggerIndex); it must find exactly the rules, health words and statement frames that testing
    every trigger would."""
    from refusal_log.wording.index import TriggerIndex
    from refusal_log.wording.loading import _load
    from refusal_log.wording.statements import _frames
    from refusal_log.wording.verdict import _Norm

    rules = _load.__wrapped__(RULES_PATH_FOR_TESTS())
    frames = _frames(rules)
    texts = [text for text, _ in CASES[::17]] + ["", "a", "ill", "Hi Jack wont be in today sorry"]
    for objects, present in ((rules.rules, lambda o, n: o.present(n)),
                             ([rx for _, rx in rules.health], lambda o, n: o.present(n)),
                             (frames, lambda o, n: not o.triggers or any(t in n for t in o.triggers))):
        index = TriggerIndex(objects)
        first = "the first text builds nothing"
        assert index.live(first) == {i for i, o in enumerate(objects) if present(o, first)}
        assert index.by_gram is None
        for text in texts:
            n = _Norm(text, rules).text if text else text
            assert index.live(n) == {i for i, o in enumerate(objects) if present(o, n)}, text



def test_a_long_pattern_split_by_alternative_finds_what_the_whole_pattern_finds():
    """The patterns searched in nearly every text ([health] family_emergency, everyday_cause...) are split into their
    alternatives for a batch (triggers.Sought): the first match must be the whole pattern's, place and words."""
    from refusal_log.wording.loading import _load
    from refusal_log.wording.verdict import _Norm

    rules = _load.__wrapped__(RULES_PATH_FOR_TESTS())
    texts = [_Norm(text, rules).text for text, _ in CASES[::3] + INDEPENDENT[::2]]
    for name in ("late_arrival", "kept_up", "bereavement", "family_emergency", "everyday"):
        sought = getattr(rules, name)
        for text in texts[:sought._SPLIT_FROM]:
            sought.search(text)
        assert sought.index is not None and len(sought.parts) > 3, name  # split once a batch is under way
        for text in texts:
            whole, split = sought.rx.search(text), sought.search(text)
            assert (whole and (whole.span(), whole.group())) == (split and (split.span(), split.group())), (name, text)


@pytest.mark.parametrize(("text", "kind"), [
    ("Taking Zayn to get his Eid clothes today while the shops are quiet.", "other"),  # the newcomer on round 146
    ("Zayn is off today for Eid.", "religious"),
    ("Hamza is fasting for Ramadan but that's NOT why he's at home, he's got a proper cold and was 38.2 this morning.",
     "illness"),
])
def test_shopping_for_a_festival_is_no_religious_observance(text, kind):
    from refusal_log.wording.absence_types import infer_absence_type

    assert infer_absence_type(text) == kind


@pytest.mark.parametrize("text", ["Kian keeps saying he's going to be sick but nothing's come up.",
                                  "Kian says he's going to be sick.", "He says he's going to throw up."])
def test_being_sick_foretold_in_the_childs_words_is_never_worded_as_sickness(text):
    # The newcomer on round 146: "keeps saying he's going to be sick but nothing's come up" was worded "too unwell to
    # attend school (sick)", and "says he's going to be sick" read ok.
    from refusal_log.wording.absence_types import infer_absence_type

    result = check_text(text)
    assert result.verdict == "caution" and "[what is wrong]" in result.suggestion and "(sick)" not in result.suggestion
    assert infer_absence_type(text) == "other"  # no illness stated, so no email asks for code I (the newcomer on 147)


@pytest.mark.parametrize("text", [
    "The office told me not to send Ollie back until we've had the meeting about his behaviour.",
    "The head has sent Ollie home until the meeting about his behaviour.",
])
def test_the_school_keeping_the_child_out_is_never_read_as_someone_elses_words_about_the_reason(text):
    # The newcomer on round 147: read as someone else's words, with a tip to make the parent's own reason an illness.
    result = check_text(text)
    assert result.verdict == "caution" and [f.rule for f in result.findings] == ["informal_exclusion"]
    assert result.findings[0].why.startswith("The school asked you") and result.suggestion is None


def test_a_name_with_a_sign_in_it_is_still_the_one_kept_home_for_someone_elses_bug():
    # The attacker on round 146: the quick look for "my son has a bug so NAME is staying home" read a name of plain
    # letters only, so "Zo\u00a8e" (a spacing diaeresis) was worded "too unwell (bug)".
    for name in ("Zo\u00a8e", "Ella", "D'Arcy"):
        assert check_text(f"My son has a bug so {name} is staying home.", child=name).suggestion is None, name


def test_a_night_kept_awake_by_fireworks_is_not_worded_as_illness():
    result = check_text("Off today, she hasn't slept a wink because of the neighbours' fireworks.")
    assert result.verdict == "caution" and result.suggestion is None  # was "too unwell to attend school (hasn't slept)"


@pytest.mark.parametrize("answer", ["he is just upset", "just tired", "she's just fed up"])
def test_a_gap_is_not_filled_with_a_feeling_made_small(answer):
    from refusal_log.wording import InvalidUnclear, fill_gap

    with pytest.raises(InvalidUnclear, match="does not say what is wrong"):
        fill_gap("Sam is too unwell to attend school today ([what is wrong]).", answer)
    assert fill_gap("Sam is too unwell to attend school today ([what is wrong]).", "very upset and being sick") \
        == "Sam is too unwell to attend school today (very upset and being sick)."


def test_a_reason_about_another_named_child_is_never_worded_as_the_logged_childs():
    # The newcomer on round 79: logged for Mia, "Sam can't face school tomorrow, he's got a migraine" is Sam's migraine,
    # never "Mia is too unwell (migraine)", and not an illness absence for Mia.
    from refusal_log.wording.absence_types import infer_absence_type

    for text in ("Sam can't face school tomorrow, he's got a migraine", "Sam is refusing today, he has a migraine"):
        result = check_text(text, child="Mia")
        assert result.suggestion is None and result.withheld, result
        assert infer_absence_type(text, child="Mia") == "other"
    # Mia named, or nobody named: hers, and by her name rather than "My child".
    assert check_text("Mia has a migraine", child="Mia").verdict == "ok"
    assert check_text("refusing today", child="Mia").suggestion.startswith("Mia is too unwell to attend school today")
    # The attacker on round 143: another child named anywhere (not a teacher, not a name signing off), the logged
    # child never named: nothing is worded as the logged child's illness.
    for text in ("We've decided not to send Noor in, she was up coughing most of the night.",
                 "Hamza told his big sister he was going to be sick on the way to the gate, so they both came back home.",
                 "Ollie reckons he's got a bad tummy, he's at home."):
        result = check_text(text, child="Mia")
        assert result.suggestion is None and result.withheld, (text, result)
    for text in ("She is in a state and won't go. Thanks, Laura", "Mrs Morgan says she is refusing, she was in a state."):
        assert check_text(text, child="Mia").suggestion.startswith("Mia is too unwell"), text
    # The attacker on round 145: in lower case, in capitals, or with the logged child only signing off, the other child
    # is still the one kept home; a name that is also a word, a parent or a friend named elsewhere is not.
    for text in ("We've decided not to send noor in, she was up coughing", "keeping NOOR off, she's got a migraine",
                 "We've decided not to send Noor in, she was up coughing - Mia's mum"):
        result = check_text(text, child="Mia")
        assert result.suggestion is None and result.withheld, (text, result)
    from refusal_log.wording import illness_ruled_out

    for text in ("Fever of 39. Will let you know if she's better by Wednesday", "She has a fever, her dad Omar is with her",
                 "She has tonsillitis, her sister Noor is in school"):
        assert not illness_ruled_out(text, child="Mia"), text


def test_an_answer_about_someone_else_by_name_fills_no_gap_for_the_child():
    # The newcomer on round 80: at Mia's gate, "Sam has a cold" was logged as "Mia is too unwell ... (Sam has a cold)".
    from refusal_log.wording import InvalidUnclear, fill_gap

    gap = "Mia is too unwell to attend school today ([what is wrong])."
    for answer in ("Sam has a cold", "Sam's got the flu", "her brother has flu"):
        with pytest.raises(InvalidUnclear):
            fill_gap(gap, answer, child="Mia")
    assert fill_gap(gap, "a cold", child="Mia") == "Mia is too unwell to attend school today (a cold)."


def test_he_and_she_in_one_reason_never_word_an_illness_for_the_logged_child():
    # The attacker on round 81: logged for Mia, "he's got a migraine, so she's staying home with him" was worded "Mia is
    # too unwell (migraine)". With he and she both, or another child named and Mia not, nothing is worded.
    for text in ("He can't face school, he's got a migraine, so she's staying home with him",
                 "he has a temperature so I'm keeping her at home with him",
                 "Sam won't go in, he's got a cold; she's fine",
                 "Sam can't face school, he's got a migraine too"):
        result = check_text(text, child="Mia")
        assert result.suggestion is None and result.withheld, (text, result)
    # A name signing off, a teacher named, or a brother who is fine is not a second child ill (the attacker on round 82).
    for text in ("She has a cold. Thanks, Laura", "Hi Mrs Morgan, she has a cold",
                 "She has a cold, her brother is fine and he's in school"):
        assert check_text(text, child="Mia").suggestion == "Mia is too unwell to attend school (a cold).", text
    # The child's middle name, or her name typed without its accent, is her (the attacker on round 82).
    assert check_text("Rose has been sick three times since midnight.", child="Mia Rose").verdict == "ok"
    assert check_text("Siobhan has tonsillitis and a high temperature.", child="Siobh\u00e1n").verdict == "ok"
    # One child, called "she" only: worded with her name.
    assert check_text("she's refusing today, she has a migraine", child="Mia").suggestion == \
        "Mia is too unwell to attend school today (migraine)."


def test_a_second_child_home_because_of_the_first_is_read_for_the_child_logged():
    # Round 125 (the short attacker on round 124, blind1154, blind1155): the ill child's log keeps their own illness; the
    # well one's log reads the absence as the family's (avoid, nothing worded); a brother's or sister's own staying home
    # beside the child's appointment is not the child's decision, and their temperature is never the child's.
    for text, ill, well in [("Jack's got a bug so Ella is staying home too", "Jack", "Ella"),
                            ("Oscar has chickenpox so his sister Lily is off too.", "Oscar", "Lily"),
                            ("Twins are off - Ruby has a temperature, and Jess is keeping her company.", "Ruby", "Jess")]:
        result = check_text(text, child=well)
        assert result.verdict == "avoid" and result.suggestion is None and result.withheld, (text, result)
        result = check_text(text, child=ill)
        assert result.verdict != "avoid" and (result.suggestion or ill).startswith(ill), (text, result)
    # Round 126 (the attacker and the newcomer on round 125): names with accents, in lower or upper case, a hyphen, or
    # the other order; and nothing worded for either child when no child is given.
    for text in ("Seán's got a bug so Ella is staying home too", "jack's got a bug so ella is staying home too",
                 "JACK'S GOT A BUG SO ELLA IS STAYING HOME TOO", "Mary-Jane has a bug so Ella is staying home too",
                 "Ella is staying home too because Jack's got a bug"):
        for child in ("Ella", None):
            result = check_text(text, child=child)
            assert result.verdict == "avoid" and result.suggestion is None, (text, child, result)
    assert check_text("Zoë's got a bug so Chloé is staying home too", child="Chloe Brown").suggestion is None
    # Round 127 (the attacker on round 126): without "too", a name the lists lack at a sentence's start, a name with an
    # accent, a brother off last week "and now" the child home, "his sister" for the second child.
    for text in ("Seán's got a bug so Ella is staying home", "Zoë has chickenpox so Ella won't be in",
                 "Łucja has flu so I'm keeping Ella at home", "Mary-Jane has flu so I'm keeping Ella at home",
                 "Jack was off last week with a bug and now Ella is staying home"):
        result = check_text(text, child="Ella")
        assert result.verdict != "ok" and result.suggestion is None, (text, result)
    assert check_text("Jack had a bug and now Ella has it", child="Ella").verdict == "ok"  # her own
    # Round 128 (the short attacker on round 127): a Polish letter in the sister's name; "my baby girl" is the child.
    assert check_text("Ella's sister Łucja has flu so Ella is staying home", child="Ella").suggestion is None
    assert check_text("My baby girl has flu so I'm keeping her home").verdict != "avoid"
    # Round 129: a son's illness, and the child named only as the one at home, with or without the child given.
    for child in ("Ella", None):
        assert check_text("My son has a bug so Ella is staying home", child=child).suggestion is None, child
    assert check_text("Ella has flu so she is staying home.").suggestion == "Ella is too unwell to attend school (flu)."
    # ...never the child's own illness told without a subject ("Streaming cold so Ella is staying home today").
    for text in ("Streaming cold so Ella is staying home today", "Jack and Ella both have flu so Ella is staying home"):
        assert "Ella is too unwell" in (check_text(text, child="Ella").suggestion or ""), text
    # The short attacker on round 129: other illness words, other endings, the other gender, and a long text stays fast.
    for text in ("My son has flu so she is staying home", "My son has norovirus so Ella is staying home",
                 "My son has a chest infection so we are keeping Ella home", "My son has a bug so Ella and I are staying home",
                 "Morning. Apologies. My son has a bug so Ella is staying home"):
        assert check_text(text, child="Ella").suggestion is None, text
    result = check_text("My son has a bug so his sister will be off too")
    assert result.verdict == "avoid" and result.suggestion is None, result
    # Refusal weighed above illness is never worded as illness, in the parent's words or echoing the school's.
    for text in ("It's more refusal than illness", "Ella is more refusing than ill",
                 "As you said yesterday, it's more refusal than illness"):
        result = check_text(text, child="Ella")
        assert result.verdict == "avoid" and result.suggestion is None and result.withheld, (text, result)
    result = check_text("Mo has an appointment at 10.30, I'll bring him in after. Safa is staying home, she's got a "
                        "streaming cold and a temperature.", child="Mo")
    assert result.suggestion is None, result
    result = check_text("Mo has a dentist appointment at 10.30. His sister Safa has a cold and a temperature so she is "
                        "staying home.")
    assert result.verdict == "ok" and result.suggestion is None, result
    result = check_text("Mo has a dentist appointment at 10.30, I'll bring him in after. His sister Safa is staying "
                        "home, she's got a streaming cold and a temperature.")
    assert result.verdict == "ok" and result.suggestion is None, result


def test_an_illness_named_plainly_is_an_illness_and_being_sick_is_not_worry():
    # Round 126 (the attacker and the newcomer on round 125): serious and less common illnesses asked for an illness to be
    # named, or read a rest beside them as a rest day; "she was sick before school" was read as worry about school and
    # worded "(anxiety)", which the parent never said.
    for illness in ("leukaemia", "a brain tumour", "a heart condition", "kidney disease", "anaemia", "shingles",
                    "coeliac disease", "cellulitis", "scabies", "threadworms", "a hernia"):
        result = check_text(f"She has {illness} and won't be in today.")
        assert result.verdict == "ok", (illness, result)
    assert check_text("Keeping her home for a rest, she's exhausted, she has leukaemia").verdict != "avoid"
    for text in ("She was sick before school", "She is too unwell to attend school (she was sick before school)"):
        result = check_text(text)
        assert result.verdict == "ok" and "anxiety" not in (result.suggestion or ""), result
    assert check_text("She feels sick about going back after the exclusion").verdict == "caution"


def test_a_day_that_dates_the_cause_is_not_put_in_the_suggestion():
    # blind880: "yesterday" dated the teacher's shouting, not the absence; the suggestion said "too anxious to attend
    # school yesterday".
    result = check_text("He's too anxious to come in because his teacher shouted at him in front of the whole class "
                        "yesterday.")
    assert result.suggestion == "He is too anxious to attend school."


def test_round_101_and_102_suggestions_name_the_child_and_claim_nothing_unsaid():
    # A word opening the sentence is not the child ("Bad", "Dodgy", "Says"); a classmate telling others is not the child.
    for text, subject in [
        ("Bad tummy ache this morning, which always starts when those boys in his class have been at him. He's off.", "He"),
        ("Dodgy tummy. He's staying home.", "He"),
        ("Says she's got a headache, so she's off today.", "She"),
        ("Chloe told everyone Millie was skiving. She has a cold.", "Millie"),
    ]:
        result = check_text(text)
        assert result.suggestion and result.suggestion.split()[0] == subject, (text, result.suggestion)
    # The feeling made small asks what is wrong, keeping the feelings named (the newcomer on round 103).
    small = check_text("Owen is just upset today, he couldn't stop crying")
    assert small.suggestion == "Owen is too unwell to attend school today (upset, couldn't stop crying, [what is wrong])."
    # Fine today after yesterday's sickness: nothing says "too unwell today".
    fine = check_text("he vomit 3 time yesterday, today he fine, stay home")
    assert fine.suggestion is None and fine.withheld


def test_round_130_things_and_places_are_not_children_and_the_leave_named_first_is_granted():
    # A thing opening the message was taken for the child's name ("Oven is too unwell to attend school").
    for text in ("Oven's broken and the house is freezing, honestly. Not sending them in.",
                 "Forecast says snow tomorrow so he's staying home", "Swimming's first lesson and he gets in a state"):
        suggestion = check_text(text).suggestion or ""
        assert not suggestion.startswith(("Oven", "Forecast", "Swimming")), (text, suggestion)
    # A town after "in" is no child: the hospital is the parent's, for their own appointment.
    assert check_text("Ayesha come with me today to hospital for my appointment in Manchester, "
                      "nobody can look after her.").verdict == "avoid"
    # "..., the leave the head approved": the leave is the child's, named before the head who granted it.
    assert check_text("Libby is away for her grandad's funeral, the leave the head approved in the letter.").verdict == "ok"
    # A fever in degrees is the child's; the weather's is not.
    assert check_text("Daisy was 39 degrees this morning and all floppy, she won't be in.").verdict == "ok"
    weather = check_text("It was 39 degrees in Lanzarote, back Tuesday so he won't be in Monday.")
    assert weather.verdict != "ok" and weather.suggestion is None, weather
    # "Probably nothing but" before a seizure and a specialist is modesty; the suggestion is kept.
    seizure = check_text("Probably nothing but Sam had a seizure last night and his neurologist wants him kept off.")
    assert seizure.verdict == "ok" and not seizure.withheld


def test_the_attack_on_round_130_never_words_a_thing_or_a_stranger_as_the_child():
    # Capitals that say nothing are read as lower case; the findings still quote the parent's words as written.
    shouted = check_text("SAM'S GOT A MIGRAINE AND MIA WON'T GO WITHOUT HIM", child="Mia")
    assert shouted.suggestion is None and shouted.withheld, shouted
    assert all(f.matched.isupper() for f in shouted.findings), shouted.findings
    assert check_text("My Son Has A Migraine, Keeping Him Home").suggestion == \
        "My son is too unwell to attend school (migraine)."
    # A capitalised word that is no name we know is a thing or someone else: with an illness, nothing is worded for it.
    assert check_text("Himself has flu so I can't get her in").suggestion is None
    assert check_text("Cat's poorly, keeping him home").suggestion is None
    assert check_text("Kettle's broken, keeping her home", child="Ella").suggestion is None  # the house, withheld
    # A name we know keeps its place, and a rare one the lists now hold.
    assert check_text("Poppy has flu, staying home").suggestion == "Poppy is too unwell to attend school (flu)."
    assert check_text("Bohdan has flu, staying home").suggestion == "Bohdan is too unwell to attend school (flu)."
    # The child's own appointment, named after the parent's "I have".
    assert check_text("I have a hospital appointment for Ella at 10").verdict == "ok"
    # The illness called a cover, the house, the weather: nothing is worded as illness.
    for text in ("He's got a cold (not really, it's the boys in his class)", "Heating's packed in, he's staying home",
                 "Rain's so heavy, keeping him home", "Tesco delivery didn't come so keeping her home"):
        assert check_text(text).suggestion is None, text
    # A daughter in hospital and another child no one can take in: the family's emergency, never Sam's illness.
    emergency = check_text("My daughter is in hospital and I have no one to take Sam in", child="Sam")
    assert emergency.verdict == "caution" and emergency.suggestion is None


def test_the_attack_on_a3fbb35_a_family_word_or_a_stranger_is_not_the_logged_child():
    # With the child given, a capitalised word that is no name we know, told ill, is someone else: nothing is worded.
    for text in ("Keeping her off, Dada has a migraine", "Keeping her home today. Abba has covid.",
                 "Lou has a migraine, staying home"):
        result = check_text(text, child="Ella")
        assert result.suggestion is None and result.withheld, (text, result)
    # A flexi day "as per the agreement" with "will not be in" between is still the agreed day.
    assert check_text("Jess's flexi-school day is Friday so she won't be in tomorrow, as per the agreement we signed "
                      "in September.").verdict == "ok"


def test_a_brothers_appointment_named_with_the_childs_name_is_his():
    # The attacker on a3fbb35: "Hospital appointment for Ella's brother at 10" read ok, and the draft asked for code M.
    for text in ("Hospital appointment for Ella's brother at 10", "Dentist appointment for Ella's sister this morning"):
        result = check_text(text, child="Ella")
        assert result.verdict != "ok" and result.suggestion is None, (text, result)
    assert check_text("Hospital appointment for Ella at 10", child="Ella").verdict == "ok"


def test_in_capitals_someone_we_do_not_know_by_name_told_ill_is_never_the_child():
    # The short attacker on 94b0a60: read as lower case, "BISCUIT" and "Tad" lost the capital that marked them as
    # someone else, so their illness was worded for Ella.
    for text in ("Ella Won't Go In, Biscuit Is Sick", "ELLA WON'T GO, BISCUIT HAS BEEN VOMITING",
                 "Ella Is Refusing, Tad Has A Migraine"):
        result = check_text(text, child="Ella")
        assert result.suggestion is None and result.withheld, (text, result)
    # The child's own illness in capitals keeps its wording, and so does her own tummy.
    assert check_text("Ella Has A Temperature And Won't Go In", child="Ella").suggestion == \
        "Ella is too unwell to attend school (temperature)."
    assert check_text("ELLA'S TUMMY IS BAD, STAYING HOME", child="Ella").suggestion


def test_half_in_capitals_a_lower_case_brother_told_ill_is_not_the_child():
    # The short attacker on 94b0a60: the lower-case name after a shouted half was not read as a name, so Josh's flu was
    # worded for Ella.
    for text in ("ELLA IS STAYING HOME, josh has flu", "Ella Is Refusing Because alfie has a fever"):
        result = check_text(text, child="Ella")
        assert result.suggestion is None and result.withheld, (text, result)
    # Her own illness, half shouted, keeps its wording; an acronym is not shouting.
    assert check_text("ELLA IS STAYING HOME, she has a temperature", child="Ella").suggestion == \
        "Ella is too unwell to attend school (temperature)."
    assert check_text("Zainab has a GP appointment at 10, back by lunch", child="Zainab").verdict == "ok"


def test_a_relative_or_pet_with_no_my_or_her_before_them_is_someone_else():
    # The attacker on a3fbb35: each of these, beside "keeping her off", was worded as the child's illness.
    for text in ("Keeping her off, stepbrother has flu", "Keeping her off, OH has flu", "Keeping her off, dog's poorly",
                 "Keeping Ella off today. Bhaiya has flu.", "Keeping her home today, Mamgu has covid",
                 "Keeping her off, rest of the house has the bug"):
        result = check_text(text, child="Ella")
        assert result.suggestion is None and result.verdict != "ok", (text, result)


def test_an_accented_name_in_lower_case_or_capitals_is_still_someone_else():
    # The attacker on a68436e: "zoë", "siobhán", "oisín" were not read as names once lowered, so their illness was
    # worded for Mia.
    for text in ("mia is staying home as zoë has norovirus", "MIA IS STAYING HOME, siobhán has flu",
                 "MIA IS STAYING HOME, oisín has flu", "Reason: Mamgu has covid"):
        result = check_text(text, child="Mia")
        assert result.suggestion is None and result.withheld, (text, result)


def test_again_after_a_return_is_not_the_absence_happening_again():
    # The newcomer on a68436e: "IS HOME AGAIN" after a panic attack at the gate was drafted "too unwell to attend school
    # again"; "well again" is withheld (the parent says the child is well).
    assert check_text("ELLA HAD A PANIC ATTACK AT THE GATE AND IS HOME AGAIN").suggestion == \
        "Ella is too unwell to attend school (panic attack)."
    assert check_text("She's well again but I kept her home anyway").suggestion is None
    assert check_text("Keeping her off again, she has a migraine").suggestion == \
        "She is too unwell to attend school again (migraine)."


def test_the_attacker_on_5ac8e86_someone_elses_illness_or_a_trip_is_never_worded_as_the_childs():
    for text in ("Sam is staying home, stepbro has chickenpox and we're waiting to see if he gets it.",
                 "Sam is staying off. MIL has covid and she lives with us.", "Sam is staying home, everyone else has covid.",
                 "It's a beautiful day so we're off to the beach, Sam's got a tiny bit of a cough.",
                 "Sam is off. The cockapoo has been sick all night."):
        result = check_text(text)
        assert result.suggestion is None and result.verdict != "ok", (text, result)
    # ...and a plainly ill child is not told "avoid" for words in another sense.
    for text in ("I checked and there's no sign of a rash, thank goodness, but he has a fever of 40 and has been sick.",
                 "Sam broke his leg and is in a full cast, and his wheelchair won't go through the doors of the science block.",
                 "Maya has a fever of 39.5. We've tried Calpol and ibuprofen but it's just not happening, the temperature "
                 "won't come down."):
        assert check_text(text).verdict != "avoid", text


def test_the_short_attacker_on_c8a32fd_a_plainly_ill_child_is_not_avoid():
    for text in ("Sam's in bed with a high temperature and that's where he's staying today.",
                 "He was fine scoffing his tea last night but has been sick five times since midnight.",
                 "Christmas was last week but Sam is still in bed with flu.",
                 "Sam had surgery on Tuesday and his gran is at home looking after him."):
        assert check_text(text).verdict != "avoid", text
    # ...and a closure that is not the school's is no lawful reason.
    assert check_text("Had the text that my work is closed today so Sam is having a day with me.").verdict != "ok"
    # Leave asked for an exam beside a cold: the exam is the reason, nothing is worded as illness.
    result = check_text("Is it ok if Sam misses Monday for her Grade 5 piano exam? She's getting over a cold.")
    assert result.verdict == "caution" and result.suggestion is None and result.withheld


def test_a_pet_outside_the_old_list_told_ill_is_never_the_child():
    # The short attacker on 94b0a60: "her goldfish is poorly" beside "refusing" was worded "Ella is too poorly".
    for pet in ("goldfish", "budgie", "lizard"):
        result = check_text(f"Ella is refusing, her {pet} is poorly", child="Ella")
        assert result.suggestion is None, (pet, result)


def test_again_at_a_time_of_night_is_not_drafted_as_another_absence():
    # "Up at 2am and again at 4am" tells when, not that the child is off again (the newcomer on round 151).
    suggestion = check_text("she was up at 2am and again at 4am and says she feels sick").suggestion
    assert suggestion and " again" not in suggestion
    # Off again is still said again.
    assert " again" in check_text("Sorry, keeping Ava off again today, she has a migraine.").suggestion
