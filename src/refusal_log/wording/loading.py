"""Loading the wording rules: rules.toml read, checked against its layout, and turned into
the engine's data. Patterns are compiled lazily (see _Rule); nothing here analyses text."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from itertools import repeat

from refusal_log.wording.folding import FirstNames
from refusal_log.wording.index import TriggerIndex

RULES_PATH = os.path.join(os.path.dirname(__file__), "rules.toml")
# What may soften a rule (its `softened_by`): see rules.toml's header.
_SOFTENERS = frozenset(("named", "illness", "distress", "lawful", "later"))


@lru_cache(maxsize=16384)  # kept for every Rules loaded (an edited file, a test's copy): re's own cache holds 512
def compile_pattern(pattern: str) -> re.Pattern:
    """A rules.toml pattern compiled on first use (start-up stays fast), so a broken one someone typed into the file is
    found here: named as a RulesFileError, never a traceback."""
    try:
        return re.compile(pattern)
    except re.error as mistake:
        from refusal_log.errors import RulesFileError

        raise RulesFileError(f"A pattern in the wording rules file has a mistake, so the check cannot run: {mistake} (in "
                             f"{pattern[:80]!r}). If you edited rules.toml, put that right; nothing in your log has changed.") from None

class _Terms(dict):
    """A nation's words; a placeholder that is not one of them ({cause}) is left as it is."""

    def __missing__(self, key):
        return "{" + key + "}"


class _Lazy:
    """One pattern, compiled on first use and only for a text that holds one of its literal
    triggers (none given: always). finditer/fullmatch answer as a compiled pattern would
    (nothing where no trigger is present); any other method (search, match, split...) is the
    compiled pattern's own: most checks need only a few of the engine's patterns."""

    def __init__(self, pattern: str, triggers=()):
        self._pattern, self.triggers = pattern, tuple(triggers)

    def present(self, text: str) -> bool:
        return not self.triggers or any(t in text for t in self.triggers)

    @property
    def rx(self) -> re.Pattern:
        if isinstance(self._pattern, str):
            self._pattern = compile_pattern(self._pattern)
        return self._pattern

    def finditer(self, text: str, *args):
        return self.rx.finditer(text, *args) if self.present(text) else iter(())

    def fullmatch(self, text: str):
        return self.rx.fullmatch(text) if self.present(text) else None

    def __getattr__(self, name: str):
        value = getattr(self.rx, name)
        setattr(self, name, value)  # later look-ups find the compiled pattern's method directly
        return value


class _LazyGroup:
    """Several lazy patterns read as one: matches in text order."""

    __slots__ = ("parts", "index")

    def __init__(self, parts):
        self.parts = list(parts)
        self.index = TriggerIndex(self.parts)  # a batch of checks tests a few triggers per text, not all

    def finditer(self, text: str):
        live = self.index.live(text)
        return iter(sorted((m for i, part in enumerate(self.parts) if i in live for m in part.rx.finditer(text)),
                           key=lambda m: m.span()))


class _Rule:
    """One [[rules]] entry. Its patterns are compiled on first use, and only for a text that
    holds one of its literal triggers (see triggers.py): compiling is most of what a check
    would otherwise cost at start-up."""

    __slots__ = ("id", "severity", "with_illness", "with_denial", "softened_by", "suggest", "cause", "hint", "overrides",
                 "why", "source", "triggers", "_sources", "_compiled")

    def present(self, norm: str) -> bool:
        """Whether the rule can match `norm` at all: one of its triggers is in it."""
        return not self.triggers or any(t in norm for t in self.triggers)

    def _get(self, i: int):
        pattern = self._compiled[i]
        if isinstance(pattern, str):  # an unless list (unless.Unless) compiles its patterns one by one
            pattern = self._compiled[i] = pattern.compiled() if hasattr(pattern, "compiled") else compile_pattern(pattern)
        return pattern

    @property
    def regex(self) -> re.Pattern:
        return self._get(0)

    @property
    def unless(self) -> re.Pattern | None:
        return self._get(1) if self._compiled[1] is not None else None

    @property
    def unless_after(self) -> re.Pattern | None:
        return self._get(2) if self._compiled[2] is not None else None


