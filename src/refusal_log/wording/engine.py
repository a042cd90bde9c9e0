"""The wording check: a small engine over the rules in rules.toml.

Design decisions:

- Rules are data. The engine knows only mechanisms (normalising, matching, negation,
  quotation, the positive rule, building a suggestion); every word list, pattern,
  explanation, source and hint lives in rules.toml.
- Matching runs on a normalised copy of the text (lower case, straight quotes, single
  spaces, contractions spelled out, typos and US spellings mapped). Every normalised
  character remembers the span of the original it came from, so each finding carries
  offsets and the matched words of the ORIGINAL text.
- Negation: a hit is dropped when "not", "never", "no"... comes up to four words before it
  in the same clause ("she is not refusing"; "it isn't that he won't go"), unless a word
  like "why", "know" or "stop" stands between ("I don't know why she is refusing" still
  counts; "she won't stop being sick" is a symptom that goes on, not a denied one). A
  negator denies only the first phrase after it, risky or not: in "he's not refusing he
  just won't go" the "won't go" still counts, and in "not feeling well won't go" the "not"
  belongs to "not feeling well". "Until" and "unless" end a clause ("won't be in until the
  school sorts it": the "not" is the absence, not a denial of what follows).
- Quotation: a hit inside quotes, or after a reporting verb whose subject is not the
  family ("Mrs Patel said he was refusing"), is someone else's account: it is capped at
  caution and does not drive a suggestion. When the parent also names an illness
  ("school called it refusal but he is ill"), it is dropped, as a denied word is: the
  parent's own reason is the illness. A quoted refusal in the first person with no one
  reporting it ("her words were 'I'm not going back there'") is the child's own, and counts.
- The positive rule: a reason that names no illness, symptom, medical appointment or
  unavoidable cause gets a caution. It is only added when no other rule fired (those
  already explain the problem). In check_document it is applied once to the whole draft:
  if no sentence names an illness, the finding is attached to the first sentence that
  talks about the absence (else the first that is not a greeting or sign-off). Greetings
  and sign-offs are never the target and never make the rule fire on their own.
- A decision word ("kept off", "staying home") or bullying given as the reason is
  softened to caution when the text (or the document) names an illness (the rule's
  `with_illness`); refusal, won't-go and can't-get wording ("school refusing", "won't
  go", "I can't get her in") stays "avoid" even then: no illness word makes it fine.
  `with_illness = "ok"` drops the hit instead: a vague word ("not up to it", "meltdown",
  a funeral, a broken-down car) is only a problem when no illness is named. What softens
  a rule is its `softened_by`, one kind or several: "named" (the default: an illness,
  symptom, appointment or unavoidable cause); "illness" (only the child's illness or
  symptom: next to a relative's emergency, "we're all at the hospital" is theirs);
  "distress" (the child's distress with no illness named: "struggling today and will be
  staying home" is a caution); "lawful" (a lawful absence of its own, s444(3): leave the
  head teacher granted, or religious observance). A hit softened only by distress or a
  lawful absence drives no suggestion: no illness was named to word one on.
- "Staying home" is treated the same however it is put ("stay home", "will be staying
  home", Northern "stopping home"): avoid with nothing named, a caution next to an illness,
  a symptom or the child's distress, and nothing to say when it is a necessity ("she has
  to stay home") or medical advice. "Keeping her home" is the parent's decision (the FAQ's
  "kept off"): avoid, softened to caution only by something named.
- A rule's `unless` patterns (macros allowed) cancel a hit: "the GP said to keep her off"
  is medical advice, not the parent's choice; "she has to stay home" is a necessity.
  `unless_after` patterns do the same from the text after the hit: "keeping him off as
  per the 48 hour rule".
- Health words come in six kinds (rules.toml [health]): generic ("unwell"), specific
  illnesses and symptoms (carried into the suggestion), care (appointments, clinicians,
  tests, medicines: they name a medical reason but are not illnesses, so they are never
  carried), episodes ("meltdown", "dysregulated": carried, but not enough on their own),
  states (tiredness and lost sleep: a symptom unless the text gives an everyday cause
  such as "up late" or "her brother screaming all night"; then not illness at all), and
  distress ("struggling", "not coping", "in tears": never carried, not enough on its own,
  and it softens only the rules that list it).
- Whose health word it is: one whose subject is the parent ("I'm ill myself") is not the
  child's; one whose subject is a relative ("her little brother was rushed to hospital")
  is not the child's either, and is reported under the rule named by [health] others_rule
  (leave, code C), whatever the illness is called.
- Suggestions never invent a fact: "{child} is too unwell to attend school {days}
  ({the parent's own health words})". The child is the earliest name, "my son"-style
  phrase or he/she in the text (never a noun after "because of"); the days are those of
  the first sentence that gives any. With no illness word written, it says "too unwell"
  only and adds a hint to use it only if true. Where no honest rewording exists ("family
  reasons", or another reason stated: see below), the suggestion is None and a hint
  explains what to do.
- Lawful absences of their own (s444(3)): leave the head teacher has granted ("leave
  authorised by the head", "the head has agreed", code C) and religious observance (code R)
  name an unavoidable cause, so they are fine on their own; they also soften the rules
  that ask for leave (a holiday, someone else's illness, a birthday), whose hints say so.
- The parent's own words rule out illness, in two ways, and then no suggestion is made in
  the text (in a draft, in the whole draft) and the result is marked `withheld`, so that
  nothing is worded as illness for them (letters.py drafts no illness email either):
  * denied or doubted illness (rules with `suggest = "withhold"`: "she isn't ill, she
    just won't go", "it's not that she's ill, she just can't face it", "he says he feels
    sick but I'm not sure he is"), even if another illness is named, because "too unwell
    to attend" would claim what the parent has just denied;
  * another reason stated that is not the child's illness (rules with `suggest = "none"`:
    a holiday or day out, travel, leave, a birthday, revision, rest or "a break" with no
    illness, a protest, head lice, tiredness, a period, the parent's own illness ("I'm
    unwell and can't do the school run") or a relative's), unless the child's own illness
    or symptom is named: "too unwell" would put that reason into illness words.
  The rule's hint says what to do instead (ask the head teacher for leave, code C; or tell
  the school plainly what is happening). This is the ONE exception to "every avoid verdict
  comes with a suggestion", and the loader allows it only for rules that carry a hint.
- Days in the suggestion are the days of the absence. A day word that only dates the cause
  ("after yesterday", "since Monday") or the return ("back on Monday") is left out
  (rules.toml [days] not_absence), and so is a past day next to today's ("meltdown
  yesterday, won't go in today": the report is about today).
- "Refusing" with an object that is not school (food, medicine; or the school refusing
  something) is not school refusal and is not flagged.
- Nothing here prints or imports anything heavy: `re` at import, `tomllib` on the first
  check. dataclasses is avoided on purpose: it alone costs ~10 ms of start-up.
"""

