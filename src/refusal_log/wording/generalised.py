"""Round 8: ideas the phrase rules kept missing, as small mechanisms over rules.toml words.

Each reads its words from [statements.generalised] in rules.toml (patterns may use macros),
compiles them on first use and answers one question about an analysed text:

- consequence: the parent states the FAQ's own words for the child ("too unwell to attend",
  "too poorly for school") or an illness with a measured symptom ("a temperature of 38.9",
  "sick three times"): a following "keeping her home" or "she'll stay home" is then the
  consequence of the illness, not a decision (independent writers label these ok). Round 9b:
  "staying in bed" (not "staying home", not the FAQ's "kept off") is also the consequence of
  a plainly described serious symptom ("a high temperature", [statements.generalised] described).
- minor: every illness the parent names is a minor one on its own (a cold, a sniffle, hay
  fever): a school may not see it as preventing attendance, so it is a caution.
- second_reason (round 9b): beside the child's stated illness, the parent ALSO gives a reason of
  their own ("Also my health isn't great so I can't do the school run anyway"): a second,
  non-lawful reason the school may weigh, so a caution rather than nothing to say.
- not_today: an appointment with no time today ("sometime this week, not sure when") is not
  yet the reason for today's absence.
- leave_granted: leave staff granted, in a clause of its own, is the child's.
- told_as_history: a health word told as history, not today's.

Nothing here prints, and nothing heavy is imported.
"""

from __future__ import annotations

import re

from refusal_log.wording.loading import _expand, compile_pattern


_LEAVE_WORD, _CLAUSE_OPENS = re.compile(r"\b(?:leave|holiday|form|request)\b"), re.compile(r"[,.;:-] (?:and |so |but )?(?:the )?$")
_LEAVE_NAMED = re.compile(r"\b(?:leave|holiday|form|request|absence)(?: (?:that|which))? $")


def leave_granted(n: str, a: int, b: int, rules) -> bool:
    """Leave staff granted (n[a:b]) in a clause of its own: the child's even after a relative's clause ("for my cousin's
    wedding, the head signed the leave form"). Read by analysis.py and absence_types.py, so the check and the type agree."""
    named = _LEAVE_NAMED.search(n, max(0, a - 30), a)  # "..., the leave the head approved": its word just before
    if named:
        a = named.start()
    return bool((named or _LEAVE_WORD.search(n[a:b])) and _CLAUSE_OPENS.search(n, max(0, a - 8), a)
                and rules.leave_granter.search(n, max(0, a - 20), b + 40))


def told_as_history(an, term) -> bool:
    """A health word told as history ("last year she had glandular fever"): not today's illness, nor a suggestion's;
    unless its sentence says it is so now ("she's still got the cough from last month", "it's back again now")."""
    if not an.background(term.start, term.end, apart=False):
        return False
    n = an.norm.text
    lo = max(n.rfind(c, 0, term.start) for c in ".!?\n") + 1
    hi = min([k for k in (n.find(c, term.end) for c in ".!?\n") if k >= 0] or [len(n)])
    return not _rx(an.rules, "history_now").search(n, lo, hi)


def _rx(rules, key: str) -> re.Pattern:
    """The [statements.generalised] pattern `key`, compiled once ("(?!)" when absent)."""
    cache = rules.__dict__.setdefault("_generalised", {})
    if key not in cache:
        raw = rules.generalised.get(key)
        raw = "|".join(f"(?:{p})" for p in raw) if isinstance(raw, list) else raw
        cache[key] = compile_pattern(_expand(raw, rules.macros) if raw else "(?!)")
    return cache[key]


def consequence(an, rule_id: str | None = None, hit: str = "", at: int | None = None) -> bool:
    """The child's illness stated in the FAQ's words or with a measured symptom. Round 9b: for
    the rules in `described_rules`, when the hit is "staying in bed" (`described_hit`), a plainly
    described serious symptom ("a high temperature") is enough too. Round 10b: for the rules in
    `fever_before_rules`, an illness named with a fever BEFORE the hit (which starts at `at`)."""
    cache = an.__dict__.setdefault("_consequence", {})
    if "consequence" not in cache:
        cache["consequence"] = _stated(an, "consequence")
    if not cache["consequence"] and at is not None and rule_id in an.rules.generalised.get("fever_before_rules", ()):
        if "fever" not in cache:
            cache["fever"] = _stated(an, "fever_before", end=True)
        if cache["fever"] is not False and cache["fever"] <= at:
            return True
    if cache["consequence"] or rule_id not in an.rules.generalised.get("described_rules", ()) \
            or not _rx(an.rules, "described_hit").match(hit):
        return cache["consequence"]  # "staying home" beside a high temperature is still a caution
    if "described" not in cache:
        cache["described"] = _stated(an, "described")
    return cache["described"]


