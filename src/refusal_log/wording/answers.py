"""The parent's answer to "what is wrong?": whether it may fill the gap of a suggestion ("[what is wrong]").

Only an answer that names something wrong with the child, plainly, may: never "no", "he's fine" or "dunno", never a
hedge ("a cold maybe"), never someone else's illness ("tonsillitis (his sister)"), never a reason that is not illness.
"""

from __future__ import annotations

import re

from refusal_log.errors import InvalidInput
from refusal_log.wording.analysis import _Analysis
from refusal_log.wording.loading import load_rules
from refusal_log.wording.verdict import _JUST, GAP, InvalidUnclear, check_text

# An answer to "what is wrong?" that says nothing is wrong, that the parent does not know, or that
# gives a reason that is not illness: it must never fill the gap of a sentence saying the child is
# too unwell. Read after "n't" -> " not", "'s" -> " is" and dashes or dots -> spaces.
_NO_ILLNESS = re.compile(
    r"^(?:(?:no|nope|nah|naw|nae|na|n|none|nothing|nowt|nil|fine|ok|okay|alright|all right|all good|well|grand|"
    r"negative|n/?a|not really|nothing really|nothing at all)(?: (?:tbh|really|honestly|at all))?$"
    r"|(?:no|nope|nah|none)(?:[,.!;]| (?=(?:he|she|they|it|not|nothing)\b))"
    r"|(?:he|she|they|it) (?:is|are|seems?|looks?|feels?) (?:not|fine|ok|okay|alright|well|grand|perfectly|nothing|all right)\b"
    r"|(?:not|is not|are not) (?:ill|sick|unwell|poorly|really)\b|nothing (?:is )?(?:wrong|the matter)\b)", re.I)


# An answer that opens by saying the parent does not know ("dunno really, he is just upset"): it does not say what is
# wrong, so it fills nothing.
_UNSURE = re.compile(r"^(?:dunno|idk|unsure|not (?:really )?sure|no idea|no clue|who knows|"
                     r"(?:i )?(?:do not|dont) (?:really )?know)\b", re.I)
# An answer that takes itself back or hedges ("migraine, not really", "a cold maybe", "headache apparently"): the
# sentence would state as fact what the parent doubts (the attack on round 177).
_HEDGED = re.compile(r"\b(?:not really|or not|maybe|perhaps|possibly|probably|might be|may be|could be|i think|i guess|"
                     r"i suppose|i reckon|apparently|allegedly|supposedly|(?:so )?[a-z]+ (?:says|claims|reckons)|yeah right|"
                     r"doubt it|as if|according to (?:him|her|them)|if you believe|not that|ish|lol|jk|joking|kidding|wink)\b"
                     r"|[;:]-?\)|\U0001F609|\U0001F644", re.I)
# An answer about someone else ("tonsillitis (his sister)", "nan is ill"): never the child's illness.
_SOMEONE_ELSES = re.compile(r"(?<!caught )(?<!caught his )(?<!caught her )(?<!from )(?<!from his )(?<!from her )(?<!off )"
                            r"(?<!off his )(?<!off her )\b(?:sister|brother|sibling|twin|mum|mam|mom|mummy|dad|daddy|father|"
                            r"mother|step ?(?:dad|mum|brother|sister|father|mother)|nan|nana|nain|gran|granny|grandma|grandad|"
                            r"grandpa|taid|baby|cousin|friend|partner|husband|wife|aunt|auntie|uncle|himself|herself|me|"
                            r"myself|i (?:have|am|ve|m|ve got|have got)|my(?! (?:son|daughter|boy|girl|child|kid|lad|lass|"
                            r"little one|youngest|eldest|twins?)\b))\b", re.I)
# A first name in brackets after the illness ("flu (Jack)"): whose it is, when it is not the child's.
_BRACKETED_NAME = re.compile(r"\(([A-Z][a-z'-]+)\)")


def _plain_answer(answer: str) -> str:
    words = str(answer or "").replace("\u2019", "'").lower()
    words = re.sub(r"n't\b", " not", words)
    words = re.sub(r"'s\b", " is", words)
    words = re.sub(r"[\u2026\u2013\u2014?-]+|\.{2,}", " ", words)
    return " ".join(words.split()).strip(" .;,()[]!")


def denies_illness(answer: str) -> bool:
    """True when the parent's answer to "what is wrong?" says nothing is, or that they do not know ("no", "nothing",
    "he's fine", "he isn't ill", "not sure"): then no sentence saying the child is too unwell may be made from it."""
    plain = _plain_answer(answer)
    return bool(_NO_ILLNESS.match(plain) or _UNSURE.match(plain))


# What an answer may say that keeps it out of the sentence, in the order asked, with what the parent is told.
_NOT_AN_ANSWER = (
    (_UNSURE.match, InvalidInput, "That answer says you are not sure what is wrong, so the suggested wording (which says "
                                  "your child is too unwell) is not used. You can keep your own words or cancel."),
    (_NO_ILLNESS.match, InvalidInput, "That answer says nothing is wrong, so the suggested wording (which says your child "
                                      "is too unwell) is not used. You can keep your own words or cancel."),
    (_HEDGED.search, InvalidUnclear, "That answer sounds unsure, so it was not put into a sentence that states it as fact. "
                                     "Choose s again and say plainly what is wrong, or keep your own words."),
    (_SOMEONE_ELSES.search, InvalidUnclear, "That answer seems to be about someone else, so it was not put into a sentence "
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
    plain = _plain_answer(words)
    for says, error, message in _NOT_AN_ANSWER:
        if says(plain) or (says is not _UNSURE.match and says(written.lower())):  # ";)" and "(Jack)" as written
            raise error(message)
    named = _BRACKETED_NAME.search(written)
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