class Rules:
    """The compiled contents of a rules file."""

    def __init__(self, data: dict):
        from refusal_log.wording.statements import extend_sections
        from refusal_log.wording.triggers import Sought  # (these build on _Lazy: imported here, not at the top)
        from refusal_log.wording.unless import Unless

        data = extend_sections(data)  # the [statements] block's words and lexicon additions
        self._disclaimer = data["disclaimer"]
        # Per nation: the sources each key names there, and the words explanations use.
        self.nations = {name: (n["sources"], _Terms(n["terms"])) for name, n in data["nations"].items()}
        self.regions = tuple(self.nations)
        self.hints = data["hints"]
        macros = data.get("macros", {})
        self.macros = macros
        self.types_data, self.compiled_types = data["types"], None  # compiled by absence_types.py on first use
        # What kind of statement a clause is: frames read by statements.py on first use.
        self.statements_data = (data.get("statements", {}).get("frames", []),
                                data.get("triggers", {}).get("statements", {}).get("frames"))
        self.statement_frames = None
        self.frame_index = None  # statements.py builds it with the frames
        # Round 8's mechanisms (generalised.py): their words, compiled on first use.
        self.generalised = data.get("statements", {}).get("generalised", {})
        # Whose each clause is (clauses.py): compiled on first use, like the types.
        self.reasons_data = data.get("reasons", {})
        self.compiled_reasons = None
        cues = self.reasons_data.get("cues")
        self.reasons_cues = frozenset(cues) if cues is not None else None

        _check_schema(data)
        self.rules, shared = [], {}  # shared: each unless pattern compiled once, for every rule that lists it
        for raw in data["rules"]:
            _check_rule(raw)
            rule = _Rule()
            rule.id, rule.severity, rule.why = raw["id"], raw["severity"], raw["why"]
            rule.with_illness = raw.get("with_illness")
            rule.with_denial = raw.get("with_denial")
            soft = raw.get("softened_by", "named")
            rule.softened_by = frozenset([soft] if isinstance(soft, str) else soft)
            rule.suggest = raw.get("suggest", "health")
            rule.cause = raw.get("cause")
            rule.hint = raw.get("hint")
            rule.overrides = set(raw.get("overrides", ()))
            rule.source = self._source_keys(raw["source"], raw["id"])
            rule.triggers = tuple(raw.get("triggers", ()))
            # Expanded now (cheap string work), compiled on first use.
            rule._compiled = [_wrap(raw["patterns"], macros), *(Unless([_expand(u, macros) for u in raw[key]], shared)
                                                                if raw.get(key) else None for key in ("unless", "unless_after"))]
            if rule.severity not in ("avoid", "caution") or rule.with_illness not in (None, "caution", "ok") \
                    or rule.with_denial not in (None, "avoid", "caution"):
                raise ValueError(f"rules.toml: rule {rule.id!r} has an unknown severity ({rule.severity!r}, "
                                 f"with_illness {rule.with_illness!r})")
            if not rule.softened_by or not rule.softened_by <= _SOFTENERS:
                raise ValueError(f"rules.toml: rule {rule.id!r} has an unknown softened_by {sorted(rule.softened_by)}")
            if rule.suggest not in ("health", "none", "withhold"):
                raise ValueError(f"rules.toml: rule {rule.id!r} has an unknown suggest value")
            # The one exception to "every avoid comes with a suggestion": the parent's own
            # words rule out illness (denied or doubted: "withhold"; another reason stated:
            # "none"). "Too unwell" would then contradict the parent or invent a fact, so
            # the rule must say what to do instead.
            if rule.suggest in ("none", "withhold") and not rule.hint:
                raise ValueError(f"rules.toml: rule {rule.id!r} offers no rewording, so it needs a hint")
            self.rules.append(rule)
        self.trigger_index = TriggerIndex(self.rules)
        self._terms = {}  # is_term's answers, word by word
        self._spelled = {}  # word's answers for the words no table entry spells
        known = {r.id for r in self.rules}
        for rule in self.rules:
            unknown = sorted(rule.overrides - known)
            if unknown:
                raise ValueError(f"rules.toml: rule {rule.id!r} overrides an unknown rule {unknown[0]!r}")

        pos = data["positive"]
        self.positive = (pos["id"], pos["severity"], pos["why"], self._source_keys(pos["source"], pos["id"]), pos.get("crisis_why", pos["why"]))
        health = data["health"]
        self.adjectives = set(health["adjectives"])
        self.sole_adjectives = set(health["sole_adjectives"])
        self.state_as = health.get("state_as", "specific")
        self.not_child = _Lazy(_expand(health["not_child"], macros))
        self.others_rule = self.rule_named(health["others_rule"])
        self.hedged_rule = self.rule_named(health["hedged_rule"])
        # The rules someone else's health words are reported under (clauses.py).
        reasons = self.reasons_data
        self.parent_rule = self.rule_named(reasons.get("parent_rule"))
        self.parent_emergency_rule = self.rule_named(reasons.get("parent_emergency_rule")) or self.parent_rule
        self.parent_care_rule = self.rule_named(reasons.get("parent_care_rule"))
        self.sibling_rule = self.rule_named(reasons.get("sibling_rule"))
        self.carer_rule = self.rule_named(reasons.get("carer_rule"))
        self.together, self.precaution, self.emergency, self.awaited, self.upheaval = (
            _Lazy(reasons.get(key, "(?!)")) for key in ("together", "precaution", "emergency", "awaited", "upheaval"))
        self.evidence_held, self.evidence_word = (_Lazy(reasons.get(key, "(?!)")) for key in ("evidence_held", "evidence_word"))
        self.sleep_rules, self.moot_beside_lawful, self.denial_over_generic, self.bracket_doubts, self.bracket_others = (
            frozenset(reasons.get(k, ())) for k in ("sleep_rules", "moot_beside_lawful", "denial_over_generic", "bracket_doubts",
                                                    "bracket_others"))
        self.faq_bracket = _Lazy(reasons.get("faq_bracket", "(?!)"))
        self.moot_not = _Lazy(reasons.get("moot_not", "(?!)"))
        self.child_after = _Lazy(health["child_after"])
        self.faq_words = _Lazy(_one_pattern(health, "faq_words"))
        (self.feared, self.past_illness, self.others_question, self.emergency_place) = (
            _Lazy(_one_pattern(health, k)) for k in ("feared", "past_illness", "others_question", "emergency_place"))
        (self.late_arrival, self.kept_up, self.bereavement, self.family_emergency) = (  # searched in nearly every text
            # (With the macros, so a pattern a rule also reads is written once: [statements.words] own_emergency.)
            Sought(_expand(_one_pattern(health, k), macros)) for k in ("late_arrival", "kept_up", "bereavement",
                                                                        "family_emergency"))
        self.plain_illness = _Lazy(health.get("plain_illness", "(?!)"))
        (self.plain_caution_rules, self.rules_read_alone, self.kept_up_caution, self.stance_rules, self.well_sibling_rules,
         self.sibling_decision_rules, self.second_child_rules) = (frozenset(health.get(key, ())) for key in ("plain_caution_rules",
            "rules_read_alone", "kept_up_caution", "stance_rules", "well_sibling_rules", "sibling_decision_rules", "second_child_rules"))
        self.plain_caution_threshold = float(health.get("plain_caution_threshold", 1.0))
        self.elsewhere_after = _Lazy(health.get("elsewhere_after", "(?!)"))  # going round the class
        self.elsewhere_before = _Lazy(health.get("elsewhere_before", "(?!)"))
        self.hedge = _Lazy(_expand(health["hedge"], macros))
        self.doubt_hedge = _Lazy(_expand(health["doubt_hedge"], macros))
        self.doubt_after = _Lazy(_expand(health.get("doubt_after", "(?!)"), macros))
        self.conditional_before = _Lazy(_expand(health.get("conditional_before", "(?!)"), macros))  # "until the impetigo has cleared up"
        self.not_illness_after = _Lazy(_expand(health.get("not_illness_after", "(?!)"), macros))  # "...all night myself"
        self.attending = _Lazy(_expand(health.get("attending", "(?!)"), macros))  # "Lily will be in as normal"
        self.attending_not = _Lazy(_expand(health.get("attending_not", "(?!)"), macros))  # "...coming with us"
        self.clause_start = _Lazy(r"[.;:!?\n]| - |, (?=(?:and |but |so )?(?:he|she|they|i|we)\b)|(?<!nothing )(?<!nothing, )\bbut\b|\b(?:because|so)\b")
        self.everyday = Sought(_expand(health["everyday_cause"], macros))
        # Health words and unavoidable causes: one lazy pattern each, with triggers.py's triggers (none: always compiled).
        found = data.get("triggers", {})
        lazy = lambda section, kind: [_Lazy(_wrap([p], macros), t)  # noqa: E731
                                      for p, t in _paired(data[section][kind], found.get(section, {}).get(kind), kind)]
        self.health = [(kind, rx) for kind in _HEALTH_KINDS for rx in lazy("health", kind)]
        self.health_index = TriggerIndex([rx for _, rx in self.health])
        # Talk of dying or self-harm, and coming in later the same day ("later"): compiled only for a text with a trigger.
        self.crisis = _Lazy(*_paired([_one_pattern(health, "crisis")], found.get("health", {}).get("crisis"), "crisis")[0])
        self.later_today = _Lazy(*_paired([_number(_expand(_one_pattern(reasons, "later_today"), macros))],
                                          found.get("reasons", {}).get("later_today"), "later_today")[0])
        # Round 7: lawful reasons and unavoidable causes in everyday words ([reasons]).
        more = (lambda kind: lazy("reasons", kind) if kind in data.get("reasons", {}) else [])  # noqa: E731
        self.lawful = _LazyGroup(lazy("unavoidable", "lawful") + more("lawful"))
        self.unavoidable = _LazyGroup(lazy("unavoidable", "patterns") + more("unavoidable") + self.lawful.parts)
        # Words straight after (10b: "excluded from breakfast club") or before (47: "the bus is suspended") a cause: not it.
        self.unavoidable_not, self.unavoidable_not_before = (_Lazy(_expand(data["unavoidable"].get(key, "(?!)"), macros))
                                                             for key in ("not_after", "not_before"))
        # Round 26: causes that belong to no one (a school closed, no transport) count in the parent's own sentence too.
        self.unavoidable_impersonal = _Lazy(data["unavoidable"].get("impersonal", "(?!)"))
        # Round 13: words just before leave that make it only asked for ("I'd like to request authorised absence").
        self.leave_asked = _Lazy(_expand(data["unavoidable"].get("leave_asked", "(?!)"), macros))
        self.leave_granter = _Lazy(_expand(data["unavoidable"].get("leave_granter", "(?:)"), macros))
        self.days = _compile([data["days"]["pattern"]], macros)
        self.past = _Lazy(data["days"]["past"])
        self.not_absence = _Lazy(data["days"]["not_absence"])

        ctx = data["context"]
        self.negators, self.blockers = set(ctx["negators"]), set(ctx["blockers"])
        self.child_not = frozenset(ctx["child_not"])
        self.subjects, self.reach = set(ctx["subjects"]), set(ctx["reach"])
        self.phrase_negators = _Lazy(ctx["phrase_negators"])
        self.boundary = _Lazy(ctx["boundary"])
        self.sentence_boundary = _Lazy(ctx["sentence_boundary"])
        self.reporting = _Lazy(ctx["reporting"])
        self.reported_always = _Lazy(ctx["reported_always"])
        self.background = _Lazy(ctx["background"])
        self.background_sentence = _Lazy(ctx["background_sentence"])
        self.own_voice = _Lazy(ctx["own_voice"])
        self.own_subjects = set(ctx["own_subjects"])
        self.auxiliaries = set(ctx["auxiliaries"])

        email = data["email"]
        self.greeting = _Lazy(email["greeting"])
        self.signoff = _Lazy(email["signoff"])
        self.absence_cue = _Lazy(email["absence_cue"])

        names = data["names"]
        self.name_verbs = set(names["verbs"])
        self.name_after = _Lazy(names["after"])
        self.family = _Lazy(names["family"])
        self.plural = _Lazy(names["plural"])
        self.not_names = set(names["not_names"])
        self.related = _Lazy(names["related"])
        self.childs_relations = frozenset(names["childs_relations"])
        self.first_names = FirstNames(names["first_names"])
        self.capitalised_names = FirstNames(names.get("capitalised_names", ()))  # names only when capitalised ("Will")
        self.short_forms = tuple(frozenset(group.split()) for group in names.get("short_forms", ()))
        self.not_lower_names = frozenset(names["not_lower_names"])
        self.name_signoff = _Lazy(names["signoff"])
        self.signoff_before = _Lazy(names["signoff_before"])
        self.signoff_after = _Lazy(names["signoff_after"])
        self.absent_here = _Lazy(names["absent_here"])
        self.object_pronoun = _Lazy(names["object_pronoun"])
        self.name_elsewhere = _Lazy(names["name_elsewhere"])
        self.name_after_lower = _Lazy(names["after_lower"])
        self.sentence_break = _Lazy(names["sentence_break"])
        self.clause_end = _Lazy(names["clause_end"])
        self.group = _Lazy(names["group"])
        self.not_after = _Lazy(names["not_after"])
        self.titled = _Lazy(r"\b(?i:%s)\.?\s*$" % "|".join(names["titles"]))  # "Mrs Patel said...", "Dr. Khan has..."
        self.setting = _Lazy(names["setting"])
        # "Hi Kate he won't go": the name after a greeting is the reader's, not the child's.
        self.greeted = _Lazy(names["greeted"])
        # A first name written before he/she that is someone else's (names.py _name_before).
        self.not_child_before = _Lazy(names["not_child_before"])
        self.not_child_after = _Lazy(names["not_child_after"])

        norm = data["normalise"]
        self.words, self.suffixes = norm["words"], norm["suffixes"]
        self.acronyms = _Lazy(r"(?<![a-z&])(?:%s)(?![a-z&])" % "|".join(map(re.escape, norm["acronyms"])))

    def rule_named(self, rule_id: str | None):
        """The first [[rules]] entry with this id (it speaks for the id); None for no id."""
        return next(r for r in self.rules if r.id == rule_id) if rule_id else None

    def attends_after(self, text: str, norm: str, pos: int) -> bool:
        """The child is said to be in as normal after `pos` ([health] attending), and nobody is said to be off: another
        child's appointment or illness is then not this absence's reason (blind1312)."""
        return bool(self.attending.search(norm, pos)) and not self.absent_here.search(text) \
            and not self.attending_not.search(norm)

    def settled_hints(self, hints: list[str], suggestion: str | None) -> list[str]:
        """The hints once the suggestion is settled: with nothing worded (the second reading or a doubt about whose
        illness it is took it away), no "only if it is true", but still what to do (the newcomer on round 149)."""
        honest = self.hints["honest"]
        return hints if suggestion or honest not in hints else [h for h in hints if h != honest] or [self.hints["no_illness"]]

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
        spelled = self._spelled.get(token)
        if spelled is None:
            spelled = next((token[: -len(suffix)] + spelling for suffix, spelling in self.suffixes.items()
                            if token.endswith(suffix) and len(token) > len(suffix)), token)
            if len(self._spelled) < 50_000:  # a batch of checks meets the same words again; bounded
                self._spelled[token] = spelled
        return spelled

    def is_term(self, word: str) -> bool:
        """True if a single word is itself something the rules look for (not a name)."""
        w = self.word(word.lower())
        known = self._terms.get(w)
        if known is None:
            # A rule whose triggers are not in the word cannot match it whole.
            known = bool(self.days.fullmatch(w) or any(rx.fullmatch(w) for _, rx in self.health)
                         or any(self.rules[i].regex.fullmatch(w) for i in self.trigger_index.live_in_word(w)))
            if len(self._terms) < 50_000:  # bounded: a paste of made-up words does not grow it for ever
                self._terms[w] = known
        return known


