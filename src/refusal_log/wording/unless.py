"""A rule's `unless` (or `unless_after`) list: a hit is cancelled where any of its patterns is found.

The list was compiled as one pattern, its patterns joined with "|". But [statements.more] adds the
same long patterns to most rules' lists, so the 236 different joined lists held 887,000 characters
to compile where their 461 different patterns hold 102,000: compiling them was most of what a batch
of checks spent compiling. Each pattern is now compiled once for every rule that lists it (shared
through the Rules), and the list says whether any is found just as the joined pattern did."""

from __future__ import annotations

import re

from refusal_log.errors import RulesFileError
from refusal_log.wording.loading import _number, compile_pattern

# What a pattern alone might read otherwise than inside the joined one: a global flag ("(?i)" applies to the whole),
# a group named (not @child's slot, renumbered either way) or referred to by name or number, a conditional. A list
# holding one is compiled joined, as before.
_NOT_ALONE = re.compile(r"\(\?[aiLmsux]+\)|\(\?P(?!<cw>)|\(\?\(|\\[1-9]")


class Unless(str):
    """The joined pattern (what the tests and the triggers tool read), with its patterns kept to compile one by one."""

    def __new__(cls, patterns: list[str], shared: dict):
        self = super().__new__(cls, _number("|".join(patterns)))
        self.patterns, self.shared = patterns, shared
        return self

    def compiled(self):
        """Any of the patterns, each compiled once per Rules; the joined pattern where one cannot stand alone."""
        try:
            parts = [self._alone(p) for p in self.patterns]
        except RulesFileError:
            parts = [None]  # not a pattern on its own ("a\\" before "|b"): the joined one reads it as it always did
        return AnyOf(parts) if all(parts) else compile_pattern(str(self))

    def _alone(self, pattern: str):
        rx = self.shared.get(pattern)
        if rx is None:
            rx = self.shared[pattern] = not _NOT_ALONE.search(pattern) and compile_pattern(_number(pattern))
        return rx


class AnyOf:
    """Patterns read as their alternation: search/match give a match of the first of them found there (the alternation
    gives its leftmost), or None. A cancelling list is only asked whether it is found."""

    __slots__ = ("parts",)

    def __init__(self, parts: list[re.Pattern]):
        self.parts = tuple(parts)

    def search(self, text: str, *args):
        return next((m for rx in self.parts if (m := rx.search(text, *args))), None)

    def match(self, text: str, *args):
        return next((m for rx in self.parts if (m := rx.match(text, *args))), None)


def excepted(rule, norm: str, a: int, b: int, before: bool = True, after: bool = True) -> bool:
    """Whether a rule's own exceptions cancel its hit at norm[a:b]: `unless` in the words before it and the hit, or
    `unless_after` in the words after it (`before`, `after`: which of the two to read)."""
    return bool(before and rule.unless and rule.unless.search(norm[max(0, a - 80):b])
                or after and rule.unless_after and rule.unless_after.match(norm[b:b + 80]))
