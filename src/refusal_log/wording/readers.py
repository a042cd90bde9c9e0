"""The second reading: how independent readers read a reason the rules found milder.

The rules (rules.toml) decide and explain every verdict. On phrasings no rule was written for
they are sometimes milder than the parent advocates who labelled 34,350 everyday phrasings for
this project (tools/phrasings.jsonl). readers.json holds a small linear model trained on those
labels (tools/train_readers.py); this module reads it, with the standard library only.

The model reads the words alone, not the rules' verdict: trained on the rules' verdict it only
learned to trust them, on the very phrasings they were written for. It may only make a verdict
one step stricter (ok -> caution, caution -> avoid), or go from ok to avoid when it is sure enough
(jump_threshold), never milder, so a rule's warning is never hidden; over an illness of the child's that the parent named it needs to be surer still before
it says avoid. It adds one finding that says so in plain words, citing the FAQ and the statute,
and it never words a suggestion (an avoid without one is marked withheld). Nothing here
prints, and the model is read on first use only.
"""

from __future__ import annotations

import math
import os
import re
import sys
from functools import lru_cache

# The tokens the model was trained on (scikit-learn's default: words of two or more characters).
TOKEN_PATTERN = r"(?u)\b\w\w+\b"
_TOKENS = re.compile(TOKEN_PATTERN)
_SPACES = re.compile(r"\s\s+")  # scikit-learn's, before it splits a text into words
_RANK = {"ok": 0, "caution": 1, "avoid": 2}
# (os.path, not pathlib, and the model's own imports inside _model: `check` on a short reason never
# reads the model, and should not pay for importing what reads it.)
MODEL_PATH = os.path.join(os.path.dirname(__file__), "readers.json")
_MAX_MODEL_BYTES = 8 * 1024 * 1024  # the shipped model is about 1.4 MB
# Reasons shorter than this are never read by the model (nor is it loaded for them): the model's
# own min_words may only be larger. (Reading short reasons when the model is very sure, from 0.9, was
# measured in the fifth session and not kept: +8 of 1,800 fresh rows, but 58 of our table's short rows
# raised, most of them someone else's words quoted, "the school called it 'refusal'".)
READ_FROM_WORDS = 12
# A zero-width space between words parts them, as the rules read it ("too\u200bunwell" is two words); a
# soft hyphen or a joiner inside a word does not ("re\u00adfuses" is one).
_BETWEEN_WORDS = re.compile(r"[\s\u180e\u200b\u200e\u200f\u2061-\u2064]+")


def word_count(text: str) -> int:
    """The number of words, as a reader counts them."""
    return len([w for w in _BETWEEN_WORDS.split(text) if w])


# A letter's own label before the parent's words ("Reason for absence: ..."), which are not theirs (the newcomer on
# round 169: the label's three words took an 11-word reason over the second reading's length in a draft).
_LABEL = re.compile(r"\s*[A-Z][A-Za-z' ]{1,30}: +(?=\S)")


def without_label(text: str) -> str:
    """The text without a short label opening it."""
    label = _LABEL.match(text)
    return text[label.end():] if label else text


@lru_cache(maxsize=1)
def _model() -> dict | None:
    """The model, checked whole before it is trusted; None (the rules alone decide) when it is
    missing or damaged in any way."""
    import base64
    import json
    from array import array

    try:
        # Only an ordinary file of a sensible size (a FIFO or a device would never end).
        if not os.path.isfile(MODEL_PATH) or os.path.getsize(MODEL_PATH) > _MAX_MODEL_BYTES:
            return None
        with open(MODEL_PATH, encoding="utf-8") as f:
            model = json.loads(f.read())
        classes = model["classes"]

        def floats(packed: str) -> array:
            # Little-endian float32, base64-encoded (tools/train_readers.py).
            values = array("f", base64.b64decode(packed, validate=True))
            if sys.byteorder != "little":
                values.byteswap()
            return values

        weights = floats(model["weights"])
        terms = model["terms"].split("\n")
        # The letters block (fragments of two to five letters inside each word, so "feelin",
        # "poorly-ish" and "refusin" are read as their kin): optional, so an older model still reads.
        char_terms = model["char_terms"].split("\n") if "char_terms" in model else []
        char_weights = floats(model["char_weights"]) if char_terms else array("f")
        low, high = model.get("char_ngrams", [2, 5])
        numbers = [*model["intercept"], model["threshold"], model["illness_threshold"], model["stated_threshold"],
                   model.get("jump_threshold", 2), model["min_words"], low, high]
        sound = (classes == ["ok", "caution", "avoid"] and len(model["intercept"]) == 3
                 and all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in numbers)
                 and 0 < model["threshold"] <= 1 and 0 < model["illness_threshold"] <= 1
                 and model["threshold"] <= model["stated_threshold"] <= 1
                 and model["threshold"] <= model["illness_threshold"]
                 and isinstance(model["min_words"], int) and model["min_words"] >= 0
                 and model["threshold"] <= model.get("jump_threshold", 2)
                 and isinstance(low, int) and isinstance(high, int) and 1 <= low <= high <= 8
                 and len(weights) == len(terms) * 4 and all(math.isfinite(w) for w in weights)
                 and len(char_weights) == len(char_terms) * 4 and all(math.isfinite(w) for w in char_weights))
    except Exception:  # noqa: BLE001 - any damage at all: the rules alone decide
        return None
    if not sound:
        return None
    model["index"] = {t: i for i, t in enumerate(terms)}
    model["weights"] = weights
    model["char_index"] = {t: i for i, t in enumerate(char_terms)}
    model["char_weights"] = char_weights
    model["char_ngrams"] = (low, high)
    model["char_cache"] = {}
    return model


