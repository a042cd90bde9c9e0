"""How long `search` takes over a log of 20,000 entries, beyond start-up.

    python benchmarks/search_bench.py [--entries N] [--cache DIR] [--rebuild] [--runs N]

The log is made the way a family moving computers would make it: an export file
(written here, 30-word texts of calls, notes, absences, GP visits, meetings and imported
emails, some corrected) is imported with `refusal-log import`, which also builds the
search index. Three words are planted: one in a single entry's only revision, one only
in a later revision (a correction), one only in an imported email's body. The log is
kept under /tmp between runs.

Then, as a user meets it, in interleaved runs (so a busy machine slows both alike):
  - `refusal-log --version` (interpreter and CLI start-up),
  - `refusal-log search WORD --json` for each planted word, and for a common word,
and prints the medians and the search time beyond start-up (goal: under 100 ms).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

PLANTED = {"entry": "quetzalcoatl", "revision": "marmalade", "email": "kingfisher"}
WORDS = ("school morning anxiety tired sleep support plan teacher class lesson break lunch quiet room "
         "bus worried stomach headache meeting office called asked review agreed nurse attendance letter "
         "week today better worse home reading calm panic friend uniform noise timetable form tutor").split()
KINDS = ("note", "call", "absence", "note", "gp", "call", "meeting", "email")


def _text(rng: random.Random, words: int = 30) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def make_export(count: int) -> dict:
    rng = random.Random(2026)
    start = datetime(2020, 1, 6, 8, 30, tzinfo=timezone.utc)
    recorded = "2026-01-01T12:00:00+00:00"
    items = []
    for i in range(1, count + 1):
        kind = KINDS[i % len(KINDS)]
        when = start + timedelta(hours=3 * i)
        base = {"revision": 1, "when": when.isoformat(), "recorded": (when + timedelta(hours=1)).isoformat(),
                "change_reason": None}
        if kind == "note":
            fields = {"text": _text(rng)}
        elif kind == "call":
            fields = {"with": "Mrs Patel", "role": "attendance officer", "direction": "in",
                      "summary": _text(rng), "agreed": _text(rng, 8), "minutes": 10}
        elif kind == "absence":
            day = when.date().isoformat()
            base["when"] = f"{day}T00:00:00+00:00"
            fields = {"date": day, "until": None, "sessions": "both", "reason": _text(rng, 12), "via": "email",
                      "told": "Mrs Patel", "verdict": "ok", "wording_rules": []}
        elif kind == "gp":
            fields = {"clinician": "Dr Shah", "summary": _text(rng), "referral": ["CAMHS"], "letter": "requested"}
        elif kind == "meeting":
            fields = {"with": "Mr Hughes (SENCo)", "witness": "Claire", "summary": _text(rng),
                      "agreed": _text(rng, 8), "minutes_requested": True}
        else:
            fields = {"message_id": f"<m{i}@school.example>", "from": "Office <office@school.example>",
                      "to": ["parent@example.org"], "subject": f"Re: {_text(rng, 4)}", "body": _text(rng, 60)}
        history = [{**base, **fields}]
        if i % 50 == 0 and kind in ("note", "call"):
            key = "text" if kind == "note" else "summary"
            history.append({**base, **fields, "revision": 2, "change_reason": "typo", key: _text(rng)})
        items.append({"id": i, "kind": kind, "child": "Maya", "recorded": base["recorded"], "history": history,
                      "withdrawn": None, "attachments": []})
    # The planted words: each where only one thing in the log has it.
    note = next(e for e in items if e["kind"] == "note" and len(e["history"]) == 1 and e["id"] > count // 2)
    note["history"][0]["text"] += f" {PLANTED['entry']}"
    corrected = next(e for e in items if len(e["history"]) == 2)
    key = "text" if corrected["kind"] == "note" else "summary"
    corrected["history"][1][key] += f" {PLANTED['revision']}"
    mail = next(e for e in items if e["kind"] == "email" and e["id"] > count // 3)
    mail["history"][0]["body"] += f" {PLANTED['email']}"
    return {"format": "refusal-log-export", "version": 1, "tool": "bench", "exported": recorded,
            "profile": {"parent": "Sarah"}, "contacts": [],
            "children": [{"id": 1, "name": "Maya", "school": "Hollins Park", "born": None, "recorded": recorded}],
            "entries": items, "planted_ids": [note["id"], corrected["id"], mail["id"]]}


def run(command: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - began


def run_cpu(command: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run."""
    began = time.perf_counter()
    child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed")
    return time.perf_counter() - began, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--cache", type=Path, default=None, help="Folder to keep the imported log in.")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    os.environ.setdefault("REFUSAL_LOG_TZ", "Europe/London")

    home = args.cache or Path(tempfile.gettempdir()) / f"refusal-log-search-bench-{args.entries}"
    exe = [sys.executable, "-m", "refusal_log", "--home", str(home)]
    done = home / ".complete"
    if args.rebuild or not done.exists():
        import shutil

        shutil.rmtree(home, ignore_errors=True)
        document = make_export(args.entries)
        planted = document.pop("planted_ids")
        export = Path(tempfile.mkdtemp(prefix="refusal-log-search-bench-")) / "export.json"
        export.write_text(json.dumps(document))
        sys.stderr.write(f"Importing {args.entries} entries into {home} (once; kept for later runs)...\n")
        took = run([*exe, "import", str(export)])
        sys.stderr.write(f"Imported in {took:.1f} s.\n")
        (home / "planted.json").write_text(json.dumps(planted))
        done.write_text("ok\n")
    planted = json.loads((home / "planted.json").read_text())

    for (where, word), expected in zip(PLANTED.items(), planted):
        found = json.loads(subprocess.run([*exe, "search", word, "--json"], check=True, capture_output=True,
                                          text=True).stdout)
        got = [hit["id"] for hit in found]
        print(f"planted in {where:<8} {word!r:<16} found {got} (expected [{expected}])"
              f"{'' if got == [expected] else '  MISMATCH'}")

    # Byte-code as an installed copy has it (see startup_bench.py).
    import compileall

    import refusal_log

    compileall.compile_dir(Path(refusal_log.__file__).parent, quiet=1)
    queries = [*PLANTED.values(), "anxiety"]
    names = ["--version", *queries]
    wall: dict[str, list[float]] = {n: [] for n in names}
    cpu: dict[str, list[float]] = {n: [] for n in names}
    for _ in range(args.runs):
        for name in names:
            command = [*exe, "--version"] if name == "--version" else [*exe, "search", name, "--json"]
            w, c = run_cpu(command)
            wall[name].append(w)
            cpu[name].append(c)
    base, base_cpu = statistics.median(wall["--version"]), statistics.median(cpu["--version"])
    print(f"refusal-log --version            median {base * 1000:5.0f} ms wall, {base_cpu * 1000:4.0f} ms CPU "
          f"({args.runs} interleaved runs)")
    for q in queries:
        median, median_cpu = statistics.median(wall[q]), statistics.median(cpu[q])
        beyond = (median - base) * 1000
        verdict = "within" if beyond < 100 else "over"
        note = "" if q in PLANTED.values() else "  (a word in most entries: every one is a hit)"
        print(f"search {q!r:<16} --json  median {median * 1000:5.0f} ms wall, {median_cpu * 1000:4.0f} ms CPU; "
              f"beyond start-up {beyond:4.0f} ms wall, {(median_cpu - base_cpu) * 1000:4.0f} ms CPU "
              f"({verdict} the 100 ms goal){note}")

if __name__ == "__main__":
    main()
