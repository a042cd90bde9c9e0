"""Who a reason is about: the child's name as the parent wrote it (capitalised or, in a rushed text, lower case), "my
son", a group ("the twins") or he/she, and every other word in the text that is a name. The suggestion's subject comes
from here, and clauses.py asks it whose each phrase is. The word lists are data, in rules.toml's [names] table."""

from __future__ import annotations

import re
from functools import lru_cache

from refusal_log.wording.folding import calm, capitalise_known, fold
from refusal_log.wording.loading import Rules

# A capitalised name in Latin letters, accents included ("Zoë", "Łucja"), with "O'Neill", "De'Andre", "Mary-Kate"; never "I'm".
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
_LOW = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f"
_WORD_CHARS = f"{_UP}{_LOW}"
_NAME = f"[{_UP}][{_LOW}]*(?:['\u2019][{_UP}][{_LOW}]+)?(?<=[{_LOW}])(?:-[{_UP}][{_LOW}]+)?"
_NAME_VERB = re.compile(rf"(?<![{_WORD_CHARS}'\u2019])({_NAME})(['\u2019]s)?(?=\s+([A-Za-z'\u2019]+))")
_LOWER_NAME_VERB = re.compile(r"(?<![A-Za-z'\u2019])([a-z]+)(['\u2019]s)?(?=\s+([a-z'\u2019]+))")
_AND_SIBLING = re.compile(r" (?:and|&) (?:his|her|their) (?:little |big |baby |twin |older |younger )?(?:sister|brother|sibling|twin)s?\b")
_LOWER_AFTER = re.compile(r",? ([a-z]+(?:-[a-z]+)?)(?=,? ([a-z'\u2019]+))")
_PRONOUN = re.compile(r"\b(she|her|hers|he|him|his)\b", re.I)
_HE_SHE = re.compile(r"(?<![\w'\u2019])(she|he)(?=(?:s|['\u2019][a-z]+)?\b)", re.I)  # "he", "he's", "hes"
_THEY = re.compile(r"\b(they|them|their)\b", re.I)
_INVISIBLE = {c: " " for c in (*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF)}
_PRONOUNS, _BODY = frozenset(("he", "she", "they", "i", "we")), frozenset(("tummy", "belly", "stomach", "head", "throat", "ear", "ears", "chest", "cough", "cold", "temperature"))
_FIRST_NAME = re.compile(rf"(?<![{_WORD_CHARS}'\u2019-])({_NAME}) $")
_TO_SCHOOL = re.compile(r" (?:in|into school|to school|up|out of bed|dressed|ready|through the door|out the door|there)\b")
# "keeping jayden off today": kept at home, the child the reason is about (never "take oliver home").
_KEEP_VERBS = ("keep ", "keeping ", "keepin ", "kept ")  # "keepin" and "hame": Scots
_KEPT_OFF = re.compile(r" (?:off|aff|home|hame|at home|at hame|off school)\b")
_LOWER_SURNAME = re.compile(r" ([a-z]{2,})(?= ([a-z'\u2019]+))")
# An illness told of the word before (a name the lists lack: "Łucja has flu so I'm keeping Ella at home", round 126).
_ILL_VERB = re.compile(r"(?:['\u2019]s)?\s+(?:(?:has|s|has got|s got|got|caught|has caught) (?:a bit of |a bad |a really bad |a nasty |a high )?(?:a |an |the )?(?:bug|flu|cold|cough|"
                       r"temperature|temp|fever|virus|chicken ?pox|covid|sickness|tummy bug|stomach bug|sore throat|tonsillitis|"
                       r"headache|migraine|ear infection|chest infection|conjunctivitis|measles|norovirus|d ?& ?v|rash)\b|"
                       r"is (?:ill|poorly|sick|unwell|off sick)\b|(?:has been|s been|was) (?:ill|poorly|sick|unwell)\b)")
_HISTORY = re.compile(r"\b(?:last (?:year|term|week|month|time)|in the past|used to|previously)\b", re.I)  # off then, not now
_CAPITAL = re.compile(rf"(?<![{_WORD_CHARS}'\u2019])(?:{_NAME})(?![{_WORD_CHARS}])")
_NAME_BETWEEN_COMMAS = re.compile(rf", ({_NAME}),")
_WHO_IS_KIN = re.compile(r" (?:is|s) (?:her|his|their|my|our) (?:little |big |older |younger |twin )?(?:brother|sister|cousin|friend|"
                         r"dad|mum|mam|nan|gran|grandad|grandma|uncle|aunt|auntie)\b")
_NAME_CLASS = re.compile(rf"(?<![{_WORD_CHARS}'\u2019-])((?:{_NAME} )?{_NAME}) ?(?:\((?i:year|yr|y|class) ?[0-9rR][^)]{{0,12}}\)|(?i:from|in) "
                         rf"(?i:year|yr|class) ?[0-9]+[a-zA-Z]?\b)")
# "My daughter, Ruby, has flu": the child named again beside "my daughter", one person.
_APPOSITION = re.compile(r"\b(?:my|our) (?:[a-z]+ )?(?:son|daughter|child|boy|girl|lad|lass|stepson|stepdaughter)\s*[,(]?\s*$", re.I)
_KEPT_NAME = re.compile(r"\b(?:keeping|keep|kept|get|getting|bring|bringing|send|sending) ([A-Z][a-z]+)"
                        r"(?= (?:at home|home|off|in)\b)")
_OTHER_CHILD = re.compile(r"\b(?:my|our) other (?:son|daughter|child|boy|girl|one|lad|lass)\s+$", re.I)
_GOT_IN_BEFORE = re.compile(r"\b(?:get|getting|got|bring|bringing|brought|take|taking|took|send|sending|sent|drop|dropping)\s+$", re.I)
_IN_SCHOOL = re.compile(r"(?:['\u2019]s| is| will be| will still be| ll be)? (?:still )?(?:in|coming in|going in|going to school|"
                        r"at school|in school|all good|healthy|fine|well|ok|okay)\b", re.I)
