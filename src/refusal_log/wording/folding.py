"""Accents folded, in one place: the normalised text's one-for-one table (ACCENTS, read by analysis._Norm), a name
folded the same way to find it there (as_in_text), and names as the rules list them, asked of a word as a parent wrote
it (FirstNames, fold: accents, Polish and Turkish letters and double names to the listed form)."""

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


# Accented letters folded one for one (Welsh "sâl", "ŵyr"; "café"; "Łucja"), so the normalised text's offsets still hold.
ACCENTS = {c: b for b, cs in (("a", "âáàäãåÂÁÀÄÃÅ"), ("e", "êéèëÊÉÈË"), ("i", "îíìïÎÍÌÏıİ"), ("o", "ôóòöõÔÓÒÖÕ"),
                              ("c", "çÇ"), ("n", "ñÑńŃ"), ("u", "ûúùüÛÚÙÜ"), ("w", "ŵŴẁẃẅ"), ("y", "ŷŶỳýÿ"), ("l", "łŁ"),
                              ("s", "śšşŚŠŞ"), ("z", "źżžŹŻŽ"), ("g", "ğĞ")) for c in cs}
_ACCENTS = str.maketrans(ACCENTS)
# Letters NFKD keeps whole, beside the table's.
_LETTERS = str.maketrans({**ACCENTS, "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})


def as_in_text(name: str) -> str:
    """A name as the normalised text writes it (its accents folded by the same table), to find it there."""
    return name if name.isascii() else name.translate(_ACCENTS)


def fold(word: str) -> str:
    """A word with every accent and the letters NFKD keeps whole ("ł", "ı") made plain: to compare names."""
    return word if word.isascii() else "".join(
        c for c in unicodedata.normalize("NFKD", word.translate(_LETTERS)) if not unicodedata.combining(c))
