"""Analysis: what one piece of text says, before any verdict. Normalising (with offsets
back into the original), negation, reported speech, health words and whose they are,
the child, the days, and each rule's hits. See engine.py for the design."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import namedtuple
from functools import cached_property
from itertools import islice

from refusal_log.wording.clauses import (AT_HOMES, CHILDS, SOMEONE_ELSE, WITH_ILL, Whole, ambiguous, childs_words,
                                         mentions, witnessed)
from refusal_log.wording.folding import ACCENTS
from refusal_log.wording.generalised import (consequence, consequence_rule, generic_denied, leave_granted, minor,
                                              minor_rule, not_today, ongoing, ongoing_rule, returned, second_reason,
                                              told_as_history, vague, _rx as generalised_rx)
from refusal_log.wording.loading import Rules, child_slot_ok
from refusal_log.wording.names import Logged as _Logged, child_names as _names, subject as _subject
from refusal_log.wording.speech import _LOOK_BACK, _negator, _quotes, _reported
from refusal_log.wording.statements import MAX_HITS as _MAX_HITS, background as statement_background, candidates as statement_candidates
from refusal_log.wording.unless import excepted
from refusal_log.wording.whose import about_someone_else as _elsewhere, second_child

# Curly quotes and dashes to their plain forms; one character for one, so offsets hold.
_PLAIN = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u201b": "'", "\u02bc": "'", "`": "'", "\u00b4": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"',
    "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u00a0": " ",
    **ACCENTS,  # one for one (folding.py), so offsets still hold
    # Fullwidth letters, digits and signs are the plain ones ("Ｔｏｍ ｈａｓ ａ ｔｅｍｐ", the attack on round 45), one for one.
    **{chr(0xFF01 + k): chr(0x21 + k) for k in range(0x5E)}, "\u3000": " ",
})
# A soft hyphen or zero-width joiner inside a word is invisible ("re\u00adfuses" is "refuses"); a zero-width space parts words.
_JOINERS = "\u00ad\u200c\u200d\u2060\ufeff"
_NO_JOINERS = str.maketrans("", "", _JOINERS)
# Marks with no width a paste can carry (a byte-order mark, direction marks): dropped outside words ("\ufeffDoctor's note").
_INVISIBLE = frozenset(_JOINERS + "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# A word keeps an apostrophe at its end, so a dialect word's dropped letter ("wi'", "goin'") goes with it (_Norm).
_TOKEN = re.compile(r"[a-z0-9&]+(?:[" + _JOINERS + r"]+[a-z0-9&]+)*(?:'[a-z]+)*'?|\s+|.", re.S)
_WORDS, _ABBREV = re.compile(r"[a-z0-9&]+"), re.compile(r"\b(?:mr|mrs|ms|dr|st|e\.g|i\.e|vs|no)$", re.I)
_BREAK = re.compile(r"\n|(?<![.!?])[.!?]++[\"')\]\u201d\u2019]*+(?=\s|$)")  # a run read once from its start: linear
_LONE_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?[.!]?")
# A greeting alone: only names and an address after it ("Hi Mrs Lewis"); "Hi Mia getting new shoes" is a reason (round 101).
_GREETED = re.compile(r"(?i:dear|hi|hiya|hello|hey|good (?:morning|afternoon|evening)|morning|afternoon|to whom it may concern)\b"
                      r"[\s,.:!-]*+(?:(?:[A-Z][\w'\u2019.-]*+|(?i:there|all|everyone|everybody|both|team|sir|madam|miss|mrs|mr|ms|"
                      r"dr|of|the|and|year|form|tutor|head|office|attendance|staff|teachers?|\d+))\b[\s,.:!-]*+)*+")
_PARENT = ("i", "fi", "mum", "dad", "mummy", "daddy", "mam", "mom", "mama", "mamma", "mammy", "mommy", "papa")
_PERMITTED = re.compile(r"\b(?:let|lets|letting|allow|allows|allowed|allowing) (?:him|her|them|[a-z]+) (?:to )?$")


# --------------------------------------------------------------------------- normalising


_FindingBase = namedtuple("Finding", "rule severity matched why source start end")


class Finding(_FindingBase):
    """One rule hit; start/end are offsets into the text that was checked."""

    __slots__ = ()

    def to_dict(self) -> dict:
        return dict(self._asdict())


class _Norm:
    """Normalised text plus, for each of its characters, the original span it came from."""

    __slots__ = ("text", "starts", "ends")

    def __init__(self, original: str, rules: Rules):
        plain = original.translate(_PLAIN)
        # Lower-cased a character at a time, so that offsets stay put ("İ" lowers to two); plain ASCII is lowered whole.
        plain = plain.lower() if plain.isascii() else "".join(c if len(c.lower()) != 1 else c.lower() for c in plain)
        out, starts, ends = [], [], []
        for m in _TOKEN.finditer(plain):
            tok, a, b = m.group(), m.start(), m.end()
            if tok[0].isspace():
                # A blank line separates; a single line break is just a wrapped line.
                rep = "\n" if tok.count("\n") > 1 else " "
            elif tok[0].isalnum() or tok[0] == "&":
                w = tok.translate(_NO_JOINERS)
                # "wi'", "goin'": a dropped letter goes with its word (outside its span); a closing quote stays ("'poorley'").
                quote = "'" if w[-1] == "'" and (w[:-1] not in rules.words or plain[a - 1:a] == "'") else ""
                b -= w[-1] == "'" and not quote
                rep = rules.word(w[:-1] if w[-1] == "'" else w) + quote
            elif tok in _INVISIBLE:
                rep = ""  # a byte-order or direction mark outside a word: nothing a reader sees
            else:
                rep = tok
            out.append(rep)
            if rep == tok:
                starts.extend(range(a, b))
                ends.extend(range(a + 1, b + 1))
            else:
                starts.extend([a] * len(rep))
                ends.extend([b] * len(rep))
        self.text, self.starts, self.ends = "".join(out), starts, ends

    def span(self, a: int, b: int) -> tuple[int, int]:
        return self.starts[a], self.ends[b - 1]


# --------------------------------------------------------------------------- analysis


# A health phrase: its kind (generic, specific, care, episode, distress), the parent's words, and whether it is hedged ("she
# says her ear hurts"): counted, never stated as fact. Hits kept per rule: statements.MAX_HITS.
_Term = namedtuple("_Term", "kind text hedged doubted start end")
# One rule hit: the finding, its rule, whether it is someone else's words, and `quiet`: softened only by distress or lawful.
_Hit = namedtuple("_Hit", "finding rule reported quiet")


class _Analysis:
    """Everything found in one piece of text, before verdicts are drawn."""

    @cached_property
    def crisis(self) -> bool:
        """The child has talked of wanting to die or of harming themselves ([health] crisis)."""
        n, rules = self.norm.text, self.rules
        return "crisis" in rules.hints and rules.crisis.present(n) and bool(rules.crisis.search(n))

    @cached_property
    def kept_up(self) -> bool:
        """The child kept up by someone else's bad night and tired for it ([health] kept_up), read once."""
        return self.rules.kept_up.search(self.norm.text) is not None

    @cached_property
    def later(self) -> bool:
        """The child is coming in later the same day ([reasons] later_today, softened_by "later")."""
        return next(self.rules.later_today.finditer(self.norm.text), None) is not None

    def __init__(self, text: str, rules: Rules, whole: tuple | None = None, child: str | None = None):
        """`whole`: (a _Whole for the document, where this text starts in it): whose each phrase is is then read in
        the whole draft ("Her brother has flu. He was sick all night." - the brother was sick)."""
        self.text, self.rules, self._whole = text, rules, whole
        self.norm = _Norm(text, rules)
        n = self.norm.text
        self.spans = []  # every health or unavoidable phrase, negated or not: see find()
        self.subject, self.plural = _subject(text, n, rules, child)  # child: see check_text
        self.names_for = _Logged(child.strip()) if child and child.strip() else self.subject  # whose names: see Logged
        self.parents = []  # the parent's own health words and appointments: see find()
        self._cued = None  # a _Whole for this text alone, built on first use
        self.health = self._health()
        if _elsewhere(text, n, rules, child):  # "Sam can't face school, he's got a migraine", logged for Mia
            self.others, self.health = self.others + [(t.start, t.end) for t in self.health], []
        self.unavoidable = self._unavoidable(rules.unavoidable)
        # A lawful absence (s444(3)): leave granted, religious observance; it softens the rules that ask for leave.
        self.lawful = self._unavoidable(rules.lawful, leave=True)
        # The health words about today, read once: not those told as history ("last year she had glandular fever").
        self.today = [t for t in self.health if not told_as_history(self, t)]
        # An illness or symptom named today; not an episode ("meltdown") or distress, which only soften some rules.
        self.illness = any(t.kind in ("generic", "specific") for t in self.today)
        self.named = self.unavoidable or self.lawful or any(t.kind not in ("episode", "distress", "condition") for t in self.today)
        # What kind of statement each clause is (statements.py), found once per text.
        self.statements = statement_candidates(n, rules)
        # Distress given as being about a cause ("so upset about school") is the cause's: it does not soften a decision.
        causes = [(a, b) for a, b, _, kind, _ in self.statements if kind == "cause"]
        causes += statement_background(self.statements, n)  # nor is distress told as history
        self.distress = any(t.kind in ("episode", "distress") and not any(t.start < b and a < t.end for a, b in causes)
                            for t in self.health)
        self.quoted_over_illness = False  # someone else's word set aside for the illness: see find()
        # What the parent states plainly (not hedged, not history): only that may be worded as fact.
        self.stated = any(t.kind in ("generic", "specific", "episode", "distress") and not t.hedged for t in self.today)
        self.days = self._days()
        self.setting = next((m.group(1) for m in rules.setting.finditer(n)  # not a brother's "refusing college"
                             if self._whose(*m.span(1)) not in SOMEONE_ELSE), "school")
        self.hits = []  # (Finding, rule, reported), filled by find()

    def _health(self) -> list[_Term]:
        n, rules, health = self.norm.text, self.rules, self.rules.health
        # A paste of one phrase hundreds of times names nothing new after the first.
        found = sorted((m.start(), -len(m.group()), i, health[i][0], m)
                       for i in rules.health_index.live(n)
                       for m in health[i][1].rx.finditer(n))[:_MAX_HITS * 8]
        # Tiredness with an everyday cause ("up late", "her brother screaming all night") is not illness.
        everyday = self.everyday = rules.everyday.search(n) is not None
        terms, reach, self.others, feelings = [], -1, [], []
        self.sleepless = False
        self.kind_at = {}  # the kind of each health word, by where it starts: see find()
        for start, _, _, kind, m in found:
            if start < reach:
                continue  # the longer phrase at this place already won ("off sick" over "sick")
            reach = m.end()
            self.spans.append((start, m.end()))
            self.kind_at[start] = kind
            # A negator denies the first phrase after it: "hasn't slept for the pain" names pain.
            neg = _negator(n, start, rules)
            if neg is not None and not any(neg <= a2 and b2 <= start for a2, b2 in self.spans[:-1]):
                continue
            self.sleepless = self.sleepless or kind == "state"  # a bad night, whoever's: see find()
            owner = rules.not_child.search(n, max(0, start - 60), start)
            mine = n.startswith(" myself", m.end()) and not witnessed(n, start)  # "I saw the rash myself": the child's
            if (owner or mine) and not rules.child_after.match(n, m.end()):
                if owner and owner.group("other"):
                    if (ambiguous(owner.group("other"), rules) or (n.endswith(AT_HOMES, 0, owner.start("other"))
                                                                     and WITH_ILL.match(n, owner.end("other")))) \
                            and self._whose(start, m.end()) in CHILDS:
                        owner = None  # "our eldest has tonsillitis", no other child named; "is at her nan's with a rash"
                    else:
                        self.others.append((start, m.end()))  # a relative's: see find()
                elif owner and owner.group().split()[0] in _PARENT:
                    if self._whose(start, m.end()) in CHILDS or (kind == "care" and self._held(start, m.end())):
                        owner = None  # "my son and I both have flu": the child's too
                    elif kind not in ("distress", "state"):
                        self.parents.append((start, m.end()))  # "I've a dentist appointment": see find()
                    else:
                        # The parent's own feelings ("I'm not coping, so Sam is staying home") are their situation only
                        # when nothing of the child's is named: "I am heartbroken, Ben is so anxious..." is about Ben.
                        feelings.append((start, m.end()))
                if owner or mine:
                    continue  # the parent's ("I'm ill myself") or a relative's, not the child's
            away = kind != "care" and rules.elsewhere_after.match(n, m.end())
            if away and rules.elsewhere_before.search(n, max(0, start - 40), start):
                continue  # "scarlet fever in her class", "a bug going round school": not the child's
            if kind != "care" and (rules.feared.search(n, max(0, start - 60), start) or rules.past_illness.match(n, m.end())
                                   or rules.not_illness_after.match(n, m.end())):
                continue  # "scared of catching the flu", "had a cold last week", "sick all night myself": not the child's today
            if self.theirs and (rules.emergency_place.rx.fullmatch(n, start, m.end()) if kind == "care" else rules.crisis.search(
                    n[start:m.end() + 3]) and any(e.start() <= start < e.end() for e in rules.family_emergency.finditer(n))):
                self.others.append((start, m.end()))  # "dad's been in a crash ... at the hospital", "his sister self-harmed"
                continue
            if kind == "care" and (rules.awaited.rx.search(n, max(0, start - 60), start) or not_today(rules, n, m.end())):
                continue  # "waiting for CAMHS to get back to us", "an appointment next week": not today's
            if not rules.child_after.match(n, m.end()) and self._not_childs(start, m.end(), kind == "care"):
                continue  # whose it is, clause by clause (clauses.py)
            if kind == "state":
                # So is a sleepless night beside someone else's emergency ("her brother's in hospital and no sleep"): worry.
                if everyday or self._upheaval:
                    continue
                kind = rules.state_as  # round 7: lost sleep reads as distress, not illness
            measured = generalised_rx(rules, "measured").match(n, start)  # "temp of 38.2": no hedge before it makes it less
            clause = "" if measured else rules.clause_start.split(n[max(0, start - 80):start])[-1]
            a, b = self.norm.span(start, m.end())
            # Scare quotes around a short phrase ("she's 'poorly' again") distance it, as doubt straight after it does.
            quoted = any(q.start() < start and m.end() < q.end() and q.end() - q.start() < 30 for q in _quotes(n))
            doubted = quoted or bool(rules.doubt_hedge.search(clause)) or (  # not "until the rash has cleared up"
                bool(rules.doubt_after.match(n, m.end())) and not rules.conditional_before.search(n, max(0, start - 40), start))
            hedged = doubted or bool(rules.hedge.search(clause)) or childs_words(n, start, m.end(), rules, self._cued)
            terms.append(_Term(kind, self.text[a:b], hedged, doubted, start, m.end()))
        if feelings and not terms:  # the parent's fear for the child is no illness of theirs (round 112: "I'm scared")
            self.parents.extend(f for f in feelings if not generalised_rx(rules, "parent_fear").fullmatch(n, *f))
        if not self.others and self.theirs:  # "Jayden's mam's been taken into the RVI ... he's ever so upset": theirs
            self.others.append(rules.family_emergency.search(n).span())
        return terms

    @cached_property
    def in_as_usual(self) -> bool:
        """Someone else's illness or appointment told, then the child in as usual ([health] attending): no absence here."""
        return bool(self.others) and self.rules.attends_after(self.text, self.norm.text, self.others[-1][1])

    @cached_property
    def theirs(self) -> bool:
        """Someone else's emergency named ([health] family_emergency), read once per text, not once per care word."""
        return bool(self.rules.family_emergency.search(self.norm.text))

    @cached_property
    def _upheaval(self) -> bool:
        """Someone else's emergency in the text (a relative and a hospital, the police), read once per text."""
        n, rules = self.norm.text, self.rules
        return bool(rules.upheaval.rx.search(n) or rules.emergency.rx.search(n) and any(
            m.kind in ("sibling", "relative", "friend") for m in mentions(n, 0, len(n), rules)))

    def _whose(self, a: int, b: int, **how) -> str:
        """Whose the phrase at norm[a:b] is (clauses.py): child, family, parent, relative..."""
        if self._whole:
            whole, offset = self._whole
            return whole.whose(self.norm.starts[a] + offset, self.norm.ends[b - 1] + offset, **how)
        if self._cued is None:
            self._cued = _Whole(self.text, self.rules, self.norm, self.names_for)
        return self._cued.whose(self.norm.starts[a], self.norm.ends[b - 1], **how)

    def _held(self, a: int, b: int) -> bool:
        """A care word in a letter the parent holds ("I'll bring the hospital letter in"): the child's care."""
        n, rules = self.norm.text, self.rules
        return bool(rules.evidence_held.search(n, max(0, a - 60), a)) and bool(
            rules.evidence_word.match(n, b) or rules.evidence_word.search(n[a:b]))

    def _not_childs(self, a: int, b: int, care: bool = False) -> bool:
        """True if the phrase is someone else's: a relative's, a friend's or a pet's is kept
        for find() (others_rule), the parent's own too ([reasons] parent_rule)."""
        whose = self._whose(a, b, care=care)
        if whose in CHILDS:
            return False
        if whose == "parent" and care and self._held(a, b):
            return False  # "I have the discharge letter": the child's, held by the parent
        if whose == "parent":
            self.parents.append((a, b))
        elif whose not in ("school", "staff"):  # round 8b: "you lot can't cope" is the school's
            self.others.append((a, b))
        return True

    def _unavoidable(self, rx, leave: bool = False) -> bool:
        n, found, rules = self.norm.text, False, self.rules
        # Leave the head granted is the child's even in the parent's sentence; a sibling's or a friend's is still theirs.
        others = SOMEONE_ELSE - {"parent"} if leave else SOMEONE_ELSE
        for m in islice(rx.finditer(n), _MAX_HITS):  # a phrase pasted thousands of times says nothing more
            if rules.unavoidable_not.match(n, m.end()) or rules.unavoidable_not_before.search(n, max(0, m.start() - 40), m.start()):
                continue  # round 10b: "excluded from breakfast club" is not from school; round 47: nor "the bus is suspended"
            if rules.leave_asked.search(n, max(0, m.start() - 40), m.start()):
                continue  # round 13: leave (or a timetable) asked for is not granted
            self.spans.append(m.span())
            owner = rules.not_child.search(n, max(0, m.start() - 60), m.start())  # "his brother has been suspended": his
            granted = leave and leave_granted(n, m.start(), m.end(), rules)
            if owner and not owner.group("staff") and not rules.child_after.match(n, m.end()) and not granted \
                    and (owner.group("other") or not rules.unavoidable_impersonal.search(m.group())):
                continue  # (a teacher's decision is the child's reason; a taxi that never came is no one's, blind1408)
            whose = self._whose(*m.span(), after=False)
            # A school closed or transport that did not come is no one's, whoever tells of it.
            if whose == "parent" and rules.unavoidable_impersonal.search(m.group()):
                whose = "child"
            if whose in others and not granted:
                continue  # "his sister's been suspended", "I've got my own appointment"
            if whose == "parent" and not (leave and rules.leave_granter.search(n, m.start(), m.end() + 40)):
                continue  # the parent's own leave counts only when the school gave it, not an employer
            found = found or _negator(n, m.start(), rules) is None
        return found

    def _days(self) -> list[str]:
        """Day words as written, from the first sentence naming a day; "again" where the child's health is named."""
        n, ends, past = self.norm.text, [e for _, e in _sentences(self.text)], self.rules.past.search
        sentence = lambda k: bisect_right(ends, self.norm.starts[k])  # noqa: E731 - which sentence a place in n is in
        # Not a day dating the cause, the return or someone else's ("after yesterday", "back on Monday", "she had it Monday").
        found = [(sentence(m.start()), m.group()) for m in self.rules.days.finditer(n)
                 if not self.rules.not_absence.search(n, max(0, m.start() - 40), m.start())
                 and (not returned(n, m.start()) if m.group() == "again"
                      else self._whose(m.start(), m.end()) in CHILDS)]
        first = min((i for i, d in found if d != "again"), default=None)
        said = {sentence(k) for k in [t.start for t in self.health]
                + [m.start() for m in generalised_rx(self.rules, "absence_said").finditer(n)]}
        away = {sentence(m.start()) for m in generalised_rx(self.rules, "away_today").finditer(n)}
        # A past day, or one in a sentence not saying the child is away, then today where it does: today.
        if first not in away or all(past(d) for i, d in found if i == first and d != "again"):
            first = min((i for i, d in found if d in ("today", "this morning", "this afternoon") and i in away), default=first)
        said |= {first} | (set() if self.health else {0})
        days = list(dict.fromkeys(d for i, d in found if i == first or (d == "again" and i in said)))
        # "Meltdown yesterday and won't go in today": a past day beside today's dates the cause, not the report.
        present = [d for d in days if not past(d)]
        return present if any(d != "again" for d in present) else days

    def background(self, a: int, b: int, apart: bool = True) -> bool:
        """Told as history ("last year"), or (`apart`) in a sentence set apart ("Separately, ...")."""
        n, rules = self.norm.text, self.rules
        back = max(0, a - _LOOK_BACK)
        start = max([m.end() for m in rules.sentence_boundary.finditer(n, back, a)] or [back])
        if apart and rules.background_sentence.search(n[start:a]):
            return True
        lo = max([m.end() for m in rules.boundary.finditer(n, back, a)] or [back])
        cap = min(len(n), b + _LOOK_BACK)
        hi = next((m.start() for m in rules.boundary.finditer(n, b, cap)), cap)
        return bool(rules.background.search(n, lo, hi))

    def find(self, named: bool, illness: bool, offset: int = 0, distress: bool = False, lawful: bool = False) -> None:
        """Rule hits; `named`/`illness`/`distress`/`lawful` may come from the whole document; `offset` places this text in it."""
        n, rules = self.norm.text, self.rules
        child = self.subject.split()[-1].lower()
        names = lambda: _names(self.text, n, rules, self.names_for)  # noqa: E731 - asked rarely
        # What may soften a rule (its softened_by). Distress and a lawful absence soften without naming an illness, so a
        # hit softened only by them drives no suggestion.
        present = {"named": named, "illness": illness, "distress": distress, "lawful": lawful, "later": self.later}
        candidates = []
        # Only the rules with a trigger here (in rules order): the others cannot match, so are not compiled.
        for i in sorted(rules.trigger_index.live(n)):
            rule = rules.rules[i]
            for k, m in enumerate(rule.regex.finditer(n)):
                if k >= _MAX_HITS:
                    break  # the same phrase pasted thousands of times says nothing more
                if not child_slot_ok(m, rules.child_not):
                    continue  # "get up", "get ready": not the child
                a, b = m.span()
                if excepted(rule, n, a, b):
                    continue
                candidates.append((a, b, rule))
        own = {(a, b) for a, b, _, _, mine in self.statements if mine}  # each clause's kind of statement (statements.py)
        candidates += [(a, b, rule) for a, b, rule, kind, _ in self.statements[:_MAX_HITS * 4] if kind != "background"
                       and not any((r.id, r.severity) == (rule.id, rule.severity) and a2 <= a and b <= b2
                                  for a2, b2, r in candidates)]
        stances = [c for c in candidates if c[2].id in rules.stance_rules] if isinstance(self.names_for, _Logged) else []
        if stances and not any(m.kind in CHILDS for m in mentions(n, 0, len(n), rules, names())):  # "Ruby is refusing"
            candidates = [c for c in candidates if c not in stances or self._whose(*c[:2]) in CHILDS]
        candidates = [c for c in candidates if c[2].id not in rules.sibling_decision_rules  # "His sister Safa is staying home"
                      or self._whose(*c[:2]) != "sibling"]
        # An illness only hedged ("not sure if it's a bug", "she's 'poorly'"), nothing plain: [health] hedged_rule (ask).
        hedged = [t for t in self.health if t.doubted and t.kind in ("generic", "specific")]
        doubt = None
        # Care stated plainly ("the GP thinks it might be appendicitis and has sent us to the hospital") is the reason.
        care = any(t.kind == "care" and not t.hedged for t in self.health)
        if hedged and not self.stated and not care and not any(r.id == rules.hedged_rule.id for _, _, r in candidates):
            doubt = (hedged[0].start, hedged[0].end)
            candidates.append((*doubt, rules.hedged_rule))
        # Round 8: only minor illnesses named (a cold, hay fever): a caution of its own.
        slight, lately = minor(self), ongoing(self)
        if slight:
            candidates.append((slight.start, slight.end, minor_rule(rules)))
        if lately:  # how things are lately, and no absence said
            candidates.append((lately.start, lately.end, ongoing_rule(rules)))
        mind = None if slight or lately else vague(self)
        if mind:  # round 10b: only mental-health words, or a care word that is only a place
            candidates.append((mind[0].start, mind[0].end, mind[1]))
        # What happened before is background, not today's reason ("he was bullied last year").
        history = statement_background(self.statements, n)
        candidates = [(a, b, rule) for a, b, rule in candidates if not self.background(a, b)
                      and not any(h1 <= a and b <= h2 for h1, h2 in history)]
        # A relative's illness ("her brother has bronchiolitis") is their emergency: [health] others_rule. A brother's or
        # sister's own illness given as the reason is [reasons] sibling_rule's ("his sister's got flu so I'm keeping both
        # home"); beside an emergency or as the cause of a bad night it stays the emergency's (leave, a caution). A
        # precaution for the child alone stays a caution; keeping the family home with them does not.
        sibling, carer = rules.sibling_rule, rules.carer_rule
        ours = {r.id for r in (sibling, carer) if r}
        if ours and (self.others or any(r.id in ours for _, _, r in candidates)):
            tired = self.sleepless or any(r.id in rules.sleep_rules for _, _, r in candidates)
            demote = set()
            # Tiredness explains the bad night, unless the family is kept home together ("...so I've kept them both off").
            if (self.everyday and tired and not rules.together.rx.search(n)) or rules.emergency.rx.search(n) \
                    or self.kept_up:
                demote = ours
            elif sibling and rules.precaution.rx.search(n) and not rules.together.rx.search(n):
                demote = {sibling.id}
            moved = [(a, b, rules.others_rule if r.id in demote else r) for a, b, r in candidates]
            # One finding for one phrase, when a demoted hit meets the rule's own.
            candidates = list({(a, b, r.id): (a, b, r) for a, b, r in moved}.values())
            if sibling and sibling.id in demote:
                sibling = None
        own_care = any(t.kind == "care" and not (t.hedged or rules.emergency_place.rx.fullmatch(n, *t[4:])) for t in self.health)
        for a, b in self.others:
            if self.kept_up and self.kind_at.get(a) in ("state", "distress"):
                continue  # "kept up by the baby and is exhausted": the child's own tiredness, not the baby's illness
            routine = self.kind_at.get(a) == "care" and not rules.emergency_place.rx.fullmatch(n, a, b)
            if routine and (own_care or any(r.severity == "avoid" and a2 <= a and b <= b2 for a2, b2, r in candidates)):
                continue  # the child's own is why ("Hattie has the dentist, her brother the orthodontist"), or an avoid says it
            other = rules.others_rule
            if sibling and self.kind_at.get(a) in ("generic", "specific") and self._whose(a, b) == "sibling":
                other = rules.sibling_rule
            if not any(r.id in (other.id, rules.others_rule.id) and a2 < b and a < b2 for a2, b2, r in candidates) \
                    and not excepted(other, n, a, b, after=False) and not rules.attends_after(self.text, n, b):  # "in as usual"
                candidates.append((a, b, other))
        # The parent's own illness or appointment ("my own hospital appointment"): theirs ([reasons] parent_rule, parent_care_rule).
        urgent = bool(self.parents) and rules.emergency.rx.search(n)
        for a, b in ([] if self.crisis else self.parents):  # a child in crisis: nothing is the parent's illness
            mine = rules.parent_emergency_rule if urgent else rules.parent_rule
            if self.kind_at.get(a) == "care" and not urgent and rules.parent_care_rule:
                mine = rules.parent_care_rule
            if mine and excepted(mine, n, a, b, before=False):
                continue  # "my husband and me both have covid, but this is not reason": the rule's own exception
            if mine and not any(r.id == mine.id and a2 <= b and a <= b2 for a2, b2, r in candidates):
                candidates.append((a, b, mine))
        if self.crisis:  # a child in crisis at home with the parent: no decision of theirs ([statements.generalised])
            candidates = [c for c in candidates if c[2].id not in rules.generalised.get("crisis_quiet", ())]
        # A negator denies the first phrase after it: in "not feeling well won't go", "won't go" still counts.
        phrases = [(a2, b2) for a2, b2, _ in candidates] + self.spans
        kept = []
        for a, b, rule in candidates:
            # A phrase opening with a blocker ("until school sort it") is a condition: "not going in till it's sorted".
            opener = _WORDS.match(n, a)
            neg = None if opener and opener.group() in rules.blockers else _negator(n, a, rules)
            # A negator denies the first risky phrase after it, not every one that follows.
            if neg is not None and not any(neg <= a2 and b2 <= a for a2, b2 in phrases):
                continue
            kept.append((a, b, rule))
        # Once the parent denies or doubts the illness ("not ill as such, just had a rough week"), a vague word of
        # distress no longer softens a decision: only a named illness or symptom could.
        denied = any(rule.suggest == "withhold" for _, _, rule in kept)
        # Round 30: a doubt the rules call a caution ("complaining of it every morning") leaves a named illness to soften
        # a decision: "keeping him home today to see how he goes" is a caution to independent writers, not a choice.
        doubted_only = (denied and all(rule.severity == "caution" for _, _, rule in kept if rule.suggest == "withhold")
                        and any(t.kind in ("generic", "specific") for t in self.health))
        if denied:
            present["distress"] = False
            # Nor does an illness the parent only reports or hedges ("she says she's poorly").
            plain = any(t.kind in ("generic", "specific") and not t.hedged for t in self.health)
            present["illness"] = present["illness"] and plain
            present["named"] = present["named"] and (plain or doubted_only or self.unavoidable
                                                     or any(t.kind == "care" for t in self.health))
        hits = []
        for a, b, rule in kept:
            permission = (n.startswith(("let ", "letting ", "allow", "allowed "), a)
                          or _PERMITTED.search(n, max(0, a - 24), a))
            if consequence_rule(rules, rule.id) and consequence(self, rule.id, n[a:b], None if permission else a):
                continue  # "too unwell to attend, so keeping her home": the illness's consequence
            if rule.id in rules.moot_beside_lawful and (self.unavoidable or self.lawful) and not rules.moot_not.search(n):
                continue  # "Year 7 is closed today ... she's fine, not ill": no illness is claimed to doubt
            # Permission for the child's distress alone ("anxious, so I've let her have the day") is a choice.
            soft = [k for k in rule.softened_by if present[k] and not (permission and k == "distress")]
            soft = [] if rule.id in rules.second_child_rules and second_child(n[a:b], self.names_for) != "ill" else \
                generic_denied(self, rule.id, soft)
            severity, why = rule.severity, rule.why
            if soft == ["later"]:
                severity, soft = "caution", []  # a late arrival told honestly: a caution, never fine
            elif self.kept_up and rule.id in rules.kept_up_caution and not soft:
                severity = "caution"  # home after a night someone else kept them up ([health] kept_up_caution)
            if soft and rule.with_illness == "ok":
                if not second_reason(self, rule.id, a, b):
                    continue
                severity, soft = "caution", []  # round 9b: a reason of their own as well
            if soft and rule.with_illness:
                severity = rule.with_illness
            # A decision beside the parent's own denial of illness ("not ill, just worn out, so I'm keeping her home") is
            # the decision the FAQ warns about: with_denial. (A doubt that is only a caution leaves "keeping him home" a
            # caution, but not permission given, "I've let her stay home": the choice the FAQ warns about.)
            if denied and (not doubted_only or permission) and rule.with_denial:
                severity = rule.with_denial
            # Softened by distress or a lawful absence alone: no illness to word a suggestion on.
            # Softened by the child's distress, the suggestion carries the distress words.
            quiet = bool(soft) and not {"named", "illness", "distress"} & set(soft) and rule.with_illness is not None
            # A hedge is the parent's own doubt, even inside scare quotes.
            reported = (a, b) != doubt and (a, b) not in own and _reported(n, a, b, rules, child, names)
            if reported:
                if illness:
                    self.quoted_over_illness = True  # the second reading leaves this to the rules
                    continue  # quoted, and the parent's own reason is an illness
                severity, why = "caution", rules.hints["quoted_prefix"] + why
            s, e = self.norm.span(a, b)
            finding = Finding(rule.id, severity, self.text[s:e], why, rule.source, s + offset, e + offset)
            hits.append(_Hit(finding, rule, reported, quiet))
        # A rule may explain another away ("the car broke down so I can't get him in": travel, not can't-get).
        overridden = set().union(*(h.rule.overrides for h in hits if not h.reported))
        if mind and any(h.rule.id != mind[1].id for h in hits if not h.reported):
            overridden.add(mind[1].id)  # round 10b: another finding already asks for more
        kept = sorted((h for h in hits if h.rule.id not in overridden), key=lambda h: h.finding.start)
        # Two entries of a rule reading the same words the same way: one finding, the first, or the one that withholds the
        # suggestion ("seems fine today, but I'm keeping her off just in case": "too unwell today" would be untrue).
        keys = [(h.rule.id, h.finding.severity, *h.finding[5:]) for h in kept]
        chosen = {}
        for key, h in zip(keys, kept):
            if key not in chosen or (h.rule.suggest == "withhold" != chosen[key].rule.suggest):
                chosen[key] = h
        kept = [h for key, h in zip(keys, kept) if chosen[key] is h]
        self.hits = [h for h in kept if not any(_repeats(h, o) for o in kept) and not (  # a well sibling's, not the ill child's
            h.rule.id in rules.well_sibling_rules and self.illness and isinstance(self.names_for, _Logged)
            and not h.finding.matched.lower().startswith(self.names_for.split()[0].lower() + " "))]

    @property
    def own_hits(self):
        return [h for h in self.hits if not h.reported]


