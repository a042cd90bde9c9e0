"""Names as the rules list them, asked of a word as a parent wrote it: accents, Polish and Turkish letters and double
names folded to the listed form. Kept apart from loading.py so that the folding has one home."""

from __future__ import annotations

import unicodedata


class FirstNames(frozenset):
    """The names the rules list, asked of a word as written: "seán", "zoë", "łucja" are their plain forms, and a double
    name is a name when its first part is ("mary-jane"; the attacker on round 126: a brother's name with an accent was
    not a name, so his flu was worded as the logged child's)."""

    def __contains__(self, word) -> bool:
        if frozenset.__contains__(self, word) or not isinstance(word, str):
            return frozenset.__contains__(self, word)
        plain = fold(word)
        return frozenset.__contains__(self, plain) or ("-" in plain and frozenset.__contains__(self, plain.split("-")[0]))

    def __or__(self, other):
        return FirstNames(frozenset.__or__(self, other))


# Letters NFKD does not take apart.
_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe"})


def fold(word: str) -> str:
    """A word with its accents and the letters NFKD keeps whole ("ł", "ı") made plain, as the normalised text has them."""
    return word if word.isascii() else "".join(
        c for c in unicodedata.normalize("NFKD", word.translate(_LETTERS)) if not unicodedata.combining(c))