from __future__ import annotations

import os
import re
from collections import namedtuple
from functools import lru_cache

from refusal_log.errors import InvalidInput

RULES_PATH = os.path.join(os.path.dirname(__file__), "rules.toml")
_RANK = {"ok": 0, "caution": 1, "avoid": 2}
# The visible gap in a suggestion when the parent named no illness: only they can say what
# is wrong, so the tool asks (fill_gap) rather than guesses.
GAP = "[what is wrong]"
# What may soften a rule (its `softened_by`): see rules.toml's header.
_SOFTENERS = frozenset(("named", "illness", "distress", "lawful"))

# Curly quotes and dashes to their plain forms; one character for one, so offsets hold.
_PLAIN = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u201b": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
    "\u2032": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2033": '"', "\u2013": "-", "\u2014": "-",
    "\u00a0": " ",
    # Accents folded one for one (Welsh "sâl", "ŵyr"; "café"), so offsets still hold.
    **{c: b for b, cs in (("a", "âáàäÂÁÀÄ"), ("e", "êéèëÊÉÈË"), ("i", "îíìïÎÍÌÏ"), ("o", "ôóòöÔÓÒÖ"),
                          ("u", "ûúùüÛÚÙÜ"), ("w", "ŵŴẁẃẅ"), ("y", "ŷŶỳýÿ")) for c in cs},
})
_TOKEN = re.compile(r"[a-z0-9&]+(?:'[a-z]+)*|\s+|.", re.S)
_WORDS = re.compile(r"[a-z0-9&]+")
_QUOTES = re.compile(r"\"[^\"\n]*\"|(?<![a-z0-9])'(?=[a-z])[^'\n]*[a-z.!?]'(?![a-z0-9])")
_ABBREV = re.compile(r"\b(?:mr|mrs|ms|dr|st|e\.g|i\.e|vs|no)$", re.I)
_BREAK = re.compile(r"\n|[.!?]+[\"')\]\u201d\u2019]*(?=\s|$)")
# The verb is in a lookahead so that "Unfortunately Mia is" can also try "Mia is".
_NAME_VERB = re.compile(r"(?<![A-Za-z'\u2019])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(['\u2019]s)?(?=\s+([A-Za-z'\u2019]+))")
_LONE_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?[.!]?")
_PRONOUN = re.compile(r"\b(she|her|hers|he|him|his)\b", re.I)
_HE_SHE = re.compile(r"(?<![\w'\u2019])(she|he)(?=(?:s|['\u2019][a-z]+)?\b)", re.I)  # "he", "he's", "hes"
_THEY = re.compile(r"\b(they|them|their)\b", re.I)
_WEEKDAY = re.compile(r"\b(mon|tues|wednes|thurs|fri)day\b")

_FindingBase = namedtuple("Finding", "rule severity matched why source start end")


class Finding(_FindingBase):
    """One rule hit; start/end are offsets into the text that was checked."""

    __slots__ = ()

    def to_dict(self) -> dict:
        return dict(self._asdict())


class Result:
    """The verdict on one reason (check_text)."""

    __slots__ = ("text", "verdict", "findings", "suggestion", "hints", "withheld", "region")

    def __init__(self, text, verdict, findings, suggestion, hints, withheld=False, region="england"):
        self.text, self.verdict, self.findings = text, verdict, findings
        self.suggestion, self.hints = suggestion, hints
        # True when the parent's own words rule out illness (they deny or doubt it, or give
        # another reason and name no illness of the child's): then nothing may be worded as
        # illness on their behalf (no suggestion, no drafted illness email).
        self.withheld = withheld
        self.region = region

    @property
    def needs_input(self) -> bool:
        """True when the suggestion has a gap ([what is wrong]) only the parent can fill:
        they named no illness, so the tool will not name one for them."""
        return bool(self.suggestion) and GAP in self.suggestion

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "verdict": self.verdict,
            "findings": [f.to_dict() for f in self.findings],
            "suggestion": self.suggestion,
            "needs_input": self.needs_input,
            "withheld": self.withheld,
            "region": self.region,
            "hints": list(self.hints),
        }

    def __repr__(self):
        return f"Result(verdict={self.verdict!r}, findings={[f.rule for f in self.findings]}, suggestion={self.suggestion!r})"


CheckResult = Result  # the name the rest of the package uses in type hints


class Sentence(Result):
    """One sentence of a document; offsets are into the whole document."""

    __slots__ = ("start", "end")

    def __init__(self, start, end, text, verdict, findings, suggestion, hints, withheld=False, region="england"):
        super().__init__(text, verdict, findings, suggestion, hints, withheld, region)
        self.start, self.end = start, end

    def to_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "verdict": self.verdict,
            "findings": [f.to_dict() for f in self.findings],
            "suggestion": self.suggestion,
            "needs_input": self.needs_input,
            "withheld": self.withheld,
        }


