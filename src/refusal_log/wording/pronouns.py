"""Whom a he or she points to, when it may be someone other than the child (the "who" layer's pronouns, clauses.py).

"She's minding her little brother as he's got a bug": the brother's. "Niamh told me she has a sore throat": Niamh's.
"Sam is refusing and Dad is ill, he has covid": Dad's. Each function returns the kind of person meant ("sibling",
"relative", "friend"...) or None for the child. `mentions` is clauses.mentions, passed in so that neither module
imports the other.
"""

from __future__ import annotations

import re

CHILDS = frozenset(("child", "family"))  # the kinds that are the child's (clauses.py)
_WORD = re.compile(r"[a-z0-9&]+")


# What someone else told the parent ("Niamh told me she has a sore throat", "his cousin says he feels sick").
_TOLD = re.compile(r" (?:told|tells|texted|messaged|rang|phoned|called|txt|txted|text) (?:me|us)(?: that| to say(?: that)?)? | "
                   r"(?:says|said|reckons|thinks|thought|is saying|was saying|keeps saying)(?: that)? | (?:rang|phoned|called|"
                   r"texted|messaged)(?:,| to say(?: that)?| and said(?: that)?) ")


_CARE_FOR = re.compile(r"\b(?:look(?:ing)? after|keep(?:ing)? (?:her|him|them) company|help(?:ing)? (?:me|her|him|them|out)|"
                       r"care for|caring for|going round|go round|sit with)\b")


def told_by(norm: str, found: list, who, names) -> str | None:
    """A he or she straight after the telling of someone else named by first name is theirs, not the child's (round 70:
    with Ellie-May logged, "Niamh told me she has a sore throat" was worded as Ellie-May's). Not "Nan told me she's
    got a fever" (the child's, told by family: round 71), nor a pronoun of the other gender. Their kind, or None."""
    people = [m for m in found if m.kind != "speaker" and norm[m.start:m.end] not in ("me", "us")]
    if len(people) < 2 or norm[people[-1].start:people[-1].end] not in ("he", "she"):
        return None
    teller, other_gender = people[-2], who.female if norm[people[-1].start:people[-1].end] == "he" else who.male
    if norm[teller.start:teller.end] not in getattr(names, "others", ()) and not _CARE_FOR.search(norm):
        return None  # family telling of the child ("Nan told me she's got a fever"), unless the child is to care for them
    if teller.kind not in ("relative", "friend", "sibling") or other_gender.search(norm, teller.start, teller.end) \
            or not _TOLD.fullmatch(norm, teller.end, people[-1].start):
        return None
    return teller.kind


def agreement(norm: str, last, who, rules, names, mentions) -> str | None:
    """"She's minding her little brother as he's got a bug": a pronoun of the other gender
    from the child's (the text's first he, him, his, she or her) is the brother, not the
    child. Returns the kind of the last person of that gender named before it, or None."""
    pronoun = norm[last.start:last.end]
    if pronoun in ("his", "her") and (opener := _OPENED_BY.search(norm, max(0, last.start - 40), last.start)) \
            and opener.group(1) == {"his": "he", "her": "she"}[pronoun]:
        last, pronoun = type(last)(opener.start(1), opener.end(1), last.kind), opener.group(1)  # "He has broken his hip"
    male = pronoun in ("he", "him")
    gender = who.male if male else who.female if pronoun == "she" else None
    first = who.first_pronoun.search(norm)
    if gender is None or not first or first.start() > last.start:
        return None
    if first.start() == last.start or (first.group() in ("he", "him", "his")) == male:  # "Dad is ill, he has covid"
        return _named_just_before(norm, last, (gender, who.female if male else who.male), rules, names, mentions)
    # The last person of that gender named before it, in this sentence or an earlier one
    # ("His sister has flu. She was sick all night").
    found = mentions(norm, max(0, last.start - 2000), last.start, rules, names)[::-1]  # bounded: linear
    # Else another first name before it ("Safa is staying home, she's got a cold", blind1154).
    return next((m.kind for m in found if m.kind not in CHILDS and m.kind != "possessive" and gender.search(norm, m.start, m.end)),
                next((m.kind for m in found if norm[m.start:m.end] in getattr(names, "others", ())), None))


