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
        rules.compiled_types = (kinds, re.compile(_expand(data["not_own"], macros)), unwell)
    return rules.compiled_types


def infer_absence_type(text: str, rules=None, child: str | None = None) -> str:
    """One of illness, appointment, leave, religious, part-time, transport, exclusion or
    other, from the parent's own words; `child` as in check_text (the child it is logged for)."""
    from refusal_log.wording.analysis import leave_granted
    from refusal_log.wording.clauses import SOMEONE_ELSE
    from refusal_log.wording.engine import _Analysis, _negator, _withholds, load_rules

    if not isinstance(text, str) or not text.strip():
        return "other"
    rules = rules or load_rules()
    kinds, not_own, unwell = _compiled(rules)
    an = _Analysis(text, rules, child=child)
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
            clause = re.split(r"[.,;:!?\n]| (?:and|but|so|because|as|while) ", before)[-1]
            if not_own.search(clause):
                continue
            # Round 7: whose it is, clause by clause ("my own hospital appointment", "an
            # appointment for his little brother": not the child's).
            # (Leave staff granted in a clause of its own is the child's, as the check reads it: analysis.leave_granted.)
            whose = an._whose(a, b, after=name == "appointment", care=name == "appointment")
            if whose in SOMEONE_ELSE and not (name == "leave" and whose == "relative" and leave_granted(n, a, b, rules)):
                continue
            if name == "appointment" and unwell is not None and unwell.search(n) and _own_illness(text, rules, child):
                return "illness"  # unwell, and seen by the GP too: still an illness absence
            return name
    an.find(an.named, an.illness, 0, an.distress, an.lawful)
    if (an.illness or an.distress) and not _withholds(an, an.illness):
        return "illness"
    return "other"


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