class Document:
    """The verdict on a whole draft (check_document), sentence by sentence."""

    __slots__ = ("text", "verdict", "sentences", "region")

    def __init__(self, text, verdict, sentences, region="england"):
        self.text, self.verdict, self.sentences, self.region = text, verdict, sentences, region

    @property
    def withheld(self) -> bool:
        return any(s.withheld for s in self.sentences)

    @property
    def needs_input(self) -> bool:
        return any(s.needs_input for s in self.sentences)

    @property
    def findings(self) -> list[Finding]:
        return [f for s in self.sentences for f in s.findings]

    @property
    def hints(self) -> list[str]:
        return list(dict.fromkeys(h for s in self.sentences for h in s.hints))

    def to_dict(self) -> dict:
        return {"verdict": self.verdict, "withheld": self.withheld, "needs_input": self.needs_input,
                "region": self.region, "sentences": [s.to_dict() for s in self.sentences]}


# --------------------------------------------------------------------------- rules data


class _Terms(dict):
    """A nation's words; a placeholder that is not one of them ({cause}) is left as it is."""

    def __missing__(self, key):
        return "{" + key + "}"


class _Rule:
    __slots__ = ("id", "severity", "with_illness", "softened_by", "suggest", "cause", "hint", "overrides",
                 "why", "source", "regex", "unless", "unless_after")


class Rules:
    """The compiled contents of a rules file."""

    def __init__(self, data: dict):
        self._disclaimer = data["disclaimer"]
        # Per nation: the sources each key names there, and the words explanations use.
        self.nations = {name: (n["sources"], _Terms(n["terms"])) for name, n in data["nations"].items()}
        self.regions = tuple(self.nations)
        self.hints = data["hints"]
        macros = data.get("macros", {})
        self.macros = macros
        # Absence types: compiled by absence_types.py on first use, since `check` needs none.
        self.types_data = data["types"]
        self.compiled_types = None
        words = lambda ps: _compile(ps, macros)  # noqa: E731 - one place for the wrapping

        self.rules = []
        for raw in data["rules"]:
            rule = _Rule()
            rule.id, rule.severity, rule.why = raw["id"], raw["severity"], raw["why"]
            rule.with_illness = raw.get("with_illness")
            soft = raw.get("softened_by", "named")
            rule.softened_by = frozenset([soft] if isinstance(soft, str) else soft)
            rule.suggest = raw.get("suggest", "health")
            rule.cause = raw.get("cause")
            rule.hint = raw.get("hint")
            rule.overrides = set(raw.get("overrides", ()))
            rule.source = self._source_keys(raw["source"], raw["id"])
            rule.regex = words(raw["patterns"])
            rule.unless = re.compile("|".join(_expand(u, macros) for u in raw["unless"])) if raw.get("unless") else None
            rule.unless_after = re.compile("|".join(_expand(u, macros) for u in raw["unless_after"])) \
                if raw.get("unless_after") else None
            if rule.severity not in ("avoid", "caution") or rule.with_illness not in (None, "caution", "ok") \
                    or not rule.softened_by or not rule.softened_by <= _SOFTENERS:
                raise ValueError(f"rules.toml: rule {rule.id!r} has an unknown severity")
            if rule.suggest not in ("health", "none", "withhold"):
                raise ValueError(f"rules.toml: rule {rule.id!r} has an unknown suggest value")
            # The one exception to "every avoid comes with a suggestion": the parent's own
            # words rule out illness (denied or doubted: "withhold"; another reason stated:
            # "none"). "Too unwell" would then contradict the parent or invent a fact, so
            # the rule must say what to do instead.
            if rule.suggest in ("none", "withhold") and not rule.hint:
                raise ValueError(f"rules.toml: rule {rule.id!r} offers no rewording, so it needs a hint")
            self.rules.append(rule)

        pos = data["positive"]
        self.positive = (pos["id"], pos["severity"], pos["why"], self._source_keys(pos["source"], pos["id"]))
        health = data["health"]
        self.adjectives = set(health["adjectives"])
        self.sole_adjectives = set(health["sole_adjectives"])
        self.not_child = re.compile(_expand(health["not_child"], macros))
        self.others_rule = next(r for r in self.rules if r.id == health["others_rule"])
        self.hedged_rule = next(r for r in self.rules if r.id == health["hedged_rule"])
        self.child_after = re.compile(health["child_after"])
        self.hedge = re.compile(_expand(health["hedge"], macros))
        self.doubt_hedge = re.compile(_expand(health["doubt_hedge"], macros))
        self.clause_start = re.compile(r"[.;:!?\n]| - |, (?=(?:and |but |so )?(?:he|she|they|i|we)\b)|(?<!nothing )(?<!nothing, )\bbut\b|\b(?:because|so)\b")
        self.everyday = re.compile(_expand(health["everyday_cause"], macros))
        self.health = [(kind, words([p])) for kind in ("generic", "specific", "care", "episode", "state", "distress")
                       for p in health[kind]]
        self.unavoidable = words(data["unavoidable"]["patterns"] + data["unavoidable"]["lawful"])
        self.lawful = words(data["unavoidable"]["lawful"])
        self.days = words([data["days"]["pattern"]])
        self.past = re.compile(data["days"]["past"])
        self.not_absence = re.compile(data["days"]["not_absence"])

        ctx = data["context"]
        self.negators, self.blockers = set(ctx["negators"]), set(ctx["blockers"])
        self.subjects, self.reach = set(ctx["subjects"]), set(ctx["reach"])
        self.phrase_negators = re.compile(ctx["phrase_negators"])
        self.boundary = re.compile(ctx["boundary"])
        self.sentence_boundary = re.compile(ctx["sentence_boundary"])
        self.reporting = re.compile(ctx["reporting"])
        self.reported_always = re.compile(ctx["reported_always"])
        self.background = re.compile(ctx["background"])
        self.background_sentence = re.compile(ctx["background_sentence"])
        self.own_voice = re.compile(ctx["own_voice"])
        self.own_subjects = set(ctx["own_subjects"])
        self.auxiliaries = set(ctx["auxiliaries"])

        email = data["email"]
        self.greeting = re.compile(email["greeting"])
        self.signoff = re.compile(email["signoff"])
        self.absence_cue = re.compile(email["absence_cue"])

        names = data["names"]
        self.name_verbs = set(names["verbs"])
        self.name_after = re.compile(names["after"])
        self.family = re.compile(names["family"])
        self.plural = re.compile(names["plural"])
        self.not_names = set(names["not_names"])
        self.group = re.compile(names["group"])
        self.not_after = re.compile(names["not_after"])
        # "Mrs Patel said..." and "Dr. Khan has..." are not the child.
        self.titled = re.compile(r"\b(?i:%s)\.?\s*$" % "|".join(names["titles"]))
        self.setting = re.compile(names["setting"])
        # "Hi Kate he won't go": the name after a greeting is the reader's, not the child's.
        self.greeted = re.compile(names["greeted"])

        norm = data["normalise"]
        self.words, self.suffixes = norm["words"], norm["suffixes"]
        self._terms = [r.regex for r in self.rules] + [rx for _, rx in self.health] + [self.days]
        self.acronyms = re.compile(r"(?<![a-z&])(?:%s)(?![a-z&])" % "|".join(map(re.escape, norm["acronyms"])))

    def _source_keys(self, keys: list[str], rule_id: str) -> tuple:
        unknown = [k for k in keys if k not in self.nations["england"][0]]
        if unknown:
            raise ValueError(f"rules.toml: rule {rule_id!r} cites an unknown source {unknown[0]!r}")
        return tuple(keys)

    def source(self, keys: tuple, region: str = "england") -> str:
        """The sources a rule cites, as the child's nation knows them: a key the nation
        does not define (an English attendance code for a child in Scotland) is left out."""
        sources = self.nations[region][0]
        return "; ".join(sources[k] for k in keys if k in sources)

    def render(self, text: str, region: str = "england") -> str:
        """An explanation or hint with the nation's words put in ({code_i}, {law}...)."""
        return text.format_map(self.nations[region][1]) if "{" in text else text

    @property
    def disclaimer(self) -> str:
        return self.disclaimer_for("england")

    def disclaimer_for(self, region: str = "england") -> str:
        return self.render(self._disclaimer, region)

    def word(self, token: str) -> str:
        """One lower-case word as the rules see it ("won't" -> "will not")."""
        if token in self.words:
            return self.words[token]
        for suffix, spelled in self.suffixes.items():
            if token.endswith(suffix) and len(token) > len(suffix):
                return token[: -len(suffix)] + spelled
        return token

    def is_term(self, word: str) -> bool:
        """True if a single word is itself something the rules look for (not a name)."""
        w = self.word(word.lower())
        return any(rx.fullmatch(w) for rx in self._terms)