def _named_just_before(norm: str, last, genders: tuple, rules, names, mentions) -> str | None:
    """Someone else named, as their clause's subject, just before a he or she that opens a clause joined to theirs: up to
    three words before or in the sentence before, said to be unwell ("and so is Lily, she has a cold", "Dad is ill, he
    has covid": the attack on round 177 had their illness worded as the child's; "Grandad has had a fall. He has broken
    his hip": the attack on round 182), and not in the past ("her sister had it last week. She's been sick"). Of its
    gender, of none ("my partner"), or by first name. Not the writer ("it's Lily's mum, she has a temperature", "Mum
    here, she's got...", "Darren, dad of Tyler, he has..."), nor the child too ("His sister is ill. He has it too", "So
    is he"). Their kind, or None."""
    found = [m for m in mentions(norm, max(0, last.start - 80), last.start, rules, names) if m.kind not in ("speaker", "possessive")
             and norm[m.start:m.end] not in _FIRST_PERSON]  # "I'm ill. She has tonsillitis": a she is never the writer
    if not found or found[-1].kind in CHILDS or _TOO_AFTER.match(norm, last.end) \
            or _ALSO_BEFORE.search(norm, max(0, last.start - 12), last.start):
        return None
    prev, between = found[-1], _AND_I.sub("", norm[found[-1].end:last.start])  # "My partner and I are ill, she..."
    sentence = _STOP.search(between) and len(_WORD.findall(between)) <= 8 and not _PAST.search(between)
    joined_and_unwell = (sentence or _JOINED.search(between) and len(_WORD.findall(between)) <= 3) and (
        _UNWELL.search(between) or _ALSO_BEFORE.search(norm, max(0, prev.start - 16), prev.start)
        or _ILL_TOO.match(between) and _UNWELL.search(norm, max(0, prev.start - 60), prev.start)  # "I'm ill. My husband is too."
        or sentence and any(rx.search(between) for kind, rx in rules.health if kind in ("generic", "specific")))
    if not joined_and_unwell or _WELL.search(between) or _WRITER.match(norm, prev.end) \
            or _INTRODUCED.search(norm, max(0, prev.start - 40), prev.start) \
            or not (_SUBJECT_BEFORE.search(norm, max(0, prev.start - 20), prev.start) or _BECAUSE.match(norm, prev.start)) \
            or not sentence and _names_the_child(norm, prev, names):  # "Sam's mum is ill. She has flu": Mum's
        return None
    gender, other = genders
    named = norm[prev.start:prev.end]
    return prev.kind if gender.search(named) or named in getattr(names, "others", ()) or (
        prev.kind != "possessive" and not other.search(named) and not named.split()[-1] in getattr(names, "own", ())) else None


# Ill "too" after someone the writer's own illness was told just before ("I'm ill. My husband is too. He has flu": the attack
# on round 186), and the writer beside them ("my partner and I are ill").
_ILL_TOO = re.compile(r"\W*(?:(?:is|s|are|re|has|was)\s+)?(?:ill |poorly |sick |unwell )?(?:too|as well)\b")
_AND_I = re.compile(r"^ (?:and|&) (?:i|me)\b")
_FIRST_PERSON = frozenset(("i", "me", "myself", "we", "us", "ourselves", "fi"))


def _names_the_child(norm: str, prev, names) -> bool:
    """The child's name in the person or just before them: "Lily-Mae's mam", "dad of Tyler" (the writer)."""
    words = norm[max(0, prev.start - 30):prev.start].split()[-1:] + norm[prev.start:prev.end].split()
    return bool({w.split("-")[-1] for w in words} & {n.split()[-1].split("-")[-1] for n in names})


_INTRODUCED = re.compile(r"\b(?:it s|its|it is|this is|from|here s)\b[^.!?]{0,40}$")
# The pronoun's clause joined on to theirs: "Dad is ill, he has covid", "Dad is ill and he has covid", "; he", " - he".
_JOINED = re.compile(r"(?:[,;:]|\s-|\band)\s*$")
_STOP = re.compile(r"[.!]\s*$")  # the sentence before
# The writer introducing themselves ("Mum here. She has a fever", "Mum writing, she has...").
_WRITER = re.compile(r" (?:here|writing|speaking|texting|messaging)\b")
# The child as well: "His sister is ill. He is too", "Dad has covid. He has tested positive too" (the attack on round 182).
_TOO_AFTER = re.compile(r"[^.!?,;]{0,40}?\b(?:too|as well|also)\b| (?:has|s|has got|s got) (?:got )?the same\b")
# Said to be well ("her sister is fine, she has a fever"): the he or she is the child again.
_WELL = re.compile(r"\b(?:fine|ok|okay|(?<!not )(?<!n t )well|alright|all right|not ill|not sick|in school|at school|at work|worried)\b")
# Said to be unwell themselves ("Dad is ill, he has covid"), or joined to the child's state ("and so is Lily, she has a
# cold"): not "Dad checked, he has a temperature" or "Mum writing, she has a fever" (the attack on round 179).
_UNWELL = re.compile(r"\b(?:ill|sick|poorly|unwell|not well|in hospital|in a ?& ?e|off work|off sick|isolating|in bed|bad|"
                     r"rough|(?:has|got|with) (?:covid|flu|a cold|a bug|the bug|chickenpox|it)|had a fall|fell|under the weather|"
                     r"came to stay|stayed over|tested positive)\b")
# Their illness over before today ("her sister had the same bug last week. She's been vomiting since 5am"): the child's.
_PAST = re.compile(r"\b(?:last (?:week|month|night)|at the weekend|on (?:saturday|sunday|monday|tuesday|wednesday|thursday|friday)|"
                   r"before|previously|a (?:few days|week) ago)\b")
# "... and so is Lily"; after a he or she's own: "His sister is ill. So is he" (the child too).
_ALSO_BEFORE = re.compile(r"\b(?:so (?:is|has|does|did|was)|neither (?:is|will|has|does)|nor (?:is|will|has))\s*$")
# The person opens their clause (its subject: "and Dad is ill", "so is Lily"), not "what his brother had".
_SUBJECT_BEFORE = re.compile(r"(?:^|[,.;:!?] |\b(?:and|but) |\b(?:so|neither|nor) (?:is|has|does|will|did|was|can) )$")
# A mention that opens with its reason word ("off because Dad is ill, he has covid": the attack on round 179).
_BECAUSE = re.compile(r"(?:because|cos|coz|as|since) ")
# A his or her in a clause a he or she opened: theirs ("Grandad has had a fall. He has broken his hip").
_OPENED_BY = re.compile(r"(?:^|[.!?;,] |\b(?:and|but|so) )(he|she) [^.!?;,]*$")