# Said to be well or in school ("Josh is fine and will be in", "Mia's fine and going in", "Tom is in as normal").
_FINE = re.compile(r"(?:\b(?:is|are)|['\u2019]s) (?:absolutely |perfectly |totally |completely )?(?:fine|well|ok|okay)\b|\bas normal\b|"
                   r"\bas usual\b|\b(?:is|will be|ll be|s) (?:still )?(?:in school|at school|in today)\b|\bgoing in\b|\bwill be in\b", re.I)
_GONE_IN = re.compile(r"\b(?:went|s gone|got|s back|made it) in\b|\bwill be in\b|\bas (?:normal|usual)\b|\b(?:in|at) school\b|\bgot to school\b|\bwill bring\b", re.I)
_KEPT_PRONOUN = re.compile(r"\b(?:keep|keeping|kept)\s+(him|her)\b", re.I)
_PLACE_TITLES = r"st|st\.|saint|queen|princess|prince|king|royal|lady|sir|mount"  # "St George's", "the Queen Elizabeth"
_TITLED_PLACE = re.compile(rf"\b(?:{_PLACE_TITLES})\s+$", re.I)
_PLACE_NAMED_BEFORE = re.compile(rf"\b(?:{_PLACE_TITLES}|the)\s+$", re.I)
_PLACE_NAMED_AFTER = re.compile(r"(?:['\u2019]s?)?(?:\s+[A-Z][a-z]+)?\s+(?:hospital|infirmary|clinic|street|road|children|medical|"
                                r"house|centre|center|ward|unit|surgery|practice)\b", re.I)
_KIN_AFTER = frozenset(("mum", "mam", "mom", "dad", "sister", "brother", "nan", "gran", "grandma", "grandad", "friend", "mate",
                        "teacher", "cousin", "auntie", "uncle", "sis", "bro", "stepdad", "stepmum"))
_CAUGHT_BEFORE = re.compile(r"\b(?:caught|got|picked up|has got|come down with|came down with)\s+$", re.I)
_PLACE_IN = re.compile(r"\b(?:in|from)\s+$", re.I)
_HOSPITAL_IN = re.compile(r"\b(?:hospital|a ?& ?e|ward|icu|intensive care)\s+(?:in|at|near)\s+$", re.I)
_VERB_AFTER = re.compile(r"\s+(?:is|was|has|had|are|were)\b")
_BARE_WORD = re.compile(r"(?<![\w'\u2019-])[^\W\d_]+(?![\w-])")


_STOP_AFTER = re.compile(r"\s*(?:[,.;!?]|$)")
_WORD_BEFORE = re.compile(r"([A-Za-z\u00c0-\u017f'\u2019-]+) $")  # the word straight before, no stop or comma between
_WORD_AFTER = re.compile(r"(?:['\u2019]s)? ([A-Za-z\u00c0-\u017f'\u2019-]+)")
_VERB_NEXT = re.compile(r" (?:be|keep|let|update|see|do|have|try|call|ring|phone|email|pop|bring|send|get|make|come|go)\b")  # "Will be off"
_CAUSE_BEFORE = re.compile(r"\b(?:after what|since what|what|the incident with|incident with|comments from|since)\s+$", re.I)
_TELLER = re.compile(r"(?:['\u2019]s)? (?:has been |had been |keeps |kept |is |was |went round |goes round )?(?:telling|told|saying to) (?:the (?:whole )?class|everyone|everybody|people|the others|the other kids)\b")
_NICKNAME_BEFORE = re.compile(r"(?:\baka|\balso known as|\bor|\()\s*$", re.I)  # "Mia aka Mimi has a fever"
_SENTENCE_START = re.compile(r"(?:^|[.!?\n(]\s*)$")
_SUBJECT_VERB = re.compile(r"(?:['\u2019]s)? (?:is|has|was|had|has been|had been|got|s got|is being|was being)\b")
_STEM_VERB = re.compile(r" (?:been|come down|came down|caught|still got|now got|gone down|ill|poorly|off with)\b")  # "Jacks caught"
# The end of the child's own clause: a sentence's end, or another named person's clause ("Mia won't be in, Josh is...").
_CLAUSE_BREAK = re.compile(r"[.!?;\n]|, ?(?=[A-Z][a-z]+(?:['\u2019]s)? (?:is|has|was|are|had|s)\b)")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_LOWER_WORD = re.compile(r"(?<![\w'\u2019])[a-z]+(?![\w'\u2019])")
_NEW_WORDS = 300  # capitalised words first met in one text that child_names looks up (see there)
_SEVERAL = re.compile(r"\b(?:both|twins|all three|the three of them|the two of them)\b", re.I)
_JOINED_BEFORE = re.compile(rf"{_NAME}\s+(?:and|&)\s+$")
_JOINED_AFTER = re.compile(rf"\s+(?:and|&)\s+{_NAME}")
_DATE_BEFORE = re.compile(r"\b(?:in|on|of|early|late|mid|next|last|this)[\s-]+$", re.I)
_NAME_WHO = re.compile(rf"(?<![{_WORD_CHARS}'\u2019-])({_NAME}),? (?:who|whose)\b")
_TWO_NAMES = re.compile(rf"(?<![{_WORD_CHARS}'\u2019-])({_NAME}) (?:and|&) ({_NAME})(?= (?:are|were|have|both|will|won['\u2019]?t|aren['\u2019]?t|can['\u2019]?t|cannot|refuse|refused)\b)")
_ALONE_AWAY = re.compile(r"(?:['\u2019]s| is)? (?:off|home|at home|not in)\b", re.I)  # "Amelia off today", "Amelia's home"
_AT_WORK = re.compile(r"(?:['\u2019]s| is)?(?: off| at| from)? (?:work|her work|his work|the office|shift)\b", re.I)


