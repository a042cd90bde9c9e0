"""Agreement of `check` with a blind set's labels: python tools/blind_score.py N [N ...] (tricky sets: TRICKY=N,N).

Reads BLIND_DIR/blindN.jsonl (see tools/blind_prompt.py); MISSES=1 lists each disagreement. Run it before reading any
row, on the commit being measured, and report the figure (issue 10, Done-when 3).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from refusal_log.wording import check_text  # noqa: E402

BLIND_DIR = Path(os.environ.get("BLIND_DIR", "/work/eval-tools"))
TRICKY = set(filter(None, os.environ.get("TRICKY", "").split(",")))


def main(sets: list[str]) -> None:
    per, halves = [], {"everyday": [0, 0], "tricky": [0, 0]}
    for n in sets:
        rows = [json.loads(line) for line in (BLIND_DIR / f"blind{n}.jsonl").read_text(encoding="utf-8").splitlines()
                if line.strip()]
        agree = 0
        for row in rows:
            verdict = check_text(row["text"]).verdict
            agree += verdict == row["label"]
            if verdict != row["label"] and os.environ.get("MISSES"):
                print(f"  [{n}] {row['label']} vs {verdict}: {row['text']!r}")
        per.append(f"{n}:{agree}/{len(rows)}")
        half = halves["tricky" if n in TRICKY else "everyday"]
        half[0] += agree
        half[1] += len(rows)
    total = sum(a for a, _ in halves.values()) / max(1, sum(b for _, b in halves.values()))
    print(" ".join(per), f"total {100 * total:.1f}%",
          " ".join(f"{name} {100 * a / b:.1f}%" for name, (a, b) in halves.items() if b))


if __name__ == "__main__":
    main(sys.argv[1:])
