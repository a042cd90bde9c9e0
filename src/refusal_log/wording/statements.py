"""What kind of statement: the layer between "who is it about" and "which rule applies".

A parent's message mixes kinds of statement: the child's state (an illness, a symptom, their
distress), a decision (the parent's), a refusal or choice (the child's), a doubt or denial of
the illness, a hedge, a cause given as the reason (bullying, a teacher, support not in
place), background history, and someone else's words. The rules in rules.toml were written
phrase by phrase; this layer describes the kinds themselves, so that the same idea in other
words is caught. It lives in rules.toml's [statements] block, read here:

- [statements.words]: small lexicons named like macros (@parent, @decide, @school_prep...),
  usable in every pattern of the file. A lexicon is many words for one idea, so a new
  phrasing is usually one more word in a list, not one more pattern.
- [[statements.frames]]: a statement kind as a frame: parts (patterns) that must appear in
  order in one clause, each within `gap` words of the one before ("we have finally, after a
  long talk, agreed she is not going back" is the parent + a decision verb + an absence).
  A frame reports its hits under an existing rule (`rule`: its severity, softening,
  suggestion, hint, why and source; `severity` and `why` may be the frame's own), so the
  verdict policy stays in one place; the hits then pass through the same negation,
  background and reported-speech checks as any rule. A "background" frame names no rule:
  it marks the rest of its sentence as history ("separately, ...", "unrelated, but ...").
- [statements.extend]: more alternatives for the lexicons the engine already reads
  ([health] lists such as distress or hedge, [context] patterns such as background or
  reporting), kept here so the round's additions stay in one block.

- [[statements.more]] (round 8b): a later block with the same `words` and `extend` keys, so a
  round's additions can sit together at the end of rules.toml; its `extend` may also add to
  [unavoidable], [reasons] and [names] lists.

Frames compile on first use, and only for a text holding one of their triggers (derived
by triggers.py into [triggers.statements], like every other pattern): start-up stays as it
was. Nothing here prints, and nothing heavy is imported.
"""

from __future__ import annotations

import re

from refusal_log.wording.index import TriggerIndex
from refusal_log.wording.loading import _expand, _number, child_slot_ok, compile_pattern

# Hits kept per pattern (here and in analysis.py): a phrase pasted thousands of times says nothing more.
MAX_HITS = 25

# The words a frame may skip between its parts: within one clause, so no sentence stop.
# Atomic groups: a run of apostrophes (a separator and part of a word alike) can then be
# split only one way; before, forty characters of them took minutes to fail to match.
_GAP = r"(?:(?>[ ,\"'/:-]+)(?>[a-z0-9&][a-z0-9&']*)){0,%d}?[ ,\"'/:-]+"
_KINDS = frozenset(("state", "decision", "refusal", "doubt", "hedge", "cause", "background", "reported"))


def extend_sections(data: dict) -> dict:
    """The rules data with [statements] merged in: its words joined to the macros, its
    `extend` alternatives added to the lexicons they name. Returns a new dict; the file's
    own data is left as it was."""
    block = data.get("statements")
    if not block:
        return data
    unknown = sorted(set(block) - {"words", "frames", "extend", "more", "generalised"})
    if unknown:
        raise ValueError(f"rules.toml: [statements] has an unknown key {unknown[0]!r}")
    # Each block's `unless` and `unless_after` patterns are gathered and added in one pass at the
    # end, in the file's order: a pass per block cost a quarter of loading the rules.
    cancels: dict[str, dict[str, list]] = {"unless": {}, "unless_after": {}}
    data = _extend_one(dict(data), {k: v for k, v in block.items() if k != "generalised"}, cancels)
    # Later rounds add words and alternatives the same way, each in its own block at the end of
    # the file: round 8's [statements.generalised] (whose other keys generalised.py reads) and
    # round 8b's [[statements.more]].
    general = block.get("generalised", {})
    for later in ({k: general[k] for k in ("words", "extend") if k in general}, *block.get("more", ())):
        if "frames" in later:  # would be read as nothing: frames live in [[statements.frames]], wherever in the file
            raise ValueError("rules.toml: a [[statements.more]] block cannot hold frames; write [[statements.frames]]")
        data = _extend_one(data, later, cancels)
    for key, extra in cancels.items():
        if extra:
            data = _more_unless(data, extra, key)
    return data


# Sections a block's `extend` may add to (round 8b: "unavoidable", "reasons", "names"; round 9b:
# "generalised", the words of generalised.py's mechanisms, kept in [statements.generalised];
# round 10a: "days", so that a day dating the cause is left out of a suggestion).
_EXTENDABLE = ("health", "context", "normalise", "macros", "unavoidable", "reasons", "names", "generalised", "days")