class Names(list):
    """The names taken as the child's (lower case, sorted); in `others`, first names the text gives someone else ("Mia is
    staying home, Tom has a fever": Tom's, the attack on round 60); in `own`, the first word of the name given or found."""

    others: tuple[str, ...] = ()
    own: tuple[str, ...] = ()


class Logged(str):
    """The name of the child an absence is logged for (check_text's `child`), as child_names is given it: that child is
    the one away, even where the text says they are fine (then the illness in it is someone else's)."""


# (text, norm, child, its type, rules) -> the names: asked by the analysis, then again by the second reading's masking.
_ASKED: dict = {}


def child_names(text: str, norm: str, rules: Rules, child: str | None) -> Names:
    """The child's name (`child`, or the subject found) and every other capitalised name, lower case; see Names."""
    child = child or subject(text, norm, rules)[0]
    key = (text, norm, child, type(child), rules)  # a Logged child is read otherwise than the same name found
    found = _ASKED.get(key)
    if found is None:
        found, complete = _child_names(text, norm, rules, child)
        if complete:  # every capitalised word was looked up (see _NEW_WORDS): asked again, the answer is the same
            if len(_ASKED) >= 4:
                del _ASKED[next(iter(_ASKED))]
            _ASKED[key] = found
    result = Names(found)
    result.others, result.own = found.others, (child.split()[0].lower(),) if child.split() else ()
    return result


def _child_names(text: str, norm: str, rules: Rules, child: str) -> tuple[Names, bool]:
    """child_names', and whether no capitalised word was left unread for want of looking up more than _NEW_WORDS."""
    if isinstance(child, Logged) and not any(c.isupper() for c in text):  # text-speak or calm()'s: the names we know
        text = capitalise_known(_BARE_WORD, text, rules)  # "sam's got a migraine and mia won't go": Sam is someone else
    own = {_plain(w) for w in (*re.findall(r"[^\W\d_]+", child), *child.split())} - {"and"}
    # Only when the named child is the one away: not beside "both" or "the twins", nor when the child named first is the
    # one who is fine, unless logged. The logged child in the text: another clause's subject is someone else (round 63c).
    logged = isinstance(child, Logged)
    own_in_text = logged and bool(name_pattern(rf"(?<![\w-]){re.escape(child.split()[0])}(?![\w-])", re.I).search(text))
    named = bool(own - {"he", "she", "they", "my", "child", "kids", "children", "twins"}) and (not _SEVERAL.search(text) or own_in_text) \
        and (not _shared(text, child) if logged else (
            not name_pattern(rf"\b{re.escape(child)}(?:['\u2019]s| is) (?:fine|well|ok|okay|in school|going in)\b", re.I).search(text)
            and not _in_as_normal(text, child, rules)))
    # Whether a word is a name is asked often and costs a look at every rule: kept.
    seen, names, others = rules.__dict__.setdefault("_is_name_seen", {}), {child.split()[0 if logged else -1].lower()}, set()
    looked = 0
    logged_fine = own_in_text and bool(name_pattern(rf"\b{re.escape(child.split()[0])}(?:['\u2019]s| is) (?:absolutely |perfectly )?"
                                                    rf"(?:fine|well|ok|okay)\b", re.I).search(text))
    first_own = {_plain(w) for w in re.findall(r"[^\W\d_]+", child.split()[0])} if logged else own
    for m in _CAPITAL.finditer(text):
        w = m.group()
        place = _PLACE_IN.search(text, max(0, m.start() - 6), m.start())
        # "in Manchester, nobody can..." (a place, then a stop), "from Leeds" or "in Ireland is ill" (a place, then a verb)
        if _someone_elses(text, m.start(), rules) or (place and (_VERB_AFTER.match(text, m.end()) or (
                place.group()[:2].lower() == "in" and _STOP_AFTER.match(text, m.end())))) \
                or _HOSPITAL_IN.search(text, max(0, m.start() - 16), m.start()):
            continue  # a place ("their nan in Ireland is seriously ill", "her mum is in hospital in Bristol"), not a name
        known = seen.get(w)
        if known is None:  # a paste of thousands of made-up capitalised words would cost seconds: past a few hundred, none
            looked += 1
            known = looked <= _NEW_WORDS and _is_name(w, rules)
            if len(seen) < 5000 and looked <= _NEW_WORDS:
                seen[w] = known
        known = known or bool(w.lower() in rules.capitalised_names and _SUBJECT_VERB.match(text, m.end())  # "May has flu"
                              and not _DATE_BEFORE.search(text, max(0, m.start() - 12), m.start()))
        # A name written without its apostrophe, beside the logged child ("Jacks got a bad cough, Ellie wont go in": round 91).
        stem = (own_in_text and w.endswith("s") and _plain(w[:-1]) not in own
                and bool(_SUBJECT_VERB.match(text, m.end()) or _STEM_VERB.match(text, m.end())) and _is_name(w[:-1], rules))
        if not (known or stem) or w in ("St", "Saint") or _PLACE_NAMED_BEFORE.search(text, max(0, m.start() - 12), m.start()) \
                or _PLACE_NAMED_AFTER.match(text, m.end()):
            continue  # a hospital named after someone, "St George's", "the Queen Elizabeth": no one's name (round 62)
        # "Grace Adeyemi's absence": one person's two names side by side ("Mia. Josh has..." are two: round 63d); never the
        # logged child's surname ("Will Jones", logged for Ruby-Mae Jones, is her brother).
        beside = {_plain(_POSSESSIVE.sub("", x.group(1))) for x in (_WORD_BEFORE.search(text, max(0, m.start() - 30), m.start()),
                                                                    _WORD_AFTER.match(text, m.end())) if x} & first_own
        if (named and _plain(w) not in own and not set(_plain(w).split("-")) <= own
                and (w.lower() in rules.first_names or (w.lower() in rules.capitalised_names and not (
                    _SENTENCE_START.search(text, max(0, m.start() - 4), m.start()) and _VERB_NEXT.match(text, m.end())))
                     or stem or (own_in_text and _SUBJECT_VERB.match(text, m.end()) and not _NICKNAME_BEFORE.search(
                         text, max(0, m.start() - 20), m.start()) and (logged_fine or (_ILL_VERB.match(text, m.end()) and _named_after(text, m, child, own))
                                                                        or not _SENTENCE_START.search(text, max(0, m.start() - 4), m.start()))))
                and not beside and not _APPOSITION.search(text, max(0, m.start() - 40), m.start())
                and _not_someone_else(text, m.start(), rules)
                and text[m.end():].strip(" .,!x\n") and not _joined(text, m, own if own_in_text else None)
                and not _short_form(_plain(w), own, rules)
                and not _CAUGHT_BEFORE.search(text, max(0, m.start() - 16), m.start())):
            others.add(w.lower())  # (not a sign-off, "... Thanks, Emma"; nor "Ollie" for Oliver: round 61)
        elif not (logged and _plain(w) not in first_own and m.start() and _CAPITAL.search(text[max(0, m.start() - 20):m.start()])
                  and _plain(text[:m.start()].split()[-1]) in others):
            names.add(w.lower())  # (not the logged child's surname after a brother's first name: "Will Jones has a fever")
    if named and sum(c.isupper() for c in text) <= 3:
        # A rushed lower-case text ("mia is staying home, josh has flu"): another known first name is someone else too
        # (round 63), never an everyday word (not_lower_names).
        for m in _LOWER_WORD.finditer(text):
            w = m.group()
            near = text[max(0, m.start() - 20):m.start()].split()[-1:] + text[m.end():m.end() + 20].split()[:1]
            if (((w in rules.first_names and w not in rules.not_lower_names)
                 or (w in rules.capitalised_names and _SUBJECT_VERB.match(text, m.end())))  # "will has a fever"
                    and w not in own and not _short_form(w, own, rules)
                    and not own & set(near)  # "its ama kofi has...": one person's two names
                    and _not_someone_else(text, m.start(), rules) and text[m.end():].strip(" .,!x\n")
                    and not _JOINED_BEFORE.search(text, max(0, m.start() - 20), m.start()) and not _JOINED_AFTER.match(text, m.end())):
                others.add(w)
    result = Names(sorted(names - {"he", "she", "they", "child", "kids", "children", "twins"} - others))
    result.others = tuple(sorted(others if own_in_text else others - names))  # logged and named: the others stay others
    return result, looked <= _NEW_WORDS