def _stated(an, key: str, end: bool = False):
    """A [statements.generalised] `key` pattern found for the child, not hedged (with `end`:
    where the first such match ends, or False)."""
    n = an.norm.text
    theirs = an.parents + an.others
    for m in _rx(an.rules, key).finditer(n):
        if any(a < m.end() and m.start() < b for a, b in theirs):
            continue
        if an.rules.hedge.search(an.rules.clause_start.split(n[max(0, m.start() - 80):m.start()])[-1]) \
                and not _rx(an.rules, "measured").match(n, m.start()):
            continue  # "she says she's too ill to go": her word, not the parent's (a reading is a reading)
        return m.end() if end else True
    return False


def consequence_rule(rules, rule_id: str) -> bool:
    return rule_id in rules.generalised.get("consequence_rules", ())


def minor(an):
    """The first illness named when every one is minor and nothing else is named (no care,
    no cause); else None."""
    ill = [t for t in an.health if t.kind in ("generic", "specific")]
    if not ill or an.unavoidable or any(t.kind in ("care", "episode") for t in an.health):
        return None
    n = an.norm.text
    # A cheap look first: most illnesses named are not minor, and then nothing is compiled.
    hints = an.rules.generalised.get("minor_hints", ())
    if hints and not all(any(h in n[max(0, t.start - 14):t.end] for h in hints) for t in ill):
        return None
    rx, mild, before = _rx(an.rules, "minor"), _rx(an.rules, "minor_mild"), _rx(an.rules, "minor_before")
    slight = lambda t: rx.fullmatch(n[t.start:t.end]) or (  # noqa: E731 - "a bit of a cough"
        mild.fullmatch(n[t.start:t.end]) and before.search(n, max(0, t.start - 14), t.start))
    # "Too unwell to attend (a bad cold)" is the parent's own statement of the defence.
    return ill[0] if all(slight(t) for t in ill) and not consequence(an) else None


def minor_rule(rules):
    """The rule a minor illness alone is reported under ([statements.generalised] minor_rule)."""
    return rules.rule_named(rules.generalised.get("minor_rule"))


def not_today(rules, norm: str, end: int) -> bool:
    """An appointment whose time is not today's: the text just after it says so."""
    return _rx(rules, "not_today").match(norm, end) is not None


# "Well again", "home again" after being brought back: a return, not the absence told as happening again (the newcomer
# on a68436e: "She's well again but I kept her home anyway" was drafted "too unwell to attend school again").
_RETURNED = re.compile(r"\b(?:well|better|fine|ok|okay|normal|right|herself|himself|themselves|round|(?:came|come|coming|went|"
                       r"gone|brought (?:her|him|them)|took (?:her|him|them)|is|s|was) (?:back )?home) $")


# "Up at 2am and again at 4am", "sick at midnight and again in the night": a time the illness came back (the newcomer on
# round 151: it was drafted "too unwell to attend school again").
_AGAIN_AT = re.compile(r" (?:at (?:[0-9]|midnight|night|about [0-9]|around [0-9])|in the night|overnight|during the night|an hour later|"
                       r"half an hour later|(?:about |around )?[0-9]+ ?(?:am|pm|o clock))")


def returned(norm: str, at: int) -> bool:
    """The "again" at `at` follows a return ("well again", "is home again") or tells a time, not a repeated absence."""
    return _RETURNED.search(norm, max(0, at - 30), at) is not None or _AGAIN_AT.match(norm, at + 5) is not None


def ongoing(an):
    """The first health word when the text tells how things are lately and says no absence
    at all; else None. Not when today's illness is stated in the FAQ's words or measured ("sick 4 times since 3am. I
    know she's been struggling lately but this is different": blind1557)."""
    n = an.norm.text
    named = [t for t in an.health if t.kind in ("generic", "specific", "distress")]
    if not named or an.unavoidable or not _rx(an.rules, "ongoing").search(n):
        return None  # the rarer pattern first: most texts stop here
    return None if _rx(an.rules, "absence_said").search(n) or consequence(an) else named[0]


def ongoing_rule(rules):
    """The rule that is reported under ([statements.generalised] ongoing_rule)."""
    return rules.rule_named(rules.generalised.get("ongoing_rule"))