def _expand(p: str, macros: dict) -> str:
    for _ in range(5):  # macros may use macros; five levels is plenty
        if "@" not in p:
            break
        p = re.sub(r"@([a-z_]+)", lambda m: macros[m.group(1)], p)
    return p


def _compile(patterns: list[str], macros: dict) -> re.Pattern:
    expanded = [f"(?:{_expand(p, macros)})" for p in patterns]
    return re.compile(r"(?<![a-z0-9&])(?:%s)(?![a-z0-9&])" % "|".join(expanded))


def load_rules(path: str | None = None) -> Rules:
    """The rules from rules.toml (or from another file with the same layout)."""
    return _load(path or RULES_PATH)


@lru_cache(maxsize=4)
def _load(path: str) -> Rules:
    # Imported here, not at the top: tomllib brings in `typing`, and importing the
    # package (e.g. for `refusal-log --help`) should not pay for that.
    import tomllib

    with open(path, "rb") as f:
        return Rules(tomllib.load(f))


# --------------------------------------------------------------------------- normalising


class _Norm:
    """Normalised text plus, for each of its characters, the original span it came from."""

    __slots__ = ("text", "starts", "ends")

    def __init__(self, original: str, rules: Rules):
        plain = "".join(c if len(c.lower()) != 1 else c.lower() for c in original.translate(_PLAIN))
        out, starts, ends = [], [], []
        for m in _TOKEN.finditer(plain):
            tok, a, b = m.group(), m.start(), m.end()
            if tok[0].isspace():
                # A blank line separates; a single line break is just a wrapped line.
                rep = "\n" if tok.count("\n") > 1 else " "
            elif tok[0].isalnum() or tok[0] == "&":
                rep = rules.word(tok)
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


# A health phrase: its kind (generic, specific, care, episode or distress), the parent's own
# words for it, and whether it is hedged ("not sure if it's a migraine", "she says her ear
# hurts"): a hedged word counts for the verdict but is never stated as fact in a suggestion.
_Term = namedtuple("_Term", "kind text hedged doubted start end")
# One rule hit: the finding, its rule, whether it is someone else's words, and whether it
# may drive a suggestion (`quiet`: softened only by distress or a lawful absence).
_Hit = namedtuple("_Hit", "finding rule reported quiet")


