"""Train the wording check's second reading (src/refusal_log/wording/readers.json).

The rules in rules.toml explain every verdict; on phrasings no rule was written for they are
sometimes milder than independent readers. The second reading is a small linear model trained
on how independent readers (helpers who never saw the rules) labelled 34,350 everyday phrasings
(tools/phrasings.jsonl). It reads the words alone (names masked), not the rules' verdict. It may
only make a verdict stricter (one step, or ok -> avoid when sure enough), never milder, and it
never words a suggestion: see wording/readers.py.

Run from the project root, with scikit-learn installed (a tool for maintainers, not a
dependency of refusal-log):

    pip install scikit-learn
    python tools/train_readers.py            # writes src/refusal_log/wording/readers.json
    python tools/train_readers.py --hold blind38,blind39,blind40   # measure on sets left out
    python tools/train_readers.py --settings-only   # the settings below into the shipped model, weights kept

The model does not read the rules' verdict, so a change to rules.toml needs no retraining (only a
change to the names it masks, or new labelled phrasings).
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tools" / "phrasings.jsonl"
OUT = ROOT / "src" / "refusal_log" / "wording" / "readers.json"
# Settings measured on blind sets left out of training (blind47-55, see CHANGELOG): bigrams seen in
# at least three phrasings; a reading confident enough to outweigh the rules, and surer still to
# say avoid over an illness the parent named; a reason long enough for it (the shortest are the
# rules' and the table's: our own table of short phrasings, written with the FAQ, reads
# another's words and whose each clause is, which words alone cannot).
MIN_DF, C, THRESHOLD, ILLNESS_THRESHOLD, STATED_THRESHOLD, MIN_WORDS = 3, 4.0, 0.5, 0.85, 0.85, 12
# The letters block (fifth session): fragments of two to five letters inside each word, seen in at
# least three phrasings, beside the words and pairs of words; and a reading this sure may go from
# ok straight to avoid. Measured on blind341-358, each group with the rules of the commit it was
# first scored on and a model trained only on the sets before it (see CHANGELOG).
CHAR_NGRAMS, JUMP_THRESHOLD = (2, 5), 0.8
# THRESHOLD was lowered from 0.7 in the fourth session (2026-12-03):
# measured on blind317-340, each group on the commit it was first scored on, then confirmed on
# blind341-346 before any of their rows was read (see CHANGELOG). Reading short reasons too (from
# six words) was measured and not kept: it gained one or two rows in 600 and lost 27 of the table's.


def settings() -> dict:
    """The policy stored beside the weights (readers.decide reads it)."""
    return {"threshold": THRESHOLD, "illness_threshold": ILLNESS_THRESHOLD, "stated_threshold": STATED_THRESHOLD,
            "jump_threshold": JUMP_THRESHOLD, "min_words": MIN_WORDS}


def main() -> int:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    sys.path.insert(0, str(ROOT / "src"))
    from refusal_log.wording import check_text, load_rules
    from refusal_log.wording.readers import TOKEN_PATTERN, decide, word_count
    from refusal_log.wording.verdict import _Analysis, masked_names

    parser = argparse.ArgumentParser()
    parser.add_argument("--hold", default="", help="comma-separated sets to leave out and measure on")
    parser.add_argument("--out", default=str(OUT), help="where to write the model (default: the shipped one)")
    parser.add_argument("--settings-only", action="store_true",
                        help="write only the settings below into the model, keeping its trained weights "
                             "(a retrain with another scikit-learn moves every weight a little)")
    args = parser.parse_args()
    if args.settings_only:
        out = Path(args.out)
        model = json.loads(out.read_text(encoding="utf-8"))
        model.update(settings())
        out.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        print(f"wrote the settings into {out}")
        return 0
    held = {s for s in args.hold.split(",") if s}
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    rules = load_rules()
    for row in rows:
        row["words"] = masked_names(row["text"], rules)  # names never decide
    train = [r for r in rows if r["set"] not in held]
    test = [r for r in rows if r["set"] in held]
    for row in test:
        row["rules"] = check_text(row["text"], second_reading=False).verdict  # the rules alone
        an = _Analysis(row["text"], rules)
        row["illness"], row["stated"] = bool(an.illness), row["rules"] == "ok" and an.stated

    from scipy.sparse import hstack

    text = TfidfVectorizer(ngram_range=(1, 2), min_df=MIN_DF, sublinear_tf=True, token_pattern=TOKEN_PATTERN)
    letters = TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, min_df=MIN_DF, sublinear_tf=True)
    classes = ["ok", "caution", "avoid"]

    def features(part, fit=False):
        words = [r["words"] for r in part]
        blocks = [v.fit_transform(words) if fit else v.transform(words) for v in (text, letters)]
        return hstack(blocks).tocsr()

    policy = settings()  # what ships is what is measured
    model = LogisticRegression(C=C, max_iter=5000).fit(features(train, fit=True), [r["label"] for r in train])
    if test:
        probabilities = model.predict_proba(features(test))
        order = list(model.classes_)
        base = hybrid = 0
        for row, p in zip(test, probabilities):
            long_enough = word_count(row["text"]) >= MIN_WORDS
            stricter = decide(policy, row["rules"], order[p.argmax()], p.max(), row["illness"], row["stated"]) if long_enough else None
            final = stricter or row["rules"]
            base += row["rules"] in row["acceptable"]
            hybrid += final in row["acceptable"]
        print(f"held out {sorted(held)}: rules {base / len(test):.1%}, with the second reading {hybrid / len(test):.1%}"
              " (the model alone; check_text also skips lawful reasons)")
        if args.out == str(OUT):
            return 0  # a model that has not seen every set is never shipped

    vocabulary = sorted(text.vocabulary_, key=text.vocabulary_.get)
    fragments = sorted(letters.vocabulary_, key=letters.vocabulary_.get)
    order = list(model.classes_)
    coef = {c: model.coef_[order.index(c)] for c in classes}
    width = len(vocabulary)

    def packed(idf, start, count):
        # Compact, so that reading it costs a few milliseconds: per term its idf and one weight per
        # class as little-endian float32, base64-encoded.
        return base64.b64encode(array("f", [float(v) for i in range(count) for v in
                                            (idf[i], *(coef[c][start + i] for c in classes))]).tobytes()).decode("ascii")
    out = Path(args.out)
    out.write_text(json.dumps({
        "about": "The wording check's second reading: see tools/train_readers.py. Generated; do not edit by hand.",
        "trained_on": len(train),
        **settings(),
        "classes": classes,
        "intercept": [round(float(model.intercept_[order.index(c)]), 5) for c in classes],
        "terms": "\n".join(vocabulary),  # one per line
        "weights": packed(text.idf_, 0, width),
        "char_ngrams": list(CHAR_NGRAMS),
        "char_terms": "\n".join(fragments),
        "char_weights": packed(letters.idf_, width, len(fragments)),
    }, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {out}: {width} terms and {len(fragments)} letter runs from {len(train)} phrasings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
