"""Clauses and whose they are: the "who" layer of the wording check (round 7).

A reason is only the child's when it is about the child. "I've got my own hospital appointment", "his sister's got
flu", "the dog is poorly" each name an illness or an appointment, but not the child's; another person's illness never
becomes the child's in a suggestion. This module splits normalised text into clauses and finds whose each phrase is.

Design decisions:
- Words only, from rules.toml [reasons] (owners, clause breaks, inheritance), compiled once on first use.
- A clause ends at sentence punctuation, a comma, a dash or a joining word ("and", "so", "because", "who"...). "Noah
  and his sister" is one subject, not two clauses: an "and" after a bare noun phrase (no more than `and_words` words
  and no verb) does not split.
- Whose a phrase is: the last person named before it in its clause ("I am keeping her off with a temperature": her,
  the child), or a "for"/"with"/"of" person straight after it ("hospital appointment for his little brother"), or
  "my"/"my own" straight before it ("my own hospital appointment", "my depression": the parent). "His", "her" and
  "their" before a phrase point back to the last person named in the clause ("take her brother to his appointment":
  the brother's). A group joined by "and" that includes the child ("Noah and his sister both have chickenpox") is the
  child's too.
- A clause with nobody named takes the last person of the clause before it in the same sentence when it opens with a
  word that carries the subject over ("his sister has flu and a temperature", "look after her brother who has a
  fever"); otherwise, with nobody named at all, it is the child's (the default: "temperature of 39 this morning").
- A he or she of the other gender from the child's (the text's first he, him, his, she or her) is the person of that
  gender named before it, in any earlier sentence too: "she's minding her little brother as he's got a bug".
- "Our eldest", "our youngest" are a brother or sister when the text names another child, and the child when it names
  none ("our eldest has tonsillitis").
- Kinds of owner: child, family ("we", "us": the child is among them), parent (the writer: "I", "me", "my own"),
  sibling (a brother, sister, twin, the baby, our youngest), relative (a partner, nan, an aunt...), friend, school
  (staff, the office), pet. Only child and family count as the child's.

The other wording layers may use `clauses(norm, rules)`, `mentions(norm, a, b, rules)` and `owner(norm, a, b, rules,
names)` (all on normalised text): see their docstrings.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from refusal_log.wording.folding import as_in_text
from refusal_log.wording.loading import Rules, _expand
from refusal_log.wording.pronouns import CHILDS, agreement, told_by


class Clause:
    """One clause: offsets into the normalised text, the joining word that opened it ("and", "who", "" at a sentence
    start), and whether a sentence starts with it. (A plain class: a namedtuple costs start-up time.)"""

    __slots__ = ("start", "end", "opener", "sentence_start")

    def __init__(self, start, end, opener, sentence_start):
        self.start, self.end, self.opener, self.sentence_start = start, end, opener, sentence_start


class Mention:
    """One person named: offsets and kind (child, family, parent, sibling, relative, friend, school, pet, speaker, or
    "possessive" for his/her/their, which point back)."""

    __slots__ = ("start", "end", "kind")

    def __init__(self, start, end, kind):
        self.start, self.end, self.kind = start, end, kind

    def __lt__(self, other):
        return (self.start, self.end) < (other.start, other.end)


_WORD = re.compile(r"[a-z0-9&]+")
# Another person: their exclusion, closure or leave is not the child's (the school's is).
SOMEONE_ELSE = frozenset(("parent", "sibling", "relative", "friend", "pet"))


class _Who:
    """The [reasons] data compiled: clause breaks and the words for each kind of owner. The patterns only some texts
    need (the parent's care words, gender, "our eldest") are compiled on first use, so a check pays only for them."""

    _LATER = ("owner_before", "owner_after", "parent_care", "ambiguous", "two_children", "male", "female", "visited",
              "own_body")

    def __init__(self, rules: Rules):
        data, macros = rules.reasons_data, rules.macros
        self._data, self._macros = data, macros
        self.breaks = re.compile(_expand(data["clause_break"], macros))
        self.sentence = re.compile(_expand(data["sentence_break"], macros))
        self.carry = frozenset(data["carry_over"])
        self.and_words = int(data["and_words"])
        self.verbs = frozenset(data["verbs"])
        owners = data["owners"]
        # One pattern, one named group per kind: at each place the longest phrase wins.
        parts = [f"(?P<{kind}>{_expand(p, macros)})" for kind, p in owners.items()]
        self.mentions = re.compile(r"(?<![a-z0-9&])(?:%s)(?![a-z0-9&])" % "|".join(parts))
        self.kinds = tuple(owners)
        self.first_pronoun = re.compile(r"(?<![a-z0-9&])(?:he|him|his|she|her|hers)(?![a-z0-9&])")

    def __getattr__(self, name: str) -> re.Pattern:
        key = {"before": "owner_before", "after": "owner_after"}.get(name, name)
        if key not in self._LATER:
            raise AttributeError(name)
        rx = re.compile(_expand(self._data[key], self._macros))
        setattr(self, name, rx)
        return rx


def _who(rules: Rules) -> _Who:
    if rules.compiled_reasons is None:
        rules.compiled_reasons = _Who(rules)
    return rules.compiled_reasons


def clauses(norm: str, rules: Rules) -> list[Clause]:
    """The clauses of normalised text, in order. An "and" after a bare noun phrase ("Noah
    and his sister...") does not end a clause."""
    who = _who(rules)
    sentence_ends = {m.end() for m in who.sentence.finditer(norm)}
    out, start, opener, first = [], 0, "", True
    for m in who.breaks.finditer(norm):
        word = m.group().strip(" ,")
        if word == "and" and _bare(norm[start:m.start()], who):
            continue
        if m.start() > start:
            out.append(Clause(start, m.start(), opener, first))
        first = m.end() in sentence_ends or (m.start() == start and first)
        opener = "" if first else word
        start = m.end()
    if start < len(norm):
        out.append(Clause(start, len(norm), opener, first))
    return out


def _bare(segment: str, who: _Who) -> bool:
    words = _WORD.findall(segment)
    return 0 < len(words) <= who.and_words and not any(w in who.verbs for w in words)


_REACH = 600  # characters back within one clause to look for who a phrase is about


_INSIDE_A_WORD = frozenset("abcdefghijklmnopqrstuvwxyz0123456789&")
# Where the child is staying, straight before the person whose home it is ("Isla is at her nan's with a temperature").
AT_HOMES = (" is still at ", " has been at ", " s been at ", " is at ", " s at ", " was at ", " stayed at ",
            " staying at ", " stopping at ", " still at ", " round at ", " over at ", " slept at ", " sleeping at ")
# A child's illness after it ("at her nan's with a temperature"), not an older person's ("with a broken hip", "cancer").
WITH_ILL = re.compile(r" with (?:a |an |the )?(?:high |bad |nasty |horrible |really bad )?"
                      r"(?:temperature|temp|fever|cough|cold|bug|tummy bug|sickness bug|sickness|vomiting|rash|"
                      r"sore throat|earache|ear infection|chest infection|conjunctivitis|chickenpox|chicken pox|"
                      r"headache|migraine|tonsillitis|flu|stomach bug|tummy ache|stomach ache)\b"
                      r"(?![^.!?\n]{0,60}?\b(?:he|she) (?:has been|is|s|was) (?:really |very |so )?"
                      r"(?:poorly|ill|unwell|sick|bad)\b)")
_QUOTES = re.compile(r"\"[^\"\n]*\"|(?<![a-z0-9])'(?=[a-z])[^'\n]*[a-z.!?]'(?![a-z0-9])")
# Who speaks a quotation: the last person named before "said" ("Stanley said 'I think I'm going to throw up'": his).
_SAID = re.compile(r"\b(?:said|says|saying|goes|went|told me|told us|tells me|tells us|telling me|telling us|cried|"
                   r"crying|shouted|shouting|screamed|screaming|whispered|announced|moaned|moaning|complained|"
                   r"complaining|sobbed|sobbing|wailed)(?: to (?:me|us))?[,:]? ?$")
_VOCATIVE = frozenset(("mum", "dad", "mummy", "daddy", "mam", "mom", "mama", "mamma", "mammy", "mommy", "papa"))
_FIRST_PERSON = re.compile(r"\b(?:i|my|me)\b")
_YOU = re.compile(r"\b(?:you|your|yourself)\b")
_SENTENCE_END = re.compile(r"[.!?\n]")
_STAYING = frozenset(("he", "she", "son", "daughter", "boy", "girl", "lad", "lass"))
_WRITER = frozenset(("i", "me", "myself", "we", "us", "ourselves"))
_SPOKEN: dict = {}  # (text, where the quotation starts, the names) -> whether the child speaks it
# The words that may stand between the speaker and "said" ("Mia woke up and said...").
_SAID_BETWEEN = frozenset(("", "just", "then", "woke up", "woke up and", "came in", "came in and", "came down",
                           "came down and", "has", "had", "was", "is", "keeps", "kept", "keeps on", "kept on",
                           "started", "suddenly"))
_BRACKET_OPEN = re.compile(r"([a-z]+)(?: \(|, )(?:[a-z0-9 ]+, )?$")  # "mia (", "mia (year 4, ", "mia, "
_CONFIRMED = re.compile(r"\b(?:(?:and|then) (?:then )?(?:he|she|they) (?:did|was|were|has been|had been)"
                        r"|(?:temperature|temp) (?:of|was) (?:3[89]|4[0-2]|37\.[5-9]))\b")


@lru_cache(maxsize=4)  # the quotes of a text, found once, not once per hit
def _quotes(norm: str) -> tuple:
    return tuple(_QUOTES.finditer(norm))


def _whole_word(norm: str, name: str, a: int, b: int):
    """(start, end) of each place in norm[a:b] where `name` (its accents folded, as norm's are) stands as a whole word,
    without compiling a pattern per name: a batch of checks meets hundreds of names."""
    name = as_in_text(name)
    at = norm.find(name, a, b) if name else -1
    while at != -1:
        end = at + len(name)
        if (at == 0 or norm[at - 1] not in _INSIDE_A_WORD) and (end >= b or norm[end] not in _INSIDE_A_WORD):
            yield at, end
            at = norm.find(name, end, b)
        else:
            at = norm.find(name, at + 1, b)


def mentions(norm: str, a: int, b: int, rules: Rules, names=(), quoted: bool = True) -> list[Mention]:
    """The people named in norm[a:b], in order. `names` (lower case) are the child's, own or given ("Noah and his sister...").
    `quoted`: the child's quoted words are theirs (_quoted_child); off when finding who speaks one, so looks never nest."""
    who, out = _who(rules), []
    for m in who.mentions.finditer(norm, a, b):
        kind = next(k for k in who.kinds if m.group(k) is not None)
        if kind in ("relative", "sibling") and norm.startswith(("his ", "her ", "their "), m.start()) and (
                who.visited.match(norm, m.end()) or norm.endswith((" home from ", " back from "), a, m.start())
                or (norm.endswith(AT_HOMES, a, m.start()) and WITH_ILL.match(norm, m.end())
                    and _child_staying(norm, m.start(), names))):
            # "back from his nan's caravan with a rash", "Isla is at her nan's with a temperature": where, not whose (blind766).
            kind = "possessive"
        elif kind in ("sibling", "relative") and (w := norm[m.start():m.end()].split())[-2:-1] in (["twin"], ["brother"], ["sister"]) \
                and w[-1] in getattr(names, "own", ()):
            kind = "child"  # "his twin Oscar has conjunctivitis", logged for Oscar (blind928)
        out.append(Mention(m.start(), m.end(), kind))
    # Where a mention already stands, as a set: a look-up per name, not a scan of them all.
    taken = {i for o in out for i in range(o.start, o.end)} if names else set()
    for name in names:
        out.extend(Mention(start, end, "child") for start, end in _whole_word(norm, name, a, b) if start not in taken)
    for name in getattr(names, "others", ()):  # another first name, when the child is named (names.Names)
        out.extend(Mention(start, end, "relative") for start, end in _whole_word(norm, name, a, b) if start not in taken)
    out.sort()
    if quoted and any(m.kind in ("parent", "speaker") for m in out) and ("'" in norm or '"' in norm):
        out = _quoted_child(norm, out, rules, names)
    if names and ("(" in norm or "," in norm):
        out = _bracketed(norm, out, names)
    # "The sister of Mia": the sister, not Mia (the attack on round 59).
    return [m for i, m in enumerate(out) if not (m.kind == "child" and i and out[i - 1].kind in SOMEONE_ELSE
                                                 and norm[out[i - 1].end:m.start] == " of ")]


def _child_staying(norm: str, at: int, names) -> bool:
    """Whether the word before "is at", "stayed at"... (ending straight before `at`), who is staying there, is the
    child: their name, "he", "she", "my son"..."""
    suffix = next(x for x in AT_HOMES if norm.endswith(x, 0, at))
    staying = norm[:at - len(suffix)].rsplit(" ", 1)[-1]
    return staying in _STAYING or staying in names


def _quoted_child(norm: str, out: list[Mention], rules: Rules, names) -> list[Mention]:
    """The child's own words quoted ("Stanley said 'Mum, I think I'm going to throw up'"): the "I" and "me" in them are
    the child, and the "Mum" they are said to is nobody the words are about (blind770 read the sick as the parent's)."""
    kept = []
    for m in out:
        q = next((q for q in _quotes(norm) if q.start() < m.start and m.end < q.end()), None) \
            if m.kind in ("parent", "speaker") else None
        told = next((q for q in _quotes(norm) if 0 <= q.start() - m.end <= 2), None) \
            if norm[m.start:m.end] in ("me", "us") else None
        if told and _spoken_by_child(norm, told, rules, names):
            continue  # the "me" of "Ben told me 'my ear hurts'": who heard it, not who is ill
        if q and _spoken_by_child(norm, q, rules, names):
            word = norm[m.start:m.end]
            if word.split()[0] in ("i", "me", "myself"):  # "I", and "I feel" ([reasons] speaker)
                m = Mention(m.start, m.end, "child")
            elif word in _VOCATIVE and not norm[q.start() + 1:m.start].strip() and _FIRST_PERSON.match(
                    norm, m.end + (2 if norm.startswith(", ", m.end) else 1)):
                continue  # "'Mum, I feel sick'", "'mum my belly hurts'" (not "'Dad's been sick all night'")
        kept.append(m)
    return kept


def _spoken_by_child(norm: str, q: re.Match, rules: Rules, names=()) -> bool:
    """Whether the quotation q is the child's own words: after "said" (and the like), with the child named straight
    before it (by name, or "my son"), or "he" or "she" with nobody else named before the quotation. Never words said to
    the parent about them ("Mum, you look awful"), nor a teacher's, a nan's or a husband's (the attack on round 65)."""
    key = (norm, q.start(), tuple(names), tuple(getattr(names, "others", ())))
    if key not in _SPOKEN:  # a quotation is asked about once per mention in it: worked out once
        if len(_SPOKEN) > 512:
            _SPOKEN.clear()
        said = _SAID.search(norm, max(0, q.start() - 40), q.start())
        before = []
        if said and not _YOU.search(norm, q.start(), q.end()):
            before = [p for p in mentions(norm, max(0, said.start() - 60), said.start(), rules, names, quoted=False)
                      if p.kind not in ("speaker", "possessive")]
        found = bool(before) and before[-1].kind == "child" \
            and norm[before[-1].end:said.start()].strip(" ,") in _SAID_BETWEEN
        if found and norm[before[-1].start:before[-1].end] in ("he", "she", "they"):
            end = _SENTENCE_END.search(norm, q.end())
            others = mentions(norm, max(0, before[-1].start - _REACH), before[-1].start, rules, names, quoted=False) \
                + mentions(norm, q.end(), end.start() if end else len(norm), rules, names, quoted=False)
            found = not any((p.kind in SOMEONE_ELSE or p.kind == "school") and norm[p.start:p.end] not in _WRITER
                            for p in others)  # the writer's own "I" names nobody else
        _SPOKEN[key] = found
    return _SPOKEN[key]


def _bracketed(norm: str, out: list[Mention], names) -> list[Mention]:
    """A brother or sister in brackets (or between commas) straight after the child's name describes the child ("Mia
    (Josh's sister) has flu", "Mia, Josh's wee sister, has flu": Mia's flu), as after another name it describes them
    ("Josh (Mia's brother) has flu": her brother's; the attack on round 65)."""
    def describes_the_child(m: Mention) -> bool:
        opened = _BRACKET_OPEN.search(norm, max(0, m.start - 40), m.start)
        return m.kind in ("sibling", "relative") and norm.startswith((")", ","), m.end) and bool(opened) \
            and opened.group(1) in names

    return [Mention(m.start, m.end, "child") if describes_the_child(m) else m for m in out]


# The child's word for it given after the symptom, ending the clause ("a banging headache she says", "her tummy hurts, he
# says."), never "a migraine, he said his head hurts".
_SAYS_AFTER = re.compile(r"(?: (?!but\b|and\b)[a-z]+){0,2}?,? (?:he|she|they) (?:says|said|reckons|claims|told (?:me|us)|"
                         r"tells (?:me|us))(?= ?(?:[,.;:!?)\n]|$| so\b| and\b| but\b))")


def childs_words(norm: str, a: int, b: int, rules: Rules, whole=None, names=(), confirmed: bool = False) -> bool:
    """Whether norm[a:b] is inside the child's own words quoted in the first person ("Sam told me 'I've got a banging
    headache'"), or is followed by "she says" ending the clause: their word for it, which a suggestion asks about rather
    than states (the newcomers on rounds 65 and 67). Words the parent then saw come true ("... and then he did") are
    more than that, unless `confirmed` is asked too. The child's names are `names`, or those a Whole (`whole`) has
    already worked out."""
    if not confirmed and _SAYS_AFTER.match(norm, b):
        return True  # "a really sore tummy she says": the child's word for it, said after (the newcomer on round 67)
    q = next((q for q in _quotes(norm) if q.start() < a and b <= q.end()), None)
    if not q or not _FIRST_PERSON.search(norm, q.start(), q.end()):
        return False
    names = names or getattr(whole, "names", None) or ()
    return _spoken_by_child(norm, q, rules, names) and (confirmed or not _CONFIRMED.search(norm, q.end(), q.end() + 80))


def _resolve(found: list[Mention], norm: str, at: int | None = None, who: _Who | None = None) -> str | None:
    """The kind of the last person named before `at`. His/her/their straight before `at` point back to the person named
    before them (else the child); anywhere else they are the child ("keeping her off"). A group joined by "and" that
    includes the child is the child's. See _points_back for a word between and for the pronoun's gender."""
    kind, people = None, []
    # "I think": the parent speaking; "stayed with me": the parent only where the child was (round 49: "Chloe stayed with
    # me last night and woke up with a high temperature"); "I explained the anxiety": a topic (round 151); "caught Ella's
    # cold": the one it was caught from is not the one who has it now (the newcomer on round 155).
    found = [m for m in found if m.kind != "speaker" and not _CAUGHT_FROM.search(norm, max(0, m.start - 24), m.start)
             and not (m.kind == "parent" and (_object(norm, m) or (norm[m.start:m.end] == "i" and (
                 _WITNESS.match(norm, m.end) or at and _TOPIC.fullmatch(norm, m.end, at)))))]
    for i, m in enumerate(found):
        if m.kind == "possessive":
            # Straight before the phrase, it points back to a third person named before it
            # ("her brother ... his appointment"); never to "I" ("I've given her Calpol").
            gap = norm[m.end:at].split() if at is not None and i == len(found) - 1 else None
            if gap is not None and len(gap) <= 1:
                return _points_back(norm, m, kind, people, gap, at, who)
            kind = "child"
            continue
        kind = m.kind
        people.append(m)
        if i and norm[found[i - 1].end:m.start] in (" and ", " & ") and found[i - 1].kind in CHILDS:
            kind = found[i - 1].kind
    return kind


_THIRD = ("sibling", "relative", "friend", "pet")
# A parent named in the third person, as the other parent or by the writer of themselves: "his" or "her" of their own
# gender after them is theirs ("Dad broke his ankle"), as for a relative. "I" and "we" are never meant.
_NAMED_PARENT = frozenset(("mum", "dad", "mam", "mom", "mummy", "daddy", "mama", "mamma", "mammy", "mommy", "papa"))
# A procedure after a possessive and one word ("her knee op", "his heart scan"): the person's named before, even when
# they were named with the same word ("her nan is having her knee op"); a symptom then is the child's ("her nan
# noticed her awful rash"), unless the person was named otherwise ("my husband has his awful migraine").
_PROCEDURE = re.compile(r"(?:op|ops|operation|surgery|scan|appointment|appt|check ?-?up|chemo|treatment|procedure|"
                        r"replacement|x ?-?ray|mri|bloods|physio|clinic|review|transplant|biopsy)\b")
# What someone noticed of the child's ("grandma heard her cough"), with a word between: the child's.
_PERCEIVED = re.compile(r"\b(?:heard|hears|noticed|notices|saw|sees|spotted|spots)\b")


def _genders(who: _Who, pronoun: str) -> tuple[re.Pattern, re.Pattern]:
    """The patterns for people of the gender "his" or "her" points to, and of the other gender."""
    return (who.male, who.female) if pronoun == "his" else (who.female, who.male)


def _points_back(norm: str, pronoun: Mention, kind, people: list, gap: list, at: int, who: _Who | None) -> str:
    """Whose his/her/their before a phrase is: the third person named before it, or the child. With a word between,
    see _PROCEDURE and _PERCEIVED. A pronoun of the other gender from that person's is the last person of its own
    gender named before, else the child ("his mum says his migraine is back", "with her dad for her asthma review")."""
    last = people[-1] if people else None
    if kind == "parent" and last and who is not None and norm[last.start:last.end] in _NAMED_PARENT \
            and _genders(who, norm[pronoun.start:pronoun.end])[0].search(norm, last.start, last.end):
        return "relative"  # "Jack is off. Dad broke his ankle": Dad's own ankle, not Jack's (the attack on round 57)
    if kind not in _THIRD:
        return "child"
    if not people:
        return kind
    word, last = norm[pronoun.start:pronoun.end], people[-1]
    if gap and (_PERCEIVED.search(norm, last.end, pronoun.start)
                or (not _PROCEDURE.match(norm, at) and norm.startswith(word + " ", last.start))):
        return "child"
    if who is None or word not in ("his", "her"):
        return kind
    own, other = _genders(who, word)
    if not other.search(norm, last.start, last.end):
        return kind
    earlier = [m for m in people[:-1] if m.kind in _THIRD and own.search(norm, m.start, m.end)]
    return earlier[-1].kind if earlier else "child"


_ADVERBS = frozenset(("now", "then", "also", "still", "just", "today", "since"))
_BEFORE_OBJECT = frozenset(("with", "at"))
_STAYED = frozenset(("stayed", "staying", "stays", "stay", "slept", "sleeping", "sleeps", "stopped", "stopping", "over"))
# "She is with me and in no state" (blind764): where she is, when the clause goes on with something else; "she is with me
# too unwell to take her in", "was with me being sick" keep the parent (the attack on round 64).
_IS = frozenset(("is", "was", "been", "home"))
_IS_THEN = (" and ", " now", " today", " this ", " for ", ",", ".", ";", "!", "?")


def _object(norm: str, m: Mention) -> bool:
    """"me" or "us" where the child stayed or is ("stayed with me", "she's home with us and..."): where the child was, not
    who is ill ("up all night with me being sick" is the parent)."""
    before = norm[max(0, m.start - 24):m.start].split()[-3:]
    if norm[m.start:m.end] not in ("me", "us") or len(before) < 2 or before[-1] not in _BEFORE_OBJECT:
        return False
    return any(w in _STAYED for w in before[:-1]) or (
        any(w in _IS for w in before[:-1]) and (m.end == len(norm) or norm.startswith(_IS_THEN, m.end)))


# The parent as a witness ("I saw the rash myself", "I've checked her temperature"), not the one ill ...
_WITNESS = re.compile(r" (?:have |ve |had |d |just |actually )?(?:saw|seen|see|checked|noticed|spotted|looked at|"
                      r"could see|can see|felt|heard)\b")
# ... or the child as they see it ("I call it a kid who isn't coping"; "I don't think it's a bug, more like a migraine").
_SEEN_AS = (r"(?:have |ve |had |also |just )?(?:explained|mentioned|described|raised|discussed|talked about) (?:the|her|his|"
            r"their)|(?:would |d )?(?:call|see) (?:it|this|that|him|her|them) (?:as )?(?:a|an) (?:kid|child|boy|girl|lad|lass|"
            r"teenager|young person) (?:who|that)(?: is| s| are)?(?: just| really| simply| clearly)?")
_JUDGED = (r"(?:do not |did not )?(?:think|reckon|believe|suspect) (?:that )?(?:it is|it was|it might be|this is)(?: just| only|"
           r" probably)?(?: a| an| the)?(?:[^.!?\n]*?(?:, (?:more|most) (?:like|likely)|,? (?:i )?(?:think|reckon) it is|"
           r" probably| more of|,? (?:looks|sounds|seems) (?:more )?like)(?: a| an)?)?")
_TOPIC = re.compile(rf" (?:{_SEEN_AS}|{_JUDGED}) ")
_CAUGHT_FROM = re.compile(r"\b(?:caught|catch|got|picked up|come down with|came down with) $")


def witnessed(norm: str, at: int) -> bool:
    """Whether the parent's "I saw", "I've checked"... stands within a few words before `at`."""
    i = norm.rfind("i ", max(0, at - 40), at)
    return i != -1 and (i == 0 or not norm[i - 1].isalnum()) and bool(_WITNESS.match(norm, i + 1))


def owner(norm: str, a: int, b: int, rules: Rules, names=(), parts: list[Clause] | None = None,
          after: bool = True, care: bool = False) -> str:
    """Whose the phrase norm[a:b] is: "child", "family", "parent", "sibling", "relative", "friend", "school" or "pet".
    Only "child" and "family" (see CHILDS) make it the child's. `names` as for mentions(); `parts` the text's clauses,
    if already split. `after`: whether a person straight after the phrase may own it ("appointment for his brother";
    not "absence for her brother's graduation"). `care`: the phrase is a care word (an appointment, the GP), the
    parent's only when they say so ("I've got an appointment")."""
    who = _who(rules)
    parts = clauses(norm, rules) if parts is None else parts
    index = next((i for i, c in enumerate(parts) if c.start <= a < c.end), None)
    if index is None:
        return "child"
    clause = parts[index]
    # Bounded: a clause with no punctuation can run for pages, and a long paste stays linear.
    start = max(clause.start, a - _REACH)
    if after:
        later = who.after.match(norm, b, clause.end)
        if later:
            kind = _resolve(mentions(norm, later.start(1), later.end(1), rules, names), norm)
            if kind:  # "hospital appointment for his brother"; "I have a hospital appointment for Ella": hers
                return kind
    if who.before.search(norm, start, a) and not childs_words(norm, a, b, rules, names=names, confirmed=True):
        return "parent"  # "my own hospital appointment", "my depression"; not the child's "mum my belly hurts"
    # The person named last before the phrase, or inside it ("not think he is well").
    found = mentions(norm, start, b, rules, names)
    if any(m.kind == "speaker" and m.start < a < m.end for m in found):
        return "parent"  # "I feel awful": the parent's own feeling, not "I feel (that) she..."
    kind = _resolve(found, norm, a, who)
    body = who.own_body.match(norm, a) if kind == "child" and found else None
    if body and all(m.kind == "possessive" for m in found):
        # "My mum fell down the stairs and broke her hip": the subject the clause carries over, not the child.
        kind = _carried_subject(norm, parts, index, who, rules, names, body.group().split()[-1]) or kind
    if kind == "child" and found:
        kind = told_by(norm, found, who, names) or agreement(norm, found[-1], who, rules, names, mentions) or kind
    if kind == "sibling" and _only_child(norm, found, who, rules, names):
        kind = "child"  # "our eldest has tonsillitis": no other child named
    if kind == "parent" and care and not who.parent_care.search(norm, start, a):
        return "child"  # the parent acting for the child: "I've rung the GP"
    if kind:
        return kind
    # Nobody named in this clause: carried over from the clause before ("and", "who"...). A clause that opens with a
    # verb ("... and has a temperature") carries the subject, the first person named ("Mia caught her dad's cold and has
    # a temperature": Mia's, the attack on round 60).
    first = _WORD.search(norm, clause.start, clause.end)
    while first and first.group() in _ADVERBS:  # "... and now has a high temperature"
        first = _WORD.search(norm, first.end(), clause.end)
    subject_carried = bool(first) and first.group() in who.verbs and clause.opener in ("and", "then", "plus")
    while index > 0 and not parts[index].sentence_start and parts[index].opener in who.carry:
        index -= 1
        prev = parts[index]
        words = norm[prev.start:prev.end].strip(" ,")
        if index and (prev.opener in ("who", "which") or not words or words.startswith("whose ")):
            continue  # "Grandad, who lives with us, has covid": the one before the "who" clause (the attack on round 59)
        found = [m for m in mentions(norm, max(prev.start, prev.end - _REACH), prev.end, rules, names)
                 if not (norm[m.start:m.end] == "i" and _TOPIC.fullmatch(norm, m.end, a))]  # "i call it a kid who..."
        people = [m for m in found if m.kind not in ("speaker", "possessive") and not (m.kind == "parent" and _object(norm, m))]
        if len(people) > 1 and not norm[people[0].end:people[1].start].strip():
            people = people[1:]  # "Connor's little brother had croup and was up all night": the brother
        kind = people[0].kind if subject_carried and people else _resolve(found, norm)
        if kind == "child" and people and not subject_carried:  # "she's got a cold and a temperature", she his sister
            kind = agreement(norm, people[-1], who, rules, names, mentions) or kind
        if kind:
            return "child" if kind == "parent" and care else kind
    if parts[index].sentence_start and not care and (ill := _ill_before(norm, parts, index, rules, names)):
        return ill  # "I'm ill, not Kai. Been up all night being sick": the account of them goes on (blind1521)
    return "child"


# Someone ill in the sentence before (Welsh "sal", "dost" too); not "sick of it", "sick with worry", "worried sick".
_ILL_BEFORE = re.compile(r"\b(?:ill|sick|poorly|unwell|not well|under the weather|sal|dost|tost|(?:got|have|has|with|caught) (?:covid|"
                         r"flu|a bug|the bug|a stomach bug|a migraine|a virus|norovirus|it)|tested positive)\b(?! of\b| and tired\b| with worry\b)"
                         r"(?<!worried sick)")


def _ill_before(norm: str, parts: list[Clause], index: int, rules: Rules, names) -> str | None:
    """Whose a sentence naming nobody is ("Been up all night being sick", "Temperature of 39"), when the sentence before
    says someone is ill and names nobody else but a child said not to be ("I'm ill, not Kai.", "It's me who's poorly",
    "His sister's poorly, not him."): that person's kind; else None (the child's, as before)."""
    first = index - 1
    while first > 0 and not parts[first].sentence_start:
        first -= 1
    if index == 0 or not _ILL_BEFORE.search(norm, parts[first].start, parts[index - 1].end) \
            or ALSO.search(norm, parts[first].start, parts[index - 1].end):
        return None  # "I'm ill too. Temperature of 39": the child's, as well as the writer's
    found = [m for m in mentions(norm, parts[first].start, parts[index - 1].end, rules, names)
             if m.kind not in ("possessive", "speaker")]
    people = [m for m in found if not norm.endswith("not ", 0, m.start)]
    if not people or any(m.kind in CHILDS for m in people):
        return None
    if people[0].kind == "parent" and norm[people[0].start:people[0].end] in ("i", "me", "fi", "myself"):
        return "parent"  # the writer's own illness
    # Someone else's only when the child is said not to be the one ("His sister's poorly, not him", "It's his brother
    # who's ill"): "Her brother has flu. Temperature of 39 this morning" is the child's.
    denied = len(people) < len(found) or _CLEFT.match(norm, parts[first].start)
    return people[0].kind if denied else None


# Someone ill as well ("I'm ill too", "(Mum has it too)"): brackets.py reads the same words.
ALSO = re.compile(r"\b(?:too|as well|also)\b", re.I)
_CLEFT = re.compile(r"\W*(?:it is|it s|its) (?:(?:his|her|their|my|our) )?[a-z]+(?: [a-z]+)? (?:who|that) ")


def _carried_subject(norm: str, parts: list[Clause], index: int, who: _Who, rules: Rules, names,
                     pronoun: str) -> str | None:
    """The first person named in the clause an "and" clause carries its subject over from ("my mum fell down the stairs
    and broke her hip": mum; "he came off his bike at his nan's and hurt his wrist": he, the child), or None."""
    clause = parts[index]
    if index == 0 or clause.sentence_start or clause.opener not in who.carry:
        return None
    prev = parts[index - 1]
    if index > 1 and not norm[prev.start:prev.end].strip():
        prev = parts[index - 2]  # "Dad, who hurt his back, ...": the comma and "who" leave an empty clause between
    people = [m for m in mentions(norm, prev.start, prev.end, rules, names) if m.kind not in ("speaker", "possessive")]
    if len(people) > 1 and not norm[people[0].end:people[1].start].strip():
        people = people[1:]  # "Lily's mum fell and broke her wrist": the mum, not Lily
    if not people:
        return None
    # Of the other gender from the "his" or "her" ("her brother pushed her off the trampoline and broke her arm"): the
    # child's arm, as it would be with nobody carried over.
    if pronoun in ("his", "her") and _genders(who, pronoun)[1].search(norm, people[0].start, people[0].end):
        return None
    return people[0].kind


def _only_child(norm: str, found: list[Mention], who: _Who, rules: Rules, names) -> bool:
    """True when the last person named is "our eldest" or the like and the text names no
    other child (no name, no he/she): then they are the child the message is about."""
    last = [m for m in found if m.kind != "possessive"]
    if not last or not who.ambiguous.fullmatch(norm, last[-1].start, last[-1].end):
        return False
    if who.two_children.search(norm):
        return False  # "Both mine off today, the youngest has norovirus...": two children
    return not _names_a_child(norm, rules, tuple(names))


@lru_cache(maxsize=8)
def _names_a_child(norm: str, rules: Rules, names: tuple) -> bool:
    # Asked once per text, not once per "our eldest" in it: a long paste of them stays linear.
    return any(m.kind == "child" for m in mentions(norm, 0, len(norm), rules, names))


def ambiguous(phrase: str, rules: Rules) -> bool:
    """True for "our eldest", "our youngest" and the like: the child or a brother or sister,
    depending on whether the text names another child."""
    return _who(rules).ambiguous.fullmatch(phrase.strip()) is not None


def cued(norm: str, rules: Rules) -> bool:
    """False when the text holds none of [reasons] cues (no word that can name anyone but the
    child): then every phrase is the child's, and nothing need be compiled to say so."""
    cues = rules.reasons_cues
    return cues is None or not cues.isdisjoint(_WORD.findall(norm))


class Whole:
    """A whole normalised text (or draft) read for whose each phrase is: its clauses and names, worked out once and
    only if the text has a word that can name anyone but the child ([reasons] cues). `starts`/`ends` map each
    normalised character to the original; `names` is called, once, for the names to take as the child's."""

    def __init__(self, norm: str, starts, ends, rules: Rules, names):
        self.norm, self.starts, self.ends, self.rules = norm, starts, ends, rules
        self.cued, self._names, self.parts, self.names = cued(norm, rules), names, None, None

    def whose(self, start: int, end: int, **how) -> str:
        """Whose the phrase at original[start:end] is (see owner())."""
        if self.names is None:
            self.names = self._names()
            # Another first name when the child is named ("Mia is staying home, Tom has a fever") is a cue too.
            self.cued = self.cued or bool(getattr(self.names, "others", ()))
        if not self.cued:
            return "child"  # no word in the text can name anyone else
        if self.parts is None:
            self.parts = clauses(self.norm, self.rules)
        a = bisect_left(self.starts, start)
        b = max(a + 1, bisect_right(self.ends, end))
        return owner(self.norm, a, b, self.rules, self.names, self.parts, **how)
