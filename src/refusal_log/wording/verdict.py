"""Verdicts: from an analysis to what the parent sees (the verdict, the findings in the
child's nation's law, a suggestion that asks rather than guesses, and hints), and the
public check_text / check_document (the answer that fills a gap: answers.py)."""

from __future__ import annotations

import re

from refusal_log.errors import InvalidInput
from refusal_log.text import blank
from refusal_log.wording.analysis import Finding, _Analysis, _content_flags, _names, _Norm, _sentences, _Whole
from refusal_log.wording.brackets import in_brackets
from refusal_log.wording.clauses import CHILDS
from refusal_log.wording.folding import calm
from refusal_log.wording.generalised import _rx as generalised_rx, minor, vague
from refusal_log.wording.loading import Rules, load_rules
from refusal_log.wording.names import Logged, name_pattern
from refusal_log.wording.readers import READ_FROM_WORDS, reading, stricter as stricter_reading, without_label, word_count
from refusal_log.wording.whose import as_named, said_in_school, stranger_ill, unsure_whose

_RANK = {"ok": 0, "caution": 1, "avoid": 2}


class InvalidUnclear(InvalidInput):
    """An answer to "what is wrong?" that names nothing wrong: ask again (the gate), or keep the parent's own words."""
# The visible gap in a suggestion when the parent named no illness: only they can say what
# is wrong, so the tool asks (fill_gap) rather than guesses.
GAP = "[what is wrong]"
_WEEKDAY = re.compile(r"\b(mon|tues|wednes|thurs|fri)day\b")

class Result:
    """The verdict on one reason (check_text)."""

    __slots__ = ("text", "verdict", "findings", "suggestion", "hints", "withheld", "region", "urgent")

    def __init__(self, text, verdict, findings, suggestion, hints, withheld=False, region="england", urgent=None):
        self.text, self.verdict, self.findings = text, verdict, findings
        self.suggestion, self.hints = suggestion, hints
        # Where to get help now, when the child has talked of wanting to die or of harming
        # themselves ([hints] crisis); shown before anything else, whatever the verdict.
        self.urgent = urgent
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
        return {"text": self.text, "verdict": self.verdict, "findings": [f.to_dict() for f in self.findings],
                "suggestion": self.suggestion, "needs_input": self.needs_input, "withheld": self.withheld,
                "region": self.region, "hints": list(self.hints), "urgent": self.urgent}

    def __repr__(self):
        return f"Result(verdict={self.verdict!r}, findings={[f.rule for f in self.findings]}, suggestion={self.suggestion!r})"


CheckResult = Result  # the name the rest of the package uses in type hints


class Sentence(Result):
    """One sentence of a document; offsets are into the whole document."""

    __slots__ = ("start", "end")

    def __init__(self, start, end, text, verdict, findings, suggestion, hints, withheld=False, region="england",
                 urgent=None):
        super().__init__(text, verdict, findings, suggestion, hints, withheld, region, urgent)
        self.start, self.end = start, end

    def to_dict(self) -> dict:
        # A sentence's region and hints belong to the whole document's JSON.
        data = super().to_dict()
        del data["region"], data["hints"], data["urgent"]
        return {"start": self.start, "end": self.end, **data}


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

    @property
    def urgent(self) -> str | None:
        return next((s.urgent for s in self.sentences if s.urgent), None)

    def to_dict(self) -> dict:
        return {"verdict": self.verdict, "withheld": self.withheld, "needs_input": self.needs_input,
                "region": self.region, "urgent": self.urgent, "sentences": [s.to_dict() for s in self.sentences]}


# --------------------------------------------------------------------------- verdicts