@lru_cache(maxsize=1024)
def name_pattern(pattern: str, flags: int = 0) -> re.Pattern:
    """A pattern built round a name ("Ruby is fine"), kept: re's own cache, shared with every pattern, lets them go."""
    return re.compile(pattern, flags)


def _in_as_normal(text: str, child: str, rules: Rules) -> bool:
    """The child named first is the one in school ("Tom is in as normal, Mia has flu"): the other name is the child."""
    at = text.find(child)
    # Only in the child's own clause: "Mia won't be in. Josh is in A&E" is Josh in A&E (the attack on round 63); and
    # "can't get Mia in" is the child not getting in (the attack on round 63d).
    clause = _CLAUSE_BREAK.split(text[at: at + len(child) + 40])[0]
    if at == -1 or _GOT_IN_BEFORE.search(text, max(0, at - 25), at):
        return False
    return bool(rules.name_elsewhere.search(clause) or _IN_SCHOOL.match(text, at + len(child)))


_NOT_HOME = (r"(?!(?:['\u2019]s| is| will be| ll be| has to| is going to| will have to) (?:staying|stopping|off|home|at home|kept|not|"
             r"going to stay|stay)\b|(?:['\u2019]s| is| will be) (?:also |too )?(?:staying|stopping)\b| (?:won['\u2019]?t|will not|isn['\u2019]?t|"
             r"is not|can['\u2019]?t|cannot)\b)")


def _named_after(text: str, m: re.Match, child: str, own: set) -> bool:
    """The logged child named after this word, which is not their name said without its apostrophe ("Łucja has flu so
    I'm keeping Ella at home"; never "Mia won't be in. Mimi has been sick", a pet name, nor "Jacks got tonsillitis")."""
    return _plain(m.group()).rstrip("s") not in own and bool(
        name_pattern(rf"(?<![\w-]){re.escape(child.split()[0])}(?![\w-])", re.I).search(text, m.end()))


# "Too" as "also" ("Finn is too", "Finn too, so..."), not as "too tired" (the newcomer on round 155: "Ella was sick in the
# night and Finn is too tired to go in" made Ella's sickness Finn's).
_TOO_ALSO = (r"(?!\s+(?:tired|upset|ill|unwell|poorly|sick|anxious|distressed|scared|worried|exhausted|shattered|much|many|young|"
             r"little|far|late|early|bad|weak|sore|hot|cold|wobbly|nervous|frightened|overwhelmed|low|emotional|drained|"
             r"wiped|stressed|sad|shaky|dizzy|sleepy|knackered|[a-z]+ to)\b)")


def _shared(text: str, child: str) -> bool:
    """The logged child has what someone else has ("Josh has flu and so does Mia"): no name is someone else's alone."""
    first = re.escape(child.split()[0])
    # (Not "and now Ella is staying home": home, not ill, the attacker on round 126.)
    return bool(name_pattern(rf"\b(?:so (?:does|is|has)|as (?:has|does|is)|and now|(?:spread|passed|given it) to) {first}\b{_NOT_HOME}|\b{first} "
                             rf"(?:(?:has|have|s|does|did|is|was|has been|had) )?(?:too{_TOO_ALSO}|as well|also)\b|\b{first} (?:has|have|s) (?:it|got it|caught it|the same)\b|"
                             rf"\b{first} \(and ", re.I).search(text))


