"""Whose the reason is, when it is logged for a child: a reason that never names that child may be about someone
else named in it ("Sam can't face school tomorrow, he's got a migraine", logged for Mia), or about two children the
words cannot tell apart. The subject itself is found in names.py; this module only asks whether it is the logged
child's."""

from __future__ import annotations

import re
from functools import lru_cache

from refusal_log.wording.loading import Rules
from refusal_log.wording.names import Logged, _another_first_name, _any_first_names, _found_subject, _is_name, _plain, \
    _two_children

# A second person in the text, so that "she" may be the child after all ("Josh has flu and she has caught it too").
_SECOND_PERSON = re.compile(r"\b(?:too|as well|sister|brother|sibling|but (?:she|he)|now (?:she|he)|caught it|same thing"
                            r"|(?:up with|looking after|sitting with|staying with|caring for|been with|given) (?:her|him))\b", re.I)
# Another person named who acts for the child ("Laura has asked me to let you know", "Sarah has rung the GP", "Will has
# been up all night with her"): not the one who is ill.
_ACTS_FOR = r"\s+(?:has |had |is |was )?(?:asked|rung|rang|called|phoned|emailed|texted|messaged|been up|sat up|stayed up|taken|taking|looking|looked|told|wants|will|said|says)\b"
# The other name as the subject of a verb ("Sam can't face...", "Sam is refusing"), not a word at the start ("Hope she...").
_NAME_THEN_VERB = r"(?:'s|\u2019s)?\s+(?:is|has|was|had|can|can't|can\u2019t|cannot|won't|won\u2019t|will|isn't|isn\u2019t|doesn't|doesn\u2019t|does|feels|felt|says|said|got|been|woke|refuses|refused|keeps|just)\b"


# What follows the name of the one who is ill, in the normalised words ("jack got a bug", "oscar has chickenpox").
_ILL_AFTER = (r" (?:has|had|got|caught|came down|has come down|is (?:ill|poorly|sick|unwell|off sick|off with|home with|at home"
              r" with)|has been (?:ill|poorly|sick|unwell)|was (?:ill|poorly|sick|unwell))\b")


def _named_in(text: str, child: str, rules: Rules) -> bool:
    """Whether the text names the child: the first name or a part of a double one ("Ruby" for Ruby-Mae), or a middle
    name ("James" for Oliver James Smith; "Rose" for Mia Rose, a first name as well), accents or none."""
    words = child.split()
    names = [p for p in re.split(r"[-\u2010\u2011]", words[0]) if p] if words else []
    names += words[1:-1] + [w for w in words[1:] if w.lower() in _any_first_names(rules)]
    folded = _plain(text)
    return any(re.search(rf"(?<![\w'\u2019]){re.escape(_plain(p))}(?![\w])", folded) for p in names)


def _other_subject(text: str, norm: str, first: str, rules: Rules) -> str | None:
    """Another first name as the subject of the reason, not acting for the child, or None."""
    found = _found_subject(text, norm, rules)[0]
    other = found.split()[0]
    if first.lower() in found.lower().split() or not _another_first_name(other, first, rules):
        return None
    if re.search(rf"\b{re.escape(other)}{_ACTS_FOR}", text, re.I) or not re.search(rf"\b{re.escape(other)}{_NAME_THEN_VERB}", text, re.I):
        return None
    return other


def _first_if_unnamed(text: str, child: str | None, rules: Rules) -> str:
    """The logged child's first name when the text never names them, else "" (also without `child`)."""
    first = child.split()[0] if child and child.split() else ""
    return "" if not first or _named_in(text, child, rules) else first


def about_someone_else(text: str, norm: str, rules: Rules, child: str | None) -> bool:
    """True when, with `child`, the reason never names that child, is about another person named by their first name as
    the subject, and names nobody else who could be the child ("Sam can't face school tomorrow, he's got a migraine",
    logged for Mia: Sam's migraine, not Mia's)."""
    first = _first_if_unnamed(text, child, rules)
    return bool(first) and _other_subject(text, norm, first, rules) is not None and not _SECOND_PERSON.search(text)