def _expand(p: str, macros: dict) -> str:
    for _ in range(5):  # macros may use macros; five levels is plenty
        if "@" not in p:
            break
        p = re.sub(r"@([a-z_]+)", lambda m: _macro(macros, m.group(1)), p)
    return p


def _macro(macros: dict, name: str) -> str:
    if name not in macros:
        from refusal_log.errors import RulesFileError

        raise RulesFileError(f"A pattern in the wording rules file uses @{name}, which the file does not define, "
                             "so the check cannot run. If you edited rules.toml, put that right; nothing in your "
                             "log has changed.")
    return macros[name]


def _one_pattern(section: dict, key: str) -> str:
    """A single pattern the engine asks for by name ("(?!)", matching nothing, when absent)."""
    value = section.get(key, "(?!)")
    if not isinstance(value, str):
        from refusal_log.errors import RulesFileError

        raise RulesFileError(f"In the wording rules file, {key} must be one pattern in quotes, so the check "
                             "cannot run. If you edited rules.toml, put that right; nothing in your log has changed.")
    return value


def _wrap(patterns: list[str], macros: dict) -> str:
    expanded = [f"(?:{_expand(p, macros)})" for p in patterns]
    return _number(r"(?<![a-z0-9&])(?:%s)(?![a-z0-9&])" % "|".join(expanded))


