"""How fast `refusal-log check` starts, as issue 12 measures it: the median of interleaved
runs of `python -c "import typer"`, `refusal-log --version` and `refusal-log check "..."`.

    python benchmarks/check_bench.py [RUNS]

`--version` is the floor the command line itself sets (Typer building the commands); what
`check` adds beyond it is the wording engine's share.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time


def _time(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, capture_output=True, env=env, check=False)
    return time.perf_counter() - start


def main(runs: int = 21) -> None:
    import os

    env = dict(os.environ, REFUSAL_LOG_HOME=tempfile.mkdtemp(prefix="check-bench-"))
    commands = {
        "import typer": [sys.executable, "-c", "import typer"],
        "--version": [sys.executable, "-m", "refusal_log", "--version"],
        "check": [sys.executable, "-m", "refusal_log", "check", "She is refusing to go in today"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            times[name].append(_time(cmd, env))
    base = statistics.median(times["import typer"])
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:>13}: median {median * 1000:6.0f} ms  ({median / base:.2f}x import typer)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 21)
