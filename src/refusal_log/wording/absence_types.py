"""Which kind of absence a reason describes (add-absence --type, when not given).

The kinds and their words are data (rules.toml [types]); this module only reads them. The
first kind in `order` whose pattern matches the reason wins, so long as the hit is not
negated ("not excluded"), not explained away by the kind's `unless` ("the 48 hour
exclusion" is illness advice), and about the child (`not_own`: a twin's appointment or a
sister's exclusion is theirs, not the child's). Then "illness", only when the reason names
the child's own illness or distress as the wording check reads it and does not deny or
doubt it; anything else is "other". Nothing here guesses an illness: "other" is the answer
whenever the parent's words do not say what happened.
"""

from __future__ import annotations

import re

# In school after the appointment ("Ear infection, GP at 11, he'll be in after"): the appointment is the absence.
_IN_AFTER = re.compile(r"(?<!not )\b(?:will be in|be in|be back|back in|bring (?:him|her|them) in|drop (?:him|her|them) (?:in|off)|"
                       r"in for) (?:later|after|afterwards|this afternoon|for the afternoon|after lunch|after dinner|"
                       r"by [0-9]|at [0-9]|for [0-9])")
# The text since the last clause break before a phrase: whose it is is read there.
_CLAUSE_BREAK = re.compile(r"[.,;:!?\n]| (?:and|but|so|because|as|while) ")
TYPES = ("illness", "appointment", "leave", "religious", "part-time", "transport", "exclusion", "other")


def _compiled(rules):
    if rules.compiled_types is None:
        from refusal_log.wording.engine import _compile, _expand

        data, macros = rules.types_data, rules.macros
        kinds = []
        for name in data["order"]:
            raw = data[name]
            unless = [re.compile(_expand(u, macros)) for u in raw.get("unless", ())]
            after = [re.compile(_expand(u, macros)) for u in raw.get("unless_after", ())]
            kinds.append((name, _compile(raw["patterns"], macros), unless, after, tuple(raw["source"])))
        unwell = _compile(data.get("unwell_first", []), macros) if data.get("unwell_first") else None
        rules.compiled_types = (kinds, re.compile(_expand(data["not_own"], macros)), unwell,
                                re.compile(_expand(data["crisis_not_own"], macros)),
                                re.compile(_expand(data.get("fever_reading", "(?!)"), macros)))
    return rules.compiled_types


def infer_absence_type(text: str, rules=None, child: str | None = None) -> str:
    """One of illness, appointment, leave, religious, part-time, transport, exclusion or
    other, from the parent's own words; `child` as in check_text (the child it is logged for)."""
    from refusal_log.wording.folding import calm
    from refusal_log.wording.generalised import leave_granted
    from refusal_log.wording.clauses import SOMEONE_ELSE
    from refusal_log.wording.engine import _Analysis, _negator, _withholds, load_rules, names_no_illness
    from refusal_log.wording.brackets import in_brackets
    from refusal_log.wording.verdict import check_text

    if not isinstance(text, str) or not text.strip():
        return "other"
    rules = rules or load_rules()
    kinds, not_own, unwell, _, fever = _compiled(rules)
    an = _Analysis(calm(text, rules), rules, child=child)  # as check_text reads capitals (folding.calm)
    n = an.norm.text
    for name, regex, unless, after, _ in kinds:
        for m in regex.finditer(n):
            a, b = m.span()
            before = n[max(0, a - 80):a]
            if _negator(n, a, rules) is not None or any(u.search(n[max(0, a - 80):b]) for u in unless):
                continue
            if any(u.match(n[b:b + 80]) for u in after):
                continue
            # Only the text since the last clause break: "his sister is ill so he has a
            # dentist appointment" is still the child's appointment.
            clause = _CLAUSE_BREAK.split(before)[-1]
            if not_own.search(clause):
                continue
            # Round 7: whose it is, clause by clause ("my own hospital appointment", "an
            # appointment for his little brother": not the child's).
            # (Leave staff granted in a clause of its own is the child's, as the check reads it: generalised.leave_granted.)
            whose = an._whose(a, b, after=name == "appointment", care=name == "appointment")
            if whose in SOMEONE_ELSE and not (name == "leave" and whose == "relative" and leave_granted(n, a, b, rules)):
                continue
            if name == "appointment" and unwell is not None and unwell.search(n) and not _IN_AFTER.search(n) \
                    and _own_illness(text, rules, child):
                return "illness"  # unwell, and seen by the GP too: still an illness absence (unless back in after it)
            if name == "appointment" and not _IN_AFTER.search(n) and _child_in_crisis(an):
                return "illness"  # a child in crisis referred to CAMHS: the crisis is the absence (the attacker on 116)
            return name
    an.find(an.named, an.illness, 0, an.distress, an.lawful)
    # Distress alone ("in a state", "shaking") is not typed as illness: the check itself says no illness is named, and
    # an email asking for code I would say more than the parent did (the newcomer on round 139). `--type illness`
    # says it when the parent means it.
    if an.illness and not names_no_illness(an) and not _withholds(an, an.illness) \
            and not in_brackets(text, rules, check_text, child=child)[0]:  # "too unwell to attend school (Mum has flu)"
        return "illness"
    if _child_in_crisis(an):
        return "illness"  # talk of dying or self-harm is mental ill-health, the child's (the newcomer on round 115)
    # A fever told as its reading alone ("Temp 38,9", "She's 38.6 again"): a measured sign, named though never worded for
    # the parent, and the child's illness (the newcomer on round 144 saw it typed other, and the email ask for no code I).
    if not (an.others or an.parents) and any(t.kind == "care" and not t.hedged and fever.search(t.text)
                                             and an._whose(t.start, t.end) not in SOMEONE_ELSE for t in an.health) \
            and not _withholds(an, True):
        return "illness"
    # The child in hospital, or taken to A&E ("Sam has been admitted to hospital"): an illness absence, not "other" (the
    # newcomer on round 101). Someone else's hospital stay is not the child's.
    if not (an.others or an.parents) and any(
            t.kind == "care" and not t.hedged and rules.emergency_place.rx.fullmatch(n, t.start, t.end)
            and an._whose(t.start, t.end) not in SOMEONE_ELSE for t in an.health) and not _withholds(an, True) \
            and not _others_finding(text, rules, child):  # "at A&E all night with my mum": hers (the newcomer on 191)
        return "illness"
    return "other"