def _negator(norm: str, a: int, rules: Rules) -> int | None:
    """Where the word that negates a phrase starting at `a` begins, or None."""
    lo = max(0, a - 100)
    pre = norm[lo:a]
    phrase = rules.phrase_negators.search(pre)
    if phrase:
        return lo + phrase.start()
    cuts = [m.end() for m in rules.boundary.finditer(pre)]
    words = list(_WORDS.finditer(pre, cuts[-1] if cuts else 0))[-4:]
    for i in range(len(words) - 1, -1, -1):
        w = words[i].group()
        if w in rules.blockers:
            return None
        if w in rules.negators:
            return lo + words[i].start()
        if w in rules.subjects and i and words[i - 1].group() not in rules.reach:
            return None  # a new clause: "he's not being difficult he won't go"
    return None


def _reported(norm: str, a: int, b: int, rules: Rules, child: str) -> bool:
    """Someone else's words: inside quotes, or after "the school said" and the like."""
    inside = None
    for q in _QUOTES.finditer(norm):
        if q.start() < a and b <= q.end():
            inside = q
            break
    end = inside.start() if inside else a
    starts = [m.end() for m in rules.sentence_boundary.finditer(norm, 0, end)]
    first = starts[-1] if starts else 0
    if rules.reported_always.search(norm, first, end):
        return True
    # A hit may itself open with the verb ("said she won't go"), so look up to its end.
    region = norm[first:b]
    verbs = [v for v in rules.reporting.finditer(region) if first + v.start() <= end]
    if not verbs:
        # Scare quotes: a word the parent is distancing from. But a quoted refusal in the
        # first person ("her words were 'I'm not going back there'") is the child's own.
        return inside is not None and not norm.startswith(("i ", "we "), a)
    # Back in the parent's own voice: "the office calls it refusal and, to be honest, he is
    # refusing"; "Mrs Clarke said it was 'unacceptable' and now he has refused".
    if rules.own_voice.search(norm, first + verbs[-1].end(), a):
        return False
    before = [w for w in _WORDS.findall(region[: verbs[-1].start()]) if w not in rules.auxiliaries]
    if not before:
        return False
    subject = before[-1]
    if subject in ("and", "then", "so") and len(before) > 1:
        # "Ellie has anxiety and says she's not going": the subject is the clause's first.
        subject = before[1] if before[0] in ("the", "a", "an") else before[0]
    return subject not in rules.own_subjects and subject != child