def _repeats(hit: _Hit, other: _Hit) -> bool:
    """One finding per thing said: no hit inside a longer one of its rule, nor one a stricter entry reads."""
    a, b, same = hit.finding, other.finding, hit is not other and hit.rule.id == other.rule.id
    if (a.severity, b.severity) == ("caution", "avoid"):
        return same and a.start < b.end and b.start < a.end and hit.rule.hint == other.rule.hint
    return (same and hit.rule.suggest == other.rule.suggest and a.severity == b.severity
            and b.start <= a.start and a.end <= b.end and (b.end - b.start) > (a.end - a.start))


class _Whole(Whole):
    """A whole text (or draft) read for whose each phrase is (clauses.Whole), with the names
    this module finds in it."""

    def __init__(self, text: str, rules: Rules, norm: _Norm | None = None, subject: str | None = None):
        norm = norm or _Norm(text, rules)
        super().__init__(norm.text, norm.starts, norm.ends, rules, lambda: _names(text, norm.text, rules, subject))


# --------------------------------------------------------------------------- sentences


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: at . ! ? (not after Mrs, Dr...), blank lines, and line breaks that
    end a line with punctuation or start the next with a capital (email layout)."""
    spans, start = [], 0
    for m in _BREAK.finditer(text):
        if m.group() == "\n":
            before, after = text[start:m.start()].rstrip(), text[m.end():].lstrip(" \t")
            if before and before[-1] not in ".,!?:;" and after and not (after[0].isupper() or after[0] == "\n"):
                continue  # a wrapped line, not a new sentence
            end = m.start()
        else:
            if m.group()[0] == "." and _ABBREV.search(text, max(start, m.start() - 8), m.start()):  # its tail only: linear
                continue
            end = m.end()
        spans.append((start, end))
        start = m.end()
    spans.append((start, len(text)))
    trimmed = []
    for a, b in spans:
        chunk = text[a:b]
        a2 = a + len(chunk) - len(chunk.lstrip())
        b2 = b - (len(chunk) - len(chunk.rstrip()))
        if a2 < b2:
            trimmed.append((a2, b2))
    return trimmed


def _content(rules: Rules, sentence: str, after_signoff: bool, last: bool) -> bool:
    """False for greetings, sign-offs and a lone name under them."""
    norm = _Norm(sentence, rules).text.strip()
    rest = rules.greeting.sub("", norm).strip()
    if (not rest and _GREETED.fullmatch(sentence.strip())) or (rest and rules.signoff.match(rest)):
        return False
    return not ((after_signoff or last) and _LONE_NAME.fullmatch(sentence.strip()))


def _content_flags(rules: Rules, text: str, spans) -> list[bool]:
    flags, after_signoff = [], False
    for i, (a, b) in enumerate(spans):
        flags.append(flag := _content(rules, text[a:b], after_signoff, last=len(spans) > 1 and i == len(spans) - 1))
        after_signoff = not flag
    return flags