def _suggestion(an: _Analysis, stated: bool = False) -> str:
    """One sentence the rules pass, built only from what the parent wrote."""
    rules = an.rules
    # Every illness, condition and feeling word the parent wrote about today, as written, unless hedged.
    carried = [t for t in an.today if t.kind in ("specific", "episode", "distress", "condition") and not t.hedged]
    specific = list(dict.fromkeys(_display(text, rules) for text in dict.fromkeys(t.text for t in carried)))
    generic = [t.text.lower() for t in an.today if t.kind == "generic" and not t.hedged
               and t.text.lower() in rules.adjectives]
    if len(specific) == 1 and specific[0].lower() in rules.sole_adjectives and not generic:
        adjective, specific = specific[0], []
    else:
        adjective = generic[0] if generic else "unwell"
    days = [d for d in an.days if d == "again"] + [d for d in an.days if d != "again"]
    if {"this morning", "this afternoon"} & set(days):
        days = [d for d in days if d != "today"]  # "this morning and today" is one day, said twice
    past = any(rules.past.search(d) for d in days)
    verb = ("were" if an.plural else "was") if past else ("are" if an.plural else "is")
    sentence = f"{an.subject} {verb} too {adjective} to attend {an.setting}"
    if days:
        sentence += " " + _WEEKDAY.sub(lambda m: m.group().capitalize(), " and ".join(days).replace("again and ", "again "))
    # No illness or distress named (a condition such as autism is not one): "too unwell" alone would claim what
    # the parent did not say, so the sentence shows the gap only they can fill, beside any condition they named.
    # So too for only a vague word for being unwell ("under the weather": unwell, but not how; round 46). One gap.
    if not (generic or stated) or (not specific and not generic and minor(an)):
        specific = specific + [GAP]
    if specific:
        sentence += f" ({', '.join(specific)})"
    return sentence + "."


def _display(term: str, rules: Rules) -> str:
    # "(a cold)" reads as "(cold)", if "cold" alone is still the same health word; the
    # parent's words are otherwise kept as written ("a bit of a temperature").
    if term.isupper():
        term = term.lower()  # typed in capitals ("A COLD"); acronyms ("D&V", "OCD") get theirs back below
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
    """True if the parent's own words rule out illness in this text: they deny or doubt it (a "withhold" rule), or give
    another reason that is not the child's illness (a "none" rule: a holiday, a relative's illness, head lice...) and
    name no illness of the child's (`illness` may come from the whole draft). Round 9a: so too a "none" rule the child's
    illness does not soften (a trip with a motive, a family visit) when nothing else would word a suggestion."""
    hits = an.own_hits
    if any(h.rule.suggest == "withhold" or (h.rule.suggest == "none" and not illness) for h in hits):
        return True
    if hits and _denies(an):
        return True  # "Amy is ill. Well, not ill, but...": the parent's own denial stands
    stands = [h for h in hits if h.rule.suggest == "none" and not h.rule.softened_by & _ILLNESS_SOFTENS]
    # Round 43: such a reason that stays an avoid beside the illness (a treat day, a trip) is the reason: wording
    # the ailment beside it as "too unwell" would offer a reason the parent did not give.
    return bool(stands) and (not any(h.rule.suggest == "health" for h in hits)
                             or any(h.finding.severity == "avoid" for h in stands))


_ILLNESS_SOFTENS = frozenset(("illness", "named"))


def _denies(an: _Analysis) -> bool:
    """The parent denies the child's illness somewhere in the text, even where an illness named
    elsewhere softened the denial away ("Amy has a temperature. Not really ill though, just
    fancies a day off"): no sentence saying she is too unwell may then be offered."""
    n = an.norm.text
    if "negative" in n and generalised_rx(an.rules, "negative_test").search(n):
        return True  # "testing negative so far": the illness in the house is not hers
    for rule in an.rules.rules:
        if rule.id == "illness_denied" and rule.present(n):
            for m in rule.regex.finditer(n):
                a, b = m.span()
                if rule.unless and rule.unless.search(n[max(0, a - 80):b]):
                    continue
                # "Not ill as such, it's her anxiety": an illness named straight after reframes it.
                if any(b <= t.start < b + 60 for t in an.health if t.kind != "care"):
                    continue
                if an._whose(a, b) in CHILDS:
                    return True
    return False