def _extend_one(data: dict, block: dict, cancels: dict) -> dict:
    """One block's words joined to the macros and its `extend` alternatives merged in. A later
    block of the file ([[statements.more]], one per round) does the same, so a round's words
    can sit together at the end of rules.toml instead of inside tables already closed. Its
    `unless` patterns are gathered in `cancels`, for extend_sections to add in one pass."""
    unknown = sorted(set(block) - {"words", "frames", "extend", "more", "name", "unless", "unless_after"})
    if unknown:
        raise ValueError(f"rules.toml: [statements] has an unknown key {unknown[0]!r}")
    for key in ("unless", "unless_after"):
        if not block.get(key):
            continue
        if not isinstance(block[key], dict):
            raise ValueError(f"rules.toml: [statements.more.{key}] must be a table of rule ids")
        for rule_id, more in block[key].items():
            if not isinstance(more, list):
                raise ValueError(f"rules.toml: [statements.more.{key}] names no rule {rule_id!r}")
            cancels[key].setdefault(rule_id, []).extend(more)
    words = block.get("words", {})
    clash = sorted(set(words) & set(data.get("macros", {})))
    if clash:
        raise ValueError(f"rules.toml: [statements.words] {clash[0]!r} is already a macro")
    data["macros"] = {**data.get("macros", {}), **words}
    for section, extra in block.get("extend", {}).items():
        if section not in _EXTENDABLE:
            raise ValueError(f"rules.toml: [statements.extend] cannot extend [{section}]")
        if section == "generalised":
            # Its home is inside [statements]: a new copy, so the file's own data stays as it was.
            statements = dict(data.get("statements", {}))
            statements["generalised"] = _merged(statements.get("generalised", {}), extra, section)
            data["statements"] = statements
            continue
        data[section] = _merged(data[section], extra, section)
    return data


def _more_unless(data: dict, extra: dict, key: str = "unless") -> dict:
    """Round 10b: [statements.more.unless], rule id -> patterns that cancel a hit, added to every
    entry of that rule and every frame reporting under it, so a later block can narrow an older
    rule without editing it ("chickenpox 🙄" is exasperation, not the eye-roll's doubt).
    Round 17: [statements.more.unless_after] does the same from the text after a hit ("keeping
    her off until they've crusted over, like the NHS says"); rules only, as frames read no
    text after their hit."""
    known = {r.get("id") for r in data.get("rules", ())}
    for rule_id, more in extra.items():
        if rule_id not in known or not isinstance(more, list):
            raise ValueError(f"rules.toml: [statements.more.{key}] names no rule {rule_id!r}")
    def grow(raw: dict, rule_id: str) -> dict:
        return {**raw, key: [*raw.get(key, ()), *extra[rule_id]]} if rule_id in extra else raw

    data = dict(data)
    data["rules"] = [grow(r, r.get("id")) for r in data.get("rules", ())]
    if key == "unless_after":
        return data
    statements = dict(data.get("statements", {}))
    statements["frames"] = [grow(f, f.get("rule")) for f in statements.get("frames", ())]
    data["statements"] = statements
    return data


# Lexicons the engine reads that the main sections need not define: the block may add them.
_NEW_KEYS = frozenset(("doubt_after", "described", "described_rules", "described_hit", "second_reason",
                       "second_reason_rules", "mental", "mental_framed", "mental_hints", "mental_rules", "mental_signs",
                       "care_vague", "care_vague_rules", "fever_before", "fever_before_rules", "not_after",
                       "negative_test", "leave_asked", "leave_granter", "not_before", "well_sibling_rules", "sibling_decision_rules",
                       "second_child_rules", "conditional_before", "not_illness_after", "attending",
                       "attending_not"))


def _merged(have: dict, extra: dict, where: str) -> dict:
    """A lexicon list gains items, a pattern gains alternatives, a table gains entries."""
    merged = dict(have)
    for key, more in extra.items():
        old = merged.get(key)
        if old is None and key in _NEW_KEYS:
            # A list of rule ids stays a list; a lexicon becomes one pattern.
            merged[key] = list(more) if key.endswith(("_rules", "_hints")) else "(?:%s)" % "|".join(f"(?:{p})" for p in more)
        elif isinstance(old, list):
            merged[key] = old + list(more)
        elif isinstance(old, str):
            # Wrapped whole, so an anchor after a macro ("@school_instruction$") holds for all.
            merged[key] = "(?:%s)" % "|".join(f"(?:{p})" for p in [old, *more])
        elif isinstance(old, dict) and isinstance(more, dict) and where == "reasons":
            merged[key] = _merged_owners(old, more)
        elif isinstance(old, dict) and isinstance(more, dict):
            merged[key] = {**old, **more}
        else:
            raise ValueError(f"rules.toml: [statements.extend.{where}] {key!r} is not a lexicon there")
    return merged


def _merged_owners(have: dict, extra: dict) -> dict:
    """[reasons.owners] in a later block (round 8b): a kind already there gains alternatives
    ("his birth mum" is a relative), a new kind is added after the others."""
    merged = dict(have)
    for kind, pattern in extra.items():
        old = merged.get(kind)
        merged[kind] = pattern if old is None else "(?:%s)" % "|".join(f"(?:{p})" for p in (old, pattern))
    return merged