def _any_first_names(rules: Rules) -> frozenset:
    """Every first name the rules know, capitalised-only ones ("Will", "Grace") included: built once per rules."""
    known = rules.__dict__.get("_any_first_names")
    if known is None:
        known = rules.__dict__["_any_first_names"] = rules.first_names | rules.capitalised_names
    return known


def _plain(name: str) -> str:
    """A name lower case and without accents, to compare: "Zoë" and "Zoe", "Siobhán" and "Siobhan" are one name."""
    return fold(name.lower())


def _short_form(name: str, own: set, rules: Rules) -> bool:
    """"Ollie" for Oliver, "Bella" for Isabella ([names] short_forms), "Alexa" for Alexandra (four letters or more that
    begin the other name, not a first name of its own): the child again. Never a shared start or a name inside another
    alone: Jack and Jacob, Leo and Leon, Ella and Ellie, Will and Willow are two people (the attacks on rounds 62, 63)."""
    return any(len(o) > 3 and len(name) > 3 and (name.startswith(o) or o.startswith(name)) and abs(len(name) - len(o)) > 1
               and min(name, o, key=len) not in _any_first_names(rules) for o in own) \
        or any(name in group and group & own for group in rules.short_forms)


def subject(text: str, norm: str, rules: Rules, child: str | None = None) -> tuple[str, bool]:
    """Who the reason is about (see _found_subject); with `child` (the child logged for), that child, as the text writes
    them ("Josh was sick all night so Mia is at home": Mia) or by that name when the subject is another's ("Tom has ...")."""
    found = _found_subject(text, norm, rules)
    first = child.split()[0] if child and child.split() else ""
    if not first or first.lower() in found[0].lower().split():
        # A name typed in lower case ("jo sed...") is written as the log has it (round 66 offered "jo is too unwell").
        return (first, found[1]) if first and found[0] == first.lower() != first else found
    at = re.search(rf"(?<![{_WORD_CHARS}'\u2019]){re.escape(first)}(?![{_WORD_CHARS}])", text, re.I)
    if at:
        return (first if at.group() == first.lower() != first else at.group()), False
    if found[0] == "My child" or (found[0] in ("He", "She") and not _two_children(text)) \
            or _someone_else_named(found[0], first, child, rules):
        return first, False  # nobody named, or only "he"/"she": the child it is logged for; or "Tom has a fever", for Mia
    return found


# He and she both as the subject of a verb in one reason, and no relative named: two children, and which one is ill the
# words alone cannot say.
_VERB = (r"(?:'s|\u2019s|'ll|\u2019ll)?\s+(?:is|has|was|had|can|can't|can\u2019t|won't|won\u2019t|will|isn't|isn\u2019t|does|"
         r"doesn't|feels|felt|says|said|got|woke|refuses|keeps|just|seems|staying|stays|going|goes|needs|wants|really|also)\b")
_HE, _SHE = re.compile(rf"\bhe{_VERB}", re.I), re.compile(rf"\bshe{_VERB}", re.I)
_KIN = re.compile(r"\b(?:brother|sister|sibling|twin|dad|daddy|mum|mummy|mam|father|mother|husband|wife|partner|nan|gran|grandad|grandma|"
                  r"uncle|aunt|auntie|cousin|baby|friend)\b", re.I)


def _two_children(text: str) -> bool:
    """He and she both the subject of a verb (or one of them kept home, "keeping her at home with him"), and no relative
    named to be one of them."""
    he, she = _HE.search(text), _SHE.search(text)
    him = re.search(r"\b(?:keeping|keep|kept|with|take|taking|bring|bringing) him\b", text, re.I)
    her = re.search(r"\b(?:keeping|keep|kept|with|take|taking|bring|bringing) her\b", text, re.I)
    return bool((he and (she or her)) or (she and him)) and not _KIN.search(text)


def _another_first_name(name: str, first: str, rules: Rules) -> bool:
    """A first name, and not a short form of the child's ("Tom", logged for Mia)."""
    other = name.lower()
    return other in _any_first_names(rules) and not _short_form(_plain(other), {_plain(first)}, rules)


def _someone_else_named(found: str, first: str, child: str, rules: Rules) -> bool:
    """The subject found is another first name ("Tom", logged for Mia), or the child's surname with another first name
    ("Will Jones", logged for Ruby-Mae Jones: her brother)."""
    return _another_first_name(found.split()[0], first, rules) or \
        found.split()[-1].lower() in {w.lower() for w in child.split()[1:]}