def names_no_illness(an: _Analysis) -> bool:
    """A finding says no illness is named ([types] not_illness_rules: "she was shaking", the school's label)."""
    return any(h.rule.id in an.rules.types_data.get("not_illness_rules", ()) for h in an.own_hits)


def _conclude(an: _Analysis, illness: bool, extra: list[Finding] = (), withheld: bool = False,
              stated: bool | None = None) -> tuple:
    """Verdict, findings, suggestion, hints and whether wording is withheld on purpose, for one analysed text;
    `withheld` says the parent's words rule out illness (here or elsewhere in the draft)."""
    rules, hints = an.rules, []
    none_named = names_no_illness(an)  # "only if it is true" below, and no talk of evidence of an illness
    if an.crisis:
        hints.append(rules.hints["crisis"])  # urgent help first, whatever the wording
    findings = _told_once([h.finding for h in an.hits] + list(extra), len(an.text))
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
        if GAP in suggestion and (an.lawful or an.unavoidable):
            # Round 26: the reason given is the school's exclusion or closure, leave, an agreed timetable or transport
            # that did not come (not an appointment: beside "refusing" the gap still asks), and no illness named:
            # asking what is wrong would make a lawful reason a claim of illness.
            suggestion, withheld = None, True
            hints.append(rules.hints["lawful_reason"])
        elif not (an.illness or illness) or none_named:
            hints.append(rules.hints["honest"])
    # Vaguer distress named alone ("very anxious today", "in bits"): a caution, and a suggestion that keeps the parent's
    # own words for it, and the child's name (round 7).
    # (Not lost sleep from someone else's bad night, [health] kept_up: tiredness is not illness. Never beside talk of
    # dying or self-harm, whose finding says the check does not word it: the newcomer on 122.)
    if suggestion is None and not withheld and extra and an.distress and not an.crisis \
            and any(t.kind == "distress" and not t.hedged for t in an.health) and not an.kept_up:
        # (The feeling made small, "he's just upset": it asks what is wrong, as the gate's answer does; newcomer, 103.)
        suggestion = _suggestion(an, not _JUST.search(an.norm.text))
        hints.append(rules.hints["honest"])
    if verdict != "ok" and suggestion is None and not any(h.rule.hint for h in an.hits) and not an.crisis:
        # (Not beside talk of dying or self-harm: leave rules are not what a parent needs then.)
        hints.append(rules.hints["no_illness"])
    if (any(t.kind != "distress" for t in an.health) or (suggestion and illness)) and not withheld and not none_named:
        # An appointment alone is not an illness: keep its letter, not "evidence of the illness".
        appointment = all(t.kind == "care" for t in an.health) and not (suggestion and illness)
        hints.append(rules.hints.get("evidence_appointment", rules.hints["evidence"]) if appointment
                     else rules.hints["evidence"])
    return verdict, findings, suggestion, list(dict.fromkeys(hints)), withheld


def _urgent(an: _Analysis, region: str) -> str | None:
    return an.rules.render(an.rules.hints["crisis"], region) if an.crisis else None


def _told_once(findings: list, length: int) -> list:
    """Each thing found told once: the same explanation again, or a phrase inside a longer one of the same rule
    found as strictly ("tired" inside "tired after a late night at"), is left out (the newcomer on round 50 found
    three findings and three tips for one phrase). Another rule's finding inside a longer one is another problem
    and stays ("she refused point blank" inside a late night told over two sentences); a finding about the whole
    text contains nothing ("the school called it 'refusal'")."""
    kept, seen = [], set()
    for f in findings:
        inside = any(g is not f and g.rule == f.rule and g.start <= f.start and f.end <= g.end
                     and (g.start, g.end) != (f.start, f.end)
                     and (g.start, g.end) != (0, length)
                     and _RANK[g.severity] >= _RANK[f.severity] for g in findings)
        if not inside and (f.rule, f.severity, f.why) not in seen:
            kept.append(f)
            seen.add((f.rule, f.severity, f.why))
    return kept


