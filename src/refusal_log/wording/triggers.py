"""Literal triggers for the wording rules: why a rule's patterns need compiling at all.

A rule's `triggers` (rules.toml) are plain strings; the engine compiles and tries the
rule's patterns only when one of them occurs in the normalised text (`in`), so a short
reason compiles a handful of patterns instead of all of them. A trigger must never hide a
hit: every string a pattern can match contains one of its rule's triggers. `derive` works
that out from the pattern itself (Python's own regex parser), so the triggers in the data
can be checked (tests) and rewritten after a rule changes:

    python -m refusal_log.wording.triggers            # rewrite rules.toml's triggers
    python -m refusal_log.wording.triggers --check    # exit 1 if any is missing or unsound

A rule without `triggers` is simply compiled for every text, so a rule is still added by
editing the data file alone. At run time only Sought is used (parsing is what compiling costs).
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

from refusal_log.wording.loading import _Lazy

try:  # Python 3.11+
    from re import _constants as C
    from re import _parser as P
except ImportError:  # pragma: no cover
    import sre_constants as C
    import sre_parse as P

_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}


_MAX = 48  # the most strings one trigger set may hold
# Words in nearly every parent's message: a trigger made only of them ("at the ", " her ", " and ") lets its rule be
# tried on almost every text, so such a set is the last choice (round 47: 37 rules were tried per text, 1.2 matched).
_COMMON = frozenset((
    "a an the and or but so to of in on at for with from by as if is are was were be been am has have had do did does "
    "not no will would can could i we me my our he she they it him her his them their this that s t re ve ll d up out "
    "off all any just then when after before because about into over too also very really got get keep day today "
    "morning week home school back go going said says again time one "
    # ...and the words of nearly every absence reason, so common in what the check reads.
    "ill unwell poorly sick well attend attending feel feels feeling felt cold temperature temp bug virus fever cough "
    "headache migraine tummy stomach pain").split())


def _informative(s: str) -> int:
    """The characters of `s` outside its commonest words and pieces of words under three letters ("sh" is in "she",
    "wash" and "shop"); a sign other than a space counts two ("a&e")."""
    return sum(len(w) if w[0].isalnum() else 2 for w in re.findall(r"[a-z0-9]+|[^\sa-z0-9]", s)
               if not w[0].isalnum() or (len(w) >= 3 and w not in _COMMON))


def _analyse(items) -> tuple[frozenset | None, frozenset | None]:
    """(required, exact) for a sequence: `required` is a set of strings one of which every
    match contains (None: no guarantee); `exact` is the set of every string the sequence
    can match, when that is a small set of literals (None otherwise)."""
    candidates, cur, exact = [], {""}, True

    def close():
        nonlocal cur
        if min(map(len, cur)) > 0:
            candidates.append(frozenset(cur))
        cur = {""}

    def extend(options) -> bool:
        nonlocal cur, exact
        if len(options) > 1 and min(map(len, cur)) >= 6:
            close()  # long enough already: keep trigger lists short
            exact = False
        product = {a + b for a in cur for b in options}
        if len(product) > _MAX:
            return False
        cur = product
        return True

    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: the literals either side stay contiguous
        if op == C.LITERAL:
            cur = {a + chr(av) for a in cur}
            continue
        options, req = None, None
        if op == C.SUBPATTERN:
            req, options = _analyse(av[-1])
        elif op == C.BRANCH:
            alts = [_analyse(alt) for alt in av[1]]
            if all(e is not None for _, e in alts):
                options = frozenset().union(*(e for _, e in alts))
            if all(r for r, _ in alts):
                req = frozenset().union(*(r for r, _ in alts))
        elif op in _REPEATS:
            low, high, item = av
            sub_req, sub_exact = _analyse(item)
            if sub_exact is not None and (low, high) in ((0, 1), (1, 1)):
                options = sub_exact | ({""} if low == 0 else set())
            elif low >= 1:
                req = sub_req
        if options is not None and extend(options):
            continue
        exact = False
        close()
        if req:
            candidates.append(req)
    whole = frozenset(cur) if exact else None
    close()
    if not candidates:
        return None, whole
    return max(candidates, key=_selectivity), whole


def _selectivity(strings: frozenset) -> tuple:
    """How rarely a text holds one of `strings`, for choosing among a pattern's trigger sets: every string two
    characters or more, then the most uncommon letters in the weakest string, then the longest shortest string, then
    the fewest strings. Up to six characters, more is better; past that, fewer strings are."""
    shortest = min(map(len, strings))
    return shortest >= 2, min(6, min(map(_informative, strings))), min(6, shortest), -len(strings), shortest


@lru_cache(maxsize=16384)  # the same pattern in every Rules loaded, and in the maintainer's check
def derive(pattern: str) -> frozenset | None:
    """Strings one of which every match of `pattern` contains, or None."""
    req, _ = _analyse(P.parse(pattern))
    if req and all(len(s) >= 2 or not s.isascii() for s in req):
        return req
    return None


class Sought(_Lazy):
    """A long pattern searched in nearly every text, where it seldom matches ([health] family_emergency, everyday
    cause): from the second search on, searched only where one of the strings every match contains is, derived here as
    the rules' triggers are (not for a single check: deriving costs about what compiling does)."""

    searches, parts, index = 0, None, None
    _SPLIT_FROM = 20  # splitting costs about half a second: worth it for a batch, not for one command's few searches

    def search(self, text: str, *args):
        self.searches += 1
        if self.searches in (2, self._SPLIT_FROM) and not (self.rx.flags & re.I or "(?i" in self.rx.pattern):
            # (A literal trigger must be exact, so not for a pattern that ignores case.)
            if self.searches == 2:
                self.triggers = tuple(_minimal(derive(self.rx.pattern) or ()))
            else:
                self._split()
        if self.index is None:
            return self.rx.search(text, *args) if self.present(text) else None
        # The leftmost match of any alternative, the first alternative at that place: what the whole would find.
        found = (m for i in sorted(self.index.live(text)) if (m := self.parts[i].rx.search(text, *args)))
        return min(found, key=lambda m: m.start(), default=None)

    def _split(self) -> None:
        """A pattern of many alternatives ([health] family_emergency has a hundred, each a relative and what befell
        them) tries each at every place in the text: split, each is tried only where its own triggers are."""
        from refusal_log.wording.index import TriggerIndex

        parts = _alternatives(self.rx.pattern)
        if len(parts) < 4:
            return
        try:
            lazy = [_Lazy(p, _minimal(derive(p) or ())) for p in parts]
            for part in lazy:
                part.rx  # noqa: B018 - an alternative that cannot stand alone (a back-reference) keeps the whole
        except (re.error, ValueError):
            return
        self.parts, self.index = lazy, TriggerIndex(lazy)


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern, groups that only wrap alternatives opened: "(?:(?:a|b)|c)" is a, b, c."""
    bars, depth, wrapped = [], 0, pattern.startswith("(?:") and pattern.endswith(")")
    for k, c in _structure(pattern):
        depth += {"(": 1, ")": -1}.get(c, 0)
        if c == "|" and depth == 0:
            bars.append(k)
        elif c == ")" and depth == 0 and k < len(pattern) - 1:
            wrapped = False  # the first group closes before the end: "(?:a)(?:b)"
    if bars:
        return [a for i, j in zip([-1, *bars], [*bars, len(pattern)]) for a in _alternatives(pattern[i + 1:j])]
    return _alternatives(pattern[3:-1]) if wrapped else [pattern]


def _structure(pattern: str):
    """Each bracket and bar of a pattern that is not escaped nor in a class, with where it is."""
    k = 0
    while k < len(pattern):
        c = pattern[k]
        if c == "\\":
            k += 1
        elif c == "[":  # "]" first in a class ("[]a]", "[^]a]") does not close it
            k += 2 if pattern.startswith("[^", k) else 1
            k += 1 if pattern.startswith("]", k) else 0
            while k < len(pattern) and pattern[k] != "]":
                k += 2 if pattern[k] == "\\" else 1
        elif c in "()|":
            yield k, c
        k += 1


def rule_triggers(patterns: list[str], macros: dict) -> list[str] | None:
    """One rule's triggers: the union over its patterns, or None if any pattern has none."""
    from refusal_log.wording.engine import _expand

    found = set()
    for p in patterns:
        req = derive(_expand(p, macros))
        if not req:
            return None
        found |= req
    return _minimal(found)