@lru_cache(maxsize=8)  # asked again for the same text (the analysis, then the second reading's masking)
def _found_subject(text: str, norm: str, rules: Rules) -> tuple[str, bool]:
    """Who the reason is about, as the parent wrote it, and whether it is plural: the earliest
    name, "my son", group or he/she; a later name wins over a pronoun only as _name_wins says
    ("She's struggling, Maya won't be in": Maya). Then him/her, they, and at last "My child"."""
    text = text.translate(_INVISIBLE)  # "Maya\u202e is refusing": a mark would hide the name
    text = calm(text, rules)  # "ELLA HAS A TEMPERATURE": read as lower case, the names we know capitalised
    named = [hit for hit in (_capitalised_name(text, rules), _lower_case_name(text, rules)) if hit]
    # "Jack, who was sick in the night, is staying home": the name before a "who" clause (the attack on round 59), unless
    # the clause says who they are ("Tom, who is her brother, has covid"); "Mia (Year 4)", "Mia from Year 6" too.
    who = next((m for m in _NAME_WHO.finditer(text) if _is_name(m.group(1), rules) and _not_someone_else(text, m.start(), rules)
                and not _WHO_IS_KIN.match(text, m.end())), None) or _NAME_CLASS.search(text)
    if who and _is_name(who.group(1), rules):
        named.append((who.start(1), who.group(1)))
    found = []
    family = _family_phrase(text, rules)
    if family:
        (named if family[2] else found).append(family[:2])
    # "The twins", "the kids": the child only when no single child is meant elsewhere, not after "because of", "by"...
    singular = _PRONOUN.search(norm)
    for group in rules.group.finditer(text):
        if not singular and not rules.not_after.search(text, max(0, group.start() - 40), group.start()):
            found.append((group.start(), group.group()[0].upper() + group.group()[1:]))
            break
    for m in rules.name_after.finditer(text):
        if _is_name(m.group(1), rules) and not rules.related.search(text, max(0, m.start(1) - 40), m.start(1)):
            named.append((m.start(1), m.group(1)))
            break
    # Two children named together with a plural verb ("Jo and Sam are both refusing"): both names.
    pair = _TWO_NAMES.search(text)
    # (Not when one of them is then singled out: "Amelia and Kwame both have chickenpox, she's worse".)
    # (Nor when one of them is named again on their own: "Tom and Ella are home, Tom's got chickenpox".)
    if pair and not singular and _is_name(pair.group(1), rules) and _is_name(pair.group(2), rules) \
            and not any(_whole_count(text, pair.group(k)) > 1 for k in (1, 2)) \
            and _not_someone_else(text, pair.start(), rules):
        named.append((pair.start(), f"{pair.group(1)} and {pair.group(2)}"))
    he_she = _HE_SHE.search(text)
    if he_she:
        found.append((he_she.start(), he_she.group(1).capitalize()))
    if named or found:
        first = min(named + found)
        cause = bool(_CAUSE_BEFORE.search(text, max(0, first[0] - 20), first[0]) or _TELLER.match(text, first[0] + len(first[1])))
        if named and first not in named and _name_wins(text, first[0], min(named)[0], rules):
            first = min(named)
        elif (first in named and not rules.absent_here.search(_clause(text, first[0], rules))) \
                or _FINE.search(_CLAUSE_BREAK.split(text[first[0]: first[0] + len(first[1]) + 40])[0]) or cause:
            first = _away_later(text, first, rules, cause)
        elif not named and he_she and first[0] == he_she.start():
            first = _name_before(text, first[0], rules) or first
        return first[1], bool(rules.plural.search(first[1].lower()))
    # A common first name alone before the first her/his and said to be off ("Amelia off today, her anxiety"), or with no
    # pronoun at all ("Giving Alicia a duvet day"): the child's name, as _name_before reads it, rather than "She" or "My
    # child". Never someone off work ("Karen off work today, her anxiety": the attacker on round 122).
    pronoun = _PRONOUN.search(text) if singular else None
    alone = _name_before(text, pronoun.start() if pronoun else len(text), rules)
    after = alone and alone[0] + len(alone[1])
    if alone and not _AT_WORK.match(text, after) and (_ALONE_AWAY.match(text, after) if singular else not _THEY.search(text)):
        return alone[1], False
    if singular:
        return ("She" if singular.group(1) in ("she", "her", "hers") else "He"), False
    if _THEY.search(text):
        return "They", True
    return "My child", False


def _away_later(text: str, first: tuple[int, str], rules: Rules, cause: bool = False) -> tuple[int, str]:
    """The child, when the first one named is not said to be away: a later first name whose own clause says who is away
    ("Josh has been sick all night so Mia is staying home": Mia, and Josh's illness is someone else's; the attack on round
    62), or, when the first is in school as normal, a later "my daughter" or name in a sentence of its own ("My son,
    Jack, is in school as normal. My daughter, Ruby, has flu and is staying home": the attack on round 63)."""
    at, words = first[0] + len(first[1]), first[1].split()
    # "Josh has a fever so I'm keeping Mia home": the one kept home or not got in is the child (the attack on 63d).
    for m in _KEPT_NAME.finditer(text, at):
        if m.group(1) not in words and m.group(1).lower() in _any_first_names(rules):
            return m.start(1), m.group(1)
    for m in _CAPITAL.finditer(text, at + 1):
        if (m.group() not in words and text[at:m.start()].strip(" '\u2019s") and m.group().lower() in rules.first_names
                and _is_name(m.group(), rules) and _not_someone_else(text, m.start(), rules)
                and not rules.name_signoff.match(text, m.start()) and _name_wins(text, first[0], m.start(), rules)):
            return m.start(), m.group()
    # (Or the first is the cause: "After what Jessica said on Friday Mia is too upset to come in", the attack on 63e.)
    if cause or _FINE.search(_CLAUSE_BREAK.split(text[first[0]: at + 40])[0]) or _GONE_IN.search(text, at, at + 40):
        # The first one is fine or in school as normal: the next one named as a clause's subject ("Josh is fine and will
        # be in. Mia has a fever"; "Mia's fine and going in, but Poppy's been sick"), else a later "my daughter".
        for m in _NAME_VERB.finditer(text, at + 1):
            if (m.group(1) not in words and m.group(1).lower() in _any_first_names(rules)
                    and (m.group(2) or _verb(m.group(3), rules)
                    in rules.name_verbs) and _not_someone_else(text, m.start(), rules) and not rules.name_signoff.match(text, m.start())
                    and not _TITLED_PLACE.search(text, max(0, m.start(1) - 12), m.start(1))
                    and not _FINE.search(_clause(text, m.start(1), rules))):
                return m.start(1), m.group(1)
        for m in rules.family.finditer(text, at):
            if m.group().lower() != first[1].lower() and rules.absent_here.search(text[m.start(): m.start() + 120].split(".")[0]):
                return m.start(), m.group()[0].upper() + m.group()[1:]
        if _GONE_IN.search(text, at, at + 40) and (kept := _HE_SHE.search(text) or _KEPT_PRONOUN.search(text)):  # round 182
            return kept.start(), "She" if kept.group(1).lower() in ("she", "her") else "He"
    return first


