"""Accents and capitals folded, in one place: the normalised text's one-for-one table (ACCENTS, read by analysis._Norm),
a name folded the same way to find it there (as_in_text), names as the rules list them, asked of a word as a parent
wrote it (FirstNames, fold: accents, Polish and Turkish letters and double names to the listed form), and a message
typed in capitals or with every word capitalised, read as lower case (calm)."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W\d_]+")


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


def calm(text: str, rules) -> str:
    """The text as lower case when its capitals say nothing: typed in capitals ("SAM'S GOT A MIGRAINE AND MIA WON'T GO
    WITHOUT HIM"), with every word capitalised as some phone keyboards do ("My Son Has A Migraine"), or in alternating
    case. Every capitalised word would otherwise be a name ("MY is too unwell", "Has is too unwell": the newcomer and
    the attacker on round 130); in lower case, names are found as in text-speak. Offsets are kept (or the text is)."""
    words = _WORD.findall(re.sub(r"['\u2019][^\W\d_]+", "", text))  # not a contraction's tail ("I've Got A...": "ve")
    if len(words) < 3 or len(lowered := text.lower()) != len(text):
        return text
    letters = [c for c in text if c.isalpha() and c.lower() != c.upper()]
    shouted = len(letters) >= 6 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)
    titled = len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
    mixed = sum(any(c.isupper() for c in w[1:]) and not w.isupper() for w in words) >= 0.5 * len(words)
    if not (shouted or titled or mixed or _half_calm(text, words)):
        return text
    # The first names we know keep a capital ("JOSH HAS BEEN SICK SO MIA IS STAYING HOME": Josh is someone else).
    return capitalise_known(_WORD, lowered, rules)


def capitalise_known(words: re.Pattern, text: str, rules) -> str:
    """Each of `words` in lower-case text that is a first name we know (plain_names), capitalised."""
    names = plain_names(rules)
    return words.sub(lambda m: m.group().capitalize() if m.group() in names else m.group(), text)


# Short words only a keyboard capitalises inside a sentence ("Ella Is Refusing Because alfie has a fever"), and the
# capitals that are no shouting (an illness or a service written as letters).
# Not "The" or "A", which a name or a place may carry ("The Royal London", "A&E": the attacker on a68436e).
_SMALL = re.compile(r"(?<![.!?\n] )(?<!^)\b(?:Is|Has|Had|Was|Are|And|Because|Cos|With|Of|To|So|Not|Her|His|She|He"
                    r"|Got|Been|Going|Staying|Off|Home|Today)\b")
_LETTERS_ONLY = frozenset(("GP", "PE", "TA", "ADHD", "ASD", "ASC", "OCD", "CAMHS", "NHS", "SEN", "SEND", "SENCO", "EHCP",
                           "ME", "CFS", "IBS", "DT", "RE", "PTSD", "ARFID", "PDA", "UTI", "ENT", "MRI", "ECG", "EEG", "AE",
                           "OT", "SALT", "CBT", "DBT", "ICU", "UK", "BST", "AM", "PM", "OK", "TV", "EBSA", "II", "IV"))


def _half_calm(text: str, words: list[str]) -> bool:
    """Half a message in capitals or Title Case ("ELLA IS STAYING HOME, josh has flu"): a lower-case name in the rest
    would otherwise go unread as a name (the short attacker on 94b0a60 saw Josh's flu worded for Ella)."""
    shouting = [w for w in words if len(w) >= 2 and w.isupper() and w not in _LETTERS_ONLY]
    return (len(shouting) >= 3 and len(shouting) >= 0.3 * len(words)) or len(_SMALL.findall(text)) >= 2


def plain_names(rules) -> FirstNames:
    """The first names a text without capitals may hold, found by themselves ("sam's got a migraine"): never a name
    that is also an everyday word ("will", "may", "grace", "miles"), which needs its capital. Asked as FirstNames, so
    "zoë", "siobhán" are the listed "zoe", "siobhan" (the attacker on a68436e). Worked out once."""
    found = rules.__dict__.get("_plain_names")
    if found is None:
        found = rules.__dict__["_plain_names"] = FirstNames(
            w for w in rules.first_names if w.isalpha() and w not in rules.capitalised_names and w not in rules.not_names
            and w not in ("miles", "jack"))
    return found
