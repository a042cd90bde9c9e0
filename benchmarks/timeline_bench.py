"""How long the HTML timeline of a large log takes: 20,000 entries.

    python benchmarks/timeline_bench.py [--shape logged|imported|search] [--entries N] [--cache DIR] [--rebuild]

Three shapes of log:
  - logged (the default): built through the ordinary domain functions (entries.add_*
    and people.setup, one write transaction each, as the commands do), every kind
    mixed; it takes a few minutes.
  - imported: a log moved from another tool: calls and notes only, each with a text
    of about 30 words, built by `refusal-log import` of a generated export (seconds).
  - search: the log benchmarks/search_bench.py imports (every kind, emails and
    corrections among them, every meeting's minutes asked for); `--cache` may name
    the folder search_bench.py already filled.
Either is built once and kept under /tmp between runs. Then it times, in this process:
  - loading the entries (entries.list_entries),
  - building the template context and rendering the HTML (render.timeline, which
    loads again, so this figure is the whole in-process cost),
and as a user would meet it:
  - `refusal-log --version` (interpreter and CLI start-up),
  - `refusal-log timeline --format html --out FILE`, minus that start-up,
the two interleaved (so a busy machine slows both alike), best and median of the runs.
The target is under one second beyond start-up.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

KIND_CYCLE = ("note", "absence", "call", "note", "gp", "call", "meeting", "note")


def build(home: Path, count: int) -> None:
    from refusal_log import dates, entries, paths, people

    paths.set_home(home)
    people.setup("Maya", "Hollins Park Academy", "Sarah Bennett", "sarah@example.org",
                 "attendance@hollinspark.example.org", "england")
    people.add_contact("Mrs Patel", "attendance officer", "patel@hollinspark.example.org")
    start = dates.parse_datetime("2020-01-06 08:30")
    began = time.perf_counter()
    for i in range(count):
        moment = start + timedelta(hours=3 * i)
        when = moment.strftime("%Y-%m-%d %H:%M")
        kind = KIND_CYCLE[i % len(KIND_CYCLE)]
        if kind == "absence":
            # Every tenth absence in words the check advises against, as real logs have.
            risky = i % 10 == 1
            reason = "She is refusing to go in." if risky else "Too unwell to attend: anxiety and sickness."
            entries.add_absence(moment.date().isoformat(), reason, via="email", told="Mrs Patel",
                                accept_wording=risky)
        elif kind == "call":
            entries.add_call("Mrs Patel", f"Call {i}: we talked about attendance and the support plan. " * 3,
                             when=when, direction="in", agreed="I will send the GP letter; school will review", minutes=10)
        elif kind == "gp":
            entries.add_gp(f"Visit {i}: symptoms of anxiety discussed.", when=when, clinician="Dr Shah",
                           referrals=["CAMHS"], letter="requested")
        elif kind == "meeting":
            entries.add_meeting("Mr Hughes (SENCo), Ms Okafor", f"Meeting {i}: support reviewed.", when=when,
                                witness="Claire Morgan", agreed="Quiet room by Friday; staff briefed",
                                minutes_requested=True)
        else:
            entries.add_note(f"Note {i}: how the day went, in a few sentences of ordinary length. " * 2, when=when)
        if (i + 1) % 1000 == 0:
            rate = (i + 1) / (time.perf_counter() - began)
            sys.stderr.write(f"  built {i + 1} of {count} entries ({rate:.0f} a second)\n")


WORDS = ("school", "anxious", "morning", "asked", "teacher", "quiet", "room", "support", "plan", "tired",
         "slept", "badly", "tummy", "ache", "crying", "door", "car", "uniform", "lunch", "friends")


def _text(i: int, words: int = 30) -> str:
    return " ".join(WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(words)).capitalize() + "."


def build_imported(home: Path, count: int) -> None:
    """An export of `count` calls and notes, written to a file and imported, as a user would."""
    import json

    from refusal_log import dates, exchange, paths

    start = dates.parse_datetime("2020-01-06 08:30")
    recorded = (start + timedelta(days=1)).isoformat()
    entries = []
    for i in range(count):
        when = (start + timedelta(hours=3 * i)).isoformat()
        revision = {"revision": 1, "when": when, "recorded": when, "change_reason": None}
        if i % 2:
            revision |= {"with": "Mrs Patel", "role": "attendance officer", "direction": "in", "summary": _text(i),
                         "agreed": None, "minutes": 10}
        else:
            revision |= {"text": _text(i)}
        entries.append({"id": i + 1, "kind": "call" if i % 2 else "note", "child": "Maya", "recorded": when,
                        "history": [revision], "withdrawn": None, "attachments": []})
    document = {"format": exchange.FORMAT, "version": 1, "tool": "bench", "exported": recorded,
                "profile": {"parent": "Sarah Bennett", "school_email": "attendance@hollinspark.example.org"},
                "children": [{"id": 1, "name": "Maya", "school": "Hollins Park Academy", "recorded": recorded}],
                "contacts": [], "entries": entries}
    export = home.parent / f"{home.name}-export.json"
    export.write_text(json.dumps(document), encoding="utf-8")
    paths.set_home(home)
    exchange.import_json(str(export))


def build_search(home: Path, count: int) -> None:
    """The export search_bench.py makes, imported as a user would."""
    import json

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from search_bench import make_export

    from refusal_log import exchange, paths

    document = make_export(count)
    document.pop("planted_ids")
    export = home.parent / f"{home.name}-export.json"
    export.write_text(json.dumps(document), encoding="utf-8")
    paths.set_home(home)
    exchange.import_json(str(export))


def _cpu() -> float:
    """CPU seconds used so far by this process and the commands it ran (user + system)."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def best_of(runs: int, action) -> tuple[float, float, float]:
    """Best and median wall-clock seconds, and the best CPU seconds (steadier on a busy machine)."""
    times, cpu = [], []
    for _ in range(runs):
        began, used = time.perf_counter(), _cpu()
        action()
        times.append(time.perf_counter() - began)
        cpu.append(_cpu() - used)
    return min(times), statistics.median(times), min(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", choices=("logged", "imported", "search"), default="logged")
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--cache", type=Path, default=None, help="Folder to keep the built log in.")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("REFUSAL_LOG_TZ", "Europe/London")

    suffix = "" if args.shape == "logged" else f"-{args.shape}"
    home = args.cache or Path(tempfile.gettempdir()) / f"refusal-log-bench-{args.entries}{suffix}"
    done = home / ".complete"
    if args.rebuild or not done.exists():
        import shutil

        shutil.rmtree(home, ignore_errors=True)
        sys.stderr.write(f"Building a log of {args.entries} entries in {home} (once; kept for later runs)...\n")
        began = time.perf_counter()
        {"logged": build, "imported": build_imported, "search": build_search}[args.shape](home, args.entries)
        done.write_text("ok\n")
        sys.stderr.write(f"Built in {time.perf_counter() - began:.0f} s.\n")

    from refusal_log import entries, paths, render

    paths.set_home(home)
    count = len(entries.list_entries())
    print(f"Log: {home} ({count} entries)")

    load = best_of(args.runs, lambda: entries.list_entries())
    print(f"in-process  load entries (list_entries):        best {load[0]:.3f} s, median {load[1]:.3f} s, "
          f"CPU {load[2]:.3f} s")
    html: list[str] = []
    whole = best_of(args.runs, lambda: html.append(render.timeline("html").text))
    print(f"in-process  render HTML timeline (load+render): best {whole[0]:.3f} s, median {whole[1]:.3f} s, "
          f"CPU {whole[2]:.3f} s  ({len(html[-1]) / 1e6:.1f} MB of HTML)")
    print(f"            of which context and template:      about {whole[0] - load[0]:.3f} s, "
          f"CPU {whole[2] - load[2]:.3f} s")

    out = Path(tempfile.mkdtemp(prefix="refusal-log-bench-out-")) / "timeline.html"
    command = [sys.executable, "-m", "refusal_log", "--home", str(home)]
    runs = {"--version": ([*command, "--version"], []), "timeline": ([*command, "timeline", "--format", "html",
                                                                    "--out", str(out)], [])}
    for _ in range(args.runs):  # interleaved
        for argv, taken in runs.values():
            taken.append(_timed(argv))
    startup, full = runs["--version"][1], runs["timeline"][1]
    for name, taken in (("--version (start-up)", startup), ("timeline --format html", full)):
        print(f"subprocess  refusal-log {name:<22}  best {min(w for w, _ in taken):.3f} s, "
              f"median {statistics.median(w for w, _ in taken):.3f} s, CPU {min(c for _, c in taken):.3f} s")
    best = min(w for w, _ in full) - min(w for w, _ in startup)
    median = statistics.median(w for w, _ in full) - statistics.median(w for w, _ in startup)
    cpu = min(c for _, c in full) - min(c for _, c in startup)
    verdict = "within" if median < 1.0 else "over"
    print(f"beyond start-up: best {best:.3f} s, median {median:.3f} s of {args.runs} runs ({verdict} the one-second "
          f"target); CPU {cpu:.3f} s (what an idle machine's wall clock would show)")


def _timed(argv: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one run of a command."""
    began = time.perf_counter()
    child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - began
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {child.stderr.read().decode()[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