def _read_again(stricter: str | None, rules: Rules, text: str, start: int, end: int, findings: list,
                verdict: str, suggestion: str | None, illness: bool) -> tuple:
    """(findings, verdict, suggestion) once the second reading's stricter verdict, if any, is
    applied to text[start:end] (check_text's reason, or one sentence of a draft)."""
    if not stricter:
        return findings, verdict, suggestion
    why = rules.hints[f"second_reading_{stricter}"]
    findings = findings + [Finding("second_reading", stricter, text[start:end], why, ["faq", "s444"], start, end)]
    if stricter == "avoid" and not illness:
        # Read as a choice or another reason, and no illness of the child's named plainly:
        # nothing is worded as illness. (With one named, the rules' sentence keeps it.)
        suggestion = None
    return findings, stricter, suggestion


def _positive(rules: Rules, text: str, start: int, end: int, crisis: bool = False) -> Finding:
    rule_id, severity, why, source, why_in_crisis = rules.positive
    return Finding(rule_id, severity, text[start:end], why_in_crisis if crisis else why, source, start, end)


def _said_in(rules: Rules, text: str, start: int, end: int) -> Finding:
    """The reason says the logged child will be in as usual (whose.said_in_school): a caution, nothing worded."""
    rule = rules.rule_named("child_said_in")
    return Finding(rule.id, rule.severity, text[start:end], rule.why, rule.source, start, end)


# The check reads a reason or an email, not a book: a bound keeps any paste answered in
# seconds (the work grows with the number of findings times the text's length).
MAX_CHECK = 20_000


def _require(text: str) -> None:
    if not isinstance(text, str) or blank(text):  # only marks that show nothing is no text
        raise InvalidInput("There is no text to check. Give the reason in quotes, "
                           "for example: refusal-log check \"Too unwell to attend school today\".")
    if len(text) > MAX_CHECK:
        raise InvalidInput(f"This text is {len(text):,} characters long; the wording check reads up to "
                           f"{MAX_CHECK:,} (a reason or an email). Check it in parts.")


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


def masked_names(text: str, rules: Rules, norm: str | None = None) -> str:
    """The text with every name the rules find in it written "Name": the second reading judges
    the words, never whose child it is (it was trained on text masked the same way). `norm` is
    the text already normalised, when the caller has it."""
    names = _names(text, norm if norm is not None else _Norm(text, rules).text, rules, None)
    if not names:
        return text
    # A bounded number (a paste of made-up capitalised words is not a class list), longest first.
    names = sorted(set(names), key=len, reverse=True)[:_MAX_MASKED]
    # A name the text writes with a capital is masked only so written: a child called Will or Hope
    # leaves "we will see" and "we hope" as they are. One written only in lower case ("tyler says")
    # is masked however it is written.
    capital = [n[:1].upper() + n[1:] for n in names]
    written = [c for c in capital if name_pattern(r"\b%s\b" % re.escape(c)).search(text)]
    lower = [n for n, c in zip(names, capital) if c not in written]
    if written:
        text = name_pattern(_any_of(written)).sub("Name", text)
    if lower:
        text = name_pattern(_any_of(lower), re.I).sub("Name", text)
    return text


def _any_of(words: list[str]) -> str:
    return r"\b(?:%s)\b" % "|".join(map(re.escape, words))


_MAX_MASKED = 64


