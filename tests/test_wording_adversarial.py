"""Crafted input must not make the wording check hang (a parent's tool must never freeze on
the words they paste). The bounds are ten and more times what was measured (~0.1 s)."""

from __future__ import annotations

import functools
import json
import re
import time

import pytest

from refusal_log.wording import check_document, check_text
from wording_cases import CASES

RUN = "'" * 40


@pytest.mark.parametrize("text", [
    f"we {RUN} agreed {RUN} zzz.",            # a frame's gap: apostrophes are both word and separator
    f"his plan {RUN}. not getting it",
    f"she is ill {RUN}. every monday",
    f"i {RUN} decided {RUN} he {RUN} can {RUN} stay {RUN} home",
    "we " + " ".join(["'-/:,"] * 60) + " agreed",
    "she " + "not " * 400 + "refusing",
    # "Our youngest" is the child unless another child is named: asked once per text, not per mention.
    ("my youngest has a cold " * 900)[:19990],
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


def test_the_childs_name_is_kept_after_a_pronoun_and_in_lower_case():
    _each(_worded_for, [
    # A name after a pronoun is the child's: "She" never replaces it.
    ("She's struggling today, Maya won't be in", "Maya"),
    ("Sorry, she won't go in today. Thanks, Lily's mum", "Lily"),
    # Rushed lower-case texts keep the name.
    ("my son jack is refusing to go", "Jack"),
    ("my daughter, ellie, is refusing school", "Ellie"),
    ("tom is refusing again", "Tom"),
    ("sorry isla is refusing to get dressed", "Isla"),
    # More ways a name is written: "Ruby stays home", "a day for Orla", "mark Kian as ill".
    ("Hi, is it ok if Ruby stays home today? She's been refusing all week.", "Ruby"),
    ("Mental health day for Orla today, she is refusing.", "Orla"),
    ("Can you mark Kian as absent please, he is refusing again.", "Kian"),
    # Round 19: a name that no verb follows, then he or she ("Lucas pas bien today, he has
    # fievre"): the suggestion used to say "He is too unwell..." (88 phrasings did so).
    ("Lucas pas bien today, he has fievre, he stay home.", "Lucas"),
    ("Luca non sta bene, he has febbre. He stay home.", "Luca"),
    ("Hi, as discussed with Mr Barnes, we're not happy with Tilly being moved and she is very upset about it.", "Tilly"),
    ("Not sure what's wrong with Maisie, she's pale and teary and says her head hurts.", "Maisie"),
    ("Hi Karen, we've had a really tough morning with Ben and he's not in today.", "Ben"),
    # The newcomer's finds: a name before "refuse".
    ("Mohammed refuse to go school today", "Mohammed"),
    ("Priya refuse go school, she have fever", "Priya"),
    ])


@pytest.mark.parametrize("text", [
    "Her brother Tom is ill so she is staying home",
    "His friend Sam is refusing to walk with him, he is too anxious to go in",
    "my son never is late but he is refusing today",
])
def test_a_relatives_name_or_an_adverb_is_never_the_child(text):
    result = check_text(text)
    assert result.suggestion is None or not result.suggestion.startswith(("Tom ", "Sam ", "Never ")), result.suggestion


def test_a_paste_longer_than_a_reason_or_an_email_is_refused_plainly(cli):
    result = cli("check", "refusing " * 3000)
    assert result.exit_code == 1 and "reads up to 20,000" in result.stderr
    started = time.perf_counter()
    check_text("refusing\n" * 2000)  # just under the bound, every line a finding: still answered
    assert time.perf_counter() - started < 30


# --- this session's attack: catastrophic backtracking, long pastes, words put in the mouth -------

@functools.lru_cache(maxsize=1)
def _every_compiled_pattern():
    """Every pattern the wording engine compiles: each rule's, each frame's, each [statements.
    generalised] word list, the clause layer's, and the rest compiled while checking the table."""
    import re

    from refusal_log.wording import clauses, generalised, statements
    from refusal_log.wording.engine import RULES_PATH
    from refusal_log.wording.loading import _load

    seen, real = {}, re.compile

    def keep(pattern, flags=0):
        if isinstance(pattern, str):
            seen[pattern] = flags
        return real(pattern, flags)

    re.compile = keep
    try:
        rules = _load.__wrapped__(RULES_PATH)
        # A rule's patterns are read as written: compiling them would only parse them once more.
        seen.update((part, 0) for rule in rules.rules for part in rule._compiled if isinstance(part, str))
        for frame in statements._frames(rules):
            frame.rx()
            frame.unless_rx()
        for key, value in rules.generalised.items():
            if isinstance(value, (str, list)) and not key.endswith(("_rules", "_hints", "_rule")):
                generalised._rx(rules, key)
        who = clauses._who(rules)
        for key in who._LATER:
            getattr(who, key)
        for text, _ in CASES[::7]:
            check_text(text, rules=rules)
    finally:
        re.compile = real
    return seen


def _ambiguous_repeats(pattern: str, flags: int) -> list:
    """Unbounded repeats whose body can match one string two ways ("all the " as "all " + "the "):
    on a long enough run of such words, backtracking doubles with each one."""
    import itertools
    import re._constants as C
    import re._parser as P

    class TooBig(Exception):
        pass

    def language(seq):
        out = {""}
        for op, av in seq:
            if op is C.LITERAL:
                chars = {chr(av)}
            elif op is C.IN:
                chars = set()
                for o, a in av:
                    if o is C.LITERAL:
                        chars.add(chr(a))
                    elif o is C.RANGE and a[1] - a[0] <= 30:
                        chars.update(chr(c) for c in range(a[0], a[1] + 1))
                    else:
                        raise TooBig
            elif op is C.SUBPATTERN:
                chars = language(av[3])
            elif op is C.BRANCH:
                chars = set().union(*(language(b) for b in av[1]))
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[1] <= 3:
                body = language(av[2])
                chars = {"".join(c) for n in range(av[0], av[1] + 1) for c in itertools.product(body, repeat=n)}
            elif op in (C.ASSERT, C.ASSERT_NOT, C.AT):
                chars = {""}
            else:
                raise TooBig
            out = {a + b for a in out for b in chars}
            if len(out) > 3000:
                raise TooBig
        return out

    found = []

    def walk(seq):
        for op, av in seq:
            if op in (C.MAX_REPEAT, C.MIN_REPEAT):
                if av[1] == C.MAXREPEAT or av[1] > 20:
                    try:
                        words = language(av[2]) - {""}
                    except TooBig:
                        words = set()
                    found.extend(w for w in words for cut in range(1, len(w))
                                 if w[:cut] in words and w[cut:] in words)
                walk(av[2])
            elif op is C.SUBPATTERN:
                walk(av[3])
            elif op is C.BRANCH:
                for b in av[1]:
                    walk(b)
            elif op in (C.ASSERT, C.ASSERT_NOT):
                walk(av[1])

    walk(P.parse(pattern, flags))
    return found


_QUANTIFIER = re.compile(r"[*+]|\{\d*,?\d*\}")


def _repeated_groups(pattern: str) -> list[str]:
    """Each parenthesised group in a pattern's text that a quantifier follows, as "(...)*".

    A repeat can only read its body two ways if the body holds more than one letter, that is if
    it is a group (a repeated letter or class has one-letter words), and what a group's body
    matches is settled by its own text: so each repeated group can be linted on its own, and a
    group that many patterns share (the long word lists are built from the same parts) once."""
    found, opened, i, end = [], [], 0, len(pattern)
    while i < end:
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":  # a class: its brackets are letters, "]" first is one too
            i += 1
            if pattern.startswith("^", i):
                i += 1
            if pattern.startswith("]", i):
                i += 1
            while i < end and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif char == "(" and pattern.startswith("(?#", i):  # a comment, up to the first ")"
            i = pattern.index(")", i)
        elif char == "(":
            opened.append(i)
        elif char == ")":
            quantifier = _QUANTIFIER.match(pattern, i + 1)
            start = opened.pop()
            if quantifier:
                found.append(pattern[start:quantifier.end()])
        i += 1
    return found


def _two_way_repeats(patterns) -> dict:
    bad, linted = {}, set()
    repeats = re.compile(r"\)[*+{]")
    for pattern, flags in patterns:
        if not repeats.search(pattern):
            continue
        # Verbose text reads differently in part; a group that refers outside itself
        # (a back-reference) does not parse alone: both are linted whole.
        whole = flags & re.VERBOSE or re.search(r"\(\?[aiLmsux]*x", pattern)
        for part in [pattern] if whole else _repeated_groups(pattern):
            if (part, flags) in linted:
                continue
            linted.add((part, flags))
            try:
                found = _ambiguous_repeats(part, flags)
            except re.error:
                found = _ambiguous_repeats(pattern, flags)
            if found:
                bad[pattern[:120]] = found[:2]
    return bad


def test_no_wording_pattern_repeats_words_it_can_split_two_ways():
    # "(?:the |all the |all )*" took minutes on "all the" x 28: each repeat doubled the work.
    bad = _two_way_repeats(sorted(_every_compiled_pattern().items()))
    assert not bad, bad


@pytest.mark.parametrize("pattern, flags", [
    (r"(?:the |all the |all )*", 0),
    (r"^[^\n]{0,80}?\b(?:a|[()\]])\((?:x|y)\)\s(?:(?:the |all the |all )+|z)(?#(x*)\)?\b", re.I),
    (r"(?P<w>all )(?:(?P=w)x|(?:\b(?:the |all the |all ){2,}))+", 0),
    (r"(?x) (?: the \  | all \ the \  | all \  )*", 0),
])
def test_the_repeat_lint_finds_a_two_way_split_wherever_it_is_written(pattern, flags):
    # The lint above reads each repeated group alone: it must still see one inside a long
    # pattern, among classes and escaped brackets, next to a back-reference or written verbose.
    assert _two_way_repeats([(pattern, flags)])
    one_way = pattern.replace("all the ", "every ").replace(r"all \ the \ ", r"every \ ")
    assert not _two_way_repeats([(one_way, flags)])


@pytest.mark.parametrize("text", [
    "Maya has flu and" + " has got" * 40 + " x. She is staying home today.",
    "Amy told all the" + " all the" * 27 + " x to stay home. Amy is ill.",
    "Maya is not" + " been feeling" * 26 + " herselfx today.",
    "I" + " have got" * 26 + " x so Maya is off.",
    "\U0001F644" * 10000,
    ("the school asked us to keep him home " * 540)[:19990],
    # Round 17 review: whose emergency a tiredness word follows is read once per text, not once
    # per tiredness word (this took 11 s).
    "a&e. " + ("no sleep he " * 2000)[:19990],
    # Review of rounds 25-33: long runs of "a " before an activity or an appointment (7.8 s each).
    "Sam will be off today. " + "a " * 9980,
    "I have " + "a " * 9980 + "appointment so he is off.",
])
def test_crafted_and_pasted_texts_are_checked_quickly(text):
    import time

    start = time.process_time()
    result = check_text(text)
    assert time.process_time() - start < 3 and result.verdict in ("ok", "caution", "avoid")


def test_nothing_is_worded_as_illness_the_parent_says_is_not_so_or_not_hers():
    _each(_withheld, [
    "We'll just say Amy is ill, the head said no to our holiday.",
    "We'll say Amy's got a bug.",
    "The head said no so I'm reporting Amy sick.",
    "I'm going to report her sick since the head refused our leave.",
    "Amy is ill. Well, not ill, but she's not going.",
    "Amy has a temperature of 38. Not really ill though, just fancies a day off.",
    "Whole house has covid, she's testing negative so far but I'm keeping her off.",
    "We're all at the hospital, grandad has taken a turn.",
    "Not in today, hospital.",
    # Round 17 review: told which words to use, in other words; a sister's leave is not hers.
    "The attendance officer told me I should just say she's poorly.",
    "Someone told me the trick is to just say she's ill.",
    "Tbh Maya's fine, just not up for it today.",
    ])


def test_an_illness_going_round_the_class_or_house_is_not_the_childs():
    assert check_text("There's a bug going round Amy's class so she's not going in.").verdict != "ok"
    tummy = check_text("Tummy bug going round the house, his sister had it yesterday so keeping him off.")
    assert "tummy bug" not in (tummy.suggestion or "") and "yesterday" not in (tummy.suggestion or "")
    assert check_text("She has a tummy bug that's going round the house.").verdict == "ok"


def test_leave_thanked_for_is_not_a_day_off_taken():
    result = check_text("Thank you for authorising Amy's two days off for the wedding.")
    assert result.verdict == "ok" and result.suggestion is None


@pytest.mark.parametrize("text,verdict", [
    # Round 17 review: the advice must be said; a booked-up doctor is not advice.
    ("Keeping him off as the doctor was fully booked.", "caution"),
    ("She's staying home as the GP surgery is closed.", "caution"),
    # The parent's own shifts or the school run beside the child's own illness: the illness.
    ("I'm working nights this week and Maya has been sick twice this morning.", "ok"),
    # Care of the child is not the child caring for the family.
    ("I'm keeping him home to help him recover.", "avoid"),
    ("Tonsillitis again, same as last time.", "ok"),
    ("Head's office granted Poppy's sister the 14th off so Poppy is going too.", "caution"),
    # A message from the school "to say..." is the school's; "Hi Mrs Patel, just to say..." the parent's.
    ("I got a text from the school to say she's refusing to go into class.", "caution"),
    ("Hi Mrs Patel, just to say she's refusing today.", "avoid"),
    ("Rang the school to say he's refusing.", "avoid"),
])
def test_the_round_17_review_cases(text, verdict):
    result = _checked(text, verdict)
    assert "keeping him home to help" not in text.lower() or not any(f.rule == "child_helping" for f in result.findings)


def test_a_conditional_illness_is_never_worded_as_the_childs():
    result = check_text("The school said her class should stay home if they're ill, she's fine so she's staying home.")
    assert result.suggestion is None or "[what is wrong]" in result.suggestion


# --- the review of rounds 19-22 ------------------------------------------------------------

@pytest.mark.parametrize("answer", ["he isn't ill", "nothing's wrong", "he seems fine", "all good", "idk",
                                    "nope \u2014 he's fine", "no\u2026", "none, anxiety", "negative"])
def test_an_answer_saying_nothing_is_wrong_never_fills_the_gap(answer):
    from refusal_log.errors import InvalidInput
    from refusal_log.wording import InvalidUnclear, fill_gap

    with pytest.raises(InvalidInput) as told:
        fill_gap("Sam is too unwell to attend school today ([what is wrong]).", answer)
    assert not isinstance(told.value, InvalidUnclear)


@pytest.mark.parametrize("answer", ["yes", "?", "he just won't go", "refusing", "school refusal", "[what is wrong]"])
def test_an_answer_naming_nothing_wrong_is_asked_again(answer):
    from refusal_log.wording import InvalidUnclear, fill_gap

    with pytest.raises(InvalidUnclear):
        fill_gap("Sam is too unwell to attend school today ([what is wrong]).", answer)


@pytest.mark.parametrize("text", [
    "Sam's sister rang to say she is ill so Sam is staying home.",
    "Sam's dad rang to say he has flu, Sam won't go in.",
    "Message from Nan to say she has covid. Sam won't go in.",
])
def test_someone_who_rang_to_say_they_are_ill_is_not_the_child(text):
    result = check_text(text)
    assert result.suggestion is None and result.withheld and result.verdict != "ok"


@pytest.mark.parametrize("text", [
    "We are looking into home education and Sam has flu.",
    "Sam has a migraine. This is my decision as his mother.",
    "Sam won't go in. Not sick.",
])
def test_every_avoid_without_a_suggestion_is_marked_withheld(text):
    result = check_text(text)
    assert result.verdict != "avoid" or result.suggestion is not None or result.withheld


def test_the_day_of_a_jab_is_not_the_day_of_the_absence():
    result = check_text("Sam had her jabs yesterday and her arm's sore.")
    assert result.verdict == "caution" and "yesterday" not in (result.suggestion or "")


def test_a_family_celebration_at_the_weekend_does_not_undo_a_fever():
    assert check_text("Sam has a fever. We are going to my sister's for her 40th at the weekend.").verdict == "ok"


def test_a_broken_pattern_in_an_edited_rules_file_is_named_plainly(tmp_path):
    from refusal_log.errors import RefusalLogError
    from refusal_log.wording.engine import RULES_PATH
    from refusal_log.wording.loading import load_rules

    bad = tmp_path / "rules.toml"
    bad.write_text(open(RULES_PATH, encoding="utf-8").read().replace(
        "  'bull(?:y|ies|ied|ying)',", "  'bull(?:y|ies|ied|ying',", 1), encoding="utf-8")
    with pytest.raises(RefusalLogError, match="A pattern in the wording rules file has a mistake"):
        check_text("She is being bullied", rules=load_rules(str(bad)))


def test_an_illness_in_a_year_group_is_not_the_childs():
    # Found by the second reading's tests: "norovirus in Year 2" was worded as Lily's illness.
    result = check_text("There's norovirus in Year 2 so I'm keeping Lily home so she doesn't catch it.")
    assert "norovirus" not in (result.suggestion or "") and result.verdict != "ok"


_STEP_UP = {"ok": "caution", "caution": "avoid"}


def _each(check, cases):
    """Every case of a list checked, every failure shown at once: one test for a list of phrasings, not one per
    phrasing (each test costs the suite about 3 ms under xdist, and these lists hold thousands of phrasings)."""
    failed = []
    for case in cases:
        try:
            check(*case) if isinstance(case, tuple) else check(case)
        except AssertionError as error:
            failed.append((case, str(error)[:300]))
    assert not failed, failed


def _checked(text, verdict):
    """check_text's result, its verdict asserted (the findings shown when it differs). The rules'
    verdict is what a round's case pins; the second reading, which reads a reason of 12 words or
    more as independent writers would, may raise it one step, with a finding that says so."""
    result = check_text(text)
    if result.verdict != verdict:
        rules_alone = check_text(text, second_reading=False)
        assert rules_alone.verdict == verdict, [(f.rule, f.severity) for f in rules_alone.findings]
        assert result.verdict == _STEP_UP.get(verdict), [(f.rule, f.severity) for f in result.findings]
        assert any(f.rule == "second_reading" for f in result.findings), result.findings
    return result


def _verdict_is(text, verdict):
    result = check_text(text)
    assert result.verdict == verdict, [(f.rule, f.severity, f.matched) for f in result.findings]


def _verdict_is_not(text, verdict):
    result = check_text(text)
    assert result.verdict != verdict, [(f.rule, f.severity, f.matched) for f in result.findings]


def _expected(text, expected):
    """A verdict, "not <verdict>", "withheld" (no wording offered, and not ok), or "ok or caution, worded for NAME"
    (the suggestion, if any, is about NAME): the twelfth session's tables."""
    if expected.startswith("ok or caution, worded for "):
        result = check_text(text)
        assert result.verdict in ("ok", "caution"), result.verdict
        assert result.suggestion is None or result.suggestion.startswith(expected.rsplit(" ", 1)[1] + " "), result.suggestion
    elif expected == "withheld":
        result = check_text(text)
        assert result.suggestion is None and result.verdict != "ok", (result.verdict, result.suggestion)
    elif expected.startswith("not "):
        _verdict_is_not(text, expected[4:])
    else:
        _verdict_is(text, expected)


def _withheld(text):
    """No wording is offered, on purpose (the result says so)."""
    result = check_text(text)
    assert result.suggestion is None and result.withheld, (result.verdict, result.suggestion)
    return result


def _worded_for(text, name):
    """The suggestion is about the child named, by the name as written."""
    suggestion = check_text(text).suggestion
    assert suggestion and suggestion.startswith(name + " "), suggestion


def _not_worded_for(text, name):
    """No suggestion is worded for this other person, or this word taken for a name."""
    suggestion = check_text(text).suggestion or ""
    assert not suggestion.startswith(name + " "), suggestion


# --- round 25: each class, and the words beside it that must not be caught ------------------

@pytest.mark.parametrize("text,verdict", [
    # Leave granted in other words is lawful; leave not granted is not.
    ("As per the head's email granting Priya leave of absence for her sister's wedding, she'll be back Monday.", "ok"),
    ("We were told by Mrs Grant that Leo can have the 12th off for his grandad's funeral.", "ok"),
    ("Today is Eid al-Fitr so Yusuf will not attend, it is a day of religious observance for us.", "ok"),
    ("She won't go, whatever I say, it's Eid or not.", "avoid"),
    # When to come back after an appointment is not a doubt; "after lunch if he perks up" still is.
    ("Zac has an appointment with the paediatrician at 9.15 so will miss the morning. Letter attached. "
     "He'll come in after if he's up to it.", "ok"),
    ("I'll bring him in after lunch if he perks up.", "caution"),
    # A bus stop is not Northern "stop in" (stay in); "stopping in today" still is.
    ("The school bus the council provides never came to our stop in Llanrug this morning.", "ok"),
    ("She'll be stopping in today.", "avoid"),
    # Dialect: dropped g's and Northern "badly".
    ("Our Lewis is proper badly wi' his chest, been coughin all neet. He'll not be in today.", "ok"),
    ("Kayden's not gannin in the day, he's just not wantin to man.", "avoid"),
    ("She's not wanting to eat, she's been sick all night.", "ok"),
    # Minding the younger ones, not waking in time, "fine" then reluctance: the family's reasons.
    ("Mam's been rushed in so I need Shannon to mind the baby today, sorry", "avoid"),
    ("Didn't wake up in time and missed the bus, she'll be in tomorrow", "avoid"),
    ("Honestly she's fine, she just can't face it today.", "avoid"),
    # Kept off because the day suits, with a mild illness beside it; told to report illness.
    ("Mason's got a bit of a sniffle but we've got the plumber coming anyway so thought I'd keep him off", "avoid"),
    ("The attendance lady told me to just ring in and say he's ill, so: Ryan's ill today.", "avoid"),
    ("The GP told me to ring in and say she is ill with flu and keep her off for 3 days.", "ok"),
    ("Brody wont be in hes got the squits. Back when hes 48hrs clear", "ok"),
])
def test_the_round_25_cases(text, verdict):
    result = _checked(text, verdict)
    if verdict == "avoid":
        assert result.suggestion is None or check_text(result.suggestion).verdict == "ok"
        assert result.suggestion is not None or result.withheld


def test_leave_not_granted_is_never_read_as_granted():
    result = check_text("The head is not granting her leave so she'll be off anyway.")
    assert result.verdict != "ok"


@pytest.mark.parametrize("text,suggestion", [
    ("Sam has been coughing all week and is staying home today.", "Sam is too unwell to attend school today (coughing)."),
    ("Sam has been coughing all week so I am keeping him off.", "Sam is too unwell to attend school (coughing)."),
    ("Sam had a migraine yesterday and I am keeping him off today.", "Sam is too unwell to attend school today (migraine)."),
])
def test_a_day_that_dates_the_symptoms_is_never_claimed_as_days_off(text, suggestion):
    # "All week" said of the cough is not a week of absence: the suggestion never claims one.
    assert check_text(text).suggestion == suggestion


# --- rounds 26-30: each class, and the words beside it that must not be caught ---------------

@pytest.mark.parametrize("text,verdict", [
    # Lawful in other words.
    ("Hi, the office rang to say the boiler's gone and Year 5 should stay at home today, so Mason won't be in.", "ok"),
    ("The SEN transport minibus broke down on the A55 and the council says there's no replacement today.", "ok"),
    ("The head (Mr Hughes) approved this in his letter of 3rd March, Ruby is off Thursday for the funeral.", "ok"),
    ("Evie's on the agreed part-time plan so she'll only be in for periods 1-3 today.", "ok"),
    ("Thanks for agreeing Grace can miss Friday for her piano exam, as per Mr Doyle's email.", "ok"),
    ("Josh took a knock at rugby and A&E think it's concussion, they said no school for 48 hours.", "ok"),
    ("Zofia is ill today, she have high fever 39 and cough since night. She will not come to school.", "ok"),
    # Leave asked for but not granted is not lawful.
    ("I sent the leave form but we're going to Pakistan for 4 weeks whether it's approved or not.", "avoid"),
    ("Heading to the Lakes for a long weekend, the head said no but it's the only time he gets off.", "avoid"),
    # The family's reasons.
    ("Her brother's got norovirus so I'm keeping Poppy off just in case.", "avoid"),
    ("Didn't have any clean uniform, the washing machine's packed in. She'll be in tomorrow.", "avoid"),
    ("Hey, Maya missed the bus so she's not coming in today, sorry", "avoid"),
    ("Maya missed the bus, I'll bring her in after lunch.", "caution"),
    ("We're off to Center Parcs Mon-Wed, Isla will be back Thursday!", "avoid"),
    ("Tom was diagnosed with anxiety and school STILL haven't put anything in place so he's not coming in until they do.", "avoid"),
    ("i cant do this anymore. hes not going in. do what you want.", "avoid"),
    ("Honestly he's fine, just being a lazy so-and-so this morning. I'll drag him in tomorrow.", "avoid"),
    # Not the family's choice: a crisis, the other parent, a social worker, a request, an appointment.
    ("We had a fire at the house on Saturday and we're in a B&B with no uniform or books.", "caution"),
    ("Matty's dad didn't bring him back after his contact weekend, I've phoned him and the police.", "caution"),
    ("Marcus's social worker has asked that he stays at home today while the placement is sorted out.", "caution"),
    ("Can Jessica's absence be authorised please as we are moving house on Friday.", "caution"),
    ("Ben won't be in today, he has a hospital appt later and it's easier to keep him off all day.", "caution"),
    ("He's not refusing, he just can't do it, please stop calling it refusal", "caution"),
    # Doubt that asks for more, and a decision beside it that is then a caution, not a choice.
    ("Louis has been complaining of tummy ache every morning this week. Keeping him home today to see how he goes.",
     "caution"),
    ("Evie has tummy ache again, that's the 4th Monday in a row. I think it's linked to school.", "caution"),
    ("Sammy's got tonsillitis but he's ok in himself, so if he's up to it I'll send him in for the afternoon.", "caution"),
    ("He's been sick. Well, he says he has. He's off today anyway.", "caution"),
    # A doubt from someone whose word counts, or a denial, still makes the decision a choice.
    ("School nurse reckons she's fine to come in, but I've kept her home.", "avoid"),
    ("She's fine in herself, she just can't face it today.", "avoid"),
    ("He's not ill, just tired, so I'm keeping him home.", "avoid"),
])
def test_the_rounds_26_to_30_cases(text, verdict):
    result = _checked(text, verdict)
    if verdict == "avoid":
        assert result.suggestion is None or check_text(result.suggestion).verdict == "ok"
        assert result.suggestion is not None or result.withheld


def test_the_round_31_cases():
    _each(_checked, [
    ("The head, Mr Khan, approved Zara's leave for her grandad's funeral (letter dated 3 March).", "ok"),
    ("Could Iwan please have Monday off to go to his taid's funeral in Bangor? I know it's term time.", "caution"),
    ("Her TA is off today and the school rang to say it would be best if she stayed at home.", "caution"),
    ("He's been up half the night on his Xbox so he's shattered, I'll send him in tomorrow.", "avoid"),
    ("Our Harry's off, nowt wrong wi' him really, he just can't be mithered today.", "avoid"),
    ("Daisy's not ill as such, she just can't face school at the moment.", "avoid"),
    ("Bore da, Osian ddim yn yr ysgol heddiw. Dim esgus, sorry.", "avoid"),
    ("I'm keeping Amelia off because there's a bug going round her class and I don't want her catching it.", "avoid"),
    ("I'm not sending Lewis in on the strike day, there's no point if half his teachers are out.", "avoid"),
    # Beside them, what must not be caught.
    ("She's got flu and I don't want her brother catching it.", "ok"),
    ("He's been sick all night, no point sending him in if he's still being sick.", "caution"),
    ])


@pytest.mark.parametrize("text,verdict", [
    ("Alreet, our Connor's proper badly the day, been bad all neet. He'll not be in. Ta", "ok"),
    ("He behaved badly yesterday and is not in today.", "caution"),
    ("Harry's not feeling it today, he'll be in tomorrow.", "avoid"),
    ("He's not feeling it, he's got a migraine.", "caution"),
    ("We've gone up to Inverness for my uncle's funeral and decided to make a week of it.", "avoid"),
    ("Sorry, Kayla has to stay home today because I'm having a bad MS flare and need her help.", "avoid"),
    ("Pls mark Aidan as ill. (He's not actually ill but the school said ring in sick if he's struggling)", "avoid"),
])
def test_the_round_32_cases(text, verdict):
    result = _checked(text, verdict)
    if verdict == "avoid":
        assert result.suggestion is None or check_text(result.suggestion).verdict == "ok"


def test_the_round_33_cases():
    _each(_checked, [
    ("Can you mark Ellie as ill please, she has a dentist at 11 and it's not worth the trip in after.", "avoid"),
    ("We've put Finlay on a reduced timetable for now, so he'll only be doing afternoons this week.", "avoid"),
    ("Tilly is too tired to come in today after our late flight back from holiday last night.", "avoid"),
    ("Mohammed is going to Pakistan with his grandmother for 4 weeks to visit the family.", "avoid"),
    ("Honestly we just need a family day, it's been a hard month. Amelia will be back Monday.", "avoid"),
    ("Hi, Ivy can't come in today, she's having a really bad day with her EDS, her joints keep dislocating.", "ok"),
    ("The council transport (minibus) broke down and the company says no replacement today.", "ok"),
    ("Our Kyle's been proper bad wi' his chest all night, he's not fit to be in.", "ok"),
    ("Ollie says he feels sick again, same as most Mondays. He'll be in tomorrow.", "caution"),
    ("Scarlett's got a sore throat. Should she come in? If not please mark her off.", "caution"),
    # Beside them, what must not be caught.
    ("He is going to be off for two weeks with his broken leg.", "ok"),
    ("He's going to be off for two weeks.", "caution"),
    ])



@pytest.mark.parametrize("text", [
    "Sam is too-unwell-to-attend today, he just cannot face it today so we are having a duvet day at home.",
    "Sam is too unwell\u200b to attend today, he just cannot face it today so we are having a duvet day at home.",
])
def test_the_faqs_words_with_hyphens_or_hidden_characters_are_still_the_faqs_words(text):
    # The second reading never calls them harmful, however they are joined.
    assert check_text(text).verdict == check_text(text.replace("-", " ").replace("\u200b", "")).verdict
    assert not any(f.rule == "second_reading" and f.severity == "avoid" for f in check_text(text).findings)


@pytest.mark.parametrize("old,new,says", [
    ("faq_words = '", "faq_words = 5 #'", "must be one pattern in quotes"),
    ("late_arrival = '", "late_arrival = ['x'] #'", "must be one pattern in quotes"),
    ("  'bull(?:y|ies|ied|ying)',", "  '@nosuchmacro bull(?:y|ies|ied|ying)',", "@nosuchmacro, which the file does not define"),
])
def test_other_mistakes_in_an_edited_rules_file_are_named_plainly(tmp_path, old, new, says):
    from refusal_log.errors import RulesFileError
    from refusal_log.wording.engine import RULES_PATH
    from refusal_log.wording.loading import load_rules

    text = open(RULES_PATH, encoding="utf-8").read()
    assert old in text
    bad = tmp_path / "rules.toml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RulesFileError, match=says):
        check_text("She is being bullied and is too unwell to attend, he will be in after lunch.",
                   rules=load_rules(str(bad)))


@pytest.mark.parametrize("text,verdict", [
    ("She won't be attending while the school keeps enforcing this ridiculous uniform policy.", "avoid"),
    ("Isabelle is at home today. We're waiting for the school's response to my complaint about her teacher "
     "before she comes back.", "avoid"),
    ("Layla went to the GP who said there's nothing wrong with her, but she's still saying she feels sick, "
     "so she's at home again.", "avoid"),
    ("The doctor said Leon can go back on Monday but I don't think he's ready yet, so he'll be off a few more days.",
     "avoid"),
    ("Jess was at a concert last night and didn't get home till 1am so she's staying in bed this morning.", "avoid"),
    # Beside them: the doctor's return date kept; a symptom told beside the clinician's word; a worry
    # making the child unwell is not the lesson avoided.
    ("The doctor said she can go back on Monday, so she'll be off till then.", "ok"),
    ("Jamie's sore and tired after his op. Surgeon said he could go back this week but I don't think he's ready.",
     "caution"),
    ("She says she feels sick but I think it's nerves about the maths test.", "avoid"),
])
def test_the_round_35_cases(text, verdict):
    result = _checked(text, verdict)
    if verdict == "avoid":
        assert result.suggestion is None or check_text(result.suggestion).verdict == "ok"


def test_the_round_36_cases():
    _each(_checked, [
    ("Jake's not coming in today, he's knackered after his cousin's 18th last night.", "avoid"),
    ("Good morning. Tomasz is sick today, he has vomiting and diarrhoea, so following the 48 hour rule he will "
     "stay home until Thursday.", "ok"),
    ("Hi, as per your letter Year 9 aren't to come in on Thursday because of the strike, so Milo will be at home.",
     "ok"),
    ("Sorry, Ben's off again. Same thing as last week. Will ring later.", "caution"),
    ("Darcey won't be in until after the mocks, she's too stressed and the doctor said a break would do her good.",
     "ok"),
    ("I'm going to keep Max home for a few days while we wait to hear back from the paediatrician.", "caution"),
    # Beside them: what school would do her good is still the doctor's view against the decision.
    ("The GP said going back would do her good but we've kept her home.", "avoid"),
    ("Tummy ache, same story every Monday.", "avoid"),
    ])


def test_the_round_37_cases():
    _each(_checked, [
    ("Kacper is sick today, he have bad stomach pain and he vomit this morning. He will come back when he feel "
     "better.", "ok"),
    ("Our wee girl Orla has a temperature and a bad chest so she'll not be in today, so she won't.", "ok"),
    ("Hi it's Nathan's mum. He's not in today. He's ok, just a bit run down.", "avoid"),
    ("Worried about the measles going round so I'm keeping both of them home until it's died down.", "avoid"),
    ("He won't be back in while Mr Jones is his form tutor, simple as.", "avoid"),
    ("She's been sick overnight. Also she hates PE on Mondays so she's made up haha", "avoid"),
    ("Tasha is at home today, she's helping me as I had a bad fall last night.", "avoid"),
    ("We've decided to home school Lewis for a few weeks until things settle down.", "avoid"),
    ("Jack's dad has him this week and he's in Cardiff so he won't be in.", "avoid"),
    ("Just a heads up, Max might not be in tomorrow, depends how he feels about swimming in PE.", "avoid"),
    ("She's been up all night with nightmares again and is absolutely exhausted. She won't be in today.", "caution"),
    # Beside them: waiting to see about today is still a caution.
    ("I'll bring him in if he feels better.", "caution"),
    ])


def test_the_round_38_cases():
    _each(_checked, [
    ("Hiya, the taxi the council send for Alfie never turned up this morning. Rang transport at 8.20.", "ok"),
    ("Ffion is having her insulin pump fitted at the Heath today so she'll be off. Diolch yn fawr.", "ok"),
    ("Hiya, Aled's plan says he does 3 days a week for now so he's not expected in Thurs/Fri.", "ok"),
    ("Ryan slept through his alarm and by the time he was up it was too late, he'll be in tomorrow.", "avoid"),
    ("Hey, a mum from Matilda's class said there's a bug going round so I'm keeping her off to be safe, "
     "she's fine though x", "avoid"),
    ("The GP said 'there's nothing medically stopping him going' but I disagree, he's just not coping.", "avoid"),
    # Taken to see a grandparent in hospital: avoid; a caution once an illness is named beside it, since
    # "he's very poorly" after "his grandad" may be either's (the rules never call an illness harmful).
    ("We took Jayden up to Glasgow to see his grandad in hospital. Back Wednesday.", "avoid"),
    ("We took her to see her grandad in hospital and she caught a sickness bug there, she's been vomiting.",
     "caution"),
    ("She's not going in while that lad who hit her is still there. Simple as.", "avoid"),
    ("Kids are at their dad's this week and he's not bringing them back till Sunday so they won't be in.", "avoid"),
    ("Hi it's Gracie's dad, her mum normally does mornings but she's on nights this week so Gracie's not in.", "avoid"),
    # Beside them: back the same evening is a day with the other parent, a caution.
    ("Both boys are off today, their dad has them and he's not bringing them back till tonight.", "caution"),
    ])


def test_the_second_attack_on_rounds_35_to_38():
    _each(_checked, [
    # The second attack on rounds 35-38: honest reports the new rules must not call harmful...
    ("His dad has him this week and he is in hospital so he won't be in.", "ok"),
    ("He slept through his alarm because of his meds.", "ok"),
    ("He won't be in while the school is closed for the strike.", "ok"),
    ("She will not be in while the school nurse checks her rash, she has a high fever.", "ok"),
    ("She is ok, just a bit run down with a cold and a high temperature.", "ok"),
    ("She's not going in while the teacher who restrains her is there, she is too anxious to attend and the GP "
     "has signed her off.", "caution"),
    ("Something is going round and she's caught it, so I am keeping her home today.", "caution"),
    # ...and choices they must not clear.
    ("She is not expected in today because we are going to Disneyland.", "avoid"),
    ("The GP said nothing medically stops her going in but I disagree.", "avoid"),
    ("He won't be back in while Mr. Jones is his form tutor.", "avoid"),
    ])


def test_a_well_child_kept_home_from_a_bug_going_round_is_never_worded_as_ill():
    result = check_text("A mum from Matilda's class said there's a bug going round so I'm keeping her off to be "
                        "safe, she's fine though x")
    assert result.verdict == "avoid" and result.suggestion is None and result.withheld


def test_a_pronoun_of_no_one_is_never_the_childs_name_in_a_suggestion():
    result = check_text("Something is going round and she's caught it, so I am keeping her home today.")
    assert not (result.suggestion or "").startswith("Something")


def test_the_round_39_cases():
    _each(_checked, [
    ("Morning, my mum's been taken into hospital so I need Caitlin at home to help with the wee ones today", "avoid"),
    ("My mum's in hospital and I need to be with her so the kids will be off for a couple of days.", "avoid"),
    ("His dad has him this week and says he's poorly, I haven't seen him myself so I can't tell you.", "caution"),
    ("Jasmine is off as she says she feels sick. Seems ok now though tbh.", "caution"),
    # Beside them: not seen this morning because she is asleep is not hearsay.
    ("She has a fever, I haven't seen her this morning yet as she's asleep.", "ok"),
    ])


def test_the_round_40_cases():
    _each(_checked, [
    ("Kacper will not come to school today, he is ill, he has high fever since yesterday.", "ok"),
    ("He's too poorly to come in, though between you and me I think it's more that he's dreading PE.", "avoid"),
    ("Nid yw Cai yn dod i'r ysgol heddiw, we're off to Cardiff for the rugby! Diolch!", "avoid"),
    ("skipping today, she's way behind on sleep after exams. she's fine tho", "avoid"),
    ("Going through a lot at home with the divorce so Lewis will be off for a few days till things settle", "avoid"),
    ("Aisha has her kidney follow-up at Great Ormond Street today. It takes the whole day.", "ok"),
    ("Per the return plan we agreed at Tuesday's meeting, Isla is doing 10 till 12 only this week.", "ok"),
    # Beside them: skipping breakfast is not skipping school.
    ("She is skipping breakfast as she feels sick.", "ok"),
    ])


def test_the_round_41_cases():
    _each(_checked, [
    ("Grace's EHCP says she needs 1:1 and there was no 1:1 today, so the school rang at 9.20 and asked me to "
     "collect her.", "caution"),
    ("Harry's back is playing up again after rugby so he's staying home to rest it.", "caution"),
    ("School rang first thing to say the heating's failed and they're closed, so Jack is at home today.", "ok"),
    ("Just to say Noah won't be in, he's been really low and can't get himself out of bed.", "caution"),
    # Beside them: the parent's own "I can't get him to school" is still the FAQ's example.
    ("I can't get him to school, he's refusing.", "avoid"),
    ])


def test_the_round_42_cases():
    _each(_checked, [
    # Someone else's appointment or emergency is not the child's.
    ("Freya is tagging along to her sister's hospital appointment this morning so she won't be in.", "avoid"),
    ("Sorry, Ben won't be in, we're at the hospital with my mum, she was taken in last night.", "caution"),
    # Well by the parent's word, "just needs" a day; a lesson or teacher as the reason.
    ("Honestly he's fine, he just needs a mental health day after a busy week.", "avoid"),
    ("Max gets a stomach ache every time he has Mrs Patel for maths so we're keeping him home on Mondays for now.",
     "avoid"),
    # The morning arguments, and doubt that the parent can make the child go.
    ("I can't be doing with the rows every morning, so she's at home.", "avoid"),
    ("She's crying and saying her tummy hurts. I don't think I can make her go today.", "avoid"),
    # Cautions: one class named; advice not to force; a question; a doubt; feeling rubbish.
    ("He was shaking at the gate saying he can't go back to that classroom.", "caution"),
    ("The psychologist advised us not to push Ava into school for now, so she's at home.", "caution"),
    ("Oscar has a rash, should I keep him home?", "caution"),
    ("Not sure if she's really unwell or just tired, she's at home today.", "caution"),
    ("Ruby is feeling rubbish so she's staying home today.", "caution"),
    # Fine: medical advice in other words, treatment, injuries named, leave granted.
    ("The nurse at the clinic warned us she'd be sore after the jab and to keep her home tomorrow.", "ok"),
    ("Tom has concussion after a fall at rugby so he's off today.", "ok"),
    ("Grace's leave for her cousin's wedding has been approved by Mrs Ahmed.", "ok"),
    # An appointment, then the rest of the day at home: a caution, not giving up.
    ("She has an orthodontist appointment at 11 so it's easier to keep her home all day.", "caution"),
    # Beside them: a question about work during a suspension is not a question about staying home;
    # leave not yet granted is not leave; refusing a class stays avoid.
    ("Just confirming we got the letter about Leo's suspension until Thursday, so he won't be in. Has work "
     "been set for him?", "ok"),
    ("I sent the leave form but we're going to Pakistan for 4 weeks whether it's approved or not.", "avoid"),
    ("He says he won't go back to that class, he hates the teacher.", "avoid"),
    ])


@pytest.mark.parametrize("text,verdict", [
    ("He said he'd rather die than go back there; I'm keeping him home and calling the GP.", "avoid"),
    ("She has been self-harming and is too unwell to attend today.", "ok"),
    ("Told me last night he doesn't want to live any more. We're at the GP at 10.", None),
    ("Sorry, she's been saying she wants to kill herself, I can't send her in like this.", None),
])
def test_a_child_who_talks_of_dying_or_self_harm_gets_urgent_help_first(text, verdict):
    # Whatever the verdict says about the wording, the first hint is where to get help now.
    result = check_text(text)
    if verdict:
        assert result.verdict == verdict
    assert result.hints[0].startswith("If your child has talked about wanting to die")
    assert "999" in result.hints[0] and "116 123" in result.hints[0]


@pytest.mark.parametrize("text", [
    "He hurt himself at football so he's off today.",
    "She'd rather stay in bed, she says.",
    "The dog died at the weekend and she's upset.",
])
def test_everyday_words_near_it_get_no_crisis_hint(text):
    assert not any("wanting to die" in h for h in check_text(text).hints)


def test_the_rounds_42b_and_42c_cases():
    _each(_checked, [
    # Someone else's appointment or illness as the reason; a relative's event; a show or a deal.
    ("Jess is coming with me today as her brother has a hearing test at the hospital.", "avoid"),
    ("Her grandad isn't well and she wants to be with him, so she's home today.", "avoid"),
    ("It's her little brother's nativity this morning and she's desperate to watch it so she won't be in.", "avoid"),
    ("We're off to the Great Yorkshire Show today so Olly won't be in.", "avoid"),
    ("We got a great deal on flights so we're away next week.", "avoid"),
    # Kept out until something changes, or a boycott.
    ("Finn will be back once the complaint about his teacher has been resolved.", "avoid"),
    ("He is boycotting PE lessons over the new kit rules.", "avoid"),
    ("He won't be going back until he gets a new teacher.", "avoid"),
    # The illness undermined or denied in the same message.
    ("He's too poorly to come in, but honestly he could easily go in.", "avoid"),
    ("He's not ill as such, just avoiding school.", "avoid"),
    ("Sophie is poorly again, and she really is ill this time.", "caution"),
    ("She was sick but I reckon it's just nerves about the test.", "caution"),
    # Well children kept home, and a match to rest for.
    ("My eldest has flu so I'm keeping all of them home.", "avoid"),
    ("With her big swimming gala tomorrow I'm keeping her off to rest.", "avoid"),
    ("He's just not bothered about school at the moment.", "avoid"),
    # Precautions and rest days: a caution.
    ("Mia has a cough and we didn't want her spreading it to the class.", "caution"),
    ("He's a bit run down, I reckon a day at home would do him good.", "caution"),
    # Fine: the school's advice, council transport, the child's own illness behind "can't manage".
    ("Following the head's advice Leo is staying home until the rash clears.", "ok"),
    ("Her taxi didn't turn up this morning (SEN transport), so she's at home.", "ok"),
    ("Ellie is unwell with a flare of her ME/CFS and can't manage school today.", "ok"),
    ("Jessica's been so anxious she's made herself sick, so she's not well enough to attend today.", "ok"),
    # Beside them: asking for leave stays a caution; a brother's appointment before a late start is
    # lateness.
    ("Can Holly be off Friday for her cousin's graduation?", "caution"),
    ("His brother has a dentist appointment at 9 so he'll be in late.", "caution"),
    ])


def test_the_round_43_cases():
    _each(_checked, [
    ("We're taking my nan to her eye clinic appointment and Josh is coming with us.", "avoid"),
    ("I kept Tom home to help me with the baby today.", "avoid"),
    ("He's had enough of school and he's not going in today.", "avoid"),
    ("She needs a day at home to catch up on her coursework.", "avoid"),
    ("To be honest I think he just likes being at home.", "avoid"),
    ("Mornings are a battle every day, so he's at home.", "avoid"),
    ("Sleepover hangover, she's shattered, back tomorrow.", "avoid"),
    ("It's only a cold, nothing serious, so we're having a cosy day at home.", "avoid"),
    # A trip the same evening as an illness absence: a caution.
    ("Freya is too unwell to attend today; we're driving down to Cornwall tonight.", "caution"),
    # Fine: not medically well enough, said by the clinical team.
    ("Ava is not medically well enough to attend this week, on the eating disorder team's advice.", "ok"),
    # Beside them: asking first stays the caution of asking; "not really himself" is his state, not a
    # denial; working out a plan with school is not the parent's job; council transport awaited is
    # not unmet needs.
    ("Is it ok if Poppy misses Friday? She has a county netball trial.", "caution"),
    ("Please mark Leo as ill, he's not really himself today.", "caution"),
    ("We need to work out a plan with school, she is overwhelmed.", "caution"),
    ("We're still waiting on the council to arrange transport so he can't get there yet.", "caution"),
    ])


def test_urgent_help_comes_first_in_every_output(cli, tmp_path):
    said = "He has a temperature and last night he told me he wants to kill himself."
    # check: before the verdict; --json: its own key, and the first hint.
    plain = cli("check", said).stdout
    assert plain.startswith("Get help now:") and "999" in plain.splitlines()[0]
    data = json.loads(cli("check", "--json", said).stdout)
    assert data["urgent"] and data["hints"][0] == data["urgent"]
    # check --file: at the top of the whole draft, and in its JSON.
    draft = tmp_path / "email.txt"
    draft.write_text(f"Dear Mrs Smith,\n\nJamie will not be in today. {said}\n\nKind regards,\nSarah\n", encoding="utf-8")
    assert cli("check", "--file", str(draft)).stdout.startswith("Get help now:")
    assert json.loads(cli("check", "--file", str(draft), "--json").stdout)["urgent"] == data["urgent"]


def test_the_add_absence_gate_says_where_to_get_help_whatever_the_verdict(cli, ready):
    logged = cli("add-absence", "--date", "today", "--reason",
                 "He has a temperature and told me last night he wants to kill himself.", ok=True)
    assert logged.stderr.startswith("Get help now:") and "999" in logged.stderr and "116 123" in logged.stderr
    data = json.loads(cli("add-absence", "--date", "yesterday", "--reason", "She said she wants to die.",
                          "--accept-wording", "--json", ok=True).stdout)
    assert "999" in data["urgent"]


@pytest.mark.parametrize("text", [
    "he has been cutting himself", "she wishes she was dead", "she said she wants to top herself",
    "she talked about taking her own life", "he's in hospital after an overdose", "she doesn't want to be here.",
    "Mae hi eisiau marw", "he says there's no point living",
    "He said he's going to kill himself.", "she's gonna kill herself", "She wishes she was never born.",
    "She has been cutting her arm.", "He keeps saying he'll top himself", "life isn't worth living",
    "She wishes she could just disappear.", "tried to strangle herself", "wants tae dee", "he's hurting himself on purpose",
    # The attacker on round 87, answering the gate's "What was wrong?":
    "he's been burning himself with a lighter", "he's been banging his head against the wall till it bleeds",
    "he cut himself", "he says he wishes he'd never been born", "he's not eating and says he hates himself",
    # ... and on round 88:
    "He's been burning his arms with a lighter.", "He has cuts on his arms that he did himself.",
    "He's been scratching at his arms until they bleed.",
])
def test_talk_of_dying_or_self_harm_in_everyday_words_gets_urgent_help(text):
    assert check_text(text).urgent


@pytest.mark.parametrize("text", [
    "She said she will not be here tomorrow.", "He didn't want to wake up this morning, he has a temperature.",
    "She has taken all her tablets this morning but still has a temperature.", "He cut himself shaving.",
    "She's hurt herself again, sprained her ankle.", "She has been talking about ending it with her boyfriend.",
    "I can't go on like this, the school keeps ringing me.", "The teacher said the class would be better off without him.",
    "She wants to die her hair pink.", "He is going to be dead on his feet.",
    "He nearly killed himself laughing at the panto.", "Her grandad is going to die, the hospice called.",
    "She says she is going to die of embarrassment if she has to do PE.", "She does not want to live with her dad any more.",
    "She wants to end it with her boyfriend.", "He is going to be dead on his feet.", "She cut herself on a glass last night.",
    # The attacker on round 88: accidents, not self-harm.
    "She burned herself badly on the iron last night, we're waiting at the burns clinic.",
    "He burnt himself with the kettle this morning and we're at the minor injuries unit.",
    "He cut himself badly on a broken glass last night and needed stitches, so we're at A&E.",
    "He banged his head on the door frame and has a concussion.",
    "He keeps scratching himself with the chickenpox and the spots are infected.",
])
def test_everyday_words_like_them_get_no_urgent_help(text):
    assert check_text(text).urgent is None


def test_the_round_44_cases():
    _each(_checked, [
    ("We've decided to have a family day out as it's half term for her cousins.", "avoid"),
    ("She will come back when she is ready, I'm not forcing her.", "avoid"),
    ("We're off to the caravan for a long weekend so she won't be in Friday.", "avoid"),
    ("We're going into town this morning to get his new school shoes.", "avoid"),
    ("Harry's home today as we're waiting in for the emergency plumber and I can't leave the house.", "avoid"),
    ("Honestly I don't know what to do with her any more, she won't go in.", "avoid"),
    ("we fly out to Spain tonight so she won't be in", "avoid"),
    # Cautions: an appointment whose it is is unclear; told second-hand; time out from school.
    ("Ieuan can't come in today, he's got a hospital appointment with his sister.", "caution"),
    ("His dad's texted to say he's ill. I haven't seen him so I can't tell you more.", "caution"),
    ("Her therapist suggested she takes some time out from school for her wellbeing.", "caution"),
    ("Amber is staying home with me today, she's very emotional after her grandmother passed away on Sunday.",
     "caution"),
    # The school's word is not the family's decision (a caution for naming no reason, never avoid);
    # a year group sent home is fine.
    ("Jake's staying at home today like Mrs Khan told us to, until the meeting on Friday.", "caution"),
    ("School rang to say the Year 9 block has no heating and her year group has to stay home today.", "ok"),
    # Beside them: a danger at home is an emergency; lateness stays lateness; a trip to the hospital
    # after an illness is not a trip; a named illness beside the morning battle is a caution.
    ("Carbon monoxide alarm went off at 6 and we've been out on the street waiting for the gas man.", "caution"),
    ("Morning Miss, Sienna will be in late, we're waiting on the plumber. Sorry!", "caution"),
    ("She has tonsillitis and is too unwell to attend today, we are off to the hospital this afternoon.", "ok"),
    ("Mornings are a battle with her Crohn's, she is in a flare and too unwell to attend today.", "caution"),
    ("He has had enough to eat today which is good, but he still has a temperature of 39.", "ok"),
    ])


def test_the_round_44_attack_cases():
    _each(_checked, [
    # From the attack on round 44: a hospital, a clinic or an appointment is not a trip or shopping.
    ("We're going to the cottage hospital for her X-ray this morning.", "ok"),
    ("We're going to the opticians this afternoon.", "ok"),
    ("We're going into town for her orthodontist appointment.", "ok"),
    ("We're heading to the RVI tonight, she's been admitted.", "caution"),
    ("We're waiting in for the emergency plumber because a pipe has burst and the kitchen is flooding.", "caution"),
    ("I don't know what to do with her medication, the GP changed it.", "ok"),
    ("Lily has a hospital appointment with her mum this morning.", "ok"),
    ])


def test_a_corrected_reason_is_read_for_urgent_help_too(cli, ready):
    cli("add-absence", "--date", "yesterday", "--reason", "Too unwell to attend (migraine)", ok=True)
    edited = cli("edit", "1", "--why", "what she told me", "--reason",
                 "She has a migraine and told me she wants to die.", "--accept-wording", ok=True)
    assert edited.stderr.startswith("Get help now:") and "116 123" in edited.stderr
    quiet = cli("edit", "1", "--why", "typo", "--reason", "Too unwell to attend (a migraine)", ok=True)
    assert "Get help now" not in quiet.stderr


# --- 2026-12: a greeting with no comma is only a short line --------------------------------------
def test_a_greeting_without_a_comma_does_not_swallow_the_reason():
    _each(_checked, [
    ("Hi Jack wont be in today sorry", "caution"),  # the whole reason, not a greeting: no reason given
    ("Hiya Tom is off today sorry", "caution"),
    ("Hi Mrs Patel\nTilly is too unwell to attend today.", "ok"),
    ("Good morning Mrs Patel-Jones\nHe is refusing to go in.", "avoid"),
    ])


def test_the_second_reading_never_raises_a_reason_that_tells_of_a_crisis():
    text = "She says she wants to die and I cannot leave her on her own today at all, I am so scared"
    result = check_text(text)
    assert result.urgent and "116 123" in result.urgent
    assert not any(f.rule == "second_reading" for f in result.findings)


@pytest.mark.parametrize("text", [
    "He is unwell so will be absent today, please tell his teacher",
    "My daughter is poorly so won't make it in today, they have been like this since the weekend",
    "Tom has been ill overnight so won't make it in today, thank you for letting his teacher know",
    "She has a bad cough and a temperature and I am keeping her off today to rest",
])
def test_the_second_reading_never_asks_more_of_an_illness_said_plainly(text):
    assert not any(f.rule == "second_reading" for f in check_text(text).findings)


# --- 2026-12 review: a word that is not an illness is never carried into a suggestion -------------
@pytest.mark.parametrize("text,not_carried", [
    ("She won't go in because the temp teacher keeps shouting at her and we have given up", "temp"),
    ("She had a cold lunch yesterday and says she won't go back", "cold"),
    ("He won't go in, the school operation of the new timetable is a mess", "operation"),
    ("He is refusing because his sick friend is off and he has nobody to sit with", "sick"),
    ("He says a big bug in the playground scared him and he refuses to go", "bug"),
])
def test_a_word_that_is_not_an_illness_is_never_suggested(text, not_carried):
    result = check_text(text)
    assert result.verdict == "avoid"
    assert result.suggestion is None or not_carried not in result.suggestion.lower(), result.suggestion


@pytest.mark.parametrize("text,carried", [
    ("She has a temp today so is staying home", "temp"),
    ("She has a cold sore and a swollen lip so she is staying home", "cold sore"),
    ("He has the bug that's going round so he's staying home", "bug"),
])
def test_the_same_words_as_illnesses_still_are(text, carried):
    suggestion = check_text(text).suggestion or ""
    assert carried in suggestion, suggestion


def test_the_faqs_words_denied_are_a_denial():
    result = check_text("She is not too unwell to attend, we have decided to keep her home today and see how she goes")
    assert result.verdict == "avoid" and result.suggestion is None and result.withheld


def test_a_day_to_see_how_things_go_is_not_a_day_off():
    result = check_text("She has a migraine so we have decided to keep her at home today and see how things go tomorrow")
    assert "tomorrow" not in result.suggestion and "today" in result.suggestion


def test_a_childs_name_that_is_also_a_word_is_masked_only_as_a_name():
    from refusal_log.wording import load_rules
    from refusal_log.wording.verdict import masked_names
    text = "Will is poorly so will not be in today, we will see how things are and I will call tomorrow"
    assert masked_names(text, load_rules()) == text.replace("Will is", "Name is", 1)
    assert check_text(text).verdict == check_text(text.replace("Will is", "Tom is", 1)).verdict


def test_invisible_characters_between_words_still_count_as_words():
    from refusal_log.wording.readers import word_count
    assert word_count("He\u200bis\u200bunwell today") == 4
    assert word_count("He re\u00adfuses to go") == 4  # a soft hyphen inside a word is part of it
    assert word_count("  one  two ") == 2


def test_a_soft_hyphen_or_a_joiner_inside_a_word_hides_nothing():
    _each(_checked, [
    ("He re\u00adfuses to go in.", "avoid"),
    ("He re\u200dfuses to go in.", "avoid"),
    ("She is un\u00adwell today.", "ok"),
    ])


def test_invisible_characters_alone_are_no_text():
    from refusal_log.errors import InvalidInput
    with pytest.raises(InvalidInput):
        check_text("\u200b\u00ad ")


def test_shabbat_coming_in_early_is_religious_observance():
    _checked("Dear Ms Ahmed, we will be observing Shabbat early this Friday so Eli will need to leave at 1pm.", "ok")


def test_someone_elses_emergency_is_not_explained_as_a_travel_problem():
    result = check_text("My husband was rushed to A&E and there's no one to take her to school this morning")
    assert not any(f.rule == "travel" for f in result.findings)
    assert any(f.rule == "family_illness" for f in result.findings)


def test_a_child_not_safe_alone_is_not_a_relatives_situation():
    result = check_text("She says she wants to die and I cannot leave her on her own today at all")
    assert result.urgent and result.verdict != "avoid"
    assert not any(f.rule == "parent_situation" for f in result.findings)


# --- 2026-12: classes from blind215-220 (measured sealed first) ------------------------------------
def test_the_blind215_220_classes():
    _each(_checked, [
    # "As soon as we're done" is the appointment ending, not giving up.
    ("Evie has a filling at the community dental clinic at 9, I'll bring her in as soon as we're done.", "ok"),
    ("He won't go in and honestly we're done.", "avoid"),
    # The school shut: staying home is the school's decision.
    ("The school is shut today because of the boiler so Maisie is staying home.", "ok"),
    ("He's staying home because his school is shut for the strike.", "ok"),
    ("She's staying home, she's fed up because the school shut the library.", "caution"),
    # A clinician's advice with a range of days ("said to expect 2-3 days off").
    ("Please mark Amara as ill. She has tonsillitis, the GP prescribed antibiotics yesterday and said to expect 2-3 days off.", "ok"),
    # An errand after the appointment: the appointment is fine, the errand is not.
    ("Lucas has a doctors appointment this morning and then I need to get him some new school shoes, so he'll be in for afternoon reg.", "caution"),
    ("Robyn has the dentist at 9 and then I'm taking her for new school shoes while we're out.", "caution"),
    ("Sam has his CAMHS appointment this morning 9.30 and then I'll drop him in for period 3.", "ok"),
    ])


def test_one_finding_per_thing_said():
    result = check_text("Jenna couldn't get in today, there's a bus strike on and there's no other way for her "
                        "to get there as I start work at 7.")
    spans = [(f.rule, f.start, f.end) for f in result.findings]
    assert len(spans) == len({rule for rule, _, _ in spans}), spans


@pytest.mark.parametrize("text,carried", [
    ("Hello, Fatima has some problems with her periods and will be staying home today. Thank you.",
     "problems with her periods"),
    ("She has heavy periods and is staying home today.", "heavy periods"),
])
def test_period_problems_are_the_childs_illness(text, carried):
    result = _checked(text, "caution")
    assert carried in result.suggestion


# --- 2026-12 second review ----------------------------------------------------------------------------
def test_the_second_review_cases():
    _each(_checked, [
    ("She wasn't too unwell to attend yesterday but today she has a fever.", "ok"),  # a past day's state
    ("She's not too unwell to attend; she has a dental appointment at 10.", "caution"),
    ("She is not too unwell to attend, we have decided to keep her home today", "avoid"),
    ("He has to leave at 1pm on Friday because Shabbat starts early.", "ok"),
    ("She won't be in on Saturday as it is Shabbat.", "ok"),
    ("She has tonsillitis, the GP saw her and then we went to get her medicine in town.", "ok"),
    ("She had a hospital appointment then we popped to the shops.", "caution"),
    ])


@pytest.mark.parametrize("text,not_carried", [
    ("He won't go in because it's flu jab day.", "flu"),
    ("He's staying home because of the operation at school.", "operation"),
    ("He won't go in, he's obsessed with a computer bug.", "bug"),
])
def test_more_words_that_are_not_illnesses_are_never_suggested(text, not_carried):
    suggestion = check_text(text).suggestion
    assert suggestion is None or not_carried not in suggestion.lower(), suggestion


def test_an_errand_after_an_appointment_is_worded_as_nothing():
    result = check_text("He has an orthodontist appointment and then he's going to see his gran.")
    assert result.verdict == "caution" and result.suggestion is None


@pytest.mark.parametrize("text", [
    "I cannot leave her on her own, she keeps talking about dying.",
    "I cannot leave her on her own, I'm worried she'll hurt herself.",
])
def test_more_words_for_a_crisis_bring_urgent_help(text):
    assert "116 123" in (check_text(text).urgent or "")


def test_a_fall_on_the_trampoline_is_not_a_crisis():
    assert check_text("I'm worried she'll hurt herself on the trampoline.").urgent is None


@pytest.mark.parametrize("text", [
    "Ben overslept sorry, he'll be in after lunch.",
    "Hi, Riley overslept, his alarm didn't go off, he'll be in after break.",
    "Sorry we all slept in, Lola will be in after dinner",
])
def test_oversleeping_then_a_late_start_is_avoid_as_every_writer_reads_it(text):
    result = _checked(text, "avoid")
    assert result.suggestion is None and result.withheld


def test_a_guess_at_the_cause_beside_the_symptom_is_a_caution():
    _each(_checked, [
    ("Grace has a bit of a tummy ache and I think she might be coming down with something so she'll be off.", "caution"),
    ("Mohammed has headache and stomach pain many mornings now, today also. He stay at home. I think maybe it is "
     "stress from school?", "caution"),
    ("Hannah's off today with a stomach ache. I think it might be nerves about the swimming lesson tbh.", "caution"),
    # The FAQ's own words said as well: plain.
    ("I think Zoe might be coming down with something - she's running 38 and feels awful, so she's too unwell to "
     "come in today.", "ok"),
    ("He's had a stressful week but today he has a high temperature.", "ok"),
    ])


@pytest.mark.parametrize("text,verdict", [
    ("Hi, Esme's on a part time timetable from last week I think? So she'll be home this afternoon", "caution"),
    ("Matthew's at home today, he's on the reduced timetable but I'm not sure if today is one of his days, can you "
     "check for me?", "caution"),
    ("Hi, we're still waiting to hear back about the part time timetable we asked for, so for now Owen will be doing "
     "mornings only from tomorrow.", "caution"),
    ("As per the part-time timetable agreed at the meeting on the 3rd, Tyler only does mornings this week so I'll "
     "collect him at 12.", "ok"),
])
def test_a_timetable_the_parent_is_unsure_of_is_a_caution(text, verdict):
    result = _checked(text, verdict)
    assert verdict == "ok" or result.suggestion is None


@pytest.mark.parametrize("text", [
    "My husband had a medical emergency so we couldn't get him to school.",
    "We had to deal with a medical emergency with my mum so she stayed home with her brother.",
])
def test_someone_elses_medical_emergency_is_never_worded_as_the_childs(text):
    suggestion = check_text(text).suggestion
    assert suggestion is None or "emergency" not in suggestion, suggestion


# --- the third review's near misses: what must not be cleared -------------------------------------------
@pytest.mark.parametrize("text", [
    "There was a medical emergency on the train so we couldn't get there.",
    "The school bus for the trip to the zoo was cancelled so she's not coming in.",
    "We got a text about the closure of the swimming pool, so she's home.",
    "The leisure centre put up a closure notice so she can't go to swimming.",
    "The tutor rang to say she should stay home and do her tutoring instead.",
])
def test_near_misses_of_the_lawful_readings_are_not_fine(text):
    assert check_text(text).verdict != "ok"


def test_an_agreed_timetable_with_only_the_time_unsure_stays_fine():
    _checked("She's on a part-time timetable agreed with the school - I think she finishes at 12 today.", "ok")


@pytest.mark.parametrize("text", ["Maybe it is stress.",
                                  "She is not coming in, I think she is coming down with something."])
def test_a_guess_is_never_worded_as_illness(text):
    assert check_text(text).suggestion is None


def test_the_blind227_232_lawful_reasons():
    _each(_checked, [
    ("The council bus for Mollie didnt run this morning, operator texted at 7.10 to say its cancelled cos of snow.", "ok"),
    ("The school rang last night to say Harvey should stay home today while the heating in his block is fixed, so "
     "he won't be in.", "ok"),
    ("Dear Attendance Officer, as authorised in the head's letter of 3 March, Rowan will be absent on Friday to "
     "attend his grandmother's funeral.", "ok"),
    ("Got the closure notice for the snow, so Ffion will be at home with me today. Diolch.", "ok"),
    # A bus pass is not the council's bus.
    ("Mrs Ali, Yusuf won't be in as his school bus pass still hasn't come through and I can't afford the fares "
     "this week.", "avoid"),
    ])



# --- blind233-241: the family's own transport, a trip till a day, permission, a serious fever -------

@pytest.mark.parametrize("text,verdict", [
    # The family's own car or a missed bus, the child out all day: the FAQ's "can't get her to school".
    ("Please mark Lily as absent today, the car's broken down and I can't get her in, we live six miles out.", "avoid"),
    ("Henry missed the bus and I couldn't drive him in, sorry", "avoid"),
    ("Car's broke down, can't get them in today", "avoid"),
    # Late rather than absent, or what no parent can help, stays a caution.
    ("Missed the bus, sorry, will try get him in for the afternoon.", "caution"),
    ("Car broke down on the way, sorry", "caution"),
    ("The buses aren't running because of the snow, so Mia can't get in.", "caution"),
    ("I've had a fall and can't drive her in.", "caution"),
])
def test_the_familys_own_transport_keeping_the_child_out_is_avoid(text, verdict):
    result = _checked(text, verdict)
    assert result.suggestion is None  # never worded as illness
    assert len([f for f in result.findings if f.rule == "travel"]) <= 2


def test_one_finding_per_thing_said_when_two_entries_read_it():
    # (A caution since round 42: the family's car alone, with no "can't get him in".)
    findings = check_text("My car's broken down so Freddie won't be in").findings
    assert [(f.rule, f.severity) for f in findings] == [("travel", "caution")]


@pytest.mark.parametrize("text,verdict", [
    ("We're away in Tenerife until Friday, Oliver will be back Monday.", "avoid"),
    ("we're in spain till friday back monday", "avoid"),
    ("Olivia won't be in today or tomorrow, we've had to go up to Glasgow for a family thing.", "avoid"),
    ("Picking Tyler up at 1 for his cousin's birthday party", "avoid"),
    # A trip for a death or illness in the family is leave to ask for; hospital is not a trip.
    ("We're in Pakistan till the 20th for my dad's funeral.", "caution"),
    ("We're in hospital till Friday with Ava, her asthma is bad.", "ok"),
    ("Can Maya have the day off on Friday for her sister's graduation? Let me know.", "caution"),
])
def test_a_trip_till_a_day_or_a_family_party_is_a_holiday(text, verdict):
    result = _checked(text, verdict)
    assert result.suggestion is None


def test_a_serious_fever_then_staying_home_and_permission_given():
    _each(_checked, [
    # A serious fever or a night of sickness, then staying home: the illness's consequence.
    ("Aoife's not well at all, she's been burning up with a fever since last night so she'll be staying home, sorry.", "ok"),
    ("Finley was up half the night being sick so he's staying home.", "ok"),
    # A third day off counts the days; it is not a rest day chosen.
    ("Maisie is still unwell with flu and won't be in today. This is her third day off.", "ok"),
    # Permission given stays the parent's choice beside any illness.
    ("Harry's got tonsillitis so I've let him stay home.", "caution"),
    ("Louis feels a bit under the weather so I'm letting him have a duvet day.", "avoid"),
    # Whose and when the illness is still matters.
    # (Last week's flu is over: one more day at home is the rest day's avoid since the newcomer on round 37; the
    # table keeps both readings for it.)
    ("She had flu last week and now no temperature, so she's staying home one more day.", "avoid"),
    ("She's got a cold, so she is staying home.", "caution"),
    ])


# --- blind233-244: doubt, rest, home life, precautions, errands and grievances in other words -------

@pytest.mark.parametrize("text,verdict", [
    # The cause named after the illness, or the child able to attend by the parent's own account.
    ("Elijah is off sick again. To be honest I think it's because he hates maths on a Tuesday.", "avoid"),
    ("Honestly he could probably come in but he's been a bit off colour so I'm giving him the day.", "avoid"),
    ("Erin has a sore throat, she might be OK but I'd rather not risk it.", "avoid"),
    ("She's not putting it on this time, Bea genuinely has a migraine.", "caution"),
    ("Felix has been complaining of tummy aches most mornings this week. He's at home today.", "caution"),
    # A worse anxiety said plainly, with its mornings, is not doubt; nor is a return once better.
    ("Ruby is too unwell to attend today due to her anxiety. She has had panic attacks every morning since Sunday.",
     "ok"),
    ("Zain is too unwell to attend this week. I'll ring each morning with an update.", "ok"),
])
def test_doubt_in_other_words(text, verdict):
    result = _checked(text, verdict)
    if verdict == "avoid":
        assert result.suggestion is None and result.withheld


@pytest.mark.parametrize("text,verdict", [
    ("Hi, Sam's just not coping with school right now so we're giving him a few days at home to reset.", "avoid"),
    ("Imogen is unwell today. She's been struggling for a while now and I think she just needs a rest.", "caution"),
    ("Me and her dad have split up and it's all a bit chaotic at home, she'll be back when things settle.", "avoid"),
    ("Marcus has been suspended before, so after what happened in PE yesterday I'm keeping him home today to let "
     "things calm down.", "avoid"),
    ("Just to let you know Leah won't be in, she's with me at the hospital while her brother has his operation.",
     "avoid"),
    ("Kacper's dad has Covid so we're all staying at home this week to stop it spreading.", "avoid"),
    ("Evie won't be in, I'm taking her for her passport photos.", "avoid"),
    ("Haven't had a chance to get her new school shoes so she's off till Saturday.", "avoid"),
    ("He ain't coming in today cos he's still vexed about his phone getting confiscated.", "avoid"),
    ("Sorry I not bring Ana today, my car is broken and bus too expensive.", "avoid"),
    # Not errands: shoes that would not go on, an appointment that could not be moved.
    ("This morning he was too overwhelmed to leave the house and couldn't get his shoes on.", "caution"),
])
def test_rest_home_life_precautions_errands_and_grievances(text, verdict):
    result = _checked(text, verdict)
    assert "too unwell" not in (result.suggestion or "") or verdict != "avoid" or "unwell" in text.lower()


def test_permission_for_distress_slang_illness_and_leave_in_other_words():
    _each(_checked, [
    # Permission given for distress alone is a choice; beside a named illness it stays a caution.
    ("Hi, Annabel is a bit anxious this morning so I've let her have the day at home.", "avoid"),
    ("Lexi's period pains are bad today so I've let her stay home.", "caution"),
    # Slang illness and lawful leave in other words.
    ("Awright, Kayden's no comin in, he's pure rough wi the cold", "ok"),
    # (Kept off till it has cleared, with the 48 hours: the illness's own rule since round 40, no longer a caution.)
    ("Kid's got the skitters, keeping him off till it's cleared 48 hrs", "ok"),
    ("Amelia has her grandad's funeral on Thursday. I spoke to the head last week and she has authorised the "
     "absence.", "ok"),
    ])


def test_two_entries_reading_the_same_words_alike_give_one_finding():
    findings = check_text("Rosie won't be in, she's exhausted after our weekend away, we only got back at "
                          "midnight.").findings
    assert len({(f.rule, f.start, f.end) for f in findings}) == len(findings)


# --- blind245-250 (measured sealed first, then read) ------------------------------------------------

@pytest.mark.parametrize("text,verdict", [
    # The school's word, leave granted and the council's bus, in other forms.
    ("Letter said Year 8 are to stay home on strike day, so Jess is home.", "ok"),
    ("Got a text from the school saying the site is closed today, so Adam is at home.", "ok"),
    ("Hi Mr Jones, as per the leave request you approved, Anya will be off Thurs and Fri", "ok"),
    ("Mrs Davies gave written permission for Seren to attend her grandad's funeral today, thank you.", "ok"),
    ("No school bus came this morning (the council one), Tyler is at home ready if you can sort anything", "ok"),
    ("Pip's been vommin' since 5am, poor lamb. Defo not coming in. Will let u know tomorrow x", "ok"),
    # The child on strike is still a stance.
    ("Bailey is on strike again, says school is pointless.", "avoid"),
])
def test_the_schools_word_leave_and_sickness_in_other_forms(text, verdict):
    result = _checked(text, verdict)
    assert not (result.suggestion or "").startswith("Letter")


@pytest.mark.parametrize("text,verdict", [
    ("Lewis won't be in today, he's got an interview for a Saturday job.", "avoid"),
    ("I'm giving Grace a mental health day today. She's been working really hard and deserves a rest.", "avoid"),
    ("We're not sending Molly in until the uniform issue is resolved.", "avoid"),
    ("Rhys is unwell but he's really worried about that group of lads, so I'm keeping him home until you've dealt "
     "with it.", "avoid"),
    ("I'm choosing to keep Reuben home while I'm in dispute with the head about his last exclusion.", "avoid"),
    ("Riley was unwell first thing but he's perked up now and gone round to his mate's.", "avoid"),
    ("Henry's absent as he's got a tummy ache, although he did seem fine once he knew he wasn't going in.", "avoid"),
    # An illness that has to clear is not a condition set on the school.
    ("She has a temperature, so she'll stay home until the fever is resolved.", "caution"),
])
def test_errands_rewards_conditions_and_recoveries(text, verdict):
    result = _checked(text, verdict)
    if verdict == "avoid":
        assert result.suggestion is None or "[" in result.suggestion or "unwell" in text


def test_a_letter_is_never_taken_for_the_childs_name():
    result = check_text("Letter says she has to stay home, so she won't be in today.")
    assert not (result.suggestion or "").startswith("Letter")


# The attack on the rounds above: honest reasons near the new words stay fine.
@pytest.mark.parametrize("text", [
    "He could probably manage the walk but he has a fractured ankle so he cannot attend.",
    "Sam could possibly go in but he has a fever of 39 so he is too unwell to attend.",
    "It's because he's nervous about his operation tomorrow; he has anxiety and is too unwell to attend.",
    "We are in Leeds until Friday for Sam's operation at the children's hospital.",
    "Sam has an orthodontist appointment so we are in Leeds till 2.",
    "Sam was too ill to go to his cousin's birthday party and is too unwell to attend school today.",
    "Sam is off sick, he has flu; we cancelled going to his dad's birthday party.",
    "Sam had an operation on Monday and needs a week at home to recuperate, as the surgeon advised.",
    "Sam has long covid and really needs some rest, the GP has signed him off.",
    "Sam has the norovirus, so he is staying at home for 48 hours after the last vomit to stop it spreading.",
    "Sam's sister has covid so we are keeping Sam off to stop it spreading, as 111 advised.",
    "The council minibus didn't come today and my car is broken, so Sam is at home.",
    "We have not bought the new school shoes as he has been in hospital all week.",
    "She says she has a headache most mornings, the GP has referred her to neurology.",
])
def test_honest_reasons_near_the_new_words_stay_fine(text):
    assert check_text(text).verdict == "ok", [(f.rule, f.matched) for f in check_text(text).findings]


@pytest.mark.parametrize("text", [
    "He was rough with another child yesterday so I'm keeping him home today.",
    "She was rotten to her teacher so she's staying off today.",
])
def test_behaviour_is_never_worded_as_illness(text):
    suggestion = check_text(text).suggestion
    assert suggestion is None or "[what is wrong]" in suggestion  # the parent is asked, never told


def test_a_late_arrival_after_a_breakdown_stays_a_caution():
    _checked("Car broke down, Sam will be in for period 3.", "caution")


def test_the_attacks_misses_in_other_words():
    _each(_checked, [
    # The attack's misses: the same ideas in other words.
    ("The car's dead so Sam won't be in today.", "caution"),  # round 42: the car alone is a caution
    ("The car's dead so I can't get Sam in today.", "avoid"),
    ("Our car's battery died so Sam can't get in today.", "avoid"),
    ("We're in Spain, back Monday.", "avoid"),
    ("We're abroad till Friday.", "avoid"),
    ("Sam is in Spain with his dad until Friday.", "avoid"),
    ("Sam will be off Monday to Friday as we're in Dubai.", "avoid"),
    ("I reckon it's because he has PE today.", "avoid"),
    ("His nan has flu so I don't want him catching it.", "avoid"),
    ("We need to get his school shoes today so he won't be in.", "avoid"),
    ("He's still cross about the after-school detention.", "avoid"),
    ("He's got the skits.", "ok"),
    # A death in the family is still leave; a trip for it too.
    ("My grandad died last night so Sam won't be in.", "caution"),
    ("We're in Pakistan till the 20th for my dad's funeral.", "caution"),
    ])


def test_only_todays_fever_makes_staying_home_its_consequence():
    _each(_checked, [
    ("Sam has a high temperature so he's staying home.", "ok"),
    # A fever dated to another day is not today's illness.
    ("Sam had a high temperature on Sunday so he's staying home.", "caution"),
    ("Sam had a high temperature two weeks ago so he's staying home.", "caution"),
    ])


# --- 2026-12-02: classes from blind251-256's misses, each with the words beside it that stay as they were.

def test_attendance_waiting_on_the_school_is_a_protest():
    _each(_checked, [
    # Attendance made to wait on the school answering or acting.
    ("Until someone from the SEN team gets back to me, Jake won't be attending.", "avoid"),
    ("He won't be back until you sort it out.", "avoid"),
    ("She's staying off until the school rings me back.", "avoid"),
    ("He has a fever, the GP will ring me back later.", "ok"),
    # A risk assessment the school is sorting is not the parent's condition.
    ("His leg's in a cast and he's home until they sort a risk assessment.", "caution"),
    ])


def test_not_worth_sending_in_is_a_choice():
    _each(_checked, [
    ("Lucas has a cold, didn't think it was worth sending him in.", "avoid"),
    ("There's no point her coming in today.", "avoid"),
    # Around an appointment, "not worth coming back" is the rules' caution, not a choice.
    ("Orthodontist at 2 in Leeds, by the time we're back it's not worth him coming in.", "caution"),
    ])


def test_the_other_parent_not_taking_the_child_in_is_not_a_reason():
    _each(_checked, [
    ("Nia's at her dad's this week and he hasn't taken her in. Nothing to do with me.", "avoid"),
    ("Daisy's with her dad and he hasn't brought her in.", "avoid"),
    ("Daisy is at her dad's this week. She has a temperature so she's off today.", "ok"),
    ])


def test_doubt_in_the_parents_own_words():
    _each(_checked, [
    ("Ethan has a bit of a cough but he's bright as a button.", "avoid"),
    ("He says he's got belly ache, but he always does on a Monday.", "avoid"),
    ("Finn feels sick. It's probably just nerves about his SATs but I'll keep him home.", "avoid"),
    ("Nathan has a sore throat, but I could probably send him in if you need him there?", "avoid"),
    ("Ella's unwell, probably just tired after the weekend.", "caution"),
    ("Louis is a bit under the weather, might be nothing.", "caution"),
    # Said before the illness, or about coming in later, the doubt is not there.
    ("I could probably bring her in later if she perks up.", "caution"),
    ("She has been sick three times in the night with a high temperature.", "ok"),
    ])


def test_other_reasons_in_other_words():
    _each(_checked, [
    ("Jacob has been feeling a bit low so we've agreed he can have a mental health day.", "avoid"),
    ("He's just not going today, end of.", "avoid"),
    ("Think it's something she ate. She's got her dance show tonight so needs the rest.", "avoid"),
    ("She has a temperature so the dance show tonight is cancelled and she needs the rest.", "ok"),
    ("Scarlett won't be in today because of the fallout with her friends.", "avoid"),
    ("Alfie has been sick with nerves since the fallout with his friends, so he's at home.", "caution"),
    ("Archie's asthma is bad but the school doesn't manage his inhaler so he's safer at home.", "avoid"),
    ("Jake's at home, he doesn't feel school is helping him at the moment and I agree.", "avoid"),
    ("Poppy is very low and I don't think school is helping. We're waiting on CAMHS.", "caution"),
    ])


def test_lawful_and_welsh_in_other_words():
    _each(_checked, [
    ("The head has closed Year 7 today because the heating's broken, so Mia is at home.", "ok"),
    ("Dylan is at his citizenship ceremony today - we emailed Mrs Patel and she authorised the leave.", "ok"),
    ("Ffion's tost today, poor dab. Keeping her in bed.", "ok"),
    ("Mia's year is closed? Not sure, so she's at home.", "caution"),
    ])


# --- 2026-12-02, second round: classes from blind257-262's misses.

def test_decisions_and_causes_in_other_words():
    _each(_checked, [
    ("Jacob is struggling so we've agreed between us that he can have today at home.", "avoid"),
    ("It's his birthday so we're having a family day.", "avoid"),
    ("Kian isn't ill as such, he's just been really low lately and needs a mental health day.", "avoid"),
    ("I'll be keeping Max at home on the days he has PE because he's so upset about it.", "avoid"),
    ("Sienna finds the afternoons too much so I'll be picking her up at lunchtime from now on.", "avoid"),
    ("Anxious about the school play so staying home today.", "avoid"),
    ("He can't be arsed today, I'll send him tomorrow.", "avoid"),
    ("She's scared to come in because of what happened with the group chat.", "avoid"),
    # The school agreeing is leave, not the family's choice; a timetable agreed is lawful.
    ("Mr Hughes agreed Jess could have today off for her grandad's funeral.", "ok"),
    ("As agreed at the review meeting, Ellie is on mornings only, so I'll collect her at 12 each day.", "ok"),
    ("Maddie won't be in today, she's upset after what happened yesterday.", "caution"),
    ("I can't be arsed with the drama, Sam has a temperature of 39.", "ok"),
    ])


def test_hedges_and_doubts_at_home():
    _each(_checked, [
    ("She's had tummy ache all morning, although I think it might just be nerves about her SATs.", "caution"),
    ("My husband says Charlie is faking it but he's got a temperature of 38.5.", "caution"),
    ("Ben is off with a migraine but he'll probably be fine by lunchtime.", "caution"),
    ("Hannah's consultant said she might benefit from time at home but it's up to us, so we've decided to.", "caution"),
    # A hedge about which illness is still an illness. One word is a whole reason in
    # add-absence's --reason, so "Sick." stays fine.
    ("Sick.", "ok"),
    ("She has a bad cough. I think it might be the start of a chest infection.", "ok"),
    ("Jenson sick.", "ok"),
    ("hi not in todya stomach bug sorry", "ok"),
    ])


def test_leave_granted_in_other_words():
    _each(lambda text: _checked(text, "ok"), [
    "Daniel will be absent on Friday for his piano exam, as discussed with the head and approved in writing.",
    "He has a trial with the county academy today, we applied to the head last month and she agreed.",
    ])


# --- 2026-12-02, third round: classes from blind263-268's misses.

def test_choices_in_other_words_third_round():
    _each(_checked, [
    ("Tyler's had a bad week so I told him he could have a day at home.", "avoid"),
    ("kids are off today its my birthday lol", "avoid"),
    ("It's his birthday but he has been sick all night.", "ok"),
    ("Until we've had a meeting about this I don't think it's right for him to come in.", "avoid"),
    ("Georgia isn't in today as we had car trouble.", "caution"),  # round 42: the car alone is a caution
    ("Adam is unwell. We're heading down to Devon tomorrow for a few days anyway.", "avoid"),
    ("Maya's mum has gone into labour and there's no one to bring her in today, sorry.", "avoid"),
    ("We were running late and now we won't make it at all, the traffic is awful.", "avoid"),
    ("Kai has his cardiology appointment at 10 and an echo after, so he won't make it in at all.", "ok"),
    ("Sophie won't be in, school is a nightmare for her at the moment.", "avoid"),
    ("We're doing a trial of home education this week to see if it suits him better.", "avoid"),
    ])


def test_doubt_and_precaution_third_round():
    _each(_checked, [
    ("A bit of a headache last night but seems fine this morning. I'm keeping her off just to be sure.", "avoid"),
    ("Elijah has a bit of a sniffle. He says he feels fine but I didn't want him passing it on.", "avoid"),
    ("She's been dreading the swimming lessons so it's probably for the best.", "avoid"),
    ("Harvey's off sick, probably only the one day - bit of a faker this one haha.", "avoid"),
    ("Callum has been signed off by the GP but honestly I'm not convinced it's anything serious.", "avoid"),
    ("Layla's mostly better now, but we thought she'd benefit from another week at home.", "avoid"),
    ("The surgeon said he could go back after a week, but I'd rather give him a bit longer.", "avoid"),
    ("Poppy's feeling a bit under the weather so she might be in later.", "caution"),
    ("Ellis has a bad cough but I'll send him in if he's better by 10.", "caution"),
    # Sick in the night, fine by morning, kept off: the 48-hour advice, not doubt.
    ("He was sick last night but seems fine this morning, I've kept him off just in case.", "caution"),
    ("Finlay has a rash, he seems fine in himself but I don't want him spreading anything. Seeing the pharmacist.", "ok"),
    ])


def test_the_schools_word_third_round():
    _each(lambda text: _checked(text, "ok"), [
    "Emily is off today for her grandad's funeral, as per the leave of absence form you approved last week.",
    "Lucy's class was told by the school not to come in today because of the strike, so she's at home.",
    ])


# --- 2026-12-02, fourth round: classes from blind269-274's misses.

def test_choices_in_other_words_fourth_round():
    _each(_checked, [
    ("Alex was sick last night but he's fine now, we're just having a chilled day at home.", "avoid"),
    ("Ollie's not ill exactly, he just needs a day.", "avoid"),
    ("Tyler is off today due to the ongoing issues with his head of year.", "avoid"),
    ("Jenson's not coming in cos he's still upset about you lot confiscating his phone.", "avoid"),
    ("Home today, her choice. She's 15 and I respect that.", "avoid"),
    ("He won't come to school. I've tried.", "avoid"),
    ("Isaac just isn't ready to come back after the half term break.", "avoid"),
    ("Jacob not in, we fly out to tenerife early", "avoid"),
    ("our flight back got cancelled, kids will be back weds", "avoid"),
    ("taking maisie to her nans 80th in ireland fri back mon", "avoid"),
    ("We applied for leave and are still waiting to hear back. She will be away on those days regardless.", "avoid"),
    ("I am not prepared to send him back until I receive a written plan from the school.", "avoid"),
    ("Lots of sickness going round her class so thought it best to keep Amber off this week.", "avoid"),
    ("Elsie's a bit under the weather but mainly she's exhausted after the residential trip.", "avoid"),
    ("Priya will be off all week for Diwali celebrations with family in Leicester.", "caution"),
    # Still shaken, or low, and "not ready to come back yet": the child's state, a caution.
    ("Jake isn't ready to come back yet after the incident. We'll be in touch.", "caution"),
    # A death in the family, then home with the family: leave to ask for, not a decision.
    ("Ffion's Nain passed away last night so she's staying home with the family today.", "caution"),
    ])


def test_doubt_in_other_words_fourth_round():
    _each(_checked, [
    ("Bella is too poorly with a tummy ache, though she seems fine now and is up watching TV.", "avoid"),
    ("Reggie has a cold. He says he feels fine but I'd rather he stayed home so he doesn't spread it.", "avoid"),
    ("Isaac is on antibiotics but feels fine now, just keeping him home until he finishes the course.", "avoid"),
    ("Nathan has a cold but he's ok really, just not up for it.", "avoid"),
    ("Tom is poorly but to be honest I think he mostly didn't want to do his PE assessment.", "avoid"),
    ("I'm not saying he's faking it, but Leon does seem to get these headaches on PE days.", "avoid"),
    ("Max has a sick bug. Tbh he's been dreading PE today so probably for the best lol", "avoid"),
    ("Cameron is too unwell to come in. I think a lot of it is the situation with the boys in his form.", "caution"),
    ("Cleo has a temperature. I'd send her in but I know you'll only ring me to come and get her.", "caution"),
    ("George is ill, well, sort of - he had a rough night.", "caution"),
    # Staying home with a plain temperature stays the table's caution ("say too unwell to attend").
    ("Ellie has a temperature so she's staying home today.", "caution"),
    ])


def test_genuine_illness_beside_the_new_words_is_not_avoid():
    _each(lambda text: _verdict_is_not(text, "avoid"), [
    # The attack on the fourth round: genuine illness beside the new rules' words stays below avoid.
    "Oliver has suspected scarlet fever. I've phoned the GP and I'm keeping him home until someone gets back to me.",
    "Mia has suspected appendicitis, so she'll stay off until they ring us back with the results.",
    "Jack was sick three times in the night and has a temperature, so we decided he should spend the day in bed.",
    "Ethan had a seizure last night. The paramedics told him he can have the day off to recover.",
    "Ben has a dental appointment at 10 and will miss the morning. Sadly it's his birthday too.",
    "Ruby has a hospital appointment at 10.30. The time was set by the hospital, nothing to do with me.",
    "Jack feels fine now but we don't want him passing it on; he was sick twice last night.",
    "Harry had a mild cough and seems fine this morning, but he had an asthma attack in the night, so we're keeping him home to be safe.",
    "Zara has her heart surgery on Thursday, so we are travelling to London tomorrow for a few days.",
    "Grandad passed away on Sunday so we're driving up to Glasgow for the week to be with Nan.",
    "Theo has a chest infection. He was worried about falling behind, so it's a blessing his teacher has sent work home.",
    "I doubt it's anything serious, just a bug, but she's been sick three times this morning.",
    "She fainted this morning. The GP thinks it's probably just tiredness but we'll keep her home while they run tests.",
    "Arlo was sent home yesterday with a temperature and it was still 38.5 this morning, so we didn't think it was worth sending him in.",
    "She's mostly better from the pneumonia but still breathless on the stairs, so we think another few days at home.",
    "She's starting chemo next week and will be exhausted, so I'll be picking her up at lunch every day until further notice.",
    "Rosie has tonsillitis. Please ignore my earlier email about a trial of home education, we've decided against it.",
    "Leo's got the sickness bug that's going round, keeping him off for the 48 hours like you said.",
    "The ferry was cancelled because of the storm.",
    ])


def test_choices_and_doubt_fifth_round():
    _each(_checked, [
    # Kept home over other children or friendships, whatever the feeling beside it.
    ("We're keeping Isla at home today, it's been a hard week with all the stuff going on with the girls in her form.", "avoid"),
    ("Finn has been having a tough time with his mates lately so we've kept him off.", "avoid"),
    # A grievance with the school as the reason.
    ("We're fed up with the constant detentions so he's staying home.", "avoid"),
    # A mild symptom played down, then the parent's preference.
    ("Ruby's a bit sniffly, nothing serious, I just felt she'd be better off at home today.", "avoid"),
    # A well child kept from a bug.
    ("There's a sickness bug going round Year 3 so we don't want Ella in this week.", "avoid"),
    # The child's word, then the parent's guess.
    ("he says he's got a headache but I reckon he's just tired after his xbox marathon", "avoid"),
    # A denial beside tiredness.
    ("Sami's not ill, just completely shattered.", "avoid"),
    ("Knackered, not ill, back tomorrow", "avoid"),
    # Someone else's sake.
    ("Her sister has chickenpox so Amelia is stopping at home too to keep her company.", "avoid"),
    ("Grandma is having her knee operation today and Leo really wanted to be there with her.", "avoid"),
    # A holiday started early.
    ("We're driving down to Devon for half term so Isaac will miss Friday, just to beat the traffic.", "avoid"),
    # "Not bothered going in" is a choice, whatever symptom is beside it.
    ("Bit of a sore throat so he's not bothered about going in today.", "avoid"),
    # The same day every week, across a sentence stop.
    ("His tummy hurts again this morning. It's every Monday and I don't know what to think.", "avoid"),
    ("Her head is bad again, she gets like this every time they have a supply teacher.", "avoid"),
    ])


def test_maybes_and_advice_fifth_round():
    _each(_checked, [
    # Maybes about the child's own day, not a family unable to get them in.
    ("Hi, Leo might not make it in at all today, we'll see how he is after his medicine.", "caution"),
    ("Ella was up in the night with a nosebleed. She'll probably come in after lunch if she's OK.", "caution"),
    ("The counsellor told us not to push him into school, so he'll be at home today.", "caution"),
    ])


def test_lawful_and_plain_illness_fifth_round():
    _each(lambda text: _verdict_is(text, "ok"), [
    # Lawful in other words, and illness in plain words.
    "As agreed with Mr Jones, who authorised it, Maya will be absent on Thursday for her aunt's funeral.",
    "Sam won't be in on Tuesday as he is on his reduced timetable agreed with the school, and Tuesdays are his home day.",
    "Our Callum's got a right dose of the flu, he's no coming in the day.",
    "Leah had her appendix out on Friday. I have the discharge letter from the hospital and will bring it in.",
    ])


def test_a_brother_passing_on_mums_word_is_not_avoid():
    # The rules read it ok; the second reading may ask for more (a report at second hand), never avoid.
    _verdict_is_not("Its Ava's big brother, mum says she's well sick so she's not coming in today", "avoid")


def test_genuine_illness_beside_the_fifth_rounds_words_is_not_avoid():
    _each(lambda text: _verdict_is_not(text, "avoid"), [
    # The attack on the fifth round: genuine illness beside the new words stays below avoid.
    "Mia has a temperature of 39 and the GP says to keep her home, there's a bug going round her class.",
    "She's not ill, just drained after the virus she had last week.",
    "Cerys was sick twice this morning and is shaking. She really wants to be in for the play so we'll try tomorrow.",
    "Theo's at the hospital for his MRI this morning and will come in after lunch if he's OK.",
    "Ben has a tummy ache again, it's every Monday lately. The GP thinks it could be anxiety.",
    "Harry has flu. I'm staying home with him to keep him company.",
    ])


@pytest.mark.parametrize("text, day", [
    ("Sam is refusing, I'll send him tomorrow", None),
    ("Sam is refusing today, I'll send him in tomorrow", "today"),
    ("Sam is refusing to go tomorrow", "tomorrow"),
])
def test_the_day_the_child_is_sent_in_is_not_a_day_of_the_absence(text, day):
    suggestion = check_text(text).suggestion
    assert suggestion.startswith("Sam ")
    assert ("tomorrow" in suggestion) == (day == "tomorrow") and ("today" in suggestion) == (day == "today")


def test_choices_doubt_and_hedges_sixth_round():
    _each(_checked, [
    # A sixth round (from blind287-292), in our own words.
    ("Rosie seems fine this morning but we're keeping her home anyway just to be sure.", "avoid"),
    # With an illness named before it, it stays the kept-off caution (65 of 65 such rows accept caution).
    ("Rosie had flu at the weekend. She seems fine this morning but we're keeping her home anyway.", "caution"),
    ("He says his head hurts but honestly he says that a lot on Mondays.", "avoid"),
    ("Ben is loads better today but I'm giving him one more day off to be on the safe side.", "avoid"),
    ("Way too much rain this morning to bother with the walk in.", "avoid"),
    ("Sam is too upset to come in after what happened with his form tutor on Friday.", "avoid"),
    ("She got pushed over in the playground again yesterday and she's been in tears. She's not going in today.", "avoid"),
    ("We don't think mainstream school is the right place for Finn right now.", "avoid"),
    ("Can't face it today. She's shattered and so am I.", "avoid"),
    ("Our solicitor has told us to keep Ava at home for now.", "avoid"),
    ("Charlie has tickets for the match this afternoon so he won't be in.", "avoid"),
    # Hedges and worries beside the illness.
    ("Mia isn't well enough to come in today I don't think.", "caution"),
    ("Sort of unwell today, not sure what's up.", "caution"),
    ("He was sick earlier, not sure if it's a bug or just nerves about the test.", "caution"),
    ("The GP said she doesn't need to be off, but her eyes are so sore.", "caution"),
    ])


def test_lawful_and_plain_illness_sixth_round():
    _each(lambda text: _verdict_is(text, "ok"), [
    "Just confirming Isla is off on Friday for her great-grandma's funeral, as authorised in Mr Price's letter.",
    "Her ain't gooin in today, her's bad wi' 'er chest.",
    "Sorry for the late call, Kian has been sick all night.",
    "Jasmine had a seizure overnight and is too unwell to come in. We're following her care plan.",
    ])


def test_genuine_illness_beside_the_sixth_rounds_words_is_not_avoid():
    _each(lambda text: _verdict_is_not(text, "avoid"), [
    # The attack on the fifth round: honest illness beside the new words is never avoid.
    "She's still got a bit of a temperature so I think she would be better off at home today.",
    "She's had nothing much to eat since Sunday with the vomiting, we think she would be better at home.",
    "We are sick of this stomach bug and she is off again today.",
    "I'm sick to death of this chest infection, she has a fever again so she's not in.",
    "She has tonsillitis. She wanted to be there for the Christmas concert but she can't even talk.",
    "Grandma is staying home to keep him company while he's poorly with flu.",
    "Nan is staying in to keep her company, she's got tonsillitis.",
    "Her stomach hurts after her infusion. It's every Monday so she's always wiped out afterwards.",
    "She's got a temp. It's every Monday we do the school run together so Dad will ring later.",
    "She's not bothered going in, she's too poorly, she's got a really high fever.",
    "She's not ill, she's exhausted - she's autistic and in burnout after last term.",
    "We're leaving early to beat the traffic as his appointment at Great Ormond Street is at 10.",
    "Mia was sick in the night but seems fine now, keeping her off just in case.",
    "Wednesdays are his home day on his part-time timetable.",
    ])


def test_staff_agreeing_to_something_else_is_not_leave():
    _each(lambda text: _verdict_is_not(text, "ok"), [
    # Staff "who agreed" something else is no leave granted.
    "We're taking him to Disneyland next week. The head, who agreed to meet us about it, said she would think about it.",
    "We're off to Tenerife on Thursday. I asked Mrs Patel, who agreed I could ask the head for leave.",
    "She's going to her cousin's wedding in Pakistan for three weeks. Miss Ahmed, who approved her last trip, is away.",
    ])


@pytest.mark.parametrize("text, not_name", [
    # Another child, an adult or an ordinary word is never the child of the suggestion.
    ("He is too scared to go in today. Jacob has been bullying him.", "Jacob"),
    ("She won't go in because Ella keeps picking on her.", "Ella"),
    ("He's got tonsillitis, Chris is taking him to the GP later. He might come in this afternoon if he feels better.", "Chris"),
    ("He has a temperature and may come in later if he feels better. I rang the office and Sarah said that's fine.", "Sarah"),
    ("She's too anxious to go in today. Her therapist Anna has said not to force her.", "Anna"),
    ("hi sarah just to let you know tom has a temp, he might come in later if he feels better", "Sarah"),
    ("She has had a temperature since last night. Now she says she feels too ill to go in.", "Now"),
    ("He's been sick overnight. Hopefully he'll come in after lunch if he's OK.", "Hopefully"),
    ("my son, however, is unwell today with a temperature, he might come in this afternoon if he feels better", "However"),
    ("He's staying home today, Lily has a high temperature and I can't do the school run.", "Lily"),
    ("She's got the sickness bug, Lily's mum said half the class has it. She might come in later if she's ok.", "Lily"),
    # Round 19: before the he or she, the reader's name, the writer's, a relation's or a
    # possessive is not the child's.
    ("Hi Karen, he is off sick today with a cold and is staying home.", "Karen"),
    ("Hi it's Sarah, he not well, he stay home.", "Sarah"),
    ("Sarah here, he's been sick in the night so he stay home.", "Sarah"),
    ("Mrs Katie Jones, he has a temperature, he stay home.", "Katie"),
    ("Her brother Tom has flu and she has a temperature too, she stay home.", "Tom"),
    # The attack on round 19: the one spoken to or told, the writer, staff, a sibling or friend met, two
    # children, a pet, a place or a show is never taken for the child.
    ("Sorry Emma, he's got a temperature so he's staying home today.", 'Emma'),
    ('My name is Sarah, he has a temperature and is staying home today.', 'Sarah'),
    ("Sarah Jones here, he's been sick in the night.", 'Sarah'),
    ('Sarah (mum) - he has a temperature.', 'Sarah'),
    ('Spoke to Emma in the office this morning, she said he should stay home as he has a temperature.', 'Emma'),
    ('Ask Lucy to send his work home please, he has chickenpox and is staying home.', 'Lucy'),
    ('The GP, Sophie, said he should stay home until the rash clears.', 'Sophie'),
    ("Sorry, with Oliver in hospital she's been really upset and is staying home today.", 'Oliver'),
    ("Dropped Jack at nursery first, she's been sick and is staying home.", 'Jack'),
    ('After the sleepover with Maisie on Saturday she has come down with a temperature, staying home today.', 'Maisie'),
    ("Amelia and Kwame both have chickenpox, she's worse so she's staying home.", 'Amelia'),
    ("Lost our dog Bella last night, she's devastated and staying home.", 'Bella'),
    ("Stayed at my mum's in Ashton last night, he was sick so he's staying home.", 'Ashton'),
    ("Went to the Aston Villa game last night, he was sick so he's staying home.", 'Aston'),
    ('Took her to see Matilda in London last night, she has a temperature now so staying home.', 'Matilda'),
    # The attack on round 20: someone else's name before "hurt", "tested", "found"; a pet in capitals.
    ("Kai hurt him at lunch so Leo refuses to go in", "Kai"),
    ("Mum here. Nanny tested positive for covid yesterday and now Jacob has a temperature so he's staying home.", "Nanny"),
    ("Granny found him being sick, he is staying off.", "Granny"),
    ("OUR DOG BELLA WAS SICK AND HE IS STAYING HOME WITH A COLD", "Bella"),
])
def test_someone_else_or_a_plain_word_is_never_the_child(text, not_name):
    _not_worded_for(text, not_name)


@pytest.mark.parametrize("unit", ["bro Al's ", "sis ali is ", "Mrs Al is ", "Her sister Maya is poorly too and her brother Tom is at nan's. "])
def test_a_paste_of_relatives_names_is_checked_quickly(unit):
    started = time.perf_counter()
    check_text((unit * 5000)[:19990])
    assert time.perf_counter() - started < 3


def test_seventh_round():
    _each(_checked, [
    # A seventh round (from blind293-298), in our own words.
    ("Ella has been given leave by the head to attend her brother's graduation on Friday.", "ok"),
    ("Ruby's got a cold, nothing serious, but she was acting up so we kept her home.", "avoid"),
    ("She's not coming in. Fine me if you want.", "avoid"),
    ("He says he's poorly but I'm not convinced.", "avoid"),
    ("Amir isn't ill exactly, he just can't face school today.", "avoid"),
    ("Mia is fine in herself but she's worried about the test so she's at home.", "avoid"),
    ("He was sick on Sunday. He's fine now but one more day at home won't hurt.", "avoid"),
    ("I'm worried he's picking everything up at school so I'm keeping him off this week.", "avoid"),
    ("We missed the bus and by then it wasn't worth going in.", "avoid"),
    ("Jack is going with his dad to the family fun day at his work.", "avoid"),
    ("Amber was up late at a party last night and she's exhausted.", "avoid"),
    ("He's unwell today. I'm not happy with how his support is being handled and would like a meeting.", "caution"),
    ("Measles apparently, according to my mum, so he's off.", "caution"),
    ])


def test_genuine_illness_beside_the_seventh_rounds_words_is_not_avoid():
    _each(lambda text: _verdict_is_not(text, "avoid"), [
    # The attack on the sixth round: honest illness and injury beside the new words is never avoid.
    "She had flu all weekend. She seems fine today but I'm keeping her off anyway just in case.",
    "He seems fine now but we'll keep him home anyway as he had two seizures last night.",
    "He has had croup. He's better today but we're keeping him off one more day just in case.",
    "Ella has been vomiting since 4am. She's exhausted and so am I.",
    "He was hit by a car outside school this morning and has been taken to hospital.",
    "She got hit by a ball in the playground and has a black eye.",
    "She's too poorly to be bothered with anything, she's just lying on the sofa with a temperature.",
    "The hospital is too far from school to bother bringing her back after her scan, so she'll miss the afternoon.",
    "After the incident with his teacher he has been excluded for two days.",
    "Poppy is sort of unwell - she has a temperature of 38.5 and a cough.",
    "She's not well enough to come in today I don't think, she has a temperature of 39.",
    "Her consultant has said school isn't the right place for her at the moment while she recovers, and she is on hospital tuition.",
    "Lottie had her jabs yesterday and she's feeling sorry for herself, bit of a temp.",
    ])


def test_the_childs_whole_name_is_kept():
    _each(_worded_for, [
    ("Sam Jones is refusing to go in", "Sam Jones"),
    ("Mary Jane is refusing to go in", "Mary Jane"),
    ("sam jones is refusing to go in", "Sam"),
    ("I can't get sam in today", "Sam"),
    ("He has a fever so Oliver won't be in today, I'm keeping him off.", "Oliver"),
    ("my son, kofi, is refusing school", "Kofi"),
    ("Good morning, Amelia is refusing to get up", "Amelia"),
    ])


@pytest.mark.parametrize("text, not_name", [
    ("He's got a temperature, Sam had it last week, so I'm keeping him off today.", "Sam"),
    ("He's got a stomach bug, I think he caught it from Oscar's dad. Keeping him off today.", "Oscar"),
    ("Annoyingly she has woken up with conjunctivitis, so I'm keeping her off today.", "Annoyingly"),
    ("My daughter has a temperature and might come in later if she feels better. My son Jack will be in as normal.", "Jack"),
])
def test_someone_else_is_never_the_child_seventh_round(text, not_name):
    _not_worded_for(text, not_name)


@pytest.mark.parametrize("text, day", [
    ("We will take him on Friday for his MRI scan at the hospital, so he will miss the whole day.", "Friday"),
    ("I couldn't get sam in yesterday", "yesterday"),
])
def test_the_day_of_an_appointment_or_a_past_day_is_kept(text, day):
    suggestion = check_text(text).suggestion or ""
    assert day in suggestion, suggestion


def test_eighth_round():
    _each(_checked, [
    # An eighth round (from blind299-304), in our own words.
    ("Ava is unwell with a high temperature and will not attend today.", "ok"),
    ("Noah has an ortho appointment at 11, I'll collect him at 10.30.", "ok"),
    ("She was up all night with her tummy so she won't make it in today.", "ok"),
    ("Sorry, we had a rough night, Leo won't make it in.", "caution"),
    ("Ben might be in later, it depends how he feels.", "caution"),
    ("According to Sophie she has a headache, so she's off.", "caution"),
    ("She's anxious today and we've tried everything.", "caution"),
    ("He's got a cold. I know you mentioned his behaviour, but that's not why he's off.", "caution"),
    ("The doctor said he could go back when he feels up to it, and he doesn't yet.", "caution"),
    ("He says his knee hurts but I'm not sure it's real.", "avoid"),
    ("She says she's got a headache but she says that a lot.", "avoid"),
    ("Not poorly exactly, just a bit run down.", "avoid"),
    ("He's had enough of the new teachers so he won't be in.", "avoid"),
    ("School has been hard lately so we think a few days off will do her good.", "avoid"),
    ("It's his county trial tomorrow so he needs to rest up for that today.", "avoid"),
    ("Grandad has taken her fishing for the day.", "avoid"),
    ("We're taking the kids to Spain next week, back on the 20th.", "avoid"),
    ])


def test_genuine_illness_beside_the_eighth_rounds_words_is_not_avoid():
    _each(lambda text: _verdict_is_not(text, "avoid"), [
    # Honest illness beside the eighth round's words is never avoid.
    "Jack had his jabs yesterday and feels a bit rough, so he'll come in later once he's perked up.",
    "Poppy had a temperature this morning so I've kept her off, although she perked up a lot after the Calpol.",
    "The GP said she doesn't need to be off for the rash, but she also has a fever of 39.",
    "We were supposed to be taking her to Spain but she has flu, so she's at home today.",
    "Thanks for the text about the heating closure, Amelia will be at home today.",
    ])


def test_ninth_round():
    _each(_checked, [
    # A ninth round (from blind305-310), in our own words.
    ("As per your email, Zara is at home because the site is closed with no heating.", "ok"),
    ("The school rang and asked me to pick Max up at lunch as they can't support him this afternoon.", "caution"),
    ("He won't be attending until the issue with his teaching assistant is sorted.", "avoid"),
    ("The train was cancelled so we just didn't bother.", "avoid"),
    ("His asthma is fine at the moment but I'd rather he stayed in while it's this cold.", "avoid"),
    ("I don't think she's ill exactly, she's just not herself.", "avoid"),
    ("His anxiety is awful and nothing we do will get him to go in.", "avoid"),
    ("She's at her nan's in Cornwall, back on Wednesday.", "avoid"),
    ("Leo's on a wee break with his grandad, back Monday.", "avoid"),
    ("Sam has a headache. Might be in after lunch, might not.", "caution"),
    ("Ella has flu. She's also scared of seeing the boys who were picking on her.", "caution"),
    ])


def test_genuine_illness_beside_the_ninth_rounds_words_is_not_avoid():
    _each(lambda text: _verdict_is_not(text, "avoid"), [
    # The attack on rounds seven and eight: honest illness beside the new words is never avoid.
    "Her asthma has been playing up so I kept her home today.",
    "He's on chemo and his immunity is very low, we're worried he'll catch something at school.",
    "Sending her in with a temperature of 39 is not worth it.",
    "He has a chest infection. The school has threatened to fine us.",
    "We're taking her swimming for her physio, it's part of her hydrotherapy treatment.",
    "Honestly she's perked up a bit since the antibiotics, but she's still contagious for 48 hours per the GP.",
    "He gets chronic migraines, but he says that all the time. He has one today and has been sick.",
    "She seems better now but the doctor said one more day off wouldn't hurt.",
    "She isn't really ill, just a bit under the weather with a bad cold.",
    "She is not sick, she's autistic and in burnout and can't face school.",
    "We have to fly to Egypt tonight because my father had a stroke.",
    "Our Lucas was sick at 6am, seems fine now but I don't want to risk it.",
    "She's still got a temperature of 38 so I think she needs another day.",
    "Nia is in a lot of pain with her period. She may come in after lunch if the painkillers kick in.",
    ])


def test_a_choice_beside_an_illness_is_still_avoid():
    _each(lambda text: _verdict_is(text, "avoid"), [
    "Max is poorly and will not attend, but honestly he's just tired from the weekend.",
    "He has been ill and so will not attend the rest of the week as we're away.",
    "Depends if he feels like it really.",
    "It's too far to bother for one lesson.",
    ])


def test_the_reader_or_another_child_is_never_the_child_ninth_round():
    _each(_worded_for, [
    ("Hi Kate was just letting you know Tom has a cold and won't be in.", "Tom"),
    ("Thanks Kate Tom has a cold and won't be in.", "Tom"),
    ("i need to get oliver to nursery first, then sophie has a cold so shes off", "Sophie"),
    ])


def test_genuine_illness_beside_the_final_rounds_words_is_not_avoid():
    _each(lambda text: _verdict_is_not(text, "avoid"), [
    # The attack on the final rules: honest reports beside the newer words are never avoid.
    "The youngest has norovirus and the eldest has it too.",
    "My eldest has tonsillitis, the youngest is fine and will be in.",
    "He didn't bother eating his tea, he's been vomiting all night.",
    "We don't want to risk it, he has a fever and a rash.",
    "The doctor said she doesn't have glandular fever, it's tonsillitis, so she's having another day off.",
    "I don't want him going in with a temperature while that bug is going round.",
    "Nothing I say will get him to go to sleep, he has croup.",
    "She's staying with her auntie in Bristol as we have a family emergency, my husband had a heart attack.",
    "He was kicked in the playground and has a fractured shin, he's in plaster.",
    "By the time his hospital appointment finished at 2:45 it wasn't worth going in.",
    "He's not bothered about school today because he's in so much pain with his ear.",
    ])


def test_a_named_illness_after_a_hedge_is_fine():
    _each(lambda text: _verdict_is(text, "ok"), [
    "We have tried everything to get his temperature down but it's still 39.",
    "According to my sister it's hand foot and mouth, she has blisters and a temperature.",
    "We don't feel school is the right place for him today, he has a temperature of 39.",
    ])


@pytest.mark.parametrize("text, not_name", [
    ("She has a cold, Ruby is in as normal.", "Ruby"),
    ("He has a cold and is staying home, Ruby will be in.", "Ruby"),
    ("She has a cold, Hannah's birthday party is Saturday so hopefully better by then.", "Hannah"),
    ("He's got a cold, Ethan's been off with it all week.", "Ethan"),
    ("She has a cold, Harry is staying home as well as I've no one to take him.", "Harry"),
])
def test_another_child_in_the_same_sentence_is_not_the_child(text, not_name):
    _not_worded_for(text, not_name)


# --- 2026-12-02 (third session): blind317-322's classes, each with variants of our own ----------

def test_third_session_classes_are_avoid():
    _each(lambda text: _verdict_is(text, "avoid"), [
    # The parent's own day: childcare, the school run, the traffic.
    "Sorry no Zara today, childcare issue with her baby brother",
    "Childcare has fallen through so Ben is at home with me.",
    "cant do the school run today sorry",
    "I won't be able to do the school run this morning, so Ollie is off.",
    "sorry maya wont be in today traffic is terrible so not worth it",
    "With the roadworks it's just not worth the drive today, she'll be in tomorrow.",
    # Tired after the weekend.
    "Leah is too tired to come in today after the weekend.",
    "He's too shattered to go in after a busy weekend away.",
    # Better now, then a rest or a trip to the shops.
    "Nina had a sore throat but she's fine now, I just thought she could do with a lie-in.",
    "He was poorly with a virus but he's better now, I thought he'd benefit from another day of rest.",
    "Ellie had a cold but she's mostly better, so we've decided to keep her off and do some shopping.",
    "It's a bit of a cough but nothing serious, just thought it best to keep him off.",
    # Doubt in more words.
    "He says he feels sick but honestly I'm not convinced.",
    "She says she's poorly but I'm not sure tbh, she's like this every Monday.",
    "Tommy's not well. Well, he says he isn't.",
    # A dispute with staff, or the school's handling, as the reason.
    "Because of the ongoing issue with Mr Hughes, Callum won't be in until we've had the meeting.",
    "Given the problems we're having with her form tutor, Jess is staying home.",
    "My son won't attend today. I'm not happy with how his exclusion meeting went",
    "Hugo's teacher told him he'd be in trouble if his project wasn't finished, so he's too worried to come in.",
    # Trips and time away.
    "Taking Lily to see the Christmas lights in London, back tomorrow.",
    "We're away for a long weekend, Dylan will be back Tuesday.",
    # A second child kept home with the ill one.
    "Both girls are off today. Ella has a fever and Maddie is staying with her as I'm on nights.",
    ])


def test_third_session_vague_or_hedged_is_caution():
    _each(lambda text: _verdict_is(text, "caution"), [
    # Vague: "not right", something wrong not yet named, the parent would not call it illness,
    # someone else's guess, evidence with no reason.
    "Hiya, Tyler's not coming in today, he's not right.",
    "Hi, our Bethan's been up half the night. Not sure what's wrong with her yet. She's staying home.",
    "I wouldn't say she's ill exactly, more that her anxiety is bad and she can't go in.",
    "Harley's feeling a bit poorly, think he's just overtired after the weekend.",
    "Her nan reckons she's got a bug, so she's off today.",
    "Doctor's note to follow.",
    # Beside an illness, a dispute is a caution, not avoid.
    "Due to the ongoing situation with her class teacher, Poppy is unwell with anxiety and won't be attending this week.",
    ])


def test_third_session_honest_neighbours_are_not_avoid():
    _each(lambda text: _verdict_is_not(text, "avoid"), [
    # The honest neighbours of this round's rules.
    "Stanley was bitten by a dog yesterday and we're at A&E getting it looked at.",
    "It's not right that the school keeps ringing me. He is ill with flu.",
    "Can you tell his teacher Josh is off, he's been dead rough all weekend and he's still not right.",
    "He's too tired to come in after being up all night with his asthma, he's wheezy.",
    "She's fine now but the GP said she needs another day of rest after the antibiotics.",
    "The council taxi didn't come and I can't do the school run as I don't drive.",
    "Taking her to see the consultant at the hospital today.",
    "Dad is staying home with her as she has a fever of 39.",
    "He has a cough, nothing serious, but I thought it best to keep him off as it's contagious.",
    ])


@pytest.mark.parametrize("text, gap", [
    # Something wrong but unnamed: the suggestion asks, never carries "not sure what's wrong".
    ("Hi, our Bethan's been up half the night. Not sure what's wrong with her yet. She's staying home.", True),
    ("Hiya, Tyler's not coming in today, he's not right.", False),
])
def test_a_vague_state_is_asked_about_or_kept_as_written(text, gap):
    suggestion = check_text(text).suggestion
    assert suggestion, suggestion
    assert ("[what is wrong]" in suggestion) == gap, suggestion
    assert "not sure" not in suggestion, suggestion


def test_the_attack_on_the_third_sessions_first_round_is_not_avoid():
    _each(lambda text: _verdict_is_not(text, "avoid"), [
    # The attack on the third session's first round: honest reports beside its words are never avoid.
    "Both kids are ill with chickenpox; the childminder is staying with them.",
    "Both children have norovirus. The nanny is staying with them.",
    "Both kids are off: Ella has a fever and Maddie has been sick too, so she's staying with her.",
    "Leo is ok now but still has a temperature, so he needs another day of rest.",
    "He's a bit better now but needs rest, he has pneumonia.",
    "Keeping him off with a stomach bug, I had to go to the shops for rehydration sachets.",
    "Kept him off with a high temp, I need to go to the shops to get more paracetamol.",
    "Council transport has not arrived and I'm unable to do the school run, I have no car. Amelia will be in as soon as it comes.",
    "Alfie's transport from the council didn't come, and I cannot do the school run as I'm disabled and don't drive.",
    "Given the problems with his teaching assistant's hours, the SENCO has agreed a part-time timetable; he'll be in at 11.",
    "Because of the situation with the head, he has a hospital appointment rearranged for today.",
    "Taking her to see the Christmas lights after school, but today she's off with a temperature.",
    "Away for a long weekend? No - she's in hospital with appendicitis.",
    "He says his head hurts, he gets like this every Monday after his injection, it's a known side effect.",
    "Zoe will not be in today as she has been excluded. I am unhappy with the decision and will appeal to the governors.",
    "Taking him out of school today for his hospital appointment in town.",
    "Taking him to see his dad in hospital, he's very ill and may not have long.",
    "School's closed for the snow, so no point going in.",
    "She has D&V; no point going in when she's vomiting every hour.",
    "He says he's ill and honestly I believe him, he's burning up.",
    "Poppy's been vomiting since 3am. I couldn't do the school run anyway as I'm looking after her.",
    "He's got conjunctivitis, no point sending him as the school will send him home.",
    "He says his tummy hurts; honestly I'm not convinced it's a bug, I think it's appendicitis. Going to A&E.",
    "Elsie won't be in this morning, we're waiting in for a call from the paediatrician about her results.",
    ])


def test_third_session_second_round():
    _each(_verdict_is, [
    ("\ufeffDoctor's note to follow.", "caution"),  # a byte-order mark pasted before the words
    ("Hi, doctor's note to follow. Sorry.", "caution"),
    ("Not sure whats wrong with her yet. Shes staying home.", "caution"),
    ("Not right with her asthma today, struggling to breathe.", "ok"),
    ("According to my sister it's hand foot and mouth, she has blisters and a temperature.", "ok"),
    # Round 2 (blind323-328): a rest day with the illness denied; the parent's day; doubt; trips.
    ("Elsie isn't ill, it's more of a mental health day.", "avoid"),
    ("Harley off today, we've got the boiler man coming and I need to be in", "avoid"),
    ("Nathan can't come in, his trainers are soaked and he's got nothing else to wear.", "avoid"),
    ("We've got our own reasons and I don't have to explain them to you.", "avoid"),
    ("She says she has headache, I don't know if it's true but I let her stay.", "avoid"),
    ("Alfie says his tummy hurts but he's been saying that every Monday so I'm not sure.", "avoid"),
    ("Taking the kids to Florida, back on the 14th!", "avoid"),
    ("Ibrahim going Umrah with family, 2 week.", "avoid"),
    ("Can't face school today after what happened with them girls yesterday.", "avoid"),
    ("I've decided to keep Ruby at home today, she's exhausted", "avoid"),
    ("Kai is poorly but I'll drop him in at 10 if he's fine after some Calpol.", "caution"),
    ("Leah has a headache not sure if shell be in", "caution"),
    ])


def test_a_mental_health_day_with_the_illness_denied_is_never_worded_as_illness():
    _withheld("Elsie isn't ill, it's more of a mental health day.")


def test_third_session_third_round():
    _each(_verdict_is, [
    # Round 3 (blind329-334), each with a variant of our own.
    ("booked a cheap week in spain, sorry, he'll catch up", "avoid"),
    ("We've booked a last minute break, she'll be back Monday.", "avoid"),
    ("Our flight back from Tenerife was cancelled so the boys won't be in until Thursday.", "avoid"),
    ("he's fine just tired", "avoid"),
    ("Bella isn't sick as such, just very run down, so we're having a quiet day at home.", "avoid"),
    ("Max is ill but he'll be fine for football training tonight, he just doesn't feel up to lessons.", "avoid"),
    ("With so many teachers on strike we don't think it's worth her going.", "avoid"),
    ("His arm's in a cast so he can't write, no point him coming in really.", "avoid"),
    ("Henry is adamant he's too ill to go in and I'm not going to argue with him.", "avoid"),
    ("Sorry for the late message, Dylan is off again, he just won't settle there.", "avoid"),
    ("Isla has flu so I've kept both girls off, Rosie would only catch it anyway as they share a room.", "avoid"),
    ("Jacob will not be attending today due to ongoing issues with the school which I have raised with the head.", "avoid"),
    ("Josh is feeling rough after a party last night so won't be in", "avoid"),
    ("We went away for the weekend and got back really late so Max is having today to recover.", "avoid"),
    ("Jacob's not feeling 100% today", "caution"),
    ("Wee Rory's got a sore throat but he's no too bad. I'll send him in tomorrow probably.", "caution"),
    ("Our taxi from the council didn't turn up this morning, I've rung transport and there's no one to bring Sami.", "ok"),
    ("she refuses point blank, i've tried everything", "avoid"),
    ])


def test_the_attack_on_the_third_sessions_second_round_is_not_avoid():
    _each(lambda text: _verdict_is_not(text, "avoid"), [
    # The attack on rounds 1 and 2: honest reports beside the newer words are never avoid.
    "Keeping her home today so she's rested for her operation tomorrow, as the surgeon advised.",
    "He'll be off on Wednesday when it's PE as he has a broken leg, we agreed it with the head.",
    "She had a temperature in the night. Nothing serious, just thought it best to keep her home.",
    "I don't know if it's true that there's a bug going round, but Max has one: he's been vomiting all night.",
    "She keeps saying that every morning, and the GP has now found she has a stomach ulcer.",
    "She's better now but after the hospital stay she needs a day of rest, the consultant said.",
    "His nan is staying home with him today because he has chickenpox.",
    "She's not ill as such, just exhausted from chemo.",
    ])


def test_tried_everything_still_gets_a_suggestion():
    # A newcomer's try: the parent's effort is not a doubt of the illness, so help is still offered.
    result = check_text("she refuses point blank, i've tried everything")
    assert result.suggestion and "[what is wrong]" in result.suggestion and not result.withheld


def test_only_direction_marks_is_no_text():
    from refusal_log.errors import InvalidInput

    with pytest.raises(InvalidInput):
        check_text("\u202a\u200f")


def test_third_session_fourth_round():
    _each(_verdict_is, [
    # Round 4 (blind335-340) and the attack on round 3.
    ("Jessica is at a dance competition in Blackpool today and tomorrow, sorry for the short notice.", "avoid"),
    ("he's just not coping with school atm so I'm keeping him off", "avoid"),
    ("We've chosen to home-educate Theo for the rest of this term while we look at our options.", "avoid"),
    ("Cerys won't be in until after half term; we're waiting to hear back from the council about a school move.", "avoid"),
    ("Hiya, Frankie's nan passed away last night so he's at home with us today. Thank you for understanding.", "caution"),
    ("Sam is self-isolating", "caution"),
    ("Sienna is at a gymnastics competition representing Wales today, we did fill in the form.", "caution"),
    ])


def test_the_attack_on_the_third_sessions_third_round_is_not_avoid():
    _each(lambda text: _verdict_is_not(text, "avoid"), [
    "She's felt awful after the wedding on Saturday; we think it was food poisoning, she's been vomiting all night.",
    "We got back really late from A&E last night so she is having today to recover.",
    "After her seizure last night she's fine, just exhausted.",
    "He has a migraine and is not up to lessons today.",
    "The GP signed her off for the week, I'm not going to argue with him.",
    "The flight back from my father's burial in Ghana was delayed by two days, leave was given by the head for the week.",
    "I've booked the week off work to look after Oliver, he has chickenpox.",
    "He's fine, just tired. He's still off today because of the vomiting bug though.",
    ])


# --- fourth session (2026-12-03), rounds 5 to 7: the classes behind blind341-358's misses and the
# attacks on them, in our own words, and the honest words beside each that must stay as they were ----

def test_fourth_and_fifth_session_classes():
    _each(_verdict_is, [
    # Round 5 (blind341-346).
    ("Poppy is off today for her birthday, she's 8!", "avoid"),
    ("Noah won't be in, it's his birthday so he's having the day off with us.", "avoid"),
    ("Leo says he has a headache. He looks fine to me but he insisted, so he's home.", "avoid"),
    ("Apparently she's sick, according to her anyway.", "avoid"),
    ("Ava is too poorly to come in, though really she'd be fine if the girls in her class left her alone.", "avoid"),
    ("Jack is off sick. Honestly he's been dreading PE today.", "avoid"),
    ("Maisie is not in as we had a dispute with her form tutor last week.", "avoid"),
    ("Ruby won't be coming back until her class is changed.", "avoid"),
    ("Sam's under the weather. We're also flying to Spain on Friday so he won't be back till after half term.", "avoid"),
    ("We are away in Cornwall for the week, back Monday.", "avoid"),
    ("Toby has a bit of a cold but he's got football training tonight so we'll still take him.", "avoid"),
    ("I've got a migraine myself so it's easier to keep both girls at home.", "avoid"),
    ("Lily had a temperature on Monday so we thought she might as well have the rest of the week off.", "avoid"),
    ("The doctor said he could go back today if he felt up to it, but he says he isn't.", "avoid"),
    ("Jayden off today, his school shoes are still not dry.", "avoid"),
    # Caution from the rules; the second reading reads it avoid (blind343's writers: avoid or caution).
    ("Sophie had a bug on Sunday, she's fine now but I'm giving her one more day.", "avoid"),
    ("Ethan has a rash. Can he come in with it?", "caution"),
    ("Zara's not exactly dying but she's not herself.", "caution"),
    ("Sorry, Mia is staying home today, I'll explain tomorrow.", "caution"),
    ("Keeping Harvey home today for personal reasons.", "caution"),
    # Round 5: the lawful and medical words.
    ("Ella is still recovering from her tonsillectomy and is not yet fit to return.", "ok"),
    ("Connor is recovering from an appendectomy and won't be back this week.", "ok"),
    ("Tyler has an appointment with the looked-after children's health team this morning.", "ok"),
    ("Dev won't be in tomorrow as he's in the chess final, which you kindly approved last month.", "ok"),
    # The attack on round 5: the same classes in other words.
    ("Max is off sick today, he's still going to football training tonight though.", "avoid"),
    ("Noah is off ill, but he's feeling well enough for the county rugby match this evening.", "avoid"),
    ("Lily is away in Tenerife with us until Friday.", "avoid"),
    ("We're away in Spain next week.", "avoid"),
    ("Max was poorly yesterday, and as we're going to Florida on Wednesday he'll be back after half term now.", "avoid"),
    ("Harry won't be returning while Miss Bell is still his teacher.", "avoid"),
    # Round 6 (blind347-352).
    ("Amir has a cold. He's well enough to come in really, but I don't want him passing it on.", "avoid"),
    ("Jess has a bit of a sniffle, she's well enough really, but I thought a day at home would do her good.", "avoid"),
    ("She says her head hurts every morning before school but she's fine by lunchtime.", "avoid"),
    ("Olly's off sick, well he says he is but I reckon he's just tired.", "avoid"),
    ("Rhys is off sick. Tbh he's been telling me all weekend he doesn't want to go back.", "avoid"),
    ("Ava is unwell, we're at the airport now so she'll be back on Monday.", "avoid"),
    ("Callum's off, he was on his phone till 2am and he's shattered.", "avoid"),
    ("The teacher said she looked tired, so we're having Friday off.", "avoid"),
    ("Mia finds afternoons hard so she'll be collected at lunchtime from now on.", "avoid"),
    ("Hi, it's Jo, Finley's gran. He's staying with me today as his mum's poorly.", "avoid"),
    # Round 7 (blind353-358).
    ("Ruby is too poorly for school today but she'll be fine for her netball match tonight.", "avoid"),
    ("Leo won't be in, we had a late night at the fireworks.", "avoid"),
    ("Sam was sick yesterday, he's fine now but I've already booked the day off so he's with me.", "avoid"),
    ("Oscar has chickenpox. His sister is fine but I'm keeping her home too just in case.", "avoid"),
    ("Maya's been so anxious, we're giving her a few days off to recharge.", "avoid"),
    ("Off for Diwali and then we're staying on with family in Leicester until Friday.", "avoid"),
    ("Cai is staying with his mum in Swansea this week.", "avoid"),
    ("He had a meltdown at the door and it just wasn't going to happen today.", "avoid"),
    ("Ellie is poorly, but to be honest I think a lot of it is worry about the spelling test.", "caution"),
    # Round 7: the lawful and medical words.
    ("The head approved it: Rosie is off for her cousin's wedding on Friday.", "ok"),
    ("The council's travel team have told us there's no transport for Seren until they find a new driver.", "ok"),
    ("Please excuse Kofi today, he is having a malaria test at the hospital.", "ok"),
    # Fifth session, round 8 (blind359-364): away for a set time; not ill as such, just a vague state.
    ("Taking the kids to Tenerife for the week, back Monday 14th", "avoid"),
    ("We're taking them to Lanzarote for a few days.", "avoid"),
    ("Jacob isn't ill as such, he's just not himself today.", "avoid"),
    ("She's not really ill as such, just a bit off.", "avoid"),
    ("Kept Harry at home to help me with the baby, she's been up all night poorly.", "avoid"),
    # Fifth session, round 9 (blind365-370): final, abroad, tired after an outing, a break from the pressure;
    # a children's hospital by name, Scots and other languages for illness.
    ("He's not going. End of.", "avoid"),
    ("She's not going, full stop.", "avoid"),
    ("gone to Spain x", "avoid"),
    ("We've flown out to Tenerife, back on the 20th.", "avoid"),
    ("He's just really tired after the weekend", "avoid"),
    ("Nathan is off today, he's shattered after his football tournament yesterday.", "avoid"),
    ("He needs a break from all the pressure tbh", "avoid"),
    ("I think she needs a day away from it all.", "avoid"),
    ("Yusuf has an appointment at GOSH today, it's a full day one", "ok"),
    ("Lewis wis up aw night wi his tummy, he's no fit for school the day", "ok"),
    ("Our Kayden's gorra bad ear, he's bin screamin wi it all night", "ok"),
    # Fifth session, round 10 (blind371-376): the doctor said fit for school yet kept off; the parent's own
    # reading that the child wanted to miss a lesson; fine in themselves, kept home as a precaution; just
    # not coming, or not explaining; not ill exactly, just really low.
    ("The doctor said it's just a virus and he's fine for school, but Connor's still coughing a lot so I've kept him off.", "avoid"),
    ("Tilly was sent home yesterday for 'being unwell' but honestly I think she just wanted to get out of PE. Keeping her off today to rest anyway.", "avoid"),
    ("Georgia tested positive for Covid but she's absolutely fine in herself, we're just keeping her off as a precaution.", "avoid"),
    ("I don't see why I should have to explain. He's not coming in.", "avoid"),
    ("tbh he's just not coming today, had a nightmare morning", "avoid"),
    ("She's not ill exactly, just really low and tired.", "avoid"),
    ("I'm not obliged to give you a reason.", "avoid"),
    # Fifth session, round 11 (blind377-382).
    ("Kai's suspension ended yesterday but I think it was unfair, so he's not coming back until we've had a meeting about it.", "avoid"),
    ("Maybe she's ill, maybe she's just worn out - either way she's at home today.", "avoid"),
    ("The doctor said he's fine but he still feels awful, so he's at home today.", "avoid"),
    ("Jamie's got a wee sair throat but he's awright, jist didnae want tae gang in.", "avoid"),
    ("Eilidh's no comin in, she's in a right huff wi her pals.", "avoid"),
    ("Lucas is away to the fishing wi his da the day.", "avoid"),
    ("Rosie was ill first thing but perked up by 10, didn't seem worth sending her in for the afternoon.", "avoid"),
    ("Harvey was ill last week and still isn't quite himself. Thought one more day at home would do him good before the weekend.", "caution"),
    ("Good morning, I've kept Jessica home today. Long story, I'll call later.", "caution"),
    # Fifth session, round 12 (blind383-388), and the issue's own "he say no go school".
    ("he say no go school", "avoid"),
    ("My daughter very scared of school, she no go", "avoid"),
    ("Off sick but he's been on the xbox all morning so probably back tomorrow haha", "avoid"),
    ("She says she feels sick but I'm not sure tbh, she's been saying that a lot recently.", "avoid"),
    ("Off today, treating her nits", "avoid"),
    ("Musa not coming because the bus from council not come today, I have no car", "ok"),
    ("Joshua will be absent on Wednesday for his grandad's funeral, which Mrs Ahmed agreed to authorise.", "ok"),
    ("Yusuf is authorised to be absent on Monday to attend his citizenship ceremony.", "ok"),
    ])


def test_fourth_and_fifth_session_honest_words_are_not_avoid():
    _each(lambda text: _verdict_is_not(text, "avoid"), [
    # Round 5: the honest words beside each class.
    "It's her birthday today but she woke up with a high temperature, so she's off sick.",
    "He said he felt sick at bedtime and seemed fine to me, but then he was sick twice in the night.",
    "Evie has a fever. She's been anxious about the spelling test too.",
    "Finn's unwell today, and to be honest he's dreading the maths test as well.",
    "Oscar has a hospital appointment at 2 and it's easier to keep him home all day.",
    "Ali had a tummy bug yesterday; he seems fine now but the GP said to keep him off another day.",
    "Tegan is at her citizenship ceremony at the town hall today.",
    "Daniel is away for his grandad's funeral until Thursday, which you kindly approved last week.",
    "Holly has a cold and won't make it in till after lunch.",
    # The attack on round 5: honest words beside the new classes.
    "Freya is poorly and not well enough for her dance show tonight either.",
    "The doctor said she could go back, but she says her ear is still really painful and she has a high temperature.",
    "Harry is off ill. It's easier to keep him at home while he's infectious with chickenpox.",
    "Lily is off with a fever today. It's her 8th birthday so she's very upset to be missing class.",
    "Lily is sick today. We were due to visit her grandparents in Scotland at the weekend; that's on hold until she's better.",
    "By the time his hospital appointment finished at 2:45 it wasn't worth going in.",
    "She said attendance below 90% is flagged and asked whether Maya was 'just not wanting to come in'.",
    # Round 6, and the leave the school gave.
    "Not sure if Josh is well enough to come in, he seems a bit off. I'll see how he is.",
    "Riley came home with a rash yesterday, waiting on a call back from the GP to see if he's ok to go in.",
    "As Mrs Lewis told me on Friday, Dexter can only come in for mornings until the school has a TA in place, so he'll be collected at 12 each day.",
    "We're at the airport picking up his grandad, so he'll be in after lunch.",
    "He's well enough to come in this afternoon, so I'll drop him at 1.",
    "Mrs Jones (head) said in her email that Gethin could have today off for his sister's graduation.",
    "Hannah's on the leave you approved for her sister's wedding, back on the 14th as agreed.",
    # The attack on round 6: honest words beside its classes.
    "He's well enough really to return tomorrow, but today he's still being sick.",
    "He's well enough to come in now, but he'll need to leave at 2pm for his hospital appointment.",
    "He says he is feeling better but I reckon he should go back tomorrow rather than today as he was sick at 6am.",
    "We're at the airport now because his grandad has been taken ill abroad; the head has authorised the absence.",
    "He's stopping with me today as his mum's not well, and he's been sick too so he's off.",
    "We're having Friday off as he's having his tonsils out.",
    "He's well enough to come in, and will be in as normal tomorrow.",
    # Round 7.
    "Late night at his cousin's party, he's exhausted.",
    "She's got bad period pains bless her so she's having a duvet day.",
    "Tilly's shattered after getting back late from her cousin's wedding in Glasgow, so she'll be in after lunch.",
    "Lowri has been feeling very low and tearful and I don't think school is the right place for her today.",
    "Cai is staying with his dad in Swansea while I'm in hospital; his dad will take him to school.",
    # Fifth session: an injury by its name, and an emergency in the family, are never raised to avoid.
    "He was kicked in the playground and has a fractured shin, he's in plaster.",
    "She broke her wrist at the weekend and is in a lot of pain.",
    "We have to fly to Egypt tonight because my father had a stroke.",
    "His grandad had a heart attack last night and we're all at the hospital with him.",
    "Not ill as such, he's just not himself, he's had a temperature since last night.",
    # The attack on round 8 and round 9's honest neighbours.
    "He really doesn't want to go because he's so poorly with a fever and a rash, Liam is staying in bed today",
    "Ava is off because her mum is having emergency surgery today and there is nobody else to look after her",
    "We had a fire at home last night and the children are staying with their aunt, so Leo is not in school today",
    "She's exhausted after being up all night being sick.",
    "He needs a break",
    "Luca non sta bene, he has febbre, 38.5. He stay home. Grazie",
    # Round 10's honest neighbours: the doctor said not fit for school; just not coming in, with the illness.
    "The GP said she's not fit for school until the antibiotics kick in, so Isla will be off today.",
    "Phoebe has glandular fever. The GP has said she is not well enough to attend school at the moment.",
    "He's just not coming in today, he's got a temperature of 39.",
    "She's got bad period pains bless her so she's having a duvet day.",
    # The attack on round 10, and a newcomer's find.
    "Kept home because of a bereavement in the family, her grandmother died yesterday.",
    "I have to have emergency surgery today and there is nobody to look after him",
    "Ava is off because I am having emergency surgery today and there is nobody to look after her",
    # Round 11's honest neighbours.
    "The doctor said he's not fit for school and needs to stay at home until Monday.",
    "Finn's unwell today, and to be honest he's dreading the maths test too.",
    "He's off to the hospital for his fracture clinic appointment.",
    "The GP said she's fine to go back on Monday, so she'll be off until then.",
    # Round 12's honest neighbours.
    "Head said yes to the leave for Granny's 90th in Cork, so Saoirse's off Friday as agreed",
    "She has head lice and a high temperature, so she's off today.",
    "He's ill and he's been on the sofa all morning, he can't even face the xbox.",
    ])


def test_a_day_the_parent_will_explain_on_is_not_a_day_off():
    # "will explain tomorrow" dates the explanation: the suggestion never claims tomorrow off.
    result = check_text("Sorry for the late notice, Max is staying off today, will explain tomorrow.")
    assert "tomorrow" not in (result.suggestion or "")
    assert result.verdict == "caution"


@pytest.mark.parametrize("text", [
    "Max has a rash. Is he allowed in?",
    "Sophie had a bug on Sunday, she's fine now but I'm giving her one more day.",
])
def test_a_question_or_better_now_is_never_worded_as_too_unwell(text):
    # The parent asked, or said the child is better: "too unwell to attend" would say what they did not.
    # (Caution from the rules; the second reading may read "fine now, one more day" as avoid.)
    result = check_text(text)
    assert result.verdict != "ok" and result.suggestion is None
    assert check_text(text, second_reading=False).verdict == "caution"


@pytest.mark.parametrize("text, kept, not_added", [
    # A newcomer's find: a hedged day is not a day of the absence, and a hedge on the day is not a
    # hedge on the illness, so the illness named stays in the suggestion.
    ("Sam is staying off today and maybe tomorrow with a migraine.", "Sam is too unwell to attend school today (migraine)", "tomorrow"),
    ("Ella is staying off today, might be tomorrow as well, temperature.", "(temperature)", "tomorrow"),
])
def test_a_hedged_day_is_left_out_and_the_illness_kept(text, kept, not_added):
    suggestion = check_text(text).suggestion
    assert kept in suggestion and not_added not in suggestion


@pytest.mark.parametrize("template, name", [
    # A newcomer's and the attackers' finds: these names became "My child", "She" or "He".
    ("{} is kept off today with tonsillitis.", "Zoë"),
    ("{} is kept off today with tonsillitis.", "Renée"),
    ("{} is kept off today with tonsillitis.", "Oisín"),
    ("{} is kept off today with tonsillitis.", "Łucja"),
    ("{} is kept off today with tonsillitis.", "Chloé"),
    ("{} is kept off today with tonsillitis.", "O'Neill"),
    ("{} is kept off today with tonsillitis.", "D'Arcy"),
    ("{} is kept off today with tonsillitis.", "De'Andre"),
    ("{} is kept off today with tonsillitis.", "Mary-Kate"),
    ("We're keeping {} off today with a fever.", "Zoë"),
    ("We're keeping {} off today with a fever.", "Björn"),
    ("We're keeping {} off today with a fever.", "Ánh"),
    ("We're keeping {} off today with a fever.", "Siobhán"),
])
def test_a_name_with_an_accent_or_an_apostrophe_is_kept(template, name):
    _worded_for(template.format(name), name)


def test_a_lower_case_name_after_keeping_is_kept():
    # A newcomer's find: "im keeping jayden off today" was worded "He is too unwell..." without "today".
    assert check_text("im keeping jayden off today hes got a bad belly").suggestion \
        == "Jayden is too unwell to attend school today (bad belly)."
    # Another child taken home is still not the one the reason is about.
    _worded_for("i need to take oliver home after swimming, sam has a cold", "Sam")


@pytest.mark.parametrize("text", [
    # Fifth session, round 8: the parent says the child is fine today and kept them home to be safe; "too
    # unwell today" would say what they did not, and "on Monday" was the illness, not the absence.
    "Ben feels fine today and the sickness stopped on Monday, but I'm keeping him off one more day to be on the safe side.",
    "Zach was sick this morning but he's fine now, just keeping him in to be safe",
    "Kept Harry at home to help me with the baby, she's been up all night poorly.",
    # A newcomer's find: with the illness named, an older entry read the same words and worded "too unwell
    # today (flu)"; the entry that withholds is the one kept.
    "Ella had flu all weekend, seems fine today, but I'm keeping her off just in case",
    "Max had chickenpox last week and looks fine today but I'm keeping him home to be on the safe side",
    # A well child kept home in case they catch a brother's or sister's illness: nothing is worded, and never
    # the other child's name (it offered "George is too unwell").
    "George has chickenpox. Alfie hasn't got any spots yet but I'm keeping him home too as he's bound to get it.",
    "Sam has flu so I'm keeping Ellie off as well, she's bound to catch it.",
    # The attack on round 19: the household's illness, the child the one who is not ill. Nothing is worded
    # as the child's illness (it used to suggest "He is too unwell to attend school today (norovirus)").
    "Whole house has norovirus except Jake, I'm in bed and can't get him there today, sorry.",
    "The rest of us have got covid apart from Finley but I'm isolating so I can't take him in.",
])
def test_fine_today_or_someone_elses_illness_is_never_worded_as_too_unwell(text):
    result = check_text(text)
    assert result.verdict != "ok" and result.suggestion is None and result.withheld


def test_sixth_session_classes():
    _each(_verdict_is, [
    # Round 13 (sixth session, blind389-394), in our own words: away with the day of return;
    # the parent's own doubt (Mondays, fine by mid-morning then out, "off sick (kind of...)",
    # gaming, "really just bored", perked up and running around); maybe only tiredness; a quiet
    # week given; a mental health day decided on or beside "fine"; up late then shattered;
    # "keeps saying he can't go"; half days because they suit; the other parent late back.
    ("We're away until Wednesday, back Thursday.", "avoid"),
    ("Away to Cornwall, back Tuesday x", "avoid"),
    ("She says she's poorly but we all know what Fridays are like.", "avoid"),
    ("He was a bit off first thing but seemed fine by 11 so we went to the park instead.", "avoid"),
    ("Off sick (well kind of, she's been on her phone all day)", "avoid"),
    ("Poorly this morning apparently, though he's been playing Fortnite since 9.", "avoid"),
    ("He bumped his knee but I think he's really just bored of football club.", "avoid"),
    ("She was too ill to go in at 8, but she's perked up and is running around the garden now.", "avoid"),
    ("Leah won't be in, she's under the weather, not sure, maybe just tired.", "caution"),
    ("Might be glandular fever, we're waiting on bloods, so I'm giving her a quiet week.", "caution"),
    ("We've decided Ruby needs a mental health day today.", "avoid"),
    ("She's fine, just taking a mental health day.", "avoid"),
    ("He stayed up far too late on his phone and now he's knackered.", "avoid"),
    ("He keeps saying to us he can't go back and we're at a loss.", "avoid"),
    ("From now on she'll only be coming in for the afternoons as it suits her better.", "avoid"),
    ("Their mum had them over half term and didn't drop them back on time.", "avoid"),
    # A rough night given with the day at home: the caution for naming nothing, not a decision's avoid.
    ("Jack's off today, we had a terrible night with him.", "caution"),
    ("Maisie is feeling ych a fi today so she's staying home.", "caution"),
    # Leave and council transport in other words, and leave granted in the parent's own sentence.
    ("Ellie has permission from the head to attend her sister's graduation today.", "ok"),
    ("The taxi never came this morning (the council one), so Ben can't get in.", "ok"),
    ("My mum died on Friday; the funeral is on Tuesday. I asked for leave and the head agreed.", "ok"),
    # Round 14 (sixth session, blind395-400), in our own words: a hospital visit that says what it is for; a bad
    # chest beside a cold; an arrangement not working, given as the reason; can't face it, nothing else said;
    # far too much going on at home; a party later if better; a haircut; fine by break; not convinced; an
    # arrangement not agreed, started anyway; off until the nits are gone; a symptom only in the child's
    # words; illness in simple English before "she stay home".
    ('Tom is at the hospital with me today for his fracture clinic appointment, letter attached.', 'ok'),
    ("Ava's not in, she's full of cold and her chest is really wheezy.", 'ok'),
    ("I'm keeping him off because the part-time timetable just isn't working.", 'avoid'),
    ('he cant face it today', 'avoid'),
    ('Both boys are off, far too much going on at home at the moment.', 'avoid'),
    ("Off sick today - might still go to her mate's sleepover tonight if she feels better!", 'avoid'),
    ('Haircut at 2 so picking her up early today', 'avoid'),
    ("She'll probably be fine by break but I've said she can stay home.", 'avoid'),
    ("She said she was poorly but I'm not convinced to be honest.", 'avoid'),
    ("The consultant suggested a shorter week. School haven't agreed it yet but we're starting it from Monday.", 'avoid'),
    ("He'll be off until we've got rid of the nits.", 'avoid'),
    ("she says she's got a sore tummy", 'caution'),
    ('Maya feel very bad, her tummy is hurt and she vomit. She stay home today.', 'ok'),
    # Round 15 (sixth session, blind401-406), in our own words: a nurse said he may go in, kept off anyway; a
    # busy week; on the phone all night; kept home as they seemed tired; not budging; a flight home cancelled;
    # pointless coming in; giving school a miss; kept off after a booster just in case; a sibling's training day;
    # fine once he'd had his toast; the school shut, said after "not sending"; "I'll explain later"; a symptom in
    # the child's words; a vague word alone; out of sorts; Scots; Eid with the head's approval.
    ("The nurse said he's fine to go in but he's grumpy so I've kept him home.", 'avoid'),
    ("Can she have today off? She's had a really busy week.", 'avoid'),
    ("He was on his phone all night so I can't get him up.", 'avoid'),
    ('Kept her home as she seemed a bit tired.', 'avoid'),
    ("She's just not budging this morning.", 'avoid'),
    ("Our flight home was cancelled so she'll miss Tuesday.", 'avoid'),
    ("He's sprained his ankle, bit pointless him coming in for PE week.", 'avoid'),
    ("She's a bit nervous so we're giving school a miss today.", 'avoid'),
    ('He had his booster yesterday so keeping him off just in case.', 'avoid'),
    ("It's a training day at his sister's school so he's staying home with her.", 'avoid'),
    ("He's off sick, though he seemed fine once he'd had his toast.", 'avoid'),
    ('Not sending him as the school emailed to say the site is shut because of the flood.', 'ok'),
    ("Freya is staying home today. I'll explain later.", 'caution'),
    ('Ella says she feels sick.', 'caution'),
    ("She's not feeling great.", 'caution'),
    ("Isla has been out of sorts since Sunday, she's staying at home.", 'caution'),
    ("He's greetin wi his ear and he's roastin, no school the day.", 'ok'),
    ('Keeping Yusuf off on Friday for Eid, which the head has approved.', 'ok'),
    # Round 16 (sixth session, blind407-412), in our own words: fine in himself while the rest of the house is
    # ill; "fine really" by name; denied, and another reason instead; not sure how poorly; fine today, kept home
    # for a quiet day; fine physically, a mental health day; a busy week at home; a trip after the illness; a
    # leave form signed by the head; council transport withdrawn; excluded by the school.
    ('Leo is fine in himself but the rest of us have flu, so best he stays home.', 'avoid'),
    ("Maisie's fine really, but she's been so worried about the play that I let her stay home.", 'avoid'),
    ("He's not really ill, but we have a lot to sort out at home this week.", 'avoid'),
    ('Not poorly as such, more just worn down.', 'avoid'),
    ("She's off sick, though I'm not sure how poorly she really is.", 'avoid'),
    ("Bit off yesterday but she's fine today, keeping her home for a quiet day.", 'avoid'),
    ("He's fine physically but I think he needs a mental health day.", 'avoid'),
    ("We've got loads on this week so Mia will be back Friday.", 'avoid'),
    ("Ava is poorly today. We're flying out on Saturday, so she'll be off until the 20th.", 'avoid'),
    ("Sam's leave of absence form was signed by the head teacher, so he'll be away Thursday.", 'ok'),
    ('His school taxi has been withdrawn by the council and nothing else has been arranged.', 'ok'),
    ('Zoe has been excluded by the school for two days; I have the letter.', 'ok'),
    # Round 17 (sixth session, blind413-418), in our own words: at a relative's for the week; "just hates
    # Mondays"; a well sibling kept off in case; an illness asked; the other parent's word; the rest of the week
    # given; not much point being in; family stuff; a day off allowed for feeling rubbish; car keys; the SENCO's
    # word; a council taxi no-show; hardly able to breathe; a care plan followed; sick all night, then in bed.
    ("We're staying with my parents in Devon for the week, dad's not been well.", 'avoid'),
    ("She's off ill. Honestly she just hates Mondays.", 'avoid'),
    ("His brother has chickenpox. He seems fine but I'm keeping him off in case he's getting it.", 'avoid'),
    ("I think she's poorly?", 'caution'),
    ("His dad says he's ill, he stayed there last night.", 'caution'),
    ("He's had flu but he's improving; we're giving him the rest of the week at home.", 'caution'),
    ('Sam sprained his wrist, so not much point him being in.', 'avoid'),
    ('Lily is at home while we sort out some family stuff.', 'avoid'),
    ('She felt a bit rubbish so I said she could have the day off.', 'avoid'),
    ("The dog ate my car keys so he can't get in.", 'avoid'),
    ("The SENCO said he doesn't need to come in on Fridays for now.", 'ok'),
    ('Council taxi was a no show again this morning, we live 12 miles out.', 'ok'),
    ("She's full of cold and so bunged up she can hardly breathe, she's off today.", 'ok'),
    ("He had a seizure this morning and we are following his care plan. He's too unwell to come in.", 'ok'),
    ("Been chucking up all night so she's staying in bed.", 'ok'),
    # Round 18 (sixth session, blind419-424), in our own words: fine now after "not feeling right"; a lot on
    # Mondays; not faking it this time; not knowing what to believe; who knows with her; "I think he's fine";
    # a bug or nerves; the other parent did not bring him; a flight the day after the illness; a break wanted
    # beside a cold; not worth bringing him back; leave confirmed by email; the GP's call back awaited; can't
    # get him in because he is too poorly; sorry for the late message, the parent ill too.
    ("Kept her home as she wasn't feeling right, but she seems fine now to be honest.", 'avoid'),
    ('He has a headache again; he gets these a lot on Mondays.', 'avoid'),
    ("He's got a sore throat. He's not faking it this time!", 'avoid'),
    ("She says she's poorly again. I honestly don't know what to believe anymore.", 'avoid'),
    ("She's got a tummy ache, who knows with her.", 'avoid'),
    ('He looked a bit peaky, though honestly I think he is fine. Keeping him home.', 'avoid'),
    ("Not sure if it's a bug or nerves about the test.", 'caution'),
    ("His mum was supposed to bring him in but didn't.", 'avoid'),
    ("She's been sick this morning. We fly to Lanzarote tomorrow.", 'avoid'),
    ('He has a cold. I also think he needs a break.', 'caution'),
    ('GP appointment at 11, might not be worth bringing him back afterwards.', 'caution'),
    ('Mrs Khan confirmed by email that the leave has been authorised.', 'ok'),
    ('Keeping her off, waiting on a call back from the GP.', 'caution'),
    ("Can't get him in today, he's too poorly.", 'caution'),
    ("Sorry for the late message, I've been ill myself. Noah has a temperature and is too unwell to come in.", 'ok'),
    ])


def test_sixth_session_honest_words_are_not_avoid():
    _each(lambda text: _verdict_is_not(text, "avoid"), [
    # Round 13's honest neighbours: a real illness beside each new class.
    "He has tonsillitis and a temperature; he says he's poorly and he really is.",
    "We're away at the hospital until Thursday with her, she's having her operation.",
    "She had a rough night with a high temperature, so she's staying home today.",
    "Her dad didn't bring her back last night and he isn't answering, so she won't be in. I'll update you.",
    "Grace is on an agreed part-time timetable and is only in for the mornings.",
    "He was up late being sick and he's shattered.",
    # Round 14's honest neighbours: anxiety named, the parent's own care, a doubt with a temperature.
    "Noah is really anxious and can't face school today.",
    "She has a temperature and says she feels sick, so she's in bed.",
    "Jade says she's alright but I'm not convinced, she has a temperature, so she's off.",
    "There's a lot going on at home at the moment, I'd rather talk in person. He won't be in today.",
    "He says he's not convinced he's ready to go back, and the GP has signed him off for a week with glandular fever.",
    # The attack on rounds 13-15: honest messages beside the new classes are never avoid.
    "He's off sick - apparently a virus going round his class",
    'She had a temp this morning but seemed ok by 11, so I got her booked into the GP',
    'Poorly, perked up now and is bouncing around, but she was sick 3 times so 48 hours off',
    'Far too much going on at home, her dad has just died and she is distraught',
    "He's away to the Hospice, back Monday",
    "Sam has head lice and a temperature, she'll be off until we've got rid of them",
    'I have decided Jess needs a mental health day, she is suicidal',
    'He says he feels dizzy and he fainted in the shower',
    'Alfie had his booster jabs yesterday and has been a bit off with it, keeping him home to be safe.',
    'The ferry was cancelled again because of the gales, no way off the island this morning.',
    # Round 16's honest neighbours.
    "Hi, Grace is with her dad this week and he says she's poorly, I don't know any more than that sorry.",
    "Not ill, just her hospital check-up at 2pm, she'll be back after.",
    "He's not really ill, but he has a bad cough and a temperature.",
    # Round 17's honest neighbours.
    "He's got a hospital appt in Cardiff at 9 so no point him coming in after, it's a 2 hr round trip.",
    'She says she feels sick and she was sick twice in the night.',
    # Round 18's honest neighbours.
    'He is very scared after the incident in the playground, shaking and not eating. We go to GP tomorrow.',
    "Not sure if it's something he ate or nerves but he's had the runs all morning and isn't well enough to come in.",
    "She seems fine now but was sick three times in the night, so she's off for 48 hours.",
    ])


def test_leave_asked_for_is_not_leave_granted():
    # "request authorised absence" asks; only the head's yes is a lawful absence.
    assert check_text("I'd like to request authorised absence for Sam on Friday for his sister's graduation.").verdict != "ok"
    assert check_text("I asked for authorised absence for Sam's sister's graduation and the head agreed.").verdict == "ok"


def test_a_frame_reads_its_rules_words_after_the_hit():
    # kept_off's unless_after ("as per the GP's advice") holds for the frames reporting under it too.
    text = "The GP said there's nothing physically wrong with him but he should stay off till he feels better."
    assert check_text(text).verdict == "caution"


def test_sixth_session_attack_not_ok():
    _each(lambda text: _verdict_is_not(text, "ok"), [
    # The attack on rounds 13-15: leave from an employer or a nurse, the parent's own rough night, a lawful
    # reason asked as a question.
    'My leave was authorised by my manager so Sam will be off for the week',
    'We have permission from the school nurse to go on holiday',
    "I had a rough night so he's staying off",
    "Ben's on study leave right? so he's revising at home",
    ])


def test_a_doubted_illness_is_never_worded_as_fact():
    # The attack on round 14: "I wasn't convinced" in the past tense still withholds the wording.
    result = check_text("He told me he was sick but I wasn't convinced")
    assert result.verdict == "avoid" and result.withheld and result.suggestion is None


def test_a_timetable_only_recommended_is_not_lawful():
    assert check_text("Her therapist has recommended a reduced timetable, so she'll only be doing mornings from now on.").verdict != "ok"


def test_the_houses_illness_is_never_worded_as_the_well_childs():
    # Round 16: this used to offer "Jamal is too unwell to attend school (norovirus)".
    result = check_text("Jamal is fine himself but the rest of the house has norovirus so I thought it best he stays home.")
    assert result.verdict == "avoid" and result.withheld and result.suggestion is None


@pytest.mark.parametrize("text", [
    "He says he has a migraine",
    "Sam says his tummy hurts",
    "Ella says she feels sick",
])
def test_a_symptom_only_in_the_childs_words_is_a_caution_with_a_gap(text):
    # The newcomer's find on round 14: the same report in other words is read the same way, and the symptom,
    # being the child's word not the parent's, is asked about rather than stated.
    result = check_text(text)
    assert result.verdict == "caution" and result.needs_input


def test_the_new_rules_never_avoid_a_real_illness():
    _each(lambda text: _verdict_is_not(text, "avoid"), [
    # The attack on rounds 15-17: a real illness or medical care named beside the new words keeps a message
    # from avoid ([statements.more.words] real_illness).
    "Sam has a high temperature and has been sick, not much point him coming in as he'd only be sent home",
    "I kept him home as he was exhausted after his chemotherapy",
    "To be honest he hates Mondays but today he genuinely has a temperature and has been sick",
    "Sam seems ok but I'm keeping her off in case she's coming down with it - the GP told us to after contact with measles",
    "Sam is unwell today. We fly out for his surgery tomorrow so he'll be off until the 15th",
    "Sam has covid, we're staying with my parents for the week so they can help while I'm ill too",
    "We've got a lot on this week with his hospital appointments, Sam will be back Monday",
    "She's not really ill, more exhausted after her chemo yesterday",
    "She's fine now but I'm keeping her off for the rest of the day as the hospital advised after her fall",
    "Sam's fine really, he just has a temperature so I'm keeping him off",
    "Sam has been throwing up since 5am. I've said he can have the day at home.",
    "Sam is not budging from the toilet, he's had diarrhoea since 5am",
    "Sam's grandad died last night, we are at home while we sort out some family stuff",
    ])


def test_a_vague_word_a_question_or_a_report_beside_a_real_illness_is_fine():
    _each(lambda text: _verdict_is(text, "ok"), [
    "Sam is not feeling great today, he had a seizure last night",
    "The school has agreed the consultant recommended reduced timetable so she'll only be doing mornings from now on",
    "I think she's ill? she has been sick three times",
    "His dad says he's ill with a temperature of 39",
    ])


@pytest.mark.parametrize("text", [
    "George has chickenpox so I'm keeping Alfie home too",
    "George has chickenpox. Alfie hasn't got any spots yet but I'm keeping him home too.",
])
def test_two_children_in_one_reason_get_no_wording_for_either(text):
    # The newcomer's find: this offered "George is too unwell to attend school (chickenpox)".
    result = check_text(text)
    assert result.verdict != "ok" and result.suggestion is None and result.withheld


def test_seventh_session_classes():
    _each(_verdict_is, [
    # Round 19 (seventh session, blind425-430), in our own words: another cause than the illness, hedged or
    # compared; fine now and gaming; two guesses; fine to do the work at home; out until the school apologises
    # or explains; out while the family decides on home education; home learning by choice; upset after an
    # incident with another child; flying back the day before; a family errand with the council; both having a
    # rest; assuming the school is shut; council transport named in the next sentence; back once better.
    ("He's off sick. Honestly I think it's more the spelling test than his cold.", 'avoid'),
    ("Off poorly today, though to be honest it's more about the row with her mates.", 'avoid'),
    ("She had a bug at the weekend but she's fine now, just on her iPad all morning.", 'avoid'),
    ("He's off, maybe a cold or maybe worry about the trip.", 'caution'),
    ("She's a bit unwell. Can you email her work? She'll be fine to do it at home.", 'caution'),
    ("He's not coming in until Mr Price apologises.", 'avoid'),
    ("Sam won't be in until we get a proper answer about the detention.", 'avoid'),
    ("We've taken Noah out of school while we think about home education.", 'avoid'),
    ("I'm doing home schooling with her today, she's had enough of the noise.", 'avoid'),
    ("He's too upset to go in after the fight with that boy on the bus.", 'avoid'),
    ("Evie won't be in Tuesday as we fly home from Florida on Monday night.", 'avoid'),
    ("She missed Friday because I had to sort some paperwork at the housing office.", 'avoid'),
    ("We're assuming his year aren't in because of the teachers' strike.", 'caution'),
    ("Jack's taxi never came this morning. It's the transport the council arranges for his EHCP.", 'ok'),
    ("The council-provided minibus didn't come again today.", 'ok'),
    ("She has tonsillitis and will be back once she's feeling better.", 'ok'),
    ("Dentist at 10, he'll be back after lunch if he's up to it.", 'ok'),
    # Round 20 (seventh session, blind431-436), in our own words: a doubt confided ("between us") or the same
    # complaint last week; the GP saying the child is fit for school; family visiting; a pet that died; issues
    # with a teacher given as the reason; resting at home while fasting; council transport
    # that was "a no show" (the newcomer's find: once read as a show to go to).
    ("He's a bit poorly. Between you and me he's been dreading the swimming lesson.", 'avoid'),
    ("She says her tummy hurts but she said the same thing last Friday.", 'avoid'),
    ("The doctor said she is fine to go back to school but I'm keeping her home till Monday.", 'avoid'),
    ("Mo won't be in, his grandparents are over visiting from Lahore.", 'avoid'),
    ("Our dog was put down last night and she's heartbroken, she won't be in.", 'caution'),
    ("He won't be in due to ongoing problems with his form tutor.", 'avoid'),
    ("She is fasting and exhausted so she is staying at home today.", 'avoid'),
    ("Jade has a headache and a temperature of 38.5.", 'ok'),
    ("The council taxi was a no show again this morning, he's at home.", 'ok'),
    # The attack on round 20, close variants the first rules missed: "off the record", "the same excuse", a name
    # saying the same thing, "the GP cleared him", "fit to attend", "my mother is visiting", "exhausted because
    # of Ramadan", a pet "killed by a car".
    ("Ethan is poorly. Off the record, he's been dreading PE all week", 'avoid'),
    ("Ivy says she feels sick but she used the same excuse last week", 'avoid'),
    ("Ivy says she feels sick. Ivy said the same thing last Monday", 'avoid'),
    ("The GP said my son is fit for school but I'm not sending him back until his cough clears.", 'avoid'),
    ("The GP cleared him for school but I'm keeping him home till his cough clears.", 'avoid'),
    ("Sorry Jamie's off, my mother is visiting from Poland.", 'avoid'),
    ("Aisha is exhausted because of Ramadan so she will rest at home today.", 'avoid'),
    ("Harper is devastated, her dog was killed by a car last night", 'caution'),
    # The attack on round 19: the child ill with the household is still ok.
    ("We've all got flu except me, Sam has a temperature of 39.", 'ok'),
    ("Everyone in the house has the bug apart from me, Lily has been sick all night.", 'ok'),
    ])


def test_seventh_session_honest_words_are_not_avoid():
    _each(lambda text: _verdict_is_not(text, "avoid"), [
    # Round 19's honest neighbours: the illness is what the parent names, or the trip was for care.
    "He's off sick, I think it's actually the flu that's going round.",
    "She's off, to be honest it's really the migraines again.",
    "Might be a bug or might be something she ate, either way she's been sick three times this morning.",
    "We fly back from the hospital in Glasgow tonight after his surgery, so he won't be in tomorrow.",
    "I had to go to the council about his school transport, it still hasn't been sorted, so he couldn't get in.",
    "She's doing the home learning the school set while she has chickenpox.",
    # Round 20's honest neighbours.
    "Between you and me, she's really poorly, worse than she lets on.",
    "He's off sick, between us he's been up all night with a fever.",
    "The GP said he's not fit for school yet.",
    "She is fasting for Ramadan and has a migraine, so she's resting at home.",
    "Sam's taxi was a no show again this morning so he's not in.",
    # The attack on round 20: honest reasons beside the new rules' words.
    "Noah has been vomiting again; he had the same thing last week so we're back at the doctors today.",
    "Leo has chickenpox. Between you and me, I think he caught it at the party.",
    "Mia has an appointment at CAMHS today. Between us, it's taken 18 months to get it.",
    "Grace has an appointment at the hospital today, my mum is visiting to help with the little one.",
    "Jack has chickenpox. My mum is over visiting from Spain so she is looking after him.",
    "The consultant said she is fit for school but she has a hospital appointment today for bloods.",
    "Aisha is nil by mouth, fasting before surgery, and is resting at home.",
    "Our dog died last night and Ruby has been sick all night with a high temperature.",
    ])


@pytest.mark.parametrize("text, not_verdict", [
    # Round 19 (blind427: caution or avoid): the parent's own rest given beside the child's cough.
    ("He's had a cough all night and I'm worn out, so we're both having a duvet day.", "ok"),
    ("He's got a temperature and I'm exhausted, so we're both having a rest.", "ok"),
    # Round 20: a return the GP set for later is not a doubt; "breakdown" may be the child's own, but never ok.
    ("The GP said he is fit to return on Monday after his chest infection.", "avoid"),
    ("Unable to attend due to a breakdown in relationship with his teacher.", "ok"),
])
def test_seventh_session_verdicts_it_is_never(text, not_verdict):
    _verdict_is_not(text, not_verdict)


# --- eighth session, round 21 (blind437-442), in our own words --------------------------------------------

def test_eighth_session_classes():
    _each(_verdict_is, [
    # Tiredness or nerves named by the parent as most of it; the child's dread confided with "honestly"; something
    # else "part of it"; "who knows with teenagers"; catching up on sleep at home.
    ("Maya is poorly, though to be honest I think it's mostly tiredness after the party.", "avoid"),
    ("Josh is ill, but honestly he's been dreading coming in since his teacher told him off.", "avoid"),
    ("She's unwell today. She fell out with her best friend yesterday and I think that's half of it.", "avoid"),
    ("Kai is off, says he feels grim but who knows with teenagers.", "avoid"),
    ("Poppy had a late night so she's catching up on sleep and will be in at eleven.", "avoid"),
    # Not right since something the school did, given with the illness: a caution.
    ("Isaac is unwell. He hasn't been himself since the school moved him to another set.", "caution"),
    # A migraine, then in later once it eases; the child's own illness after the parent's emergency; refusal
    # denied in other words ("not a case of"): ok.
    ("Rosa has a migraine, she may come in after lunch if it eases.", "ok"),
    ("I'm looking after Leo while his dad is in hospital. Leo has had a temperature since last night.", "ok"),
    ("It isn't a case of her not wanting to go, Grace has a temperature of 38.5 and is too poorly to attend.", "ok"),
    # Round 22 (blind443-448): not ill, but another reason; a reduced timetable the family started; the child
    # "being a diva"; more in the parent's own doubt ("more about the trouble with her friends").
    ("Ruby's not ill as such, but things have been hard at home and she needs a break.", "avoid"),
    ("He isn't really that poorly but it's been a long week.", "avoid"),
    ("She's on a part-time timetable, not officially, we just feel full days are too much.", "avoid"),
    ("Sorry he won't be in, he's being a right nightmare this morning.", "avoid"),
    ("Amy is unwell but tbh I think it's more about the stuff going on with her friends.", "avoid"),
    # A cause given after "not coming in" is still the reason (the "not" is the earlier clause's).
    ("Sam isn't coming in because of the problems with his form tutor.", "avoid"),
    # The school saying the child should not come in, in other words: ask for it in writing (a caution).
    ("His teacher said he shouldn't come in until his cast is off because of the stairs.", "caution"),
    ("She was sent home and told not to come back until she has the right shoes.", "caution"),
    # The parent caught the child's illness; Welsh "gyda'i" is "with his", never the parent's "I".
    ("Leo has a stomach bug and is too unwell to attend. I've got it as well.", "ok"),
    ("Mae Cerys yn yr ysbyty gyda'i asthma.", "ok"),
    # Round 23 (blind449-454): the parent's doubt in more words; "not an illness as such"; staying on after a
    # festival; told not to come back until a meeting (the school's, not a protest); "won't make it in" alone.
    ("Zara has a temperature but I bet she just doesn't want to do the spelling test.", "avoid"),
    ("She's too unwell to attend, though she cheered up as soon as I told her she could stay home.", "avoid"),
    ("It's not an illness as such, Theo is just worn out.", "avoid"),
    ("Mo says his head hurts. Not convinced, but he's at home.", "avoid"),
    ("He says he feels sick but I'm not sure he is really ill.", "avoid"),
    ("Lily has a tummy ache again, she only ever gets it on a Monday.", "avoid"),
    ("Off for Eid and then we're staying on at my brother's in Bradford until Friday.", "avoid"),
    ("He was sent home and told not to come back until we have had a meeting.", "caution"),
    ("Sorry, Amy won't make it in today.", "caution"),
    # The attack on round 22: the child's mood in other words; not ill, with no "but".
    ("She's in a right strop and won't get dressed.", "avoid"),
    ("He's not ill or anything, there's just been a lot going on.", "avoid"),
    # A relative's illness never softens a parent's emergency into the child's illness.
    ("His dad is in hospital. Sister has chickenpox so he's staying with us.", "avoid"),
    # Round 24 (blind455-460): a day at a relative's while too unwell; fine at weekends; fine in himself but kept
    # off; a mental health day the family is having; tired after a poor night and kept home; a tournament after
    # "won't make it in".
    ("He's too poorly for school but we're popping to his gran's for the day.", "avoid"),
    ("She says her tummy hurts every school morning but she's fine at weekends.", "avoid"),
    ("He's got a bit of a sniffle, fine in himself but I've kept him off.", "avoid"),
    ("We're having a duvet day today, Mia needs a rest.", "avoid"),
    ("Jack slept badly and is so tired so we're keeping him home.", "avoid"),
    ("Tia won't be in today, she's got a netball tournament.", "avoid"),
    ])


def test_eighth_session_honest_words_are_not_avoid():
    _each(lambda text: _verdict_is_not(text, "avoid"), [
    # The honest neighbours: the dread is one thing among others, or beside an illness named; a migraine is
    # "part of it"; the parent declines to say more ("which I won't go into"); nightmares all week.
    "Finn has a cough, and to be honest he's dreading the spelling test too.",
    "He had a bad night with his asthma and honestly he's been dreading PE anyway.",
    "She has a migraine again, I think that's part of it, the screens.",
    "Evie won't be in today. Things are difficult at home, which I won't go into, and she's not herself.",
    "He's had nightmares all week and is exhausted, so he's at home to catch up on sleep.",
    # Round 22's: not ill "but" the child's own state; not because of the teacher; the school's advice for an illness.
    "She's not ill as such, but her anxiety is through the roof and she's too unwell to come in.",
    "He isn't sick, but he's not well either, he's in a bad place mentally.",
    "It's not because of his teacher, he has flu.",
    "The school said she shouldn't come in until she has been clear for 48 hours.",
    # The attack on round 22: honest reasons beside the new rules' words.
    "She's not ill but she's been self-harming again.",
    "Not sick as such but he's having a flare-up of his Crohn's.",
    "He's not really ill but he's got a sprained ankle.",
    "Sam has flu. Dad isn't ill but he's working nights.",
    "Maya is being sick and has diarrhoea. She ate some dodgy chicken and I think that's part of it.",
    "Josh has long covid. To be honest it's mostly tiredness, which is the main symptom.",
    "Noah has a temperature. Honestly I think it's more the bug going round his class.",
    "Ayaan has tonsillitis, and who knows with kids how long it'll take to clear.",
    "Felix had his tonsils out and is catching up on sleep.",
    "Thomas is unwell. He hasn't been right since they changed his epilepsy medication.",
    "Her reduced timetable was agreed at the TAC meeting, we decided together she'd do afternoons only.",
    "He's being a nightmare because he's in so much pain with his ear infection, he's off today.",
    "It's not a sickness bug as such, she has tonsillitis.",
    "I'm not convinced it's the right school for him but he's off with flu today.",
    # The attack on round 23: a chronic condition or a doctor beside "always on a Monday"; period pain after "not
    # illness exactly"; a timetable the school put in place; a stay so a relative can look after the child.
    "He has Crohn's and always gets it on a Monday after his weekend meds change, the IBD nurse knows.",
    "Not illness exactly, Ruby is on her period and has really bad cramps.",
    "She's on a reduced timetable that the school put in place, we decided she'd do afternoons only.",
    "Aisha has flu and after the GP we're staying on at my mum's so she can look after her.",
    "I'm sure she doesn't want to be off but she has a temperature of 39.",
    "She's too unwell to come in, she's going to her nan's for the day so nan can look after her while I work.",
    "Daisy is full of cold and absolutely shattered so I'm keeping her off today.",
    ])


@pytest.mark.parametrize("text, not_verdict", [
    # Leave asked to be considered is not leave granted; "may be in later" after a headache alone stays a maybe.
    ("We would be grateful if Ava's absence on Friday for her cousin's graduation could be considered as authorised leave.", "ok"),
    ("Harriet had a migraine last night, we'll see how she is later.", "ok"),
    ("Ben has a migraine but he'll probably be fine by lunchtime, I could drop him in then.", "ok"),
    # The attack on round 22: leave asked in other words; period pain then a shopping trip.
    ("We have a family wedding on Friday, please can this be considered as authorised leave.", "ok"),
    ("Kacey gets period pain. She's fine today but we're going shopping, may bring her in this afternoon.", "ok"),
])
def test_eighth_session_verdicts_it_is_never(text, not_verdict):
    _verdict_is_not(text, not_verdict)


@pytest.mark.parametrize("text, kept, left_out", [
    # A day the child is expected back is not a day of the absence; "just to let you know" tells the absence.
    ("Staying home today with a bad cough, will be in tomorrow.", "today", "tomorrow"),
    ("Ruby is staying home today, she may come in tomorrow.", "today", "tomorrow"),
    ("Just to let you know Daisy won't be in today, she's not herself.", "today", "tomorrow"),
    # A day that dates when the illness began, in one word (blind466): not a day of the absence.
    # (Round 44: "throwing up ... so he's staying home" is the illness's consequence, ok with nothing to reword.)
    ("Kian has had a sickness bug since teatime yesterday so he's staying home.", "Kian", "yesterday"),
])
def test_eighth_session_a_day_of_return_stays_out_of_the_suggestion(text, kept, left_out):
    suggestion = check_text(text).suggestion
    assert suggestion and kept in suggestion and left_out not in suggestion, suggestion


@pytest.mark.parametrize("text", [
    # Someone else's illness never reaches the child's suggestion: a cousin named through the child, a bare
    # "Sister"; "being a pain" is the child's mood, never pain as a symptom (the attack on round 22).
    "Jacob's cousin has scarlet fever so we're keeping him off as a precaution.",
    "I'm looking after Bella while her mum's in hospital. Sister has chickenpox so I've kept them both home.",
    "Ruby's not coming in today, she's being a pain.",
])
def test_eighth_session_no_one_elses_illness_or_mood_is_worded_as_the_childs(text):
    suggestion = check_text(text).suggestion or ""
    assert not any(word in suggestion for word in ("scarlet fever", "chickenpox", "(pain)", "Sister ")), suggestion


@pytest.mark.parametrize("text", [
    # The newcomer's find ("wants to hurt himself" showed no help line), and the attack on round 23's.
    "He keeps saying he wants to hurt himself and I can't leave him.",
    "She has been talking about harming herself.",
    "She keeps hitting herself when we mention school.",
    "She has said she'd jump off the bridge.",
    "She's been scratching her arms until they bleed.",
])
def test_eighth_session_talk_of_hurting_themselves_shows_the_help_first(text):
    assert check_text(text).urgent


@pytest.mark.parametrize("text", [
    # Everyday words that only look like it (the attack on round 23).
    "He hurt himself playing football and has a sprained wrist.",
    "He tried to cut himself a slice of cake and caught his finger, needed stitches.",
    "He is going to hurt himself if he keeps jumping off the sofa.",
    "He's going to burn himself out if he keeps this up.",
])
def test_eighth_session_everyday_words_show_no_help_line(text):
    assert not check_text(text).urgent


@pytest.mark.parametrize("text, name", [
    # A relative's word opening a sentence is never taken for the child's name (the attack on round 23).
    ("Sister has flu and Tom is feeling rough, staying home today.", "Tom"),
    ("Brother has flu so Tom's feeling rough, staying home Monday.", "Tom"),
])
def test_eighth_session_a_relative_is_never_the_name_in_the_suggestion(text, name):
    result = check_text(text)
    assert result.suggestion and result.suggestion.startswith(name + " ") and "flu" not in result.suggestion


@pytest.mark.parametrize("text", [
    # A mental health day the family is having or decided on is a day off, not illness stated: nothing is worded as
    # illness (the final newcomer found "too unwell to attend school today (mental health)" offered).
    "We're having a mental health day today.",
    "We've decided as a family that Sam needs a mental health day today.",
])
def test_eighth_session_a_decided_mental_health_day_is_never_worded_as_illness(text):
    result = check_text(text)
    assert result.verdict == "avoid" and result.suggestion is None and result.withheld


def test_ninth_session_classes():
    _each(_verdict_is, [
    # Ninth session, round 26. Lawful reasons in everyday words: an agreed part-time timetable, the school closed
    # (to a site or a year group), council transport that did not come, the school's own exclusion.
    ("Following the review meeting we're doing afternoons only for a few weeks, so Noah will be collected at 12.", "ok"),
    ("Reminder that Ellie only comes in on Tuesdays and Thursdays for now, as we agreed with the head of year.", "ok"),
    ("As you know Ben's on the part-time timetable we agreed in October, so he's home this afternoon.", "ok"),
    ("Got your message that the infant site is shut today with no water, so Poppy's at home with me.", "ok"),
    ("School's closed to Year 8 today for the exams, so Jack is at home revising.", "ok"),
    ("The council taxi (the 7.45 one) did not turn up again and I have no car, so Zain is at home.", "ok"),
    ("The minibus never came this morning. I've phoned the council and they're looking into it.", "ok"),
    ("Ms Ahmed rang to say Tyler isn't to come in today while they look into the incident at lunch.", "ok"),
    ("Sam isn't allowed back until Monday after what happened, the head's letter came yesterday.", "ok"),
    # The child's own appointment, someone else taking them because the parent works; fine apart from it.
    ("Maya has her orthodontist appointment today, her grandad is taking her as I'm at work.", "ok"),
    ("Leo has his eye test at 9 so will be in late. He's fine otherwise.", "ok"),
    # The child's own illness told after denying another reason; anxiety that comes before school is the anxiety.
    ("My mum is poorly too but that's not why Ava is off, she has a high temperature herself.", "ok"),
    ("He gets panic attacks before school most days and today he was sick with it, he is too unwell to come in.", "ok"),
    ("A sensory shutdown last night, and now she's been sick and has a headache. Too unwell to come in.", "ok"),
    ("Isla has had a rotten cold all week and it's gone on her chest now.", "ok"),
    # Doubt in everyday words: excuses, "swears it's", a pattern with "funny that", a lesson given as the cause.
    ("He might have a headache but he's been making excuses all week.", "avoid"),
    ("She swears she has a sore throat. Third Friday running, funny that.", "avoid"),
    ("Says his tummy hurts, though honestly I reckon it's because he's got swimming today.", "avoid"),
    ("Not sure if Zoe is really ill, she says her head hurts, so she's home to be safe.", "caution"),
    # A stance in other words; a belief in mental health days; a day the family fancied; the parent's own rules.
    ("Oscar has a cold and to be honest he's flat out not going either way.", "avoid"),
    ("Ruby is having a mental health day. We believe in giving them one every so often.", "avoid"),
    ("She has a bit of a sniffle and we just fancied a day together.", "avoid"),
    ("It hasn't been agreed with school, but I've told her she only needs to do mornings now.", "avoid"),
    ("Suspended - not by school, by me. He is grounded and that includes school.", "avoid"),
    # A decision beside an illness in other words is a caution; fine today by the parent's word is not illness.
    ("Jess has a cough and a cold, so I've decided it's best she stays home today.", "caution"),
    ("Finn has a sore throat, so we've made the call that he's better off resting at home.", "caution"),
    ])


def test_ninth_session_honest_words_are_not_avoid():
    _each(lambda text: _verdict_is_not(text, "avoid"), [
    # The honest neighbours of round 26's rules: a clinician's instruction, the parent's own strike, a relative's
    # word that is not doubt.
    "The surgeon said no school for a week after his op.",
    "Her consultant says no school until the cast is off.",
    "The GP saw her on Monday and said she isn't well enough for school yet.",
    "I know it's the third Monday in a row, but she has a temperature of 38.5 and a rash.",
    ])


def test_ninth_session_the_parents_strike_is_not_the_childs_stance():
    result = check_text("I'm on strike today so Sam is off.")
    assert all(f.rule != "will_not_go" for f in result.findings)
    assert result.suggestion is None or "unwell" not in result.suggestion


@pytest.mark.parametrize("text, kept, left_out", [
    # A day that dates something else (a medicine started, an exam coming) is not a day of the absence.
    ("Zak started new medication yesterday and he is refusing, he has been dizzy and sick.", "dizzy", "yesterday"),
    ("Erin has a streaming cold so she's refusing today, she has her mocks next week.", "today", "next week"),
])
def test_ninth_session_a_day_of_something_else_stays_out_of_the_suggestion(text, kept, left_out):
    suggestion = check_text(text).suggestion
    assert suggestion and kept in suggestion and left_out not in suggestion, suggestion


@pytest.mark.parametrize("text, carried", [
    # The feeling the parent named is kept, whatever it is about.
    ("Darcey is refusing today, she's been really stressed with the mocks.", "stressed"),
    ("He's refusing, he is stressed about the new teacher.", "stressed"),
])
def test_ninth_session_a_suggestion_keeps_the_feeling_named(text, carried):
    suggestion = check_text(text).suggestion
    assert suggestion and f"({carried}" in suggestion, suggestion


@pytest.mark.parametrize("text", [
    # An idiom is not an illness: "a pain in the neck", "being a real pain".
    "Lily is a pain in the neck about school, she won't go.",
    "He's being a real pain and refusing to get dressed.",
])
def test_ninth_session_an_idiom_is_never_carried_as_illness(text):
    result = check_text(text)
    assert result.verdict == "avoid" and "pain" not in (result.suggestion or ""), result.suggestion


def test_ninth_session_doubt_or_denial_words_nothing_as_illness():
    _each(_withheld, [
    # Doubt and denial hold every suggestion back.
    "He's fine today but I've kept him off.",
    "He might have a headache but he's been making excuses all week.",
    "Ruby is having a mental health day. We believe in giving them one every so often.",
    ])


def test_round_27_classes():
    _each(_verdict_is, [
    # Round 27. The transport office that cannot send anyone; a clinician's letter that says no school; a missed bus
    # and a late arrival; a decision beside an illness made by the parent, not the child.
    ("The council taxi never came. I rang transport and they can't get anyone out today, so Amir is at home.", "ok"),
    ("He's signed off by the consultant after his concussion, the letter says no school until the 20th.", "ok"),
    ("We missed the bus and the next one isn't for an hour, so Ella will be in about 10.", "caution"),
    ("Hannah has a chest infection so we've decided she should stay home and rest today.", "caution"),
    # Doubt: "funny that", the parent's own reading of the real reason, a nurse who found the child fine.
    ("Full of cold apparently. Right as rain at Brownies last night, funny that!", "avoid"),
    ("The GP said it's probably a virus but I think it's more that she doesn't want to do the speaking test.", "avoid"),
    ("Leo says his throat is sore. I can't see anything wrong but I'm not a doctor.", "caution"),
    # A choice after an appointment, a rest because they might as well, backing the child's stance.
    ("Jack has the dentist at 10 but he doesn't want to go in after and I'm not going to make him.", "avoid"),
    ("Only a sniffle, but it's nearly the end of term so she might as well have a rest.", "avoid"),
    ("She has anxiety and has said she's not going in while those girls are in her class. I'm backing her.", "avoid"),
    ])


@pytest.mark.parametrize("text", [
    # A lawful or unavoidable reason with no illness named: no "too unwell ([what is wrong])" is offered, and the
    # result says the wording was held back on purpose.
    "Reece has been suspended for two days so I'm keeping him at home.",
    "She's on the part-time timetable we agreed with the school, and I've kept her off this morning too.",
    "The head granted leave for Friday, so we're keeping him at home.",
])
def test_round_27_a_lawful_reason_is_never_turned_into_a_gap_for_illness(text):
    result = _withheld(text)
    assert not result.needs_input
    assert any("reason the law recognises" in hint for hint in result.hints), result.hints


def test_round_27_a_lawful_reason_told_plainly_is_ok():
    _each(lambda text: _verdict_is(text, "ok"), [
    # Told plainly, the same reasons need nothing at all.
    "Reece was suspended for 2 days by Mr Grant on Friday. I don't agree with it, but he's at home with me.",
    "Noor has her hospital follow-up at 9.30, her dad will bring her to school after if she's up to it.",
    "The council taxi didn't turn up and they can't get anyone out, so he's at home with me.",
    ])


def test_round_27_honest_words_are_not_avoid():
    _each(lambda text: _verdict_is_not(text, "avoid"), [
    # The honest neighbours: a timetable agreed, a later appointment day, a nurse's instruction, "might bring her in".
    "The school nurse said not to send him back until the GP has checked the rash.",
    "She's got a tummy ache, might bring her in after lunch.",
    "We agreed a reduced timetable with the SENCo, so Riley is in mornings only this week.",
    "The GP will let us know when he's ok to go back, he has scarlet fever.",
    ])


def test_round_28_classes():
    _each(_verdict_is, [
    # Round 28: more lawful reasons written short or in other words; the child's own illness told by name after
    # "that isn't why he's off"; a denial of not wanting ("Is not because he don't want to come").
    ("Just so you know Leo is on the shorter days we agreed with Mrs Khan, so he leaves at 12.", "ok"),
    ("school text said yr 8 not in today cos of a burst pipe so Amy is home", "ok"),
    ("The council coach didn't come again this morning, so Jac is at home. I've rung the transport line.", "ok"),
    ("My husband has flu but that isn't why she's off. Mia woke with a temperature and has been sick.", "ok"),
    ("Ali is not well, he have fever. Is not because he don't want to come, he is really sick.", "ok"),
    ("Osian has been sick in the night. There's a bug going round the club apparently.", "ok"),
    ])


@pytest.mark.parametrize("text, left_out", [
    # A day booked for the GP, or the day the child comes back in, is not a day of the absence.
    ("Amelia is refusing, she has a migraine, so we've booked the GP for Friday.", "Friday"),
    ("He won't go in today, his anxiety is bad, he comes in for the afternoon session tomorrow.", "tomorrow"),
])
def test_round_28_a_booked_day_or_the_day_back_stays_out_of_the_suggestion(text, left_out):
    suggestion = check_text(text).suggestion
    assert suggestion and left_out not in suggestion, suggestion


def test_round_28_the_newcomers_classes():
    _each(_verdict_is, [
    # The ninth session's newcomer: a suspension told casually, staying home because of it, an ed psych
    # assessment, "not too clever".
    ("They've sent her home for 2 days after the fight, so Kayla won't be in till Thursday.", "ok"),
    ("He's on a fixed term so he's at home this week.", "ok"),
    ("She's been excluded so she's staying home.", "ok"),
    ("Maya has her ed psych assessment this morning.", "ok"),
    ("Ieuan's not too clever today so he's staying home.", "caution"),
    ])


@pytest.mark.parametrize("text", [
    # Feelings, the parent's or the child's, are never carried as "sick"; the parent's own heartbreak is not their
    # illness given as the reason.
    "I'm worried sick, Sam won't go in today.",
    "She's been crying herself sick and won't go in.",
    # The attack on the newcomer's fixes (session 41): "worried" was a feeling word of its own, so the negator
    # before "sick" was passed over and "(worried, sick)" claimed a symptom nobody reported.
    "she won't go in, she's worried sick",
    "Sam won't go, he's worried sick about the test.",
])
def test_round_28_worried_sick_is_never_an_illness(text):
    suggestion = check_text(text).suggestion or ""
    assert not re.search(r"[(,] ?sick\b", suggestion), suggestion


def test_round_28_the_parents_heartbreak_is_not_their_illness():
    result = check_text("I am heartbroken, Ben is so anxious he can't leave the house.")
    assert result.verdict != "avoid" and all(f.rule != "parent_unwell" for f in result.findings)
    assert result.suggestion and result.suggestion.startswith("Ben ")


def test_round_28_the_names_as_written_are_kept():
    _each(_worded_for, [
    # The child's name written between commas after "my daughter", and two children named together.
    ("My daughter, Grace, won't go in today.", "Grace"),
    ("Jo and Sam are both refusing this morning.", "Jo and Sam"),
    ])


def test_attack_on_round_27_honest_reports_are_not_avoid():
    _each(lambda text: _verdict_is_not(text, "avoid"), [
    # The attack on rounds 26 and 27: honest reports the new doubt and choice rules must leave alone.
    "Amy has flu, she might as well rest until the fever goes.",
    "Amy was checked by 111 overnight, they said she is ok but to keep her home for 48 hours after the vomiting stops.",
    "The nurse said Amy is fine but she's been vomiting since she got home.",
    "Amy has tonsillitis, running a temperature again, typical for her.",
    "Amy has gastroenteritis, third day in a row, funny that it hasn't cleared.",
    "Amy has been sick. Honestly, I swear she has a fever of 39.",
    "I think it's because she has PE today that her anxiety has spiked; she's been sick twice.",
    "Amy has been looking for excuses to see the nurse because her asthma is so bad.",
    "Amy is in hospital with appendicitis. I'm backing her all the way.",
    "Amy looks fine today but she is still running a fever.",
    "Amy has a rash and a fever; I can't see anything wrong with her throat though.",
    ])


def test_attack_on_round_27_a_familys_decision_is_not_a_lawful_reason():
    _each(lambda text: _verdict_is_not(text, "ok"), [
    # ...and the family's own decisions dressed as lawful reasons are not ok.
    "We've closed school for Sam for good.",
    "The taxi never turned up - I rang the council to cancel it last night.",
    "We're doing mornings only, as we agreed between ourselves.",
    "Sam isn't to come in tomorrow while they look into what happened, I've said.",
    "The council taxi didn't come because I cancelled it.",
    ])


@pytest.mark.parametrize("text", [
    # A lawful word the child only wishes for or reports is not the reason: the gap still asks.
    "Sam is refusing, he wishes the school was closed.",
    "Sam is refusing to go in. He says the school is closed.",
])
def test_attack_on_round_27_a_wished_closure_still_asks_what_is_wrong(text):
    result = check_text(text)
    assert result.verdict == "avoid" and result.needs_input, result.suggestion


@pytest.mark.parametrize("text", [
    # A teacher's or the class's illness is never the child's (the attack on round 27).
    "Sam is refusing because Mrs Patel has covid.",
    "Sam won't go in, half his class has flu.",
    "Mr Reid has flu and Sam is refusing.",
])
def test_attack_on_round_27_a_teachers_or_the_class_illness_is_never_the_childs(text):
    suggestion = check_text(text).suggestion or ""
    assert "covid" not in suggestion and "flu" not in suggestion, suggestion


@pytest.mark.parametrize("text", [
    # An illness ruled out, tested negative or doubted is never worded as the child's (the attack on round 27).
    "Sam is refusing, the GP ruled out tonsillitis.",
    "Sam is refusing, tests for glandular fever came back negative.",
    "Sam is refusing, the GP thought it was tonsillitis but it's not.",
    "Sam is refusing, I doubt it's a stomach bug.",
])
def test_an_illness_ruled_out_is_never_worded_as_the_childs(text):
    suggestion = check_text(text).suggestion or ""
    assert not any(word in suggestion for word in ("tonsillitis", "glandular", "stomach bug")), suggestion


def test_an_illness_named_beside_another_ruled_out_is_still_the_childs():
    assert check_text("Sam has tonsillitis, the GP ruled out glandular fever.").verdict == "ok"


@pytest.mark.parametrize("text", [
    # The school's or the taxi firm's decision is never the child's refusal nor the parent's (the attack on round 27).
    "The taxi company refused to take Sam today.",
    "The school has asked Sam to stay home today because his 1:1 is off.",
])
def test_the_schools_or_the_taxi_firms_decision_is_not_the_childs_refusal(text):
    result = check_text(text)
    assert all(f.rule not in ("refusal", "staying_off", "unmet_needs") for f in result.findings), result.findings


def test_round_30_classes():
    _each(_verdict_is, [
    # Round 30: the school's letter is someone else's words; council transport chased; the parent's work "not the
    # reason"; a condition said to be fine is not today's illness.
    ("Your letter says Ellie was 'refusing' on Monday. She was having panic attacks and was too unwell to come in.", "ok"),
    ("The taxi the council sends never came, I rang transport and no answer. Sami is at home, no way I can get him there.", "ok"),
    ("My son Mihai is ill, vomiting since the morning. I work night shift also but this is not reason, he is really sick.", "ok"),
    ])


@pytest.mark.parametrize("text, carried, not_carried", [
    ("Her asthma's fine at the minute, it's just that Erin doesn't want to do the cross country, so she's refusing.", None, "asthma"),
    ("This cold just won't shift so we've kept her home one more day.", "(cold)", "this cold"),
    ("Evie's chest is bad again so we've decided she's better off at home resting today.", "(chest)", "bad again)"),
    ("Bella had a meltdown this morning and is refusing. I'll speak to Miss Jones tomorrow.", "meltdown", "tomorrow"),
])
def test_round_30_what_a_suggestion_carries(text, carried, not_carried):
    suggestion = check_text(text).suggestion or ""
    assert (carried is None or carried in suggestion) and not_carried not in suggestion, suggestion


def test_round_31_classes():
    _each(_verdict_is, [
    # Round 31: a symptom that "won't go away" is not refusal (the issue's first class, in other words); a trial move
    # both heads agreed, a year group off, exams only, SEN transport chased, what the school said to do; another day
    # the parent would have sent the child in.
    ("Nadia's cough just won't go away and she's wiped out from it, so she won't be in today.", "ok"),
    ("Dylan started at Hillside on Monday on the trial move that both heads agreed, so he won't be with you.", "ok"),
    ("The text last night said Year 8 are off today because of the heating, so Callum's at home.", "ok"),
    ("The minibus never turned up again, so Evie is home with me. I've emailed SEN transport.", "ok"),
    ("The school rang and said Kai's to stay at home today while they look into it, so he's home like they said.", "ok"),
    ("He's got a cold and a temperature, but honestly if it was a Friday I'd probably have sent him.", "avoid"),
    ])


def test_a_day_at_school_is_never_a_day_of_the_absence():
    # The second newcomer: "at school yesterday" dates the cause; the child was there.
    suggestion = check_text("He is refusing, he's in shutdown after sensory overload at school yesterday.").suggestion
    assert suggestion and "yesterday" not in suggestion, suggestion


@pytest.mark.parametrize("text, word", [
    # The second attack: an illness ruled out or a condition said to be fine is never carried; "this cold" only when it
    # will not shift.
    ("We thought it was flu but it wasn't, she's refusing.", "flu"),
    ("I doubt she has a migraine, she's refusing.", "migraine"),
    ("Swab came back clear for strep, she's refusing.", "strep"),
    ("There's this cold going round her class but she hasn't got it, she won't go.", "cold"),
    ("Her asthma isn't playing up, she just won't go in.", "asthma"),
    ("Her eczema has cleared up but she won't go in.", "eczema"),
])
def test_second_attack_what_is_ruled_out_or_fine_is_never_carried(text, word):
    suggestion = check_text(text).suggestion or ""
    assert word not in suggestion, suggestion


def test_second_attack_classes():
    _each(_verdict_is, [
    ("She has flu, but it's not getting any better, so she's staying home.", "caution"),
    ("The school bus came but he did not come out of the house.", "avoid"),
    ("The taxi firm refused to take him today because there was no escort.", "ok"),
    ("I know it sounds like I'm making excuses but she really has a chest infection.", "ok"),
    ("He swears blind he's got a sore throat, and his tonsils are huge and covered in white spots.", "ok"),
    ("He seemed fine this morning, then threw up in the car.", "ok"),
    ])


def test_second_attack_a_timetable_agreed_at_home_is_not_lawful():
    _each(lambda text: _verdict_is_not(text, "ok"), [
    # A timetable agreed within the family is not the school's.
    "Mornings only this week, as agreed with Sam.",
    "She's only doing mornings now, like we agreed with her.",
    "Mornings only from now on, as agreed with my husband.",
    ])


@pytest.mark.parametrize("text, name", [
    # Two children, one named again on their own, or a second family phrase: no name is guessed for the other child.
    ("Tom and Ella are staying home today, Tom's got chickenpox.", "Tom "),
    # (The attack on round 63: the son is in school as normal, so the one away is "my daughter", never "My son".)
    ("My son, Jack, is in school as normal. My daughter, Ruby, has flu and is staying home.", "My daughter"),
    ("My daughter, Zoë, is refusing to go in.", "Zoë"),
])
def test_second_attack_names(text, name):
    suggestion = check_text(text).suggestion or ""
    assert suggestion.startswith(name) and "Jack" not in suggestion, suggestion


def test_second_attack_the_school_asking_to_keep_the_child_home_asks_for_no_illness():
    result = check_text("The school asked if Sam could stay home today because his 1:1 is off.")
    assert result.verdict != "avoid" and not result.needs_input


def test_second_attack_the_parents_state_alone_asks_for_no_illness():
    _each(_withheld, [
    # The parent's own state as the only reason is theirs: no gap that invites an illness for the child.
    "I'm not coping at all so Sam is staying home today.",
    "I'm in bits, I've kept Sam off.",
    ])


def test_round_32_classes():
    _each(_verdict_is, [
    # Round 32: only some year groups in, a year group off on a day, a reduced timetable in simple English, a doubt
    # the parent denies, a child who grumbles but will be in.
    ("school text said only year 7 and 11 in today because of the strike so Oliver's home, he's year 9", "ok"),
    ("The letter said Year 9 are off Tuesday because the hall's being used, so Ellie will be at home.", "ok"),
    ("Adam finish at 11.30 every day this week like we agree in the meeting with Mrs Clarke, the reduce timetable.", "ok"),
    ("Dinnae think for a minute she's swinging the lead, she's genuinely no right. Temperature's up.", "ok"),
    ("Ollie's got fracture clinic at 9 so he'll be late. He doesn't want to come back in a cast but he will be in.", "ok"),
    ])


def test_round_33_classes():
    _each(_verdict_is, [
    # Round 33: the real reason named after a symptom is avoid; the main thing being the illness is not; a timetable
    # agreed at a meeting; "that isn't why she's off this week though" before a diagnosis.
    ("She's got a bit of a sore throat, but honestly the main thing is she can't stand being in Mrs Dale's class.", "avoid"),
    ("The baby was up all night too, but the main thing is Leo's come out in hives and his lip is swelling.", "ok"),
    ("He's on the timetable agreed at the PSP meeting, in for periods 1 to 3 only, so he missed period 4.", "ok"),
    ("Friendships have been hard. That isn't why she's off this week though. Her CAMHS clinician has diagnosed an "
     "anxiety disorder and she is too unwell to come in.", "ok"),
    ])


def test_round_34_classes():
    _each(_verdict_is, [
    # Round 34: dictated text with no full stops, where the writer introduces themselves; the school closed said short;
    # a named member of staff telling the family the child is not to come back.
    ("this is jacks dad jack has got a chest infection the doctor has given him antibiotics he will be off until wednesday", "ok"),
    ("hello this is graces mum grace has a virus and a temperature of 39 she won't be in school today", "ok"),
    ("The school text said closed today because of the snow so Harley is at home.", "ok"),
    ("After the incident on Tuesday Mrs Khan told us Tyler isn't to come back until Monday.", "ok"),
    ("The road is closed with the snow and we can't get out, so Jessica won't make it in.", "caution"),
    ])


def test_sarcasm_at_a_lesson_is_doubt():
    _each(_verdict_is, [
    # Sarcasm pointing at a lesson, and "making out", are doubt; not beside a symptom the parent saw.
    ("She has a tummy ache, what a surprise, it's the spelling test.", "avoid"),
    ("He has a tummy ache, which is convenient as it's swimming.", "avoid"),
    ("Tummy ache again. Funny that it's PE day.", "avoid"),
    ("She's making out she has a headache.", "avoid"),
    ("She's making out she has a headache but she's been sick twice and has a temperature.", "ok"),
    ])


# --- tenth session, round 35 (blind533-538): each class, and the words beside it that must not be caught -------

def test_round_35_classes():
    _each(_verdict_is, [
    # Lawful reasons in everyday words: a year group kept home, the council's taxi, the suspension at home.
    ("We got the text saying Year 9 can't come in today because of the heating, so Ayaan is at home.", "ok"),
    ("Year 9 aren't allowed to come in tomorrow, so Tom will be at home with his grandad.", "ok"),
    ("Kyle's taxi never came again this morning. The council transport one. He's stuck at home.", "ok"),
    ("Kyle's taxi never came this morning so he's at home.", "caution"),  # whose taxi is not said
    ("Just confirming Jack is at home with me today for the suspension, as per Mr Grant's letter.", "ok"),
    ("Kai has been suspended until Monday so he won't be in. He's staying at his dad's.", "ok"),
    ("Kai is staying at his dad's today.", "avoid"),
    # Kept off for the 48 hours the health advice gives after sickness, though fine in themselves now.
    ("Alfie had a sickness bug, he's fine in himself now but has to stay off until 48 hours after the last time.", "ok"),
    ("Tom's been sick but seems okay now. Keeping him home as per the 48 hour rule.", "ok"),
    ("Skye won't be in, sickness bug. She reckons she's fine now but she was sick at 6 so it's 48 hrs.", "ok"),
    ("Ella has a cold, she's fine in herself but tired.", "caution"),
    # An illness as what keeps the child off; a doubt about getting better; the illness affirmed after a denial.
    ("Chloe has a chest infection and honestly its her chest thats keeping her off.", "ok"),
    ("It's me that's keeping her off, she has a cold.", "caution"),
    ("Oliver has one of his migraines. If it passes by lunch I'll bring him in but I doubt it.", "ok"),
    ("Rhys has a temperature of 39. His nan's in hospital too, but that's not why he's off, he's genuinely bad.", "ok"),
    # An injury at a party is where it happened, not a day out.
    ("Amelia broke her toe at her nanna's 70th on Saturday. The fracture clinic said to rest it.", "ok"),
    ("Amelia is off for her nanna's 70th.", "avoid"),
    # Late rather than absent: a caution, not the avoid for the whole day.
    ("Flat tyre this morning and the spare's flat too. Waiting on a mechanic. Summer will be in as soon as it's sorted.",
     "caution"),
    # (Round 42: the family's car alone is a caution; saying the child cannot be got in at all is still avoid.)
    ("Car broke down so I can't get him in today, he'll be in tomorrow.", "avoid"),
    ("Missed the bus so he's not in today, he'll be in tomorrow.", "avoid"),
    ("His little brother was up with croup most of the night so Harry has had hardly any sleep. He'll be in after lunch.",
     "caution"),
    ("His sister has flu so I'm keeping him home, he'll be in tomorrow.", "avoid"),
    # Doubt and choice in everyday words.
    ("Luca has a temp apparently but he swears its a headache every time theres PE", "avoid"),
    ("Kayden says he was sick in the night. I'll give him the benefit of the doubt I suppose.", "avoid"),
    ("Ayesha is too tired, we came back from Pakistan last night at 2am.", "avoid"),
    ("Sam has flu, he's having today off.", "caution"),
    ("We're all shattered, Tilly's having today off.", "avoid"),
    ("The head agreed she can have today off for her grandad's funeral.", "ok"),
    # Everyday illness words beside keeping the child home: a caution, not a choice.
    ("aaliyah feeling a bit meh today, keeping her off", "avoid"),  # "meh" is not an illness (the attack)
    ("Kian full of snot so im keeping him off today dont want him spreading it", "caution"),
    ("Megan might be coming down w something not sure, keeping her home to see how she goes", "caution"),
    # A grief told with a memory of what they did together is the bereavement, not the outing.
    ("Kieran's grandad passed away last night. They went to the match together every other Saturday, "
     "and he hasn't stopped crying, so he'll be off today.", "caution"),
    ])


def test_round_35_names_kept_before_a_verb_of_how_the_child_is():
    _worded_for("aaliyah feeling a bit meh today, keeping her off", "Aaliyah")
    _worded_for("Kian full of snot so im keeping him off today", "Kian")


# --- tenth session, round 36 (blind539-544) -----------------------------------------------------------------------

def test_round_36_classes():
    _each(_verdict_is, [
    # The child kept up by someone else's bad night: tiredness, a caution (the original table's reading); the
    # parent's own tiredness, a lie-in or a day chosen beside it stay the avoid.
    ("The baby was up all night teething and kept Alfie awake, he's shattered so he's off today.", "caution"),
    ("The baby was up all night screaming and Ruby hardly slept, so she's off today.", "caution"),
    ("Autumn's little brother was poorly in the night and none of us got any sleep, so she's at home today.", "caution"),
    ("Chloe was up half the night with her little sister who's got croup, so she's at home this morning.", "caution"),
    ("Ayaan was kept awake most of the night by his baby sister, who is teething, and he is shattered this morning. "
     "I know you mentioned at parents' evening that he's been tired in lessons. He'll be back tomorrow.", "caution"),
    ("Scarlett isn't coming in, her brother's been sick all night and I've been up with him so I'm shattered.", "avoid"),
    ("We were up half the night with the baby so we're all wrecked, Maisie's having a quiet day at home.", "avoid"),
    ("Overslept, baby was up all night, sorry! He'll be in tomorrow.", "avoid"),
    # Late rather than absent, in more words; travel that broke down beyond the family's control.
    ("Car broke down on the M6, no way we'll get there in time. Theo will be absent this morning", "caution"),
    ("flat tyre on the M6 waiting for the AA Maryam will miss the morning maybe all day", "caution"),
    ("Car won't start, I'll try and get Ava in after lunch if my sister can drive us.", "caution"),
    ("Our flight back from Lahore after the half-term visit was cancelled because of fog, so Zara will miss Monday.",
     "caution"),
    ("We were stuck on the M6 for three hours last night and won't be home until this afternoon.", "caution"),
    ("My car's in the garage and there's nobody else who can take Amber, so she'll be off.", "avoid"),
    # Clear illnesses the rules used to misread.
    ("Priya has been vomiting since 5am. Her grandparents are visiting this week but she is too unwell to go anywhere.",
     "ok"),
    ("she is too unwell with her anxiety to come in today been sick with it all morning GP is aware", "ok"),
    ("Kian cant keep anything down point blank cant even sit up without heaving so off today sorry", "ok"),
    ("Jess has eye hosp appt 9.40 moorfields will send letter", "ok"),
    ("Rosie's not well. She says her ear hurts and I can see it's red and weeping.", "ok"),
    ("I know you stressed that 'every day counts'. Maryam has a dental appointment at 10.40 to have a tooth out.", "ok"),
    ("She was up in the night with a migraine and vomiting, and the light is still hurting her eyes.", "ok"),
    ("He is being stressed by the move.", "caution"),
    # Doubt, tiredness, a cause or a trip given as the real reason beside an ailment.
    ("Sami says she has a stomach ache but she swears it every Monday after a weekend at her dad's.", "avoid"),
    ("Apparently Zac has a headache. Again. Always on a PE day. He's at home.", "avoid"),
    ("Kayla feeling sick (says she is anyway) but i think its the maths test tbh", "avoid"),
    ("Tummy ache (so she says)", "caution"),
    ("Ciara has a bit of a temperature, but the main reason she's off is the bullying from the group in her form.",
     "avoid"),
    ("She has a sore throat, which is real, but if I'm honest she just can't face it since the falling out with her "
     "friends.", "avoid"),
    ("Aled's got a stomach ache and says he's too tired to go in. We got back from Tenerife late last night so it's "
     "probably that.", "avoid"),
    ("Theo's got a bit of a headache but mostly he stayed up gaming till 2 so that's on him.", "avoid"),
    ("Skye's got a bit of a sniffle so we've taken her to her nan's in Skegness for a few days of sea air.", "avoid"),
    ("Harrison isnt sick were away at the caravan for a long wkend", "avoid"),
    ("We're seeing Grandma off at the airport at 11 so Noor will be out for the morning.", "avoid"),
    ("Noor has cold I think, maybe. I keep her home today.", "caution"),
    ])


def test_round_36_no_illness_worded_for_lost_sleep_or_a_pattern_day():
    # Lost sleep from the baby's night is not worded as "too unwell (didnt sleep)".
    assert check_text("Theos off baby was up all nite screaming and he didnt sleep either").suggestion is None
    # "Every Monday" is a pattern, never the day of the absence in a suggestion.
    result = check_text("Sami has a stomach ache, it's every Monday. Keeping her off.")
    assert "Monday" not in (result.suggestion or "")
    # Tiredness or a trip as the real reason: nothing is worded as illness.
    _withheld("Theo's got a bit of a headache but mostly he stayed up gaming till 2. Keeping him home to sleep it off.")


# --- tenth session, round 37 (blind545-550) -----------------------------------------------------------------------

def test_round_37_classes():
    _each(_verdict_is, [
    # More ways of telling that the baby's or a brother's night kept the child up.
    ("The baby was up all night teething and Aiden was awake with him, so he's at home today.", "caution"),
    ("Zara was up half the night with her little brother being sick, so she's shattered and staying home.", "caution"),
    ("dev was kept up all nite by his brothers croup so will bring him in at 11", "caution"),
    ("Lola was up all night because her baby brother's poorly with croup, so she's exhausted.", "caution"),
    ("The baby had croup and was up most of the night, and Millie barely slept in the room next door.", "caution"),
    ("Max and Lily were both kept up most of the night by their little brother, who has an ear infection.", "caution"),
    ("Can you mark Harry as ill please, he's shattered because he was up all night with his brother who was being sick.",
     "avoid"),
    # Doubt, a day out or a day chosen in more words.
    ("Funny how Deacon's tummy ache always turns up on a Monday! He's at home.", "avoid"),
    ("Jamie is off. Bad with his chest, he says, though it didn't stop him on the Xbox till gone 11.", "avoid"),
    ("Kian's poorly, but to be honest he's been saying he won't go in all week because of the supply teacher.", "avoid"),
    ("Kayla's got a bit of a cough, nothing much, but she's miserable so I said she could stay home.", "avoid"),
    ("aoife was sick yday but fine today just wiped out so shes having a lazy day at home", "avoid"),
    ("taking oscar to harry potter studios special treat for his sats results sorry", "avoid"),
    ("dads back from deployment today so ollie n ted are having the day with him", "avoid"),
    ("going trafford centre for eid shopping so hamza off", "avoid"),
    ("Ali will be off for Eid today.", "ok"),
    ("Shopping for her prom dress", "caution"),
    # Plain reports and lawful reasons no longer misread.
    ("Jessica has a follow up at the fracture clinic at 11.30 (the arm she hurt at her birthday party).", "ok"),
    ("Alfie's been sick in the night, think he caught it off his cousin at nan's 70th on Saturday.", "ok"),
    ("Oscar has his OT appointment for his sensory needs at 1:30 so I'll pick him up at lunch.", "ok"),
    ("Freya has a migraine. She gets them with her autism when things get too loud. She is not well enough to come in.",
     "ok"),
    ("ava has conjunctivitis pharmacist said ok to come in with that but she also has a temp of 38 so shes home today",
     "ok"),
    ("my son chidi wont be in today d n v since last nite", "ok"),
    ("I take it Year 7 being closed tomorrow because of the heating means Ruby stays at home? She's absolutely fine, "
     "not ill.", "ok"),
    ("She's absolutely fine, not ill, she just won't go.", "avoid"),
    ("Tariq will be late, his dad's car won't start. I'll bring him on the bus after I drop the baby at nursery.",
     "caution"),
    ("Our car's broken down on the bypass, so Ibrahim will either be very late or not in at all.", "caution"),
    ])


# --- tenth session, round 38 (blind551-556) -----------------------------------------------------------------------

def test_round_38_classes():
    _each(_verdict_is, [
    ("Charlie's brother was sick all over their bedroom at 3am and none of them got back to sleep properly. Charlie is "
     "fine but he's at home this morning, I'll bring him in at lunch.", "caution"),
    ("His wee brother was boaking all night and kept Lewis up, he's totally wabbit. Gonnae keep him home the day.",
     "caution"),
    ("Harry had a meltdown in the car park, screaming and hitting his head, so I've taken him home.", "caution"),
    ("Flat tyre on the M6, waiting for the AA. Tilly will be in when we can get there.", "caution"),
    ("Taxi didnt turn up again so Oscar's at home, I've rung county transport.", "ok"),
    ("Shanice has period pains so bad she's been sick, she is staying home today.", "ok"),
    ("He's not been sick but he's had diarrhoea all night, every half an hour, so he's staying at home.", "ok"),
    ("Sophie is too unwell with her anxiety to come in today. She'll do any work she can manage once she's feeling "
     "better.", "ok"),
    ("Sorry, Leon's not well but I have to go to work so I'll try and bring him in for 11.", "caution"),
    ("funny how its always a monday she feels sick, anyway Nia's home today", "avoid"),
    ("Bella says she feels sick but she said that yesterday too and ate a full tea, so I'm not convinced.", "avoid"),
    ("Kian's got a temperature and even if he didn't I wouldn't be able to get him in.", "avoid"),
    ("We're taking Evie out today for a treat now that her operation went so well.", "avoid"),
    ("Taking Grace to get her bridesmaid dress fitted today, it was the only appointment the shop had.", "avoid"),
    ("Took Ahmed and Safa for eye tests then a bit of shopping in town so they wont be back today.", "avoid"),
    ])


def test_round_38_the_day_of_an_event_named_is_not_the_absence():
    result = check_text("Kit is autistic and the fire alarm yesterday has really overwhelmed him, he's still very "
                        "dysregulated so he's at home with me today.")
    assert "yesterday" not in (result.suggestion or "")
    # Kian's temperature is his: worded, without the words about getting him in.
    assert check_text("Kian's got a temperature and even if he didn't I wouldn't be able to get him in.").suggestion \
        == "Kian is too unwell to attend school (temperature)."


# --- the attack on rounds 35-37, and the newcomer -------------------------------------------------------------------

def test_the_attack_on_rounds_35_to_37():
    _each(_verdict_is, [
    # A sentence about the baby's night does not soften a decision, a lie-in or a false mark beside it.
    ("Not in today, and that's my decision. Her little sister was up crying all night.", "avoid"),
    ("He can have the day off, he's earned it. Her little sister was up crying all night.", "avoid"),
    ("We overslept so Amy won't be in today. Her dad was up with her all night.", "avoid"),
    ("We overslept. Amy was up too.", "avoid"),
    ("Please mark her as ill, she has flu.", "ok"),
    # Honest illness reports beside the new doubt and trip rules.
    ("Amy has sunstroke after a day of sun at sports day yesterday and has been vomiting.", "ok"),
    ("She picked up a sickness bug at the caravan over the weekend and is still being sick this morning.", "ok"),
    ("Amy fell off the bunk bed at the caravan and has a badly sprained ankle.", "ok"),
    ("Amy ate nothing much yesterday and was sick all night, I said she could stay home.", "ok"),
    ("Amy has had diarrhoea all night, the Imodium didn't stop her being on the toilet every hour.", "ok"),
    ("Amy has tonsillitis. To be honest, she's been saying she won't go anywhere, she's that poorly.", "ok"),
    ("Amy's asthma always comes on for a PE day when it is cold, she was wheezing all night.", "ok"),
    ("Amy has a migraine, she says each week they are getting worse, we are waiting for a neuro referral.", "ok"),
    ("Harrison isnt sick were away at the caravan for a long wkend", "avoid"),
    # Words that are not illnesses.
    ("Amy feels a bit meh about school today so I've let her stay home.", "avoid"),
    ("Amy has cold feet about the school trip so she's staying home today.", "avoid"),
    ("Ugh feeling meh today.", "caution"),
    # A closure, leave or a jam of another week; a late arrival that is someone else's.
    ("Year 9 was closed last week. Amy's not ill, she's absolutely fine.", "avoid"),
    ("Amy's not ill, she just fancied a lie in. We were stuck in traffic on the M6 for ages last week.", "avoid"),
    ("Car's died again and we're not going to make it in today. Her dad will be late home tonight.", "avoid"),
    ("Car's died again and we're not going to make it in today. The AA will be late as usual.", "avoid"),
    # The newcomer's.
    ("Sam was sick last night but he's fine now, he just won't go", "avoid"),
    ("Sam has a cold, nothing serious, I just think he needs a rest day", "avoid"),
    ("school sent year 5 home because of no teacher", "ok"),
    ])


def test_the_attack_on_rounds_35_to_37_no_illness_worded():
    for text in ("Sam was sick last night but he's fine now, he just won't go",
                 "Sam has a cold, nothing serious, I just think he needs a rest day"):
        _withheld(text)
    # Asked to record a tired child as ill: never ok, and no illness is worded (at most a gap to fill). (A rule that
    # made it avoid caught real conditions beside "please record it as illness", the attack on rounds 38-40.)
    for text in ("The baby was up all night teething so Amy is shattered. Please record it as illness.",
                 "The baby was up all night teething so Amy is shattered. Just say she's ill on the register."):
        result = check_text(text)
        assert result.verdict != "ok" and (result.suggestion is None or "[what is wrong]" in result.suggestion)
    # Talk of dying is never explained as what the child is willing to do.
    result = check_text("Sam said he wants to die, he is not coming in")
    assert result.urgent and "will_not_go" not in [f.rule for f in result.findings]


# --- tenth session, round 39 (blind557-562) -----------------------------------------------------------------------

def test_round_39_classes():
    _each(_verdict_is, [
    ("Hamza has a dentist appointment at 11. It's the same appointment as his twin Zain so both will be out for an hour.",
     "ok"),
    ("Mei is unwell with a high temperature and a cough. Her grandparents are visiting from Hong Kong this week.", "ok"),
    ("Bella's got a bit of a cough but we're flying to Tenerife tomorrow so she'll be off Thursday and Friday.", "avoid"),
    ("hi its kofis dad kofi has chicken pox came out last nite. his sister ama is fine n she is in", "ok"),
    ("tomasz off hand foot n mouth. nursery sent his little bro home with it too", "ok"),
    ("Leo's got conjunctivitus, both eyes gunky and sore.", "ok"),
    ("Hi Miss, Ronan is a bit off this morning, thought it best to keep him home.", "avoid"),  # not an illness word
    ("Lucas is a bit off today. Back Monday.", "caution"),
    ("Tilly is a bit off today so we're having a day at the beach.", "avoid"),
    ("The baby was up screaming most of the night and Ruby hardly got any sleep, so she's at home this morning.",
     "caution"),
    ("The baby had croup and was up screaming most of the night, so Jasmine has had about three hours' sleep.",
     "caution"),
    ("Nia is at home today, her little brother had croup and was coughing all night so none of us slept.", "caution"),
    ("The adjustments agreed at Isaac's EHCP review still haven't been put in place, and he can't cope without them.",
     "avoid"),
    ("he says hes got a headache again, third friday in a row, make of that what u will", "avoid"),
    ("She says it's a migraine. She's had more migraines this term than I've had hot dinners.", "avoid"),
    ("shes got a sore throat but to be fair shes been desperate not to go since falling out with her friends", "avoid"),
    ("We're treating him to Alton Towers for his birthday.", "avoid"),
    ("We're in Manchester getting Hannah's prom dress today, it's the only day the shop had an appointment.", "avoid"),
    ("Trains are off from Pontypridd with the flooding so Cerys can't get in.", "caution"),
    ])


# --- tenth session, round 40 (blind563-568) -----------------------------------------------------------------------

def test_round_40_classes():
    _each(_verdict_is, [
    ("Evie went down with a temperature at her nan's 70th on Saturday and she's still really poorly. I've rung the GP.",
     "ok"),
    ("Ruqayyah has been unwell since Saturday. It started with a sore throat at her cousin's wedding and now she has a "
     "fever and a bad cough.", "ok"),
    ("Ciara has her heart check-up at the Royal Victoria this morning. She should be in for the afternoon.", "ok"),
    ("Lily-Rose is stopping with me this week while her mum's away for work. She's got a temperature and a sore throat.",
     "ok"),
    ("she's got conjunctivitis in both eyes, will keep her off til its cleared up", "ok"),
    ("Shira off today and tmrw for rosh hashana", "ok"),
    ("Zofia came off her scooter yest n her ankle is massive cant put any weight on it x", "ok"),
    ("Yr 8 were told to stay home today because of the strike so Kai's at home as per your email.", "ok"),
    ("The county transport minibus broke down on the A38 and Amelia was brought back home by the escort at 9.", "ok"),
    ("Harry has a headache, not sure tbh he always gets these when its swimming", "avoid"),
    ("He says he's got a sore throat. You know what lads are like on a test day. Anyway he's home.", "avoid"),
    ("Her ears hurt in the night. Seems right as rain this morning to be honest but she's still going on about it.",
     "avoid"),
    ("Lucy had a bit of a bug yesterday but honestly she's mainly exhausted from her dance competition.", "avoid"),
    ("Luca has a cold but mostly I think he's worn out and not really ill.", "avoid"),
    ("Connor has a high temperature, but honestly even if he was well he's been saying he won't go back.", "avoid"),
    ("Nia's a bit poorly, and to be honest she's had a horrible time with the girls in her form.", "avoid"),
    ("got a migraine cant drive so Sienna n Max both off today sorry", "avoid"),
    ("Sienna is really tired after a bad night, she'll be in later if she perks up.", "caution"),
    ])


# --- the attack on rounds 38-40 -----------------------------------------------------------------------------------

def test_the_attack_on_rounds_38_to_40():
    _each(_verdict_is, [
    ("Amy had a seizure last night and is exhausted today. Please record it as illness.", "ok"),
    ("Lucy's knee is black and blue from hockey yesterday but she can walk fine, she's just tired so keeping her off.",
     "avoid"),
    ("Grace has COVID, to be honest she's been desperate to go in but she can't.", "ok"),
    ("Tom has flu. Honestly he's mainly exhausted from the fever.", "ok"),
    ("Owen has been vomiting since midnight, mostly I think he's worn out now but still being sick.", "ok"),
    ("Kai has a nasty sickness bug. You know what kids are like, it's been round the whole class.", "ok"),
    ("Lily has chickenpox, more spots than I've had hot dinners!", "ok"),
    ("Amira has been vomiting all night. To be honest she's had a horrible time with the class bug.", "ok"),
    ("Sophie always gets one before a test, but she has been vomiting since 5am.", "ok"),
    ("Amy fell ill at the start of our holiday in Florida, so we have extended the trip.", "avoid"),
    ("We are treating him to a day on the sofa with plenty of fluids, he has flu.", "ok"),
    ("She was sick all over her dress, getting her dress washed now, she's poorly.", "ok"),
    ("Jacob is off sick with D&V. Dad is having the day with him as I'm at work.", "ok"),
    ("got a migraine cant drive and Sienna has a temperature so both off today", "ok"),
    ])


def test_an_illness_feared_or_over_is_never_worded_as_todays():
    # The newcomer on round 37: the flu he is scared of catching, last week's cold.
    for text in ("Sam is refusing, he's scared of catching the flu that's going round",
                 "Sam had a cold last week and now he's refusing",
                 "Sam had flu last week and now he won't go in"):
        result = check_text(text)
        assert result.verdict == "avoid" and result.suggestion == "Sam is too unwell to attend school ([what is wrong]).", \
            (text, result.suggestion)
    # The child's own illness, still there, is worded as before.
    assert check_text("Sam had flu last week and is still poorly.").verdict == "ok"
    assert check_text("Sam has flu and is scared of catching it off his sister too").verdict == "ok"


# --- tenth session, round 41 (blind575-580) -----------------------------------------------------------------------

def test_round_41_classes():
    _each(_verdict_is, [
    ("Priya wont be in she refused her brekkie then threw up all over the kitchen floor still being sick now", "ok"),
    ("Gethin's poorly, temp of 38.7 and a rash on his neck. He tried to tell me he's fine to go in but he clearly isn't!",
     "ok"),
    ("I know we discussed that 'feeling unwell' on its own isn't enough detail, so: Harvey has tonsillitis and can't "
     "swallow. The GP has given him penicillin.", "ok"),
    ("Tyler's got a stomach bug. He said he felt sick at bedtime and then he was sick everywhere at 2am.", "ok"),
    ("Jayden was sent home yesterday with a fixed-term suspension until Thursday. I'm not happy with how it was "
     "handled and would like a meeting.", "ok"),
    ("Tom's excluded - well, not officially, I'm just keeping him off till school sort out the lunchtime problem.",
     "avoid"),
    ("Rosie is off because of Mr Harding. She's terrified of him since he shouted at her on Friday.", "avoid"),
    ("Isabelle is off today - partly it's a nasty cold, partly that she dreads Mrs Kent's lessons on a Thursday.",
     "avoid"),
    ("He has been complaining of a sore tummy, and to be blunt he is scared of the Year 10 boys who cornered him.",
     "avoid"),
    ("Until the 1:1 support agreed in his plan is in place I cannot in good conscience send him in. He is also quite "
     "tired and has a bit of a cough.", "avoid"),
    ("Skye was sick once this morning. We're also going shopping for her prom dress this afternoon since she's off "
     "anyway.", "avoid"),
    ])


# --- eleventh session, round 42 (blind569-574, the hold-out, and blind581-586) ----------------------------------

@pytest.mark.parametrize("text, verdict", [
    # a vague word alone: caution
    ("Mia's a bit off colour so she's with her gran today.", "caution"),
    ("Josh is under the weather, he's at home with me.", "caution"),
    ("Ruby seems a bit run down and not herself, back tomorrow hopefully.", "caution"),
    ("Callum's under the weather with a temperature of 38.2 so he's off today.", "ok"),
    # lost sleep to a sibling's night: caution
    ("Leo was awake from 4am because his baby sister had a fever, he's wiped out so he's home today.", "caution"),
    ("Amira was up most of the night because her little brother was being sick, so she's off today.", "caution"),
    ("Finn was kept up half the night by his wee sister teething. He's shattered, I'll bring him in after lunch.", "caution"),
    ("Our youngest was poorly all night so nobody slept, Ella is exhausted that's why she's not in.", "caution"),
    # the family's own late night, even with a late start: avoid
    ("Noah stayed up till 1am watching the boxing so he's wrecked, he'll be in late.", "avoid"),
    ("Sorry, Evie's shattered after the concert last night, I'll bring her in after lunch.", "avoid"),
    ("Kai was at his cousin's party until late and is exhausted. In for period 3.", "avoid"),
    ("They were up till all hours at the sleepover so Maisie's knackered, she's at home today.", "avoid"),
    # a panic told with its signs only: caution
    ("Isla had a panic attack in the car park, shaking and crying, so she's at home with me.", "caution"),
    ("Theo had a meltdown at the gate and couldn't catch his breath, so I've brought him home.", "caution"),
    ("Zoe had a panic attack at the gate and was shaking, then she was sick twice.", "ok"),
    # the family's own car: caution; and unable to get the child in at all: avoid
    ("Car won't start this morning, so Ben will be absent today. Sorry, sorting it out.", "caution"),
    ("Flat tyre on the A1, waiting for the RAC, Amy won't be in today.", "caution"),
    ("The car has died and I've no way of getting Jack in today.", "avoid"),
    ("Can't get Lily in today, our car's broken down again.", "avoid"),
    # where an illness began, or past news: not the reason
    ("Zac picked it up on holiday and now he has a fever and a bad cough, so he's off today.", "ok"),
    ("Aria's baby sister was born on Saturday! Sadly Aria has woken up with a temperature and earache.", "ok"),
    ("We were at a wedding at the weekend and he was being sick the whole time. He still has a temperature of 38.4.", "ok"),
    # a serious symptom, then waiting to see tomorrow: ok
    ("Grace is off today as she has a high temperature. We'll see how she is tomorrow.", "ok"),
    ("Grace is a bit poorly, we'll see how she is tomorrow.", "caution"),
    # another reason denied, then the child's own illness or injury
    ("I know he hates swimming but that's not why he's off - he fractured his wrist at the park last night.", "ok"),
])
def test_round_42_classes(text, verdict):
    """A vague word alone, lost sleep to a sibling's night, the family's own late night, a panic told by its signs,
    the family's own car, where an illness began, waiting to see beside a serious symptom, and another reason denied
    before the child's own injury: each read as its class, in words of our own."""
    _verdict_is(text, verdict)


@pytest.mark.parametrize("text, verdict", [
    # the parent's wry aside after the child's words: doubt
    ("Maisie says she has a headache, fourth Monday in a row, make of that what you will.", "avoid"),
    ("She's poorly apparently. Same as every Thursday when she's got PE.", "avoid"),
    ("He had a bit of a temperature yesterday but honestly I think he's mostly skiving PE.", "avoid"),
    # council transport, the school's exclusion, the hospital's keeping the child in: not the parent's protest
    ("Bus from the council never came again, rang twice, so Jordan is at home until they sort it.", "ok"),
    ("Leah is still on her suspension until Friday so I won't send her back until then.", "ok"),
    ("Kai's been in A&E since 5 with his breathing and they are keeping him in overnight.", "ok"),
    ("The SEN taxi didn't turn up and I don't drive so I can't get Ruby in today.", "ok"),
    # a check-up with the child well in themselves; a part-time timetable agreed at a meeting
    ("Ava has her asthma review at the clinic this morning. She's fine in herself, it's just the routine one.", "ok"),
    ("At the TAC meeting it was agreed that Leo would attend afternoons only until Easter, so he is not in this morning.", "ok"),
    # a treat or shopping as the day, whatever illness is beside it
    ("Taking Mia to buy her new school shoes today while the sale is on.", "avoid"),
    ("He had a cold earlier in the week so I've treated him to a cinema trip today.", "avoid"),
    # not attending while a problem continues; the parent's own view that the child need not face it
    ("Jake won't be coming in while the name-calling in his class continues. He was in tears last night.", "avoid"),
    ("Sophie is terrified of the mocks and I don't see why she should put herself through it.", "avoid"),
    ("Zara has been given a mental health day today after a hard week.", "avoid"),
    # a family emergency and a stay with a relative
    ("There's been a family emergency and Theo is staying with his grandma today. Back Monday.", "caution"),
    # the child's words only, and a temperature not yet taken
    ("Harvey saying his head hurts this morning so he's at home.", "caution"),
    ("Isla says she feels sick, haven't checked her temp yet, will let you know.", "caution"),
    # where the child was, and what they came back with
    ("Noah came back from his auntie's house with a rash and a temperature, so he's off today.", "ok"),
    ("Noah is at his auntie's house as she has flu.", "caution"),
    # the parent's mum or dad in other words
    ("Mama is sick and I have no car, so Adam cannot come today.", "avoid"),
])
def test_round_42b_classes(text, verdict):
    """The parent's aside after the child's words, lawful reasons beside protest words, a check-up with the child well,
    a treat beside an illness, a protest while a problem continues, a stay after a family emergency, a temperature not
    yet taken, where the child was, and the parent called mama: each read as its class, in words of our own."""
    _verdict_is(text, verdict)


def test_a_temperature_not_yet_taken_is_never_worded_as_one():
    """Never put words in the family's mouth: a temperature the parent has not checked is not a symptom."""
    for text in ("Isla says she feels sick, haven't checked her temp yet, will let you know.",
                 "Isla says she feels sick, not had a chance to take her temperature yet."):
        suggestion = check_text(text).suggestion or ""
        assert "temp" not in suggestion.lower(), suggestion


# --- eleventh session, round 43 (blind587-592) and the attack on round 42 ----------------------------------------

@pytest.mark.parametrize("text, verdict", [
    # the illness itself continuing, or a medical reason, is no protest or choice
    ("Jess won't be in while the sickness bug continues, we're keeping to the 48 hours.", "ok"),
    ("I don't see why he should sit his mock with his arm in a cast, the fracture clinic said rest.", "ok"),
    # late nights the child's own illness caused
    ("Mo was up till 3am being sick so he's exhausted this morning.", "ok"),
    ("She was up until 2am with a temperature and is wiped out, so she's home today.", "ok"),
    # the family's own late night or journey
    ("Stayed up watching the darts till 1 so he's wrecked, sorry.", "avoid"),
    ("We flew back from Jamaica last night and Kezia is far too jet lagged to come in.", "avoid"),
    ("He was up all night on his PlayStation so he's not coming in.", "avoid"),
    # a treat or a day out beside an ailment; comfort at home is not one
    ("Ben's got a sniffle so we're having a treat day at home with films.", "avoid"),
    ("Isla was poorly yesterday so today we're having a girls' day at the shops.", "avoid"),
    ("Harry's had a cold but we're going up to see his great-nan in Whitby, back Thursday.", "avoid"),
    ("Maya was sick all night so I treated her to a film on the sofa and some toast.", "ok"),
    # doubt in other words
    ("Charlie has a headache, same every Friday when he has double science.", "avoid"),
    ("Says his leg hurts. Coincidentally it's sports day.", "avoid"),
    ("Poorly again apparently, mysteriously better by teatime yesterday.", "avoid"),
    ("She says her stomach hurts, she always does on swimming days.", "avoid"),
    # the parent's situation as the main problem, and the well child kept home
    ("Nadia has a bit of a cough but mostly the problem is I start work at 6 and have no childcare.", "avoid"),
    ("Eli has flu, so I'm keeping Noah at home as well as I can't do the walk with one poorly.", "avoid"),
    # a relative very ill abroad; a trip that is leave to ask for
    ("Grandad is critically ill in Dhaka and we fly out tonight, Rafi will be off for a week.", "caution"),
    # kept up by the baby in other words
    ("Up all night at the hospital with the baby, Noah is shattered so I'll bring him in at 11.", "caution"),
    ("The baby isn't sleeping so neither is Evie, she's exhausted so she's home with me today.", "caution"),
    # lawful in other words: a year group sent home, council transport with no driver
    ("The school texted saying year 8 not to come in today because of the boiler, so Sami is home.", "ok"),
    ("SEN transport rang at 7.45, no driver today, so Theo can't get in.", "ok"),
    # agreed to tell the school, not agreed the absence
    ("Mia won't be in today. As agreed at the meeting I'm letting you know before 9.", "caution"),
    # a panic, and endometriosis
    ("Kofi panicked at the school gate, shaking and crying, so we came home.", "caution"),
    ("Her endo is really bad this month and she's in bed with a hot water bottle.", "ok"),
])
def test_round_43_classes(text, verdict):
    """Round 43's classes in words of our own: the child's illness going on, late nights from illness or from the
    family's own evening or journey, treats beside an ailment, doubt in other words, the parent's situation as the main
    problem, a relative very ill abroad, kept up by the baby, lawful reasons in other words, a panic and endometriosis."""
    _verdict_is(text, verdict)


@pytest.mark.parametrize("text, verdict", [
    ("Ella will not be attending while her chemotherapy continues, her consultant has advised against it.", "ok"),
    ("Sam won't be coming in while the vomiting continues, we're following the 48 hour rule.", "ok"),
    ("Maisie won't be in while this chickenpox goes on, the spots are still weeping.", "ok"),
    ("I don't see why she should sit a mock exam with a broken wrist, she can't write, she's at home in a cast.", "ok"),
    ("I don't see why he should go through a full school day straight after chemo, the oncologist said rest.", "ok"),
    ("She says her head hurts, haven't got a thermometer to check her temperature.", "caution"),
    ("She says her tummy hurts, thermometer's broken so can't check her temperature.", "caution"),
    ("Amir was up till 2am being sick so he's shattered and will be in late once he's kept water down.", "ok"),
    ("She was up until 3am with a high temperature and is exhausted, keeping her home today.", "ok"),
    ("Finn was up till 4am having seizures so is exhausted, the neurologist says rest today.", "ok"),
    ("he was up til 3 am with croup, hes knackered", "ok"),
    ("Amelia was too sick to go in yesterday so I treated her to a film on the sofa and some ice cream.", "ok"),
    ("Ava has a temperature so we didn't go in; the only time I went out was to pick up her new school shoes as the sale ends today.", "ok"),
    ("He was suspended last month for two days. I won't send him back until they put his support in place.", "avoid"),
    ("We won't be sending him back after his exclusion until we get a meeting with the head about how it was handled.", "avoid"),
    ("The council taxi driver was rude to him so he won't be going in until the school sorts out the bullying.", "avoid"),
    ("Her asthma review is at 2, she's fine in herself, so we've decided to make a day of it and go to the zoo after.", "avoid"),
    ("We were at my cousin's wedding in Ireland and he was poorly the whole time, so we're staying on till Wednesday.", "avoid"),
    ("The baby kept him up all night so I'm keeping him home to play on his Xbox and relax.", "avoid"),
    ("Priya has been given a mental health day by her head of year after what happened yesterday.", "caution"),
    ("That is not why he is off. He twisted the truth about being ill, he is fine.", "avoid"),
    ("She has been sick all night, make of that what you will but I think it was the prawns.", "ok"),
    ("Tyler's got a headache, same every wednesday when he has double maths.", "avoid"),
    ("Says her tummy hurts. Coincidentally it's the day of the spelling test.", "avoid"),
    ("Callum's poorly, although I suspect the swimming gala has something to do with it", "avoid"),
    ("poorly again, mysteriously recovered by 4pm yesterday tho", "avoid"),
    ("Maisie says she's got a headache, fourth monday on the bounce, you can make your own mind up", "avoid"),
    ("lexi says shes got a migraine, funny how it's always a friday, i'll let you decide", "avoid"),
    ("Stayed up watching the boxing til 3 so he's in bits, sorry.", "avoid"),
    ("Ollie broke his leg playing football, we'll see how he is tomorrow.", "ok"),
    ("Olivia's new baby sister was born last night so she's having the day off to spend time with her.", "avoid"),
])
def test_the_attack_on_round_42(text, verdict):
    """The attack found the round 42 rules too eager beside real illness, treatments, a real reason and the school's own
    decisions, and too lenient on a chosen day: each is read as a careful parent advocate would."""
    _verdict_is(text, verdict)


def test_someone_elses_illness_at_a_party_is_never_worded_as_the_childs():
    """A classmate at the party now has chickenpox: the child does not, so no suggestion says so."""
    result = check_text("Lily was at her cousin's party with a girl who now has chickenpox, so we're keeping her off just in case.")
    assert "chickenpox" not in (result.suggestion or ""), result.suggestion


# --- eleventh session, round 44 (blind593-598) ---------------------------------------------------------------

@pytest.mark.parametrize("text, verdict", [
    ("Seb has a stomach bug, half the house has it including his grandad who's staying with us. Back 48 hours after.", "ok"),
    ("The bus for the SEN unit never came for Kai this morning and transport aren't answering. He's at home.", "ok"),
    ("The strike letter said no lessons for year 7 on Wednesday, so Ben is at home with me.", "ok"),
    ("Zoe has an eye clinic appointment this afternoon, it's just her yearly check, nothing to worry about.", "ok"),
    ("Ruby has a terrible migraine and can't open her eyes, she is staying home today.", "ok"),
    ("Mo's car has broken down at his dad's so he won't make it in today, sorry.", "caution"),
    ("The car's got a puncture and we can't get to school this morning. Will bring Lily after lunch.", "caution"),
    ("We had a burst pipe last night and the kitchen is flooded, Josh is off today.", "caution"),
    ("I know we talked at the meeting about her not wanting to come in, but today she has been sick three times.", "ok"),
    ("We've managed to get a last-minute cottage in Devon, so Amy will be off this week.", "avoid"),
    ("Isla has a temperature and we were going to Centre Parcs on Friday anyway, so we've gone early.", "avoid"),
    ("Sorry they're late, we popped to the sales first. In by 10.", "avoid"),
    ("Taking the twins shopping for their party outfits, back tomorrow.", "avoid"),
    ("He's got a sniffle but honestly it's more that he's had enough of Mr Cole shouting at him.", "avoid"),
    ("Mrs Lowe is the problem. He's staying home until we meet.", "avoid"),
    ("He had a meltdown at the door because school still haven't sorted his quiet space.", "avoid"),
    ("She's just exhausted after staying up for the fireworks. In tomorrow.", "avoid"),
    ("Kai was up late watching the boxing and I haven't the heart to wake him. Will bring him in at 11.", "avoid"),
    ("The school said Max should stay home until the meeting on Thursday.", "ok"),
])
def test_round_44_classes(text, verdict):
    """Round 44's classes in words of our own: a relative staying with the family, transport for a specialist unit, a
    strike letter for a year group, a routine check-up, a serious symptom then staying home, the family's car, a burst
    pipe, past worries set against today's illness, a last-minute break, shopping, another reason as the main one, a
    protest until a meeting, support not sorted, and tiredness after staying up."""
    _verdict_is(text, verdict)


# --- eleventh session, round 45 (blind599-604) ---------------------------------------------------------------

@pytest.mark.parametrize("text, verdict", [
    ("Mia has a slight cold so I've decided to keep her home today.", "caution"),
    ("Rhys was up most of the night with the baby crying so he's staying home this morning.", "caution"),
    ("Ava isn't ill as such, but the baby was up all night teething and she's barely slept.", "caution"),
    ("Grandad has been taken into hospital in Leeds and we're driving up now, Alfie is with us.", "caution"),
    ("Leo's taxi didn't turn up this morning, I rang transport and they said there's no driver.", "ok"),
    ("As per your letter, year 11 are at home today for study, so Zain is revising at home.", "ok"),
    ("Mrs Okafor rang and said Tyler can't come in until his reintegration meeting on Monday.", "ok"),
    ("She's with me at the hospital, her dad had a heart attack and she won't leave his side.", "caution"),
    ("I know you don't send them home for it anymore but he's got covid and he's really not well.", "ok"),
    ("We're travelling to Bradford for my grandad's funeral on Friday. I appreciate it's term time.", "caution"),
    ("A bad cough and a temp, nothing serious I don't think, but too poorly for school today.", "ok"),
    ("He says his tummy hurts. I can't tell if he's poorly or just nervous about the test.", "caution"),
    ("Jake's exhausted after a late one at his mum's, she took him to the fireworks.", "avoid"),
    ("Flight was delayed 6 hours, landed at 4am, Isla is still asleep.", "avoid"),
    ("Ben has tonsillitis, Ruby will be off too as I can't do the school run with him poorly.", "avoid"),
    ("Overslept, the baby was up all night, sorry! He'll be in tomorrow.", "avoid"),
    ("She has a slight cough.", "caution"),
])
def test_round_45_classes(text, verdict):
    """Round 45's classes in words of our own: a slight cold and a decision, the baby's night, a relative taken into
    hospital, the child's taxi with no driver, the school's letter for a year group, a teacher saying the child cannot
    come in, a parent's side not left, the school's covid policy quoted, a funeral in term time, the FAQ's words after
    a played-down illness, illness or nerves, and the family's late night or flight."""
    _verdict_is(text, verdict)


# --- eleventh session, round 46 (blind605-610) ---------------------------------------------------------------

@pytest.mark.parametrize("text, verdict", [
    ("Year 8 told not to come in today because of the flooding, so Evie is at home.", "ok"),
    ("School rang and said no Year 10s today as the hall is set up for exams, so Finn is at home revising.", "ok"),
    ("The baby had croup all night and none of us have slept, so Leo won't be in this morning.", "caution"),
    ("His brother was poorly in the night and neither of them slept much, so Ollie is home today.", "caution"),
    ("Her grandad is staying with us this week if you need to call. Maya is not herself today.", "caution"),
    ("Sorry, the bus never came. Jack and his sister are at the stop with me, we'll be in late.", "caution"),
    ("Noah broke his arm on Saturday, he's in a lot of pain today so he's staying home.", "ok"),
    ("Zara slipped on holiday over half term and has stitches; the nurse is checking them at 9 so she'll be in by 11.", "ok"),
    ("Amy came home early from her grandad's party on Saturday with a migraine and she's still got it, being sick.", "ok"),
    ("She has an OT assessment at the hospital today for her sensory needs, in after lunch.", "ok"),
    ("He's having a tooth out at 10 so I'll bring him in after lunch if he's up to it.", "ok"),
    ("Jay isn't ill but won't be in today, I'll explain when I see you.", "caution"),
    ("I know she's been off a lot but she really is ill this time, temp of 39.1.", "ok"),
    ("Kai has a sore throat and is refusing even water, we're off to the GP.", "ok"),
    ("Meant to have a temp but it's probably just the heating, anyway he's off.", "avoid"),
    ("Going to a concert in Leeds tonight so picking Ruby up at 12.", "avoid"),
    ("She has her dance show tonight so she's resting at home today.", "avoid"),
    ("He's sleeping in, he was at a gig last night and didn't get back till 1.", "avoid"),
])
def test_round_46_classes(text, verdict):
    """Round 46's classes in words of our own: a year group told not to come in, the baby's night in more words, a
    relative staying with the family, the bus stop, pain then staying home, past holidays and parties, an OT assessment,
    a tooth out, a denial with no other reason, the illness told plainly after an aside, food or water refused for a
    sore throat, a temperature put down to the heating, a concert, a show and a lie-in after a gig."""
    _verdict_is(text, verdict)


@pytest.mark.parametrize("text, expected", [
    # The attack on rounds 43 to 45: the new rules stand down beside real illness, care and lawful reasons...
    ("Mason has a temperature. Noah is staying home too because he's also been sick this morning.", "not avoid"),
    ("Ella has a temp of 39, her dad is at home too so he'll look after her.", "ok"),
    ("Sana has a cold but it's more that her asthma has flared up with it, she's wheezing", "ok"),
    ("the main issue is my son has been vomiting all night", "ok"),
    ("The main reason is I have been told by the GP to keep her off for 48 hours after the last sickness.", "ok"),
    ("Zain is staying home until we meet the consultant on Thursday, he has suspected appendicitis.", "not avoid"),
    ("Maya has been sick all night. It was meant to be her treat day at brownies tonight but that's cancelled now.", "ok"),
    ("jack was sick after i took him to mcdonalds last night, been up all night vomiting so he wont be in", "ok"),
    ("Amelia has been sick three times. Coincidentally it's her class trip which she was so looking forward to.", "ok"),
    ("She always gets her migraines on Fridays, the neurologist is looking into it. She's in bed in the dark.", "ok"),
    ("Leo has physio at the hospital this morning, he usually has it on Fridays but they moved it.", "not avoid"),
    ("Isla has a bad cough, prob just the heating drying her throat out but she's been up coughing all night with a temp.",
     "ok"),
    ("He's exhausted after staying up with a high fever all night.", "ok"),
    ("We flew back from my dad's funeral in Lagos last night, the flight landed at 5am and Tobi is exhausted.", "caution"),
    ("sorry I panicked this morning and forgot to set the alarm so Leo will be late", "caution"),
    # ...and stay strict on a chosen day.
    ("Ellie was seriously ill over Christmas so we're taking her to Lanzarote for some sun next week.", "avoid"),
    ("Mia has a mild cold but we're driving to Cornwall to see her nan today", "withheld"),
    ("none of us slept last night as the fireworks went on till 2, she's exhausted", "avoid"),
    ("As per the letter year 9 have the trip today, we can't afford it so Ben is staying home.", "avoid"),
    ("the baby was up all night so Amir is exhausted, but mostly the problem is I have an early shift and can't take him",
     "avoid"),
    ("we were at a wedding till 1am so she's shattered and will be in after lunch", "avoid"),
])
def test_the_attack_on_rounds_43_to_45(text, expected):
    result = check_text(text)
    if expected == "not avoid":
        assert result.verdict != "avoid", [(f.rule, f.severity, f.matched) for f in result.findings]
    elif expected == "withheld":
        assert result.verdict == "avoid" and result.withheld and result.suggestion is None, result.suggestion
    else:
        _verdict_is(text, expected)


def test_everyday_words_in_a_lower_case_text_are_not_taken_as_the_childs_name():
    """Prayer times, benefits and a baby born early are words, not names (the attack on round 45)."""
    for text in ("my esa has been stopped so i can't afford the bus and she's got a cold",
                 "salah is at lunchtime, he'll be back after, he's got a cold",
                 "born 10 weeks prem she catches everything, she has a cold again"):
        suggestion = check_text(text).suggestion or ""
        assert suggestion.startswith(("She ", "He ", "My child ")), suggestion


def test_fullwidth_letters_read_as_the_plain_ones():
    """Fullwidth letters are the same words (the attack on round 45), and findings quote the text as written."""
    result = check_text("Ｓｏｐｈｉｅ has a cold so we're having a ｔｒｅａｔ day")
    assert result.verdict == "avoid" and result.withheld
    assert "ｔｒｅａｔ day" in [f.matched for f in result.findings]
    assert check_text("Ｔｏｍ ｈａｓ ａ ｔｅｍｐｅｒａｔｕｒｅ ｏｆ ３８.９").verdict == "ok"


def test_a_vague_word_alone_is_worded_with_the_gap_for_what_is_wrong():
    """"Under the weather" says the child is unwell but not how: the suggestion asks (the newcomer's find)."""
    result = check_text("Sam is a bit under the weather today")
    assert result.verdict == "caution" and result.needs_input
    assert result.suggestion == "Sam is too unwell to attend school today ([what is wrong])."
    # A minor illness named keeps its own word instead of the gap.
    assert check_text("Grace has a cold").suggestion == "Grace is too unwell to attend school (a cold)."


def test_a_hedged_vague_word_shows_the_gap_once():
    """A vague word the parent only hedges or reports asks what is wrong once, never "([what is wrong], [what is wrong])"."""
    for text in ("Not sure but Sam might be a bit under the weather", "Apparently Sam is under the weather",
                 "Sam says he feels a bit off colour"):
        assert check_text(text).suggestion == "Sam is too unwell to attend school ([what is wrong]).", text


@pytest.mark.parametrize("text, verdict", [
    # A relative's operation, and no one to do the school run: their situation, not the child's illness.
    ("My dad is having his hip op today and I have to take him, so nobody can do the school run for Ava.", "avoid"),
    # A train or a line suspended is travel, not the child's suspension.
    ("Trains are suspended again so Mo can't get in, we're trying the bus.", "caution"),
    ("He's still suspended until Thursday as per your letter.", "ok"),
    # Off his food with nothing named: a vague word, the caution that asks what is wrong.
    ("Toby's not right, off his food and very quiet.", "caution"),
    ("Ruby has tonsillitis and is off her food.", "ok"),
    # The child kept up by a brother's or the baby's night, in more words.
    ("Her baby sister had colic and cried all night, Lily had barely any sleep, I'll bring her in at 11.", "caution"),
    ("His little brother was in and out of our bed all night being sick and he was up with him.", "caution"),
    ("The baby was up all night with her teeth and Ben shares her room so he's had hardly any sleep.", "caution"),
    # Sensory overload told plainly is the child's distress, a caution.
    ("Maisie's overloaded after the fire drill yesterday, she's staying home today.", "caution"),
    ("A really hard week with his sensory stuff, he's completely overloaded and at home with me today.", "caution"),
    # A household emergency with its chaos: a caution, not the parent's situation.
    ("The pipe burst overnight and the hall is flooded, it's chaos here so Theo won't be in.", "caution"),
    # Crying that will not stop beside a panic attack is the attack's sign: the caution that asks more.
    ("Zoe had a panic attack on the drive and couldn't stop sobbing, so we came home.", "caution"),
    # A late night out, then a lie-in or a late start: avoid.
    ("She was at the Arctic Monkeys gig till midnight so she's having a lie-in, in for period 3.", "avoid"),
    ("We were at the match (extra time!) and didn't get back till 12, so he's asleep.", "avoid"),
    ("He was up till midnight at the party being sick, so he's staying in bed.", "not avoid"),
    # A shopping trip told as the day's plan, even with a late start.
    ("Taking Ellie shopping for her bridesmaid dress this morning, she'll be in after lunch.", "avoid"),
    ("She has a high temperature. I had to go shopping for Calpol this morning.", "ok"),
    ("We're going shopping for his uniform after school, he's off today with a temperature of 38.5.", "ok"),
    # Resting for an event beside a slight illness: the family's choice.
    ("A bit of a sniffle but she has her dance competition on Saturday so I want her fully rested for it.", "avoid"),
    ("He has his operation tomorrow so the surgeon wants him rested before the op, he has a cold too.", "not avoid"),
    # The parent's own appointment with the child along.
    ("I have to be at the job centre at 10 about my claim, so Kyra will be with me today.", "avoid"),
    # Keeping the child away after how a member of staff behaved: a protest.
    ("After how Mr Hale spoke to her on Friday, Leah won't be in until we've had a meeting.", "avoid"),
    # Doubt in more words.
    ("She swears its a migraine, she's not coming in.", "avoid"),
    ("he says his head hurts again funny how its always a friday", "avoid"),
    ("Ellie is telling me she has a sore throat and feels sick.", "caution"),
    # Lawful: a year group the school does not expect in.
    ("the email said yr 9 stay home tomorrow cos of the mocks", "ok"),
    ("We were told Year 10 aren't expected in today because of the exams.", "ok"),
    # The parents' illness, then "this is not the reason" and the child's own.
    ("Me and my partner both have flu, but this is not reason - Adam has a temperature of 39 too.", "ok"),
])
def test_round_47_classes(text, verdict):
    """Round 47's classes in words of our own: a relative's operation, transport suspended, off his food, the child kept
    up in more words, sensory overload, a household emergency, crying beside a panic attack, a late night out, a shopping
    trip, resting for an event, the parent's own appointment, a protest after how staff behaved, doubt in more words, a
    year group not expected in, and the parents' illness that is not the reason."""
    _expected(text, verdict)


def test_the_attack_on_round_47():
    _each(_expected, [
    # The attack on round 47: the new rules stand down where the child's illness or care is the reason...
    ("I was out shopping this morning when the school rang to say she'd been sick, she's home now.", "ok"),
    ("I have to go shopping for her medication this morning, she'll be in after lunch.", "not avoid"),
    ("After what the consultant said about his heart, he won't be in for the rest of the week.", "ok"),
    ("We want him well rested before his MRI tomorrow, he has to be sedated.", "ok"),
    ("She was at a party till 7 and was sick when she got home, she's still in bed.", "ok"),
    ("He was at the match till 10 and came home with a migraine, he's asleep now.", "ok"),
    ("I start work at 6 and she's too poorly to be left, she has a temperature of 39 so she'll be with me.", "ok"),
    ("He got in a fight on the bus and is now suspended for three days.", "ok"),
    ("Her nan noticed her awful rash last night so Lily is off today.", "ok"),
    ("Grandad heard his nasty cough all night, Sam is staying home.", "not avoid"),
    ("Her nan is having her knee op today so Ella won't be in.", "avoid"),
    # ...and still catch what the round meant.
    ("My sister is having her hip op today and I need to take her, so nobody can do the school run.", "avoid"),
    ("She has a bit of a cold but I want her well-rested for her gymnastics competition on Sunday.", "avoid"),
    ("Years 7 to 9 are not expected in today because of the strike.", "ok"),
    ("Year 11 are not needed in today except for their exams; she has chemistry at 1 but is too anxious.", "not ok"),
    ("His bus pass has been suspended so I've no way of getting him in.", "not ok"),
    ])


def test_an_overloaded_phone_line_or_bus_is_no_illness_of_the_childs():
    """Only a person is overloaded in the distress sense (the attack on round 47)."""
    for text in ("I've emailed as the phone line is overloaded, Ruby won't be in today",
                 "The bus was overloaded and drove past us, she'll be in late"):
        assert "overloaded" not in (check_text(text).suggestion or ""), text


def test_its_opening_a_sentence_is_not_the_childs_name():
    assert check_text("Its been a rough night with her cough, she's staying home today.").suggestion.startswith("She ")


def test_transport_suspended_is_not_typed_an_exclusion():
    """The newcomer on round 47: "the trains are suspended" was logged as an exclusion, so no email was drafted."""
    from refusal_log.wording.absence_types import infer_absence_type

    assert infer_absence_type("the trains are suspended so we can't get in") != "exclusion"
    assert infer_absence_type("He has been suspended until Thursday") == "exclusion"


@pytest.mark.parametrize("text, verdict", [
    # Round 48's classes in words of our own.
    ("She's meant to be a flower girl at her cousin's wedding on Saturday, I hope she's better by then; she has a temperature.", "ok"),
    ("He fell at his uncle's barbecue on Sunday and needed stitches; the nurse is checking them at 9.", "not avoid"),
    ("i'm on a late at the hospital and no childcare so Kai is with me, he has a bit of a sniffle anyway", "not ok"),
    ("The twins' little sister was up all nite w croup and Isla didn't sleep a wink, she's home today.", "caution"),
    ("The new baby cry all night, Adam very tired, he sleep now.", "caution"),
    ("It's all too much for him after the assembly yesterday, he's staying home to calm down.", "caution"),
    ("Her grandad has been taken seriously ill and is in Ysbyty Glan Clwyd, we're driving up now with her.", "caution"),
    ("Broke his ankle at rugby, in a boot and lots of pain, he can't manage the stairs at school today.", "ok"),
    ("Her orthodontist is in Leeds and it's a long way, so she won't make it in at all today.", "ok"),
    ("The van's broken down on the A1 and we're waiting for the AA, so we won't make it in today.", "caution"),
    ("My grandmother died on Sunday. Zain will not come to school this week.", "caution"),
    ("He was kept off by the GP, suspected measles, waiting for the test.", "ok"),
    ("You know her school anxiety has been hard this term. Today, though, the reason she is off is a fever of 38.9.", "ok"),
    ("We've had a family emergency and I've had to take the kids with me to Manchester.", "caution"),
    ("He has a cold but honestly even if he didn't he'd be refusing because of the supply teacher.", "avoid"),
    ("She says she feels sick, but the truth is she can't face Mrs Lowe's class after Friday.", "avoid"),
])
def test_round_48_classes(text, verdict):
    """Round 48's classes in words of our own: a wedding still to come, an injury at a relative's party, the parent's
    shift at the hospital, the child kept up in more words, everything too much, a relative suddenly taken ill, an
    injury that stops the child, an appointment far away, a breakdown on the way, a death then days off, kept off by the
    doctor, school anxiety as background, a family emergency, refusing anyway, and the truth that it is something else."""
    _expected(text, verdict)


@pytest.mark.parametrize("text, verdict", [
    # Round 49's classes in words of our own.
    ("It's her gran here. Mia slept at mine last night and woke up with a high temperature, so she's off today.", "ok"),
    ("Mia stayed with us at the weekend and now has a streaming cold and a temperature of 38.6.", "ok"),
    ("I have a migraine myself so I can't do the school run.", "avoid"),
    ("Please excuse Tom from school on Monday 3rd, he has an appointment at the fracture clinic.", "ok"),
    ("His council taxi never came and it's 12 miles, so I can't get him to school today.", "ok"),
    ("We're snowed in and the car won't get up the lane, so the girls will be off today.", "caution"),
    ("The train is cancelled so he won't be in, he's upset as it's his cup match tonight.", "caution"),
    ("Car broke down on the M4 with us both in it, he's fine, just bored, we're waiting for the RAC.", "caution"),
    ("Sorry it's the second Friday in a row but she really is poorly, temperature of 38.5.", "ok"),
    ("She says she's fine but she can hardly talk her throat is so swollen, so she's too poorly to come in.", "ok"),
    ("Funny how she's ill every Friday when there's PE.", "avoid"),
    ("Birthday trip to Blackpool today, back tomorrow.", "avoid"),
    ("I'm stuck at work till late and there's no one else, so Ava's off today.", "avoid"),
    ("She has a follow-up at the eye clinic at 2 so I'll collect her at 1.", "ok"),
])
def test_round_49_classes(text, verdict):
    """Round 49's classes in words of our own: where the child stayed is not who is ill, a date is not a birthday, the
    council's transport beside "can't get him to school", the car that will not get out, what the child is missing, a
    reassurance after a breakdown, a pattern then the illness affirmed, doubt about the day, a birthday trip, the
    parent stuck at work, and a follow-up at a clinic."""
    _verdict_is(text, verdict)


def test_the_attack_on_round_48():
    _each(_expected, [
    # The attack on round 48: a relative's procedure is theirs, whatever word stands between...
    ("Her grandma has her cataract op today so Ella is going with her.", "avoid"),
    ("His nan has gone with his grandad to his heart scan so Jake is staying at home with me.", "not ok"),
    # ...a trip is not excused by a wedding's words or a relative's illness that is over...
    ("Poppy has a temperature and is meant to be flying to Florida on Wednesday, so she'll be off till the 20th.", "avoid"),
    ("Grandad was taken poorly last month but he's fine now so we are off to Florida for two weeks.", "avoid"),
    ("Her grandad died 2 years ago and since then she will not come to school on Mondays.", "avoid"),
    ("Family emergency last night, and today I have to go to work so Skye will be with me.", "avoid"),
    # ...and the truth of an honest illness stays the illness.
    ("Ellis has been sick all night, the truth is he can't face eating anything and is very weak.", "ok"),
    ("The reality is she is frightened of another seizure in class after last week's one at school.", "not avoid"),
    ("Keeping him well rested for the county final, he only came out of hospital last month.", "avoid"),
    ("We need to keep her rested before her sleep deprived EEG tomorrow so she is off today.", "ok"),
    ("Everythings just too much for him atm so hes staying home", "caution"),
    ])


def test_too_much_is_never_worded_as_illness():
    """"Everything is too much for him" names no illness: no sentence of illness is offered (the newcomer on round 48)."""
    for text in ("everything is too much for him today", "It's all too much for her, she's staying home today"):
        suggestion = check_text(text).suggestion or ""
        assert "too much" not in suggestion, suggestion


def test_round_49_read_again():
    _each(_verdict_is, [
    # Round 49, read again after its first measure: transport named further back, a year group with no lessons, the
    # AA after a breakdown, and a late start after being let sleep.
    ("His taxi from the council never showed and nobody answered at transport. It's 9 miles so I can't get him to you.",
     "ok"),
    ("I was told Year 8 aren't in today as there are no lessons for them, so she's revising at home.", "ok"),
    ("Van's broken down on the A1 and we're waiting on the AA. He's fine, just bored. He won't make it in today.",
     "caution"),
    ("The baby was up coughing all night and Ava shares his room so she had two hours sleep; I've let her sleep and "
     "she'll be in after lunch.",
     "caution"),
    ])


def test_the_attack_on_round_49():
    _each(_expected, [
    # The attack on round 49: someone else's illness with a word between stays theirs...
    ("My husband has his awful migraine again so we're keeping Ethan off.", "withheld"),
    ("Her brother's got his awful D&V so Isabella is staying home today.", "withheld"),
    ("Oscar's auntie has her awful flu so he's staying home.", "withheld"),
    # ..."me" is the parent unless it is only where the child stayed...
    ("Ellie won't be in. Been up all night with me being sick.", "withheld"),
    ("Hospital appt for me this morning, Freddie will be in after lunch.", "not ok"),
    ("It's her nan here. Chloe slept at mine... stayed with me last night and woke up with a temperature of 39.", "ok"),
    # ...a relay of the child's illness by someone of the other gender is the child's...
    ("His mum says his migraine is back.", "ok"),
    ("Lucy is with her dad for her asthma review this morning.", "ok"),
    # ...and doubt is never lifted by a refusal after it.
    ("I doubt she's really ill, but she can't face school today.", "withheld"),
    ("She keeps saying she's fine but she can't face school.", "withheld"),
    ("Funny how she's sick every Monday, she's been throwing up since 5am.", "not avoid"),
    ])


def test_after_the_last_measure():
    _each(_verdict_is, [
    # After the last measure (blind635-640): a brother's wish for a day off is his; "he wouldn't have gone anyway"
    # beside an illness is refusal; a symptom "he always does on a Monday" is doubt.
    ("Amy has tonsillitis and is far too ill to attend. Her brother keeps saying he wants a day off too but he's in.", "ok"),
    ("Kai has a temperature but to be fair he wouldn't have gone in anyway after what happened.", "avoid"),
    ("Jordan says his tummy hurts. He always does on a Friday.", "avoid"),
    ])


def test_refusing_anyway_beside_an_illness_is_never_reworded_as_the_illness():
    """The parent gives another reason beside the illness: no wording is offered (the last newcomer's find)."""
    for text in ("Lewis has a temperature today but honestly he wouldn't have gone anyway after yesterday.",
                 "She has a cold but even if she didn't she'd be refusing because of the new teacher."):
        result = check_text(text)
        assert result.verdict == "avoid" and result.withheld and result.suggestion is None, result.suggestion


@pytest.mark.parametrize("text, verdict", [
    # Round 50's classes (blind641-646) in words of our own.
    ("Callum has a sore throat and as he's only just back after his op, I've decided to keep him hame today.", "caution"),
    ("Isla's been greetin aw mornin with her ear, she's keepin cosy at hame.", "not avoid"),
    ("Taking Maisie to get her bridesmaid dress this morning, she'll be in after lunch.", "avoid"),
    ("Tomorrow we're going shopping for his school shoes so he'll be in after lunch.", "avoid"),
    ("He was at a gig in town until 1am, a birthday present. He's shattered so he'll be in after break.", "avoid"),
    ("Her little sister had croup and we were up with her half the night, so Amara has barely slept. In after lunch.",
     "caution"),
    ("Kofi has a tummy ache and says he feels sick. I can't tell if he's ill but he's at home for now.", "caution"),
    ("He might be getting what his brother had, he's a bit pale, not sure yet.", "caution"),
    ("My mum had a fall and we were at A&E till 4am with her, the boys won't be in today.", "caution"),
    ("We were in Lanzarote until Sunday. She had a chest infection before we flew so she really needed the sun.", "avoid"),
    ("She is not off because of the bullying, that has been dealt with. She has a temperature of 38.8.", "ok"),
    ("No bus this morning again so he's at home; I've rung the council transport team.", "ok"),
    ("I know the school trip to the zoo was yesterday, but Leo came home with a temperature and was sick overnight.", "ok"),
    ("The car broke down on the M5 and the RAC are an hour away, so sorry, Ava will be in tomorrow.", "caution"),
    ("Zac has a high temperature and I can't take his sister in on her own, there's no one to sit with him.", "avoid"),
])
def test_round_50_classes(text, verdict):
    """Round 50's classes in words of our own: Scots "hame" and "greetin", shopping for a named thing or with the day
    first, a late night told across two sentences, a sibling's bad night with "we were up with her", a hedge that is not
    doubt, a sign asked about, a relative's fall, the sun as a trip's motive, a cause denied, council transport beside
    "no bus", a trip that was yesterday, and a breakdown on the road, and a well sibling kept home."""
    _expected(text, verdict)


def test_round_50_leaves_these():
    _each(_expected, [
    # What round 50 leaves as it was: the family's own car with no road or recovery named, a doubt in "really", a
    # "staying home" beside only a cold, a sibling who is ill too, and a cause given as the reason.
    ("Car won't start so I can't get her in today.", "avoid"),
    ("I honestly can't tell if he's really ill or just putting it on.", "avoid"),
    ("She has a bit of a cold so she's staying home today.", "caution"),
    ("Ava has a temperature and I can't take her brother in as he's poorly too.", "not avoid"),
    ("She is off because of the bullying, it has not been dealt with.", "avoid"),
    ("We went to Alton Towers yesterday so he's shattered today.", "avoid"),
    ])


@pytest.mark.parametrize("text, expected", [
    # Round 51's classes (blind647-652) in words of our own.
    ("Kelsey's got chickenpox, picked it up from her cousin 🙄 The GP says she's to stay off till they scab.", "ok"),
    ("He has a tooth extraction at the dental hospital this morning and will come in after lunch if he's up to it.",
     "ok"),
    ("Olly swears his head hurts, funny that, it's the maths test.", "withheld"),
    ("We're taking the twins into town for their prom suits so they'll be off this afternoon.", "avoid"),
    ("Off this morning, we're going to get her bridesmaid dress fitted. Back by lunch.", "avoid"),
    ("Mental health day for Noah today, our decision, he's been so low.", "avoid"),
    ("Off to see the Blackpool illuminations on Thursday so she'll miss the afternoon.", "avoid"),
    ("She has a temperature and a cough, she was bullied in year 7 but that has all been sorted.", "ok"),
    ("Been up vomiting all night, he's fine in himself now but he still can't keep anything down.", "ok"),
    ("Ben has a stomach bug so he's off, and his sister is at home too as I can't do both school runs.", "avoid"),
    ("Feeling a bit wabbit this morning so I'm keepin her hame.", "caution"),
    ("He was at the United match last night, a late kick off, so he's shattered. He'll be in for period 2.", "avoid"),
    ("We're in Lanzarote until the 21st, back on the 22nd.", "avoid"),
    ("A week in Devon after the year we've had, so both girls will be away from Monday.", "avoid"),
    ("His shoes would not go on and he had a meltdown in the hall; he is at home with me now.", "not avoid"),
])
def test_round_51_classes(text, expected):
    """Round 51's classes in words of our own: exasperation at where an illness came from, an appointment told further
    back, "swears" a part hurts, prom and bridesmaid outfits, a mental health day called the parent's, a day out to
    the lights, bullying that is over, fine in himself but still being sick, two school runs, "wabbit" felt, a late
    kick-off, a trip in a place until a date, and shoes that would not go on."""
    _expected(text, expected)


def test_the_attack_on_round_50():
    _each(_expected, [
    # The attack on round 50: a well sibling kept home needs the parent and "on his own", never a neighbour taking him...
    ("Mia has a temperature of 39. I can't take her brother in myself so our neighbour is taking him.", "ok"),
    ("Leo has a high temperature. His dad can't take his sister in, so I'll drop her off at 9.", "ok"),
    ("Ruby has a fever and I can't take her sister in on her own as she's got it as well.", "not avoid"),
    # ...the sun is the child's need of a trip, never a relative's, a doctor's advice or sun cream...
    ("He's been indoors with flu all week and could do with some sunshine. Still has a temperature today.", "ok"),
    ("She has tonsillitis. Her dad is in Spain as he needed the sun, nothing to do with her.", "not avoid"),
    ("She's got sunburn, she needed the sun cream more than I realised.", "not avoid"),
    # ...a late night across two sentences is the child's own and is tiredness, not an appointment or a condition...
    ("He was at the match until 3 on Saturday. He has a dentist appointment at 10 today so he'll be in after lunch.",
     "ok"),
    ("Her sister was at a party until 1am. She has an orthodontist appointment so she'll be in after lunch.", "ok"),
    ("Got in at 2am from the wedding. She's shattered so she'll be in after lunch.", "avoid"),
    # ...a hedge with another explanation in it is still doubt...
    ("I can't tell if he's ill or just skiving, so he's at home.", "withheld"),
    ("I don't know if she's ill or it's the Monday feeling again.", "avoid"),
    # ...a trip that was yesterday clears only with an illness named since, and never a trip still going on...
    ("We were at Legoland yesterday and she's ill, she says.", "not ok"),
    ("We went to Disneyland at the weekend and we're flying back today. She has a temperature.", "avoid"),
    # ...a breakdown last week is not one on the road today...
    ("The car broke down on the M1 last week and it's still at the garage, so I can't get him in.", "avoid"),
    # ...a doubt after a real symptom is not one; a cause denied in more words; a fall, not falling asleep...
    ("She has a temperature of 39, too early to tell.", "ok"),
    ("She's no aff because o the bullying, she's got a temperature.", "ok"),
    ("Not because of the bullying - she's got a temperature and has been sick.", "ok"),
    # ...and the council's transport counts only as the transport that did not come.
    ("No bus again, he isn't eligible for council transport so we rely on the service bus.", "not ok"),
    ("No bus today, we applied for council transport but haven't heard back.", "not ok"),
    ])


def test_a_day_that_dates_an_outing_is_not_the_day_of_the_absence():
    """The newcomer on round 50: "We went to Alton Towers yesterday and now Sam's got a temperature" was worded "Sam was
    too unwell to attend school yesterday", and the draft email carried it."""
    for text in ("We went to Alton Towers yesterday and now Sam's got a temperature so he's staying home",
                 "Sam went to a party yesterday and now has a cough, so keeping him off"):
        suggestion = check_text(text).suggestion
        assert suggestion and "yesterday" not in suggestion and suggestion.startswith("Sam is"), suggestion
    assert check_text("Sam was off sick yesterday with a temperature.").verdict == "ok"


def test_a_scots_reason_keeps_the_childs_name():
    """The newcomer on round 50: "keepin Sam hame the day" was worded for "My child"."""
    for text in ("keepin Sam hame the day", "I'm keepin sam hame the day"):
        assert check_text(text).suggestion.startswith("Sam is too unwell"), check_text(text).suggestion


def test_each_thing_found_is_told_once():
    """The newcomer on round 50: "tired after a late night at a concert" gave three findings, two of them the same."""
    result = check_text("Sam is very tired after a late night at a concert")
    rules = [f.rule for f in result.findings]
    assert result.verdict == "avoid" and len(rules) == len(set(rules)) == 2, [(f.rule, f.matched) for f in result.findings]
    # Another rule's finding inside a longer one is another problem, and stays (the attack on round 51).
    refused = check_text("At the match last night, late kick off, and this morning she refused point blank to go in. "
                         "She's shattered.")
    assert any(f.rule != "tired" and f.severity == "avoid" for f in refused.findings), refused.findings
    # A finding about the whole text still lets a quoted word inside it have its say.
    quoted = check_text('The school called it "refusal" again')
    assert any(f.matched == "refusal" for f in quoted.findings)


@pytest.mark.parametrize("text, expected", [
    # Round 52's classes (blind653-658) in words of our own.
    ("She has a bit of a cough so we're having a pamper day at home, she deserves it after her exams.", "avoid"),
    ("It's Leo's birthday so we're having a family day, back tomorrow.", "avoid"),
    ("Kai says his tummy hurts but he said the same last Friday.", "withheld"),
    ("Mia went to a sleepover and hardly slept, so she's off today.", "avoid"),
    ("She has a temperature, but honestly she'd have found a way out of it anyway with the swimming gala.", "withheld"),
    ("Erin has flu and her brother is at home too as I don't want to do two trips with the baby.", "avoid"),
    ("Sam's got a bug and Ella is going to her dad's for her birthday weekend.", "avoid"),
    ("I'm poorly and so is she, but honestly I'm much worse than her and I can't do the walk.", "avoid"),
    ("He has a cold and wild horses wouldn't drag him in on sports day.", "avoid"),
    ("She is too anxious to come in because the girls keep leaving her out and posting about her.", "not ok"),
    ("He was crying with his ear all night and it's weeping, so he's at the walk-in now.", "ok"),
    ("Ruby is ill today. We're also going to look for her prom dress later.", "avoid"),
    ("Got called in at work and my mums poorly so there's no one to take him.", "not ok"),
])
def test_round_52_classes(text, expected):
    """Round 52's classes in words of our own: a treat or family day at home, the same complaint before, no sleep at a
    sleepover, "found a way out of it anyway", two trips, another child's birthday weekend, the parent worse than the
    child, "wild horses", being left out and posted about, a walk-in centre, a prom dress beside an illness, and a
    possessive written without its apostrophe."""
    _expected(text, expected)


def test_the_attack_on_round_51():
    _each(_expected, [
    # The attack on round 51: "swears" beside an illness told after it is the illness...
    ("Mo swears his tummy hurts and he's been on the toilet all night with diarrhoea.", "ok"),
    ("He swears his leg hurts after football, we're at minor injuries now for an x-ray.", "not avoid"),
    # ...a stay in hospital, a relative's trip, or a trip missed is no holiday...
    ("A fortnight in Alder Hey and she's still weak, so she will be off all next week.", "not avoid"),
    ("She's off sick with a migraine, gutted to miss the school trip to the illuminations tonight.", "ok"),
    ("Her dad's spending a week in Cornwall and is away till Sunday. Jack is off today with d&v.", "ok"),
    # ...two runs only when the sibling stays home for them...
    ("Amir has d&v. I couldn't do both runs so Sana was a bit late this morning.", "ok"),
    ("Evie has tonsillitis. I can't do both runs so her brother is going in with his friend's mum.", "ok"),
    # ...an outfit bought another day, or by someone else, is not today's reason...
    ("Mia has a temperature and is off today. We're going to get her prom dress next Saturday instead.", "ok"),
    ("Her friends are all going for their prom dresses today but Ruby is at home with a chest infection.", "ok"),
    # ...a day at home is the absence's day...
    ("Sorry I didn't ring, Maya was at home yesterday feeling rough so I kept her off.", "not ok"),
    # ...a denial clears only the cause straight after it, and bullying that is still going on stays...
    ("She's off, not because of illness but because of the bullying.", "withheld"),
    ("She's not off because of a cold, it's the bullying.", "withheld"),
    ("It's not because of her cold, she has a temperature of 39.", "ok"),
    ("He's off because of the bullying in yr 9, it's relentless.", "avoid"),
    # ...exasperation needs an illness named; a GP's break is not the parent's call.
    ("Caught it off the baby 🙄 she's at home.", "not ok"),
    ("The GP signed her off for a mental health break, it wasn't our decision.", "not avoid"),
    ])


@pytest.mark.parametrize("text, expected", [
    # Round 53's classes (blind659-664) in words of our own.
    ("She has had a migraine since 5am and been sick, she wanted to come in for the match but no chance.", "ok"),
    ("Ben has tonsillitis and has been refusing even his favourite drinks because it hurts to swallow.", "ok"),
    ("the school text said yr 4 are home today cos of the boiler so mia is home with me", "ok"),
    ("His council taxi didn't come again. It's a 3 mile walk and he cannot do it, so he's at home.", "ok"),
    ("Stuck in traffic after a crash on the M6, we won't get Isla in till after lunch.", "caution"),
    ("He was shattered after the wedding, didn't get home till 1am. He'll be in after lunch.", "avoid"),
    ("She had a late night at the concert in Leeds so she'll be in late.", "avoid"),
    ("Her mum will email when she is feeling better. She has a migraine and has been sick.", "ok"),
    ("Got stung on the hand and it has swelled up badly, docs at 10 so he won't be in.", "ok"),
    ("He says he feels sick but he's such a drama queen, I think it's the spelling test.", "withheld"),
    ("Not sure if it's a bug or nerves about the swimming gala, she's at home this morning.", "not avoid"),
    ("Year 9 are not in today because of the mocks in the hall, so Ali is at home revising.", "ok"),
    ("She has a cold, but honestly the main reason she is at home is that her support still isn't in place.",
     "withheld"),
    ("The main reason he's off is his asthma, it's been bad all night.", "ok"),
])
def test_round_53_classes(text, expected):
    """Round 53's classes in words of our own: a wish to attend then "no chance", refusing drinks, the school's word that
    a year group is at home, the walk the taxi should have spared him, a late arrival in traffic, a late night told
    in more words, "when she is feeling better" as when the parent will write, "docs at 10", "drama queen",
    nerves about an event, a year group not in, and "the main reason is" something other than the illness."""
    _expected(text, expected)


def test_the_newcomer_on_round_52():
    _each(_expected, [
    # The newcomer on round 52: a trip that is over, told after the illness; a part that "really hurts"; bullying said
    # to be over after it.
    ("He's got a sore throat and a temperature today, we were at Alton Towers at the weekend.", "ok"),
    ("Sam's got a temperature, we went to Alton Towers yesterday.", "ok"),
    ("We're at Alton Towers today, he has a cold.", "avoid"),
    ("Ella's tummy really hurts.", "ok"),
    ("He's off today with a migraine. The bullying was sorted out months ago.", "ok"),
    ])


def test_the_attack_on_rounds_52_and_53():
    _each(_expected, [
    # The attack on rounds 52 and 53: a trip still going is never cleared by the illness beside it...
    ("She has a slight cold today so we went to Spain for a week.", "avoid"),
    ("He's got a sore throat and a temperature today, we were at Alton Towers at the weekend.", "ok"),
    # ...a parent worse than a child with a real illness, a birthday weekend called off, a movie day beside chickenpox,
    # the GP's words, a diagnosis after a denial, and a parent's own swelling are not what they were read as...
    ("Zac has a temperature of 39.4 and I'm poorly too, honestly I'm worse than him.", "ok"),
    ("He was meant to be going to his dad's for his birthday weekend but that's off now, he has flu.", "ok"),
    ("Rosie has chickenpox. We're having a movie day on the sofa.", "ok"),
    ("It's not because of a bug, she has been diagnosed with anxiety by CAMHS and cannot leave the house.", "not avoid"),
    ("My hand swelled up after I burnt it so I can't drive her in.", "not ok"),
    # ...the child's words run together with a lower-case name, and refusing "anyway", are still read.
    ("shanice has a temp and says shes not going anyway lol", "withheld"),
    ("not sure alfies really poorly tbh but hes making such a fuss hes home", "withheld"),
    ("He has a bug, he was sick at 5am. Even before that he was saying he won't go in because of the seating plan.",
     "withheld"),
    ])


@pytest.mark.parametrize("text, expected", [
    # Only the child's word for a symptom, said after it or in the past: a caution that asks the parent to say it.
    ("Poppy has an earache she says, it started after tea last night.", "caution"),
    ("Leo told me he had a sore throat when he got up, so he is at home.", "caution"),
    ("Arjun tells me he was sick twice in the night so he's staying in bed.", "caution"),
    ("Mina has a sore throat, she says.", "caution"),
    # "Funny how" in more words is still doubt.
    ("Strange how Ivy's tummy aches only ever come on a swimming day. Anyway she's home.", "withheld"),
    ("Odd how his headaches always turn up before a spelling test.", "avoid"),
    # "Nothing serious" lifted by a diagnosis or a measured fever after "but"; not by the child's word.
    ("Probably nothing serious, but the walk-in centre has diagnosed Omar with an ear infection, so he is off.", "ok"),
    ("Probably nothing serious but Rosa has a temperature of 38.9 and is seeing the GP at 11.", "ok"),
    ("Probably nothing but she says her knee hurts, keeping her in today.", "withheld"),
    # A period with no symptom, then a day at home: the period's caution, not a rest day's avoid.
    ("Nia started her period this morning so she's staying home.", "caution"),
    ("Nia started her period this morning and has bad cramps so she's staying home.", "ok"),
    # The school's word that pupils stay at home.
    ("The head emailed last night to say pupils must stay at home today because the boiler has broken, so Alfie is "
     "at home.", "ok"),
    # The sales, a long weekend or a city break, and the child along because it is easier.
    ("Taking Freya to the Boxing Day sales, she'll be back in tomorrow.", "avoid"),
    ("Off to the January sales with the girls today.", "avoid"),
    ("He's at the school bake sale this afternoon.", "not avoid"),
    ("We're heading down to Devon for a long weekend, so Kit will be off Friday.", "avoid"),
    ("Jas will be off Monday, we're away in Edinburgh for a city break.", "avoid"),
    ("I've got to collect a sofa from Leeds and it's easier to take Ben with me.", "avoid"),
    # Someone else's emergency in more words: a caution, never the child's illness.
    ("Her grandad has fallen and I've had to rush over to him, so Isla is with me today.", "caution"),
    ("My sister's gone into labour and I'm her birth partner, so Theo is with me and won't be in.", "caution"),
    ("Their dad was involved in a motorway crash this morning and we're at the hospital, so both boys are off.",
     "caution"),
    # "I don't know what's wrong" with only distress named is a caution; with a sign named it asks what is wrong.
    ("She's not been right all week, tearful and off her food, and I don't know what's wrong.", "caution"),
    # "Just needs a break" is the reason, unless an illness is named beside it.
    ("It's a mental health day for Lacey, she just needs a break.", "withheld"),
    ("Zain has a migraine, he just needs a break.", "not avoid"),
])
def test_round_54_classes(text, expected):
    """Round 54's classes in words of our own: a symptom in the child's words said after it or in the past, "funny how"
    in more words, "nothing serious, but" and a diagnosis, a period and a day at home, the school's word that pupils stay
    home, the sales, a long weekend, the child along because it is easier, someone else's emergency, "I don't know
    what's wrong", and "just needs a break"."""
    _expected(text, expected)


def test_a_relatives_emergency_is_never_worded_as_the_childs_illness():
    for text in ("Her grandad has fallen and I've had to rush over to him, so Isla is with me today.",
                 "Their dad was involved in a motorway crash this morning and we're at the hospital, so both boys are off."):
        assert check_text(text).suggestion is None


@pytest.mark.parametrize("text, expected", [
    # "Not eating" beside an illness today is a sign, not how things are lately.
    ("Bea has chickenpox, spots everywhere and he's not eating. So sorry.", "ok"),
    ("He's not ill as such, he's just been so anxious he's barely eating and shaking every morning before school.",
     "not ok"),
    # Someone else's emergency in more words: a caution, and no wording of the child's illness.
    ("Her grandma is in hospital after a stroke and we're all at her bedside, Maisie is too upset to go in.", "caution"),
    ("My partner had the baby at 3am! Jude won't be in today.", "caution"),
    # Bullying told without the word: a caution beside an illness, the reason's own verdict otherwise; over and
    # sorted, background.
    ("Skye has a bad cold. She's also been getting horrible messages from some girls in her class again.", "caution"),
    ("Noor is too anxious to attend, the boys in her form keep on at her about her hijab.", "caution"),
    ("Lou has a migraine. Also, the lads on the bus started on her again this week.", "caution"),
    ("Ellis has a cough. There was some trouble with his friendship group last term, which is all sorted.", "ok"),
    # No car because a grown-up has it is the family's situation; council transport that did not come is not.
    ("No car today, his dad's taken it to work, so Rory is at home.", "avoid"),
    ("The council taxi didn't come and we've no car today, so Rory couldn't get in.", "ok"),
    # A part that hurts in the child's words; what the parent saw settles it.
    ("Tilly said her head is pounding and she feels dizzy. She's off today.", "caution"),
    ("Tilly said her head is pounding, and when I looked her glands were swollen.", "ok"),
    # Making a day of an appointment, and a show booked long ago; a show missed for an illness is not.
    ("Alfie has the orthodontist at 10 but we're making a day of it with his cousins.", "avoid"),
    ("Going up to Manchester to see the Lion King today, we booked the tickets ages ago.", "avoid"),
    ("We were meant to be going to London to see a musical today but she has a temperature.", "ok"),
    # An aside opening a clause is not its speaker: the child's refusal in the parent's voice; inside a clause it is
    # left, and a past doubt put right by a diagnosis stands corrected.
    ("To be honest he's been saying for a while that he is done with school. He does have a cold.", "avoid"),
    ("Amy has tonsillitis. To be honest, she's been saying she won't go anywhere, she's that poorly.", "ok"),
    ("I honestly thought she was putting it on, but the GP has diagnosed tonsillitis.", "ok"),
    # The school's own word to keep the child home, and a measured fever after "nothing serious".
    ("The school nurse told us to keep Ava at home until the rash has gone, so she's off today.", "ok"),
    ("Probably nothing serious, but his temp was 38.7 this morning and 111 want him seen.", "ok"),
])
def test_round_55_classes(text, expected):
    """Round 55's classes in words of our own: "not eating" beside an illness today, someone else's emergency, bullying
    told without the word, no car, a part that hurts in the child's words, making a day of an appointment, a show
    booked long ago, an aside opening a clause, the school's word, and a measured fever after "nothing serious"."""
    _expected(text, expected)


@pytest.mark.parametrize("text, suggestion", [
    # "Again" is the absence's when it is said with the illness or the absence, not with another matter.
    ("Sam is off again, she has a cough so I'm keeping her home.", "Sam is too unwell to attend school again (cough)."),
    ("Keeping her home again. She has a cough.", "She is too unwell to attend school again (cough)."),
    ("Skye won't go in. She's been getting horrible messages from some girls in her class again.",
     "Skye is too unwell to attend school ([what is wrong])."),
    ("Lou has a migraine. Also, the lads on the bus started on her again this week.",
     "Lou is too unwell to attend school (migraine)."),
])
def test_again_is_kept_only_where_it_is_the_absences(text, suggestion):
    assert check_text(text).suggestion == suggestion


@pytest.mark.parametrize("text, expected", [
    # The child's own words after "to be honest" are theirs, in the parent's voice; someone else's stay reported.
    ("Kit has a fever, but to be honest she's been saying all week that she won't go in anyway.", "avoid"),
    ("Tbh she was saying he's refusing, which he isn't, he has a temperature of 39.", "ok"),
    ("To be honest my mum is always saying she's putting it on, but Sam has been vomiting all night.", "ok"),
    # A birth told by the mother, and hot in the night beside a decision.
    ("I've gone into labour! Nell is staying with me until her nan comes.", "caution"),
    ("Ruby was burning hot in the night so I've made the call to keep her off.", "caution"),
    # The council's taxi, a bus that never came, a breakdown: not a protest, a refusal or the family's situation.
    ("His taxi from the council never came. He's dressed and waiting at home with me until they sort it.", "ok"),
    ("The bus never turned up and he was at the stop for half an hour. He won't get in today.", "caution"),
    ("Our car broke down on the bypass and the RAC are an hour away, so Mo won't make it in at all.", "caution"),
    # Low after a hard week is the child's state; home late from a trip is the family's choice.
    ("Jess is feeling a bit low today, she's had a tough week.", "caution"),
    ("Lily is shattered as we got back from Spain late last night after the holiday.", "avoid"),
    ("Cara is jet-lagged, we flew back from Florida at 2am.", "avoid"),
    # The family's car, said other ways; a bus beside it is travel.
    ("Partner has the car so we can't get Sam in.", "withheld"),
    ("My car's in for its MOT so Sam will be off.", "avoid"),
    ("The 42 bus never turned up and I've not got the car today so Zara's home.", "caution"),
    # Someone else's injury or illness is never the child's (the newcomer on round 55).
    ("Granddad has pneumonia and we're all at the hospital with Sam.", "caution"),
    ("My mum fell down the stairs and broke her hip so we're at the hospital all day with Leo.", "caution"),
    ("Sam fell off the trampoline and broke her wrist, we're in A&E.", "ok"),
    ("He came off his bike at his nan's last night and hurt his wrist, we're at A&E now.", "ok"),
    # The attack on rounds 54 and 55: the new rules stand aside for the child's own illness or care...
    ("Sam has tonsillitis and a fever. No car today so I'll have to walk him to the GP.", "ok"),
    ("Sam has his MRI today, we booked it months ago so we couldn't move it.", "ok"),
    ("Taking Sam to see the play therapist at CAMHS this morning.", "ok"),
    ("We went to Wales for a long weekend and Sam has come back with D&V.", "ok"),
    ("Funny how things always happen at once, Sam has flu and I've got it too.", "ok"),
    ("Sam's dad says his head is killing him, Sam has a cold.", "ok"),
    ("Probably nothing serious, but Ivy's eye is swollen shut and the pharmacist had a look.", "ok"),
    # ...and lift nothing that is not there: a normal temperature, a call to 111 only if worse, a birth weeks ago.
    ("Nothing major, but her temperature is 37 so I'm keeping her home.", "caution"),
    ("Nothing serious, but I'll ring 111 if she gets any worse. She has a cold.", "caution"),
    ("I gave birth six weeks ago and I'm still recovering, so Sam is at home with me today.", "avoid"),
    # The newcomer on round 55: the child's word doubted by what the parent saw; the same complaint every morning and
    # "according to him" in the child's words; "feeling not so good" in a non-native word order.
    ("Ellis told me his knee hurts but he was out playing football all evening.", "withheld"),
    ("He keeps saying he has a tummy ache every school morning.", "caution"),
    ("According to her, her throat hurts.", "caution"),
    ("Sorry, he feeling not so good since last night, I keep him home today.", "caution"),
])
def test_round_56_classes(text, expected):
    """Round 56's classes, the newcomer's and the attack's finds, in words of our own."""
    _expected(text, expected)


@pytest.mark.parametrize("text", [
    "Granddad has pneumonia and we're all at the hospital with Sam.",
    "My mum fell down the stairs and broke her hip so we're at the hospital all day with Leo.",
    "Maisie was up at A&E with me till gone 2 with her brother who'd broken his arm, so she's exhausted.",
    "Partner has the car so we can't get Sam in.",
])
def test_someone_elses_illness_or_car_is_never_worded_for_the_child(text):
    """The newcomer on round 55 found a grandfather's pneumonia and a mother's broken hip logged as the child's illness
    (the email asked for code I), and "Partner" worded as the child."""
    result = check_text(text)
    assert result.verdict != "ok" and (result.suggestion is None or "[what is wrong]" in result.suggestion), \
        (result.verdict, result.suggestion)
    assert not (result.suggestion or "").startswith("Partner")


@pytest.mark.parametrize("text, expected", [
    # Round 57: the child's word with a time between, or woken up saying it; what the parent then saw settles it.
    ("Noah told me this morning he's got a headache, so he's at home.", "caution"),
    ("Isla woke up saying her tummy really hurts.", "caution"),
    ("She said she felt sick, and then she was actually sick on the stairs.", "ok"),
    ("Finn says he feels sick. He hasn't actually been sick, so I'm not sure yet.", "caution"),
    # "Fine by lunchtime, no doubt" is doubt; a fever gone by morning and a day off just in case is a precaution.
    ("Rosa had a headache this morning, she'll be fine by lunchtime no doubt.", "withheld"),
    ("He had a temperature last night but it's gone this morning, so he's off today just in case.", "caution"),
    # Bullying told without the word, beside an illness.
    ("Ben has a bad cold. He's still worried about the boys in his form too.", "caution"),
    ("Zara has a migraine. The stuff in the class group chat still hasn't stopped.", "caution"),
    # Someone else's emergency, a late night at a match, kept up by the neighbours, and a death in the family.
    ("We had to take her little brother to A&E with his asthma and didn't get home till 4. Ruby will be in for 11.",
     "caution"),
    ("His dad took him to the cup game last night and they weren't back till gone midnight, so he'll be in late.",
     "avoid"),
    ("The neighbours' alarm went off at 3 and none of us slept. Amir is worn out and teary today.", "caution"),
    ("Her grandad passed away at the weekend and she is very upset. She'll be back when she's ready.", "caution"),
    # The council's transport in the council's words; the school's text that "it's closed"; a metro that is off.
    ("SEN transport rang at 7.45 to say the minibus has broken down and nobody could cover, so Jo is at home.", "ok"),
    ("The school texted at 7 saying it's closed because of the heating, so Ali is at home.", "ok"),
    ("The Metro's off again because of a signal fault, so she can't get in.", "caution"),
])
def test_round_57_classes(text, expected):
    """Round 57's classes in words of our own."""
    _expected(text, expected)


def test_the_attack_on_round_56():
    _each(_expected, [
    # The attack on round 56: grown-ups and grandparents named bare are never the child...
    ("Hubby has a migraine so can't take Lily in", "withheld"),
    ("Grandmother has pneumonia and we're at the hospital with Lily", "withheld"),
    ("Stepmom has pneumonia and we're at the hospital with Lily", "withheld"),
    ("Childminder is ill so Sam can't get in", "withheld"),
    ("Lily's mum fell and broke her wrist so Lily won't be in", "withheld"),
    # ...the child's own injury stays the child's, whoever caused it...
    ("Her brother pushed her off the trampoline and broke her arm", "ok"),
    ("My husband accidentally shut the car door on her hand and broke her finger", "ok"),
    ("Sam fell off the trampoline at his nan's and broke his wrist", "ok"),
    # ...the family's car stands aside for the child's own reason or a late drop-off...
    ("Sam is off with a cough. Husband has the car.", "ok"),
    ("The car's in for its MOT so I'll drop Sam in late at 10", "caution"),
    # ..."ready and waiting" lifts a protest only beside transport that did not come...
    ("Sam is ready and waiting until the school sorts her timetable", "avoid"),
    # ...and the child's refusal after an aside is read, by name too.
    ("Frankly she's been saying she won't go in", "avoid"),
    ("To be honest Sam has been saying she won't go in", "avoid"),
    ])


@pytest.mark.parametrize("text, expected", [
    # Round 58: a place of care beside someone else's emergency is theirs, never the child's care...
    ("Our new baby brother arrived at 3am! Sam is off today, we're all still at the hospital.", "caution"),
    ("An ambulance came for my dad this morning and I went with him, so Ivy is off with me.", "caution"),
    ("His grandad has been in a crash on the A1. He's in hospital and Alfie is with me.", "caution"),
    ("Sam fell off his bike and we are at A&E, my mum had a fall too.", "ok"),
    # ...a denied "refusal" beside an illness is the illness; "want to go into it" is not about school...
    ("I know refusal has been mentioned before but this is not that - she has had diarrhoea since 5am.", "ok"),
    # ...a period, then staying home; overwhelmed since a move; a trip extended; a prom dress in the city; "aye, right".
    ("Mia's period started this morning so she's staying home.", "caution"),
    ("Zak has been overwhelmed since the house move and today it all got too much.", "caution"),
    ("She had a temperature at the weekend so we've extended our stay in Devon until Wednesday.", "avoid"),
    ("Taking Grace into Leeds today to look for her prom dress.", "avoid"),
    ("He says his tummy hurts. Every Monday. Aye, right.", "withheld"),
])
def test_round_58_classes(text, expected):
    """Round 58's classes in words of our own."""
    _expected(text, expected)


def test_the_attack_on_round_57():
    _each(_expected, [
    # The attack on round 57: a parent named in the third person keeps their own injury...
    ("Jack is staying home today. Dad broke his ankle.", "withheld"),
    ("Lily is off. Mum broke her wrist.", "withheld"),
    ("Jack is off. Pops has covid.", "withheld"),
    ("Lily is off. Her godmother has pneumonia.", "withheld"),
    ("Dad says Jack broke his ankle at football.", "ok"),
    ("Mum has given him Calpol for his temperature.", "ok"),
    # ...and the round 57 rules stand aside for what they were not about.
    ("She has physio at the hospital every Tuesday morning and will be in school by 11 as usual.", "ok"),
    ("Kayla says she has a tummy ache, which will no doubt be gone by lunchtime.", "withheld"),
    ("After the school concert she wasn't home till 9 and then she was sick all night.", "ok"),
    ("The temperature has gone down but she's been vomiting all morning, I'll call 111 just in case.", "ok"),
    ("The dog jumped up and pushed her over and she hurt her wrist.", "ok"),
    ("Lily is worried about the girls in her form catching her chickenpox.", "ok"),
    ("Amelia woke up saying her ear really hurts and there's pus coming out of it.", "not avoid"),
    ("Megan told me at breakfast she has a headache.", "caution"),
    ("She woke up complaining of earache.", "caution"),
    ])


def test_not_wanting_to_go_into_it_is_not_about_school():
    """blind700: "don't really want to go into it" is the parent not wanting to explain, not the child refusing."""
    findings = check_text("He won't be in, family things going on, I don't really want to go into it.").findings
    assert not [f for f in findings if f.rule == "not_want"], findings


def test_the_newcomer_on_round_58():
    _each(_expected, [
    # The newcomer on round 58: the parent's own injury is never worded as the child's illness...
    ("I broke my leg and can't get him to school", "withheld"),
    ("I've done my back in and can't drive her to school", "withheld"),
    # ...a guess at the cause is the parent's guess, so the wording asks what is wrong...
    ("He says he's got a tummy ache but I think it's nerves", "caution"),
    ("She says it's a headache but I think it's a migraine actually.", "ok"),
    # ...and a brother or sister in hospital with an illness is someone else's emergency.
    ("His little sister is in hospital with a chest infection and I have to stay with her", "caution"),
    ])


def test_a_guess_at_the_cause_is_never_worded_as_the_illness():
    """The newcomer on round 58 found "He says he's got a tummy ache but I think it's nerves" worded "He is too unwell to
    attend school (nerves)", and the drafted email asked for code I."""
    suggestion = check_text("He says he's got a tummy ache but I think it's nerves").suggestion
    assert suggestion is None or ("nerves" not in suggestion and "[what is wrong]" in suggestion), suggestion


@pytest.mark.parametrize("text, expected", [
    # Round 59 (blind701-706): a name after another person's relation is theirs...
    ("Uncle Dave has covid so Maisie is staying at ours and is off today", "withheld"),
    ("Maisie is off today, her friend Keira has chickenpox", "withheld"),
    ("My son Jack has a fever", "ok"),
    # ...as is an injury told in a "who" clause about them...
    ("Mum, who hurt her back, can't drive so Leo can't get in today", "withheld"),
    ("Leo, who hurt his back at rugby, can't walk", "ok"),
    # ...and someone else's emergency in more words: the hospital is theirs.
    ("An ambulance came out for Kasia grandad last night and we are all at the infirmary. Kasia not in today.", "withheld"),
    ("Our Dylan's nan took badly in the night and we've been at the hospital since, Dylan won't be in", "withheld"),
    ("The baby arrived at 4am! Zara met her new sister at the hospital so she'll be in on Monday.", "withheld"),
    ("Omar's big brother has been rushed into hospital and I'm with him, Omar won't be in.", "not ok"),
    # A birth, then nobody for the drop-off: the family's situation.
    ("My partner is in hospital having the baby and I've no one for the school run, so Finn is with me.", "avoid"),
    # A mental health day or a break given to a child who is fine.
    ("Duvet day for Ruby today, she's absolutely fine, just a break.", "avoid"),
    ("Ruby is fine, just having a mental health day.", "avoid"),
    ("Mental health day for Ruby today.", "not avoid"),
    # Recovery as a habit, or at the hour school has started: doubt.
    ("He felt sick at breakfast, no doubt he'll be fine by ten, he usually is.", "avoid"),
    ("Funny how she perks up as soon as she knows she's missed the bus.", "avoid"),
    ("What a coincidence, spelling test day and she's got a headache.", "avoid"),
    ("She had a temperature overnight and will probably be fine by lunchtime.", "not avoid"),
    # "Probably nothing serious but she can't..." doubts how serious, not whether.
    ("Amir has an awful migraine and keeps being sick. Probably nothing serious but he can't open his eyes.", "ok"),
    # The child's word for a pain: ask.
    ("Ava told me first thing her tummy hurts, so she's at home.", "caution"),
    ("Ava told me her tummy hurts and she's been sick twice.", "ok"),
    # A year group told to stay at home is the school's closure.
    ("Had the text saying the heating's failed and year 9 to stay home, so Ellie is at home today.", "ok"),
    # Trouble with other pupils going on now, beside an illness: a caution; alone, the bullying avoid.
    ("He has a temperature. The stuff with the lads in his form is still going on though.", "caution"),
    ("The trouble with the girls in her class is getting worse so she's at home.", "avoid"),
    ("He has a cough but is well enough for his dance class, which is still going on.", "not ok"),
    # A trip for the air after an illness is the family's choice.
    ("Noah had flu last week so we've taken him to the seaside for a few days.", "avoid"),
    # A refusal after the history and the illness is still the child's.
    ("Last year Mia was picked on, and now she has a cold and says she's not going back there.", "avoid"),
    ("The head rang, and she says Mia is refusing.", "not avoid"),
    # "You know what I mean" is the parent talking, not about themselves.
    ("It's Harvey's dad, he's just not himself today, you know what I mean, just not right.", "caution"),
])
def test_round_59_classes(text, expected):
    """Round 59's classes in words of our own."""
    _expected(text, expected)


@pytest.mark.parametrize("text, expected", [
    # Round 60 (blind707-712): the child's own appointment is the reason beside someone else's...
    ("Leo has the orthodontist at 9 and his sister has the dentist at 9:30, so both will be in by 11.", "ok"),
    ("Leo has the optician at 10. His dad has his own appointment after, so Grandma will bring him in.", "ok"),
    ("Leo is coming with us today because his sister has a hospital appointment in Leeds.", "not ok"),
    # ...a clinician's condition on going back is their advice, not doubt...
    ("Ruby has scarlet fever and the GP said two days on antibiotics before she can go back.", "ok"),
    ("The GP said she could go in but she's still not up to it.", "not ok"),
    # ...and a temperature after what the pharmacist said stands.
    ("The pharmacist said that on its own she'd be fine to go in, but she has a temperature of 39 as well.", "ok"),
    # Doubt: "swears it's", a trip for the sun, a late night and a lie-in.
    ("Harvey is off with a migraine. Well, he swears it's a migraine.", "avoid"),
    ("It's not a holiday, but we're flying to my brother's in Portugal on Thursday so he can get better in the sun.", "avoid"),
    ("We got back from the gig at 1am so I let him have a lie in. He'll be in after lunch.", "avoid"),
    # Someone else's emergency in more words; the child's distress after a separation is the child's.
    ("My wife's in labour, so Zain is at home with his grandad today.", "withheld"),
    ("Their grandad is seriously ill in hospital and we're all going to see him today.", "withheld"),
    ("Things are difficult at home, his dad and I have split up and he is in pieces. He won't be in today.", "caution"),
    # Transport that cannot send a car is the council's.
    ("The council minibus never came and transport say they can't send one until tomorrow.", "ok"),
    # Trouble with other pupils going on now, beside an illness.
    ("She has tonsillitis. Also there's still stuff going on with the girls in her form.", "caution"),
    # "Not so good today" in simple English: the child's vague state.
    ("My son is not so good today, he stay home.", "caution"),
    # The attack on round 59: someone else is never the child...
    ("Sophie's father has covid and she is staying with us", "withheld"),
    ("Yusuf brother have fever so Yusuf stay home", "withheld"),
    ("Lena stay home, sister have temperature", "withheld"),
    ("The brother of Lena has fever so Lena stay home", "withheld"),
    ("Mother is poorly so Lena stay home", "withheld"),
    ("Our cat Whiskers is ill so Tom is off", "withheld"),
    ("Granny Pat has covid so Evie is off", "withheld"),
    ("Grandpa, who lives with us, has flu so Tom is staying home", "withheld"),
    ("Ambulance came for his grandad at 3am so Ali stayed home", "withheld"),
    ("Paramedics came for her mum so Ruby is at home", "withheld"),
    # ...a "who" or "whose" clause keeps the child's own illness and name...
    ("Tom, who was sick twice in the night, is staying home", "ok"),
    ("Evie, whose dad has covid, has a temperature", "ok"),
    ("Tom, whose sister has chickenpox, has it now too", "ok"),
    # ...the child's refusal in dialect and text speak is read...
    ("Tom has tonsillitis and says hell not go back", "avoid"),
    ("tom has a temp n says he aint goin bk", "avoid"),
    ("she has a headache & says she aint goin", "avoid"),
    ("Tom is poorly and says school can do one", "avoid"),
    ("Evie has a cough and is adamant she's staying home", "avoid"),
    # ...doubt in more words...
    ("Tom is staying home, he's pretending to have a headache", "avoid"),
    ("Tom has a cold and is staying home, he perked up the minute the bus went", "avoid"),
    ("Evie is staying home with a sore throat, she seemed fine last night on her phone", "avoid"),
    ("His headache magically disappears at weekends, but he has it today", "avoid"),
    ("Evie claims to have a sore throat and is staying home", "not ok"),
    # ...trips to recover and days given to a child who is well...
    ("Taking Tom to his gran's by the sea to recover from his cold", "avoid"),
    ("Evie is off for a reset day, she is ok", "avoid"),
    ("Tom is taking a me day", "avoid"),
    # ...and the child's own illness after "fine in herself but", or "took badly".
    ("Evie has a cold, she's fine in herself but the cough kept her up all night", "not avoid"),
    ("Isla took badly in the night with her chest, so she's off", "ok"),
    # A year group told by a group chat to stay at home is no closure.
    ("The school says Year 8 to stay home today as the heating is off", "ok"),
])
def test_round_60_classes(text, expected):
    """Round 60's classes and the attack on round 59, in words of our own."""
    _expected(text, expected)


def test_a_relatives_emergency_is_never_worded_as_the_childs_distress():
    """The newcomer on round 59: "ambulance came for his nan in the night and he is shaken up" was worded "Sam is too
    unwell to attend school (shaken up)" and drafted with code I. The emergency is someone else's: no wording."""
    result = check_text("Sam didn't sleep, ambulance came for his nan in the night and he is shaken up")
    assert result.suggestion is None and result.withheld
    assert any(f.rule == "family_illness" for f in result.findings)


def test_the_childs_word_for_a_pain_asks_what_is_wrong():
    """The newcomer on round 59: "told me her head hurts" was stated as "(head hurts)"; now it leaves a gap."""
    result = check_text("She told me this morning her head hurts so she is off")
    assert result.needs_input and "[what is wrong]" in (result.suggestion or "")


@pytest.mark.parametrize("text, expected", [
    # Round 61 (blind713-718): someone else's emergency in more words...
    ("Oskar no come today. His mother have accident at work, we go to hospital.", "withheld"),
    ("Our Kai's dad's been taken into the General with his heart, Kai is with me and really upset, he'll not be in.", "withheld"),
    ("We were in a crash on the motorway last night. Nobody hurt but we're all shaken. Sam won't be in.", "not avoid"),
    # ...current trouble with a pupil or a teacher beside an illness...
    ("Ellie is too anxious to come in, she's been sick. The problem with the girl in her class is still going on.", "caution"),
    ("He has a temperature. He's still getting nasty messages from the boys in his form too.", "caution"),
    ("She has tonsillitis and is still scared of the shouting from her maths teacher, which hasn't stopped.", "caution"),
    # ...shopping, trips beside an illness, sleeping it off...
    ("Taking Zoe into Leeds to shop for her bridesmaid dress today.", "avoid"),
    ("He has a slight cold but we're heading over to see Grandad in Cork for the week anyway.", "avoid"),
    ("She got home from the gig at 1am so she's sleeping it off this morning.", "avoid"),
    ("The new tablets make him drowsy, he's sleeping it off.", "not avoid"),
    # ...the school's own word to stay at home...
    ("The office texted to say Year 9s should stay home today, so Jacob is at home as asked.", "ok"),
    ("Mrs Okafor phoned and said Leo should stay at home today while they look into it.", "ok"),
    # ...the child's word in more forms, and a precaution at home.
    ("Ava says she can feel a migraine coming on.", "caution"),
    ("Noah keeps saying his ear is hurting so he's off.", "caution"),
    ("Noah's been coughing all night so I'm keeping him in as a precaution.", "caution"),
    # The attack on round 60: another first name is another person when the child is named...
    ("Isla is staying home, Finn has a temperature", "withheld"),
    ("Keeping Isla home, Finn was sick all night", "withheld"),
    ("Isla stayed home, Rosie (her sister) has flu", "withheld"),
    ("Finn, who is her brother, has covid so Isla is staying home", "withheld"),
    ("Isla is staying home, her bro has a fever", "withheld"),
    ("Isla is staying home, Abuela is sick", "withheld"),
    ("Isla is staying home to look after her poorly gran", "withheld"),
    ("Isla is staying home because of a family illness", "withheld"),
    ("Isla is staying home, Nan collapsed last night", "withheld"),
    # ...but two children off together, or the one who is fine named first, keep each child's own illness.
    ("Isla and Finn are both off, Finn has a temperature and Isla has been sick", "ok"),
    ("Finn's fine but Isla has a temperature so she's off today.", "ok"),
    ("Isla has a fever. Thanks, Rachel", "ok"),
    # ...the subject carried over a verb-led clause, and the child's name in brackets or with a class.
    ("Isla caught her brother's cold and has a temperature", "ok"),
    ("Isla's little brother had croup and was up all night, she is exhausted and at home today", "not ok"),
    ("Isla (Year 5) is off with a fever", "ok"),
    ("Hoping he's back tomorrow, Finn has tonsillitis", "ok"),
    # ...trips to recover and refusal in more words.
    ("Three days in the Yorkshire Dales to help her anxiety", "avoid"),
    ("She has a cough, we're at the caravan this week", "avoid"),
    ("he aint going back to that school", "avoid"),
    ("School can do one, she's not going", "avoid"),
])
def test_round_61_classes(text, expected):
    """Round 61's classes and the attack on round 60, in words of our own."""
    _expected(text, expected)


def test_another_childs_illness_is_never_worded_for_the_child_named():
    """The attack on round 60: "Mia is staying home because Tom was sick in the night" was worded "Mia is too unwell to
    attend school (was sick)", and the email asked for code I. Tom's illness is Tom's."""
    result = check_text("Mia is staying home because Tom was sick in the night")
    assert result.suggestion is None and result.withheld
    assert any(f.rule == "family_illness" for f in result.findings)


@pytest.mark.parametrize("text, expected", [
    # Round 62 (blind719-724): someone else very ill, or in hospital for an operation...
    ("Their nan in Ireland is seriously ill and we got the call last night. Cara is very upset and won't be in.", "withheld"),
    ("Dear teacher, Adam no school today because his mother in hospital, operation. Thank you.", "not avoid"),
    # ...the school's word on the 48 hours after sickness...
    ("The office rang to say Lily has to be 48 hours clear of sickness, so she is at home today.", "ok"),
    # ...the child's word in more forms, doubt, and a precaution told as not knowing.
    ("Dawid tell me this morning his stomach is hurting, so he stay home.", "caution"),
    ("Of course it's PE today, and Josh has a 'bad ankle'.", "avoid"),
    ("Not sure whether Ava is coming down with something or not. At home today just in case.", "caution"),
    ("Wasn't sure whether to send Leo in, he was coughing at breakfast.", "caution"),
    ("Aye, he's got a cold but he's been saying he's done wi' school.", "avoid"),
    # The attack on round 61: a hospital named after someone, a brother or sister going in, a short form of the name,
    # "now has", and another child's illness caught, are the child's own...
    ("Ava is in St Mary's with a kidney infection", "ok"),
    ("Ava has been admitted to the Queen Elizabeth with appendicitis", "ok"),
    ("Noah's in today, Ava has a temperature", "ok"),
    ("Noah is going to school but Ava has tonsillitis", "ok"),
    ("Ava was playing with Grace yesterday and now has a high temperature", "ok"),
    ("Isabella is off today, Bella has a high temperature", "ok"),
    ("Ava has caught Lily's chickenpox and is covered in spots", "ok"),
    ("Lily's mum brought Ava home early with a temperature", "ok"),
    ("Ava Clarke (Year 7) is off today. Ava has a migraine.", "ok"),
    # ...while another child named on their own is still someone else.
    ("Ava is staying home because Noah was sick in the night", "withheld"),
])
def test_round_62_classes(text, expected):
    """Round 62's classes and the attack on round 61, in words of our own."""
    _expected(text, expected)


@pytest.mark.parametrize("text, expected", [
    # Round 63 (blind725-730): the school's word, not the child's wish...
    ("Noah has been asked to stay at home today while the school looks into what happened.", "not avoid"),
    # ...council transport that did not come, then no other way in...
    ("The council taxi never turned up for Ava this morning and I've no car, so I can't get her there.", "ok"),
    # ...arrangements the school agreed, and a year group sent home, in other words...
    ("As per our flexi-schooling agreement, Ava is at home on Wednesdays.", "ok"),
    ("Noah is on the mornings-only plan agreed at his EHCP review, so he leaves at lunch.", "ok"),
    ("The school texted to say Year 8 should stay at home tomorrow because of the strike.", "ok"),
    # ...where the child is while the parent works, beside an exclusion...
    ("Ava is suspended until Friday; she'll be at her gran's while I'm at work.", "ok"),
    # ...a death in simple English, and "struggling badly" beside a death, are someone else's emergency...
    ("Yesterday my father die in Poland. Ava very sad, she not come today.", "caution"),
    ("Noah's nan passed away on Friday and he's struggling badly, so he won't be in.", "caution"),
    # ...and choice, doubt and a trip in more words.
    ("He says school just isn't for him and he wants to be home-schooled.", "avoid"),
    ("She has a sniffle but she's really not keen because it's swimming today.", "withheld"),
    ("Ava feels sick, or so she says she does.", "withheld"),
    ("I'm not up for another battle at the school gate with him this morning.", "avoid"),
    ("Ava is with her mum this weekend and they won't be back from Devon until Monday afternoon.", "avoid"),
    # Northern "badly" is still an illness on its own.
    ("Our Ava's proper badly today.", "ok"),
    # The attack on round 62: names that share a start, or one inside another, are two children...
    ("Jack is staying home today, Jacob has a high temperature.", "withheld"),
    ("Keeping Leo off today as Leon has been sick.", "withheld"),
    ("Ava is staying home today, Dave has flu.", "withheld"),
    ("Keeping Mia home today, Jemima has a fever.", "withheld"),
    # ...a grown-up's first name is someone else...
    ("Tia won't be in today. Karen has the flu.", "withheld"),
    # ...and "St" before a hospital's name is no one: the illness is Grandad's, and the doctor's word is the child's.
    ("Mia won't be in, Grandad is in St Mary's with pneumonia.", "withheld"),
    ("The doctor at St John's says Mia has scarlet fever.", "ok"),
    ("Jessica is off today, Jess has a high temperature.", "ok"),
    # A town after "in" is no one ("her mum is in hospital in Bristol with a broken leg" was worded as the child's)...
    ("Ava's mum is in hospital in Leeds with a broken leg, so Ava is staying with her aunt.", "withheld"),
    # ...and a member of staff telling the child off, then upset, is trouble with staff given as the cause.
    ("Noah won't be in, Mr Price told him off and he is upset.", "avoid"),
    # blind731-736: the school's site shut or its transport broken down, leave approved on its form, another child's day
    # off, and staying home as instructed are lawful...
    ("The head emailed to say the junior site is shut today, so Ava stayed at home as instructed.", "ok"),
    ("As agreed on the leave of absence form, Noah will be out on Friday for his audition.", "ok"),
    ("The council minibus broke down and nobody came instead, so Ava missed the morning.", "ok"),
    ("Ava is off for Diwali today; her brother at the secondary has the day off too.", "ok"),
    # ...the school asking the parent to keep the child home is not the parent's decision...
    ("Mr Price asked me at pick-up whether I could keep Noah at home tomorrow while they sort things out.", "not ok"),
    ("Mr Price asked me at pick-up whether I could keep Noah at home tomorrow while they sort things out.", "withheld"),
    # ...illness that came back after a good afternoon, and the parent unwell "but that's not why", are the child's...
    ("He was fine by lunchtime yesterday, but it came back in the night and he's been sick twice.", "ok"),
    ("Ava has a temperature of 39. I'm poorly myself too, but that's not why she's off.", "ok"),
    # ...while no childcare, a day to reset, support not provided and a sudden recovery are avoid.
    ("The childminder has let us down again so Noah is with me today.", "avoid"),
    ("Ava's fine really, she could just do with a day to recharge.", "avoid"),
    ("The school still hasn't put in place the support in his plan, so he's at home.", "avoid"),
    ("Noah has a cold but he brightened up the moment he found out it was a day at home.", "withheld"),
    # The attack on round 63: the name whose clause says who is away is the child, the other one's illness theirs...
    ("Josh has been sick all night so Ava is staying home.", "withheld"),
    ("Charlie has flu so Ava is staying off to be safe.", "withheld"),
    # ...another person "is in A&E" is not the child in school as normal...
    ("Ava won't be in. Josh is in A&E with a broken wrist.", "withheld"),
    # ...in a rushed lower-case text too, though not one person's two names...
    ("sorry ava wont be in today, josh has covid", "withheld"),
    ("hi its ama kofi has chicken pox spots everywhere so hes off", "ok"),
    # ...a grown-up's name that is also a word, written with a capital, is someone else...
    ("Ava won't be in, Sue has covid.", "withheld"),
    # ...a death in more simple English is leave, and "asked to stay at home" by a parent is still a choice...
    ("My husband die last week. The children stay home with me.", "caution"),
    ("Ava has been asked to stay at home by her dad.", "avoid"),
    # ...a hospital is not a holiday, an illness while away softens it, and a fight at the gate is not getting in.
    ("Ava won't be back from Alder Hey until Monday.", "not avoid"),
    ("We're not back from Devon until Monday because she has been poorly with a sickness bug.", "caution"),
    ("There was a fight at the school gate yesterday and Ava is frightened to go back.", "not ok"),
    ("Schools not for him.", "avoid"),
    ("Mr Price asked if I'd keep Noah at home today while they sort out what happened.", "caution"),
    # blind737-742: the school's word in more forms is lawful...
    ("Your text said you're closed because of the flooding, so Ava is at home.", "ok"),
    ("The school emailed to say the heating is off in the science block and Year 9 should work from home.", "ok"),
    ("The letter said Year 11 have a study day at home, so Noah is revising at home as instructed.", "ok"),
    ("Noah has been told to stay at home pending the outcome of the investigation, as set out in the formal letter.", "ok"),
    # ...a brother refusing his own school is his, a separate matter; the parent's own appointment in Northern words.
    ("Ava has tonsillitis. Her brother is refusing to go to his school too, but that's a separate matter.", "ok"),
    ("I've got me own appointment at the hospital so Noah's stopping in with his nan.", "avoid"),
    # The attack on round 63b: the one said to be fine or in school is not the child...
    ("Josh is fine and will be in. Ava has a fever so I'm keeping her off.", "ok or caution, worded for Ava"),
    ("Ava's fine and going in, but Poppy's been sick so I'm keeping her home.", "ok or caution, worded for Poppy"),
    # ..."as instructed" by a parent is not the school's word, and a leave form only handed in is not approval.
    ("Ava stayed at home as instructed by her dad.", "not ok"),
    ("Ava is off today as agreed on the leave request form I handed in this morning.", "not ok"),
    # blind743-748: a managed move agreed with both heads, the head's formal word, a letter while an exclusion is
    # reviewed, and the council's transport in more words are the school's or the council's.
    ("Noah's managed move starts on Monday. As agreed with both heads, he won't attend on Friday.", "ok"),
    ("The head formally told us Ava should not attend today while the incident is looked into.", "ok"),
    ("We've had a letter from the head telling us to keep Noah at home while the exclusion is reviewed.", "ok"),
    ("The taxi the council provides for Ava never turned up this morning, so she is at home.", "ok"),
    ("Noah's transport contract has ended and the new taxi won't start until Monday.", "ok"),
    # The attack on round 63d without a child given: "can't get Mia in" is not Mia in school, so Josh's flu is his.
    ("Can't get Ava in, Josh has flu.", "withheld"),
    # blind749-754: agreed reduced hours and mornings only, trouble with a teacher, a tablet all morning, the child's
    # word that it is not the test, a sister's nativity "anyway", perked up then one more day, "see if he fancies it".
    ("As agreed at the meeting with Mrs Patel, Noah is on his reduced hours this week and I'll collect him at 12.", "ok"),
    ("As the SENCo set out in the plan we agreed, Ava is on mornings only this half term.", "ok"),
    ("Ava won't be in as she isn't coping with Miss Bradley after their row.", "avoid"),
    ("Noah is a bit under the weather, though he's been fine playing on his Xbox all morning.", "withheld"),
    # (The attack on round 63e: beside an illness still there, a caution with nothing worded, never avoid.)
    ("Noah's been fine playing on his games but was sick again at lunchtime.", "caution"),
    ("Ava perked up this morning but her temperature is back so one more day at home.", "ok"),
    ("Ava is off sick with a temperature, so she'll miss her sister's nativity anyway.", "caution"),
    ("I've got me own appointment at the hospital but Noah's dad is taking him in.", "not avoid"),
    ("After what Jessica said on Friday Ava is too upset to come in.", "ok or caution, worded for Ava"),
    ("Noah has a temperature of 39. He swears it's not because of the spelling test.", "ok"),
    ("Ava is still a bit tired and her brother's nativity is this afternoon anyway, so she's at home.", "avoid"),
    ("Ava was off colour yesterday but she's perked up this morning. I'll give her one more day at home.", "withheld"),
    ("Ava is fine now, she's perked up this morning. I'll give her one more day at home.", "avoid"),
    ("Noah had a bad night so I'll see if he fancies coming in later.", "withheld"),
    ("Will be off today with a temperature, sorry. Sarah", "ok"),
    # blind755-760: an illness that came back, another child's exclusion "but that's separate", mornings only agreed.
    ("Ava's tummy bug came back overnight. She seemed fine by lunchtime yesterday but she's been sick twice.", "ok"),
    ("Noah's sister was excluded yesterday, but that's separate. Noah has a dental appointment at 10.", "ok"),
    ("As agreed at the EHCP annual review, Ava attends mornings only this half term.", "ok"),
    # The attack on round 63d without a child given: the one kept home or not got in is the child, the other one ill.
    ("Josh has a fever so I'm keeping Ava home.", "withheld"),
    ("Grace has chickenpox so I'm keeping Noah home.", "withheld"),
    ("Ava has flu, I'm keeping her home.", "caution"),
])
def test_round_63_classes(text, expected):
    """Round 63's classes, in words of our own."""
    _expected(text, expected)


@pytest.mark.parametrize("text, child, verdict, rule", [
    # The child the absence is logged for, when the caller knows it (add-absence, edit, draft): another child's
    # illness is theirs, named with the child or as the subject...
    ("Josh has been sick all night so Mia is staying home.", "Mia Clarke", "caution", "family_illness"),
    ("Tom has a fever.", "Mia", "caution", "family_illness"),
    # ...a short form of the child's name, or the child named, is the child.
    ("Ollie has a temperature.", "Oliver Smith", "ok", None),
    ("Tom has a temperature.", "Thomas", "ok", None),
    ("Bella has a fever.", "Isabella", "ok", None),
    ("Mia has a fever.", "Mia Clarke", "ok", None),
    ("She has a fever, so she's off today.", "Mia", "ok", None),
    # The attack on round 63: the child written as "she", in lower case, or in a pair of names that only share a
    # start, with someone else's illness beside...
    ("She won't be in today, Tom has a fever.", "Mia", "caution", "family_illness"),
    ("josh has been sick all night so mia is staying home", "Mia", "caution", "family_illness"),
    ("Willow has chickenpox so Will is staying home.", "Will Brooks", "caution", "family_illness"),
    # (Round 125: a second child home "too" because of the first is the family's, avoid, as "her brother is ill so she
    # is off too" always was.)
    ("Jackson has a temperature so Jack is at home too.", "Jack", "avoid", "second_child_home"),
    ("Ollie has a fever so Olivia is home.", "Olivia", "caution", "family_illness"),
    # The attack on round 63b: the logged child said to be fine, a brother by the family's surname...
    ("Mia is fine. Josh has a fever so I'm keeping him off.", "Mia Clarke", "caution", "family_illness"),
    ("Will Jones has a fever so I'm keeping him off.", "Ruby-Mae Jones", "caution", "family_illness"),
    # ...and the child's own name with a hyphen, an accent or a usual short form.
    ("Ruby-Mae has a fever and won't be in.", "Ruby Mae Smith", "ok", None),
    ("Zoe has been sick all night.", "Zoë Smith", "ok", None),
    ("Grace has been sick all night.", "Gracie Adeyemi", "ok", None),
    # The newcomer on round 63c: with the child named, another name as a clause's subject is someone else, known name
    # or not, and a sibling's word-like name in lower case too; a nickname alone is still the child.
    ("Rubes has a temperature and Ruby-Mae is fine.", "Ruby-Mae Jones", "caution", "family_illness"),
    ("will has a fever so ruby-mae is staying home", "Ruby-Mae Jones", "caution", "family_illness"),
    ("Rubes has a temperature.", "Ruby-Mae Jones", "ok", None),
    ("Ruby-Mae has been on Teams all week and has a fever.", "Ruby-Mae Jones", "ok", None),
    # The attack on round 63d: a full stop or comma between two names makes two people...
    ("I can't bring Mia. Josh has a temperature of 40 and I can't leave him.", "Mia Clarke", "caution", "family_illness"),
    ("Amelia has flu so Mia is staying home.", "Mia Clarke", "caution", "family_illness"),
    # ...a word opening a sentence, or a nickname after "aka", is not another person...
    ("Mia won't be in. Throat is red raw, think it's tonsillitis.", "Mia Clarke", "ok", None),
    ("Mia is off. Pharmacist has confirmed it's conjunctivitis.", "Mia Clarke", "ok", None),
    ("Mia won't be in today. Mimi has been sick all night.", "Mia Clarke", "ok", None),
    ("Mia aka Mimi has a fever.", "Mia Clarke", "ok", None),
    # ...the child's illness shared with a brother's is the child's too, and one name in other spellings is one child.
    ("Josh has flu and so does Mia.", "Mia Clarke", "ok", None),
    ("Josh has been sick. Mia too.", "Mia Clarke", "ok", None),
    ("Muhammad has been sick all night.", "Mohammed Ali", "ok", None),
    ("Leila has a high temperature.", "Layla Khan", "ok", None),
    # ...and nicknames from the list.
    ("Tilly has a chest infection.", "Matilda Jones", "ok", None),
    ("Izzy has a fever.", "Elizabeth", "ok", None),
    # (Not "Mia" for Amelia: a sister called Mia is likelier than the nickname; the attack on round 63d.)
    ("Mia has a fever.", "Amelia", "caution", "family_illness"),
    # The newcomer on round 64: a brother's or sister's refusal, by name, is theirs ([health] stance_rules).
    ("Ruby is refusing to go in today.", "Sam Jones", "caution", "no_illness_named"),
])
def test_the_logged_childs_name_decides_whose_illness_it_is(text, child, verdict, rule):
    result = check_text(text, child=child)
    assert result.verdict == verdict and (rule is None or rule in [f.rule for f in result.findings]), result
    if rule:
        assert result.suggestion is None


@pytest.mark.parametrize("text, expected", [
    # Round 64 (blind761-766): someone else's emergency or loss is a caution, the second reading does not make it a
    # choice, and the child "with me" is where the child is, not the parent in no state...
    ("Our Kacey stay home today because her grandad die yesterday and the funeral is Friday.", "caution"),
    ("Joel's big brother is in hospital with sepsis and we are all with him, so Joel is off.", "caution"),
    ("His gran collapsed last night so Ben has had to come with me to A&E.", "caution"),
    ("Her dad has been arrested and she is with me now and in no state for school.", "caution"),
    ("I had a fall and there was nobody to have him, so he was at the hospital with me until late. He's shattered.", "avoid"),
    # ...leave the head gave, the council's transport contract ended, and the school's letter keeping a class at home
    # are lawful in other words...
    ("The head has given Zak leave for his uncle's funeral in Karachi, so he is away until the 20th as agreed.", "ok"),
    ("The minibus contract for Ellis ran out on Friday and the council haven't replaced it, so there's no transport.", "ok"),
    ("The school letter said pupils in 7K must stay at home tomorrow because the roof is leaking, so Amy will be home.", "ok"),
    # ...and not going into one teacher's lessons, letting the child sleep in, the whole house worn out by the baby, a
    # child "known to put it on", and "fine by lunch; we're off to..." are not illness.
    ("Callum won't go into Mrs Price's lessons after she shouted at him, so he'll come in after period 3.", "avoid"),
    ("She had a restless night so I let her sleep in; she'll be in for the afternoon.", "avoid"),
    ("The baby screamed for hours so none of us are functioning, Jack will be in tomorrow.", "avoid"),
    ("Freya has a headache but she has been known to put it on.", "avoid"),
    ("Tom has a sniffle but he'll be fine by lunch; we're going to the coast anyway so he's coming.", "avoid"),
    ("Freya has a high temperature and is not known to make a fuss.", "ok"),
    # The newcomer on round 64: a whole class or year group sent home by the school, and council transport that failed,
    # are lawful; the child alone told to stay at home is still the school's informal request, a caution.
    ("The school told Sam's class to stay at home today.", "ok"),
    ("The head told us Sam's year group must stay at home today.", "ok"),
    ("The council transport failed again so Sam is stuck at home.", "ok"),
    ("The school told Sam to stay at home today.", "caution"),
    # The attack on round 64: leave refused, or given for something else or last time, is no leave for this; a school's
    # rule for ill children is not the school keeping this one home; an illness that "tends to play up", fine by lunch
    # "we're going to the GP", and "known to put it on but today she really has" stand; "with me too unwell to take her
    # in" is the parent.
    ("The head gave no permission but we're taking Lily to Florida for two weeks anyway.", "avoid"),
    ("You gave her permission last time, so I assume it's fine, we're going to Cornwall for the week.", "avoid"),
    ("The school gave us permission to collect her early on Friday, but we're flying to Dubai on Thursday.", "avoid"),
    ("The school's email said children who are ill should stay home, so he's staying home because he doesn't fancy it.",
     "avoid"),
    ("His asthma tends to play up in the cold and he's been wheezing all night.", "ok"),
    ("Isaac has a high temperature; he should be fine by lunchtime, we're going to the GP at 9.", "ok"),
    ("Mia has been known to put it on but today she really has a migraine.", "not avoid"),
    ("She is with me too unwell to take her in.", "avoid"),
])
def test_round_64_classes(text, expected):
    """Round 64's classes in words of our own."""
    _expected(text, expected)


def test_fine_now_then_a_sleep_in_is_never_worded_as_illness():
    # The newcomer on round 64: "he's fine now but I've let him sleep in" was given "Sam is too unwell to attend school
    # (was sick)", against the parent's own words. Still ill and sleeping in is the table's caution, worded as the illness.
    result = check_text("Sam was sick in the night, he's fine now but I've let him sleep in.")
    assert result.verdict == "avoid" and result.suggestion is None and result.withheld
    still = check_text("Oscar has a temperature so we've let him sleep in this morning.")
    assert still.verdict == "caution" and "temperature" in still.suggestion


def test_the_logged_childs_own_refusal_is_still_theirs():
    # The attack on it: where anything in the text is the child, a refusal near another child's name is still read.
    for text in ("Sam is refusing to go in today.", "He is refusing to go in today.", "Ruby and Sam are both refusing.",
                 "Sam, like Ruby, is refusing to go in today.", "Ruby refuses. So does he.",
                 "Ruby is refusing; my son is too.", "Ruby won't go, and neither will Sam."):
        result = check_text(text, child="Sam Jones")
        assert result.verdict == "avoid" and {"refusal", "will_not_go"} & {f.rule for f in result.findings}, text
    assert check_text("Ruby is refusing to go in today.").verdict == "avoid"  # no child given: as before


@pytest.mark.parametrize("text, expected", [
    # Round 65 (blind767-772): the formal "will not attend" after what keeps the child out is the absence stated...
    ("My son Ravi has an MRI scan at the Royal today and will not attend.", "ok"),
    ("Further to the exclusion letter of 2nd May, Kai will not attend until the review meeting.", "not avoid"),
    ("He will not attend. That's it.", "avoid"),
    # ...the child's own "I" in a quotation is the child, and a positive test or "so has she" is the child's illness...
    ("Ella told me 'I think I'm going to be sick' and then she was, twice.", "ok"),
    ("Leo said \"I've got a really bad headache\" so he's at home.", "not avoid"),
    ("My partner has flu and Ella has tested positive as well, so she is off this week.", "ok"),
    ("I've got covid and so has Ella, so she's off.", "ok"),
    ("My mum said 'I feel awful' so Ella is off to help.", "not ok"),
    # ...a brother named by the child's name in brackets is the brother...
    ("Alfie (Ella's brother) has chickenpox so I'm keeping Ella home.", "avoid"),
    # ...and where the child is staying is not whose the illness is, unless the text says it is theirs.
    ("Ava is at her gran's with a high temperature, so she won't be in.", "ok"),
    ("Ava is at her dad's, he has covid.", "not ok"),
    ("Ava is at her dad's with his flu.", "not ok"),
    # ...a part of the body and how it is names a symptom, in Scots too...
    ("Ella's head is pounding and she can't lift it off the pillow.", "ok"),
    ("Ella's heid's thumpin, she'll no be in.", "ok"),
    # ...doubt in other words: "supposedly" after the illness, the parent not thinking the child ill, fine now then a
    # sleep-in or a day to reset...
    ("Ella has a headache, supposedly. She's at home.", "avoid"),
    ("I don't think he's poorly to be honest but he's stopping home anyway.", "avoid"),
    ("Ella is fine now, she was up coughing, so I've let her have a lie in.", "avoid"),
    ("He's right as rain now but one more day at home will help him recharge.", "avoid"),
    ("Ella was off all last week with tonsillitis, I'm keeping her home one more day to be on the safe side.", "caution"),
    # ...a late night back from a parent's and too tired, as far as the gate and back, other children taking his things,
    # and not walking them in the rain are not illness; an exam out of school is the head's leave to ask for...
    ("We didn't get in from his mum's till 2am so he was too shattered to get up.", "avoid"),
    ("We didn't get home from his nan's till midnight because the train was cancelled, so he's wiped out.", "not avoid"),
    ("Ella has her grade 3 violin exam at 10 so she'll be in after lunch.", "caution"),
    ("The head agreed Ella can go to her swimming gala, so she won't be in Friday.", "not avoid"),
    ("He got to the school gates and ran home again.", "avoid"),
    ("Some older boys keep nicking his dinner money so he's home today.", "avoid"),
    ("The car's died and I'm not walking them two miles in this rain, so they're home.", "avoid"),
    # ...and the school keeping the child out in other words is the school's decision, to get in writing; the school
    # closed to the year or the council's escort off is lawful.
    ("The school asked us to collect him at 11.30 every day until they find a TA.", "ok"),
    ("We're keeping her at home because the head said they'd rather she didn't come in until the meeting.", "caution"),
    ("Her form tutor told Ella she didn't need to come in for the last day as it's only films.", "caution"),
    ("He was sent home and we were told not to bring him back until we hear from school.", "caution"),
    ("The letter said Year 10 will not be taught on site on Thursday, so Ella is home.", "ok"),
    ("The transport office rang: his escort is off sick and there's no replacement, so he can't get to school.", "ok"),
])
def test_round_65_classes(text, expected):
    """Round 65's classes in words of our own."""
    _expected(text, expected)


def test_fine_now_is_never_worded_as_illness_however_many_words_between():
    # blind772: "Phoebe seems fine now but she was coughing all night, so I've let her sleep in" was given "Phoebe is too
    # unwell to attend school (coughing)", against the parent's own words.
    for text in ("Ella seems fine now but she was coughing all night, so I've let her sleep in.",
                 "Ella's fine now but she was sick in the night so I've let her sleep in."):
        assert _withheld(text).verdict == "avoid", text


def test_round_65_newcomer_finds():
    _each(_expected, [
    # The newcomer on round 65: staff at the start of a message are not the child; the council's escort off sick is not
    # the child's illness; the child's quoted words about feeling ill are asked about, not stated...
    ("Staff said he didn't need to come in today.", "caution"),
    ("The escort from the council is ill and they haven't sent a replacement, so Ben can't get to school.", "ok"),
    ("Ben told me 'my ear really hurts' so he's staying home.", "caution"),
    ('Ben said "mum my head hurts" this morning.', "caution"),
    # ...fine now then a lie-in in more words, and one more day to be safe after an illness named before...
    ("Ben was poorly yesterday but he's fine now so he's having a lie-in.", "avoid"),
    ("He's better now so he's sleeping in.", "avoid"),
    ("Ben had a fever on Monday, so one more day at home to be on the safe side.", "caution"),
    # ...a brother named in brackets as "big bro", an event for the county, and the school's "rather she didn't".
    ("Leo (Ben's big bro) has been sick all night so Ben is home.", "avoid"),
    ("Ben has a tennis tournament for the county today.", "caution"),
    ("Ben has a football match at school today so he'll be in late.", "not ok"),
    ("School would rather he didn't come in until the risk assessment is done.", "caution"),
    ])


def test_the_childs_quoted_words_are_never_stated_as_the_illness():
    # 'Sam told me "I've got a banging headache"' was worded "(headache)": the child's word for it leaves the gap.
    for text in ('Ben told me "I\'ve got a banging headache" so I\'ve kept him off.', 'he said "my head hurts and I feel sick"'):
        result = check_text(text)
        assert result.verdict == "caution" and "[what is wrong]" in result.suggestion, (text, result.suggestion)
    # The escort's sickness is never worded as the child's.
    result = check_text("the escort from the council is off sick and they havent sent anyone else")
    assert result.verdict == "ok" and result.suggestion is None


def test_round_65_attack_finds():
    _each(_expected, [
    # The attack on round 65: a quotation is the child's only when the child says it; a husband's, a nan's, a teacher's,
    # or words said to the parent ("Mum, you look awful") stay theirs...
    ("My partner got in from work. He said 'I feel dreadful' so Ella is staying home to help.", "withheld"),
    ("Ella's coach said 'I've got flu' so there's no training and Ella is home.", "withheld"),
    ("Ella said 'Mum, you look terrible' and I am, I've got covid so she's home with me.", "withheld"),
    ("Ella said 'Dad has been sick all night and I'm helping' so she's home.", "avoid"),
    # ...a brother or sister in brackets after the child's own name describes the child...
    ("Ella (Leo's sister) has tonsillitis so she is off.", "ok"),
    # ..."and so has" counts only after an illness, and not a parent's; a test for head lice is not illness...
    ("I'm sick of that school and so is Ella, so she's at home.", "avoid"),
    ("I've got flu and so has my husband, so Ella is home.", "withheld"),
    ("Ella tested positive for nits so she's at home.", "not ok"),
    # ...the head teacher is not a head; "fine now" is the child's, not the parent's or a rash...
    ("The new head is not good and Ella can't stand her, so she's home.", "not ok"),
    ("I'm fine now but Ella was up being sick all night so I've let her sleep in.", "not ok"),
    ("He says he's fine now but he's been sick three times this morning so I've let him lie in.", "not avoid"),
    # ..."supposedly" of someone else, home late after a bereavement or an emergency, a match or exam in the past or at
    # school, the gate and a collapse, lunch carried for him, and "will not attend" since an exclusion.
    ("Ella has flu; her dad, who was due to have her, is ill too, supposedly.", "not avoid"),
    ("We didn't get back until 1am because my mum died last night, and Ella is exhausted and heartbroken.", "not avoid"),
    ("He hurt his knee in the football match yesterday and is on crutches; he'll be late after the physio.", "not avoid"),
    ("He got to the gate and fainted, so we came home and rang 111.", "ok"),
    ("The other children are taking his lunch to the hall for him as he's on crutches.", "not avoid"),
    ("Ever since the exclusion Kai will not attend.", "avoid"),
    ])


def test_quoted_texts_stay_quick():
    # The attack on round 65: each quotation looked for its speaker through the quotation before it, so a 777-character
    # conversation took 23 s. Now it is looked up once, without nesting.
    import time

    chat = ("At 6 she said 'Mum, I feel sick' and I said 'I know, I'll get a bowl'. " * 300)[:20000]
    start = time.process_time()
    check_text(chat)
    assert time.process_time() - start < 3


def test_round_66_and_the_second_attack():
    _each(_expected, [
    # The second attack on round 65: where the child is staying is theirs only for the child's own illness...
    ("My wife is at her mum's with a temperature so I've kept Ava off today.", "withheld"),
    ("Ava is at her grandad's with pneumonia and he can't bring her in.", "withheld"),
    # ...a bracket that is a clause of its own keeps its own subject...
    ("Ava (her brother Leo has chickenpox) - I've kept her at home today.", "withheld"),
    # ...a quotation with the speaker named after it is not the child's, nor a reading that is normal...
    ("She said 'I'm not well' - that's my mum, who does the school run - so Ava can't get in.", "withheld"),
    # ...a clinician's advice, a sofa and a bucket, a class's bug, a bereavement and "ill enough" are not doubt...
    ("Leo had a seizure yesterday. He seems fine now but is sleeping in as the consultant advised.", "not avoid"),
    ("Leo was sick all night. He's a little better now but he's lying on the sofa with a bucket.", "ok"),
    ("Half his class is off with a bug, supposedly, and now Leo has been sick twice.", "not avoid"),
    ("I don't think he's ill enough for the GP but he's staying home anyway.", "not avoid"),
    # ...and a refusal after an exclusion the child fears, or one overturned, is still a refusal; grandparents' wishes are
    # not the school's.
    ("He is frightened of another exclusion and will not attend.", "avoid"),
    ("My parents said they would rather she didn't go to school while they're staying.", "avoid"),
    # Round 66 (blind773-778): red hot is a fever; the GP's words quoted; a meltdown before school; the years closed in
    # other words; the unit's timetable; always fine by lunchtime; better today then a lazy morning; the same every
    # Monday; everyone shattered after a bad night with the baby; staying on at a relative's; the school suggesting a
    # quiet day.
    ("Ava's red hot and full of cold, she's stopping off today.", "not avoid"),
    ("The GP said, and I quote, 'keep her off until the antibiotics have had 48 hours'.", "ok"),
    ("Ava had a meltdown before school and couldn't regulate for hours, she won't make it in.", "caution"),
    ("Following the email about years 10-11 being closed, Ava is at home.", "ok"),
    ("Sam is at the PRU on Mondays as agreed in the timetable with the council.", "ok"),
    ("Sam is always fine by dinner time when he's off, so I doubt he's poorly today.", "avoid"),
    ("He was poorly yesterday; he's much better today but we're having a lazy day to be sure.", "avoid"),
    ("She says her head hurts, but honestly it's the same every Monday.", "avoid"),
    ("Bad night with the baby and everyone's exhausted, Sam will be in after lunch.", "avoid"),
    ("Diwali was yesterday and we're staying on at his uncle's until Thursday.", "avoid"),
    ("Her tutor rang and said she could do with a quiet day at home after yesterday's upset.", "caution"),
    ])


def test_round_66_attack_finds():
    _each(_expected, [
    # The attack on round 66: "red hot" is a fever only of the child's body, never a hot house or good form...
    ("The classroom was red hot yesterday so Sam is staying home today.", "not ok"),
    ("Sam's been red hot in training so he's got the county trial today instead of school.", "not ok"),
    # ...doubt words never override an illness named today, anxiety, a diagnosis or the GP's view...
    ("Sam's always fine by tea time but this morning he was sick twice.", "ok"),
    ("She says her tummy hurts, it's the same every Monday since the bullying started and the GP thinks it's anxiety.",
     "not avoid"),
    # ...everyone shattered after a death or a birth, and staying on because the car broke down, are cautions...
    ("Sam's nan passed away last night and everyone is shattered.", "not avoid"),
    ("The car broke down so we're staying on at his nan's for another night.", "not avoid"),
    # ...a longer bracket after the child's name still describes the child, and "still at her nan's" is where she is.
    ("Mia (Josh's sister, Year 6) has flu.", "ok"),
    ("Isla is still at her nan's with a stomach bug.", "ok"),
    ("Isla is at her dad's with flu, he has been really poorly.", "not ok"),
    ])


def test_round_66_newcomer_finds():
    _each(_expected, [
    # The newcomer on round 66: a sister between commas after the child's name is the child; everyone shattered after a
    # death is grief; "better today" with an illness still there is not doubt; always grand by dinner time is; the head of
    # year's words quoted are the school's.
    ("Josh, Mia's brother, has flu so Mia is home.", "avoid"),
    ("Everyone's shattered after my dad died last night so Jo is off.", "not avoid"),
    ("Mia is much better today but still has tonsillitis and a temperature, so a lazy morning.", "not avoid"),
    ("She's allways grand by dinner time, keeping her off this morn.", "withheld"),
    ("Her head of year told me Isla 'could do with a quiet day at home' after yesterday.", "caution"),
    ])


def test_a_sister_between_commas_after_the_logged_childs_name_is_the_child():
    result = check_text("Mia, Josh's wee sister, has flu and a cough.", child="Mia Lee")
    assert result.verdict == "ok", [(f.rule, f.severity) for f in result.findings]


def test_the_logged_childs_name_typed_in_lower_case_is_written_as_the_log_has_it():
    # The newcomer on round 66: with --child Jo, 'jo sed "my belly is killin me"' was offered "jo is too unwell".
    result = check_text("jo sed 'my belly is killin me' n she wont go in", child="Jo Smith")
    assert result.suggestion and result.suggestion.startswith("Jo "), result.suggestion
    hyphenated = check_text("Ruby-Mae is poorly with a temp", child="Ruby-Mae Jones").suggestion
    assert not hyphenated or hyphenated.startswith("Ruby-Mae ")


def test_staying_at_her_nanas_in_scots_is_where_the_child_is():
    # The newcomer on round 66: "isla's stoppin at her nana's wi a temp" was read as the nana's temperature.
    result = check_text("isla's stoppin at her nana's wi a temp n a sore throat", child="Isla Gray")
    assert result.verdict == "ok", [(f.rule, f.severity) for f in result.findings]


def test_round_67_classes():
    _each(_expected, [
    # Round 67 (blind779-784): someone else's emergency stays a caution however it is put...
    ("Hi, my wife is in hospital and I have to be with her, so Omar won't be in today.", "caution"),
    ("Our nan is seriously ill in hospital in Lagos and we fly out tonight.", "caution"),
    ("We're at the hospital with her little sister, she was admitted overnight.", "caution"),
    ("Dev's dad is having an emergency operation so we'll all be at the hospital today.", "caution"),
    ("Ben is fine himself but his mum was rushed to A&E last night, so he's off today.", "caution"),
    # ...the child's word for a pain, in more words, or with no sign the parent could find, is asked about...
    ("Aria says her head really hurts this morning, so she's at home.", "caution"),
    ("Theo complained of earache at breakfast, so he's off today.", "caution"),
    ("Nia says she feels dizzy. I've checked and she hasn't got a temperature.", "caution"),
    # ...better now or fine by the afternoon, then kept at home, and "only ever on school days", are doubt...
    ("Rosie had a cold last week. She's fine now, but we're keeping her off till Wednesday.", "withheld"),
    ("He was okay by teatime but we've kept him off the rest of the week anyway.", "withheld"),
    ("Her tummy ache only ever seems to happen on school days.", "avoid"),
    ("Lily has a bit of a sniffle, but really she's off because she's frightened of the new teacher.", "withheld"),
    ("Sam's a bit chesty but nothing he can't handle. My car is in the garage.", "withheld"),
    # ...the school saying the child is better at home is the school's, a family move or a concert the night before is not
    # illness, a condition on the school is a protest, and the county's bus that did not come is lawful...
    ("The SENCo said it would be best if Kai stays at home until his new support is set up.", "caution"),
    ("Her form tutor told me she might be better off at home this week.", "caution"),
    ("Jade's helping me with the house move today, so she won't be in.", "withheld"),
    ("Tom was at a gig last night and won't be up to school today.", "withheld"),
    ("Kyra won't be back until her needs are properly met.", "avoid"),
    ("The county council bus hasn't turned up again, so Evie is at home.", "ok"),
    # ...and a flooded house, or a child adamant a pain is real, are not an excuse or a refusal.
    ("The house flooded last night and his uniform is soaked, so Leo is off today.", "not avoid"),
    ("Cole says his ear is killing him. No temperature, but he's adamant, so he's in bed.", "not avoid"),
    # Not every "thought it best" is the school's: the parent's own thought stays theirs.
    ("School has been awful so I thought she could do with a quiet day at home.", "not caution"),
    ])


def test_a_past_day_dates_the_absence_only_when_no_other_day_does():
    # Round 67: "off last week ... home today" was worded "was too unwell to attend school last week".
    assert "today" in check_text("Ivy was off last week. She says her tummy hurts, so she's home today.").suggestion
    assert "yesterday" in check_text("Tom was kept off yesterday with a cough.").suggestion


def test_a_guess_between_two_causes_is_never_worded_as_the_illness():
    # Round 67: "I can't tell if it's the same worry as last week or a bug" was worded "(bug)".
    result = check_text("Ivy says her tummy hurts and I can't tell if it's nerves or a bug, so she's home today.")
    assert result.suggestion and "bug" not in result.suggestion and "[what is wrong]" in result.suggestion


def test_round_67_attack_and_newcomer_finds():
    _each(_expected, [
    # The attack on round 67: the child's own hospital stay is the child's, however the sentence starts...
    ("Her dad and I are with her: Ella is in hospital and we are staying with her until she is discharged.", "ok"),
    # ...a relative's pain is never the child's, and a guess is never worded...
    ("Her nan is poorly, she says her back really hurts, so Mia is off today.", "not avoid"),
    ("Ivy complained of a headache, I think it's a virus.", "not ok"),
    # ...a real illness after "really she's off because" is the reason, and anxiety explained is not doubt...
    ("The school think it's nerves but really she's off because she has tonsillitis.", "ok"),
    ("Lily was sick this morning. It only happens on school days, she is so anxious about going.", "not avoid"),
    ("The panic attacks only ever happen on school mornings, which is why CAMHS think it is anxiety.", "not avoid"),
    # ...a school's rule after an illness, or a cold beside a chest gone bad, is not doubt...
    ("Noah had diarrhoea all night. He's better now but he's off until Thursday, school policy is two clear days.", "not avoid"),
    ("Zara has a cold, nothing she can't handle normally, but her asthma has flared and she is wheezing badly.", "ok"),
    # ...the school's or a paediatrician's arrangement is not the parent's protest...
    ("The school has agreed she can stay at home until her needs are met by the new provision.", "not avoid"),
    ("School have asked us to keep him at home until they have a one to one in place.", "caution"),
    # ...signs the parent saw are signs, and the parent's own call to school is not the school's idea...
    ("Ivy complained of tummy ache all night and was sick twice.", "ok"),
    ("Ben says he feels dizzy and he doesn't have a temperature, but he fainted in the kitchen this morning.", "ok"),
    ("I rang the school this morning and said it's best she stays home as she is exhausted after a bad night.",
     "not ok"),
    ("The SENCo rang and said Bella might be better staying home tomorrow while her 1:1 is off.", "caution"),
    # ...perked up or fine yesterday, then kept off anyway, is doubt; a relative helping is not the child helping.
    ("She perked up by lunchtime but I kept her off anyway.", "withheld"),
    ("Millie was sick on Sunday, she was fine yesterday but I've kept her off today as well.", "withheld"),
    ("Tom is off sick with a temperature of 39, his dad is helping me with the move today.", "ok"),
    ("She had an asthma attack at the wedding yesterday and won't be up to school today.", "ok"),
    # The newcomer on round 67: a grave illness abroad and the flight tonight is an emergency, not a visit...
    ("Theo's grandpa is really poorly in hospital in Lagos and we are flying out tonight.", "caution"),
    ("Sam's grandmother is dying in hospital in India and we fly out tomorrow so he can say goodbye.", "caution"),
    ("Her head of year suggested she stay home this week until things with the other girls are sorted.", "caution"),
    # ...back to normal then kept home is doubt, and a recurring migraine named is not.
    ("He's back to his normal self now but we'll keep him home until Monday.", "withheld"),
    ("She's never ill at weekends, only on school mornings.", "avoid"),
    ("Same as last Thursday, Isla has another migraine.", "ok"),
    ("she wont be in til her needs r met", "avoid"),
    ])


@pytest.mark.parametrize("text", [
    "Isla says she feels sick, I've taken her temperature and it's normal but I'm keeping her home.",
    "Isla's temperature has gone now but we're keeping her off till after the weekend to be sure.",
    "he says he's got a really bad headache",
    "Not sure if it's a migraine or just the stress of exams, he's in bed.",
    "Ivy says her tummy really hurts, probably a bug.",
])
def test_a_temperature_found_normal_or_a_guess_is_never_worded_as_the_illness(text):
    # The newcomer and the attacker on round 67: these were worded "(temperature)", "(headache)", "(stress)", "(bug)".
    suggestion = check_text(text).suggestion or ""
    assert not any(word in suggestion for word in ("temperature", "headache", "stress", "migraine", "bug")), suggestion


def test_the_day_of_the_absence_is_not_a_future_day_or_the_day_of_what_happened():
    # The attack and the newcomer on round 67.
    assert "yesterday" in check_text("I kept Maya home yesterday with a sore tummy, not sure what it is. "
                                     "She has PE on Friday.").suggestion
    assert "Monday" not in (check_text("Isla was bullied on Monday and now she won't go in.").suggestion or "")


@pytest.mark.parametrize("text", [
    "My daughter Isla has a really sore tummy she says, so we've kept her home.",
    "Our Isla is refusing today as she's got a banging headache she says.",
    "Isla is refusing to go in, her tummy hurts she says.",
])
def test_the_childs_word_given_after_the_symptom_is_asked_about(text):
    # The newcomer on round 67: these were worded "(sore tummy)", "(headache)", "(tummy hurts)".
    suggestion = check_text(text).suggestion
    assert suggestion and "[what is wrong]" in suggestion and "tummy" not in suggestion, suggestion


def test_round_68_classes():
    _each(_expected, [
    # Round 68 (blind785-790): "that's not why she's off" puts a visit aside; a plan's part-time timetable is lawful...
    ("Her nan is visiting from Cardiff but that's not why she's off: she has tonsillitis.", "ok"),
    ("As agreed in her support plan, Ruby does afternoons only until half term.", "ok"),
    # ...the doctor by name quoted is advice; a relative's chemo, and the child upset by a brother's exclusion, are
    # cautions...
    ("Dr Patel said 'keep him off until the rash has crusted over', so Leo is at home.", "ok"),
    ("Ollie's twin has been excluded for the week and Ollie is so upset about it he hasn't slept.", "caution"),
    ("Cal says his tummy hurts. He swears it's real and I can't tell.", "caution"),
    ("His teacher said it would be easier if we kept Arlo at home on sports day.", "caution"),
    ("Arlo's still a bit wheezy so we've kept him off.", "caution"),
    ("His sister is wheezy so I've kept Arlo off.", "avoid"),
    # ...and fine by lunchtime most days, right as rain now, "or at least she says so", tested negative and fine in
    # herself, not ill as such, letting her catch up on sleep, and "mainly a rough night" are not illness.
    ("Honestly she's usually fine by lunchtime, she just hates mornings.", "withheld"),
    ("He was sick once but he's right as rain now, I thought a day off wouldn't hurt.", "withheld"),
    ("Ellie was sick, or at least she says she was, and she seems fine now.", "withheld"),
    ("Dad and I have flu. Maisie tested negative and is fine in herself.", "withheld"),
    ("Not ill as such, just not up to it today.", "withheld"),
    ("The neighbours' party kept us up, so I'm letting her catch up on sleep this morning.", "avoid"),
    ("Jo has a bit of a sniffle but mainly she's had a late night, so we're taking it easy.", "withheld"),
    ])


def test_the_second_attack_on_round_67():
    _each(_expected, [
    # The second attack on round 67: a diagnosis the parent names stays theirs beside the child's words...
    ("Sam has gastroenteritis and has complained of tummy ache all night, so he's off today.", "ok"),
    ("Sam is off today with a migraine. He says his head is pounding; no temperature.", "ok"),
    # ...a surgeon's or dentist's instruction, getting worse in between, or a doctor's view of a pattern, is not doubt...
    ("Sam had his tonsils out on Monday. He's ok now but we're keeping him off until Monday as the surgeon told us.", "ok"),
    ("Sam seemed better by lunchtime, but then he was sick again at 3pm, so we kept him home anyway.", "not avoid"),
    ("Sam's migraines only come on before test days, his neurologist says it's stress related.", "not avoid"),
    ("Sam has a cold, but really he's off because he's autistic and overwhelmed after yesterday's meltdown.", "not avoid"),
    # ...an illness "normal for him" is still the illness, and the school's condition is not the parent's protest...
    ("I've kept Sam home today. He has tonsillitis and that's normal for him every winter.", "not avoid"),
    ("The SENCo has asked that Sam stays at home until his needs are met.", "not avoid"),
    ("The school won't let Sam back in until his needs are met.", "caution"),
    ("The head said nothing will change, so I'm keeping Sam off until his needs are met.", "withheld"),
    # ...a professional helping with a school move is not the child helping, and right as rain now is doubt.
    ("Sam is off today with anxiety about the move to secondary; the SENCo is helping us with the move.", "not avoid"),
    ("Sam's right as rain now but I'm keeping him home till Monday just in case.", "withheld"),
    ])


@pytest.mark.parametrize("text, day", [
    ("I kept Sam off yesterday with a sickness bug. He is much better today and is in school.", "yesterday"),
    ("I kept Sam off on Friday with tonsillitis. Today he finishes his antibiotics.", "Friday"),
    ("I'm keeping Sam off tomorrow with tonsillitis. He came home poorly today.", "tomorrow"),
    ("I've kept Sam off today. The pharmacist says it looks like he has got conjunctivitis.", "conjunctivitis"),
    ("Sam has a migraine, he said his head hurts.", "migraine"),
])
def test_the_suggestion_keeps_the_absences_day_and_what_others_said(text, day):
    # The second attack on round 67: "today" said in passing took over the absence's day, and a pharmacist's words were
    # hedged as if they were the child's.
    suggestion = check_text(text).suggestion or ""
    assert day in suggestion, suggestion


def test_the_attack_on_round_68():
    _each(_expected, [
    # The attack on round 68: a chronic condition's usual pattern, or an illness beside it, is not doubt...
    ("Her epilepsy meds make her drowsy; she's usually fine by lunchtime so I'll bring her in at 12.", "not avoid"),
    ("Maya is usually fine by lunchtime, but she was sick four times in the night so she's off today.", "ok"),
    ("She tested negative for strep and is fine in herself apart from a temperature of 39, so she's home today.", "ok"),
    ("Oscar isn't ill as such, just not up to it after his chemotherapy yesterday, so he won't be in today.", "not avoid"),
    ("She's had flu all week and is exhausted, so I'm letting her catch up on sleep today.", "not avoid"),
    # ...the parent's own mental health day and the parent's own protest stay theirs...
    ("I'm taking a mental health day for myself today so Freya is staying home with me.", "withheld"),
    ("He's not allowed to wear his ear defenders in class, so I'm keeping him home until his needs are met.",
     "withheld"),
    ("The school won't let Sam back in until his support is in place, so he's at home today.", "caution"),
    # ...a relative dying abroad is an emergency, "up to us" is not advice, a trip "not the reason" with no other reason
    # is still a trip, and a plan made at home is not a timetable.
    ("Her nan in Poland is dying so we're flying out tonight and she'll miss the rest of the week.", "caution"),
    ("She's fine herself, but her brother has chickenpox; the GP said it's up to us whether we keep her off.", "avoid"),
    ("Going to Spain tomorrow and it's not the reason she's off, but she won't be in today.", "avoid"),
    ("As set out in the plan we've made at home, Dylan does mornings only this week because he's tired.", "not ok"),
    ])


@pytest.mark.parametrize("text, words", [
    ("He was poorly on Tuesday. I'm keeping him home today, he has a cough.", ["today"]),
    ("She was off last week with a cold. Still streaming today, so I've kept her in.", ["today"]),
    ("Tom says he's got a really bad headache so I've kept him home today.", ["[what is wrong]"]),
    ("Her tummy really hurts, she told me, so I've kept her home today.", ["[what is wrong]"]),
])
def test_the_wording_after_the_attack_on_round_68(text, words):
    # A weekday or last week named first, then today where the child is kept at home: today. The child's word,
    # however it is placed, is asked about.
    suggestion = check_text(text).suggestion or ""
    assert all(w in suggestion for w in words), suggestion


def test_the_newcomer_on_round_68():
    _each(_expected, [
    # The newcomer on round 68: a sibling's exclusion the child is in bits about, the teacher who "reckons" it would be
    # easier, a doctor by name, and two days a week agreed in the EHCP...
    ("Her brother got excluded yesterday and she's in bits about it, she hasn't slept.", "not ok"),
    ("The class teacher reckons it would be easier if I kept him at home while the inspectors are in.", "caution"),
    ("Dr Ahmed told me to keep him off till the antibiotics have kicked in.", "ok"),
    ("He's only doing two days a week at the moment as agreed in his EHCP.", "ok"),
    ("school won't let Sam back in until he has a 1:1 in place", "caution"),
    # ...and doubt in more words: by dinner usually fine, perks up by lunch, not poorly poorly, a negative test and fine
    # in herself, fit as a fiddle and a day off won't hurt.
    ("says her belly hurts but by dinner she's usually fine", "withheld"),
    ("Sam's feeling sick again, usually perks up by lunch time mind", "withheld"),
    ("hes not poorly poorly, just not up to it", "withheld"),
    ("covid test was neg and shes fine in herself", "withheld"),
    ("not really ill as such just not up to school today", "withheld"),
    ("He's fit as a fiddle now, one more day off won't hurt.", "withheld"),
    ])


@pytest.mark.parametrize("text, gone", [
    ("had a migraine monday, over it now, but cant get him in today", "migraine"),
    ("Ellie-May had tonsillitis a fortnight ago, all better now, but she's refusing to go back", "tonsillitis"),
    ("wont go in, her anxiety was bad in the summer but shes been ok since", "anxiety"),
    ("Kept him off yesterday with a bad cold, he's much better today and in school", "today"),
])
def test_an_illness_or_a_day_said_to_be_over_is_never_worded(text, gone):
    # The newcomer on round 68: "(migraine)", "(tonsillitis)", "(anxiety)" and "today" were worded.
    suggestion = check_text(text).suggestion or ""
    assert gone not in suggestion, suggestion


def test_round_69_classes():
    _each(_expected, [
    # Round 69 (blind791-796): council transport cancelled "until it's sorted" is the council's, never a protest...
    ("The council taxi has been cancelled again and nothing else arranged, so Noah is home until it's sorted.", "ok"),
    ("His transport from the local authority has been cancelled because there are no drivers.", "ok"),
    ("As agreed at Monday's meeting and written into his support plan, Leo does mornings only until Easter.", "ok"),
    # ..."always on a Thursday", "can't be that bad", a brother's "putting it on", are doubt; unless the parent rebuts it...
    ("He says his tummy hurts but it always seems to happen on a Tuesday.", "withheld"),
    ("She's been sick but she's begging to go to her party later, so she can't be that ill.", "withheld"),
    ("Ruby has a temperature, though her sister reckons she's faking it to miss the test.", "withheld"),
    ("Ruby has a temperature of 39. Her dad reckons she's putting it on, but the thermometer says otherwise.", "not avoid"),
    # ...the teacher asking if we could keep him at home is the school's; a death in the family is grief; unsure
    # whether ill or just tired is a caution; struggling to breathe is never mere nerves.
    ("Mr Jones asked if we could keep Sami at home this afternoon as there's no cover for his 1:1.", "caution"),
    ("We heard last night that my dad has died and everything is upside down, so Jo won't be in.", "caution"),
    ("Tom's not himself and I can't tell if he's actually ill or just tired, I'll let you know.", "caution"),
    ("He's struggling to breathe, or maybe it's just nerves, I'm not sure, so he's home for now.", "not avoid"),
    # Bullying on the bus, kept home until it's sorted, stays a protest.
    ("She's that upset about the bullying on the bus; she's staying home till you sort it out.", "avoid"),
    ])


def test_the_attack_and_the_newcomer_on_round_69():
    _each(_expected, [
    # The attack on round 69: asthma before "faking it" does not cancel the parent's doubt; "can't be that sick ... but I'm
    # letting him stay off" stays doubt; a rebuttal in its own sentence, or an illness that turned out, is no doubt...
    ("Jack has asthma, but honestly he's faking it this morning to get out of the test.", "withheld"),
    ("He can't be that sick, he's been on the Xbox since 7, but I'm letting Reuben stay off today.", "withheld"),
    ("Her brother reckons he's faking it. He isn't. He has tonsillitis and can't swallow.", "ok"),
    ("It can't be that bad, surely? Turns out it's appendicitis, she's in hospital.", "ok"),
    # ...an escort named is no excuse for a protest, an alarm that died is no death, and a weekly appointment is no doubt.
    ("The escort is new. Until the school apologises, Lily won't be in.", "avoid"),
    ("My alarm died in the night so we all overslept, Leo will be in after lunch.", "avoid"),
    ("Ben's physio always happens on a Thursday morning, so he'll be in after lunch.", "ok"),
    # The newcomer on round 69: "always a Monday" is doubt (and never the absence's day); the council cancelling the
    # taxi, in the active voice, is lawful; the school asking if we'd mind keeping him home is its request; a death in
    # other words is leave.
    ("not sending him in, headache, it's always a Monday with him", "withheld"),
    ("Sam has a migraine, always seems to be a Monday though", "withheld"),
    ("council have cancelled Sam's taxi again so he can't get in until it's sorted", "ok"),
    ("The council has cancelled Sam's transport so he is at home until it is sorted.", "ok"),
    ("school phoned, asked if we'd mind keeping Sam at home today, no TA", "caution"),
    ("school asked if Sam could be kept off today", "caution"),
    ("lost his grandma overnight, he's in bits, not sending him in", "caution"),
    ("death in the family so not sending Sam in today", "caution"),
    ("Sam lost his grandad last night so we've decided he's staying home today", "caution"),
    ("sam has a headache, his sister reckons he's putting it on to get out of PE", "withheld"),
    ])


def test_round_70_classes():
    _each(_expected, [
    # Round 70 (blind797-802): a fire at home is the household's emergency; the class told to learn from home and
    # physiotherapy are the school's arrangement and the child's care...
    ("There was a kitchen fire at ours last night, everyone's safe but Maya won't be in while we sort things out.", "caution"),
    ("Year 4 have to learn from home today because of the heating, so Ali is logging on from the kitchen table.", "ok"),
    ("Noah has physiotherapy at the hospital this morning for his knee, back after lunch.", "ok"),
    # ...one more day once better is a caution, and "seems fine now, another day just in case" is avoid with no wording...
    ("He's had flu all week and is on the mend, so we're giving him one more day to get his strength back.", "caution"),
    ("She was sent home poorly on Monday but seems completely fine now; I'm keeping her off another day to be safe.",
     "withheld"),
    ("Jo seems perfectly fine this morning but I thought one more day at home just in case.", "withheld"),
    # ...the morning to catch up on sleep is a day off; family time while a parent is home on leave is a holiday...
    ("The fireworks kept Ollie up till midnight so he's having the morning to catch up.", "avoid"),
    ("Their dad is back on leave from the navy this week so the girls are spending a few days with him.", "avoid"),
    # ...nobody to mind the child is childcare, the school's "better for everyone" is its request...
    ("Her brother has a dentist appointment miles away and I can't be in two places, so Isla is coming with us.", "avoid"),
    ("Mrs Khan said it would be best for everyone if Leo had a few days at home after what happened.", "caution"),
    # ...the child's "not sure she's properly ill" is doubt, the child's "told me he feels poorly" is their word, "he's a
    # bit hot" is a temperature, someone else's trouble put aside is no doubt, and "either way" a sign stands.
    ("She says she's got a headache again, but honestly I'm not sure she's really ill.", "withheld"),
    ("Ben's told me he feels really poorly but I can't see anything wrong.", "caution"),
    ("He's a bit hot and grizzly so we're keeping him home today.", "not avoid"),
    ("Ava has a fever of 39. Her nan is staying with us too, but that's not why she's off.", "ok"),
    ("He reckons it's something he ate at the party, but either way he's been sick four times.", "ok"),
    ("We're taking a mental health day for Ruby today, she's been so overwhelmed.", "not avoid"),
    ])


def test_the_day_the_child_is_back_never_dates_the_absence():
    # blind802: "He'll definitely be in tomorrow" had worded "too unwell to attend school tomorrow" for a child off today.
    suggestion = check_text("Isaac says he feels sick so I've kept him off. He'll definitely be in tomorrow.").suggestion
    assert suggestion and "tomorrow" not in suggestion, suggestion
    # Where tomorrow is the absence, it stays ("or" fell back to passing: that text's verdict is ok, with no suggestion).
    assert "tomorrow" in check_text("Isaac says he feels sick so he will not be in tomorrow.").suggestion


def test_the_attack_on_round_70():
    _each(_expected, [
    # The attack on round 70: service leave gives way to the child's own illness; someone else's trouble is put aside
    # only where it is someone else's (not "his brother had it too, but it's not the reason, he's refusing")...
    ("Josh has tonsillitis. His dad is home on leave so he's having a quiet day with his dad while he recovers.", "ok"),
    ("Tom has a cough, his brother had it too, but it's not the reason he's off, he's refusing because of the bullies.",
     "withheld"),
    ("She says she's poorly but I'm not sure she's properly ill. Either way she's been sick before on Mondays.",
     "withheld"),
    # ...one more day is no choice while the child is still ill, after stitches, or under the 48-hour rule...
    ("School policy is 48 hours after sickness, so I'm giving him one more day at home.", "ok"),
    ("He's still got a temperature of 38.5 so I'm giving him another day at home.", "ok"),
    # ...a morning to catch up after a night up with an illness is the illness...
    ("She was up with earache all night, so she's having the morning to catch up on sleep.", "not avoid"),
    # ...a hot flat, a hot temper, a fire somewhere else, a dance teacher and a holiday are none of this round's
    # classes; the child telling the parent, with signs the parent saw, is ok; "class ... if they feel ill" is no
    # instruction.
    ("The flat is very hot so Jamie is staying home.", "avoid"),
    ("Jamie is a bit hot headed and refused to go in.", "avoid"),
    ("There was a house fire on our street last night, so Caleb was up watching and is too tired to come in.", "avoid"),
    ("Her dance teacher said it would be best if she had the day off to rest before the show.", "avoid"),
    ("Ella told me she is unwell, and she's flushed, pale and shivering.", "ok"),
    ("The class has to learn from home if they feel ill, she doesn't but I'm keeping her off.", "avoid"),
    ])


@pytest.mark.parametrize("back", [
    "He'll be in again tomorrow.", "He should be OK for tomorrow.", "He'll return tomorrow.", "Expect him in tomorrow.",
    "He is going to be in tomorrow.",
])
def test_the_day_the_child_returns_is_never_the_absences_day(back):
    # The attack on round 70: each of these worded "too unwell to attend school tomorrow" for a child kept off today.
    suggestion = check_text("Sam says he feels sick so I'm keeping him off. " + back).suggestion
    assert suggestion and "tomorrow" not in suggestion, suggestion


def test_round_71_classes():
    _each(_expected, [
    # Round 71 (blind803-808): someone else's emergency ("taken a turn", "rushed in") stays a caution, however the child
    # is placed; council transport that broke down or drove past is the council's; a timetable signed with the SENCo
    # is lawful; a parent's day off work is theirs...
    ("The care home rang, my mum has taken a turn for the worse, so I'm driving up now and Ollie is coming with me.",
     "caution"),
    ("Her brother was rushed in overnight and we're still on the children's ward, so Maya won't make it in.", "caution"),
    ("The council taxi broke down on the way and there was no replacement, so he's home. Nothing I could do.", "ok"),
    ("The SEN bus went straight past our stop again, so she's at home until the council sorts it.", "ok"),
    ("As per the reduced timetable agreed with the school, Ben finishes at 12 on Fridays.", "ok"),
    ("Lily has tonsillitis and the GP has given her antibiotics. I've taken the day off work to be with her.", "ok"),
    # ..."could have gone in", "more tired than ill", fine in himself and a chilled day are the parent's word against the
    # illness; not knowing whether the child is ill is a caution with no wording...
    ("He had a bit of a cold but honestly he could have gone in.", "withheld"),
    ("She's more tired than poorly if I'm honest.", "withheld"),
    ("He's got a sniffle but he's fine in himself, so we're having a quiet one at home.", "withheld"),
    ("I honestly can't tell whether she's ill today, she's at home with me.", "caution"),
    # ...dead set against going in is the child's stance; agreeing a quiet day is the family's; the school asking whether
    # the child could stay home, or nothing in writing, is the school's, a caution.
    ("Freya is dead set against going in and won't be talked round.", "avoid"),
    ("We agreed he needed a quiet day at home after a rough week.", "avoid"),
    ("Mrs Ali asked whether Omar could stay at home tomorrow as there is no one to support him.", "caution"),
    ("The head said to keep him off until the review, but nothing has been put in writing.", "caution"),
    ])


def test_someone_elses_telling_is_never_worded_as_the_logged_childs_illness():
    # The newcomer on round 70: with Ellie-May logged, "Niamh told me she has a sore throat" was worded
    # "Ellie-May is too unwell to attend school (sore throat)", and the drafted email sent it.
    told = check_text("Niamh told me she has a sore throat", child="Ellie-May").suggestion or ""
    assert "sore throat" not in told, told
    # The child's own telling, a teacher's report and the child's nan telling of the child stay the child's.
    assert "sore throat" in (check_text("Ellie-May told me she has a sore throat", child="Ellie-May").suggestion or "")
    assert "sick" in (check_text("Her nan told me she was sick twice in the night", child="Ava").suggestion or "")


@pytest.mark.parametrize("text", [
    "Ellie-May is refusing to go in today, shell be in tomorrow",
    "she wont go in today, shell be in 2moro",
])
def test_the_day_back_without_an_apostrophe_never_dates_the_absence(text):
    suggestion = check_text(text).suggestion or ""
    assert "today" in suggestion and "tomorrow" not in suggestion, suggestion


def test_round_72_classes_and_the_attack_on_round_71():
    _each(_expected, [
    # Round 72 (blind809-814): council transport in more words, a polling-station closure and the head's letter are
    # lawful; a dog bite is an injury...
    ("The minibus the council arranges for her hasn't come and I've been waiting since 8.", "ok"),
    ("The taxi firm the council uses rang to say the car has broken down and there's no replacement today.", "ok"),
    ("We've had a letter from the head saying Leo must not attend until the meeting on Monday.", "ok"),
    # ...the school telling the child to stay away is its decision, a caution; a day out while the weather is nice is a
    # holiday; fine now or perked up, then kept at home anyway, is the parent's word that the child is well.
    ("Mr Hale said to keep Kai home until we hear from you about a meeting, so he's at home.", "caution"),
    ("The school told Nia not to come back until her hair is tied back, so she's home.", "caution"),
    ("We're off to the beach while the weather's nice, so Jack won't be in.", "avoid"),
    ("He had a bug at the weekend but he's fine now; we're keeping him off till Thursday anyway.", "withheld"),
    ("She's fine now, just tired, so she's having a quiet day at home.", "withheld"),
    ("She perked up by ten but by then it felt too late to bring her in.", "withheld"),
    # The attack on round 71: "could have gone in" is doubt only where the parent says the child probably could; "more
    # tired than ill" only of tiredness; a relative's telling of the child's fever is the child's; the parent asking the
    # office is the parent's; a quiet day beside a seizure, croup after sleeping it off, and an unrelated letter are not
    # choices.
    ("There's no way he could have gone in, he was vomiting all night.", "ok"),
    ("He'd have gone in if it wasn't for the vomiting, he's still being sick.", "ok"),
    ("He's more anxious than ill, the panic attacks are every morning now and CAMHS are involved.", "not avoid"),
    ("She's tired more than ill really.", "withheld"),
    ("I phoned the office and asked if he could stay at home this afternoon for the party.", "avoid"),
    ("We agreed he needed a quiet day at home after his seizure last night.", "ok"),
    ("He's sleeping it off after a terrible night of croup.", "ok"),
    ("The school has not sent anything in writing about the trip, anyway Ella is off today with a migraine.", "ok"),
    ("The SEN taxi no-showed again this morning so he's at home.", "ok"),
    ("As per the plan agreed with the SENCo he should be in, but we decided to go to the beach.", "avoid"),
    ])


@pytest.mark.parametrize("text", [
    "Nan told me she's had a temperature all night",
    "Ellie-May stayed at my sister's. My sister told me she has been sick four times.",
    "Ellie-May's childminder told me she has a temperature of 39.",
])
def test_family_telling_of_the_childs_illness_keeps_it_the_childs(text):
    # The attack on round 71: these became a relative's illness (caution, "do not describe it as your child being unwell").
    assert check_text(text, child="Ellie-May").verdict == "ok"


def test_round_73_and_the_attack_and_the_newcomer_on_round_72():
    _each(_expected, [
    # Round 73 (blind815-820): the head's email or letter to keep the child at home, and a part-time timetable the
    # SENCo agreed, are lawful; a friend's move or a christening put aside are not the reason; a show in London is a
    # day out; fine since yesterday and "one more day wouldn't hurt" is doubt...
    ("The head emailed last night to say Kian must not come in today while they look into it.", "ok"),
    ("The SENCo agreed that Ava will do mornings only for two weeks while she's phased back in.", "ok"),
    ("Jo has an ear infection and a fever. She's also sad about her friend moving away, but that's not why she's off.",
     "ok"),
    ("Max has a dentist appointment this morning. Our family wedding is on Saturday, so that won't affect school.", "ok"),
    ("We're going down to London to see a matinee of Matilda for her birthday.", "avoid"),
    ("He's been fine since yesterday lunchtime, I just thought one more day wouldn't hurt.", "withheld"),
    ("The SENCo said it might be easier if Noah didn't come in until the new TA starts.", "caution"),
    # The attack and the newcomer on round 72: the weather beside an illness is no day out; "fine now but keeping her
    # home" is the parent's word that she is well (not after a sign seen, nor with an illness still there); the school
    # saying to keep the child home is its decision; a relative's illness the child is kept home to help with is theirs.
    ("She has chickenpox, so while the sun's out she's resting in the garden.", "ok"),
    ("shes fine now but keeping her home", "withheld"),
    ("Leon had a temp last night, seems ok now but I've kept him home to be on the safe side.", "not avoid"),
    ("school phoned, said theres no staff to support her so keep her home today", "caution"),
    ("told to keep him home for the rest of the week by the deputy head", "caution"),
    ("Got a letter from the school saying he cannot come into school in trainers, so he's off till payday.", "not ok"),
    ])


def test_a_relatives_illness_the_child_stays_home_to_help_with_is_theirs():
    # The attack on round 72: "My sister told me she has flu so Ellie-May is staying at home to help" was ok.
    result = check_text("My sister told me she has flu so Ellie-May is staying at home to help me with the baby.",
                        child="Ellie-May")
    assert result.verdict != "ok" and "flu" not in (result.suggestion or "")


@pytest.mark.parametrize("text, child, expected", [
    # blind928: a twin's word naming the logged child is the child's illness, not a twin's.
    ("Leo is in as normal, but his twin Oscar has conjunctivitis in both eyes and a temperature; the pharmacist has "
     "given him drops and he's in bed.", "Oscar", "ok"),
    ("Leo is in as normal, but his twin Oscar has conjunctivitis in both eyes and a temperature.", "Leo", "avoid"),
    # The attacker on round 90: only the first word of the child's name counts, never a hyphen part, a middle name or
    # a surname, so a sister named after part of it stays the sister.
    ("Her sister Kate has chickenpox, so Mary-Kate is staying home with me.", "Mary-Kate", "avoid"),
    ("Her sister Rose has chickenpox, so I've kept Anna-Rose off as well.", "Anna-Rose", "avoid"),
    ("Her sister Grace has flu so Lily is off today.", "Lily Grace Brown", "avoid"),
    ("Her twin Grace has a rash and a temperature.", "Lily Grace", "avoid"),
    ("His brother James has been sick all night so I've kept Oscar home to be safe.", "Oscar James", "avoid"),
    ("His big brother James has tonsillitis.", "Oscar James", "avoid"),
    ("Her sister May has flu so I've kept her home.", "Lily May", "avoid"),
    ("His brother Smith has flu", "Oscar Smith", "avoid"),
])
def test_a_brother_or_sisters_word_naming_the_logged_child(text, child, expected):
    result = check_text(text, child=child)
    assert result.verdict == expected, (result.verdict, result.findings)
    if expected == "avoid":
        assert result.suggestion is None or "too unwell" not in result.suggestion


@pytest.mark.parametrize("text, child, expected", [
    ("Mia is too unwell to attend today, her twin Sam will be in as normal", "Sam", "caution"),
    ("mia has flu, sam will be in as normal", "Sam Jones", "caution"),
    ("Mia has a hospital appointment, her brother will be in as usual.", "Sam", "caution"),
    ("Mia is too unwell to attend today, her twin Sam will be in as normal", "Mia", "ok"),
    ("Mia has a hospital appointment, Sam will be in as usual.", None, "ok"),
    ("Mia has a hospital appointment, her brother Tom will be in as usual.", "Sam", "ok"),
    # The attacker on round 155: words between the name and "will be in", brackets, another child "won't be in",
    # a curly apostrophe; and never when the logged child is the ill one.
    ("Mia has flu. Sam is fine and will be in as normal.", "Sam", "caution"),
    ("Mia won't be in today as she has flu. Sam will be in as normal.", "Sam", "caution"),
    ("Mia is too unwell to attend today, Sam (her twin) will be in as normal", "Sam", "caution"),
    ("Mia has flu, her twin D\u2019Arcy will be in as normal", "D\u2019Arcy", "caution"),
    ("My mum is in hospital and Sam has tonsillitis, Sam's sister Mia will be in as usual", "Sam", "ok"),
    ("Mia has been sick in the night and Sam has been sick this morning, their big brother will be in as usual", "Sam",
     "ok"),
])
def test_a_reason_saying_the_logged_child_is_in_school_is_a_caution(text, child, expected):
    # The newcomer on b589ebc: logged for Sam, "her twin Sam will be in as normal" was ok and logged without a word.
    result = check_text(text, child=child)
    assert result.verdict == expected, (result.verdict, result.findings)
    assert (expected == "caution") == any(f.rule == "child_said_in" for f in result.findings)
    assert "too unwell" not in (result.suggestion or "")


@pytest.mark.parametrize("text", [
    "Ella was sick in the night and Finn is too tired to go in",
    "Ella has flu and Finn is too upset to go in",
    "Ella is in hospital and Finn is too upset to go in",
])
def test_a_twins_illness_beside_too_tired_or_too_upset_stays_the_twins(text):
    # The newcomer on round 155: "Finn is too tired" read "too" as "also", so Ella's illness was Finn's: ok, typed
    # illness and drafted with code I for Finn.
    from refusal_log.wording.absence_types import infer_absence_type

    result = check_text(text, child="Finn")
    assert result.verdict == "caution" and "family_illness" in [f.rule for f in result.findings], result
    assert infer_absence_type(text, child="Finn") == "other"
    assert check_text("Ella has flu and Finn has it too", child="Finn").verdict == "ok"


@pytest.mark.parametrize("text", [
    "Both twins were up all night, Jack with a temperature, Ellie's fine but shattered so I've kept them both home",
    "The twins won't be in, Jack's got chickenpox and I don't want Ellie spreading it",
    "Hi both twins off today, Jack has a high temp and Ellie's fine but I've got no one to have her",
])
def test_the_twins_message_logged_for_the_well_twin_never_gives_her_the_illness(text):
    # The newcomer on round 90: beside "both" or "the twins", Jack's temperature or chickenpox was worded as Ellie's
    # ("Ellie is too unwell to attend school (chickenpox)") and drafted with code I.
    result = check_text(text, child="Ellie Morgan")
    assert result.verdict != "ok" and "too unwell" not in (result.suggestion or ""), (result.verdict, result.suggestion)


@pytest.mark.parametrize("text", [
    "Both twins are off. Jack's chickenpox has spread to Ellie",
    "Both are off, Jack has a temperature and Ellie does as well",
    "The twins are off, Jack has been sick and Ellie has been too",
])
def test_the_twins_message_logged_for_a_twin_who_shares_the_illness_is_hers(text):
    # The attacker on round 91: once the other twin was read as someone else, the logged twin's own share of the
    # illness ("has spread to Ellie", "Ellie does as well") was lost, and the reason was no longer ok.
    assert check_text(text, child="Ellie").verdict == "ok"


def test_an_overdose_told_of_brings_where_to_get_help_first():
    # The attacker on round 91: a day "to talk things through with the CAMHS crisis team after her overdose" was read as a
    # family talk (avoid), and no help was shown.
    result = check_text("We need a day to talk things through with the CAMHS crisis team after her overdose last night.")
    assert result.urgent and result.verdict != "avoid"


@pytest.mark.parametrize("text, child", [
    ("Jacks got a bad cough again and Ellie wont go in without him", "Ellie"),
    ("Jacks been sick, Ellie refusing", "Ellie"),
    ("Jacks got a temperature, Ellie is refusing to go in without him", "Ellie"),
    ("Ellies got a temperature, Jack is refusing to go in without him", "Jack"),
    # The attacker on round 93: other verbs after the name ("come down with", "caught", "poorly").
    ("Keeping Ellie off today, Jacks come down with chickenpox.", "Ellie"),
    ("Ellie's staying home, Jacks caught the flu.", "Ellie"),
    ("Jacks poorly, Ellie is refusing to go in without him", "Ellie"),
])
def test_a_twins_name_written_without_its_apostrophe_keeps_the_illness_theirs(text, child):
    # The newcomer on round 91: "Jacks got a bad cough", logged for Ellie, was worded "Ellie is too unwell to attend
    # school again (cough)" and drafted with code I.
    result = check_text(text, child=child)
    assert "too unwell" not in (result.suggestion or ""), result.suggestion


def test_a_brother_named_with_the_logged_child_keeps_his_own_illness():
    # The attacker on round 91: "Jack and Ellie won't be in, Jack's got chickenpox and I don't want Ellie spreading it",
    # logged for Ellie, was worded "Ellie is too unwell to attend school (chickenpox)": Jack, joined to Ellie by "and",
    # was read as another name of hers.
    result = check_text("Jack and Ellie won't be in, Jack's got chickenpox and I don't want Ellie spreading it",
                        child="Ellie")
    assert "chickenpox" not in (result.suggestion or "")
    # Ellie's own chickenpox: fine as it is (round 116: not spreading a named contagious illness is its own rule), or
    # worded with it.
    own = check_text("Jack and Ellie won't be in, Ellie's got chickenpox and I don't want Jack spreading it",
                     child="Ellie")
    assert own.verdict == "ok" or "chickenpox" in own.suggestion


@pytest.mark.parametrize("text, child, wording", [
    ("Jacks got tonsillitis, Jack won't be in.", "Jack", None),
    ("Bills got a cough so Bill is staying home.", "Bill", "cough"),
])
def test_the_childs_own_name_without_its_apostrophe_is_still_the_child(text, child, wording):
    # The attacker on round 93: "Jacks got tonsillitis, Jack won't be in", logged for Jack, lost Jack's own illness.
    result = check_text(text, child=child)
    assert result.verdict != "avoid" and "family_illness" not in [f.rule for f in result.findings]
    if wording:
        assert wording in (result.suggestion or "")


@pytest.mark.parametrize("text, child, illness", [
    ("May has chickenpox and I don't want Grace spreading it, so she's off too.", "Grace", "chickenpox"),
    ("June's got a temperature, so Ava is staying home with her.", "Ava", "temperature"),
    ("Keeping Ellie off, James and Jess both have flu.", "Ellie", "flu"),
    ("James and Jess both have flu so Ellie is off too.", "Ellie", "flu"),
])
def test_someone_elses_illness_named_by_a_month_name_or_two_joined_names_is_never_the_childs(text, child, illness):
    # Left over from the twenty-fourth session: "May" was read as the month, and two names joined by "and" as the
    # child's, so the logged child was given their illness ("Grace is too unwell to attend school (chickenpox)").
    result = check_text(text, child=child)
    assert result.verdict != "ok" and illness not in (result.suggestion or "")


@pytest.mark.parametrize("text", ["In May Grace had chickenpox. She is poorly again today.",
                                  "Grace and Jess both have flu.", "Since June Grace has had migraines; she has one today."])
def test_a_month_or_a_name_joined_to_the_childs_is_still_read_for_the_child(text):
    assert check_text(text, child="Grace").verdict == "ok"


@pytest.mark.parametrize("text", [
    "Ruby has been sick all night with a tummy bug. Rose is right as rain but I can't do the school run with Ruby like this.",
    "Ruby has been sick all night. Rose is fine but the twins are never apart so she's staying home too.",
])
def test_a_well_twin_kept_home_is_the_well_twins_avoid_never_the_ill_twins(text):
    # The newcomer on round 95: logged for Ruby, whose own illness the message names, the well twin's reason made Ruby's
    # absence avoid and the gate refused it. Logged for Rose, it is still avoid.
    assert check_text(text, child="Ruby").verdict == "ok"
    assert check_text(text, child="Rose").verdict == "avoid"


@pytest.mark.parametrize("text, child, illness", [
    ("Keeping Grace home since May has chickenpox.", "Grace", "chickenpox"),
    ("Keeping Ellie home; Sam & Max are both ill with norovirus.", "Ellie", "norovirus"),
])
def test_the_attack_on_round_96_never_gives_the_child_someone_elses_illness(text, child, illness):
    assert illness not in (check_text(text, child=child).suggestion or "")


def test_leave_the_head_signed_in_a_clause_of_its_own_is_the_childs_and_typed_leave():
    from refusal_log.wording.absence_types import infer_absence_type

    text = "Sam is off Friday for my cousin's wedding, the head signed the leave form."
    assert check_text(text).verdict == "ok" and infer_absence_type(text) == "leave"
    assert check_text("For my cousin's wedding, the leave form is signed by me.").verdict == "avoid"


@pytest.mark.parametrize("text, child, allowed", [
    ("Evie has been off since her brother's chickenpox, now Evie has got it into her head that school is dangerous, "
     "so she is staying home.", "Evie", ("caution", "avoid")),
    ("Sam had the flu last week and now Evie has got it into her head she'll catch it.", "Evie", ("caution", "avoid")),
    ("Evie wanted the new iPad for ages and now Evie has got it she won't put it down.", "Evie", ("caution", "avoid")),
    ("His brother has flat out said he's not going, but Tom has a fever.", "Tom", ("ok",)),
    ("His sister has PE first and she's been dreading it, so she'll come in after break; Tom has a temperature.", "Tom",
     ("ok", "caution")),
    ("Max temp last night was 39.5, Grace is staying home.", "Grace", ("ok", "caution")),
    ("Evie's brother has chickenpox and Evie's now got it.", "Evie", ("ok",)),
    ("She has caught her brother's tummy bug.", "Ella", ("ok",)),
    ("Ella has caught her twin sister's chest infection.", "Ella", ("ok",)),
])
def test_the_attack_and_the_newcomer_on_round_97(text, child, allowed):
    # "now Evie has got it" is the child's illness only when it closes its clause (not "got it into her head"); a
    # doctor's, a sibling's or a staff member's "flat out" is not the child's; an illness caught from a brother or sister
    # is the child's own (the newcomer: "She has caught her brother's tummy bug" was refused at the gate).
    result = check_text(text, child=child)
    assert result.verdict in allowed, [(f.rule, f.severity) for f in result.findings]
    if "got it into" in text or "iPad" in text:
        assert "too unwell to attend school." not in (result.suggestion or "")


@pytest.mark.parametrize("text, child", [
    ("She caught her brother's cold last week but she's fine now; he's still poorly so I kept her home with him", "Ella"),
    ("She is fine but could have caught her brother's bug, so home today", "Ella"),
    ("She caught her brother's flu last month. Today she just won't get out of bed", "Ella"),
    ("Keeping her home in case she's caught her brother's bug", "Ella"),
    ("Max temp 39.5 last night, so I'm keeping Ellie home to be safe", "Ellie"),
])
def test_a_well_child_is_never_worded_too_unwell_for_a_brothers_illness(text, child):
    # The attacker on round 98: an illness "caught" from a brother last week, or only feared, was worded "Ella is too
    # unwell to attend school". Only "has caught her brother's bug", said plainly, is the child's own.
    result = check_text(text, child=child)
    assert result.verdict != "ok"
    assert not (result.suggestion and "too unwell" in result.suggestion and "[" not in result.suggestion), result.suggestion


@pytest.mark.parametrize("text, child, allowed", [
    ("Tuesday's a no, he's got a temperature of 39.", "Jack", ("ok", "caution")),
    ("Tuesday's a no-show from the council taxi again, so he couldn't get there.", "Jack", ("ok", "caution")),
    ("Tuesday's a no for the dentist, so we moved it to Wednesday and he was in school.", "Jack", ("ok", "caution")),
    ("Mr Khan texted to say maybe keep Aiden off, he's had diarrhoea twice at school.", "Aiden", ("ok",)),
    ("One of Lily's agreed flexi-schooling days was meant to be Friday but we're taking Monday instead.", "Lily",
     ("caution", "avoid")),
    ("Kept off until we've had the reintegration meeting, as the school asked following his exclusion.", "Sam",
     ("ok", "caution")),
])
def test_the_attack_on_rounds_99_and_100(text, child, allowed):
    # "Tuesday's a no" is a refusal only with no illness, appointment or transport beside it; a staff hint that passes
    # on the child's illness is the illness; flexi-schooling moved by the family is not the agreed day.
    assert check_text(text, child=child).verdict in allowed


@pytest.mark.parametrize("text", ["His irmão has chickenpox so he's staying home.", "Her mãe is poorly so she's staying home."])
def test_a_relative_named_with_a_tilde_is_someone_else(text):
    # The attacker on round 100: "ã" split the word, so "irmão" (brother) was no relative and his chickenpox was worded
    # "Tiago is too unwell to attend school (chickenpox)". Accents are now folded for "ã", "õ", "ç" and "ñ" too.
    result = check_text(text, child="Tiago")
    assert result.verdict != "ok" and "too" not in (result.suggestion or "")


def test_a_child_in_crisis_at_home_with_the_parent_is_no_decision_in_a_draft_either():
    """The newcomer on round 114: read sentence by sentence (check --file, the absence email), "She's at home with me
    today." after talk of dying was the parent's decision (avoid); the crisis is the whole draft's."""
    text = "She told me she wants to die. I'm scared. She's at home with me today."
    assert check_text(text).verdict != "avoid"
    document = check_document(text)
    assert document.verdict != "avoid" and document.urgent
    assert not any(f.rule in ("kept_off", "parent_unwell") for s in document.sentences for f in s.findings)


@pytest.mark.parametrize("text", [
    # The attacker on 5c17235: self-harm told without "wants to" or "saw", beside the child kept home.
    "I'm keeping her home. She tried to hurt herself.",
    "There are cuts on her arms. I'm keeping her home.",
])
def test_self_harm_told_plainly_is_a_crisis_and_no_decision(text):
    document = check_document(text)
    assert document.urgent and document.verdict != "avoid"


@pytest.mark.parametrize(("reason", "kind"), [
    ("She told me she wants to die. I'm scared. She's at home with me today.", "illness"),
    ("He cut himself on purpose last night and I'm keeping him with me", "illness"),
    ("Sam told his friend he wants to die, he is at home with me", "illness"),
    # Someone else's crisis is not the child's illness.
    ("His friend Maya tried to kill herself, Sam is at home", "other"),
    ("his uncle was suicidal last year, Sam is at home with me", "other"),
])
def test_a_child_in_crisis_is_logged_as_ill_and_counted_so(cli, ready, reason, kind):
    """The newcomer on round 114: a crisis logged without --type was "other", so the day left the illness count. Talk of
    dying or self-harm is the child's mental health crisis; the law counts mental ill-health as sickness."""
    data = json.loads(cli("add-absence", "--date", "01/12/2026", "--reason", reason, "--accept-wording", "--json",
                          ok=True).stdout)
    assert data["type"] == kind


def test_a_crisis_is_not_told_it_names_no_illness():
    """The attacker on 5c17235: after the help, a crisis was told it "names no illness". It hears that a mental health
    crisis is sickness in law, and nothing is worded for the parent."""
    for result in (check_text("She told me she wants to die. I'm scared. She's at home with me today."),
                   check_document("Dear Mrs Smith,\n\nShe told me she wants to die.\n\nShe's at home with me today.\n")):
        whys = [f.why for f in getattr(result, "findings", [])] + [
            f.why for s in getattr(result, "sentences", []) for f in s.findings]
        assert whys and all("mental health crisis" in why and "names no illness" not in why for why in whys)
        assert result.urgent and not getattr(result, "suggestion", None)


def test_a_draft_reads_each_sentence_with_the_one_before_as_a_reason_is_read():
    """The newcomer on round 115: "Ella had a bad night, up till 4. She's home with me today." was a caution in `check` and
    avoid in `check --file`, where the second sentence was read alone as the parent's decision."""
    text = "Ella had a bad night, up till 4. She's home with me today."
    assert check_text(text).verdict == "caution"
    document = check_document(f"Dear Mrs Smith,\n\n{text}\n\nThanks,\nJo\n")
    assert document.verdict == "caution"
    assert not any(f.rule == "kept_off" for s in document.sentences for f in s.findings)
    # A decision in its own sentence with nothing before it to explain it stays what it is.
    assert check_document("Dear Mrs Smith,\n\nWe are going to the zoo. She's home with me today.\n").verdict == "avoid"


def test_a_doubt_in_the_past_tense_is_never_emailed_as_illness(cli, ready):
    """The newcomer on round 116: "Honestly I doubted she was ill but kept her home" was drafted as "Sam is too ill to
    attend school"; "I doubted she was ill" was ok and typed illness."""
    for reason in ("Honestly I doubted she was ill but kept her home", "I had my doubts he was ill"):
        data = json.loads(cli("check", reason, "--json", ok=True).stdout)
        assert data["verdict"] != "ok" and data["withheld"] and data["suggestion"] is None
        drafted = cli("draft", "absence-email", "--date", "01/12/2026", "--reason", reason, "--type", "illness")
        assert drafted.exit_code == 1 and "too ill" not in drafted.stdout and "too unwell" not in drafted.stdout


def test_a_note_that_tells_of_a_crisis_brings_the_help_first(cli, ready):
    """The newcomer on round 116: `add-note` with "wants to die" showed no help, where an absence reason did."""
    logged = cli("add-note", "She told me tonight she wants to die.", ok=True)
    assert logged.stderr.startswith("Get help now:") and "116 123" in logged.stderr
    assert "Get help now" not in cli("add-note", "A good day, she went in happily.", ok=True).stderr


@pytest.mark.parametrize("draft", [
    # The attacker on round 117: something lawful or an illness told before never explains away a holiday, a doubt or a
    # late start in the next sentence of a draft; only a decision may be explained by the sentence before it.
    "Sam had a fever of 39 at the weekend. Today we're off to Spain for a week.",
    "The school was closed for snow on Monday. I doubt he's really ill today.",
    "Ella had a bad night, up till 4. We're going to the zoo today.",
])
def test_a_sentence_before_never_explains_away_a_holiday_a_doubt_or_a_late_start(draft):
    from refusal_log.wording import check_document

    reading = check_document(f"Dear Mrs Khan,\n\n{draft}\n\nJo\n")
    assert reading.verdict != "ok"


def test_a_day_of_what_happened_is_not_the_day_of_the_absence():
    """The newcomer on round 117: "too anxious to go in after being bullied again on Friday" was worded "too unwell to
    attend school again on Friday", and the email for Tuesday said so."""
    result = check_text("She was too anxious to go in after being bullied again on Friday, she was shaking and crying")
    assert result.suggestion and "Friday" not in result.suggestion


def test_a_record_of_a_call_or_meeting_is_not_checked_as_an_absence_reason(cli, ready):
    """The newcomer on round 117: the call confirmation flagged "bullying" as avoid ("not a defence in law"), which reads
    as "leave the bullying out" of a record of what was said."""
    cli("add-call", "--with", "Mrs Patel", "--when", "01/12/2026 09:10", "--summary",
        "We talked about the bullying on the bus and her anxiety", ok=True)
    drafted = cli("draft", "call-confirmation", "--call", "1", ok=True)
    assert "bullying" in drafted.stdout and "Wording check" not in drafted.stderr


def test_check_refuses_words_and_a_file_together(cli, tmp_path):
    """The attacker on round 117: `check --file DRAFT "words"` checked the draft and quietly left the words out."""
    draft = tmp_path / "draft.txt"
    draft.write_text("She has a temperature of 38.6.\n", encoding="utf-8")
    result = cli("check", "--file", str(draft), "She is refusing")
    assert result.exit_code == 1 and "not both" in result.stderr and "Traceback" not in result.stderr


def test_the_day_a_child_was_picked_on_is_not_the_day_in_the_email(cli, ready):
    """The newcomer on round 119: "too anxious to go in after being picked on last Friday" was emailed for Wednesday as
    "Sam was too unwell to attend school last Friday"."""
    cli("add-absence", "--date", "02/12/2026", "--reason",
        "too anxious to go in after being picked on last Friday, he was in bits", "--accept-wording", ok=True)
    drafted = cli("draft", "absence-email", "--date", "02/12/2026", ok=True)
    reason = next(line for line in drafted.stdout.splitlines() if line.startswith("Reason for absence:"))
    assert "Friday" not in reason and "Wednesday 2 December 2026" in drafted.stdout


def test_a_day_the_council_transport_did_not_come_is_no_possible_session(cli, ready):
    """The newcomer on round 119: the family's figure counted a council taxi's day (England's Y1, not a possible session)
    as an absence, where the register leaves it out of both counts."""
    cli("calendar", "add-term", "Autumn", "--from", "02/11/2026", "--to", "04/12/2026", ok=True)
    cli("add-absence", "--date", "03/12/2026", "--reason", "The council taxi did not come and I don't drive",
        "--type", "transport", "--accept-wording", ok=True)
    cli("add-absence", "--date", "02/12/2026", "--reason", "Temperature of 38.7", ok=True)
    data = cli.json("attendance", "--to", "04/12/2026")
    assert (data["possible_sessions"], data["absent_sessions"]) == (48, 2)
    # ... and the calendar shows that day as not counted, not as an absence (the newcomer on eafea28).
    from refusal_log.attendance import standing
    from refusal_log.attendance_view import calendar_map

    states = {(d.day.isoformat(), d.am.state) for week in calendar_map(standing(to="04/12/2026")) for d in week}
    assert ("2026-12-03", "not-counted") in states and ("2026-12-02", "logged") in states


def test_with_given_only_punctuation_names_no_one(cli, ready):
    """The attacker on round 118: `add-meeting --with ","` was accepted and the summary opened "Dear ,,"."""
    result = cli("add-meeting", "--date", "01/12/2026 15:30", "--with", ",", "--summary", "Support plan")
    assert result.exit_code == 1 and "--with is empty" in result.stderr


def test_list_punctuation_left_round_a_name_is_not_kept(cli, ready):
    """`--with "Mrs Smith, ;"` was stored with its ", ;" and the call confirmation read "Mrs Smith, ;"."""
    result = cli("add-call", "--with", "Mrs Smith, ;", "--with", " ;Mr Jones ,", "--summary", "Talked about Monday",
                 "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["with"] == "Mrs Smith, Mr Jones"
    # One value with a semicolon names two people, as two --with do (the newcomer on round 123).
    two = cli("add-call", "--with", "Mrs Smith; Mr Jones", "--summary", "Talked about Monday", "--json")
    assert json.loads(two.stdout)["with"] == "Mrs Smith, Mr Jones"


@pytest.mark.parametrize("text, starts", [
    # Round 122: a name written after the pronoun, in a later sentence, or alone, is the one the wording names.
    ("She's being a right mardy madam and won't get out of bed, I've give up. Imogen won't be in.", "Imogen is"),
    ("The SENCo says it's school refusal and I suppose she's right. Tom just won't go.", "Tom is"),
    ("Told me she felt sick when she woke up so Niamh's at home today, sorry.", "Niamh is"),
    ("Amelia off today, her anxiety.", "Amelia is"),
    ("Giving Alicia a duvet day today x", "Alicia is"),
    ("Tilly dreads Thursdays because of PE so there's no chance today.", "Tilly is"),
    # Never someone else named later, or someone off work (the attacker on round 122).
    ("He's got a cold. Oliver won't be in either.", "He is"),
    ("Karen off work today, her anxiety.", "She is"),
])
def test_the_suggestion_names_the_child_the_parent_wrote(text, starts):
    assert check_text(text).suggestion.startswith(starts)


def test_a_second_child_named_after_the_first_is_not_taken_for_them():
    result = check_text("Morning. Tyler has D&V. I've also got Harley off but that's for his hearing test at the "
                        "audiology clinic, letter attached.")
    assert result.verdict == "ok" and result.suggestion is None


def test_talk_of_not_wanting_to_be_here_gets_help_and_no_wording():
    """The newcomer on round 122: the finding said the check does not word a crisis, and then it did."""
    result = check_text("She was really low last night and said she'd be better off not here. Poppy won't be in today.")
    assert result.suggestion is None and result.urgent


# --- the attack on round 177 -----------------------------------------------------------------

@pytest.mark.parametrize("answer", ["migraine, not really", "a cold maybe", "headache apparently", "tonsillitis (his sister)",
                                    "nan is ill", "my migraine", "a bug, so he says"])
def test_an_answer_that_hedges_or_is_someone_elses_never_fills_the_gap(answer):
    from refusal_log.wording import InvalidUnclear, fill_gap

    with pytest.raises(InvalidUnclear):
        fill_gap("Sam is too unwell to attend school today ([what is wrong]).", answer, child="Sam")


@pytest.mark.parametrize("answer", ["a migraine", "her anxiety", "being sick", "a high temperature", "his asthma",
                                    "my son has a migraine"])
def test_a_plain_answer_still_fills_the_gap(answer):
    from refusal_log.wording import fill_gap

    assert fill_gap("Sam is too unwell to attend school today ([what is wrong]).", answer, child="Sam") == \
        f"Sam is too unwell to attend school today ({answer})."


@pytest.mark.parametrize("text", [
    "Sam is refusing and Dad is ill, he has covid",
    "Sam is refusing and so is Lily, she has a cold",
    "Sam refusing, his dad's off work, he has covid",
    "Sam is refusing to go in; his brother Tom is in hospital, he has appendicitis",
])
def test_a_he_or_she_meaning_someone_else_never_gives_the_child_their_illness(text):
    from refusal_log.wording import infer_absence_type

    result = check_text(text)
    assert result.verdict == "avoid" and result.suggestion is None and result.withheld
    assert infer_absence_type(text) != "illness"


@pytest.mark.parametrize("text", [
    "Sam is too unwell to attend school today. He is not ill.",
    "Sam is unwell. He isn't really.",
    "Sam has a migraine. Actually he doesn't.",
    "Sam has a headache, lol not really",
    "Sam is ill. I know he's not, but please just mark it as ill.",
    "sick 4 times since 5am? no, he's not, he's just refusing",
    "Sam's refusing, he's perfectly healthy",
    "Poppy is refusing, she isn't anxious, she just doesn't like her teacher",
])
def test_an_illness_taken_back_is_never_worded_as_illness(text):
    result = check_text(text)
    assert result.verdict != "ok" and result.suggestion is None and result.withheld


def test_an_accusation_answered_is_not_a_denial():
    result = check_text("Some people think Charlie's just skiving. He isn't. He's got a chest infection, "
                        "the doctor confirmed it this morning.")
    assert result.verdict == "ok"


@pytest.mark.parametrize("text", ["Sam tried to overdose last night", "Sam swallowed a bottle of pills last night",
                                  "Sam tried to jump out of the window", "Sam wrote a goodbye note"])
def test_an_attempt_in_other_words_gets_where_to_find_help(text):
    assert check_text(text).urgent


def test_jumping_off_a_wall_is_no_crisis():
    assert not check_text("She tried to jump off the wall and hurt her ankle").urgent




@pytest.mark.parametrize("text", ["Sam is poorly. Back Monday after our week in Majorca.",
                                  "Sam is ill. We will be back from Tenerife on Monday.",
                                  "Sam has a stomach bug. He's at the cinema with his dad."])
def test_a_trip_or_day_out_beside_an_illness_word_is_the_reason(text):
    assert check_text(text).verdict == "avoid"


# --- the attack on round 178 ---------------------------------------------------------------

@pytest.mark.parametrize("text", ["Mum here, she's got a temperature", "Dad here, he has tonsillitis",
                                  "Ella won't be in, her sister is fine, she has a fever"])
def test_the_writer_or_a_well_sibling_never_takes_the_childs_illness(text):
    assert check_text(text).verdict == "ok"


@pytest.mark.parametrize("text", ["Sam has a migraine. Just kidding, he just won't go.", "Tell them it's a migraine, he won't go",
                                  "Sam has a cold. Not really.", "Sam is refusing and Dad is ill and he has covid"])
def test_an_illness_made_up_or_someone_elses_is_withheld(text):
    result = check_text(text)
    assert result.verdict == "avoid" and result.suggestion is None and result.withheld


@pytest.mark.parametrize("answer", ["flu (Jack)", "covid (stepdad)", "a cold ;)", "headache, yeah right", "a cold, Sam says"])
def test_the_gate_refuses_someone_elses_or_a_winking_answer(answer):
    from refusal_log.wording import InvalidUnclear, fill_gap

    with pytest.raises(InvalidUnclear):
        fill_gap("Sam is too unwell to attend school today ([what is wrong]).", answer, child="Sam")


@pytest.mark.parametrize("answer, words", [("a fever, I took it at 7am", "a fever, I took it at 7am"),
                                           ("(a migraine)", "a migraine"), ("being sick (twice)", "being sick (twice)")])
def test_the_gate_takes_a_plain_answer_with_its_brackets_whole(answer, words):
    from refusal_log.wording import fill_gap

    assert fill_gap("Sam is too unwell to attend school today ([what is wrong]).", answer, child="Sam") == \
        f"Sam is too unwell to attend school today ({words})."


@pytest.mark.parametrize("text", ["Sam OD'd last night", "Sam took all his sertraline at once", "Sam drank bleach",
                                  "He has a plan to end it", "He's given away all his things"])
def test_more_attempts_and_plans_bring_help_first(text):
    assert check_text(text).urgent


def test_goodbye_notes_for_a_house_move_are_no_crisis():
    assert not check_text("She wrote goodbye notes for her friends as we're moving house").urgent


@pytest.mark.parametrize("reason", ["Sam is too unwell (what's wrong).", "Sam is too unwell\uff08what is wrong\uff09.",
                                    "Sam is too unwell ([what is wrong?]).", "Sam is too unwell {what is wrong with him}.",
                                    "Sam is too unwell ([what is\u200b wrong]).", "Sam is too unwell ()."])
def test_the_gap_is_refused_however_it_was_copied(reason):
    from refusal_log.errors import InvalidInput
    from refusal_log.text import gap_filled

    with pytest.raises(InvalidInput):
        gap_filled(reason)
    for honest in ("Sam has a temperature (38.5).", "Sam has a virus (?) and a rash.", "Sam is poorly (...)."):
        assert gap_filled(honest) == honest


# --- the attack on round 179 ---------------------------------------------------------------

@pytest.mark.parametrize("text", ["Sam is too unwell to attend school (not ill, refusing)",
                                  "He is too unwell to attend school. He isn't really, he won't go.",
                                  "He is too anxious to attend (he's not anxious, he won't go)"])
def test_a_denial_beside_the_claim_is_withheld(text):
    result = check_text(text)
    assert result.verdict == "avoid" and result.suggestion is None and result.withheld


@pytest.mark.parametrize("text", ["Dad checked, he has a temperature", "Mum writing, she has a fever",
                                  "Her sister is at nursery, she has a fever"])
def test_someone_doing_something_before_a_he_or_she_leaves_the_illness_the_childs(text):
    assert check_text(text).verdict == "ok"


@pytest.mark.parametrize("text", ["He attempted an overdose", "She swallowed all her sertraline", "He took 20 ibuprofen",
                                  "He's been stockpiling tablets", "He tried to poison himself", "She slit her wrists",
                                  "He put a knife to his throat", "He was on the edge of the bridge",
                                  "She left us a goodbye letter", "He's been googling ways to die",
                                  "She said nobody would miss her", "She scratched her arms until they bled"])
def test_attempts_plans_and_goodbyes_in_yet_more_words_bring_help_first(text):
    assert check_text(text).urgent


@pytest.mark.parametrize("text", ["He drank some bleach by accident, poisons centre said he's fine",
                                  "He gave away all his things for the charity sale"])
def test_an_accident_or_a_charity_sale_is_no_crisis(text):
    assert not check_text(text).urgent


@pytest.mark.parametrize("text", ["Excuse: migraine", "He has a migraine, that's our excuse", "Cover story: he has a migraine",
                                  "Just say it's a migraine", "We're telling school he has a migraine"])
def test_an_illness_given_as_an_excuse_is_never_worded_as_illness(text):
    result = check_text(text)
    assert result.verdict == "avoid" and result.suggestion is None and result.withheld


# --- round 182 (blind1493-1498) and what the attack on round 179 left ---------------------------

@pytest.mark.parametrize(("inside", "verdict"), [("Mum has flu", "avoid"), ("day off", "avoid"), ("his sister has a bug", "avoid"),
                                                 ("maybe a cold", "caution"), ("tired", "caution"), ("nan's funeral", "caution")])
def test_the_brackets_after_the_faqs_words_are_read_as_the_reason(inside, verdict):
    result = check_text(f"Sam is too unwell to attend school today ({inside})")
    assert result.verdict == verdict and result.suggestion is None and result.withheld
    # Each finding cites its source, and no tip talks of evidence of an illness (the newcomer on round 182).
    assert all(f.source for f in result.findings) and not any("evidence of the illness" in h for h in result.hints)


@pytest.mark.parametrize("inside", ["covid", "a migraine", "anxiety", "low mood", "vomiting and diarrhoea", "see GP letter"])
def test_an_illness_in_the_brackets_after_the_faqs_words_stays_fine(inside):
    assert check_text(f"Sam is too unwell to attend school today ({inside})").verdict == "ok"


@pytest.mark.parametrize("text", ["Sam is off. Dad is ill. He has covid.", "Sam is off because Dad is ill, he has covid"])
def test_a_he_after_a_full_stop_or_because_can_be_the_person_just_named_ill(text):
    result = check_text(text)
    assert result.verdict != "ok" and result.suggestion is None


@pytest.mark.parametrize("text", ["Oisin says he's ill. He's not.", "She says she feels sick. She doesn't."])
def test_the_childs_claim_of_illness_taken_back_is_withheld(text):
    result = check_text(text)
    assert result.verdict == "avoid" and result.suggestion is None and result.withheld


@pytest.mark.parametrize("text", ["Is she refusing? No. She's been sick all night", "Is he refusing? No, he has a fever."])
def test_a_question_answered_no_denies_the_word(text):
    assert check_text(text).verdict == "ok"


def test_recovered_then_kept_home_to_be_sure_is_not_worded_as_illness():
    result = check_text("Grace's chickenpox spots all scabbed over on Friday so she's not catching any more, "
                        "but I've kept her in today just to be sure.")
    assert result.verdict == "avoid" and result.suggestion is None


def test_the_one_name_said_to_be_ill_after_a_he_is_kept_in_the_suggestion():
    result = check_text("I know last year he was off loads because of the bullying but this is nothing to do with that, "
                        "Rhys has a bit of a cold.")
    assert result.suggestion and result.suggestion.startswith("Rhys ")


# --- the attack on round 182 ------------------------------------------------------------------

@pytest.mark.parametrize("text", ["Keeping Sam home. Grandad has had a fall. He has broken his hip.",
                                  "Keeping Sam home. My partner is ill. She has covid.",
                                  "Keeping Sam home today. His friend Josh is ill. He has chickenpox."])
def test_a_he_or_she_after_the_sentence_about_someone_else_is_theirs(text):
    from refusal_log.wording.absence_types import infer_absence_type

    assert check_text(text, child="Sam Jones").suggestion is None
    assert infer_absence_type(text, child="Sam Jones") != "illness"


@pytest.mark.parametrize("text", ["Sam is off. His sister is ill. He is too.", "Sam is off. Dad has covid. He has tested positive too.",
                                  "Is he faking? No. He has a fever of 39.", "Is he skiving? No. He has tonsillitis."])
def test_the_child_ill_too_or_a_suspicion_answered_no_stays_fine(text):
    assert check_text(text).verdict == "ok"


@pytest.mark.parametrize("text", ["Is he ill? No.", "Sam is ill. Is he? No.", "Sam says he feels sick. He's fine.",
                                  "Sam is too ill to attend school today (Mum has flu)", "Sam is off sick today (day off)",
                                  "Sam is too unwell to attend school today - Mum has flu", "Sam is too unwell to attend school today [he's fine]",
                                  "Sam is too unwell to attend school today (pretending)", "Sam is too unwell to attend school today (parent unwell)"])
def test_an_illness_denied_or_someone_elses_in_other_forms_is_neither_worded_nor_logged_as_illness(text):
    from refusal_log.wording.absence_types import infer_absence_type

    result = check_text(text, child="Sam Jones")
    assert result.verdict != "ok" and result.suggestion is None and result.withheld
    assert infer_absence_type(text, child="Sam Jones") != "illness"


@pytest.mark.parametrize("text", ["Ella went in. Keeping him home, he has a cold.", "Keeping him home with a cold. Ella will be in as normal.",
                                  "Keeping him off with a cold. Josh will bring his homework in."])
def test_the_suggestion_never_names_a_child_who_is_in_school(text):
    assert check_text(text).suggestion.startswith("He is too unwell")


# --- the attack on round 183 and round 184 ------------------------------------------------------

@pytest.mark.parametrize("text", ["Keeping Sam home. Grandad has pneumonia. He's very ill.", "Sam's mum is ill. She has the flu.",
                                  "I've told her to take a mental health day.", "Fever's gone, keeping him in just to be on the safe side.",
                                  "Ill? No.", "Sam says he has a headache. As if."])
def test_someone_elses_or_a_denied_illness_is_not_logged_as_the_childs(text):
    from refusal_log.wording.absence_types import infer_absence_type

    assert check_text(text, child="Sam Jones").suggestion is None
    assert infer_absence_type(text, child="Sam Jones") != "illness"


@pytest.mark.parametrize("text", ["Sam is too unwell to attend school today (ME/CFS)", "Sam is too unwell to attend school today (Dr says 48 hours)",
                                  "His sister is ill. So is he.", "His sister is ill. He has also got it.",
                                  "Can't get Finlay up this morning - and no, not THAT kind of can't, he's burning up, 39.4.",
                                  "Poppy's taxi never turned up. I've rang the council transport 4 times. It's 12 miles so I can't walk her."])
def test_honest_reports_from_the_attack_on_round_183_stay_fine(text):
    assert check_text(text).verdict == "ok"


def test_a_draft_with_someone_elses_illness_in_the_faqs_brackets_is_warned_of():
    # The newcomer on round 184: check_document, which drafts use, said nothing of "(Mum has flu)".
    from refusal_log.wording.engine import check_document

    draft = check_document("Dear Mrs Khan,\n\nSam is too unwell to attend school today (Mum has flu).\n\nAlex", child="Sam Jones")
    assert draft.verdict == "avoid" and all(f.source for s in draft.sentences for f in s.findings)
    assert check_document("Sam is too unwell to attend school today (a migraine).", child="Sam Jones").verdict == "ok"


# --- round 185 (blind1517-1522) ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["I'm ill, not Sam. Been up all night being sick.",
                                  "It's me who's poorly, not Sam! Been sick since 4am so I can't drive him in.",
                                  "Fi sy'n sâl, not Sam! Been up all night being sick."])
def test_a_sentence_with_no_subject_after_the_parents_illness_is_the_parents(text):
    from refusal_log.wording.absence_types import infer_absence_type

    result = check_text(text, child="Sam Jones")
    assert result.verdict == "avoid" and "parent_unwell" in [f.rule for f in result.findings] and result.suggestion is None
    assert infer_absence_type(text, child="Sam Jones") != "illness"


def test_a_sentence_with_no_subject_after_the_parent_up_with_the_child_is_the_childs():
    assert check_text("I've been up with him all night. Been sick 4 times.").verdict == "ok"


@pytest.mark.parametrize("text", ["She was at a concert last night and she's shattered, not coming in till lunch.",
                                  "He stayed up watching the boxing with his uncle last night so he's knackered this morning."])
def test_tired_after_a_night_out_is_avoid_even_when_coming_in_later(text):
    result = check_text(text)
    assert result.verdict == "avoid" and "tired" in [f.rule for f in result.findings] and result.suggestion is None


def test_tired_after_the_school_trip_is_never_fine():
    # blind1519: "on the school trip ... yesterday and come back very late, he is too tired today" was fine.
    result = check_text("He got back from the school trip late last night and he's too tired today.")
    assert result.verdict != "ok" and result.suggestion is None
    assert check_text("He's on the school trip today, he was so excited this morning.").verdict == "ok"


def test_illness_denied_beside_another_denial_is_never_worded_as_illness():
    result = check_text("Not ill, not anxious, just not herself.")
    assert "illness_denied" in [f.rule for f in result.findings] and result.suggestion is None and result.withheld


@pytest.mark.parametrize("text", ["The council bus drove straight past him again this morning.",
                                  "111 said keep him home for 48 hours after being sick, so we're doing what they said."])
def test_lawful_reasons_and_advice_followed_in_round_185s_words_are_fine(text):
    assert check_text(text).verdict == "ok"


@pytest.mark.parametrize("text", ["He's been crying on and off since he woke. He's staying with me.",
                                  "She's very wobbly today so she's staying with me.",
                                  "Nightmares again and he's very flat this morning. Keeping him off."])
def test_a_decision_beside_the_childs_distress_in_more_words_is_a_caution(text):
    assert check_text(text).verdict == "caution"


# --- round 186 (blind1523-1528) and the attack on round 185 ------------------------------------------------------------

@pytest.mark.parametrize("text", ["I'm ill. She has tonsillitis.", "I'm ill and she has tonsillitis.",
                                  "I'm poorly too. She has a temperature of 39.", "I'm sick of this. She's been up all night being sick.",
                                  "I'm sick with worry. She has a temperature of 39."])
def test_a_he_or_she_after_the_writers_own_illness_or_worry_is_the_childs(text):
    from refusal_log.wording.absence_types import infer_absence_type

    assert check_text(text, child="Sam Jones").verdict == "ok"
    assert infer_absence_type(text, child="Sam Jones") == "illness"


@pytest.mark.parametrize("text", ["His sister's poorly, not him. Temperature of 39.", "It's his brother who's ill. Been sick all night.",
                                  "I'm ill. Up all night being sick, I can't take him in."])
def test_a_sentence_naming_nobody_after_someone_elses_illness_is_theirs(text):
    from refusal_log.wording.absence_types import infer_absence_type

    assert check_text(text, child="Sam Jones").suggestion is None
    assert infer_absence_type(text, child="Sam Jones") != "illness"


@pytest.mark.parametrize("text", ["She's too unwell to attend school. (She isn't really, she won't go.)",
                                  "She has a cold but she's well enough to go, she just won't.",
                                  "She's poorly, well not really, just tired.", "Tummy ache, put on I think.",
                                  "Not ill, not refusing. Just not herself.", "Nothing physically wrong, she's just not herself."])
def test_an_illness_taken_back_or_called_put_on_is_never_worded_or_logged(text):
    from refusal_log.wording.absence_types import infer_absence_type

    result = check_text(text, child="Sam Jones")
    assert result.suggestion is None and result.withheld
    assert infer_absence_type(text, child="Sam Jones") != "illness"


@pytest.mark.parametrize("text,kind", [
    ("Good morning, Sam is observing Ashura today with our family at the mosque, so he will not attend.", "religious"),
    ("The council minibus broke down and they rang to say there's no replacement, so Sam is at home.", "transport"),
    ("The council minibus went past without Sam again this morning.", "transport"),
    ("No transport came for Sam today, the council has been told.", "transport"),
    ("I got the school's text last night saying Year 9 are to stay at home today because of the heating.", None)])
def test_lawful_reasons_in_round_186s_words_are_fine_and_typed(text, kind):
    from refusal_log.wording.absence_types import infer_absence_type

    assert check_text(text, child="Sam Jones").verdict == "ok"
    if kind:
        assert infer_absence_type(text, child="Sam Jones") == kind


@pytest.mark.parametrize("text", ["Had to take his brother to his hospital appointment so he's come with us.",
                                  "We're away in Tenerife till Sunday, back Monday.", "Sam's been given a mental health day, he needs a break.",
                                  "hiya no lift today, my partners took the car to work so Sam wont be in",
                                  "Late night back from our trip to London and she's still asleep."])
def test_a_day_out_a_siblings_appointment_or_a_day_given_is_avoid(text):
    result = check_text(text)
    assert result.verdict == "avoid" and result.suggestion is None


def test_a_trip_or_a_test_in_the_faqs_brackets_is_another_reason():
    from refusal_log.wording.absence_types import infer_absence_type

    for text in ("Sam is too unwell to attend school today (trip to London)", "Sam is too unwell to attend school today (maths test)"):
        result = check_text(text, child="Sam Jones")
        assert result.verdict != "ok" and result.suggestion is None
        assert infer_absence_type(text, child="Sam Jones") != "illness"
    assert check_text("Sam is too unwell to attend school today (blood test)").verdict == "ok"


def test_a_day_the_gp_gave_is_not_a_day_off():
    assert check_text("The GP has given him a mental health day.").verdict != "avoid"


# --- the attack on round 186 -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["Sam is too unwell to attend school. Not really, he just won't go.",
                                  "Sam is too unwell to attend school. He's fine though.",
                                  "Sam is too unwell to attend school. (Between us he's fine.)",
                                  "Sam is too unwell to attend school. I'll just say that.",
                                  "I'm ill. My husband is too. He has flu.", "My partner and I are ill, she has covid.",
                                  "I'm sick and my wife is too, she has a temperature."])
def test_the_faqs_sentence_taken_back_or_another_adults_illness_is_never_logged_as_the_childs(text):
    from refusal_log.wording.absence_types import infer_absence_type

    result = check_text(text, child="Sam Jones")
    assert result.suggestion is None and result.withheld
    assert infer_absence_type(text, child="Sam Jones") != "illness"


@pytest.mark.parametrize("text", ["I'm ill too. Temperature of 39, he's in bed.", "Sam has a migraine, he's fine otherwise.",
                                  "His sister is ill. He is too."])
def test_the_child_ill_as_well_as_someone_else_stays_the_childs(text):
    from refusal_log.wording.absence_types import infer_absence_type

    assert check_text(text, child="Sam Jones").verdict == "ok"
    assert infer_absence_type(text, child="Sam Jones") == "illness"


@pytest.mark.parametrize("words", ["the zoo", "flight at 6am", "swimming lesson", "cinema"])
def test_more_outings_in_the_faqs_brackets_are_another_reason(words):
    result = check_text(f"Sam is too unwell to attend school ({words})")
    assert result.verdict != "ok" and result.suggestion is None


def test_a_mental_health_day_the_school_agreed_is_not_a_day_off_the_family_chose():
    assert check_text("The school agreed she could have a mental health day.").verdict != "avoid"


# --- round 187 (blind1529-1534) ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,verdict", [
    ("She was poorly on Friday with a temperature. She's been fine since yesterday but I've kept her home just in case.", "avoid"),
    ("Mental health day for him today, I think they all need one now and then.", "avoid"),
    ("He won't be in today because I have no car, his dad took it to work.", "avoid"),
    ("Had a late one at the Coldplay concert so she's shattered, she'll be in at lunch.", "avoid"),
    ("He had a bad cold and a fever and he was sick in the night, so he's staying home today.", "ok"),
    ("His asthma flared up overnight, he's been on his inhaler every two hours and he's still wheezy. Keeping him home.", "ok")])
def test_round_187s_classes_in_our_own_words(text, verdict):
    assert check_text(text).verdict == verdict


# --- round 188 (blind1535-1540) ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,verdict", [
    ("His match ran really late last night and he's knackered. He'll be in after lunch.", "avoid"),
    ("Got back from the gig at 1am, she's out for the count, she'll be in later.", "avoid"),
    ("She's having a mental health day, she's had a hard week and I've told her she can have it.", "avoid"),
    ("My lift's let me down and I don't drive, so he won't be in.", "avoid")])
def test_round_188s_classes_in_our_own_words(text, verdict):
    assert check_text(text).verdict == verdict


# --- the attack on round 187 -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["He has a tummy ache. Not really, he just won't go.", "He has a cold. He's fine though.",
                                  "Sam is too unwell to attend school. Actually he's fine.",
                                  "Sam is too unwell to attend school. It's a white lie.",
                                  "Sam is too unwell to attend school. Between us, he just refuses.",
                                  "Mental health day today, I think every child needs one.", "Sam has flu. Joking, he's fine.",
                                  "Sam has a stomach ache (he hasn't really).",
                                  "He was ill on Monday, fine since this morning, I'm keeping him home to be on the safe side."])
def test_an_illness_taken_back_after_any_sentence_is_never_worded_or_logged(text):
    from refusal_log.wording.absence_types import infer_absence_type

    result = check_text(text, child="Sam Jones")
    assert result.suggestion is None and result.withheld
    assert infer_absence_type(text, child="Sam Jones") != "illness"


@pytest.mark.parametrize("text", ["Sam is too unwell to attend school. Not really eating, just sleeping.",
                                  "He has a migraine. He's fine otherwise.",
                                  "Is he eating? Not really, he's just sleeping. He has a temperature of 39."])
def test_not_really_about_something_else_or_fine_otherwise_is_no_take_back(text):
    assert check_text(text).verdict == "ok"


def test_no_one_to_take_him_is_the_parents_situation_not_a_made_up_appointment():
    # The newcomer on round 187: "but there's no one" was explained as an appointment that does not exist.
    rules = [f.rule for f in check_text("Sam is fine but there's no one to take him.").findings]
    assert "parent_situation" in rules and "illness_doubted" not in rules
    assert "illness_doubted" in [f.rule for f in check_text("He says he has a dentist appointment but there isn't one.").findings]


# --- round 189 (blind1541-1546) ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,verdict", [
    ("hi sam and his little brother both been sick in the night, sam 3 times so hes off today", "ok"),
    ("He has a fever of 38.5, but honestly this is also school refusing again.", "avoid"),
    ("School text last night say Year 8 stay at home today because the heating is broken, so he is home.", "ok"),
    ("The letter say Year 10 do study at home today because of exams in the hall.", "ok"),
    ("He's been up all night with diarrhoea, keeping him home.", "ok")])
def test_round_189s_classes_in_our_own_words(text, verdict):
    assert check_text(text).verdict == verdict


@pytest.mark.parametrize("text", ["Sam will not attend school on Ashura.", "Sam will not attend on Good Friday."])
def test_a_holy_day_after_will_not_attend_is_not_denied_by_its_not(text):
    # The attack on round 186: the "not" of "will not attend" was read as denying the holy day after it.
    from refusal_log.wording.absence_types import infer_absence_type

    assert check_text(text).verdict == "ok" and infer_absence_type(text, child="Sam Jones") == "religious"


# --- round 190 (blind1547-1552) ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,verdict", [
    # Someone else's injury, night or emergency: a caution, never the child's illness.
    ("Sam's sister broke her wrist last night and we were at A&E till 2, he's exhausted.", "caution"),
    ("His little sister kept the whole house up with croup, he's shattered.", "caution"),
    ("Sam's baby brother was admitted to the children's ward overnight with bronchiolitis, Sam is with us.", "caution"),
    ("Sam's our kid was rushed in with appendicitis last night, so Sam's with me.", "caution"),
    ("Sam is very tired. His baby sister have night terrors all night and nobody sleep. He stay home today.", "caution"),
    ("My dad (Sam's grandad) was rushed in with a suspected heart attack, Sam's coming with me to Derby.", "caution"),
    ("Sam's mum starts her chemo today and he wants to be there with her, I hope that's alright.", "caution"),
    # The parent's own doubt, situation or word.
    ("Sam, ill? Not really. His cousin's christening is at 11 and we all want to go.", "avoid"),
    ("He had a temperature last night but woke up fine, so just to be safe I'm keeping him home.", "avoid"),
    ("Says her ear hurts. Seems fine to me, she's singing away, but she's home.", "avoid"),
    ("He always gets a stomach ache every time he has swimming.", "avoid"),
    ("He had a cold last month but today it's the bullying, he's staying home.", "avoid"),
    ("The head teacher did not approve Sam's leave, but the tickets were booked so he'll be away until Friday.", "avoid"),
    ("His dad has a shift and I don't drive, so no one can take him.", "avoid"),
    ("He's at his mum's this week and she can't drive him in, so he'll be off.", "avoid"),
    # The child's illness said plainly, whatever is said beside it.
    ("Don't want you thinking he's bunking off, he's been sick four times since 3am.", "ok"),
    ("His twin was being sick all night and now Sam's started too, both off.", "ok"),
    ("The office rang & said Sam can't come back until he's 48 hours clear, so he's home.", "ok"),
    ("My daughter have bad tummy pain and she vomit in the night. She is staying home.", "ok"),
    ("His asthma was awful all through the night so we're keeping him in today.", "ok")])
def test_round_190s_classes_in_our_own_words(text, verdict):
    assert check_text(text).verdict == verdict


@pytest.mark.parametrize("text", ["Leo told me after tea he had been sick at school, so he's staying home today.",
                                  "His sister was being sick all night so none of us slept, he's staying home today."])
def test_sickness_at_school_yesterday_or_a_sisters_is_no_reason_to_stay_home_today(text):
    assert check_text(text).verdict == "caution"


# --- round 191 (blind1553-1558) ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,verdict", [
    ("Sam has tonsillitis, the GP says not fit for school until Friday.", "ok"),
    ("Hiya, me little one's got chickenpox, the doctor said keep her off till they scab over.", "ok"),
    ("He has a high fever and was sick on the way in, so I brought him home.", "ok"),
    ("Sam's got a tummy bug, sick 5 times since midnight. I know he's been finding school hard lately, this is different.",
     "ok"),
    ("Sam has his CAMHS appointment at 9.45 so he will miss the morning. I'll bring him in after lunch if he's up to it.",
     "ok"),
    ("Sam has his dentist appointment at 10. Last time someone marked it as truanting but I have the card.", "ok"),
    ("Sam says his knees are hurting and he feels hot. He's staying home.", "caution"),
    ("He's not himself, very pale and quiet. I'll keep an eye on him at home.", "caution"),
    ("We were at A&E until 2am with my dad, Sam had to come too. I'll bring him in this afternoon.", "caution"),
    ("Sam's twin had a fever all night and I was up and down with her, Sam's had hardly any sleep and is exhausted.",
     "caution"),
    ("His dad was meant to take him but he's gone to work early, so I've no lift for him.", "avoid"),
    ("Sam's got his Cubs camp today so won't be in.", "avoid"),
    ("He went to the darts at the arena last night, it was a late one and he's shattered.", "avoid"),
    ("He has a cold. Honestly he needs a break from that class for a few days.", "avoid"),
    ("He's all better now but I've kept him off one more day to be safe.", "avoid")])
def test_round_191s_classes_in_our_own_words(text, verdict):
    assert check_text(text).verdict == verdict


# --- round 192 (blind1559-1564) ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,verdict", [
    ("Sam and I both had the bug, he's better now but I'm still poorly so no school run today.", "avoid"),
    ("He has a headache (again!). Friday miracle, you know how it is.", "avoid"),
    ("He had a temperature on Sunday, fine since. Keeping him off today to be on the safe side.", "avoid"),
    ("He was at a sleepover last night and is really tired.", "avoid"),
    ("He has a mental health day, I've told him he can stay home.", "avoid"),
    ("We got back from Spain late last night so he's sleeping in.", "avoid"),
    ("Not ill exactly, Sam's just worn out.", "avoid"),
    ("we r away 4 the weekend, bk wed", "avoid"),
    ("He said his ear hurt at 8 but he was racing round the garden by 10.", "avoid"),
    ("Something's up with him, he's off his food, but I don't know what.", "caution"),
    ("His sister was in crisis last night and the crisis team were here till 2, Sam's very shaken.", "caution"),
    ("We were at A&E till 4am with his grandad and Sam was with us, he's shattered.", "caution"),
    ("He was crying with the pain all night with his ear infection, keeping him home.", "ok"),
    ("My son very low, he crying all night, the doctor is see him today at 10.", "ok"),
    ("He has conjunctivitis, the GP said two days off. He reckons he's fine but doctor's orders.", "ok"),
    ("The bus did not come. The council one, not the town bus.", "ok"),
    ("He has a fever. Last week he was saying he didn't want to come in for the test, but this isn't that.", "ok")])
def test_round_192s_classes_in_our_own_words(text, verdict):
    assert check_text(text).verdict == verdict


# --- the attack on rounds 190 and 191 ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["Sat up all night with his gran, she has pneumonia.",
                                  "Looking after his little brother today as he has chickenpox.",
                                  "Been up with my youngest all night, she has croup, so Sam is shattered.",
                                  "Took his sister to the GP, she has an ear infection."])
def test_a_he_or_she_after_someone_looked_after_is_theirs_never_the_childs(text):
    from refusal_log.wording.absence_types import infer_absence_type

    result = check_text(text, child="Sam Jones")
    assert result.verdict != "ok" and result.suggestion is None
    assert infer_absence_type(text, child="Sam Jones") != "illness"


@pytest.mark.parametrize("text", ["His temperature's gone, he's fine, but I'm keeping him off.",
                                  "Recovered from the cold, having a lazy day.",
                                  "Her earache's all gone, she's staying home anyway.",
                                  "He had a cough yesterday, he's fine today, but he's staying home.",
                                  "Toothache until I said he could stay home, then it disappeared.",
                                  "Poorly with a bad case of mondayitis."])
def test_an_illness_said_to_be_over_or_doubted_is_never_worded_as_illness(text):
    result = check_text(text)
    assert result.verdict == "avoid" and result.suggestion is None and result.withheld


def test_leave_refused_is_the_heads_answer_not_the_child_refusing():
    result = check_text("Leave was refused but we've booked Spain.")
    assert [f.rule for f in result.findings] == ["holiday"] and result.suggestion is None


@pytest.mark.parametrize("text", ["In A&E till 4am with me mam, Sam had to come.", "We were at A&E all night with my mum."])
def test_a_night_at_a_and_e_with_someone_else_is_not_typed_illness(text):
    from refusal_log.wording.absence_types import infer_absence_type

    assert check_text(text, child="Sam Jones").verdict == "caution"
    assert infer_absence_type(text, child="Sam Jones") == "other"
    assert infer_absence_type("Sam has been taken to A&E.", child="Sam Jones") == "illness"


@pytest.mark.parametrize("text", ["He has been sick at 3am, fine now, keeping him home for 48 hours.",
                                  "His temperature has come down but he's still not eating, keeping him home."])
def test_still_unwell_or_within_the_48_hours_is_no_recovery(text):
    assert check_text(text).verdict in ("ok", "caution") and not check_text(text).withheld


@pytest.mark.parametrize("text", ["Headache (he's really not).", "Sick (really it's her party).", "She thinks she's poorly, I don't.",
                                  "Officially she's ill.", "Tummy ache, officially.", "For the register, say illness.",
                                  "He's unwell if anyone asks.", "Headache, conveniently on swimming day.",
                                  "Funny how his tummy aches only come on Mondays.", "Earache that vanished at 9.10.",
                                  "Taking a sick day.", "A mental health day would do him good."])
def test_an_illness_put_on_for_the_record_is_never_drafted_as_illness(text):
    from refusal_log.wording.absence_types import infer_absence_type

    result = check_text(text, child="Sam Jones")
    assert result.verdict == "avoid" and result.suggestion is None
    assert infer_absence_type(text, child="Sam Jones") != "illness"


@pytest.mark.parametrize("text", ["Me youngest has got a chest infection.",
                                  "She was meant to be at her cousin's party but she's been sick all night.",
                                  "We were due to fly to Malaga but he has chickenpox and can't fly.",
                                  "The doctor says no school till the rash has gone.",
                                  "Officially she's been diagnosed with asthma, she had an attack last night."])
def test_an_honest_illness_beside_a_missed_trip_or_the_doctors_words_stays_fine(text):
    assert check_text(text).verdict == "ok"


# --- round 193 (blind1565-1570) ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,verdict", [
    ("No, it's not school refusal 🙄 he's been sick since 5am.", "ok"),
    ("He has flu, the GP said three days off. Not a skive whatever his cousin says 🙄", "ok"),
    ("He has his hospital appointment at 9.30 so he won't be in this morning. In after lunch if he's up to it.", "ok"),
    ("His brother was in and out of hospital with his asthma all night, Sam is exhausted.", "caution"),
    ("He was at a sleepover, they were up till 2, he's not fit for school.", "avoid"),
    ("After the Scouts trip yesterday, back very late, so he's resting this morning.", "avoid"),
    ("Funny how Sam always gets a headache on a Friday.", "avoid"),
    ("His fever went on Sunday and he's back to normal, but I'll keep him one more day to be safe.", "avoid"),
    ("We're still waiting for a meeting about Mr Hall. Until then he stays home.", "avoid"),
    ("He's having a school refusing morning and has a bit of a cold.", "avoid"),
    ("Sam's at the match with his grandad today.", "avoid"),
    ("We have an appointment at the Home Office for my visa, he's coming with us.", "avoid")])
def test_round_193s_classes_in_our_own_words(text, verdict):
    assert check_text(text).verdict == verdict


# --- round 194 (blind1571-1576) ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,verdict", [
    ("He's had ear infections before, but today he's just tired from the party last night.", "avoid"),
    ("She's tired from the dance competition at the weekend, not coming in today.", "avoid"),
    ("She needs a mental health day so I'm giving her one.", "avoid"),
    ("He was at a sleepover and they were up all hours.", "avoid"),
    ("He had a temperature on Friday, all gone now, but I'd like one more day at home for him.", "avoid"),
    ("He has a photo shoot today.", "avoid"),
    ("Taking Sam out for the day, we both need a break.", "avoid"),
    ("our lad's been up all night spewin, keepin him off today", "ok"),
    ("The taxi the council sends for Sam never turned up and I don't drive, so he's at home.", "ok")])
def test_round_194s_classes_in_our_own_words(text, verdict):
    assert check_text(text).verdict == verdict


# --- the attack on rounds 192 and 193 ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["Put tummy bug, he just won't go.", "Officially a cold, really she's refusing.",
                                  "He wanted a day off, I'm telling them migraine."])
def test_an_illness_named_as_a_cover_story_is_never_drafted(text):
    from refusal_log.wording.absence_types import infer_absence_type

    result = check_text(text, child="Sam Jones")
    assert result.verdict == "avoid" and result.suggestion is None and result.withheld
    assert infer_absence_type(text, child="Sam Jones") != "illness"


@pytest.mark.parametrize("text", ["A&E with my dad all night, Sam came with us.", "Hospital with his nan all night.",
                                  "We were in A&E with grandad till 3."])
def test_a_and_e_with_someone_else_without_at_or_in_is_theirs(text):
    from refusal_log.wording.absence_types import infer_absence_type

    assert check_text(text, child="Sam Jones").verdict == "caution"
    assert infer_absence_type(text, child="Sam Jones") != "illness"


@pytest.mark.parametrize("text", ["Hair appointment this morning.", "Court appointment today, she has to come with me.",
                                  "My Jobcentre appointment, he has to come.", "Dentist appointment (not really)."])
def test_an_appointment_with_no_clinician_or_taken_back_is_not_typed_a_medical_appointment(text):
    from refusal_log.wording.absence_types import infer_absence_type

    assert infer_absence_type(text, child="Sam Jones") != "appointment"
    assert infer_absence_type("Dentist appointment at 10.", child="Sam Jones") == "appointment"


@pytest.mark.parametrize("text", ["Sat up all night with me mam, she's got a temperature.",
                                  "Up all night with my father-in-law, he has pneumonia.",
                                  "Took the cat to the emergency vets, she had a fit."])
def test_a_he_or_she_after_a_dialect_relative_an_in_law_or_a_pet_is_never_the_childs(text):
    from refusal_log.wording.absence_types import infer_absence_type

    assert check_text(text, child="Sam Jones").verdict != "ok"
    assert infer_absence_type(text, child="Sam Jones") != "illness"


@pytest.mark.parametrize("text", ["It's a miracle I got any sleep, she was being sick all night.",
                                  "She's having a sick day, she's been vomiting since 4."])
def test_honest_words_near_the_new_doubts_stay_fine(text):
    assert check_text(text).verdict == "ok"


@pytest.mark.parametrize("text", ["Headache (yeah right).", "Ill, not that I believe it.", "Feigning illness again.",
                                  "Poorly for the register.", "As far as the school is concerned she's ill.",
                                  "Mysteriously sick every Monday.", "Sick day, nothing wrong with him.",
                                  "Sick so we went to Whitby for the day.", "Poorly with a cold, we're at Butlins.",
                                  "She's ill but went to her dance competition."])
def test_more_asides_and_outings_beside_an_illness_are_never_drafted(text):
    from refusal_log.wording.absence_types import infer_absence_type

    result = check_text(text, child="Sam Jones")
    assert result.verdict == "avoid" and result.suggestion is None
    assert infer_absence_type(text, child="Sam Jones") != "illness"


@pytest.mark.parametrize("text", ["Took her to see her nan in hospital, she has a chest infection.",
                                  "Headache, back late from the Scouts trip.", "Orthodontist appointment (jk)."])
def test_a_visit_a_late_trip_or_an_appointment_taken_back_is_never_drafted_as_illness(text):
    from refusal_log.wording.absence_types import infer_absence_type

    result = check_text(text, child="Sam Jones")
    assert result.verdict != "ok" and result.suggestion is None
    assert infer_absence_type(text, child="Sam Jones") not in ("illness", "appointment")


def test_sick_with_worry_beside_a_high_temperature_is_no_second_symptom():
    # Found by the property test after round 194: "high temp, sick with worry" had read as a high temperature and being
    # sick, so "keeping her off" was dropped and nothing was suggested.
    result = check_text("Sam is having a day off, has a migraine, has a high temp, sick with worry. Keeping her off.")
    assert result.verdict != "ok" and "sick with worry" in (result.suggestion or "")
