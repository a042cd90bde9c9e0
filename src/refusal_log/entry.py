"""The `refusal-log` console script and `python -m refusal_log`.

Importing cli.py builds the Typer app (click, rich), which costs more than `check`
itself. So this module, which imports neither, first lets a plain `check` run on its
own (see cli_check.fast_main); everything else goes to cli.main.

The cyclic garbage collector is tuned for a short-lived process. Importing sqlmodel
and typer makes hundreds of thousands of objects and almost no garbage, yet with
Python's default threshold (a collection every 700 new objects) the collector walks
them again and again: a tenth of add-call's time. At exit, Python collects once more
over everything only to hand the memory back to the system. So: collections far less
often (still often enough to bound a long import's memory), and at exit the objects
are frozen, which the final collection skips. Nothing is skipped that matters:
every file and database connection is closed by the code that opened it.
"""

import gc
import sys

# New objects between two young-generation collections (Python's default is 700).
GC_THRESHOLD = 10_000


def main() -> None:
    gc.set_threshold(GC_THRESHOLD, 20, 20)
    try:
        from refusal_log.cli_check import fast_main

        code = fast_main(sys.argv[1:])
        if code is not None:
            sys.exit(code)
        from refusal_log.cli import main as typer_main

        typer_main()
    finally:
        gc.freeze()