def _minimal(found) -> list[str]:
    # A trigger inside another trigger is enough on its own ("refus" covers "refusing").
    return sorted(t for t in found if not any(o != t and o in t for o in found))


def _rewrite(path: str, check: bool) -> int:
    import tomllib

    with open(path, "rb") as f:
        data = tomllib.load(f)
    text = open(path, encoding="utf-8").read()
    blocks = text.split("\n[[rules]]\n")
    problems, out = [], [blocks[0]]
    # A rule's patterns are expanded with every block's words (round 9a: a later block's
    # [statements.more.words] may be used by the rules after it), as loading.py does.
    from refusal_log.wording.statements import extend_sections as _extended

    macros = _extended(data).get("macros", {})
    for raw, block in zip(data["rules"], blocks[1:]):
        want = rule_triggers(raw["patterns"], macros)
        have = raw.get("triggers")
        if have != want:
            problems.append(f"{raw['id']}: triggers {have} should be {want}")
        lines = [line for line in block.split("\n") if not line.startswith("triggers = ")]
        if want:
            at = next(i for i, line in enumerate(lines) if line.startswith("patterns = "))
            lines.insert(at, "triggers = [" + ", ".join(_toml(t) for t in want) + "]")
        out.append("\n".join(lines))
    text = "\n[[rules]]\n".join(out)
    # The [statements] block's additions count as part of the lexicons they extend.
    from refusal_log.wording.statements import extend_sections, frame_pattern

    data = extend_sections(data)
    # Health words and unavoidable causes: a [triggers] table beside them, one list per pattern.
    lists = {"health": ("generic", "specific", "care", "episode", "state", "distress", "condition"),
             "unavoidable": ("patterns", "lawful"), "reasons": ("lawful", "unavoidable")}
    table = ["[triggers]", "# Written by python -m refusal_log.wording.triggers: for each pattern in the list of",
             "# the same name, the strings one of which every match contains. Do not edit by hand."]
    for section, kinds in lists.items():
        table.append(f"[triggers.{section}]")
        for kind in kinds:
            derived = []
            for p in data[section][kind]:
                req = derive(_expand_all(p, data))
                derived.append(sorted(req) if req else [])  # [] : that one pattern is tried on every text
            if not all(derived):
                problems.append(f"[{section}] {kind}: {derived.count([])} pattern(s) have no trigger and are always tried")
            have = data.get("triggers", {}).get(section, {}).get(kind)
            if have != derived:
                problems.append(f"[triggers.{section}] {kind} is not as derived")
            table.append(f"{kind} = [" + ", ".join("[" + ", ".join(_toml(t) for t in d) + "]" for d in derived) + "]")
        # Single patterns the engine asks for by name ([health] crisis): one list, the same way.
        for key in _SINGLES.get(section, ()):
            if key not in data[section]:
                continue
            req = derive(_expand_all(data[section][key], data))
            if not req:
                problems.append(f"[{section}] {key} has no trigger; it is always compiled")
                continue
            if data.get("triggers", {}).get(section, {}).get(key) != [_minimal(req)]:
                problems.append(f"[triggers.{section}] {key} is not as derived")
            table.append(f"{key} = [[" + ", ".join(_toml(t) for t in _minimal(req)) + "]]")
    # Statement frames (statements.py): one list per frame, as for the health words.
    frames = data.get("statements", {}).get("frames", [])
    if frames:
        derived = [derive(frame_pattern(f, data.get("macros", {}))) for f in frames]
        have = data.get("triggers", {}).get("statements", {}).get("frames")
        want = [sorted(d) if d else [] for d in derived]
        if have != want:
            problems.append("[triggers.statements] frames is not as derived")
        table.append("[triggers.statements]")
        table.append("frames = [" + ", ".join("[" + ", ".join(_toml(t) for t in d) + "]" for d in want) + "]")
    if check:
        from refusal_log.wording.loading import RULES_PATH, parsed_copy_current

        if path == RULES_PATH and not parsed_copy_current():
            problems.append("rules.parsed.json is not as derived from rules.toml")
        print("\n".join(problems) or "Every rule's triggers are as derived.")
        return 1 if any("not as derived" in p or "should be" in p for p in problems) else 0
    start = text.find("\n[triggers]\n")
    if start >= 0:
        end = text.find("\n# ---", start + 1)
        text = text[:start] + text[end:]
    anchor = text.index("\n# ---------------------------------------------------------------------------------------\n# Context:")
    text = text[:anchor] + "\n" + "\n".join(table) + "\n" + text[anchor:]
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"Rewrote the triggers of {len(data['rules'])} rules ({len(problems)} changed).")
    from refusal_log.wording.loading import RULES_PATH, write_parsed_copy

    if path == RULES_PATH and write_parsed_copy(path):
        print("Wrote rules.parsed.json, the parsed copy `check` reads.")
    return 0


_SINGLES = {"health": ("crisis",), "reasons": ("later_today",)}


def _expand_all(p: str, data: dict) -> str:
    from refusal_log.wording.engine import _expand

    return _expand(p, data.get("macros", {}))


def _toml(s: str) -> str:
    return "'" + s + "'" if "'" not in s and "\n" not in s else '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


if __name__ == "__main__":  # pragma: no cover - a maintainer's tool
    from refusal_log.wording.engine import RULES_PATH

    sys.exit(_rewrite(RULES_PATH, "--check" in sys.argv))
