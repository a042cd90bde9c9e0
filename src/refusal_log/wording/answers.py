"""The parent's answer to "what is wrong?": whether it may fill the gap of a suggestion ("[what is wrong]").

Only an answer that names something wrong with the child, plainly, may: never "no", "he's fine" or "dunno", never a
hedge ("a cold maybe"), never someone else's illness ("tonsillitis (his sister)"), never a reason that is not illness.
"""

from __future__ import annotations

from refusal_log.errors import InvalidInput
from refusal_log.wording.analysis import _Analysis
from refusal_log.wording.answer_words import BRACKETED_NAME, HEDGED, NO_ILLNESS, SOMEONE_ELSES, UNSURE, plain_answer
from refusal_log.wording.loading import load_rules
from refusal_log.wording.verdict import _JUST, GAP, InvalidUnclear, check_text

def denies_illness(answer: str) -> bool:
    """True when the parent's answer to "what is wrong?" says nothing is, or that they do not know ("no", "nothing",
    "he's fine", "he isn't ill", "not sure"): then no sentence saying the child is too unwell may be made from it."""
    plain = plain_answer(answer)
    return bool(NO_ILLNESS.match(plain) or UNSURE.match(plain))


# What an answer may say that keeps it out of the sentence, in the order asked, with what the parent is told.
_NOT_AN_ANSWER = (
    (UNSURE.match, InvalidInput, "That answer says you are not sure what is wrong, so the suggested wording (which says "
                                  "your child is too unwell) is not used. You can keep your own words or cancel."),
    (NO_ILLNESS.match, InvalidInput, "That answer says nothing is wrong, so the suggested wording (which says your child "
                                      "is too unwell) is not used. You can keep your own words or cancel."),
    (HEDGED.search, InvalidUnclear, "That answer sounds unsure, so it was not put into a sentence that states it as fact. "
                                     "Choose s again and say plainly what is wrong, or keep your own words."),
    (SOMEONE_ELSES.search, InvalidUnclear, "That answer seems to be about someone else, so it was not put into a sentence "
                                            "about your child. Choose s again and say what is wrong with your child, or "
                                            "keep your own words."),
)


def fill_gap(suggestion: str, answer: str, child: str | None = None) -> str:
    """The suggestion with the parent's answer where the gap ([what is wrong]) was: "Sam is too unwell to attend
    school today ([what is wrong])." and "a migraine" give "Sam is too unwell to attend school today (a migraine).".
    A suggestion without a gap comes back as it was. An empty answer is an InvalidInput: the gap is never filled with
    a guess, nor with an answer saying nothing is wrong ("no", "he's fine"). `child`: the child it is logged for; an
    answer about someone else by name ("Sam has a cold", for Mia) fills nothing."""
    if GAP not in suggestion:
        return suggestion
    written = " ".join(str(answer or "").split())
    words = written.strip(" .;,[]!")
    if words.startswith("(") and words.endswith(")"):
        words = words[1:-1].strip()  # "(a migraine)": the brackets are the sentence's
    words = words.strip(" .;,()[]!") if words.count("(") != words.count(")") else words  # never a bracket left open
    if not words:
        raise InvalidInput("Say in a few words what is wrong (for example: a migraine, anxiety, "
                           "being sick), or keep your own words.")
    plain = plain_answer(words)
    for says, error, message in _NOT_AN_ANSWER:
        if says(plain) or (says is not UNSURE.match and says(written.lower())):  # ";)" and "(Jack)" as written
            raise error(message)
    named = BRACKETED_NAME.search(written)
    if named and not (child and named.group(1).lower() == child.split()[0].lower()):
        raise InvalidUnclear(_NOT_AN_ANSWER[-1][2])  # "flu (Jack)": another child's
    # The answer must name something wrong, and its sentence read as illness ("he won't go", "refusing", "yes" do not).
    rules = load_rules()
    filled = suggestion.replace(GAP, words, 1)
    result = check_text(filled, rules)
    if not _Analysis(words, rules, child=child).health or result.verdict != "ok" or _JUST.search(plain):
        raise InvalidUnclear("That answer does not say what is wrong with your child's health, so it was not "
                             "put into the sentence. Choose s again and say in a few words what is wrong (for "
                             "example: a migraine, anxiety, being sick), or keep your own words.")
    return filled

