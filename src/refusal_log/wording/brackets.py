"""The FAQ's own sentence with a reason after it: "Sam is too unwell to attend school today (Mum has flu)".

The words in the brackets (or after a dash, a colon or "because", and after the FAQ's sentence in other words: [reasons]
faq_bracket) are the reason the parent gives, so they are read alone, and as the gate reads its answer to "what is
wrong?" (answer_words.py). What they say that is not the child's illness, or that doubts or denies it, is a finding of
its own: verdict.check_text then words nothing, and absence_types.py neither types nor counts the absence as illness.
`check` is verdict.check_text, passed in so that neither module imports the other.
"""

from __future__ import annotations

import re

from refusal_log.wording.analysis import Finding
from refusal_log.wording.answer_words import HEDGED, NO_ILLNESS, SOMEONE_ELSES, UNSURE, plain_answer
from refusal_log.wording.clauses import ALSO, CHILDS  # ALSO: "(Mum has it too)", the child's as well


# Someone named by kin after a dash or "because" ("because Mum has flu"); not "her ME/CFS", whose "me" is no one.
_KIN = re.compile(r"\b(?:mum|mam|mom|dad|father|mother|sister|brother|sibling|twin|nan|nana|gran|grandma|grandad|baby|cousin|"
                  r"partner|husband|wife|aunt|auntie|uncle|i am|i m|i have|i ve|myself)\b")
# The doctor's or another clinician's word in the brackets ("(GP says viral)") is no hedge of the parent's.
_CARE = re.compile(r"\b(?:gp|doctor|doc|dr|nurse|111|hospital|consultant|camhs|paediatrician|pharmacist|dentist)\b")
_ME = re.compile(r"\bME\b")  # "(ME/CFS)": an illness, never the writer's "me"
_FILLER = frozenset(("a", "an", "the", "and", "with", "of", "bad", "very", "really", "his", "her", "their", "some"))


def in_brackets(text: str, rules, check, child: str | None = None, region: str = "england",
                an=None) -> tuple[list, list[str]]:
    """What the brackets after the FAQ's own sentence say, read alone, that is not the child's illness or doubts it
    ([reasons] faq_bracket: "too unwell to attend school today (Mum has flu)"): findings with offsets into `text` and
    sources in `region`'s law, and the tips the brackets' reading gives. The brackets hold no brackets, so this reads
    them once. `an`, the whole text's analysis, saves the second reading of brackets that only name its illness."""
    found, told = [], []
    for m in rules.faq_bracket.finditer(text):
        at = next(k for k in range(1, (m.lastindex or 1) + 1) if m.group(k) is not None)
        words, start = _ME.sub("XX", m.group(at)), m.start(at)
        if an is not None and _named_only(words, an):
            continue  # "(anxiety)", "(a migraine)": only the child's illness, as the whole text already read it
        inside = check(words, rules, region=region, second_reading=False, child=child)
        also = ALSO.search(words)
        for f in inside.findings:
            rule = rules.rule_named(f.rule) if f.rule != rules.positive[0] else None
            doubt = rule and rule.id in rules.bracket_doubts and not _CARE.search(words.lower())  # not "(GP says viral)"
            theirs = rule and rule.id in rules.bracket_others and (also or at != 1 and not _KIN.search(words.lower()))
            if rule and (f.severity == "avoid" or rule.suggest != "health" or doubt) and not theirs \
                    and all(f.rule != g.rule for g in found):
                found.append(f._replace(start=f.start + start, end=f.end + start))
                told += [h for h in inside.hints if h not in told]
        # Brackets (not a clause after a dash or "because") are read too as the gate reads its answer.
        said = _as_answer(words, rules, found, also) if at == 1 else None
        if said and all(said.id != g.rule for g in found):
            found.append(Finding(said.id, said.severity, words, rules.render(said.why, region), rules.source(said.source, region),
                                 start, start + len(words)))
            hint = said.hint and rules.render(said.hint, region)
            if hint and hint not in told:
                told.append(hint)
    return found, told


def _as_answer(words: str, rules, found: list, also) -> object | None:
    """The rule for what the brackets say read as an answer to "what is wrong?" ("(he's fine)", "(not really)", "(sort
    of)", "(Mum - flu)"), or None: a denial, a hedge (not a clinician's word), or someone else's illness."""
    plain = plain_answer(words)
    if len(plain.split()) > 8:
        return None  # a sentence, not an answer: read above as a reason
    if NO_ILLNESS.match(plain) or UNSURE.match(plain):
        return next(r for r in rules.rules if r.id == "illness_denied" and r.severity == "avoid")
    if HEDGED.search(plain) and not _CARE.search(plain):
        return rules.rule_named(rules.hedged_rule.id)
    if SOMEONE_ELSES.search(plain) and not also and not any(g.rule in rules.bracket_others for g in found):
        return rules.others_rule
    return None


def _named_only(words: str, an) -> bool:
    """The brackets hold nothing but health words the whole text's reading gave the child: reading them alone would say
    nothing more, and costs a second check (startup_bench's "(anxiety)")."""
    named = {w for t in an.health if t.kind in ("generic", "specific") and an._whose(t.start, t.end) in CHILDS
             for w in re.findall(r"[a-z]+", t.text.lower())}
    said = set(re.findall(r"[a-z]+", words.lower())) - _FILLER
    return bool(said) and said <= named
