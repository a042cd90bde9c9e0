"""The `refusal-log` console script and `python -m refusal_log`.

Importing cli.py builds the whole Typer app (every command, click, rich), which costs
more than `check` itself. So this module, which imports neither, first lets a plain
`check` run on its own (see cli_check.fast_main); everything else goes to cli.main.
"""

import sys


def main() -> None:
    from refusal_log.cli_check import fast_main

    code = fast_main(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from refusal_log.cli import main as typer_main

    typer_main()