def unsure_whose(text: str, norm: str, child: str | None, rules: Rules) -> bool:
    """True when, with `child`, the reason never names that child and either is about someone else named by their first
    name or has "he" and "she" both doing things: then no sentence may say which of them is too unwell (the attacker on
    round 81: "he's got a migraine, so she's staying home with him", logged for Mia). A name signing off or a teacher
    named ("Thanks, Laura", "Mrs Morgan") is not this (the attacker on round 82)."""
    first = _first_if_unnamed(text, child, rules)
    found = _found_subject(text, norm, rules)[0]
    named = child or found  # with no child given, the one the text names
    return bool(first) and (_two_children(text) or _other_subject(text, norm, first, rules) is not None
                            or _other_gender(found.lower(), norm)) or _someone_named(text, child, rules) or \
        bool(named and named.split() and _home_only(re.escape(_plain(named.split()[0])), _plain(norm)))


# A name after a title is staff ("Mrs Morgan"); one at the very end, or after "Thanks", signs the message off.
_TITLED = re.compile(r"\b(?:mr|mrs|ms|miss|dr|sir|madam|dear)\.?\s*$", re.I)
_SIGNED = re.compile(r"(?:[\s,.!-]*\b(?:thanks|thank you|many thanks|cheers|regards|kind regards|best wishes|love|from|ta)\b)?"
                     r"[\s,.!-]*\b[A-Z][\w'\u2019-]*(?:\s+[A-Za-z][\w'\u2019-]*)?[\s.!x]*$")
# Another child in the place of the one who is off: kept home, sent in or not, given the day, or the one who says they
# are ill ("send Noor in", "keeping noor off", "Ollie reckons", "Hamza told his sister", "Noor has been up coughing").
_IN_THE_ABSENCE = re.compile(
    r"(?i)\b(?:send|sending|keep|keeping|kept|give|giving|gave|bring|bringing|have|having)(?: our)? (?P<a>[^\W\d_][\w'\u2019-]*)"
    r" (?:in|off|home|at home|the day)\b|\b(?P<b>[^\W\d_][\w'\u2019-]*)(?:'s|\u2019s)? (?:reckons|reckoned|told (?:me|us|his|her)|came to me"
    r"|says (?:she|he)|said (?:she|he)|(?:has been |is |was |s )?(?:up (?:all night|coughing|being sick|with)|ill|sick|poorly|unwell|off sick"
    r"|coughing|being sick|got a|has a|has got))")


def _someone_named(text: str, child: str | None, rules: Rules) -> bool:
    """Another first name in the place of the one who is off (kept home, sent in or not, the one who says they are ill),
    in a reason that never names the logged child but to sign off: then it may be theirs ("We've decided not to send Noor
    in, she was up coughing", logged for Aisha: the attacker on round 143), and no sentence may say the logged child is
    ill. A teacher, a parent or a friend named elsewhere is not this ("Will let you know", "her dad Omar is with her")."""
    body = _SIGNED.sub("", text)
    first = _first_if_unnamed(body, child, rules)
    return bool(first) and any(
        _another_first_name(w, first, rules) and _is_name(w, rules)
        and not _TITLED.search(body, max(0, m.start() - 8), m.start())
        for m in _IN_THE_ABSENCE.finditer(body) for w in [m.group("a") or m.group("b")])


# Someone else ill ("my son", another name; not "he" or "she", who are the child: "He has a fever so Oliver won't be in"),
# and the child named only as the one at home after it (the attacker on round 127: "My son has a bug so Ella is staying
# home", logged for Ella, was worded for Ella).
def _home_only(name: str, norm: str) -> bool:
    # The pattern is built round the name, and compiling it costs more than the rest of a check; the same pattern with
    # any word in the name's place (a looser one, compiled once) tells first whether it could match at all.
    # (Only for a name of plain letters: one with a space or a sign in it is not what the looser pattern's word is.)
    loose = _home_only_pattern(None).search(norm) if name.isalpha() and name.isascii() else True
    return bool(loose and _home_only_pattern(name).search(norm))


@lru_cache(maxsize=64)
def _home_only_pattern(name: str | None) -> re.Pattern:
    not_the_name = "" if name is None else rf"(?!{name}s?\b)"
    name = r"[^\s]+" if name is None else name
    return re.compile(rf"(?:^|(?<=[.!?\n] )|(?<=[.!?\n])){not_the_name}(?:my (?:son|daughter|boy|girl|eldest|youngest|oldest|little one)|"
                      rf"(?!(?:he|she|they|i|we|it|told|says|said|who|that|this|there|really|very|so|bad|poor)\b)[a-z]+)"
                      rf"(?: is| s| was| has| had| has been| got| has got| caught) [^.!?\n]{{0,60}}?\b(?:bug|flu|influenza|virus|"
                      rf"norovirus|infection|cold|cough|sick|ill|poorly|temperature|fever|chicken ?pox|covid|d ?& ?v|sickness|"
                      rf"tonsillitis|measles|vomiting|diarrhoea)\b[^.!?\n]{{0,40}}?\b(?:so|and now|now|,|and) (?:(?:we are|we re|i am|"
                      rf"i m|we|i) (?:keeping|keep) {name} (?:home|off|at home)|{name}(?: and (?:i|me))?(?: is| s| are| re| will be|"
                      rf" will| has to| will have to)? (?:staying|stopping|stay|off|home|at home|not going|not coming|"
                      rf"will not be in|won t be in)\b)")