class _Analysis:
    """Everything found in one piece of text, before verdicts are drawn."""

    def __init__(self, text: str, rules: Rules):
        self.text, self.rules = text, rules
        self.norm = _Norm(text, rules)
        n = self.norm.text
        self.spans = []  # every health or unavoidable phrase, negated or not: see find()
        self.health = self._health()
        self.unavoidable = self._unavoidable(rules.unavoidable)
        # A lawful absence of its own (s444(3)): leave the head teacher has granted, or
        # religious observance. An unavoidable cause for the positive rule; it also softens
        # the rules that ask for leave (a holiday, someone else's illness, a birthday).
        self.lawful = self._unavoidable(rules.lawful)
        # An illness or symptom the parent names; with care words and unavoidable causes,
        # a reason the law recognises. An episode alone ("meltdown") is neither, and nor is
        # distress ("struggling", "not coping"): it only softens the rules that allow it.
        self.illness = any(t.kind in ("generic", "specific") for t in self.health)
        self.named = self.unavoidable or any(t.kind not in ("episode", "distress") for t in self.health)
        self.distress = any(t.kind in ("episode", "distress") for t in self.health)
        # What the parent states plainly (not hedged): only that may be worded as fact.
        self.stated = any(t.kind in ("generic", "specific", "episode", "distress") and not t.hedged for t in self.health)
        self.subject, self.plural = _subject(text, n, rules)
        self.days = self._days()
        setting = rules.setting.search(n)
        self.setting = setting.group(1) if setting else "school"
        self.hits = []  # (Finding, rule, reported), filled by find()

    def _health(self) -> list[_Term]:
        n, rules = self.norm.text, self.rules
        found = sorted(
            (m.start(), -len(m.group()), i, kind, m)
            for i, (kind, rx) in enumerate(rules.health)
            for m in rx.finditer(n)
        )
        # Tiredness with an everyday cause ("up late", "her brother screaming all night") is
        # not illness; without one it is a symptom like any other.
        everyday = rules.everyday.search(n) is not None
        terms, reach, self.others = [], -1, []
        for start, _, _, kind, m in found:
            if start < reach:
                continue  # the longer phrase at this place already won ("off sick" over "sick")
            reach = m.end()
            self.spans.append((start, m.end()))
            if _negator(n, start, rules) is not None:
                continue
            owner = rules.not_child.search(n, max(0, start - 60), start)
            if (owner or n.startswith(" myself", m.end())) and not rules.child_after.match(n, m.end()):
                if owner and owner.group("other"):
                    self.others.append((start, m.end()))  # a relative's: see find()
                continue  # the parent's ("I'm ill myself") or a relative's, not the child's
            if kind == "state":
                if everyday:
                    continue
                kind = "specific"
            clause = rules.clause_start.split(n[max(0, start - 80):start])[-1]
            a, b = self.norm.span(start, m.end())
            # Scare quotes around a short phrase ("she's 'poorly' again") distance it too.
            quoted = any(q.start() < start and m.end() < q.end() and q.end() - q.start() < 30
                         for q in _QUOTES.finditer(n))
            doubted = quoted or bool(rules.doubt_hedge.search(clause))
            hedged = doubted or bool(rules.hedge.search(clause))
            terms.append(_Term(kind, self.text[a:b], hedged, doubted, start, m.end()))
        return terms

    def _unavoidable(self, rx) -> bool:
        n, found, rules = self.norm.text, False, self.rules
        for m in rx.finditer(n):
            self.spans.append(m.span())
            # Only the child's own: "his brother has been suspended" is not a reason for him.
            owner = rules.not_child.search(n, max(0, m.start() - 60), m.start())
            if owner and not rules.child_after.match(n, m.end()):
                continue
            found = found or _negator(n, m.start(), rules) is None
        return found

    def _days(self) -> list[str]:
        """Day words as written, from the first sentence that names a day: in "won't be in
        today ... GP on Wednesday" the absence is today's. "Again" is kept wherever it is."""
        n, ends = self.norm.text, [e for _, e in _sentences(self.text)]
        # A day that dates the cause or the return ("after yesterday", "back on Monday") is
        # not a day of the absence, so it never reaches the suggestion.
        found = [(sum(e <= self.norm.starts[m.start()] for e in ends), m.group())
                 for m in self.rules.days.finditer(n)
                 if not self.rules.not_absence.search(n, max(0, m.start() - 40), m.start())]
        first = min((i for i, d in found if d != "again"), default=None)
        days = list(dict.fromkeys(d for i, d in found if d == "again" or i == first))
        # "Meltdown yesterday and won't go in today": a past day next to today's is when the
        # cause happened; the report is about today.
        if any(d != "again" and not self.rules.past.search(d) for d in days):
            days = [d for d in days if not self.rules.past.search(d)]
        return days

    def _background(self, a: int, b: int) -> bool:
        n, rules = self.norm.text, self.rules
        start = max([m.end() for m in rules.sentence_boundary.finditer(n, 0, a)] or [0])
        if rules.background_sentence.search(n[start:a]):
            return True
        lo = max([m.end() for m in rules.boundary.finditer(n, 0, a)] or [0])
        hi = next((m.start() for m in rules.boundary.finditer(n, b)), len(n))
        return bool(rules.background.search(n, lo, hi))

    def find(self, named: bool, illness: bool, offset: int = 0, distress: bool = False, lawful: bool = False) -> None:
        """Rule hits; `named`/`illness`/`distress`/`lawful` may come from the whole
        document; `offset` places this text inside it."""
        n, rules = self.norm.text, self.rules
        child = self.subject.split()[-1].lower()
        # What may soften a rule (its softened_by). Distress and a lawful absence soften
        # without naming an illness, so a hit softened only by them drives no suggestion.
        present = {"named": named, "illness": illness, "distress": distress, "lawful": lawful}
        candidates = []
        for rule in rules.rules:
            for m in rule.regex.finditer(n):
                a, b = m.span()
                if rule.unless and rule.unless.search(n[max(0, a - 80):b]):
                    continue
                if rule.unless_after and rule.unless_after.match(n[b:b + 80]):
                    continue
                candidates.append((a, b, rule))
        # An illness the parent only hedges ("not sure if it's a bug", "she's 'poorly'") with
        # nothing stated plainly: reported under [health] hedged_rule (ask, do not state).
        hedged = [t for t in self.health if t.doubted and t.kind in ("generic", "specific")]
        doubt = None
        if hedged and not self.stated and not any(r.id == rules.hedged_rule.id for _, _, r in candidates):
            doubt = (hedged[0].start, hedged[0].end)
            candidates.append((*doubt, rules.hedged_rule))
        # What happened before is background, not today's reason ("he was bullied last year").
        candidates = [(a, b, rule) for a, b, rule in candidates if not self._background(a, b)]
        # A relative's illness, whatever its name ("her brother has bronchiolitis"), is their
        # emergency, not the child's sickness: report it under [health] others_rule.
        other = rules.others_rule
        for a, b in self.others:
            if not any(r.id == other.id and a2 < b and a < b2 for a2, b2, r in candidates):
                candidates.append((a, b, other))
        # A negator denies the first phrase after it, risky or not: in "not feeling well won't
        # go" the "not" belongs to "not feeling well", so "won't go" still counts.
        phrases = [(a2, b2) for a2, b2, _ in candidates] + self.spans
        kept = []
        for a, b, rule in candidates:
            neg = _negator(n, a, rules)
            # A negator denies the first risky phrase after it, not every one that follows.
            if neg is not None and not any(neg <= a2 and b2 <= a for a2, b2 in phrases):
                continue
            kept.append((a, b, rule))
        # Once the parent denies or doubts the illness ("not ill as such, just had a rough
        # week"), a vague word of distress no longer softens a decision: only a named
        # illness or symptom could.
        if any(rule.suggest == "withhold" for _, _, rule in kept):
            present["distress"] = False
            # Nor does an illness the parent only reports or hedges ("she says she's poorly").
            plain = any(t.kind in ("generic", "specific") and not t.hedged for t in self.health)
            present["illness"] = present["illness"] and plain
            present["named"] = present["named"] and (plain or self.unavoidable
                                                     or any(t.kind == "care" for t in self.health))
        hits = []
        for a, b, rule in kept:
            soft = [k for k in rule.softened_by if present[k]]
            if soft and rule.with_illness == "ok":
                continue
            severity, why = rule.severity, rule.why
            if soft and rule.with_illness:
                severity = rule.with_illness
            # Softened by distress or a lawful absence alone: no illness to word a suggestion on.
            # Softened by the child's distress, the suggestion carries the distress words.
            quiet = bool(soft) and not {"named", "illness", "distress"} & set(soft) and rule.with_illness is not None
            # A hedge is the parent's own doubt, even inside scare quotes.
            reported = (a, b) != doubt and _reported(n, a, b, rules, child)
            if reported:
                if illness:
                    continue  # quoted, and the parent's own reason is an illness
                severity, why = "caution", rules.hints["quoted_prefix"] + why
            s, e = self.norm.span(a, b)
            finding = Finding(rule.id, severity, self.text[s:e], why, rule.source, s + offset, e + offset)
            hits.append(_Hit(finding, rule, reported, quiet))
        # A rule may explain another away: a broken-down car is why "I can't get him to
        # school", so that is a travel problem (caution), not the can't-get wording (avoid).
        overridden = set().union(*(h.rule.overrides for h in hits if not h.reported))
        self.hits = sorted((h for h in hits if h.rule.id not in overridden), key=lambda h: h.finding.start)

    @property
    def own_hits(self):
        return [h for h in self.hits if not h.reported]


