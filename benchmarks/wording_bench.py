"""How long the wording check takes per reason, on the phrasings of the regression table
(tests/wording_cases.py): what a batch costs (a timeline, a long draft, the test suite).

    python benchmarks/wording_bench.py [ROWS]

The first pass includes compiling the patterns those rows need; the later passes are the
steady cost. CPU time of this process, so a busy machine changes it less than the wall clock.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path


def main(rows: int = 4000) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    import wording_cases

    from refusal_log.wording import check_text

    texts = [text for text, _ in (wording_cases.CASES + wording_cases.INDEPENDENT_BLIND20_46)][:rows]
    passes = []
    for _ in range(6):
        start = time.process_time()
        for text in texts:
            check_text(text)
        passes.append((time.process_time() - start) / len(texts))
    print(f"{len(texts)} reasons: first pass {passes[0] * 1000:.2f} ms a reason, fastest {min(passes[1:]) * 1000:.2f} ms, "
          f"then a median of {statistics.median(passes[1:]) * 1000:.2f} ms")
    # Pastes near the 20,000-character limit, ordinary and hostile (the attacker on round 130: a run of 19,990 full stops
    # took 13 s when every dot started a fresh try at a sentence end).
    pastes = {"ordinary": ("She has flu. " * 1600)[:19990], "full stops": "." * 19990 + "flu",
              "question marks": "?" * 19990, "one-word sentences": ". " * 9000 + "flu",
              # Many different phrasings in one paste wake most of the rules at once (the attacker on round 140).
              "many phrasings": " ".join(text for text, _ in wording_cases.CASES[::7])[:19990]}
    for name, text in pastes.items():
        start = time.process_time()
        check_text(text)
        print(f"a paste of {len(text):,} characters ({name}): {(time.process_time() - start) * 1000:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 4000)