def reading(text: str) -> tuple[str, float] | None:
    """(the label independent readers would most likely give, its probability), or None
    when no model is shipped."""
    model = _model()
    if model is None:
        return None
    classes = model["classes"]
    stride = 1 + len(classes)
    lowered = text.lower()
    logits = list(model["intercept"])
    # Each block is scikit-learn's tf-idf, as trained: sublinear counts times idf, then unit length.
    letters = _letter_counts(lowered, model["char_index"], *model["char_ngrams"], cache=model["char_cache"])
    log = math.log
    for counts, weights in ((_word_counts(lowered, model["index"]), model["weights"]), (letters, model["char_weights"])):
        # The three classes' sums written out (_model checks there are three): a long reason has
        # hundreds of terms, and this loop is most of what reading it costs.
        square = ok = caution = avoid = 0.0
        for at, c in counts.items():
            at *= stride
            v = weights[at] if c == 1 else (1.0 + log(c)) * weights[at]
            square += v * v
            ok += v * weights[at + 1]
            caution += v * weights[at + 2]
            avoid += v * weights[at + 3]
        norm = math.sqrt(square) or 1.0
        logits[0] += ok / norm
        logits[1] += caution / norm
        logits[2] += avoid / norm
    top = max(logits)
    exps = [math.exp(v - top) for v in logits]
    best = max(range(len(classes)), key=exps.__getitem__)
    return classes[best], exps[best] / sum(exps)


def _word_counts(lowered: str, index: dict) -> dict[int, int]:
    """Words and pairs of words, as scikit-learn's word analyser makes them."""
    tokens = _TOKENS.findall(lowered)
    counts: dict[int, int] = {}
    for n in (1, 2):
        for i in range(len(tokens) - n + 1):
            at = index.get(" ".join(tokens[i:i + n]))
            if at is not None:
                counts[at] = counts.get(at, 0) + 1
    return counts


def _letter_counts(lowered: str, index: dict, low: int, high: int, cache: dict | None = None) -> dict[int, int]:
    """Runs of low..high letters inside each word padded with a space, as scikit-learn's
    "char_wb" analyser makes them (a word no longer than a run gives itself, padded, once).
    `cache` keeps each word's runs: a batch of checks meets the same words again."""
    counts: dict[int, int] = {}
    if not index:
        return counts
    for word in _SPACES.sub(" ", lowered).split():
        found = cache.get(word) if cache is not None else None
        if found is None:
            found = _word_letters(word, index, low, high)
            if cache is not None and len(cache) < 50_000:  # bounded: made-up words do not grow it for ever
                cache[word] = found
        for at in found:
            counts[at] = counts.get(at, 0) + 1
    return counts


def _word_letters(word: str, index: dict, low: int, high: int) -> tuple[int, ...]:
    """One word's runs that the model knows, in the order they occur."""
    word, found = f" {word} ", []
    for n in range(low, high + 1):
        for i in range(max(1, len(word) - n + 1)):
            at = index.get(word[i:i + n])
            if at is not None:
                found.append(at)
        if len(word) <= n:
            break
    return tuple(found)


def stricter(text: str, verdict: str, *, illness: bool = False, stated: bool = False) -> str | None:
    """The verdict stricter than `verdict` (see decide), when independent readers would be stricter
    and the model is confident enough; else None (the rules' verdict stands). `illness`: the
    parent named an illness of the child's, so avoid needs the model surer still; `stated`: the
    rules pass the reason with that illness stated plainly, so asking for more needs it surer again."""
    try:
        return _stricter(text, verdict, illness, stated)
    except (ArithmeticError, LookupError, TypeError, ValueError):
        return None  # never a traceback: the rules' verdict stands


def _stricter(text: str, verdict: str, illness: bool, stated: bool) -> str | None:
    model = _model()
    if model is None or word_count(text) < model["min_words"]:
        return None  # a short reason is the rules' alone: the table of them is theirs
    label, probability = reading(text)
    return decide(model, verdict, label, probability, illness, stated)


def decide(model: dict, verdict: str, label: str, probability: float, illness: bool, stated: bool = False) -> str | None:
    """The policy, shared with tools/train_readers.py so that what it measures is what ships."""
    if probability < model["threshold"] or _RANK[label] <= _RANK.get(verdict, 2):
        return None
    if stated and probability < model["stated_threshold"]:
        return None
    # One step, unless the reading is sure enough to go straight from ok to avoid (jump_threshold):
    # "Tom's off sick, well he says he is but I reckon it's Monday blues" is not merely weak.
    jump = label == "avoid" and verdict == "ok" and probability >= model.get("jump_threshold", 2)
    stricter = "avoid" if jump else ("ok", "caution", "avoid")[_RANK[verdict] + 1]
    if stricter == "avoid" and illness and probability < model["illness_threshold"]:
        return "caution" if verdict == "ok" else None
    return stricter