def _number(pattern: str) -> str:
    """@child's open slot is a named group; each use gets its own name (cw1, cw2...)."""
    if "(?P<cw>" not in pattern:
        return pattern  # most patterns have no slot: no regex pass over them at start-up
    count = iter(range(1, 10_000))
    return re.sub(r"\(\?P<cw>", lambda m: f"(?P<cw{next(count)}>", pattern)


def child_slot_ok(match: re.Match, not_child: frozenset) -> bool:
    """False when a word in @child's open slot is one that is never the child ("get up")."""
    return not any(v in not_child for k, v in match.groupdict().items() if v and k.startswith("cw"))


def _compile(patterns: list[str], macros: dict) -> re.Pattern:
    return compile_pattern(_wrap(patterns, macros))


# The layout of a rules file: a key the engine does not know is a mistake (a typo would
# otherwise switch a rule's behaviour off without a word), so loading names it.
_HEALTH_KINDS = ("generic", "specific", "care", "episode", "state", "distress", "condition")
_SECTIONS = frozenset(("triggers", "statements", "disclaimer", "nations", "hints", "macros", "rules", "positive", "health", "unavoidable",
                       "types", "days", "context", "email", "names", "normalise", "reasons"))
_RULE_KEYS = frozenset(("id", "severity", "with_illness", "with_denial", "softened_by", "suggest", "cause", "hint", "overrides",
                        "source", "why", "patterns", "unless", "unless_after", "triggers"))