def check_text(text: str, rules: Rules | None = None, *, region: str = "england",
               second_reading: bool = True, child: str | None = None) -> Result:
    """Check one absence reason, citing the law of `region` (england, wales, scotland or
    northern-ireland). Raises InvalidInput for empty text or an unknown region. With
    `second_reading` (readers.py), a verdict independent readers would give more strictly is
    raised, with a finding that says so; it is never lowered. `child`: the name of the child the
    absence is logged for, when known: another first name in the text is then someone else."""
    _require(text)
    rules = rules or load_rules()
    region = _region(region, rules)
    written, text = text, calm(text, rules)  # capitals that say nothing are read as lower case
    an = _Analysis(text, rules, child=child)
    an.find(an.named, an.illness, 0, an.distress, an.lawful)
    extra = []
    if not an.named and not an.own_hits and not an.in_as_usual:
        spans = _sentences(text)
        if any(_content_flags(rules, text, spans)):
            extra.append(_positive(rules, text, spans[0][0], spans[-1][1], an.crisis))
    verdict, findings, suggestion, hints, withheld = _conclude(an, an.illness, extra)
    if child and (span := said_in_school(text, an.norm.text, child, rules, an.in_as_usual)):
        findings, suggestion, hints = [*findings, _said_in(rules, text, *span)], None, [rules.rule_named("child_said_in").hint]
        verdict = max(verdict, "caution", key=_RANK.get)
    stricter = _second_reading(text, an, rules, verdict) if second_reading else None
    findings, verdict, suggestion = _read_again(stricter, rules, text, 0, len(text), findings, verdict, suggestion,
                                                bool(an.illness))
    findings, hints = _localise(rules, region, findings, hints)
    if bracketed := _in_brackets(text, 0, rules, findings, hints, child, region, an):
        (findings, hints), verdict, suggestion, withheld = bracketed, _verdict(bracketed[0]), None, True
    if suggestion and unsure_whose(text, an.norm.text, child, rules):
        suggestion, withheld = None, True  # the logged child never named, someone else is: whose illness is unclear
    elif suggestion and (named := as_named(suggestion, an.subject, an.norm.text, child, rules, an.illness)) != suggestion:
        suggestion, withheld = named, withheld or named is None  # a thing or someone unknown is never the child
    if suggestion and written is not text and an.illness and stranger_ill(written, child, rules):
        suggestion, withheld = None, True  # in capitals, someone we do not know by name is told of: it may be theirs
    # An avoid with no wording offered is always marked withheld: nothing is worded for the parent.
    withheld = withheld or (verdict == "avoid" and suggestion is None)
    hints = rules.settled_hints(hints, suggestion)
    findings = [f._replace(matched=written[f.start:f.end]) for f in findings]  # the parent's words, as written
    return Result(written, verdict, findings, suggestion, hints, withheld, region, _urgent(an, region))


def _in_brackets(text: str, offset: int, rules: Rules, findings: list, hints: list, child: str | None, region: str,
                 an: _Analysis) -> tuple[list, list] | None:
    """Findings and tips once the brackets after the FAQ's own sentence give another reason (brackets.in_brackets:
    "too unwell to attend school today (Mum has flu)"), or None when they give none. Their findings join those already
    made (`offset`: where `text` starts in the checked text); their tips replace the illness's, crisis help kept first."""
    found, told = in_brackets(text, rules, check_text, child, region, an)
    if not found:
        return None
    found = [f._replace(start=f.start + offset, end=f.end + offset) for f in found]
    found = [f for f in found if not any(g.rule == f.rule and g.start < f.end and f.start < g.end for g in findings)]
    evidence = (rules.hints["evidence"], rules.hints.get("evidence_appointment"))  # nothing is claimed as illness
    return findings + found, [h for h in hints if h == rules.hints["crisis"]] + [h for h in told if h not in evidence]