def second_reason(an, rule_id: str, a: int, b: int) -> bool:
    """A hit of `second_reason_rules`, softened away by the child's illness, that the parent
    gives as a reason of its own as well ("also", "anyway", "on top of that")."""
    if rule_id not in an.rules.generalised.get("second_reason_rules", ()):
        return False
    n = an.norm.text
    ill = [t.start for t in an.health if t.kind in ("generic", "specific")]
    for m in _rx(an.rules, "second_reason").finditer(n, max(0, a - 60), min(len(n), b + 40)):
        lo, hi = min(m.start(), a), max(m.end(), b)
        # "Snowed in and she has a temperature anyway": the cue is the illness's, not theirs.
        if not any(lo <= t < hi for t in ill):
            return True
    return False


def mental_only(an):
    """Round 10b: the first health word when every health word the parent states plainly is a
    mental-health or distress word ("her anxiety was really bad this morning", "very low, seeing
    the school counsellor") and nothing frames it as illness that stops attendance (the FAQ's
    words, "signed off", a clinician's advice or diagnosis, not fit or able to attend: the
    `mental_framed` words); else None. Independent writers read these as needing more said."""
    plain = [t for t in an.health if not t.hedged and t.kind != "condition"]
    if not an.named or an.unavoidable or an.lawful or not plain:
        return None
    n = an.norm.text
    # A cheap look first: most texts name no mental-health word, and then nothing is compiled.
    hints = an.rules.generalised.get("mental_hints", ())
    if not any(h in n[t.start:t.end] for t in plain for h in hints):
        return None
    rx, signs = _rx(an.rules, "mental"), _rx(an.rules, "mental_signs")
    said = [t for t in plain if t.kind != "care"]
    # The body's signs of a panic or a meltdown ("shaking", "couldn't catch her breath") are the
    # episode's, not an illness of their own, when a mental-health word is named beside them.
    mind = [t for t in said if rx.fullmatch(n[t.start:t.end])]
    # Round 112: beside "in a right state" alone, a night without sleep is a sign too ("hasn't slept and is in a
    # right state, crying and shaking": the writers' caution, eleven times).
    words = {t: n[t.start:t.end] for t in said}
    unframed = _rx(an.rules, "mental_unframed")
    night = (any(unframed.fullmatch(words[t]) for t in mind)
             and all(unframed.fullmatch(words[t]) or signs.fullmatch(words[t]) for t in mind))
    lost_night = _rx(an.rules, "unframed_signs") if night else None
    if not mind or not all(t in mind or signs.fullmatch(words[t]) or (lost_night and lost_night.fullmatch(words[t]))
                           for t in said):
        return None
    if consequence(an) or _rx(an.rules, "mental_framed").search(n):
        return None
    return mind[0]


def care_unclear(an):
    """Round 10b: the care word when it is the only health word and only a place, with no
    appointment, procedure or illness ("Not in today, hospital."; "at the hospital with me
    today": whose visit, and what for?); else None."""
    care = [t for t in an.health if t.kind == "care"]
    if len(care) != len(an.health) or not care or an.unavoidable or an.lawful:
        return None
    vague = [m.span() for m in _rx(an.rules, "care_vague").finditer(an.norm.text)]
    inside = [t for t in care if any(a <= t.start and t.end <= b for a, b in vague)]
    # Round 13: another care word says what the visit is ("at the hospital with me this morning for
    # her orthopaedic clinic appointment"), so the place is no longer all that was said.
    return inside[0] if inside and len(inside) == len(care) else None


def vague(an):
    """(health word, rule) for a statement about health that needs more said (round 10b:
    mental-health words alone, a care word that is only a place); else None."""
    g = an.rules.generalised
    if getattr(an, "framed_elsewhere", False):
        return None  # check_document: another sentence of the draft states it plainly
    for find, key in ((mental_only, "mental_rules"), (care_unclear, "care_vague_rules")):
        if g.get(key):
            term = find(an)
            if term:
                return term, an.rules.rule_named(g[key][0])
    return None


def generic_denied(an, rule_id: str, soft: list) -> list:
    """What softens `rule_id` when it is one of [reasons] denial_over_generic: the illness denied is not softened by
    the generic words it denies ("Sam is too unwell to attend school today. He is not ill.", the attack on round 177),
    only by an illness or symptom named, an appointment, or a lawful or unavoidable reason."""
    if rule_id not in an.rules.denial_over_generic or not soft:
        return soft
    plain = an.rules.plain_illness  # "ill", "sick", "unwell": the words a denial denies ("off colour" is more than those)
    if an.unavoidable or an.lawful or any(not t.hedged and (t.kind in ("specific", "care", "condition") or (
            t.kind == "generic" and not plain.search(t.text.lower()))) for t in an.health):
        return soft
    return [k for k in soft if k not in ("named", "illness")]