_RULE_NEEDS = ("id", "severity", "source", "why", "patterns")


def _check_schema(data: dict) -> None:
    unknown = sorted(set(data) - _SECTIONS)
    if unknown:
        raise ValueError(f"rules.toml: unknown section {unknown[0]!r}")
    missing = sorted(_SECTIONS - {"macros", "triggers", "statements", "reasons"} - set(data))
    if missing:
        raise ValueError(f"rules.toml: the {missing[0]!r} section is missing")


def _paired(patterns: list[str], triggers, kind: str):
    """Each pattern with its triggers (a list of lists kept beside the patterns; [] : none, always tried)."""
    if triggers is None:
        return [(p, ()) for p in patterns]
    if len(triggers) != len(patterns) or not all(isinstance(t, list) and all(t) for t in triggers):
        raise ValueError(f"rules.toml: [triggers] for {kind!r} do not match its {len(patterns)} patterns; "
                         "run python -m refusal_log.wording.triggers")
    return list(zip(patterns, triggers))


def _check_rule(raw: dict) -> None:
    name = raw.get("id", "(a rule without an id)")
    unknown = sorted(set(raw) - _RULE_KEYS)
    if unknown:
        raise ValueError(f"rules.toml: rule {name!r} has an unknown key {unknown[0]!r}")
    missing = [k for k in _RULE_NEEDS if k not in raw]
    if missing:
        raise ValueError(f"rules.toml: rule {name!r} has no {missing[0]!r}")
    lists = ("patterns", "unless", "unless_after", "triggers", "source", "overrides")
    for key in lists:
        if key in raw and not (isinstance(raw[key], list) and all(map(isinstance, raw[key], repeat(str)))):
            raise ValueError(f"rules.toml: rule {name!r}: {key} must be a list of strings")
    if "triggers" in raw and not all(raw["triggers"]):
        raise ValueError(f"rules.toml: rule {name!r} has an empty trigger")


