"""Which rules (or lazy patterns, or statement frames) a text could match, through their literal triggers
(triggers.py derives them from the patterns): a batch of checks then compiles and tries only those."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

_GRAM = 4  # characters per piece: four bring up a third as many triggers to test as three did


def _pieces(s: str):
    return (s[k:k + _GRAM] for k in range(len(s) - _GRAM + 1))


@lru_cache(maxsize=4)
def _grams(norm: str) -> frozenset:
    """A text's four-character pieces: asked by every index for the same text in turn."""
    return frozenset(_pieces(norm))


class TriggerIndex:
    """Which rules (or lazy patterns, or statement frames) a text could match, found through four
    characters of each trigger: a batch of checks (the table, a long draft, a timeline) then
    tests a few dozen triggers per text rather than all eight thousand. A single `check` never
    builds it (it costs more than one text's worth of tests): it is built on the second text."""

    __slots__ = ("rules", "texts", "by_gram", "short", "always", "words")

    def __init__(self, rules: list):
        self.rules, self.texts, self.by_gram, self.words = rules, 0, None, 0

    def _build(self) -> None:
        by_gram, short, always = {}, {}, set()
        # Each trigger is filed under its rarest four characters: a text's common ones (" the", "ing ") then bring up
        # few triggers to test. A trigger in the text has all its pieces in it; a shorter one is tested on its own.
        counts = Counter(piece for rule in self.rules for t in rule.triggers for piece in _pieces(t))
        for i, rule in enumerate(self.rules):
            if not rule.triggers:
                always.add(i)
            for t in rule.triggers:
                if len(t) < _GRAM:
                    short.setdefault(t, set()).add(i)
                else:
                    exact, longer = by_gram.setdefault(min(_pieces(t), key=counts.__getitem__), (set(), []))
                    if len(t) == _GRAM:
                        exact.add(i)  # a four-letter trigger is its own piece: no test beyond the piece's
                    else:
                        longer.append((t, i))
        self.by_gram = {g: (frozenset(exact), tuple(longer)) for g, (exact, longer) in by_gram.items()}
        self.short, self.always = tuple((t, frozenset(ids)) for t, ids in short.items()), frozenset(always)

    def live(self, norm: str) -> set[int]:
        """The indexes (in rules order) of the rules `norm` holds a trigger of (or that have none)."""
        self.texts += 1
        if self.by_gram is None:
            if self.texts < 2:  # one text: testing each rule's triggers costs less than the index
                return self._scan(norm)
            self._build()
        return self._look_up(norm, _grams(norm))

    def live_in_word(self, word: str) -> list[int]:
        """live() for one word, in rules order: each rule's triggers tested, until a dozen words have cost what the
        index does (then it is built). The word's pieces are not cached (they would push out the text's)."""
        self.words += 1
        if self.by_gram is None and self.words < 12:
            return sorted(self._scan(word))
        if self.by_gram is None:
            self._build()
        return sorted(self._look_up(word, set(_pieces(word))))

    def _scan(self, text: str) -> set[int]:
        return {i for i, r in enumerate(self.rules) if not r.triggers or any(t in text for t in r.triggers)}

    def _look_up(self, text: str, grams) -> set[int]:
        found = set(self.always)
        by_gram = self.by_gram
        for g in grams & by_gram.keys():
            exact, longer = by_gram[g]
            found |= exact
            for t, i in longer:
                if i not in found and t in text:
                    found.add(i)
        for t, ids in self.short:
            if t in text:
                found |= ids
        return found
