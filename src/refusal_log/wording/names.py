"""Who a reason is about: the child's name as the parent wrote it (capitalised or, in a rushed
text, lower case), "my son", a group ("the twins") or he/she, and every other word in the text
that is a name. The suggestion's subject comes from here, and clauses.py asks it whose each
phrase is. The word lists (name verbs, common first names, relation words) are data, in
rules.toml's [names] table."""

from __future__ import annotations

import re

from refusal_log.wording.loading import Rules

_NAME_VERB = re.compile(r"(?<![A-Za-z'\u2019])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(['\u2019]s)?(?=\s+([A-Za-z'\u2019]+))")
_LOWER_NAME_VERB = re.compile(r"(?<![A-Za-z'\u2019])([a-z]+)(['\u2019]s)?(?=\s+([a-z'\u2019]+))")
_LOWER_AFTER = re.compile(r",? ([a-z]+(?:-[a-z]+)?)(?=,? ([a-z'\u2019]+))")
_PRONOUN = re.compile(r"\b(she|her|hers|he|him|his)\b", re.I)
_HE_SHE = re.compile(r"(?<![\w'\u2019])(she|he)(?=(?:s|['\u2019][a-z]+)?\b)", re.I)  # "he", "he's", "hes"
_THEY = re.compile(r"\b(they|them|their)\b", re.I)
_INVISIBLE = {c: " " for c in (*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF)}
_CAPITAL = re.compile(r"(?<![A-Za-z'\u2019])[A-Z][a-z]+(?![A-Za-z])")


def child_names(text: str, norm: str, rules: Rules, child: str | None) -> list[str]:
    """The child's name (`child`, the subject, found here when not given) and every other
    capitalised word that is a name, lower case."""
    child = child or subject(text, norm, rules)[0]
    # Whether a word is a name is asked often and costs a look at every rule: kept.
    seen, names = rules.__dict__.setdefault("_is_name_seen", {}), {child.split()[-1].lower()}
    for w in set(_CAPITAL.findall(text)):
        known = seen.get(w)
        if known is None:
            known = _is_name(w, rules)
            if len(seen) < 5000:
                seen[w] = known
        if known:
            names.add(w.lower())
    return sorted(names - {"he", "she", "they", "child", "kids", "children", "twins"})


def subject(text: str, norm: str, rules: Rules) -> tuple[str, bool]:
    """Who the reason is about, as the parent wrote it, and whether it is plural: a name
    first ("She's struggling, Maya won't be in": Maya), then the earliest "my son", group or
    he/she; then him/her, they, and at last "My child"."""
    text = text.translate(_INVISIBLE)  # "Maya\u202e is refusing": a mark would hide the name
    named, found = [], []
    for m in _NAME_VERB.finditer(text):
        verb = rules.word(m.group(3).lower().replace("\u2019", "'")).split(" ")[0]
        if (m.group(2) or verb in rules.name_verbs) and _is_name(m.group(1), rules) \
                and not rules.titled.search(text, 0, m.start()) and not rules.greeted.search(text, 0, m.start()) \
                and not rules.related.search(text, 0, m.start()):
            named.append((m.start(1), m.group(1)))
            break
    # A rushed text in lower case: "tom has a cold", "sorry jack wont be in".
    for m in _LOWER_NAME_VERB.finditer(text):
        verb = rules.word(m.group(3).replace("\u2019", "'")).split(" ")[0]
        if m.group(1) in rules.first_names and (m.group(2) or verb in rules.name_verbs) \
                and not rules.related.search(text, 0, m.start()):
            named.append((m.start(1), m.group(1).capitalize()))
            break
    family = rules.family.search(text)
    if family:
        phrase = family.group()
        last = phrase.rsplit(" ", 1)[-1]
        if last[0].isupper() and not _is_name(last, rules):
            phrase = phrase[: -len(last) - 1]  # "my son Refuses": a verb, not a name
        elif last[0].isupper() and " " in phrase:
            phrase = last  # "my son Kwame": the name, as written (never a changed "My son")
        lower = _LOWER_AFTER.match(text, family.end()) if phrase is not last else None
        if lower and _lower_name(lower.group(1), lower.group(2), rules):
            named.append((family.start(), lower.group(1).capitalize()))  # "my son jack is..."
        elif phrase is last:
            named.append((family.start(), phrase))
        else:
            found.append((family.start(), phrase[0].upper() + phrase[1:]))
    # "The twins", "the kids": the child only when no single child is meant elsewhere
    # and not after "because of", "by"... ("scared because of the kids in his class").
    singular = _PRONOUN.search(norm)
    for group in rules.group.finditer(text):
        if not singular and not rules.not_after.search(text, 0, group.start()):
            found.append((group.start(), group.group()[0].upper() + group.group()[1:]))
            break
    for m in rules.name_after.finditer(text):
        if _is_name(m.group(1), rules) and not rules.related.search(text, 0, m.start(1)):
            named.append((m.start(1), m.group(1)))
            break
    he_she = _HE_SHE.search(text)
    if he_she:
        found.append((he_she.start(), he_she.group(1).capitalize()))
    if named or found:
        phrase = min(named or found)[1]
        return phrase, bool(rules.plural.search(phrase.lower()))
    if singular:
        return ("She" if singular.group(1) in ("she", "her", "hers") else "He"), False
    if _THEY.search(text):
        return "They", True
    return "My child", False


def _lower_name(word: str, verb: str, rules: Rules) -> bool:
    """A lower-case word after "my son" is his name when it is a common first name, or when
    a verb follows it and it is no other kind of word ("my son jack is", not "my son never is")."""
    if word in rules.first_names:
        return True
    verb = rules.word(verb.replace("\u2019", "'")).split(" ")[0]
    return (len(word) > 2 and verb in rules.name_verbs and word not in rules.name_verbs
            and not word.endswith("ly") and _is_name(word, rules) and word not in rules.not_lower_names)


def _is_name(word: str, rules: Rules) -> bool:
    w = word.lower()
    # "Hes", "Im": a contraction without its apostrophe is not a name.
    return w not in rules.not_names and " " not in rules.word(w) and not rules.is_term(word)