def frame_pattern(frame: dict, macros: dict) -> str:
    """One frame as a single pattern: its parts in order, with up to `gap` words between
    (one number for every join, or a list with one number per join)."""
    parts = [f"(?:{_expand(p, macros)})" for p in frame["parts"]]
    gaps = frame.get("gap", 3)
    gaps = list(gaps) if isinstance(gaps, list) else [gaps] * (len(parts) - 1)
    if len(gaps) != len(parts) - 1:
        raise ValueError(f"rules.toml: a statement frame has {len(parts)} parts but {len(gaps)} gaps")
    body = parts[0] + "".join(_GAP % int(g) + p for g, p in zip(gaps, parts[1:]))
    return _number(r"(?<![a-z0-9&])(?:%s)(?![a-z0-9&])" % body)


class _Frame:
    __slots__ = ("kind", "rule", "pattern", "triggers", "unless", "own", "_rx")

    def rx(self) -> re.Pattern:
        if isinstance(self._rx, str):
            self._rx = compile_pattern(self._rx)
        return self._rx

    def unless_rx(self) -> re.Pattern | None:
        # Compiled only when the frame has matched: most checks never need most of them.
        if isinstance(self.unless, str):
            self.unless = compile_pattern(self.unless)
        return self.unless


def _frames(rules) -> list[_Frame]:
    if rules.statement_frames is not None:
        return rules.statement_frames
    raw_frames, triggers = rules.statements_data
    if triggers and len(triggers) != len(raw_frames):
        # A frame added by hand, not yet through triggers.py: the lists no longer line up,
        # so every frame is tried (slower, still right) rather than some never.
        triggers = None
    by_id = {}
    for rule in rules.rules:
        by_id.setdefault(rule.id, rule)  # the first entry of an id speaks for the frame
    frames = []
    for i, raw in enumerate(raw_frames):
        frame = _Frame()
        frame.kind, frame.rule = raw["kind"], by_id.get(raw.get("rule"))
        # A background frame reports nothing: it marks the rest of its sentence as history.
        needs_rule = frame.kind != "background"
        if frame.kind not in _KINDS or (frame.rule is None) == needs_rule or not raw.get("parts"):
            raise ValueError(f"rules.toml: statement frame {i + 1} needs a known kind, rule and parts")
        if raw.get("severity") or raw.get("why"):
            frame.rule = _variant(frame.rule, raw.get("severity"), raw.get("why"), i)
        frame._rx = frame_pattern(raw, rules.macros)
        # `own = true`: the words are the parent's own account even after a verb such as
        # "saying" ("saying nasty things about her" is the unkindness, not a quotation).
        frame.own = bool(raw.get("own", False))
        frame.triggers = tuple(triggers[i]) if triggers and i < len(triggers) and triggers[i] else ()
        frame.unless = "|".join(_expand(u, rules.macros) for u in raw["unless"]) if raw.get("unless") else None
        frames.append(frame)
    rules.statement_frames = frames
    rules.frame_index = TriggerIndex(frames)
    return frames


def _variant(rule, severity: str | None, why: str | None, i: int):
    """The rule as the frame reports it: the same rule, at another severity or with an
    explanation in the frame's own words ("agreed" is not "kept off")."""
    if severity not in (None, "avoid", "caution"):
        raise ValueError(f"rules.toml: statement frame {i + 1} has an unknown severity {severity!r}")
    copy = type(rule)()
    for slot in type(rule).__slots__:
        if hasattr(rule, slot):
            setattr(copy, slot, getattr(rule, slot))
    copy.severity = severity or rule.severity
    copy.why = why or rule.why
    return copy


_SENTENCE_END = re.compile(r"[.!?\n]")


def background(found: list[tuple], norm: str) -> list[tuple[int, int]]:
    """The spans a background cue covers: from the cue to the end of its sentence
    ("separately, she has been refusing homework" is history, not today's reason)."""
    spans = []
    for a, _, _, kind, _ in found:
        if kind == "background":
            end = _SENTENCE_END.search(norm, a)
            spans.append((a, end.start() if end else len(norm)))
    return spans


def candidates(norm: str, rules) -> list[tuple]:
    """(start, end, rule, kind, own) for every frame that matches the normalised text;
    `own` says the hit is never someone else's words."""
    found = []
    frames = _frames(rules)
    for i in sorted(rules.frame_index.live(norm)):
        frame = frames[i]
        for k, m in enumerate(frame.rx().finditer(norm)):
            if k >= MAX_HITS:
                break  # the same phrase (or emoji) pasted thousands of times says nothing more: the attacker on 143
            if not child_slot_ok(m, rules.child_not):
                continue
            a, b = m.span()
            if frame.unless and frame.unless_rx().search(norm[max(0, a - 80):b]):
                continue
            # The rule's own `unless_after` holds for its frames too ("taking her out on Friday
            # for Eid, as agreed with the head" is the head's leave, as it is for the rule).
            if frame.rule is not None and frame.rule.unless_after and frame.rule.unless_after.match(norm[b:b + 80]):
                continue
            found.append((a, b, frame.rule, frame.kind, frame.own))
    return found