def _other_gender(found: str, norm: str) -> bool:
    """The subject found is "my son" and the one at home is "she", or the other way round ("My son has flu so she is
    staying home", logged for Ella, was drafted "My son is too unwell to attend school": the attacker on round 129)."""
    return bool(re.match(r"my (?:son|boy|lad)\b", found) and re.search(r"\b(?:she|her)\b", norm)
                or re.match(r"my (?:daughter|girl|lass)\b", found) and re.search(r"\b(?:he|him|his)\b", norm))


def second_child(span: str, logged) -> str:
    """For a rule whose words tell of one child ill and another home "too" ([health] second_child_rules): "well" when the
    child the absence is logged for is named as the one at home, or no child is logged (nothing softens it, nothing is
    worded: the newcomer on round 125 saw "Ella is staying home too because Jack's got a bug" worded for Ella); "ill"
    when the logged child is the one the illness is told of, or is not named (the words are read as they stand)."""
    if not isinstance(logged, Logged) or not logged.split():
        return "well"
    name, words = re.escape(_plain(logged.split()[0])), _plain(span)
    if not re.search(rf"(?<![\w'\u2019]){name}(?!\w)", words):
        return "ill"  # the logged child is not named: either child, so the words are read as they stand
    return "ill" if re.search(rf"(?<![\w'\u2019]){name}{_ILL_AFTER}", words) else "well"


_PLAIN_SUBJECTS = ("He", "She", "They", "Both", "All")
_NOT_A_CHILD = frozenset(("himself", "herself", "themselves", "cat", "dog", "puppy", "kitten", "pet", "rabbit", "hamster",
                          "horse", "pony", "teacher", "miss", "sir", "mum", "mam", "dad", "nan", "gran", "grandad", "baby",
                          # A parent, a grandparent, a brother or a pet in the family's own words (the attacker on a3fbb35).
                          "dada", "abba", "ammi", "amma", "appa", "baba", "tata", "pa", "ma", "mumma", "bhaiya", "didi",
                          "mamgu", "nain", "taid", "bampi", "nanna", "nana", "bubs", "bubba", "buddy", "bear", "moo"))


def _bare(word: str) -> str:
    """A word as the name lists write it: lower case, no apostrophe ("D'Arcy", "O'Neill")."""
    return word.lower().replace("'", "").replace("\u2019", "")


def _listed(plain: str, rules: Rules) -> bool:
    """A first name we know, or one that is a name when capitalised ("Poppy", "Grace"); double names by their first part."""
    return plain in rules.first_names or plain in rules.capitalised_names


def as_named(suggestion: str, subject: str, norm: str, child: str | None, rules: Rules, illness: bool) -> str | None:
    """The suggestion, unless its subject is one capitalised word that is no first name we know and not the logged
    child's ("Kettle's broken, keeping her home", "Radio says the roads are bad", "Himself has flu so I can't get her
    in": the attacker on round 130 saw each worded "Kettle is too unwell..."). That is a thing or someone else: with an
    illness told, nothing is worded (it may be theirs); with none, the child is named as the text names them."""
    word = subject.strip()
    plain = _bare(word)
    if " " in word or not word[:1].isupper() or word in _PLAIN_SUBJECTS or _listed(plain, rules) \
            or (child and child.split() and _plain(word) == _plain(child.split()[0])):
        return suggestion
    if illness:  # a name we do not list, said to be ill ("Lou has a migraine"), keeps it; a pet, "Himself", a thing do not
        person = re.search(rf"(?<![a-z]){re.escape(plain)} (?:is|s|has|had|was|got|has got|woke|felt|feels|has been|caught) ",
                           norm)
        return suggestion if person and plain not in _NOT_A_CHILD and not (child and child.split()) else None
    if plain not in _NOT_A_CHILD and re.search(rf"(?<![a-z]){re.escape(plain)} (?:is |s |was |has )?(?:just |still )?(?:refus|will not|"
                                               rf"won t|would not|wouldn t|does not want|doesn t want|did not want|"
                                               rf"is not going|isn t going|dug|hid|cried|screamed|point blank)", norm):
        return suggestion  # a name we do not list that refuses or digs in is a child ("Anne is refusing": the attack on round 177)
    named = child.split()[0] if child and child.split() else (
        "She" if re.search(r"\b(?:she|her)\b", norm) else "He" if re.search(r"\b(?:he|him|his)\b", norm) else "My child")
    return named + suggestion[len(subject):] if suggestion.startswith(subject) else suggestion