def _name_before(text: str, pronoun_at: int, rules: Rules) -> tuple[int, str] | None:
    """A common first name before the first he/she that no verb follows ("Lucas pas bien today, he has fievre"): the child,
    when it is the only one there and no one else's (a title, a greeting, a relation, the writer, "Tilly's brother"), so
    a suggestion keeps the name the parent wrote rather than "He"."""
    found = {}
    for m in _CAPITAL.finditer(text, 0, pronoun_at):
        word = m.group()
        if (word.lower() not in rules.first_names or not _is_name(word, rules) or not _not_someone_else(text, m.start(), rules)
                or rules.not_child_before.search(text, max(0, m.start() - 20), m.start())
                or rules.not_child_after.match(text, m.end())):
            continue  # not a name, or the reader's, the writer's or a relation's
        # "Tilly's brother ... he": whose the he/she is, is unclear.
        found[word] = None if text.startswith(("'", "\u2019"), m.end()) else found.get(word, m.start())
    if len(found) != 1:
        return None
    (word, at), = found.items()
    return (at, word) if at is not None else None


def _capitalised_name(text: str, rules: Rules) -> tuple[int, str] | None:
    """The first capitalised name with a verb after it ("Sam is", "Sam's been"), with a known
    first name before it joined on ("Sam Jones is refusing"): where it starts, and the name."""
    for m in _NAME_VERB.finditer(text):
        verb = _verb(m.group(3), rules)
        if (verb in _PRONOUNS and m.group(1).lower().endswith(("ly", "ing"))) or (
                verb in _BODY and m.group(1).endswith("y") and not m.group(2) and m.group(1).lower() not in rules.first_names):
            continue  # "Annoyingly she has...", "Hoping he's back": not "Lily she is"; "Dodgy tummy": not a name
        if (m.group(2) and verb in _KIN_AFTER and text[m.end(3):].strip(" .,!x\n")) \
                or _PLACE_IN.search(text, max(0, m.start(1) - 6), m.start(1)) \
                or _TITLED_PLACE.search(text, max(0, m.start(1) - 12), m.start(1)):
            continue  # "Ella's mum brought Mia home", "their nan in Ireland is ill", "the doctor at St John's says": not the
            # child (a sign-off, "Thanks, Lily's mum", still names the child)
        if (m.group(2) or verb in rules.name_verbs) and _is_name(m.group(1), rules) and _not_someone_else(text, m.start(), rules):
            # Only a known first name is joined on: never "Absence Tom", "Thanks Kate Tom".
            first = _FIRST_NAME.search(text, max(0, m.start(1) - 30), m.start(1))
            if first and first.group(1).lower() in _any_first_names(rules) \
                    and _not_someone_else(text, first.start(1), rules):
                return first.start(1), first.group(1) + " " + m.group(1)
            return m.start(1), m.group(1)
    return None


def _lower_case_name(text: str, rules: Rules) -> tuple[int, str] | None:
    """A common first name in a rushed lower-case text ("tom has a cold", "sorry jack wont be
    in", "I can't get sam in", "sam jones is refusing"): where it starts, and the name."""
    for m in _LOWER_NAME_VERB.finditer(text):
        with_sibling = _AND_SIBLING.match(text, m.end(1))  # "poppy and her sister both got the bug" (blind1498)
        if m.group(1) not in rules.first_names and not (with_sibling and m.group(1) in rules.capitalised_names):
            continue
        # "I can't get sam in": the child; "I need to get oliver to nursery first": another child.
        verb = rules.name_after_lower.match(text, max(0, m.start() - 30), m.start())
        after = verb and (_TO_SCHOOL.match(text, m.end(1))
                          or (verb.group().endswith(_KEEP_VERBS) and _KEPT_OFF.match(text, m.end(1))))
        surname = _LOWER_SURNAME.match(text, m.end(1))
        surname = surname and _verb(surname.group(2), rules) in rules.name_verbs and _plain_word(surname.group(1), rules)
        if (m.group(2) or _verb(m.group(3), rules) in rules.name_verbs or after or surname or with_sibling) \
                and (with_sibling or _not_someone_else(text, m.start(), rules)):  # "hi nia and her brother both..."
            return m.start(1), m.group(1).capitalize()
    return None


def _family_phrase(text: str, rules: Rules) -> tuple[int, str, bool] | None:
    """"My son", or the name written after it ("my son Kwame", "my son jack is"): where it
    starts, the words to use, and whether they are a name."""
    family = rules.family.search(text)
    if not family:
        return None
    phrase = family.group()
    last = phrase.rsplit(" ", 1)[-1]
    if last[0].isupper() and _is_name(last, rules) and " " in phrase:
        return family.start(), last, True  # "my son Kwame": the name, as written (never a changed "My son")
    if last[0].isupper() and not _is_name(last, rules):
        phrase = phrase[: -len(last) - 1]  # "my son Refuses": a verb, not a name
    # "My daughter, Grace, won't go in": a capitalised name between commas is hers.
    # (Only when no other name is written: "My son, Jack, is in school; my daughter, Ruby, has flu" is two children.)
    named = _NAME_BETWEEN_COMMAS.match(text, family.end())
    if named and _is_name(named.group(1), rules) and _only_name(text, named.group(1), rules):
        return family.start(), named.group(1), True
    lower = _LOWER_AFTER.match(text, family.end())
    # "my son, kofi, has...": a name between commas is his name; "my son, however, is" is not.
    after_comma = bool(lower) and lower.group().startswith(",") and not text.startswith(",", lower.end(1))
    if lower and _lower_name(lower.group(1), lower.group(2), after_comma, rules):
        return family.start(), lower.group(1).capitalize(), True  # "my son jack is..."
    return family.start(), phrase[0].upper() + phrase[1:], False