def _others_finding(text: str, rules, child: str | None) -> bool:
    """The check reads someone else's illness or emergency in the reason ([reasons] bracket_others: a relative's, the
    parent's): a hospital named beside it is theirs, not the child's."""
    from refusal_log.wording.verdict import check_text

    others = set(rules.bracket_others)
    return any(f.rule in others for f in check_text(text, rules, child=child, second_reading=False).findings)


def illness_ruled_out(text: str, rules=None, child: str | None = None) -> bool:
    """The reason's own words rule out the child's illness: they deny or doubt it, or name only someone else's illness or
    the parent's, or a lawful or unavoidable reason and no illness of the child's ("the minibus driver rang in sick").
    An absence typed as illness with such a reason is not counted or written as illness (attendance.counted_type)."""
    from refusal_log.wording.engine import _Analysis, _withholds, load_rules
    from refusal_log.wording.brackets import in_brackets
    from refusal_log.wording.verdict import check_text
    from refusal_log.wording.whose import unsure_whose

    if not isinstance(text, str) or not text.strip():
        return False
    rules = rules or load_rules()
    an = _Analysis(text, rules, child=child)
    if child and unsure_whose(text, an.norm.text, child, rules):
        return True  # whose it is, is unclear: "Owen is too unwell to attend", logged for Cerys (the newcomer on 103)
    if in_brackets(text, rules, check_text, child=child)[0]:
        return True  # the FAQ's words with another reason in brackets: "too unwell to attend school (Mum has flu)"
    an.find(an.named, an.illness, 0, an.distress, an.lawful)
    if an.illness or an.distress:
        return _withholds(an, an.illness)
    if _child_in_crisis(an):
        return False
    return _withholds(an, False) or bool(an.others or an.parents or an.lawful or an.unavoidable)


def _child_in_crisis(an) -> bool:
    """The child has talked of wanting to die or of harming themselves ([health] crisis), and the words are not about
    someone else: a mental health crisis, which the law counts as sickness."""
    from refusal_log.wording.clauses import SOMEONE_ELSE

    if not an.crisis:
        return False
    n = an.norm.text
    m = an.rules.crisis.search(n)
    if m is None or an._whose(m.start(), m.end()) in SOMEONE_ELSE:
        return False
    return not _compiled(an.rules)[3].search(_CLAUSE_BREAK.split(n[:m.start()])[-1])


def _own_illness(text: str, rules, child: str | None = None) -> bool:
    """The child's own illness is named, and not denied or doubted."""
    from refusal_log.wording.engine import _Analysis, _withholds

    an = _Analysis(text, rules, child=child)
    an.find(an.named, an.illness, 0, an.distress, an.lawful)
    return bool(an.illness) and not _withholds(an, an.illness)


def absence_type_source(kind: str, region: str = "england", rules=None) -> str:
    """The law or code a kind of absence rests on, in the child's nation ("" where that
    nation's is not verified: say what happened instead)."""
    from refusal_log.wording.engine import load_rules

    rules = rules or load_rules()
    kinds = _compiled(rules)[0]
    for name, _, _, _, source in kinds:
        if name == kind:
            return rules.source(source, region)
    return ""