# A word typed in capitals, then a verb a person or a pet is the subject of ("BISCUIT HAS BEEN VOMITING").
# Not after a possessive ("ELLA'S TUMMY IS BAD", "HER TUMMY IS BAD": the child's own).
_SHOUTED_SUBJECT = re.compile(r"(?<!'S )(?<!\u2019S )(?<!'s )(?<!\u2019s )(?<!HIS )(?<!HER )(?<!MY )(?<!OUR )(?<!THEIR )"
                              r"(?<!His )(?<!Her )(?<!My )(?<!Our )(?<!Their )(?<!THE )(?<!The )\b([A-Z][A-Za-z'\u2019-]+) (?:IS|HAS|WAS|HAD|GOT|HAS GOT|HAS BEEN|NEEDS|Is|Has|Was|Had|Got|Needs)\b")
_FUNCTION = frozenset(("i", "he", "she", "they", "it", "we", "you", "my", "our", "his", "her", "their", "the", "this",
                       "that", "there", "today", "tomorrow", "not", "no", "so", "but", "and", "because", "who", "what"))


def stranger_ill(written: str, child: str | None, rules: Rules) -> bool:
    """In a message typed in capitals or Title Case (read as lower case: folding.calm), someone the lists do not know as a
    name is the subject of a clause ("ELLA WON'T GO, BISCUIT HAS BEEN VOMITING", "Ella Is Refusing, Tad Has A Migraine"):
    the illness may be theirs, so nothing is worded (the short attacker on 94b0a60: each was worded for Ella)."""
    own = _plain(child.split()[0]) if child and child.split() else None
    for m in _SHOUTED_SUBJECT.finditer(written):
        word = _bare(m.group(1))
        if word in _FUNCTION or word == own or _listed(word, rules):
            continue
        if word in _NOT_A_CHILD or _is_name(m.group(1).title(), rules):
            return True
    return False


# The logged child by kinship alone, not named ("Mia has a hospital appointment, her brother will be in as usual").
_KIN_IN = re.compile(r"\b(?:her|his|their) (?:twin |little |big |older |younger |baby )?(?:brother|sister|twin|sibling) $")
# What may stand between the name and "will be in" ("Sam is fine and will be in", "Sam (her twin) will be in").
_BETWEEN = r"(?: \([^()]{0,24}\))?(?: (?:is|s|fine|well|ok|okay|and|absolutely|perfectly|totally|completely|though|still|also|as))*"


def said_in_school(text: str, norm: str, child: str | None, rules: Rules, others_told: bool) -> tuple[int, int] | None:
    """Where the reason says the child it is logged for will be in as usual ("Mia has flu, her twin Sam will be in as
    normal", logged for Sam): that child's absence then has no reason in it (the newcomer on b589ebc). By name anywhere;
    by kinship ("her brother will be in") only when someone else's illness was told (`others_told`) and the child is
    never named. The span in `text` from the name to the end of its clause; None otherwise."""
    first = child.split()[0].replace("\u2019", "'") if child and child.split() else ""
    if not first:
        return None
    name, plain = _plain(first), _plain(norm)
    named = re.search(rf"(?<![\w']){re.escape(name)}(?![\w'])", plain)
    for m in rules.attending.finditer(norm):
        before = plain[max(0, m.start() - 60): m.start()]
        if re.search(rf"(?<![\w']){re.escape(name)}{_BETWEEN} $", before) or (others_told and not named and _KIN_IN.search(before)):
            break
    else:
        return None
    spelt = re.escape(first).replace("'", "['\u2019]")  # "D'Arcy" as typed, with either apostrophe
    found = list(re.finditer(rf"(?<![\w'\u2019]){spelt}(?![\w])", text, re.I))
    start = found[-1].start() if found else 0  # the name written another way ("Zoe" for Zoë): the whole reason
    return start, re.compile(r"[.;!?\n]|$").search(text, start).start()