def _not_someone_else(text: str, at: int, rules: Rules) -> bool:
    """A name at `at` is not straight after a title ("Mrs Patel"), a greeting ("Hi Kate he won't go": the reader) or a
    relation ("her brother Tom", "a girl called Ella"). Each looks only at the few words before it: stays linear."""
    before = max(0, at - 40)
    return not (rules.titled.search(text, before, at) or rules.greeted.search(text, before, at)
                or rules.related.search(text, before, at))


def _someone_elses(text: str, at: int, rules: Rules) -> bool:
    """A name straight after another person's relation ("Auntie Sue has covid", "his friend Mia
    has chickenpox") is theirs; after "my son" it may be the child's."""
    rel = rules.related.search(text, max(0, at - 40), at)
    # "My other son Joel was taken ill ... the school run for Nina": the other child (blind753).
    return (bool(rel) and rel.group().split()[0].lower() not in rules.childs_relations) \
        or bool(_OTHER_CHILD.search(text, max(0, at - 30), at))


def _name_wins(text: str, pronoun_at: int, name_at: int, rules: Rules) -> bool:
    """Whether a name after the first he/she or "my son" is the child: in the same sentence, in a clause that says it is
    this person who is absent ("She's struggling today, Maya won't be in"), or a sign-off ("Thanks, Lily's mum"). Never
    one doing something to the child ("Chris is taking him"), nor someone in school as normal or with the same bug."""
    signoff = rules.name_signoff.match(text, name_at)
    if signoff:
        # "Lily's mum said half the class has it": another family's news, not a sign-off.
        return bool(rules.signoff_before.search(text, max(0, name_at - 30), name_at)
                    or rules.signoff_after.match(text, signoff.end()))
    if rules.sentence_break.search(text, pronoun_at, name_at):
        # A later sentence naming the child as the one away ("She's been in a state all morning. Imogen won't be in"):
        # the child, when the name is a common first name and nothing before said who is away (below).
        # (Never after another name: "Tyler has D&V. I've also got Harley off" is two children.)
        word = _CAPITAL.match(text, name_at)
        if not word or word.group().lower() not in _any_first_names(rules) or not _HE_SHE.match(text, pronoun_at):
            return False
    own = _clause(text, name_at, rules)
    if rules.object_pronoun.search(own) or rules.name_elsewhere.search(own):
        return False  # "Chris is taking him", "Lily will still be in as normal", "Sam had it too"
    # The name's own clause must say who is absent ("so Oliver won't be in today"), and the words before it must not
    # have said so already ("He has a cold and is staying home, Ruby will be in": Ruby is someone else's news). Or it is
    # the text's one name, said to be ill ("I know last year he was off loads ..., Rhys has a fever of 39": blind1497).
    if rules.absent_here.search(own):
        return not rules.absent_here.search(text, pronoun_at, name_at) or bool(_HISTORY.search(text, pronoun_at, name_at))
    word = _CAPITAL.match(text, name_at)
    return bool(word and _HE_SHE.match(text, pronoun_at) and _ILL_VERB.match(text, word.end())
                and {w.lower() for w in _CAPITAL.findall(text)} == {word.group().lower()})


def _clause(text: str, at: int, rules: Rules) -> str:
    end = rules.clause_end.search(text, at + 1)
    return text[at: end.start() if end else min(len(text), at + 200)]


def _lower_name(word: str, verb: str, after_comma: bool, rules: Rules) -> bool:
    """A lower-case word after "my son" is his name when it is a common first name, or when
    a verb follows it and it is no other kind of word ("my son jack is", not "my son never
    is", "my son, however, is" or "my son insists")."""
    if word in rules.first_names:
        return True
    return (not after_comma and len(word) > 2 and _verb(verb, rules) in rules.name_verbs
            and not word.endswith(("ly", "self", "ever", "fore", "s", "ed", "ing")) and _plain_word(word, rules))


def _joined(text: str, m: re.Match, own: set | None) -> bool:
    """Joined to another name by "and" ("Zara and Idris"): read together, unless neither is the logged child, named
    in the text (`own`): "Keeping Ellie off, James and Jess both have flu" is two other people."""
    join = _JOINED_BEFORE.search(text, max(0, m.start() - 20), m.start()) or _JOINED_AFTER.match(text, m.end())
    return bool(join) and (own is None or any(_plain(n) in own for n in re.findall(_NAME, join.group())))


def _plain_word(word: str, rules: Rules) -> bool:
    """A lower-case word that could be a name: no verb, no everyday word the lists name."""
    return word not in rules.name_verbs and word not in rules.not_lower_names and _is_name(word, rules)


def _verb(word: str, rules: Rules) -> str:
    """The word after a name, as the rules spell it ("won't" and "wont" alike)."""
    return rules.word(word.lower().replace("\u2019", "'")).split(" ")[0]


def _is_name(word: str, rules: Rules) -> bool:
    w = word.lower()
    # "Hes", "Im": a contraction without its apostrophe is not a name.
    return w not in rules.not_names and " " not in rules.word(w) and not rules.is_term(word)


def _whole_count(text: str, name: str) -> int:
    return len(re.findall(rf"(?<![{_WORD_CHARS}'\u2019-]){re.escape(name)}(?![{_WORD_CHARS}])", text))


def _only_name(text: str, name: str, rules: Rules) -> bool:
    """No other known first name is written in the text (a second child, a friend, a teacher)."""
    others = {m.group() for m in _CAPITAL.finditer(text)
              if m.group() != name and m.group().lower() in rules.first_names and _is_name(m.group(), rules)}
    return not others and len(list(rules.family.finditer(text))) == 1