def _subject(text: str, norm: str, rules: Rules) -> tuple[str, bool]:
    """Who the reason is about, as the parent wrote it, and whether it is plural: the
    earliest name, "my son" or he/she; then him/her, they, and at last "My child"."""
    found = []
    for m in _NAME_VERB.finditer(text):
        verb = rules.word(m.group(3).lower().replace("\u2019", "'")).split(" ")[0]
        if (m.group(2) or verb in rules.name_verbs) and _is_name(m.group(1), rules) \
                and not rules.titled.search(text, 0, m.start()) and not rules.greeted.search(text, 0, m.start()):
            found.append((m.start(1), m.group(1)))
            break
    family = rules.family.search(text)
    if family:
        phrase = family.group()
        last = phrase.rsplit(" ", 1)[-1]
        if last[0].isupper() and not _is_name(last, rules):
            phrase = phrase[: -len(last) - 1]  # "my son Refuses": a verb, not a name
        found.append((family.start(), phrase[0].upper() + phrase[1:]))
    # "The twins", "the kids": the child only when no single child is meant elsewhere
    # and not after "because of", "by"... ("scared because of the kids in his class").
    singular = _PRONOUN.search(norm)
    for group in rules.group.finditer(text):
        if not singular and not rules.not_after.search(text, 0, group.start()):
            found.append((group.start(), group.group()[0].upper() + group.group()[1:]))
            break
    for m in rules.name_after.finditer(text):
        if _is_name(m.group(1), rules):
            found.append((m.start(1), m.group(1)))
            break
    he_she = _HE_SHE.search(text)
    if he_she:
        found.append((he_she.start(), he_she.group(1).capitalize()))
    if found:
        phrase = min(found)[1]
        return phrase, bool(rules.plural.search(phrase.lower()))
    if singular:
        return ("She" if singular.group(1) in ("she", "her", "hers") else "He"), False
    if _THEY.search(text):
        return "They", True
    return "My child", False


def _is_name(word: str, rules: Rules) -> bool:
    w = word.lower()
    # "Hes", "Im": a contraction without its apostrophe is not a name.
    return w not in rules.not_names and " " not in rules.word(w) and not rules.is_term(word)


# --------------------------------------------------------------------------- verdicts


def _suggestion(an: _Analysis, stated: bool = False) -> str:
    """One sentence the rules pass, built only from what the parent wrote."""
    rules = an.rules
    # Every illness, condition and feeling word the parent wrote, as written, unless hedged.
    carried = [t for t in an.health if t.kind in ("specific", "episode", "distress") and not t.hedged]
    specific = list(dict.fromkeys(_display(t.text, rules) for t in carried))
    generic = [t.text.lower() for t in an.health if t.kind == "generic" and not t.hedged
               and t.text.lower() in rules.adjectives]
    if len(specific) == 1 and specific[0].lower() in rules.sole_adjectives and not generic:
        adjective, specific = specific[0], []
    else:
        adjective = generic[0] if generic else "unwell"
    days = [d for d in an.days if d == "again"] + [d for d in an.days if d != "again"]
    past = any(rules.past.search(d) for d in days)
    verb = ("were" if an.plural else "was") if past else ("are" if an.plural else "is")
    sentence = f"{an.subject} {verb} too {adjective} to attend {an.setting}"
    if days:
        sentence += " " + _WEEKDAY.sub(lambda m: m.group().capitalize(), " and ".join(days).replace("again and ", "again "))
    if specific:
        sentence += f" ({', '.join(specific)})"
    elif not (generic or stated):
        # Nothing named: "too unwell" alone would claim an illness the parent did not
        # name, so the sentence shows the gap only they can fill.
        sentence += f" ({GAP})"
    return sentence + "."


def _display(term: str, rules: Rules) -> str:
    # "(a cold)" reads as "(cold)", if "cold" alone is still the same health word; the
    # parent's words are otherwise kept as written ("a bit of a temperature").
    bare = re.sub(r"^(?:a|an|the) (?=\S)", "", term, flags=re.I)
    if bare != term and any(rx.fullmatch(_Norm(bare, rules).text) for _, rx in rules.health):
        term = bare
    # A capital only because the word opened the sentence ("Anxiety is through the roof").
    if term[:1].isupper() and term[1:] == term[1:].lower():
        term = term[0].lower() + term[1:]
    return rules.acronyms.sub(lambda m: m.group().upper(), term)


def _verdict(findings) -> str:
    return max((f.severity for f in findings), key=_RANK.__getitem__, default="ok")


def _withholds(an: _Analysis, illness: bool) -> bool:
    """True if the parent's own words rule out illness in this text: they deny or doubt it
    (a "withhold" rule), or give another reason that is not the child's illness (a "none"
    rule: a holiday, a relative's illness, head lice...) and name no illness of the child's
    (`illness` may come from the whole draft)."""
    return any(h.rule.suggest == "withhold" or (h.rule.suggest == "none" and not illness)
               for h in an.own_hits)


