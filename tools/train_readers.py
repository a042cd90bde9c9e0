"""Train the wording check's second reading (src/refusal_log/wording/readers.json).

The rules in rules.toml explain every verdict; on phrasings no rule was written for they are
sometimes milder than independent readers. The second reading is a small linear model trained
on how independent readers (helpers who never saw the rules) labelled 7,350 everyday phrasings
(tools/phrasings.jsonl). It may only make a verdict stricter (ok -> caution, caution -> avoid),
never milder, and it never words a suggestion: see wording/readers.py.

Run from the project root, with scikit-learn installed (a tool for maintainers, not a
dependency of refusal-log):

    pip install scikit-learn
    python tools/train_readers.py            # writes src/refusal_log/wording/readers.json
    python tools/train_readers.py --hold blind38,blind39,blind40   # measure on sets left out

Retrain after changing rules.toml: the model reads the rules' verdict as one of its features.
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
RANK = {"ok": 0, "caution": 1, "avoid": 2}
# Settings measured on blind sets left out of training (see CHANGELOG): bigrams seen in at least
# five phrasings, and a reading confident enough to outweigh the rules, on a reason long enough for
# it (short reasons are the rules' and the table's: there the two never disagree).
MIN_DF, C, THRESHOLD, MIN_WORDS, VERDICT_WEIGHT = 5, 4.0, 0.65, 16, 2.0


def main() -> int:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from scipy.sparse import csr_matrix, hstack

    sys.path.insert(0, str(ROOT / "src"))
    from refusal_log.wording import check_text, load_rules
    from refusal_log.wording.readers import TOKEN_PATTERN
    from refusal_log.wording.verdict import masked_names

    parser = argparse.ArgumentParser()
    parser.add_argument("--hold", default="", help="comma-separated sets to leave out and measure on")
    parser.add_argument("--out", default=str(OUT), help="where to write the model (default: the shipped one)")
    args = parser.parse_args()
    held = {s for s in args.hold.split(",") if s}
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    rules = load_rules()
    for row in rows:
        row["rules"] = check_text(row["text"], second_reading=False).verdict  # the rules alone
        row["words"] = masked_names(row["text"], rules)  # names never decide
    train = [r for r in rows if r["set"] not in held]
    test = [r for r in rows if r["set"] in held]

    text = TfidfVectorizer(ngram_range=(1, 2), min_df=MIN_DF, sublinear_tf=True, token_pattern=TOKEN_PATTERN)
    classes = ["ok", "caution", "avoid"]

    def features(part, fit=False):
        words = text.fit_transform([r["words"] for r in part]) if fit else text.transform([r["words"] for r in part])
        verdicts = csr_matrix([[VERDICT_WEIGHT if r["rules"] == c else 0.0 for c in classes] for r in part])
        return hstack([words, verdicts]).tocsr()

    model = LogisticRegression(C=C, max_iter=5000).fit(features(train, fit=True), [r["label"] for r in train])
    if test:
        probabilities = model.predict_proba(features(test))
        order = list(model.classes_)
        base = hybrid = 0
        for row, p in zip(test, probabilities):
            best = order[p.argmax()]
            long_enough = len(row["text"].split()) >= MIN_WORDS
            final = best if long_enough and p.max() >= THRESHOLD and RANK[best] > RANK[row["rules"]] else row["rules"]
            base += row["rules"] in row["acceptable"]
            hybrid += final in row["acceptable"]
        print(f"held out {sorted(held)}: rules {base / len(test):.1%}, with the second reading {hybrid / len(test):.1%}"
              " (the model alone; check_text also skips lawful reasons)")
        if args.out == str(OUT):
            return 0  # a model that has not seen every set is never shipped

    vocabulary = sorted(text.vocabulary_, key=text.vocabulary_.get)
    order = list(model.classes_)
    coef = {c: model.coef_[order.index(c)] for c in classes}
    width = len(vocabulary)
    out = Path(args.out)
    out.write_text(json.dumps({
        "about": "The wording check's second reading: see tools/train_readers.py. Generated; do not edit by hand.",
        "trained_on": len(train),
        "threshold": THRESHOLD,
        "min_words": MIN_WORDS,
        "classes": classes,
        "intercept": [round(float(model.intercept_[order.index(c)]), 5) for c in classes],
        "verdict_weight": VERDICT_WEIGHT,
        "verdict_coef": [[round(float(coef[c][width + j]), 5) for j in range(len(classes))] for c in classes],
        # Compact, so that reading it costs a millisecond: the terms one per line, and per term its
        # idf and one weight per class as little-endian float32, base64-encoded.
        "terms": "\n".join(vocabulary),
        "weights": base64.b64encode(array("f", [float(v) for i in range(width) for v in
                                               (text.idf_[i], *(coef[c][i] for c in classes))]).tobytes()).decode("ascii"),
    }, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {out}: {width} terms from {len(train)} phrasings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