def _second_reading(text: str, an: _Analysis, rules: Rules, verdict: str) -> str | None:
    """The stricter verdict readers.py gives, or None where the rules' verdict stands."""
    # A short reason is the rules' alone: neither the model nor the names are read for it.
    if word_count(without_label(text)) < READ_FROM_WORDS:  # a letter's "Reason for absence:" is not the parent's
        return None
    # Never over a lawful or unavoidable reason or the child's own appointment (the rules know those), nor over talk of
    # dying or self-harm: the words matter less then than where to get help.
    if an.lawful or an.unavoidable or any(t.kind == "care" and not t.hedged for t in an.health) or an.crisis \
            or an.in_as_usual:  # someone else's illness or appointment, the child in as usual
        return None
    # Only someone else's question was found ("she asked whether Maya was 'just not wanting to come in'"):
    # the words alone cannot tell it from the parent's reason, so the rules' reading of it stands.
    if an.hits and all(h.reported for h in an.hits) and rules.others_question.search(an.norm.text):
        return None
    # A death or an emergency in the family named: the rules' reading stands ([health] bereavement,
    # family_emergency, which the analysis has read once already).
    if rules.bereavement.search(an.norm.text) or an.theirs:
        return None
    # The child kept up by someone else's bad night ([health] kept_up), or a rule the rules read alone
    # ([health] rules_read_alone: travel that broke down beyond the family's control) with no doubt or denial beside
    # it: the rules' reading stands.
    if an.kept_up or (any(h.rule.id in rules.rules_read_alone for h in an.hits)
                      and not any(h.rule.suggest == "withhold" for h in an.hits)):
        return None
    # The words alone, as the model reads them: "too-unwell-to-attend", or a zero-width space
    # between the words, is still the FAQ's wording.
    words = " ".join(re.findall(r"[^\W_]+", an.norm.text))
    if rules.late_arrival.search(words) or an.later:
        return None  # a late arrival the same day ("she'll be in after lunch"): lateness is the rules'
    faq = rules.faq_words.search(words)
    # A reason the rules pass with the child's illness stated plainly is the sickness defence in the
    # parent's words. Never read again when it names the illness or says it plainly ("he's got
    # conjunctivitis so he's home with me today", "he is unwell so will be absent"), uses the FAQ's
    # own words, or answers someone else's word with it ("the school calls it refusal, but she has a
    # fever"); a vaguer one ("a bit under the weather", "still not right") only a reading surer
    # still may ask more of.
    stated = verdict == "ok" and an.stated
    if stated and (faq or an.quoted_over_illness or any(_plainly_named(t, rules) for t in an.health)):
        return None
    # The child's and others' names masked, as the model was trained.
    masked = masked_names(text, rules, an.norm.text)
    stricter = stricter_reading(masked, verdict, illness=bool(an.illness),
                                stated=stated)
    if stricter == "avoid" and faq:
        return None  # the FAQ's own words were used: the rules' caution is the most it needs
    # A real illness of the child's named plainly (not only a cold or a sniffle), and nothing the rules
    # found but how it is put ([health] plain_caution_rules: "keeping him off"): unless the model is very
    # sure ([health] plain_caution_threshold), its avoid there is a false alarm ("he says
    # he's ill and honestly I believe him, he's burning up"; "Poppy's been vomiting since 3am. I
    # couldn't do the school run anyway"), so the rules' caution stands.
    if stricter == "avoid" and not minor(an) and any(t.kind == "specific" and _plainly_named(t, rules) for t in an.health) \
            and all(h.rule.id in rules.plain_caution_rules for h in an.own_hits) \
            and (reading(masked) or ("", 1.0))[1] < rules.plain_caution_threshold:
        return None
    return stricter


def _plainly_named(term, rules: Rules) -> bool:
    """A named illness, or the plain words for being ill ([health] plain_illness), not hedged."""
    return not term.hedged and (term.kind == "specific"
                                or (term.kind == "generic" and bool(rules.plain_illness.search(term.text.lower()))))