def load_rules(path: str | None = None) -> Rules:
    """The rules from rules.toml (or from another file with the same layout). A mistake in the
    file is a RulesFileError naming it: whoever edited the file can put it right."""
    from refusal_log.errors import RulesFileError

    try:
        return _load(path or RULES_PATH)
    except RulesFileError:
        raise
    except ValueError as mistake:  # tomllib's TOMLDecodeError is a ValueError too
        raise RulesFileError(f"The wording rules file {path or RULES_PATH} has a mistake, so the check cannot run: "
                             f"{mistake}. If you edited it, put that right; nothing in your log has changed.") from None


@lru_cache(maxsize=4)
def _load(path: str) -> Rules:
    with open(path, "rb") as f:
        raw = f.read()
    data = _parsed_copy(raw) if path == RULES_PATH else None
    if data is None:
        # Imported here, not at the top: tomllib costs more to import and to run than the
        # whole check (see _parsed_copy), and importing the package should not pay for it.
        import tomllib

        data = tomllib.loads(raw.decode("utf-8"))
    return Rules(data)


# rules.toml as parsed, kept beside it as JSON: reading the TOML (importing tomllib and
# parsing ~3,000 lines) took longer than the rest of a first check. The copy names the CRC
# and size of the rules.toml it was made from and is used only while they match, so an
# edited rules.toml is read as it is, just more slowly, until the copy is made again:
# python -m refusal_log.wording.triggers (which also writes the triggers) makes it.
PARSED_PATH = os.path.join(os.path.dirname(__file__), "rules.parsed.json")


