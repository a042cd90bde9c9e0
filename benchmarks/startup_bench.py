"""How fast refusal-log starts, as ratios to the libraries it stands on.

    python benchmarks/startup_bench.py [--runs N]

Runs, interleaved (so a busy machine slows every command alike), N times each:
  - python -c "import typer"             the floor for --help and check
  - python -c "import sqlmodel, typer"   the floor for a write such as add-call
  - refusal-log check "Too unwell to attend school today (anxiety)"
  - refusal-log --help
  - refusal-log add-call --with ... --summary ...   (into a fresh log made here)
and prints the medians and the three ratios with their goals:
check ≤ 1.5× import typer, --help ≤ 1.5× import typer, add-call ≤ 1.15× import sqlmodel, typer.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _exe() -> list[str]:
    # The console script, as a user runs it; `python -m refusal_log` where it is not installed.
    script = Path(sys.executable).with_name("refusal-log")
    return [str(script)] if script.exists() else [sys.executable, "-m", "refusal_log"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="refusal-log-startup-"))
    env = {**os.environ, "REFUSAL_LOG_HOME": str(home / "home"), "REFUSAL_LOG_TZ": "Europe/London"}
    exe = _exe()
    subprocess.run([*exe, "init", "--child", "Sam", "--school", "Hill"], env=env, check=True, capture_output=True)
    commands = {
        "import typer": [sys.executable, "-c", "import typer"],
        "import sqlmodel, typer": [sys.executable, "-c", "import sqlmodel, typer"],
        "check": [*exe, "check", "Too unwell to attend school today (anxiety)"],
        "--help": [*exe, "--help"],
        "add-call": [*exe, "add-call", "--with", "Mrs Patel", "--summary", "Said the absences will be reviewed",
                     "--when", "08/09/2026 09:10"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            began = time.perf_counter()
            subprocess.run(command, env=env, check=True, capture_output=True, stdin=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - began)
    shutil.rmtree(home, ignore_errors=True)

    median = {name: statistics.median(values) for name, values in times.items()}
    for name, value in median.items():
        print(f"{name:<24} median {value * 1000:6.0f} ms")
    print(f"({args.runs} interleaved runs each)")
    for name, floor, goal in (("check", "import typer", 1.5), ("--help", "import typer", 1.5),
                              ("add-call", "import sqlmodel, typer", 1.15)):
        ratio = median[name] / median[floor]
        verdict = "within" if ratio <= goal else "over"
        print(f"{name:<9} / {floor:<24} {ratio:4.2f}x  (goal ≤ {goal}x: {verdict})")


if __name__ == "__main__":
    main()
