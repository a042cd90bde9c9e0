"""Checks on the text a person types: what must not be empty, and what may be."""

from __future__ import annotations

import re
import unicodedata

from refusal_log.errors import InvalidInput

# A line of an agreement that says nothing was agreed ("none", "nothing agreed yet", "n/a"): no action, and not listed
# as one in a letter (actions.py, render.bullets).
_NOTHING_AGREED = re.compile(r"(?i)(?:none|nothing|nil|no|n/?a|not applicable|no actions?|-+)"
                             r"(?: (?:yet|at all|as yet|agreed|was agreed|specific|really|much|for now|so far))*[.!]?")


def nothing_agreed(line: str) -> bool:
    """True for a line of an agreement that says nothing was agreed."""
    return bool(_NOTHING_AGREED.fullmatch(line.strip()))


# Letters that are drawn as nothing (Hangul fillers, the blank braille cell, Khmer's invisible vowels, a null notehead).
_BLANK_LETTERS = frozenset("\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0\U0001d159")


def blank(value: str | None) -> bool:
    """True for no text, or text that shows nothing: only spaces, controls, format marks (a zero-width space, a soft
    hyphen, a joiner, a direction or tag mark), marks that only combine with a letter, and letters drawn blank. A note
    of one soft hyphen was saved and then refused by the wording check; such text is refused before anything is stored."""
    return value is None or not any(
        unicodedata.category(c)[0] not in "CZM" and c not in _BLANK_LETTERS for c in value)


def required_text(value: str | None, option: str, what: str) -> str:
    """Keep the text exactly as typed (it is evidence), but refuse one that is blank."""
    if blank(value):
        raise InvalidInput(f"{option} is empty; please give {what}.")
    return _readable(value, option)


# The gap however it was copied or retyped (the attacks on rounds 178 and 179): "[what is wrong]", "(what's wrong)",
# "([what is wrong?])", "{what is wrong with him}", full-width or spaced brackets, an invisible space inside, "()".
# Not "(?)" or "(...)", which a parent may write honestly.
_GAP = re.compile(r"[\[({\uff08\uff3b]\s*(?:what\s*(?:is|['\u2019]?s)\s*wrong[^\])}\uff09\uff3d]{0,30})?\s*[\])}\uff09\uff3d]", re.I)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def gap_filled(reason: str) -> str:
    """A reason, refused while it still holds the suggestion's gap: "([what is wrong])" logged as it stands was sent to
    school in the absence email (the attack on round 177)."""
    if _GAP.search(reason.translate(_INVISIBLE)):
        raise InvalidInput("The reason still has the gap [what is wrong] in it: write what is wrong in its place "
                           "(for example: a high temperature, a migraine, anxiety), or use your own words.")
    return reason


def optional_text(value: str | None, option: str = "The text") -> str | None:
    """A blank optional value means "not given"; anything else is kept as typed."""
    if blank(value):
        return None
    return _readable(value, option)


def _readable(value: str, option: str) -> str:
    # Bytes that are not UTF-8 reach Python as lone surrogates; they cannot be stored.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput(f"{option} holds characters that are not valid text (UTF-8); "
                           "please type it again, or set your terminal to UTF-8.") from None
    return value


def read_text_file(path: str, limit: int = 8 * 1024 * 1024, limit_text: str = "8 MB",
                   what: str = "text file") -> str:
    """A draft to check or a file to import, read as UTF-8 with a plain error if it cannot be.

    Only an ordinary file, and only up to `limit` bytes (stated in the error).
    """
    from refusal_log import paths

    source = paths.regular_file(path, limit=limit, limit_text=limit_text, what=what)
    try:
        return paths.read_bounded(source, limit).decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(f"{path} is not plain text (UTF-8); save it as plain text and try again.") from None
    except OSError as exc:
        raise InvalidInput(f"{path} cannot be read ({exc.strerror}).") from None


def read_csv(text: str, name: str) -> tuple[list[str], list[dict[str, str]]]:
    """A CSV's header and rows, or a plain sentence when it cannot be read as CSV
    (a cell beyond the csv module's limit of 131,072 characters, a NUL byte...)."""
    import csv
    import io

    rows = csv.DictReader(io.StringIO(text))
    try:
        return list(rows.fieldnames or []), list(rows)
    except csv.Error:
        raise InvalidInput(f"{name}, line {rows.line_num}: this line cannot be read as CSV (a cell far too long "
                           "or a broken quote); nothing was imported.") from None


def read_import_file(path: str, limit: int, limit_text: str, what: str) -> tuple[bytes, str]:
    """An ordinary file to import, with its name: refused plainly if it is not a file,
    too large, or its name is not valid text."""
    from refusal_log import paths

    source = paths.regular_file(path, limit=limit, limit_text=limit_text, what=what)
    try:
        return paths.read_bounded(source, limit), source.name
    except OSError as exc:
        raise InvalidInput(f"{source.name} cannot be read ({exc.strerror}).") from None


# --- text shown on a terminal or in a document ----------------------------------------
#
# What a parent typed or imported is kept exactly; where it is shown, a character that
# would act instead of show is shown by its name: Escape could recolour or clear the
# terminal, a bell rings, a right-to-left override makes a note read differently from
# what is stored. Tab and newline act as themselves; a carriage return only as part
# of a line break.
_NAMES = {0x07: "BEL", 0x08: "BS", 0x0D: "CR", 0x1B: "ESC", 0x7F: "DEL"}
MARKED = {cp: f"\u27e8{_NAMES.get(cp, f'U+{cp:04X}')}\u27e9" for cp in
          (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0),
           0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_MARKED_CHARS = tuple(chr(cp) for cp in MARKED)


def counted(n: int, singular: str = "entry", plural: str = "entries") -> str:
    """'1 entry', '2 entries': a count a person reads."""
    return f"{n:,} {singular if n == 1 else plural}"


def visible(text: str) -> str:
    """Text with each control character (C0 but tab and newline, DEL, C1, bidi
    controls) replaced by its name in angle brackets, such as ⟨ESC⟩ or ⟨U+202E⟩."""
    # `in` per character is a fast scan, and most text has none of them at all.
    if not any(ch in text for ch in _MARKED_CHARS):
        return text
    return text.replace("\r\n", "\n").translate(MARKED)


def shown(value: object, limit: int = 40, quoted: bool = True) -> str:
    """A value a person typed, quoted for an error message and cut to `limit` characters with "…": a refused
    100,000-character option is one line, not a screenful. Never cut inside a character and its accents.
    `quoted=False` leaves the quotes off (the escapes stay) for a value that sits inside a sentence."""
    import unicodedata

    text = str(value)
    if len(text) > limit:
        cut = limit - 1
        while cut > 1 and unicodedata.combining(text[cut]):
            cut -= 1  # "e" and its accent stay together
        if 0xDC00 <= ord(text[cut - 1]) <= 0xDFFF or unicodedata.category(text[cut]) in ("Mn", "Me", "Cf"):
            cut -= 1
        text = text[:cut] + "…"
    return repr(text) if quoted else repr(text)[1:-1]


# How the school was told (an absence's --via), in words: "by phone", "in person".
VIA_WORDS = {"email": "by email", "phone": "by phone", "app": "through the school app",
             "letter": "by letter", "in-person": "in person", "text": "by text message"}