def check_document(text: str, rules: Rules | None = None, *, region: str = "england",
                   second_reading: bool = True, child: str | None = None) -> Document:
    """Check a whole draft (an email, a letter) sentence by sentence, citing the law of
    `region`; `second_reading` and `child` as in check_text, for each sentence long enough."""
    _require(text)
    rules = rules or load_rules()
    region = _region(region, rules)
    spans = _sentences(text)
    # Whose each phrase is is read in the whole draft: "He was sick all night" after "Her
    # brother has flu" is the brother's (round 7, clauses.py).
    whole = _Whole(text, rules, subject=Logged(child.strip()) if child and child.strip() else None)
    analyses = [_Analysis(text[a:b], rules, (whole, a), child=child) for a, b in spans]
    crisis = any(an.crisis for an in analyses)  # talk of dying in one sentence is the whole draft's (newcomer, 114)
    for an in analyses if crisis else ():
        an.crisis = True
    named = any(an.named for an in analyses)
    illness = any(an.illness for an in analyses)
    distress = any(an.distress for an in analyses)
    lawful = any(an.lawful for an in analyses)
    # Round 10b: a health word that needs more said ("her anxiety is bad too") is fine when another
    # sentence of the draft already states the illness or a cause plainly.
    framed = any(an.named and vague(an) is None for an in analyses)
    for (a, _), an in zip(spans, analyses):
        an.framed_elsewhere = framed
        an.find(named, illness, a, distress, lawful)
    # A sentence read with the one before it, as check_text reads a reason of two sentences: a decision that reading
    # explains away goes ("Ella had a bad night, up till 4. She's home with me today.": the newcomer on round 115). Only
    # the decision rules ([statements.generalised] pair_explained): a holiday, a refusal or a doubt always stands.
    explained = rules.generalised.get("pair_explained", ())
    for (start, _), (a, b), an in zip(spans, spans[1:], analyses[1:]):
        if any(h.finding.rule in explained for h in an.hits):
            pair = _Analysis(text[start:b], rules, (whole, start), child=child)
            pair.crisis, pair.framed_elsewhere = an.crisis, framed
            pair.find(named, illness, start, distress, lawful)
            read = [(p.finding.start, p.finding.end) for p in pair.hits]
            an.hits = [h for h in an.hits if h.finding.rule not in explained
                       or any(s < h.finding.end and h.finding.start < e for s, e in read)]

    extra: dict[int, list[Finding]] = {}
    if not named and not any(an.own_hits for an in analyses):
        content = [i for i, flag in enumerate(_content_flags(rules, text, spans)) if flag]
        cued = [i for i in content if rules.absence_cue.search(analyses[i].norm.text)]
        if content:
            target = (cued or content)[0]
            extra[target] = [_positive(rules, text, *spans[target], crisis)]

    withheld = any(_withholds(an, illness) for an in analyses)
    stated = any(an.stated for an in analyses)
    sentences = []
    for i, ((a, b), an) in enumerate(zip(spans, analyses)):
        verdict, findings, suggestion, hints, held = _conclude(an, illness, extra.get(i, []), withheld, stated)
        # The second reading, sentence by sentence, as check_text reads one reason: only a sentence
        # the rules found something in or that names the child's state (a letter's thanks, plans and
        # news are not reasons, whatever their words), never where the draft gives a lawful reason
        # or states the illness plainly elsewhere.
        about = an.own_hits or any(t.kind != "care" for t in an.health)
        read = second_reading and about and not lawful and not (verdict == "ok" and stated)
        stricter = _second_reading(text[a:b], an, rules, verdict) if read else None
        findings, verdict, suggestion = _read_again(stricter, rules, text, a, b, findings, verdict, suggestion, illness)
        findings, hints = _localise(rules, region, findings, rules.settled_hints(hints, suggestion))
        if bracketed := _in_brackets(text[a:b], a, rules, findings, hints, child, region, an):  # in a draft too (round 184)
            (findings, hints), verdict, suggestion, held = bracketed, _verdict(bracketed[0]), None, True
        held = held or (verdict == "avoid" and suggestion is None)
        sentences.append(Sentence(a, b, text[a:b], verdict, findings, suggestion, hints, held, region,
                                  _urgent(an, region)))
    return Document(text, _verdict(f for s in sentences for f in s.findings), sentences, region)


# An answer that makes the feeling small ("he's just upset", "just tired"): it does not say what is wrong.
_JUST = re.compile(r"\bjust (?:a bit |a little |really )?(?:upset|tired|sad|fed up|grumpy|moody|cross|angry|bored|"
                   r"lazy|stroppy|not (?:in the mood|bothered|keen|feeling it)|does not want|did not want|will not)\b", re.I)