def _parsed_copy(raw: bytes) -> dict | None:
    import json
    import zlib

    try:
        with open(PARSED_PATH, encoding="utf-8") as f:
            copy = json.load(f)
    except (OSError, ValueError):
        return None
    if not isinstance(copy, dict) or copy.get("source_size") != len(raw) or copy.get("source_crc32") != zlib.crc32(raw):
        return None
    return copy.get("rules") if isinstance(copy.get("rules"), dict) else None


def write_parsed_copy(path: str = RULES_PATH) -> bool:
    """Write rules.parsed.json for rules.toml; True if it changed."""
    import json
    import tomllib
    import zlib

    with open(path, "rb") as f:
        raw = f.read()
    text = json.dumps({"source_crc32": zlib.crc32(raw), "source_size": len(raw),
                       "rules": tomllib.loads(raw.decode("utf-8"))}, ensure_ascii=False, separators=(",", ":"))
    try:
        with open(PARSED_PATH, encoding="utf-8") as f:
            if f.read() == text:
                return False
    except OSError:
        pass
    with open(PARSED_PATH, "w", encoding="utf-8") as f:
        f.write(text)
    return True


def parsed_copy_current() -> bool:
    with open(RULES_PATH, "rb") as f:
        return _parsed_copy(f.read()) is not None

