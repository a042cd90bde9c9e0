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
import compileall
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

    # Byte-code as an installed copy has it (pip compiles a wheel's modules). Without
    # it, and with PYTHONDONTWRITEBYTECODE set, every run would compile our source anew.
    import refusal_log

    compileall.compile_dir(Path(refusal_log.__file__).parent, quiet=1)
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
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            wall, used = run(command, env)
            times[name].append(wall)
            cpu[name].append(used)
    shutil.rmtree(home, ignore_errors=True)

    median = {name: statistics.median(values) for name, values in times.items()}
    median_cpu = {name: statistics.median(values) for name, values in cpu.items()}
    for name in commands:
        print(f"{name:<24} median {median[name] * 1000:6.0f} ms wall, {median_cpu[name] * 1000:6.0f} ms CPU")
    print(f"({args.runs} interleaved runs each; CPU time is user + system, steadier on a busy machine)")
    for name, floor, goal in (("check", "import typer", 1.5), ("--help", "import typer", 1.5),
                              ("add-call", "import sqlmodel, typer", 1.15)):
        ratio = median[name] / median[floor]
        ratio_cpu = median_cpu[name] / median_cpu[floor]
        verdict = "within" if ratio <= goal else "over"
        print(f"{name:<9} / {floor:<24} {ratio:4.2f}x wall ({verdict} the goal of {goal}x), {ratio_cpu:4.2f}x CPU")


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of a command."""
    began = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - began
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {child.returncode}")
    return wall, usage.ru_utime + usage.ru_stime

if __name__ == "__main__":
    main()