def _conclude(an: _Analysis, illness: bool, extra: list[Finding] = (), withheld: bool = False,
              stated: bool | None = None) -> tuple:
    """Verdict, findings, suggestion and hints for one analysed text; `withheld` says the
    parent's words rule out illness (here or elsewhere in the draft)."""
    rules, hints = an.rules, []
    findings = [h.finding for h in an.hits] + list(extra)
    verdict = _verdict(findings)
    for h in an.own_hits:
        if h.rule.cause:
            hints.append(rules.hints["cause"].format(cause=h.rule.cause))
        if h.rule.hint:
            hints.append(h.rule.hint)
    if any(h.reported for h in an.hits):
        hints.append(rules.hints["quoted"])
    suggestion = None
    # Denied or doubted illness, or another reason: no "too unwell" sentence, and no talk
    # of evidence of an illness.
    withheld = withheld or _withholds(an, illness or an.illness)
    if not withheld and any(h.rule.suggest == "health" and not h.quiet for h in an.own_hits):
        suggestion = _suggestion(an, an.stated if stated is None else stated)
        if not (an.illness or illness):
            hints.append(rules.hints["honest"])
    if verdict != "ok" and suggestion is None and not any(h.rule.hint for h in an.hits):
        hints.append(rules.hints["no_illness"])
    if (any(t.kind != "distress" for t in an.health) or (suggestion and illness)) and not withheld:
        hints.append(rules.hints["evidence"])
    return verdict, findings, suggestion, list(dict.fromkeys(hints))


def _positive(rules: Rules, text: str, start: int, end: int) -> Finding:
    rule_id, severity, why, source = rules.positive
    return Finding(rule_id, severity, text[start:end], why, source, start, end)


def _require(text: str) -> None:
    if not isinstance(text, str) or not text.strip():
        raise InvalidInput("There is no text to check. Give the reason in quotes, "
                           "for example: refusal-log check \"Too unwell to attend school today\".")


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
            if m.group()[0] == "." and _ABBREV.search(text[start:m.start()]):
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
    if not rest or rules.signoff.match(rest):
        return False
    return not ((after_signoff or last) and _LONE_NAME.fullmatch(sentence.strip()))


def _content_flags(rules: Rules, text: str, spans) -> list[bool]:
    flags, after_signoff = [], False
    for i, (a, b) in enumerate(spans):
        flag = _content(rules, text[a:b], after_signoff, last=len(spans) > 1 and i == len(spans) - 1)
        flags.append(flag)
        after_signoff = not flag
    return flags


# --------------------------------------------------------------------------- public API


def _region(region: str, rules: Rules) -> str:
    key = (region or "england").strip().lower().replace(" ", "-").replace("_", "-")
    if key not in rules.nations:
        raise InvalidInput(f"The region must be one of {', '.join(rules.regions)}; {region!r} is not.")
    return key


def _localise(rules: Rules, region: str, findings, hints) -> tuple[list, list]:
    """Findings and hints as the child's nation reads them: its sources, its words."""
    findings = [f._replace(why=rules.render(f.why, region), source=rules.source(f.source, region)) for f in findings]
    return findings, [rules.render(h, region) for h in hints]


def check_text(text: str, rules: Rules | None = None, *, region: str = "england") -> Result:
    """Check one absence reason, citing the law of `region` (england, wales, scotland or
    northern-ireland). Raises InvalidInput for empty text or an unknown region."""
    _require(text)
    rules = rules or load_rules()
    region = _region(region, rules)
    an = _Analysis(text, rules)
    an.find(an.named, an.illness, 0, an.distress, an.lawful)
    extra = []
    if not an.named and not an.own_hits:
        spans = _sentences(text)
        if any(_content_flags(rules, text, spans)):
            extra.append(_positive(rules, text, spans[0][0], spans[-1][1]))
    verdict, findings, suggestion, hints = _conclude(an, an.illness, extra)
    findings, hints = _localise(rules, region, findings, hints)
    return Result(text, verdict, findings, suggestion, hints, _withholds(an, an.illness), region)


def check_document(text: str, rules: Rules | None = None, *, region: str = "england") -> Document:
    """Check a whole draft (an email, a letter) sentence by sentence, citing the law of
    `region`."""
    _require(text)
    rules = rules or load_rules()
    region = _region(region, rules)
    spans = _sentences(text)
    analyses = [_Analysis(text[a:b], rules) for a, b in spans]
    named = any(an.named for an in analyses)
    illness = any(an.illness for an in analyses)
    distress = any(an.distress for an in analyses)
    lawful = any(an.lawful for an in analyses)
    for (a, _), an in zip(spans, analyses):
        an.find(named, illness, a, distress, lawful)

    extra: dict[int, list[Finding]] = {}
    if not named and not any(an.own_hits for an in analyses):
        content = [i for i, flag in enumerate(_content_flags(rules, text, spans)) if flag]
        cued = [i for i in content if rules.absence_cue.search(analyses[i].norm.text)]
        if content:
            target = (cued or content)[0]
            extra[target] = [_positive(rules, text, *spans[target])]

    withheld = any(_withholds(an, illness) for an in analyses)
    stated = any(an.stated for an in analyses)
    sentences = []
    for i, ((a, b), an) in enumerate(zip(spans, analyses)):
        verdict, findings, suggestion, hints = _conclude(an, illness, extra.get(i, []), withheld, stated)
        findings, hints = _localise(rules, region, findings, hints)
        sentences.append(Sentence(a, b, text[a:b], verdict, findings, suggestion, hints, withheld, region))
    return Document(text, _verdict(f for s in sentences for f in s.findings), sentences, region)


def fill_gap(suggestion: str, answer: str) -> str:
    """The suggestion with the parent's answer where the gap ([what is wrong]) was:
    fill_gap("Sam is too unwell to attend school today ([what is wrong]).", "a migraine")
    gives "Sam is too unwell to attend school today (a migraine).". A suggestion without a
    gap comes back as it was. An empty answer is an InvalidInput: the gap is never filled
    with a guess."""
    if GAP not in suggestion:
        return suggestion
    words = " ".join(str(answer or "").split()).strip(" .;,()[]")
    if not words:
        raise InvalidInput("Say in a few words what is wrong (for example: a migraine, anxiety, "
                           "being sick), or keep your own words.")
    return suggestion.replace(GAP, words, 1)
